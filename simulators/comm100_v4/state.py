"""The Comm100 v4 simulator's state: partners, their credentials, and their sites.

Issued tokens live in the harness's shared ``TokenIssuer``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from partner_apis.models.comm100_v4 import Site
from partner_apis.simulators.harness import Owned, Rendered, SimError

__all__ = ["Credential", "SiteRecord", "SiteStore"]


@dataclass(frozen=True)
class Credential:
    """One partner's fixed bearer token and, optionally, its login; without Manage Site it gets 403.

    ``token`` is always a valid bearer token (tests and profiles bring it ready-made); a
    credential with ``email``, ``password`` and ``client_id`` can also log in at the token
    endpoint, and the tokens issued there stand for this credential. The token and the
    password are secrets: the repr shows neither.
    """

    token: str = field(repr=False)
    partner_id: int
    manage_site: bool = True
    email: str | None = None
    password: str | None = field(default=None, repr=False)
    client_id: str | None = field(default=None, repr=False)


@dataclass
class SiteRecord(Rendered):
    """A site as the vendor keeps it: the public Site plus what only the server knows."""

    site: Site
    email: str
    plan_id: int
    agent_emails: list[str] = field(default_factory=list)

    def answer(self) -> dict[str, Any]:
        """The site as the API answers it."""
        return self.site.model_dump(mode="json", exclude_none=True)


class SiteStore(Owned[SiteRecord]):
    """Every partner's sites, by id (from 10001). Ids are global, so one partner's id is another's 404."""

    def __init__(self, first_id: int = 10001) -> None:
        super().__init__(first_id, missing=lambda site_id: SimError(404, "not_found", f"site {site_id} not found"))
        self._update = threading.Lock()

    def create(self, partner_id: int, fields: dict[str, Any], email: str, plan_id: int) -> SiteRecord:
        """Create a site for ``partner_id`` from validated fields and return it."""

        def make(site_id: int) -> SiteRecord:
            site = Site.model_validate({**fields, "id": site_id, "partnerId": partner_id})
            return SiteRecord(site, email, plan_id, [email])

        return self.add(partner_id, make)

    def update(self, record: SiteRecord, changes: dict[str, Any]) -> SiteRecord:
        """Apply validated changes to a site and return it."""
        with self._update:
            record.site = Site.model_validate({**record.site.model_dump(exclude_none=True), **changes})
            record.changed()
            return record

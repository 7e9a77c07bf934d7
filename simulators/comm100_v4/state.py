"""The Comm100 v4 simulator's state: partners, their credentials, and their sites.

Issued tokens live in the harness's shared ``TokenIssuer``.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from typing import Any

from partner_apis.models.comm100_v4 import Site
from partner_apis.simulators.harness.encoded import Encoded

__all__ = ["Credential", "SiteRecord", "SiteStore"]


@dataclass(frozen=True)
class Credential:
    """One partner's fixed bearer token and, optionally, its login; without Manage Site it gets 403.

    ``token`` is always a valid bearer token (tests and profiles bring it ready-made); a
    credential with ``email``, ``password`` and ``client_id`` can also log in at the token
    endpoint, and the tokens issued there stand for this credential.
    """

    token: str
    partner_id: int
    manage_site: bool = True
    email: str | None = None
    password: str | None = None
    client_id: str | None = None

    def __repr__(self) -> str:
        # The token and the password are secrets; the login is not.
        return f"Credential(email={self.email!r}, partner_id={self.partner_id}, manage_site={self.manage_site})"


@dataclass
class SiteRecord:
    """A site as the vendor keeps it: the public Site plus what only the server knows.

    ``view`` is the site's JSON answer, rendered and encoded once per change rather than per read
    (lists of sites are most of the simulator's work under load); never mutate it.
    """

    site: Site
    email: str
    plan_id: int
    agent_emails: list[str] = field(default_factory=list)
    view: Encoded = field(default_factory=lambda: Encoded({}))

    def __post_init__(self) -> None:
        self.render()

    def render(self) -> None:
        """Re-render ``view`` from ``site``."""
        self.view = Encoded(self.site.model_dump(mode="json", exclude_none=True))


class SiteStore:
    """Every partner's sites, by id. Ids are global, so one partner's id is another's 404."""

    def __init__(self, first_id: int = 10001) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(first_id)
        self._sites: dict[int, SiteRecord] = {}
        # Each partner's sites, oldest first: a list never scans another partner's sites.
        self._by_partner: dict[int, list[SiteRecord]] = {}

    def add(self, partner_id: int, fields: dict[str, Any], email: str, plan_id: int) -> SiteRecord:
        """Create a site for ``partner_id`` from validated fields and return it."""
        with self._lock:
            site_id = next(self._ids)
            site = Site.model_validate({**fields, "id": site_id, "partnerId": partner_id})
            record = SiteRecord(site, email, plan_id, [email])
            self._sites[site_id] = record
            self._by_partner.setdefault(partner_id, []).append(record)
            return record

    def get(self, partner_id: int, site_id: int) -> SiteRecord | None:
        """The site if it exists and belongs to ``partner_id``; None otherwise."""
        record = self._sites.get(site_id)
        if record is None or record.site.partnerId != partner_id:
            return None
        return record

    def update(self, record: SiteRecord, changes: dict[str, Any]) -> SiteRecord:
        """Apply validated changes to a site and return it."""
        with self._lock:
            merged = {**record.site.model_dump(exclude_none=True), **changes}
            record.site = Site.model_validate(merged)
            record.render()
            return record

    def of_partner(self, partner_id: int) -> list[SiteRecord]:
        """Every site of ``partner_id``, oldest first."""
        with self._lock:
            return list(self._by_partner.get(partner_id, ()))

    def __len__(self) -> int:
        return len(self._sites)

"""The Comm100 v3 simulator's state: partners and their logins, and sites (tokens: the harness's TokenIssuer)."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

# The token issuer is the harness's, shared with every simulator that has a token endpoint;
# it is re-exported here, where it used to live.
from partner_apis.simulators.harness.encoded import Encoded
from partner_apis.simulators.harness.tokens import TokenIssuer

__all__ = ["Agent", "Credential", "SiteRecord", "SiteStore", "TokenIssuer"]


@dataclass(frozen=True)
class Credential:
    """A partner's login (email and password); without Manage Site it gets 403 on every site call."""

    email: str
    password: str
    partner_id: int
    manage_site: bool = True

    def __repr__(self) -> str:
        return f"Credential(email={self.email!r}, partner_id={self.partner_id}, manage_site={self.manage_site})"


@dataclass(frozen=True)
class Agent:
    """An agent of a site (the registrant is the first); the keyword search reads them."""

    name: str
    email: str


@dataclass
class SiteRecord:
    """A site as the vendor keeps it: its public JSON plus what only the server knows."""

    partner_id: int
    site: dict[str, Any]
    agents: list[Agent] = field(default_factory=list)
    paying: bool = False
    # The site as the API answers it, encoded when it is made and after each change rather
    # than on each read (a page of sites repeats up to 100 of them, read as an attribute).
    view: Encoded = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.changed()

    def changed(self) -> None:
        """Encode ``view`` again: ``site`` was changed in place."""
        self.view = Encoded(self.site)

    @property
    def id(self) -> int:
        site_id: int = self.site["id"]
        return site_id

    def matches(self, words: Iterable[str]) -> bool:
        """Whether every word is in one of the searched fields (case-insensitive substring)."""
        contact = self.site["contact"]
        fields = [
            self.site["company"],
            self.site["website"],
            contact["firstName"],
            contact["lastName"],
            contact["email"],
            *(agent.name for agent in self.agents),
            *(agent.email for agent in self.agents),
        ]
        haystack = [text.casefold() for text in fields]
        return all(any(word in text for text in haystack) for word in words)


def now_text() -> str:
    """The current UTC time as the doc writes a create time: ``2018-08-08T02:24:19.887``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]


class SiteStore:
    """Every partner's sites, by id. Ids are global, so one partner's id is another's 404."""

    def __init__(self, first_id: int = 6000000) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(first_id)
        self._sites: dict[int, SiteRecord] = {}
        # Each partner's sites in creation order: paging 100,000 sites must not rescan
        # every partner's sites for every page.
        self._by_partner: dict[int, list[SiteRecord]] = {}

    def add(self, partner_id: int, site: dict[str, Any], agents: list[Agent]) -> SiteRecord:
        """Store a new site (its JSON without ``id``) for ``partner_id`` and return it."""
        with self._lock:
            site_id = next(self._ids)
            record = SiteRecord(partner_id, {"id": site_id, **site}, agents)
            self._sites[site_id] = record
            self._by_partner.setdefault(partner_id, []).append(record)
            return record

    def get(self, partner_id: int, site_id: int) -> SiteRecord | None:
        """The site if it exists and belongs to ``partner_id``; None otherwise."""
        record = self._sites.get(site_id)
        if record is None or record.partner_id != partner_id:
            return None
        return record

    def of_partner(self, partner_id: int) -> list[SiteRecord]:
        """Every site of ``partner_id``, oldest (lowest id) first."""
        with self._lock:
            return list(self._by_partner.get(partner_id, ()))

    def __len__(self) -> int:
        return len(self._sites)

"""The Comm100 v3 simulator's state: partners' logins and their sites (tokens: the harness's TokenIssuer)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

# Re-exported here, where the token issuer used to live.
from partner_apis.simulators.harness import Owned, Rendered, SimError, TokenIssuer, every_word_in

__all__ = ["Agent", "Credential", "SiteRecord", "SiteStore", "TokenIssuer"]


@dataclass(frozen=True)
class Credential:
    """A partner's login (email and password); without Manage Site it gets 403 on every site call."""

    email: str
    password: str = field(repr=False)
    partner_id: int
    manage_site: bool = True


@dataclass(frozen=True)
class Agent:
    """An agent of a site (the registrant is the first); the keyword search reads them."""

    name: str
    email: str


@dataclass
class SiteRecord(Rendered):
    """A site as the vendor keeps it: its public JSON plus what only the server knows.

    Whoever changes ``site`` in place calls ``changed()`` (its answer is encoded once per change).
    """

    site: dict[str, Any]
    agents: list[Agent] = field(default_factory=list)
    paying: bool = False

    def answer(self) -> dict[str, Any]:
        """The site as the API answers it."""
        return self.site

    @property
    def id(self) -> int:
        site_id: int = self.site["id"]
        return site_id

    def matches(self, keywords: str) -> bool:
        """Whether every word of ``keywords`` is in one of the searched fields (case-insensitive substring)."""
        contact = self.site["contact"]
        fields = [self.site["company"], self.site["website"], contact["firstName"], contact["lastName"]]
        fields += [contact["email"], *(agent.name for agent in self.agents), *(agent.email for agent in self.agents)]
        return every_word_in(keywords, fields)


def now_text() -> str:
    """The current UTC time as the doc writes a create time: ``2018-08-08T02:24:19.887``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]


class SiteStore(Owned[SiteRecord]):
    """Every partner's sites, by id (from 6000000). Ids are global, so one partner's id is another's 404."""

    def __init__(self, first_id: int = 6000000) -> None:
        super().__init__(first_id, missing=lambda site_id: SimError(404, "not_found", f"Site {site_id} not found."))

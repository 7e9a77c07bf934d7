"""The Omnize simulator's state: partners' tokens, and the accounts, agents and departments they own.

Ownership is a tree: a partner owns accounts, an account owns agents and departments, and
a department refers to agents of its own account. Every lookup takes the calling
partner, so another partner's record is indistinguishable from a missing one. Ids are
global and never reused, as a database sequence's are.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from partner_apis.models.omnize_partner import ActiveFlag, Administrator, Channel, Profile
from partner_apis.simulators.harness import Owned, Rendered, SchemaAnswer

from .refusals import not_found

__all__ = [
    "AccountRecord", "AgentRecord", "Credential", "DepartmentRecord", "OmnizeStore", "account_json",
    "account_summary_json", "agent_detail_json", "agent_json", "rfc3339", "timestamp",
]  # fmt: skip

KEY = "omnize-partner"
# Every property of the spec's schema in its order, Ruby's nil (null) where the partner
# API has no way to set it; the account's constants are the doc sample's, not settable.
agent_json = SchemaAnswer(KEY, "Agent")
account_json = SchemaAnswer(KEY, "Account", validate_hash=True, region_id=36, segment_id=1, facelift=True)
_DEPARTMENT = SchemaAnswer(KEY, "Department")
# Show agent's shape (October 2020): presence is not simulated, so every agent is OFFLINE.
agent_detail_json = SchemaAnswer(KEY, "AgentDetail", new_status="OFFLINE")
_ACCOUNT_SUMMARY = SchemaAnswer(KEY, "AccountSummary")


def timestamp() -> str:
    """Now, in Omnize's "YYYY-MM-DD HH:MM:SS" form (UTC; the vendor shows no zone)."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")


def rfc3339(stamp: str) -> str:
    """A record's timestamp (``2017-06-02 19:24:00``, UTC) as list accounts and v2 write it: ``...T19:24:00.000Z``."""
    return stamp.replace(" ", "T") + ".000Z"


def account_summary_json(account: AccountRecord) -> dict[str, Any]:
    """An account as list accounts answers it (AccountSummary): ``phone`` is its ``telefone``, dates in RFC 3339."""
    return _ACCOUNT_SUMMARY(
        account,
        phone=account.telefone,
        active=account.ativo == ActiveFlag.ACTIVE,
        date_creation=rfc3339(account.date_creation),
        change_date=rfc3339(account.change_date),
    )


@dataclass(frozen=True)
class Credential:
    """One partner's token from the partner portal."""

    token: str = field(repr=False)
    partner_id: int


@dataclass(kw_only=True)
class Versioned:
    """What an account and an agent both keep: the active flag, a version counted up on each change, the dates."""

    ativo: ActiveFlag = ActiveFlag.ACTIVE
    version_register: int = 0
    date_creation: str = field(default_factory=timestamp)
    change_date: str = field(default_factory=timestamp)

    def touch(self) -> None:
        """Count a change: the next version, changed now."""
        self.version_register += 1
        self.change_date = timestamp()


@dataclass
class AccountRecord(Versioned):
    """A customer account: the fields Omnize returns, plus what only the server keeps."""

    id: int
    partner_id: int
    domain_id: int
    email: str
    main_contact: str
    telefone: str
    url: str
    license_quantity: int
    password_digest: str | None = field(default=None, repr=False)
    license_code: str | None = None


@dataclass
class AgentRecord(Versioned):
    """An agent of one account; the password is kept only as the digest it arrived as."""

    id: int
    account_id: int
    email: str
    name: str
    password_digest: str = field(repr=False)
    profile: Profile = Profile.AGENT
    text_limit: int | None = None

    @property
    def administrator(self) -> Administrator:
        """Whether the agent's profile is ADMIN, in the answer's words (its password is never answered)."""
        return Administrator.SIM if self.profile == Profile.ADMIN else Administrator.NAO


@dataclass
class DepartmentRecord(Rendered):
    """A department of one account: its channels and its agents are ordered sets."""

    id: int
    account_id: int
    name: str
    description: str | None = None
    ativo: ActiveFlag = ActiveFlag.ACTIVE
    channels: tuple[Channel, ...] = ()
    agent_ids: list[int] = field(default_factory=list)
    # Kept for v2's answers (created_at, updated_at); v1's Department shows neither.
    date_creation: str = field(default_factory=timestamp)
    change_date: str = field(default_factory=timestamp)

    def __setattr__(self, name: str, value: Any) -> None:
        # Assigning any field forgets the encoded answer (no field it shows changes in place).
        self.changed()
        object.__setattr__(self, name, value)

    def answer(self) -> dict[str, Any]:
        """The department with its channels (the doc never shows one; see the spec's Department)."""
        return _DEPARTMENT(self)


class OmnizeStore:
    """Every partner's accounts, and each account's agents and departments (harness ``Owned`` tables).

    ``accounts`` are owned by partner ids, ``agents`` and ``departments`` by account ids,
    so ``agents.require(partner_id, agent_id)`` finds a partner's agent (or refuses
    "Agent not found") and removing an account removes its agents and departments.
    """

    def __init__(self) -> None:
        self.accounts: Owned[AccountRecord] = Owned(4931, missing=lambda _: not_found("Account"))
        self.agents: Owned[AgentRecord] = Owned(12153, within=self.accounts, missing=lambda _: not_found("Agent"))
        self.departments: Owned[DepartmentRecord] = Owned(
            1, within=self.accounts, missing=lambda _: not_found("Department")
        )
        self.domain_ids = itertools.count(4926)

    def agent_by_email(self, email: str) -> AgentRecord | None:
        """The agent whose login e-mail is ``email`` in any letter case, whoever owns it."""
        wanted = email.casefold()
        return next((agent for agent in self.agents if agent.email.casefold() == wanted), None)

    def add_agent(
        self, account_id: int, fields: Mapping[str, Any], profile: Profile, text_limit: int | None
    ) -> AgentRecord:
        """A new agent of the account from a create call's ``agent`` fields, its password kept as the digest sent."""
        return self.agents.add(
            account_id,
            lambda agent_id: AgentRecord(
                id=agent_id,
                account_id=account_id,
                email=fields["email"],
                name=fields["name"],
                password_digest=fields["password"],
                profile=profile,
                text_limit=text_limit,
            ),
        )

    def department_refs(self, agent: AgentRecord) -> list[dict[str, Any]]:
        """The departments ``agent`` belongs to, as an agent's answer names them: ``{"id", "name"}`` each."""
        departments = self.departments.of(agent.account_id)
        return [
            {"id": department.id, "name": department.name}
            for department in departments
            if agent.id in department.agent_ids
        ]

    def active_agents(self, account_id: int) -> int:
        """How many of the account's agents hold a licence (are active)."""
        return sum(1 for agent in self.agents.of(account_id) if agent.ativo == ActiveFlag.ACTIVE)

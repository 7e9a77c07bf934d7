"""The Omnize simulator's state: partners' tokens, and the accounts, agents and departments they own.

Ownership is a tree: a partner owns accounts, an account owns agents and departments, and
a department refers to agents of its own account. Every lookup takes the calling
partner, so another partner's record is indistinguishable from a missing one. Ids are
global and never reused, as a database sequence's are.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from partner_apis.models.omnize_partner import ActiveFlag, Channel, Profile
from partner_apis.simulators.harness import Rendered

__all__ = ["AccountRecord", "AgentRecord", "Credential", "DepartmentRecord", "OmnizeStore", "timestamp"]


def timestamp() -> str:
    """Now, in Omnize's "YYYY-MM-DD HH:MM:SS" form (UTC; the vendor shows no zone)."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class Credential:
    """One partner's token from the partner portal."""

    token: str = field(repr=False)
    partner_id: int


@dataclass
class AccountRecord:
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
    ativo: ActiveFlag = ActiveFlag.ACTIVE
    version_register: int = 0
    date_creation: str = field(default_factory=timestamp)
    change_date: str = field(default_factory=timestamp)


@dataclass
class AgentRecord:
    """An agent of one account; the password is kept only as the digest it arrived as."""

    id: int
    account_id: int
    email: str
    name: str
    password_digest: str = field(repr=False)
    profile: Profile = Profile.AGENT
    text_limit: int | None = None
    ativo: ActiveFlag = ActiveFlag.ACTIVE
    version_register: int = 0
    date_creation: str = field(default_factory=timestamp)
    change_date: str = field(default_factory=timestamp)


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

    def __setattr__(self, name: str, value: Any) -> None:
        # Assigning any field forgets the encoded answer (no field it shows changes in place).
        self.changed()
        object.__setattr__(self, name, value)

    def answer(self) -> dict[str, Any]:
        """The department with its channels (the doc never shows one; see the spec's Department)."""
        channels = [channel.value for channel in self.channels]
        return {"id": self.id, "account_id": self.account_id, "name": self.name, "description": self.description,
                "ativo": int(self.ativo), "channels": channels}  # fmt: skip


class OmnizeStore:
    """Every partner's accounts, agents and departments, looked up on the caller's behalf.

    Not locked: the harness runs handlers one at a time on the server's event loop.
    """

    def __init__(self) -> None:
        self._account_ids = itertools.count(4931)
        self._domain_ids = itertools.count(4926)
        self._agent_ids = itertools.count(12153)
        self._department_ids = itertools.count(1)
        self.accounts: dict[int, AccountRecord] = {}
        self.agents: dict[int, AgentRecord] = {}
        self.departments: dict[int, DepartmentRecord] = {}

    # -- ids ----------------------------------------------------------------------------

    def next_account_ids(self) -> tuple[int, int]:
        """A fresh (account id, domain id) pair."""
        return next(self._account_ids), next(self._domain_ids)

    def next_agent_id(self) -> int:
        """A fresh agent id."""
        return next(self._agent_ids)

    def next_department_id(self) -> int:
        """A fresh department id."""
        return next(self._department_ids)

    # -- lookups on a partner's behalf --------------------------------------------------

    def account(self, partner_id: int, account_id: int) -> AccountRecord | None:
        """The account if it exists and belongs to ``partner_id``."""
        account = self.accounts.get(account_id)
        return account if account is not None and account.partner_id == partner_id else None

    def agent(self, partner_id: int, agent_id: int) -> AgentRecord | None:
        """The agent if it exists and its account belongs to ``partner_id``."""
        agent = self.agents.get(agent_id)
        return agent if agent is not None and self.account(partner_id, agent.account_id) else None

    def department(self, partner_id: int, department_id: int) -> DepartmentRecord | None:
        """The department if it exists and its account belongs to ``partner_id``."""
        department = self.departments.get(department_id)
        return department if department is not None and self.account(partner_id, department.account_id) else None

    def agent_by_email(self, email: str) -> AgentRecord | None:
        """The agent whose login e-mail is ``email`` in any letter case, whoever owns it."""
        wanted = email.casefold()
        return next((agent for agent in self.agents.values() if agent.email.casefold() == wanted), None)

    def agents_of(self, account_id: int) -> list[AgentRecord]:
        """The account's agents, oldest first."""
        return [agent for agent in self.agents.values() if agent.account_id == account_id]

    def departments_of(self, account_id: int) -> list[DepartmentRecord]:
        """The account's departments, oldest first."""
        return [department for department in self.departments.values() if department.account_id == account_id]

    def active_agents(self, account_id: int) -> int:
        """How many of the account's agents hold a licence (are active)."""
        return sum(1 for agent in self.agents_of(account_id) if agent.ativo == ActiveFlag.ACTIVE)

    # -- removal ------------------------------------------------------------------------

    def delete_account(self, account: AccountRecord) -> None:
        """Remove the account with its agents and departments."""
        for agent in self.agents_of(account.id):
            del self.agents[agent.id]
        for department in self.departments_of(account.id):
            del self.departments[department.id]
        del self.accounts[account.id]

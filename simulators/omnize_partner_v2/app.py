"""The Omnize partner API v2 simulator: agents and departments, on the same records as v1.

One vendor backend serves v1 and v2 (the same host and prefix, the same ids: see the v2
spec's description), so this simulator keeps its state in v1's model
(:class:`~partner_apis.simulators.omnize_partner.OmnizeStore`) and reuses v1's rules,
refusals and list paging. Given v1's store (``store=v1_app.state.simulator.store``), an
account a partner created through v1 is the account v2's agents belong to, and an agent
created through either is seen by both. Alone, it seeds each partner with one account
(v2 has no account operations; the tenants' ``facts`` name it).

Rules beyond the spec's schemas (the spec's ``x-inferred-rules`` give the reasons):
- the partner token is read from the JSON body or, failing that, the query string;
- a partner sees only its own accounts' agents and departments; an agent or department
  named with another account (``account_id``) is "... not found", as an unknown one;
- v1's licence cap and e-mail uniqueness hold (creating, or making an agent active);
- ``department_ids`` (agents) and ``agent_ids`` (departments) must name records of the
  same account; on create without ``department_ids`` an agent joins the account's first
  department; on update they replace the current ones, as ``channels`` do;
- "audio" and "voice" name one channel, answered as ``VOICE``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeVar

from partner_apis.models.omnize_partner import ActiveFlag, Channel, Profile
from partner_apis.simulators.harness import Call, Owned, Reply, SchemaAnswer, app_factory
from partner_apis.simulators.omnize_partner.app import DEFAULT_CREDENTIALS, OmnizePartners, page_of, success
from partner_apis.simulators.omnize_partner.refusals import not_found
from partner_apis.simulators.omnize_partner.state import (
    AccountRecord,
    AgentRecord,
    Credential,
    DepartmentRecord,
    OmnizeStore,
    rfc3339,
    timestamp,
)
from partner_apis.simulators.tenants import frozen

__all__ = ["OmnizeV2Simulator", "create_app"]

KEY = "omnize-partner-v2"
# Presence is not simulated: every agent is OFFLINE. The queue settings are the samples'.
_AGENT = SchemaAnswer(KEY, "Agent", status="OFFLINE")
_DEPARTMENT = SchemaAnswer(KEY, "Department", queue=True, queued_max_time=120, ringing_max_time=20)
# A channel as answers show it: the sample's ids and upper-case names ("audio" is VOICE).
_CHANNELS = {Channel.CHAT: (1, "CHAT"), Channel.VIDEO: (2, "VIDEO"), Channel.AUDIO: (3, "VOICE")}


class _OfAccount(Protocol):
    id: int
    account_id: int


Held = TypeVar("Held", bound=_OfAccount)


def _channel(name: str) -> Channel:
    return Channel.AUDIO if name == "voice" else Channel(name)


class OmnizeV2Simulator(OmnizePartners):
    """A stateful Omnize v2 server; ``store`` is v1's (shared) or a fresh one seeded with an account per partner.

    v1's partner tokens, token reading, refusals, account lookup and rules
    (:class:`~partner_apis.simulators.omnize_partner.app.OmnizePartners`) are v2's.
    ``seeded_licences`` is each seeded account's ``license_quantity`` (how many active
    agents it may have). Raises ``ValueError`` for fewer than 0.
    """

    key = KEY

    def __init__(
        self,
        credentials: Iterable[Credential] = DEFAULT_CREDENTIALS,
        store: OmnizeStore | None = None,
        seeded_licences: int = 20,
    ) -> None:
        if seeded_licences < 0:
            raise ValueError(f"seeded_licences is a count of licences, not {seeded_licences}")
        super().__init__(credentials, store)
        self.seeded_licences = seeded_licences
        self.seeded: dict[int, int] = {}
        if store is None:
            for credential in self.credentials.values():
                account = self._seed_account(credential.partner_id)
                self.seeded[credential.partner_id] = account.id

    def _seed_account(self, partner_id: int) -> AccountRecord:
        email = f"partner{partner_id}@example.com"
        return self.store.accounts.add(
            partner_id,
            lambda account_id: AccountRecord(
                id=account_id,
                partner_id=partner_id,
                domain_id=next(self.store.domain_ids),
                email=email,
                main_contact=f"Partner {partner_id}",
                telefone="(11) 0000-0000",
                url="example.com",
                license_quantity=self.seeded_licences,
            ),
        )

    # -- what is seeded (read by the pytest fixture) ----------------------------------------

    def facts(self, credential: Credential) -> dict[str, Any]:
        """The partner's id, and the account seeded for it (when this simulator seeded one)."""
        seeded = self.seeded.get(credential.partner_id)
        return super().facts(credential) | ({} if seeded is None else {"account_id": seeded})

    def seed_data(self) -> Mapping[str, Any]:
        """The account seeded for each partner, by partner id (none when v1's store is shared)."""
        return frozen({"accounts": dict(self.seeded)})

    # -- lookups that refuse ------------------------------------------------------------

    def _named(self, records: Owned[Held], account: AccountRecord, ids: Iterable[int], resource: str) -> list[Held]:
        # Each id once, in the order first named; an id of another account (or partner), or
        # an unknown one, refuses them all ("<Resource> not found").
        named: list[Held] = []
        for record_id in dict.fromkeys(ids):
            record = records.get(account.partner_id, record_id)
            if record is None or record.account_id != account.id:
                raise not_found(resource)
            named.append(record)
        return named

    def _agents(self, account: AccountRecord, ids: Iterable[int]) -> list[AgentRecord]:
        return self._named(self.store.agents, account, ids, "Agent")

    def _departments(self, account: AccountRecord, ids: Iterable[int]) -> list[DepartmentRecord]:
        return self._named(self.store.departments, account, ids, "Department")

    def _agent(self, call: Call, account: AccountRecord) -> AgentRecord:
        return self._agents(account, [call.path["id"]])[0]

    # -- answers --------------------------------------------------------------------------

    def _agent_json(self, agent: AgentRecord) -> dict[str, Any]:
        return _AGENT(
            agent,
            active=agent.ativo == ActiveFlag.ACTIVE,
            departments=self.store.department_refs(agent),
            created_at=rfc3339(agent.date_creation),
            updated_at=rfc3339(agent.change_date),
        )

    def _department_json(self, department: DepartmentRecord) -> dict[str, Any]:
        existing = {agent.id for agent in self.store.agents.of(department.account_id)}
        return _DEPARTMENT(
            department,
            active=department.ativo == ActiveFlag.ACTIVE,
            agents=sum(agent_id in existing for agent_id in department.agent_ids),
            channels=[
                {"id": _CHANNELS[channel][0], "name": _CHANNELS[channel][1], "state": 1}
                for channel in department.channels
            ],
            created_at=rfc3339(department.date_creation),
            updated_at=rfc3339(department.change_date),
        )

    # -- agents -------------------------------------------------------------------------

    def list_agents(self, call: Call) -> Reply:
        account = self._account(call, call.query["account_id"])
        agents = page_of(self.store.agents.of(account.id), call.query, ("name", "email"))
        return Reply(200, success(agents=[self._agent_json(agent) for agent in agents]))

    def show_agent(self, call: Call) -> Reply:
        account = self._account(call, call.query["account_id"])
        return Reply(200, success(agent=self._agent_json(self._agent(call, account))))

    def create_agent(self, call: Call) -> Reply:
        fields = call.body["agent"]
        account = self._account(call, fields["account_id"])
        ids = call.body.get("department_ids")
        departments = self._departments(account, ids) if ids is not None else self.store.departments.of(account.id)[:1]
        self._check_email_free(fields["email"])
        self._check_licence_free(account)
        # v2's table types text_limit as a string: it is stored (and answered) as the integer it names.
        text_limit = None if fields.get("text_limit") is None else int(fields["text_limit"])
        agent = self.store.add_agent(account.id, fields, Profile(call.body.get("profile") or Profile.AGENT), text_limit)
        for department in departments:
            department.agent_ids = [*department.agent_ids, agent.id]
        return Reply(200, success(agent=self._agent_json(agent)))

    def update_agent(self, call: Call) -> Reply:
        changes = call.body["agent"]
        account = self._account(call, changes["account_id"])
        agent = self._agent(call, account)
        ids = call.body.get("department_ids")
        departments = self._departments(account, ids) if ids is not None else None
        if "email" in changes:
            self._check_email_free(changes["email"], owner=agent)
        activating = changes.get("active") is True and agent.ativo != ActiveFlag.ACTIVE
        if activating:
            self._check_licence_free(account)
        # Every check passed: nothing below refuses, so a refused call changes nothing.
        agent.email = changes.get("email", agent.email)
        agent.name = changes.get("name", agent.name)
        agent.password_digest = changes.get("password", agent.password_digest)
        if "text_limit" in changes:
            agent.text_limit = int(changes["text_limit"])
        if "active" in changes:
            agent.ativo = ActiveFlag.ACTIVE if changes["active"] else ActiveFlag.INACTIVE
        if "profile" in call.body:
            agent.profile = Profile(call.body["profile"] or Profile.AGENT)
        if departments is not None:
            wanted = {department.id for department in departments}
            for department in self.store.departments.of(account.id):
                members = [member for member in department.agent_ids if member != agent.id]
                department.agent_ids = [*members, agent.id] if department.id in wanted else members
        agent.touch()
        return Reply(200, success(agent=self._agent_json(agent)))

    def delete_agent(self, call: Call) -> Reply:
        account = self._account(call, call.body["agent"]["account_id"])
        agent = self._agent(call, account)
        # Its departments stop counting and listing it (they read only agents that exist).
        self.store.agents.remove(agent.id)
        return Reply(200, success(message="Agent deleted successfully"))

    # -- departments --------------------------------------------------------------------

    def list_departments(self, call: Call) -> Reply:
        account = self._account(call, call.query["account_id"])
        departments = page_of(self.store.departments.of(account.id), call.query, ("name",))
        return Reply(200, success(departments=[self._department_json(department) for department in departments]))

    def create_department(self, call: Call) -> Reply:
        fields = call.body["department"]
        account = self._account(call, fields["account_id"])
        agent_ids = [agent.id for agent in self._agents(account, call.body.get("agent_ids", []))]
        channels = tuple(dict.fromkeys(_channel(name) for name in call.body.get("channels", [])))
        department = self.store.departments.add(
            account.id,
            lambda department_id: DepartmentRecord(
                id=department_id,
                account_id=account.id,
                name=fields.get("name") or f"Department {department_id}",
                description=fields.get("description"),
                channels=channels,
                agent_ids=agent_ids,
            ),
        )
        return Reply(200, success(department=self._department_json(department)))

    def update_department(self, call: Call) -> Reply:
        fields = call.body["department"]
        account = self._account(call, fields["account_id"])
        department = self._departments(account, [call.path["id"]])[0]
        wanted = call.body.get("agent_ids")
        agent_ids = None if wanted is None else [agent.id for agent in self._agents(account, wanted)]
        department.name = fields.get("name", department.name)
        department.description = fields.get("description", department.description)
        if agent_ids is not None:
            department.agent_ids = agent_ids
        if "channels" in call.body:
            department.channels = tuple(dict.fromkeys(_channel(name) for name in call.body["channels"]))
        department.change_date = timestamp()
        return Reply(200, success(department=self._department_json(department)))


create_app = app_factory(OmnizeV2Simulator)

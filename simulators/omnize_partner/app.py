"""The Omnize partner API simulator: partners' accounts, agents and departments, and URL login.

Rules beyond the spec's schemas (the spec's ``x-inferred-rules`` give the reasons):
- the partner token is read from the JSON body or, failing that, the query string (Rails
  merges both); URL login reads it from the body only; a missing or unknown token is
  "Invalid token"; a body not declared ``application/json`` is refused (Rails would not
  parse it into params);
- a partner sees only its own accounts and their agents and departments: another
  partner's id is "<Resource> not found", exactly like an unknown one;
- an account's ``license_quantity`` caps its active agents ("License limit reached");
- an agent's e-mail is unique in any letter case ("E-mail has already been taken");
- passwords are stored as the digest received; plain text fails the spec's pattern;
- inactivating an account (``ativo: 0``) keeps it and its records but stops its agents'
  URL login, and ``ativo: 1`` restores it; deleting it deletes its agents and departments;
- department agents and channels are sets; agents must belong to the department's account;
- the lists of agents and accounts (October 2020) filter by ``search`` (an id exactly, or
  part of the name or e-mail in any letter case), order by ``column`` and ``direction``
  (default: id, descending) and answer the ``page`` (from 1) of ``limit`` records (20);
- deleting an agent takes it out of its departments and frees its e-mail; show agent and
  delete agent find it only in the account they name (``account_id``);
- the general account update answers without ``data``, as the October 2020 revision does;
- URL login issues a token only for an agent of the calling partner.

Every refusal of an API call is HTTP 200 with ``success: false`` (see ``refusals``); a
path that no route serves is a real 404 and a method a path lacks a real 405 with
``Allow`` (Rails would route both to a 404; the 405 keeps clients and Schemathesis's
method checks honest), in the same failure shape.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

from starlette.requests import Request

from partner_apis.models.omnize_partner import ActiveFlag, Channel, Profile
from partner_apis.simulators.harness import (
    Body,
    Call,
    Operation,
    Reply,
    SimError,
    SpecSimulator,
    app_factory,
    query_values,
)
from partner_apis.simulators.harness.faults import VendorFault
from partner_apis.simulators.tenants import FULL, Tenant, frozen

from .refusals import LOGIN, conflict, invalid_token, not_found, render
from .state import (
    AccountRecord,
    AgentRecord,
    Credential,
    DepartmentRecord,
    OmnizeStore,
    account_json,
    account_summary_json,
    agent_detail_json,
    agent_json,
)

__all__ = ["DEFAULT_CREDENTIALS", "OmnizePartners", "OmnizeSimulator", "create_app", "page_of", "success"]

# The default simulated partners' tokens: fake and well known, so a test can use them directly.
DEFAULT_CREDENTIALS = (
    Credential("sim-omnize-partner-a", partner_id=1),
    Credential("sim-omnize-partner-b", partner_id=2),
)

_ACCOUNT_FIELDS = ("email", "main_contact", "telefone", "url")


def success(**fields: Any) -> dict[str, Any]:
    """``{"status": 200, "success": true, ...fields}``."""
    return {"status": 200, "success": True, **fields}


class OmnizePartners(SpecSimulator):
    """What v1's and v2's simulators share, as one backend serves both: partner tokens, the store, the refusals.

    ``credentials`` are the partners' tokens; ``store`` is the records (a fresh
    :class:`OmnizeStore` unless given one, so two simulators can share it).
    """

    declared_media_type_only = True  # Rails parses a body into params only when it is declared JSON
    # Fault profiles' vendor faults: Omnize reports an internal failure as it reports a
    # refusal, inside HTTP 200 (``success: false``), so only the body says the call failed.
    vendor_faults = MappingProxyType(
        {"internal-error": VendorFault("HTTP 200, success false", SimError(500, "server_failure", "Internal error"))}
    )

    def __init__(
        self, credentials: Iterable[Credential] = DEFAULT_CREDENTIALS, store: OmnizeStore | None = None
    ) -> None:
        self.credentials = {credential.token: credential for credential in credentials}
        self.store = store if store is not None else OmnizeStore()

    # -- who can sign in (read by the pytest fixture) ------------------------------------

    def tenants(self) -> list[Tenant]:
        """Each partner token as a tenant (Omnize has no read-only token), with its :meth:`facts`."""
        return [
            Tenant(
                credential.token.removeprefix("sim-omnize-"),
                {"token": credential.token},
                FULL,
                f"partner {credential.partner_id}",
                self.facts(credential),
            )
            for credential in self.credentials.values()
        ]

    def facts(self, credential: Credential) -> dict[str, Any]:
        """What a test may rely on for the partner of ``credential``: its id."""
        return {"partner_id": credential.partner_id}

    # -- the harness's hooks ------------------------------------------------------------

    def authenticate(self, request: Request, operation: Operation, body: Body) -> Credential:
        """The partner token as Rails reads it: the JSON body's ``token`` first, then the query's (not URL login's)."""
        parsed, login = body.parsed(), operation.operation_id == LOGIN
        if login:
            body.valid()  # URL login refuses a malformed body before it looks at the token
        if isinstance(parsed, dict) and "token" in parsed:
            token = parsed["token"]
        else:
            # The last of a repeated one, as Rails (and Starlette) read it.
            token = None if login else query_values(request).get("token", [None])[-1]
        credential = self.credentials.get(token) if isinstance(token, str) else None
        if credential is None:
            raise invalid_token()
        return credential

    def render_error(self, error: SimError) -> Reply:
        return render(error)

    # -- lookups and rules that refuse ----------------------------------------------------

    def _account(self, call: Call, account_id: int) -> AccountRecord:
        return self.store.accounts.require(call.principal.partner_id, account_id)

    def _check_email_free(self, email: str, owner: AgentRecord | None = None) -> None:
        holder = self.store.agent_by_email(email)
        if holder is not None and holder is not owner:
            raise conflict("E-mail has already been taken")

    def _check_licence_free(self, account: AccountRecord) -> None:
        if self.store.active_agents(account.id) >= account.license_quantity:
            raise conflict("License limit reached")


class OmnizeSimulator(OmnizePartners):
    """A stateful Omnize partner server; ``credentials`` are the partners' tokens."""

    key = "omnize-partner"

    def __init__(self, credentials: Iterable[Credential] = DEFAULT_CREDENTIALS) -> None:
        super().__init__(credentials)
        self.login_tokens: dict[str, int] = {}

    def seed_data(self) -> Mapping[str, Any]:
        """Nothing is seeded: every partner starts with no account."""
        return frozen({})

    # -- lookups that refuse ------------------------------------------------------------

    def _agent(self, call: Call, agent_id: int) -> AgentRecord:
        return self.store.agents.require(call.principal.partner_id, agent_id)

    def _department(self, call: Call) -> DepartmentRecord:
        return self.store.departments.require(call.principal.partner_id, call.path["id"])

    # -- agents -------------------------------------------------------------------------

    def create_agent(self, call: Call) -> Reply:
        fields = call.body["agent"]
        account = self._account(call, fields["account_id"])
        self._check_email_free(fields["email"])
        self._check_licence_free(account)
        profile = Profile(call.body.get("profile", Profile.AGENT))
        agent = self.store.add_agent(account.id, fields, profile, fields.get("text_limit"))
        return Reply(200, success(data=agent_json(agent)))

    def list_agents(self, call: Call) -> Reply:
        account = self._account(call, call.query["account_id"])
        agents = page_of(self.store.agents.of(account.id), call.query, ("name", "email"))
        return Reply(200, success(data=[agent_json(agent) for agent in agents]))

    def show_agent(self, call: Call) -> Reply:
        account = self._account(call, call.query["account_id"])
        agent = self._agent(call, call.path["id"])
        if agent.account_id != account.id:
            raise not_found("Agent")
        departments = self.store.department_refs(agent)
        detail = agent_detail_json(
            agent,
            active=agent.ativo == ActiveFlag.ACTIVE,
            departments=departments,
            department=departments[0] if departments else None,
        )
        return Reply(200, success(data=detail))

    def delete_agent(self, call: Call) -> Reply:
        agent = self._agent(call, call.path["id"])
        scope = call.body.get("agent") if isinstance(call.body, dict) else None
        if isinstance(scope, dict) and scope.get("account_id") != agent.account_id:
            raise not_found("Agent")
        # Its departments stop listing it (they list only agents that exist), and ids are never reused.
        self.store.agents.remove(agent.id)
        return Reply(200, success(message="Agent deleted successfully"))

    def update_agent(self, call: Call) -> Reply:
        agent = self._agent(call, call.path["id"])
        changes = call.body["agent"]
        if "email" in changes:
            self._check_email_free(changes["email"], owner=agent)
            agent.email = changes["email"]
        agent.name = changes.get("name", agent.name)
        agent.text_limit = changes.get("text_limit", agent.text_limit)
        agent.password_digest = changes.get("password", agent.password_digest)
        agent.touch()
        return Reply(200, success())

    def update_agent_profile(self, call: Call) -> Reply:
        agent = self._agent(call, call.path["id"])
        agent.profile = Profile(call.body["profile"])
        agent.touch()
        return Reply(200, success())

    # -- accounts -----------------------------------------------------------------------

    def create_account(self, call: Call) -> Reply:
        body = call.body
        partner_id = call.principal.partner_id
        account = self.store.accounts.add(
            partner_id,
            lambda account_id: AccountRecord(
                id=account_id,
                partner_id=partner_id,
                domain_id=next(self.store.domain_ids),
                license_quantity=body["license_quantity"],
                password_digest=body.get("password"),
                **{name: body["account"][name] for name in _ACCOUNT_FIELDS},
            ),
        )
        return Reply(200, success(data=account_json(account)))

    def list_accounts(self, call: Call) -> Reply:
        accounts = page_of(self.store.accounts.of(call.principal.partner_id), call.query, ("name", "email"))
        return Reply(200, success(data=[account_summary_json(account) for account in accounts]))

    def update_account(self, call: Call) -> Reply:
        # The spec's oneOf has already made sure the body is exactly one of the five calls.
        account = self._account(call, call.path["id"])
        body = call.body
        if "license_quantity" in body:
            account.license_quantity = body["license_quantity"]
        elif "license_code" in body:
            account.license_code = body["license_code"]
        else:
            changes = body["account"]
            for name in _ACCOUNT_FIELDS:
                setattr(account, name, changes.get(name, getattr(account, name)))
            if "ativo" in changes:
                account.ativo = ActiveFlag(changes["ativo"])
        account.touch()
        # October 2020: the general update too answers without `data` (March 2019 gave the account).
        return Reply(200, success())

    def delete_account(self, call: Call) -> Reply:
        account = self._account(call, call.path["id"])
        self.store.accounts.remove(account.id)
        return Reply(200, success(message="Account deleted successfully"))

    # -- URL login ----------------------------------------------------------------------

    def login_partner(self, call: Call) -> Reply:
        agent = self.store.agent_by_email(call.body["username"])
        account = self.store.accounts.get(call.principal.partner_id, agent.account_id) if agent else None
        if agent is None or account is None:
            raise not_found("User")
        if account.ativo != ActiveFlag.ACTIVE:
            raise SimError(403, "inactive", "Account is inactive")
        if agent.ativo != ActiveFlag.ACTIVE:
            raise SimError(403, "inactive", "User is inactive")
        token = secrets.token_urlsafe(30)
        self.login_tokens[token] = agent.id
        return Reply(200, {"message": "", "token": token, "status": 200})

    # -- departments --------------------------------------------------------------------

    def create_department(self, call: Call) -> Reply:
        fields = call.body["department"]
        account = self._account(call, fields["account_id"])
        department = self.store.departments.add(
            account.id,
            lambda department_id: DepartmentRecord(
                id=department_id,
                account_id=account.id,
                name=fields["name"],
                description=fields.get("description"),
                ativo=ActiveFlag(fields.get("ativo", ActiveFlag.ACTIVE)),
                channels=tuple(Channel(channel) for channel in fields.get("channels", [])),
            ),
        )
        return Reply(200, success(data=[department.view]))

    def list_departments(self, call: Call) -> Reply:
        account = self._account(call, call.query["account_id"])
        return Reply(200, success(data=[department.view for department in self.store.departments.of(account.id)]))

    def update_department(self, call: Call) -> Reply:
        department = self._department(call)
        changes = call.body["department"]
        department.name = changes.get("name", department.name)
        department.description = changes.get("description", department.description)
        if "ativo" in changes:
            department.ativo = ActiveFlag(changes["ativo"])
        if "channels" in changes:
            department.channels = tuple(Channel(channel) for channel in changes["channels"])
        return Reply(200, success(data=[department.view]))

    def list_department_channels(self, call: Call) -> Reply:
        return Reply(200, success(data=[channel.value for channel in self._department(call).channels]))

    def list_department_agents(self, call: Call) -> Reply:
        return Reply(200, success(data=self._members(call, self._department(call))))

    def add_department_agents(self, call: Call) -> Reply:
        department = self._department(call)
        # Checked before anything changes, so a refused call adds no one.
        for agent_id in _agent_ids(call):
            if self._agent(call, agent_id).account_id != department.account_id:
                raise not_found("Agent")
        # An ordered set: an agent already there keeps its place.
        department.agent_ids = list(dict.fromkeys([*department.agent_ids, *_agent_ids(call)]))
        return Reply(200, success(data=self._members(call, department)))

    def remove_department_agents(self, call: Call) -> Reply:
        department = self._department(call)
        removed = set(_agent_ids(call))
        department.agent_ids = [agent_id for agent_id in department.agent_ids if agent_id not in removed]
        return Reply(200, success(data=self._members(call, department)))

    def add_department_channels(self, call: Call) -> Reply:
        department = self._department(call)
        department.channels = tuple(dict.fromkeys([*department.channels, *map(Channel, call.body["channels"])]))
        return Reply(200, success(data=[channel.value for channel in department.channels]))

    def remove_department_channels(self, call: Call) -> Reply:
        department = self._department(call)
        removed = {Channel(channel) for channel in call.body["channels"]}
        department.channels = tuple(channel for channel in department.channels if channel not in removed)
        return Reply(200, success(data=[channel.value for channel in department.channels]))

    def _members(self, call: Call, department: DepartmentRecord) -> list[dict[str, Any]]:
        agents = (self.store.agents.get(call.principal.partner_id, agent_id) for agent_id in department.agent_ids)
        return [agent_json(agent) for agent in agents if agent is not None]


def _agent_ids(call: Call) -> list[int]:
    # The doc sends ids as strings of digits ("123"); the spec also accepts integers.
    return [int(agent_id) for agent_id in call.body["agents"]]


class _Identified(Protocol):
    id: int


Sortable = TypeVar("Sortable", bound=_Identified)


def page_of(records: list[Sortable], query: Mapping[str, Any], searched: tuple[str, ...]) -> list[Sortable]:
    """The page of ``records`` the query asks for: filtered by ``search``, ordered, then cut by ``page``/``limit``."""
    search = str(query.get("search") or "").casefold()
    if search:
        records = [
            record
            for record in records
            if (search.isdigit() and record.id == int(search))
            or any(search in str(getattr(record, name, None) or "").casefold() for name in searched)
        ]
    column = query.get("column", "id")

    def key(record: Sortable) -> tuple[bool, Any]:
        value = getattr(record, column, None)
        # A record without the value (an account's name) sorts after every one with it.
        return value is None, value.casefold() if isinstance(value, str) else value

    ordered = sorted(records, key=key, reverse=query.get("direction", "desc") == "desc")
    limit = int(query.get("limit", 20))
    start = (int(query.get("page", 1)) - 1) * limit
    return ordered[start : start + limit]


create_app = app_factory(OmnizeSimulator)

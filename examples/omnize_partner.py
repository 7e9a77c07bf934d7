"""Omnize partner API: onboard, grow, suspend and remove a customer, against a simulator started in-process.

The flow: create an account with one licence and find it in the partner's accounts, create
its first agent (the overlay sends the password as its SHA-256 digest), list the agents
(a page at a time), create a Support department, add the agent and see it in the agent's
departments, find a second agent refused while the licence is used up (Omnize refuses
inside an HTTP 200: the overlay raises ``OmnizeError``), raise the licence quantity and
add the second agent, issue a URL-login link (deprecated: documented only in March 2019),
inactivate the account (its agents can no longer log in), delete the second agent, and
delete the account. Every write is read back through the API; anything unexpected ends
the script with a one-line message and a non-zero exit status.

Run it with ``python examples/omnize_partner.py`` (needs ``pip install "partner-apis[simulators]"``).
Against the real API, replace the ``running(...)`` block with
``client = omnize_partner.client(partner_token)``.
"""

from __future__ import annotations

import secrets
import warnings
from typing import Any, TypeVar

from omnize_partner_client.api.accounts import create_account, delete_account, update_account
from omnize_partner_client.api.agents import create_agent, delete_agent, list_agents, show_agent
from omnize_partner_client.api.departments import add_department_agents, create_department, list_department_agents
from omnize_partner_client.models import (
    AccountCreate,
    AccountDeleteSuccess,
    AccountInactivation,
    AccountInactivationFields,
    AccountLicenseQuantityUpdate,
    AccountSuccess,
    AccountUpdateSuccess,
    ActiveFlag,
    Agent,
    AgentCreate,
    AgentDeleteSuccess,
    AgentDetailSuccess,
    AgentListSuccess,
    AgentSuccess,
    CreateAccountRequest,
    CreateAgentRequest,
    CreateDepartmentRequest,
    DepartmentAgentsRequest,
    DepartmentCreate,
    DepartmentSuccess,
    ListAgentsDirection,
)

from partner_apis.overlays import omnize_partner
from partner_apis.overlays.omnize_partner import OmnizeClient, OmnizeError, OmnizeLoginError
from partner_apis.overlays.runtime import PartnerApiError
from partner_apis.testing import running

T = TypeVar("T")


def expect(value: object, kind: type[T], what: str) -> T:
    """Return ``value`` as a ``kind``; raises ``SystemExit`` naming ``what`` when it is something else.

    The generated functions are typed ``...Success | OmnizeFailure | None``: with the
    overlay installed a failure raises ``OmnizeError`` instead, so anything but the
    success model is a surprise worth stopping for.
    """
    if not isinstance(value, kind):
        raise SystemExit(f"{what}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def check(condition: bool, message: str) -> None:
    """Stop the script with ``message`` (exit status 1) unless ``condition`` holds."""
    if not condition:
        raise SystemExit(message)


def agent_ids(client: OmnizeClient, account_id: int) -> list[int]:
    """The ids of the account's agents, oldest first, read a page at a time."""
    agents = omnize_partner.iter_agents(client, account_id, direction=ListAgentsDirection.ASC)
    return [agent.id for agent in agents]


def new_agent(client: OmnizeClient, account_id: int, name: str, email: str, password: str) -> Agent:
    """Create an agent of ``account_id``; raises ``OmnizeError`` when Omnize refuses (licence used up, e-mail taken)."""
    # The plain text goes no further than the overlay, which sends its SHA-256 hex digest.
    body = CreateAgentRequest(agent=AgentCreate(email=email, name=name, password=password, account_id=account_id))
    agent = expect(create_agent.sync(client=client, body=body), AgentSuccess, "createAgent").data
    check(
        (agent.email, agent.account_id) == (email, account_id),
        f"createAgent answered {agent.email}, account {agent.account_id}",
    )
    return agent


def onboard(client: OmnizeClient, password: str) -> tuple[int, Agent]:
    """Create the account (one licence), its first agent and a Support department holding the agent.

    Returns the account id and the agent; raises ``SystemExit`` when a read-back disagrees.
    """
    request = CreateAccountRequest(
        license_quantity=1,
        account=AccountCreate(
            email="owner@padaria.example", main_contact="Joana Silva", telefone="(11) 9345-0987", url="padaria.example"
        ),
    )
    account = expect(create_account.sync(client=client, body=request), AccountSuccess, "createAccount").data
    check(
        account.ativo == ActiveFlag.ACTIVE and account.main_contact == "Joana Silva",
        f"createAccount answered {account.ativo}, {account.main_contact!r}",
    )
    print(f"created account {account.id} for {account.main_contact} with 1 licence")
    listed_accounts = [listed.id for listed in omnize_partner.iter_accounts(client)]
    check(account.id in listed_accounts, f"listAccounts shows {listed_accounts}, not account {account.id}")

    agent = new_agent(client, account.id, "Ana Souza", "ana@padaria.example", password)
    print(f"created agent {agent.id} ({agent.email}); the password went out as its SHA-256 digest")
    listed = agent_ids(client, account.id)
    check(listed == [agent.id], f"listAgents for account {account.id}: {listed}")
    print(f"list_agents(account {account.id}) shows agent {agent.id}")

    department_body = CreateDepartmentRequest(department=DepartmentCreate(account_id=account.id, name="Support"))
    departments = expect(
        create_department.sync(client=client, body=department_body), DepartmentSuccess, "createDepartment"
    ).data
    check([department.name for department in departments] == ["Support"], f"createDepartment answered {departments}")
    department_id = departments[0].id
    added = add_department_agents.sync(department_id, client=client, body=DepartmentAgentsRequest(agents=[agent.id]))
    members = [member.id for member in expect(added, AgentListSuccess, "addDepartmentAgents").data]
    stored = list_department_agents.sync(department_id, client=client)
    in_department = [member.id for member in expect(stored, AgentListSuccess, "listDepartmentAgents").data]
    check(members == in_department == [agent.id], f"department {department_id} holds {members}, {in_department}")
    shown = expect(show_agent.sync(agent.id, client=client, account_id=account.id), AgentDetailSuccess, "showAgent")
    check([part.name for part in shown.data.departments] == ["Support"], f"showAgent answered {shown.data}")
    print(f"created department {department_id} (Support) and added agent {agent.id}; show_agent lists it")
    return account.id, agent


def add_licence(client: OmnizeClient, account_id: int, first: Agent) -> Agent:
    """Show a second agent refused on one licence, raise the quantity to 2, and add it.

    Returns the second agent; raises ``SystemExit`` when a read-back disagrees.
    """
    try:
        new_agent(client, account_id, "Bruno Lima", "bruno@padaria.example", secrets.token_urlsafe(12))
    except OmnizeError as error:  # HTTP 200 with success: false
        print(f"a second agent on 1 licence: OmnizeError {error.vendor_message!r} (HTTP {error.status})")
    else:
        raise SystemExit("a second agent was created although the account has 1 licence")

    update = AccountLicenseQuantityUpdate(license_quantity=2)
    expect(update_account.sync(account_id, client=client, body=update), AccountUpdateSuccess, "updateAccount")
    # The account record does not show its licence quantity: the second agent being let in is the read-back.
    second = new_agent(client, account_id, "Bruno Lima", "bruno@padaria.example", secrets.token_urlsafe(12))
    listed = agent_ids(client, account_id)
    check(listed == [first.id, second.id], f"listAgents for account {account_id}: {listed}")
    print(f"raised the licence quantity to 2 and created agent {second.id}; list_agents shows both")
    return second


def inactivate(client: OmnizeClient, account_id: int, agent: Agent) -> None:
    """Issue the agent a URL-login link, inactivate the account, and see the agent's login refused.

    Raises ``SystemExit`` when the login still works or the agents are gone.
    """
    before = agent_ids(client, account_id)
    # URL login is deprecated (only the March 2019 page documents it), still usable by a
    # partner who has it: the flow knows, so it does not repeat the warning.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        link = omnize_partner.login_link(omnize_partner.login(client, agent.email))
    check(link.startswith(omnize_partner.LOGIN_LINK_BASE + "?token="), "login_link built no login link")
    print(f"issued a URL-login link for {agent.email} (its token is not printed)")

    inactivation = AccountInactivation(account=AccountInactivationFields(ativo=0))
    expect(update_account.sync(account_id, client=client, body=inactivation), AccountUpdateSuccess, "updateAccount")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            omnize_partner.login(client, agent.email)
    except OmnizeLoginError as error:  # an inactive account's agents cannot log in
        print(f"inactivated account {account_id}: URL login for {agent.email} now refused ({error.vendor_message!r})")
    else:
        raise SystemExit(f"account {account_id} was inactivated but its agent can still log in")
    after = agent_ids(client, account_id)
    check(after == before, f"account {account_id}'s agents went from {before} to {after} when inactivated")


def remove(client: OmnizeClient, account_id: int, first: Agent, second: Agent) -> None:
    """Delete the second agent, then the account, and confirm each is gone; raises ``SystemExit`` if not."""
    gone = expect(delete_agent.sync(second.id, client=client), AgentDeleteSuccess, "deleteAgent")
    listed = agent_ids(client, account_id)
    check(listed == [first.id], f"listAgents for account {account_id} after deleting {second.id}: {listed}")
    print(f"deleted agent {second.id} ({gone.message!r}); list_agents shows only {first.id}")
    deleted = expect(delete_account.sync(account_id, client=client), AccountDeleteSuccess, "deleteAccount")
    try:
        list_agents.sync(client=client, account_id=account_id)
    except OmnizeError as error:
        print(f"deleted account {account_id} ({deleted.message!r}); listing its agents: {error.vendor_message!r}")
    else:
        raise SystemExit(f"account {account_id} still answers after its deletion")


def main() -> int:
    """Run the flow against a fresh omnize-partner simulator; returns the exit status (0: all as expected)."""
    try:
        with running("omnize-partner") as sim:  # a fresh simulator on a free loopback port
            client: OmnizeClient = sim.client()  # partner-a's token, placed in the query or body by the overlay
            print(f"omnize-partner simulator at {sim.base_url}")
            with client:  # closes its connections at the end
                password = secrets.token_urlsafe(12)  # handed to the agent, never printed
                account_id, agent = onboard(client, password)
                # Omnize never answers an agent's password; the simulator's state shows what arrived.
                simulator: Any = sim.simulator
                stored = simulator.store.agents[agent.id].password_digest
                check(stored == omnize_partner.password_digest(password), "the password did not arrive as its digest")
                print(f"the simulator holds agent {agent.id}'s password as its SHA-256 digest, not the plain text")
                second = add_licence(client, account_id, agent)
                inactivate(client, account_id, agent)
                remove(client, account_id, agent, second)
    except PartnerApiError as error:  # a refusal or failure the flow did not expect: one line, no traceback
        raise SystemExit(f"unexpected {type(error).__name__}: {error}") from None
    print("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

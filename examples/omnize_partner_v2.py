"""Omnize partner API v2: staff a customer's departments, against a simulator started in-process.

The flow, on the account the simulator seeded for the partner (v2 has no account calls; a
partner creates accounts through v1): create a Sales department serving chat and voice,
create an agent in it (the overlay sends the password as its SHA-256 digest), create a
second agent (with no department named it joins the account's first), walk the agents a
page at a time, show one, make it an ADMIN and move it to a new Support department, see a
refusal inside HTTP 200 raise ``OmnizeError``, and delete an agent. Every write is read
back through the API; anything unexpected ends the script with a one-line message and a
non-zero exit status.

Run it with ``python examples/omnize_partner_v2.py`` (needs ``pip install "partner-apis[simulators]"``).
Against the real API, replace the ``running(...)`` block with
``client = omnize_partner_v2.client(partner_token)`` and use one of your accounts' ids.
"""

from __future__ import annotations

import secrets
from typing import TypeVar

from omnize_partner_v2_client.api.agents import create_agent, delete_agent, show_agent, update_agent
from omnize_partner_v2_client.api.departments import create_department, update_department
from omnize_partner_v2_client.models import (
    Agent,
    AgentCreate,
    AgentScope,
    AgentSuccess,
    AgentUpdate,
    ChannelName,
    CreateAgentRequest,
    DeleteAgentRequest,
    DeleteSuccess,
    DepartmentFields,
    DepartmentRequest,
    DepartmentSuccess,
    ListAgentsDirection,
    Profile,
    UpdateAgentRequest,
)

from partner_apis.overlays import omnize_partner_v2
from partner_apis.overlays.omnize_partner_v2 import OmnizeError, OmnizeV2Client
from partner_apis.overlays.runtime import PartnerApiError
from partner_apis.testing import running

T = TypeVar("T")


def expect(value: object, kind: type[T], what: str) -> T:
    """Return ``value`` as a ``kind``; raises ``SystemExit`` naming ``what`` when it is something else."""
    if not isinstance(value, kind):
        raise SystemExit(f"{what}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def check(condition: bool, message: str) -> None:
    """Stop the script with ``message`` (exit status 1) unless ``condition`` holds."""
    if not condition:
        raise SystemExit(message)


def new_department(client: OmnizeV2Client, account_id: int, name: str, channels: list[ChannelName]) -> int:
    """Create a department of ``account_id`` serving ``channels``; its id."""
    body = DepartmentRequest(department=DepartmentFields(account_id=account_id, name=name), channels=channels)
    department = expect(create_department.sync(client=client, body=body), DepartmentSuccess, "createDepartment")
    check(department.department.name == name, f"createDepartment answered {department.department.name!r}")
    return department.department.id


def new_agent(client: OmnizeV2Client, account_id: int, email: str, departments: list[int] | None) -> Agent:
    """Create an agent of ``account_id`` (in ``departments``, or the account's first when None)."""
    fields = AgentCreate(
        name=email.split("@")[0].title(), email=email, password=secrets.token_urlsafe(12), account_id=account_id
    )
    body = CreateAgentRequest(agent=fields, department_ids=departments)
    return expect(create_agent.sync(client=client, body=body), AgentSuccess, "createAgent").agent


def main() -> int:
    """Run the flow against a fresh omnize-partner-v2 simulator; returns the exit status (0: all as expected)."""
    try:
        with running("omnize-partner-v2") as sim:  # a fresh simulator on a free loopback port
            client: OmnizeV2Client = sim.client()  # partner-a's token, placed in the query or body by the overlay
            account_id: int = sim.tenant(0).facts["account_id"]  # the account seeded for partner-a
            print(f"omnize-partner-v2 simulator at {sim.base_url}; account {account_id}")
            with client:
                sales = new_department(client, account_id, "Sales", [ChannelName.CHAT, ChannelName.VOICE])
                print(f"created department {sales} (Sales: chat and voice)")
                ana = new_agent(client, account_id, "ana@padaria.example", [sales])
                check([part.id for part in ana.departments] == [sales], f"createAgent put Ana in {ana.departments}")
                bia = new_agent(client, account_id, "bia@padaria.example", None)
                check([part.id for part in bia.departments] == [sales], "Bia did not join the first department")
                print(f"created agents {ana.id} and {bia.id} in Sales; their passwords went out as SHA-256 digests")

                walked = omnize_partner_v2.iter_agents(
                    client, account_id, direction=ListAgentsDirection.ASC, page_size=1
                )
                listed = [agent.id for agent in walked]
                check(listed == [ana.id, bia.id], f"listAgents (a page at a time) shows {listed}")
                print(f"iter_agents walked {len(listed)} agents, one page each")

                support = new_department(client, account_id, "Support", [ChannelName.CHAT])
                change = UpdateAgentRequest(
                    agent=AgentUpdate(account_id=account_id), profile=Profile.ADMIN, department_ids=[support]
                )
                expect(update_agent.sync(ana.id, client=client, body=change), AgentSuccess, "updateAgent")
                shown = expect(show_agent.sync(ana.id, client=client, account_id=account_id), AgentSuccess, "showAgent")
                check(shown.agent.profile == Profile.ADMIN, f"showAgent answered profile {shown.agent.profile}")
                check([part.name for part in shown.agent.departments] == ["Support"], "Ana did not move to Support")
                print(f"made agent {ana.id} an ADMIN of Support; show_agent agrees")

                rename = DepartmentRequest(department=DepartmentFields(account_id=account_id, name="Inside Sales"))
                renamed = update_department.sync(sales, client=client, body=rename)
                check(expect(renamed, DepartmentSuccess, "updateDepartment").department.agents == 1, "Sales lost Bia")
                departments = [part.name for part in omnize_partner_v2.iter_departments(client, account_id)]
                check(sorted(departments) == ["Inside Sales", "Support"], f"listDepartments shows {departments}")
                print(f"renamed department {sales} to Inside Sales; iter_departments shows {len(departments)}")

                try:
                    new_agent(client, account_id, "ana@padaria.example", [sales])
                except OmnizeError as error:  # HTTP 200 with success: false
                    print(
                        f"a second agent with Ana's e-mail: OmnizeError {error.vendor_message!r} (HTTP {error.status})"
                    )
                else:
                    raise SystemExit("an agent was created with an e-mail another agent has")

                scope = DeleteAgentRequest(agent=AgentScope(account_id=account_id))
                deleted = expect(delete_agent.sync(bia.id, client=client, body=scope), DeleteSuccess, "deleteAgent")
                left = [agent.id for agent in omnize_partner_v2.iter_agents(client, account_id)]
                check(left == [ana.id], f"after deleting {bia.id}, listAgents shows {left}")
                print(f"deleted agent {bia.id} ({deleted.message!r}); iter_agents shows only {ana.id}")
    except PartnerApiError as error:  # a refusal or failure the flow did not expect: one line, no traceback
        raise SystemExit(f"unexpected {type(error).__name__}: {error}") from None
    print("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

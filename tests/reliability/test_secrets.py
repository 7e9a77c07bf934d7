"""Secrets: no token or password, plain or as sent, shows in a log record, a repr, an error or a Schemathesis report.

Every overlay is driven through success (against its simulator), failure (refusals, a
wrong credential) and a retry (a transport that answers the first GET with 503), with
every logger at DEBUG. The secrets are chosen with characters that URL encoding changes,
so the form a secret takes on the wire (a bearer header, a form field, a query string,
a SHA-256 digest) is looked for as well as the plain text. Then the contract runner
fuzzes the same simulator briefly and its output and JSON report are searched too.

A new overlay joins by adding its scenario to ``SCENARIOS``;
``test_every_overlay_has_a_secrets_scenario`` fails until it does.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import pkgutil
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Protocol
from urllib.parse import quote, quote_plus

import httpx
import pytest
from airvantage_partners_client.api.operations import get_operation as av_get_operation
from airvantage_partners_client.api.partners import find_partners as av_find_partners
from airvantage_partners_client.api.partners import get_partner as av_get_partner
from airvantage_partners_client.api.partnership import request_partnership as av_request_partnership
from airvantage_partners_client.models import OperationRef as AvOperationRef
from airvantage_partners_client.models import PartnershipRequest as AvPartnershipRequest
from comm100_v3_client.api.sites import create_site as v3_create_site
from comm100_v3_client.api.sites import get_site as v3_get_site
from comm100_v3_client.models import PlanSelection, SiteContactCreate
from comm100_v3_client.models import Site as V3Site
from comm100_v3_client.models import SiteCreate as V3SiteCreate
from comm100_v4_client.api.sites import create_site as v4_create_site
from comm100_v4_client.api.sites import get_site as v4_get_site
from comm100_v4_client.api.sites import list_sites as v4_list_sites
from comm100_v4_client.models import SiteCreate as V4SiteCreate
from comm100_v4_client.models import SiteCreated
from omnize_partner_client.api.accounts import create_account, delete_account
from omnize_partner_client.api.agents import create_agent, list_agents
from omnize_partner_client.api.departments import create_department, list_department_channels, list_departments
from omnize_partner_client.models import (
    AccountCreate,
    AccountSuccess,
    AgentCreate,
    CreateAccountRequest,
    CreateAgentRequest,
    CreateDepartmentRequest,
    DepartmentCreate,
)
from omnize_partner_v2_client.api.agents import create_agent as v2_create_agent
from omnize_partner_v2_client.api.agents import delete_agent as v2_delete_agent
from omnize_partner_v2_client.api.agents import show_agent as v2_show_agent
from omnize_partner_v2_client.api.agents import update_agent as v2_update_agent
from omnize_partner_v2_client.api.departments import create_department as v2_create_department
from omnize_partner_v2_client.api.departments import list_departments as v2_list_departments
from omnize_partner_v2_client.models import AgentCreate as V2AgentCreate
from omnize_partner_v2_client.models import AgentScope as V2AgentScope
from omnize_partner_v2_client.models import AgentSuccess as V2AgentSuccess
from omnize_partner_v2_client.models import AgentUpdate as V2AgentUpdate
from omnize_partner_v2_client.models import CreateAgentRequest as V2CreateAgentRequest
from omnize_partner_v2_client.models import DeleteAgentRequest as V2DeleteAgentRequest
from omnize_partner_v2_client.models import DepartmentFields as V2DepartmentFields
from omnize_partner_v2_client.models import DepartmentRequest as V2DepartmentRequest
from omnize_partner_v2_client.models import UpdateAgentRequest as V2UpdateAgentRequest
from portsip_dealers_client.api.dealers import create_dealer, get_dealer, list_dealers
from portsip_dealers_client.models import DealerCreate, DealerCreated, DealerLevel

import partner_apis.overlays
from partner_apis.overlays import (
    airvantage_partners,
    comm100_v3,
    comm100_v4,
    omnize_partner,
    omnize_partner_v2,
    portsip_dealers,
)
from partner_apis.overlays.runtime import PartnerApiError, RetryPolicy, client_transport
from partner_apis.simulators import airvantage_partners as av_simulator
from partner_apis.simulators import comm100_v3 as v3_simulator
from partner_apis.simulators.comm100_v4.state import Credential as V4Credential
from partner_apis.simulators.omnize_partner.state import Credential as OmnizeCredential
from partner_apis.simulators.portsip_dealers.state import AdminCredential as PortsipAdmin
from partner_apis.simulators.registry import entry
from partner_apis.specs import spec_path
from partner_apis.testing import RunningSimulator
from partner_apis.testing.profiles import PROFILES
from tests.contract.runner import ContractRun, run_contract
from tests.contract.targets import TARGETS

NO_WAIT = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0)


class Flaky(httpx.BaseTransport):
    """The network, except that the first GET is answered 503 (``Retry-After: 0``) without reaching the server."""

    def __init__(self) -> None:
        self._network = httpx.HTTPTransport()
        self.refused: list[httpx.Request] = []
        self.sent: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and not self.refused:
            self.refused.append(request)
            return httpx.Response(503, headers={"Retry-After": "0"}, request=request)
        self.sent.append(request)
        return self._network.handle_request(request)

    def close(self) -> None:
        self._network.close()


def refusing(request: httpx.Request) -> httpx.Response:
    """A MockTransport handler for a server that is down: every connection is refused."""
    raise httpx.ConnectError("[Errno 111] Connection refused", request=request)


class Scenario(Protocol):
    """How one overlay meets its secrets; an instance serves one test.

    ``simulator_options`` start the simulator with this scenario's credentials (its first
    credential is the one the contract runner uses). ``client`` is the overlay client
    (over ``transport`` when given); ``succeed`` makes calls that succeed; ``read`` is one
    idempotent GET (retried after the flaky transport's 503); ``fail`` returns the errors
    of calls that must fail; ``secrets`` lists every secret and every form it took on the
    wire, read after everything ran (tokens a server issued included).
    """

    key: ClassVar[str]
    simulator_options: dict[str, Any]

    def client(self, sim: RunningSimulator, transport: httpx.BaseTransport | None = None) -> Any: ...

    def succeed(self, sim: RunningSimulator, client: Any) -> None: ...

    def read(self, client: Any) -> object: ...

    def fail(self, sim: RunningSimulator, client: Any) -> list[BaseException]: ...

    def secrets(self, sim: RunningSimulator) -> set[str]: ...


def raised(call: Callable[[], object]) -> BaseException:
    """The error ``call`` raises; the test fails if it raises none, or one that is not the client's."""
    with pytest.raises(PartnerApiError) as error:
        call()
    return error.value


def as_sent(*values: str) -> set[str]:
    """Each value, and its forms in a query string or a form body."""
    return {form for value in values for form in (value, quote(value, safe=""), quote_plus(value))}


# -- comm100-v4: a bearer token ---------------------------------------------------------------


class Comm100V4Secrets:
    key: ClassVar[str] = "comm100-v4"
    TOKEN = "v4-Secret/t0ken+A=="
    OTHER = "v4-Other/t0ken+C=="  # another partner's: the contract run checks isolation
    WRONG = "v4-Wrong/t0ken+B=="

    def __init__(self) -> None:
        partners = [V4Credential(self.TOKEN, partner_id=10000), V4Credential(self.OTHER, partner_id=10001)]
        self.simulator_options: dict[str, Any] = {"credentials": partners}

    def client(self, sim: RunningSimulator, transport: httpx.BaseTransport | None = None) -> Any:
        return comm100_v4.client(self.TOKEN, base_url=sim.base_url, transport=transport, retry=NO_WAIT)

    def succeed(self, sim: RunningSimulator, client: Any) -> None:
        body = V4SiteCreate(platform_id=100, email="o@example.com", password="12345", plan_id=233)
        created = v4_create_site.sync(client=client, body=body)
        assert isinstance(created, SiteCreated)
        assert v4_get_site.sync(created.site_id, client=client) is not None
        assert v4_list_sites.sync(client=client) is not None

    def read(self, client: Any) -> object:
        return v4_list_sites.sync(client=client)

    def fail(self, sim: RunningSimulator, client: Any) -> list[BaseException]:
        wrong = comm100_v4.client(self.WRONG, base_url=sim.base_url, retry=NO_WAIT)
        return [
            raised(lambda: v4_get_site.sync(999_999_999, client=client)),  # 404
            raised(lambda: v4_list_sites.sync(client=wrong)),  # 401
        ]

    def secrets(self, sim: RunningSimulator) -> set[str]:
        tokens = (self.TOKEN, self.OTHER, self.WRONG)
        return as_sent(*tokens) | {f"Bearer {token}" for token in tokens}


# -- comm100-v3: email and password, issued access and refresh tokens --------------------------


def record_issued_tokens(sim: RunningSimulator, issued: list[str]) -> None:
    """Append every token the simulator's issuer hands out from now on (to any client) to ``issued``."""
    issuer = sim.simulator.tokens
    issue = issuer.issue

    def recording(*args: Any, **kwargs: Any) -> dict[str, Any]:
        answer: dict[str, Any] = issue(*args, **kwargs)
        issued.extend(answer[name] for name in ("access_token", "refresh_token") if name in answer)
        return answer

    issuer.issue = recording


class Comm100V3Secrets:
    key: ClassVar[str] = "comm100-v3"
    EMAIL = "secrets@example.com"
    PASSWORD = "v3 Pässword/&+=1"
    OTHER_PASSWORD = "v3 Other Pässword/&+=3"  # another partner's: the contract run checks isolation
    WRONG = "v3 Wrong/&+=2"

    def __init__(self) -> None:
        login = v3_simulator.Credential(self.EMAIL, self.PASSWORD, partner_id=1)
        other = v3_simulator.Credential("other-secrets@example.com", self.OTHER_PASSWORD, partner_id=2)
        self.simulator_options: dict[str, Any] = {"credentials": [login, other]}
        self.issued: list[str] = []
        self.site_id = 0

    def client(self, sim: RunningSimulator, transport: httpx.BaseTransport | None = None) -> Any:
        if not self.issued:
            record_issued_tokens(sim, self.issued)
        return comm100_v3.client(self.EMAIL, self.PASSWORD, base_url=sim.base_url, transport=transport, retry=NO_WAIT)

    def succeed(self, sim: RunningSimulator, client: Any) -> None:
        body = V3SiteCreate(
            password="123456",
            contact=SiteContactCreate(first_name="F", last_name="L", email="o@example.com"),
            plan_list=[PlanSelection(id=1)],
        )
        created = v3_create_site.sync(client=client, body=body)
        assert isinstance(created, V3Site)
        self.site_id = created.id
        assert [site.id for site in comm100_v3.iter_sites(client)] == [created.id]
        # The server forgets its access tokens: the next call is refused, renews with the
        # refresh grant (the refresh token on the wire) and is sent again.
        sim.simulator.tokens.forget_access_tokens()
        assert v3_get_site.sync(created.id, client=client) is not None
        assert sim.simulator.tokens.requests == {"password": 1, "refresh_token": 1}

    def read(self, client: Any) -> object:
        return v3_get_site.sync(self.site_id, client=client)

    def fail(self, sim: RunningSimulator, client: Any) -> list[BaseException]:
        wrong = comm100_v3.client(self.EMAIL, self.WRONG, base_url=sim.base_url, retry=NO_WAIT)
        return [
            raised(lambda: v3_get_site.sync(999_999_999, client=client)),  # 404
            raised(lambda: v3_get_site.sync(self.site_id, client=wrong)),  # the login is refused
        ]

    def secrets(self, sim: RunningSimulator) -> set[str]:
        assert self.issued, "no token was issued: the scenario did not log in"
        secrets = as_sent(self.PASSWORD, self.OTHER_PASSWORD, self.WRONG, *self.issued)
        return secrets | {f"Bearer {token}" for token in self.issued}


# -- portsip-dealers: the administrator's password grant, a dealer's password ----------------


class PortsipDealersSecrets:
    key: ClassVar[str] = "portsip-dealers"
    USERNAME = "admin"
    PASSWORD = "pbx Pässword/&+=1"
    OTHER_PASSWORD = "pbx Other Pässword/&+=4"  # another installation's: the contract run checks isolation
    WRONG = "pbx Wrong/&+=2"
    DEALER_PASSWORD = "dealer Pässword/&+=3"

    def __init__(self) -> None:
        admins = [PortsipAdmin(self.USERNAME, self.PASSWORD, 0), PortsipAdmin(self.USERNAME, self.OTHER_PASSWORD, 1)]
        self.simulator_options: dict[str, Any] = {"credentials": admins}
        self.issued: list[str] = []
        self.dealer_id = ""

    def client(self, sim: RunningSimulator, transport: httpx.BaseTransport | None = None) -> Any:
        if not self.issued:
            record_issued_tokens(sim, self.issued)
        return portsip_dealers.client(
            self.USERNAME, self.PASSWORD, base_url=sim.base_url, transport=transport, retry=NO_WAIT
        )

    def succeed(self, sim: RunningSimulator, client: Any) -> None:
        body = DealerCreate(level=DealerLevel.RESELLER, name="secretsreseller", password=self.DEALER_PASSWORD)
        created = create_dealer.sync(client=client, body=body)
        assert isinstance(created, DealerCreated)
        self.dealer_id = created.id
        assert list_dealers.sync(client=client) is not None
        # The server forgets its access tokens: the next call is refused, renews with the
        # refresh grant (the refresh token on the wire) and is sent again.
        sim.simulator.tokens.forget_access_tokens()
        assert get_dealer.sync(created.id, client=client) is not None
        assert sim.simulator.tokens.requests == {"password": 1, "refresh_token": 1}

    def read(self, client: Any) -> object:
        return get_dealer.sync(self.dealer_id, client=client)

    def fail(self, sim: RunningSimulator, client: Any) -> list[BaseException]:
        wrong = portsip_dealers.client(self.USERNAME, self.WRONG, base_url=sim.base_url, retry=NO_WAIT)
        return [
            raised(lambda: get_dealer.sync("MTIzNDU2Nzg5", client=client)),  # 404
            raised(lambda: get_dealer.sync(self.dealer_id, client=wrong)),  # the login is refused
        ]

    def secrets(self, sim: RunningSimulator) -> set[str]:
        assert self.issued, "no token was issued: the scenario did not log in"
        passwords = as_sent(self.PASSWORD, self.OTHER_PASSWORD, self.WRONG, self.DEALER_PASSWORD, *self.issued)
        return passwords | {f"Bearer {token}" for token in self.issued}


# -- omnize-partner: a partner token in the query or the body, SHA-256 passwords ----------------


class OmnizePartnerSecrets:
    key: ClassVar[str] = "omnize-partner"
    TOKEN = "omz-Secret/t0ken+A=&x"
    OTHER = "omz-Other/t0ken+C=&z"  # another partner's: the contract run checks isolation
    WRONG = "omz-Wrong/t0ken+B=&y"
    PASSWORDS = ("agent Pässword/1+&", "account Pässword/2+&")

    def __init__(self) -> None:
        partners = [OmnizeCredential(self.TOKEN, partner_id=1), OmnizeCredential(self.OTHER, partner_id=2)]
        self.simulator_options: dict[str, Any] = {"credentials": partners}
        self.account_id = 0

    def client(self, sim: RunningSimulator, transport: httpx.BaseTransport | None = None) -> Any:
        return omnize_partner.client(
            self.TOKEN, base_url=sim.base_url, login_base_url=sim.root_url, transport=transport, retry=NO_WAIT
        )

    def _agent(self, client: Any, email: str) -> object:
        agent = AgentCreate(email=email, name="Ana", password=self.PASSWORDS[0], account_id=self.account_id)
        return create_agent.sync(client=client, body=CreateAgentRequest(agent=agent))

    def succeed(self, sim: RunningSimulator, client: Any) -> None:
        account = AccountCreate(email="o@example.com", main_contact="Olga", telefone="1", url="o.example.com")
        body = CreateAccountRequest(license_quantity=5, account=account, password=self.PASSWORDS[1])
        created = create_account.sync(client=client, body=body)
        assert isinstance(created, AccountSuccess)
        self.account_id = created.data.id
        assert self._agent(client, "ana@example.com") is not None
        department = DepartmentCreate(account_id=self.account_id, name="Sales")
        assert create_department.sync(client=client, body=CreateDepartmentRequest(department=department)) is not None
        assert list_agents.sync(client=client, account_id=self.account_id) is not None
        assert omnize_partner.login(client, "ana@example.com")

    def read(self, client: Any) -> object:
        return list_departments.sync(client=client, account_id=self.account_id)

    def fail(self, sim: RunningSimulator, client: Any) -> list[BaseException]:
        wrong = omnize_partner.client(self.WRONG, base_url=sim.base_url, login_base_url=sim.root_url, retry=NO_WAIT)
        return [
            raised(lambda: list_department_channels.sync(999_999, client=client)),  # "Department not found"
            raised(lambda: self._agent(client, "ana@example.com")),  # "E-mail has already been taken"
            raised(lambda: list_agents.sync(client=wrong, account_id=self.account_id)),  # "Invalid token"
            raised(lambda: delete_account.sync(self.account_id, client=wrong)),  # the token in a DELETE body
            raised(lambda: omnize_partner.login(wrong, "ana@example.com")),  # URL login refused
        ]

    def secrets(self, sim: RunningSimulator) -> set[str]:
        digests = [hashlib.sha256(password.encode()).hexdigest() for password in self.PASSWORDS]
        return as_sent(self.TOKEN, self.OTHER, self.WRONG, *self.PASSWORDS) | set(digests)


class OmnizePartnerV2Secrets:
    """Omnize v2: the partner token in the query or the body, passwords as SHA-256, in the seeded account."""

    key: ClassVar[str] = "omnize-partner-v2"
    TOKEN = "omz2-Secret/t0ken+A=&x"
    OTHER = "omz2-Other/t0ken+C=&z"  # another partner's: the contract run checks isolation
    WRONG = "omz2-Wrong/t0ken+B=&y"
    PASSWORDS = ("agent2 Pässword/1+&", "agent2 Pässword/2+&")

    def __init__(self) -> None:
        partners = [OmnizeCredential(self.TOKEN, partner_id=1), OmnizeCredential(self.OTHER, partner_id=2)]
        self.simulator_options: dict[str, Any] = {"credentials": partners}
        self.account_id = 0

    def client(self, sim: RunningSimulator, transport: httpx.BaseTransport | None = None) -> Any:
        return omnize_partner_v2.client(self.TOKEN, base_url=sim.base_url, transport=transport, retry=NO_WAIT)

    def _agent(self, client: Any, email: str) -> object:
        agent = V2AgentCreate(name="Ana", email=email, password=self.PASSWORDS[0], account_id=self.account_id)
        return v2_create_agent.sync(client=client, body=V2CreateAgentRequest(agent=agent))

    def succeed(self, sim: RunningSimulator, client: Any) -> None:
        self.account_id = int(sim.tenant().facts["account_id"])
        created = self._agent(client, "ana@example.com")
        assert isinstance(created, V2AgentSuccess)
        agent_id = created.agent.id
        change = V2AgentUpdate(account_id=self.account_id, password=self.PASSWORDS[1])
        assert v2_update_agent.sync(agent_id, client=client, body=V2UpdateAgentRequest(agent=change)) is not None
        assert v2_show_agent.sync(agent_id, client=client, account_id=self.account_id) is not None
        assert list(omnize_partner_v2.iter_agents(client, self.account_id))
        department = V2DepartmentFields(account_id=self.account_id, name="Sales")
        assert v2_create_department.sync(client=client, body=V2DepartmentRequest(department=department)) is not None

    def read(self, client: Any) -> object:
        return v2_list_departments.sync(client=client, account_id=self.account_id)

    def fail(self, sim: RunningSimulator, client: Any) -> list[BaseException]:
        wrong = omnize_partner_v2.client(self.WRONG, base_url=sim.base_url, retry=NO_WAIT)
        scope = V2DeleteAgentRequest(agent=V2AgentScope(account_id=self.account_id))
        return [
            raised(lambda: v2_show_agent.sync(999_999, client=client, account_id=self.account_id)),  # not found
            raised(lambda: self._agent(client, "ana@example.com")),  # "E-mail has already been taken"
            raised(lambda: v2_list_departments.sync(client=wrong, account_id=self.account_id)),  # "Invalid token"
            raised(lambda: v2_delete_agent.sync(999_999, client=wrong, body=scope)),  # the token in a DELETE body
        ]

    def secrets(self, sim: RunningSimulator) -> set[str]:
        digests = [hashlib.sha256(password.encode()).hexdigest() for password in self.PASSWORDS]
        return as_sent(self.TOKEN, self.OTHER, self.WRONG, *self.PASSWORDS) | set(digests)


class AirVantagePartnersSecrets:
    key: ClassVar[str] = "airvantage-partners"
    SECRET = "av Sécret/&+=1"
    TARGET_SECRET = "av Target Sécret/&+=3"  # the contract run's second company
    OUTSIDER_SECRET = "av Outsider Sécret/&+=5"  # a company in no partnership: the contract run's isolation check
    WRONG = "av Wrong/&+=2"
    PASSWORD = "av Pässword/&+=4"

    def __init__(self) -> None:
        rights = av_simulator.app.ALL_RIGHTS
        acme, globex = av_simulator.app.ACME, av_simulator.app.GLOBEX
        self.simulator_options: dict[str, Any] = {
            "credentials": [
                av_simulator.ApiClient("secrets-client", self.SECRET, acme, rights),
                av_simulator.ApiClient("secrets-target", self.TARGET_SECRET, globex, rights),
                # Named "initech" (its id's middle), the tenant the contract target looks for.
                av_simulator.ApiClient("sim-initech-client", self.OUTSIDER_SECRET, av_simulator.app.INITECH, rights),
            ],
            "users": [av_simulator.User("user@example.com", self.PASSWORD, acme, rights)],
            "start_delay": 0,
        }
        self.issued: list[str] = []
        self.operation = ""

    def client(self, sim: RunningSimulator, transport: httpx.BaseTransport | None = None) -> Any:
        if not self.issued:
            record_issued_tokens(sim, self.issued)
        return airvantage_partners.client(
            "secrets-client", self.SECRET, base_url=sim.base_url, transport=transport, retry=NO_WAIT
        )

    def succeed(self, sim: RunningSimulator, client: Any) -> None:
        assert list(airvantage_partners.iter_partners(client, fields=["uid", "profile"]))
        started = av_request_partnership.sync(
            client=client, body=AvPartnershipRequest(partner=av_simulator.app.INITECH)
        )
        assert isinstance(started, AvOperationRef)
        self.operation = started.operation
        # The password grant, and its refresh grant once the server forgets the access token.
        user = airvantage_partners.client(
            "secrets-client",
            self.SECRET,
            base_url=sim.base_url,
            username="user@example.com",
            password=self.PASSWORD,
            retry=NO_WAIT,
        )
        assert av_get_partner.sync(av_simulator.app.PARTNER_ONE, client=user) is not None
        sim.simulator.tokens.forget_access_tokens()
        assert av_get_partner.sync(av_simulator.app.PARTNER_ONE, client=user) is not None

    def read(self, client: Any) -> object:
        return av_get_operation.sync(self.operation, client=client)

    def fail(self, sim: RunningSimulator, client: Any) -> list[BaseException]:
        wrong = airvantage_partners.client("secrets-client", self.WRONG, base_url=sim.base_url, retry=NO_WAIT)
        return [
            raised(lambda: av_get_partner.sync("0123456789abcdef0123456789abcdef", client=client)),  # partner.unknown
            raised(lambda: av_find_partners.sync(client=wrong)),  # the client-credentials grant is refused
        ]

    def secrets(self, sim: RunningSimulator) -> set[str]:
        assert self.issued, "no token was issued: the scenario did not log in"
        secrets = as_sent(
            self.SECRET, self.TARGET_SECRET, self.OUTSIDER_SECRET, self.WRONG, self.PASSWORD, *self.issued
        )
        return secrets | {f"Bearer {token}" for token in self.issued}


SCENARIOS: dict[str, Callable[[], Scenario]] = {
    scenario.key: scenario
    for scenario in (
        Comm100V4Secrets,
        Comm100V3Secrets,
        OmnizePartnerSecrets,
        OmnizePartnerV2Secrets,
        AirVantagePartnersSecrets,
        PortsipDealersSecrets,
    )
}


# -- where a secret could show ----------------------------------------------------------------


def leaked(secrets: set[str], text: str) -> list[str]:
    return sorted(secret for secret in secrets if secret in text)


def shown_objects(client: Any) -> Iterator[object]:
    """The client, its httpx clients, and their auth, transport and headers: everything a repr could show."""
    yield client
    for http in (client.get_httpx_client(), client.get_async_httpx_client()):
        yield from (http, http.auth, http.headers)
    transport = client_transport(client)
    yield from (transport, transport.policy, transport.transport, transport.async_transport)


def error_chain(error: BaseException | None) -> Iterator[BaseException]:
    """An error and every error it was raised from or during."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


def _overlay_keys() -> set[str]:
    modules = pkgutil.iter_modules(partner_apis.overlays.__path__)
    return {importlib.import_module(f"partner_apis.overlays.{m.name}").KEY for m in modules if m.name != "runtime"}


# -- the tests ---------------------------------------------------------------------------------


def test_every_overlay_has_a_secrets_scenario() -> None:
    wanted = _overlay_keys() | set(PROFILES)
    assert wanted <= set(SCENARIOS), f"no secrets scenario for {sorted(wanted - set(SCENARIOS))}: add one to SCENARIOS"


@pytest.mark.parametrize("key", sorted(SCENARIOS))
def test_no_secret_shows_in_logs_reprs_errors_or_contract_reports(
    key: str, partner_api_simulator: Callable[..., RunningSimulator], caplog: pytest.LogCaptureFixture
) -> None:
    scenario = SCENARIOS[key]()
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "partner_apis"):
        caplog.set_level(logging.DEBUG, logger=name)
    sim = partner_api_simulator(key, **scenario.simulator_options)

    # Success, failure and a retry, as a user's code would meet them.
    client = scenario.client(sim)
    scenario.succeed(sim, client)
    errors = scenario.fail(sim, client)
    errors.append(raised(lambda: scenario.read(scenario.client(sim, httpx.MockTransport(refusing)))))
    flaky = Flaky()
    retried = scenario.client(sim, flaky)
    assert scenario.read(retried) is not None
    assert len(flaky.refused) == 1
    assert flaky.sent[-1].url == flaky.refused[0].url, "the refused read was not sent again"

    # A short contract run against the same simulator (its first credential).
    target = TARGETS[key]
    auth = target.simulator_auth(sim.app)
    result = run_contract(
        ContractRun(
            spec=spec_path(key),
            base_url=sim.root_url + entry(key).base_path,
            headers=auth.headers,
            hooks=auth.hooks or target.hooks,
            seed=1,
            max_examples=5,
            phases=("examples",),
            extra_env=auth.env,
            exclude_checks=target.exclude_checks,
        )
    )

    secrets = scenario.secrets(sim)
    messages = [record.getMessage() for record in caplog.records]
    # The test must have seen what it searches: httpx's request lines and the retry's own line.
    assert any(message.startswith("HTTP Request:") for message in messages)
    assert any(message.startswith("retrying GET") for message in messages)
    for record, message in zip(caplog.records, messages, strict=True):
        assert not leaked(secrets, message), (record.name, message)
    assert not leaked(secrets, caplog.text)
    for shown in (*shown_objects(client), *shown_objects(retried)):
        assert not leaked(secrets, repr(shown)), type(shown).__name__
    assert errors
    for link in (link for error in errors for link in error_chain(error)):
        assert not leaked(secrets, str(link)), type(link).__name__
        assert not leaked(secrets, repr(link)), type(link).__name__
    assert result.generated > 0, result.output[-2000:]
    assert not leaked(secrets, result.output), "in the Schemathesis CLI output"
    assert not leaked(secrets, json.dumps(result.report, ensure_ascii=False)), "in the Schemathesis JSON report"

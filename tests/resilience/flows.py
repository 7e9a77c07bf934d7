"""One scripted provisioning flow per API, written as a user's provisioning job would be, on the overlay client.

Every flow creates a record with a key of its own (an external id, a unique name or
e-mail), reads it back from the record and from the list, updates it twice reading each
update back, and deletes it where the API can. A step that fails with a typed error is
tried again (:meth:`~.ledger.Ledger.step`); a create is never simply sent again: when it
fails, the flow first reads the list for its key (the create may have happened: the
connection dropped after the simulator processed it) and only creates again when the
record is not there. The simulator's state then says whether the API ended with exactly
one record (:meth:`Flow.records`).
"""

from __future__ import annotations

import functools
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any

from airvantage_partners_client.api.operations import cancel_operation
from airvantage_partners_client.api.partners import edit_partner, get_partner
from airvantage_partners_client.api.partnership import request_partnership
from airvantage_partners_client.api.requests import accept_request
from airvantage_partners_client.models import (
    PartnerEdit,
    PartnershipRequest,
    ProfileRef,
    RequestAcceptance,
    RequestAcceptanceData,
)
from comm100_v3_client.api.sites import create_site as create_v3_site
from comm100_v3_client.api.sites import get_site as get_v3_site
from comm100_v3_client.api.sites import list_sites as list_v3_sites
from comm100_v3_client.api.sites import update_site as update_v3_site
from comm100_v3_client.models import PlanSelection, SiteContactCreate
from comm100_v3_client.models import SiteCreate as V3SiteCreate
from comm100_v3_client.models import SiteUpdate as V3SiteUpdate
from comm100_v4_client.api.sites import create_site as create_v4_site
from comm100_v4_client.api.sites import get_site as get_v4_site
from comm100_v4_client.api.sites import list_sites as list_v4_sites
from comm100_v4_client.api.sites import update_site as update_v4_site
from comm100_v4_client.models import CompanySize
from comm100_v4_client.models import SiteCreate as V4SiteCreate
from comm100_v4_client.models import SiteUpdate as V4SiteUpdate
from omnize_partner_client.api.accounts import create_account, delete_account
from omnize_partner_client.api.agents import create_agent, list_agents, update_agent
from omnize_partner_client.models import (
    AccountCreate,
    AgentCreate,
    AgentUpdate,
    CreateAccountRequest,
    CreateAgentRequest,
    UpdateAgentRequest,
)
from omnize_partner_v2_client.api.agents import create_agent as create_v2_agent
from omnize_partner_v2_client.api.agents import delete_agent as delete_v2_agent
from omnize_partner_v2_client.api.agents import show_agent as show_v2_agent
from omnize_partner_v2_client.api.agents import update_agent as update_v2_agent
from omnize_partner_v2_client.models import AgentCreate as V2AgentCreate
from omnize_partner_v2_client.models import AgentScope as V2AgentScope
from omnize_partner_v2_client.models import AgentUpdate as V2AgentUpdate
from omnize_partner_v2_client.models import CreateAgentRequest as V2CreateAgentRequest
from omnize_partner_v2_client.models import DeleteAgentRequest as V2DeleteAgentRequest
from omnize_partner_v2_client.models import UpdateAgentRequest as V2UpdateAgentRequest
from portsip_dealers_client.api.dealers import create_dealer, destroy_dealer, get_dealer, update_dealer
from portsip_dealers_client.models import DealerCreate, DealerLevel, DealerUpdate

from partner_apis.overlays import airvantage_partners as av
from partner_apis.overlays import comm100_v3, omnize_partner_v2, portsip_dealers
from partner_apis.overlays.omnize_partner import OmnizeError
from partner_apis.overlays.runtime import NotFoundError, PartnerApiError
from partner_apis.testing import RunningSimulator

from .ledger import FLOW_TRIES, Ledger

# How long the AirVantage flow waits for its partnership operation before cancelling it.
OPERATION_WAIT = 0.3


class Flow:
    """A provisioning flow on one API's overlay client: create, read back, update twice, delete."""

    key: str = ""
    create_operation: str = ""
    delete_operation: str = ""  # the flows that can delete
    # Simulator options the flow needs (seeded records, lifetimes).
    options: dict[str, Any] = {}  # noqa: RUF012 (read-only)
    can_delete = False

    def __init__(self, sim: RunningSimulator, ledger: Ledger, **client_options: Any) -> None:
        self.sim = sim
        self.ledger = ledger
        self.client_options = client_options
        self.tag = secrets.token_hex(4)
        self.client = self.new_client(0)

    def new_client(self, tenant: int | str) -> Any:
        """An overlay client of ``tenant`` on the ledger's counting transport, its waits recorded."""
        options = {"transport": self.ledger.transport(), "timeout": 0.5, **self.client_options}
        return self.ledger.watch(self.sim.client(tenant, **options))

    # -- what each API fills in ---------------------------------------------------------

    def create(self) -> Any:
        """Send the create once; return the new record's id."""
        raise NotImplementedError

    def find(self) -> Any | None:
        """The id of the record with this flow's key, read from the list, or None."""
        raise NotImplementedError

    def read(self, record: Any) -> Any:
        """The record's values that the updates change, read from the record (None: no single read)."""
        raise NotImplementedError

    def listed(self, record: Any) -> Any:
        """The same values, read from the list (``LookupError`` when it is not listed)."""
        raise NotImplementedError

    def update(self, record: Any, n: int) -> None:
        """Apply the ``n``-th update."""
        raise NotImplementedError

    def expected(self, n: int) -> Any:
        """The values after the ``n``-th update (0: as created)."""
        raise NotImplementedError

    def delete(self, record: Any) -> None:
        """Delete the record (``can_delete`` flows only)."""
        raise NotImplementedError

    def gone(self, record: Any) -> bool:
        """Whether the record can no longer be read (after :meth:`delete`)."""
        raise NotImplementedError

    def already_gone(self, error: PartnerApiError) -> bool:
        """Whether a delete's failure says the record is not there (a resent delete whose first try worked)."""
        return isinstance(error, NotFoundError)

    def records(self) -> int:
        """How many records with this flow's key the simulator holds (its own state: the ground truth)."""
        raise NotImplementedError

    def cheap_read(self, client: Any) -> Callable[[], Any]:
        """A read for the concurrent token renewal step."""
        raise NotImplementedError

    # -- the flow -------------------------------------------------------------------------

    def provisioned(self) -> Any:
        """Create the record, reconciling a create whose outcome the client never heard."""
        ledger = self.ledger
        for _ in range(8):
            try:
                return ledger.call(self.create, idempotent=False)
            except PartnerApiError:
                # The create may have been processed (a dropped connection, a timeout): look first.
                found = ledger.step(self.find)
                if found is not None:
                    ledger.tally.reconciled += 1
                    return found
        raise AssertionError("the create failed eight times")

    def run(self) -> None:
        """The whole flow; raises ``AssertionError`` when a read-back disagrees."""
        ledger = self.ledger
        record = self.provisioned()
        assert self.records() == 1, f"{self.records()} records with the flow's key after the create"
        for n in (0, 1, 2):
            if n:
                ledger.step(functools.partial(self.update, record, n))
            expected = self.expected(n)
            stored = ledger.step(lambda: self.read(record))
            assert stored is None or stored == expected, f"read after update {n}: {stored!r}, not {expected!r}"
            listed = ledger.step(lambda: self.listed(record))
            assert listed == expected, f"listed after update {n}: {listed!r}, not {expected!r}"
        if self.can_delete:
            # A delete resent after its first attempt was processed but not heard finds the
            # record already gone (a not-found refusal), which the read below confirms.
            for _ in range(FLOW_TRIES):
                try:
                    ledger.call(lambda: self.delete(record))
                    break
                except PartnerApiError as error:
                    if self.already_gone(error):
                        break
            else:
                raise AssertionError("the delete failed every time")
            assert ledger.step(lambda: self.gone(record)), "the record is still there after its delete"


class Comm100V4(Flow):
    """A site with an external id: create, find by external id, update registrant and company."""

    key = "comm100-v4"
    create_operation = "createSite"

    def create(self) -> Any:
        body = V4SiteCreate(platform_id=100, email=f"{self.tag}@example.com", password="s3cret-pw", plan_id=233)
        body.external_id = self.tag
        return create_v4_site.sync(client=self.client, body=body).site_id  # type: ignore[union-attr]

    def find(self) -> Any | None:
        sites: Any = list_v4_sites.sync(client=self.client, external_id=self.tag)
        return sites[0].id if sites else None

    def read(self, record: Any) -> Any:
        site: Any = get_v4_site.sync(record, client=self.client)
        return (site.first_name or None, site.company or None)

    def listed(self, record: Any) -> Any:
        sites: Any = list_v4_sites.sync(client=self.client, external_id=self.tag)
        found = [site for site in sites if site.id == record]
        if not found:
            raise LookupError(record)
        return (found[0].first_name or None, found[0].company or None)

    def update(self, record: Any, n: int) -> None:
        first_name, company = self.expected(n)
        body = V4SiteUpdate(
            first_name=first_name, last_name="Lee", company=company, company_size=CompanySize.SIZE_101_180
        )
        update_v4_site.sync(record, client=self.client, body=body)

    def expected(self, n: int) -> Any:
        return (None, None) if n == 0 else (f"Ann{n}", f"Acme {n}")

    def records(self) -> int:
        partner = self.sim.tenant().facts["partner_id"]
        return sum(1 for site in self.sim.simulator.sites.of(partner) if site.email == f"{self.tag}@example.com")

    def cheap_read(self, client: Any) -> Callable[[], Any]:
        return lambda: list_v4_sites.sync(client=client, external_id="none")


class AsyncComm100V4(Comm100V4):
    """:class:`Comm100V4` on the client's async path (the generated ``asyncio`` functions), the same steps and checks.

    Its client's async network is the ledger's counting one and its async waits are
    recorded (``RetryingTransport.async_sleep``), so a rate-limited flow runs in no real time.
    """

    def new_client(self, tenant: int | str) -> Any:
        """The overlay client with the ledger's sync and async counting transports, its waits recorded."""
        options = {
            "transport": self.ledger.transport(),
            "async_transport": self.ledger.async_transport(),
            "timeout": 0.5,
            **self.client_options,
        }
        return self.ledger.watch(self.sim.client(tenant, **options))

    async def acreate(self) -> Any:
        """Send the create once; return the new site's id."""
        body = V4SiteCreate(platform_id=100, email=f"{self.tag}@example.com", password="s3cret-pw", plan_id=233)
        body.external_id = self.tag
        created: Any = await create_v4_site.asyncio(client=self.client, body=body)
        return created.site_id

    async def afind(self) -> Any | None:
        """The id of the site with this flow's external id, or None."""
        sites: Any = await list_v4_sites.asyncio(client=self.client, external_id=self.tag)
        return sites[0].id if sites else None

    async def aread(self, record: Any) -> Any:
        """The values the updates change, read from the site."""
        site: Any = await get_v4_site.asyncio(record, client=self.client)
        return (site.first_name or None, site.company or None)

    async def alisted(self, record: Any) -> Any:
        """The same values, read from the list (``LookupError`` when it is not listed)."""
        sites: Any = await list_v4_sites.asyncio(client=self.client, external_id=self.tag)
        found = [site for site in sites if site.id == record]
        if not found:
            raise LookupError(record)
        return (found[0].first_name or None, found[0].company or None)

    async def aupdate(self, record: Any, n: int) -> None:
        """Apply the ``n``-th update."""
        first_name, company = self.expected(n)
        body = V4SiteUpdate(
            first_name=first_name, last_name="Lee", company=company, company_size=CompanySize.SIZE_101_180
        )
        await update_v4_site.asyncio(record, client=self.client, body=body)

    async def aprovisioned(self) -> Any:
        """:meth:`Flow.provisioned`, awaited: a failed create is reconciled by reading before creating again."""
        for _ in range(8):
            try:
                return await self.ledger.acall(self.acreate, idempotent=False)
            except PartnerApiError:
                found = await self.ledger.astep(self.afind)
                if found is not None:
                    self.ledger.tally.reconciled += 1
                    return found
        raise AssertionError("the create failed eight times")

    async def arun(self) -> None:
        """:meth:`Flow.run`, awaited; raises ``AssertionError`` when a read-back disagrees."""
        ledger = self.ledger
        record = await self.aprovisioned()
        assert self.records() == 1, f"{self.records()} records with the flow's key after the create"
        for n in (0, 1, 2):
            if n:
                await ledger.astep(functools.partial(self.aupdate, record, n))
            read: Callable[[], Awaitable[Any]] = functools.partial(self.aread, record)
            stored = await ledger.astep(read)
            assert stored == self.expected(n), f"read after update {n}: {stored!r}, not {self.expected(n)!r}"
            listed = await ledger.astep(functools.partial(self.alisted, record))
            assert listed == self.expected(n), f"listed after update {n}: {listed!r}, not {self.expected(n)!r}"


class Comm100V3(Flow):
    """A trial site named after the flow: create, find by keyword, update the city and time zone."""

    key = "comm100-v3"
    create_operation = "createSite"

    @property
    def company(self) -> str:
        return f"Resilient {self.tag}"

    def create(self) -> Any:
        body = V3SiteCreate(
            password="s3cret-pw",
            contact=SiteContactCreate(first_name="Ann", last_name="Lee", email=f"{self.tag}@example.com"),
            plan_list=[PlanSelection(id=1)],
            company=self.company,
            city="Toronto",
            time_zone="Eastern Standard Time",
        )
        return create_v3_site.sync(client=self.client, body=body).id  # type: ignore[union-attr]

    def find(self) -> Any | None:
        found = [site.id for site in comm100_v3.iter_sites(self.client, keywords=self.tag)]
        return found[0] if found else None

    def read(self, record: Any) -> Any:
        site: Any = get_v3_site.sync(record, client=self.client)
        return (site.city, site.time_zone)

    def listed(self, record: Any) -> Any:
        found = [site for site in comm100_v3.iter_sites(self.client, keywords=self.tag) if site.id == record]
        if not found:
            raise LookupError(record)
        return (found[0].city, found[0].time_zone)

    def update(self, record: Any, n: int) -> None:
        city, zone = self.expected(n)
        update_v3_site.sync(record, client=self.client, body=V3SiteUpdate(city=city, time_zone=zone))

    def expected(self, n: int) -> Any:
        return ("Toronto", "Eastern Standard Time") if n == 0 else (f"City {n}", "Pacific Standard Time")

    def records(self) -> int:
        partner = self.sim.tenant().facts["partner_id"]
        return sum(1 for site in self.sim.simulator.sites.of(partner) if site.site["company"] == self.company)

    def cheap_read(self, client: Any) -> Callable[[], Any]:
        return lambda: list_v3_sites.sync(client=client, keywords="nobody")


class PortsipDealers(Flow):
    """A distributor created by the administrator: find by name, update its limits, destroy it."""

    key = "portsip-dealers"
    create_operation = "createDealer"
    delete_operation = "destroyDealer"
    can_delete = True

    @property
    def name(self) -> str:
        return f"resilient-{self.tag}"

    def create(self) -> Any:
        body = DealerCreate(
            level=DealerLevel.DISTRIBUTOR,
            name=self.name,
            password="s3cret-pw-1",
            max_tenants=5,
            max_extensions=50,
            email=f"{self.tag}@example.com",
            display_name=self.name,
        )
        return create_dealer.sync(client=self.client, body=body).id  # type: ignore[union-attr]

    def find(self) -> Any | None:
        found = [dealer.id for dealer in portsip_dealers.iter_dealers(self.client, search=self.name)]
        return found[0] if found else None

    def read(self, record: Any) -> Any:
        dealer: Any = get_dealer.sync(record, client=self.client)
        return dealer.max_tenants

    def listed(self, record: Any) -> Any:
        found = [dealer for dealer in portsip_dealers.iter_dealers(self.client, search=self.name)]
        match = [dealer for dealer in found if dealer.id == record]
        if not match:
            raise LookupError(record)
        return match[0].max_tenants

    def update(self, record: Any, n: int) -> None:
        update_dealer.sync(record, client=self.client, body=DealerUpdate(max_tenants=self.expected(n)))

    def expected(self, n: int) -> Any:
        return 5 + 10 * n

    def delete(self, record: Any) -> None:
        destroy_dealer.sync(record, client=self.client)

    def gone(self, record: Any) -> bool:
        try:
            get_dealer.sync(record, client=self.client)
        except NotFoundError:
            listed = [dealer.id for dealer in portsip_dealers.iter_dealers(self.client, search=self.name)]
            return record not in listed
        return False

    def records(self) -> int:
        installations = self.sim.simulator.installations
        return sum(1 for pbx in installations for dealer in pbx.below(None) if dealer.name == self.name)

    def cheap_read(self, client: Any) -> Callable[[], Any]:
        return lambda: list(portsip_dealers.iter_dealers(client, search="nobody"))


class OmnizePartner(Flow):
    """An agent in a fresh account: find by e-mail, rename it, delete the account (and with it the agent).

    Omnize has no read of one agent, so the agent is read back from the list only; and no
    read of accounts at all, so an account whose create was lost cannot be found again:
    the flow makes another and the lost one is counted as orphaned.
    """

    key = "omnize-partner"
    create_operation = "createAgent"
    delete_operation = "deleteAccount"
    can_delete = True

    def __init__(self, sim: RunningSimulator, ledger: Ledger, **client_options: Any) -> None:
        super().__init__(sim, ledger, **client_options)
        self.account = 0  # set by run(), before anything reads it

    @property
    def email(self) -> str:
        return f"agent-{self.tag}@example.com"

    def open_account(self) -> int:
        """Create the account the agent lives in (no way to find a lost one: see the class)."""
        body = CreateAccountRequest(
            license_quantity=2,
            account=AccountCreate(email=f"{self.tag}@example.com", main_contact="Ana", telefone="1", url="x.example"),
        )
        for _ in range(8):
            try:
                created: Any = self.ledger.call(
                    lambda: create_account.sync(client=self.client, body=body), idempotent=False
                )
            except PartnerApiError:
                continue
            return int(created.data.id)
        raise AssertionError("createAccount failed eight times")

    def run(self) -> None:
        self.account = self.open_account()
        super().run()
        partner = self.sim.tenant().facts["partner_id"]
        self.ledger.tally.orphaned += len(self.sim.simulator.store.accounts.of(partner))

    def create(self) -> Any:
        agent = AgentCreate(email=self.email, name="Agent 0", password="s3cret-pw", account_id=self.account)
        created: Any = create_agent.sync(client=self.client, body=CreateAgentRequest(agent=agent))
        return created.data.id

    def find(self) -> Any | None:
        agents: Any = list_agents.sync(client=self.client, account_id=self.account)
        found = [agent.id for agent in agents.data if agent.email == self.email]
        return found[0] if found else None

    def read(self, record: Any) -> Any:
        return None  # no read of one agent in the API

    def listed(self, record: Any) -> Any:
        agents: Any = list_agents.sync(client=self.client, account_id=self.account)
        found = [agent.name for agent in agents.data if agent.id == record]
        if not found:
            raise LookupError(record)
        return found[0]

    def update(self, record: Any, n: int) -> None:
        update_agent.sync(record, client=self.client, body=UpdateAgentRequest(agent=AgentUpdate(name=self.expected(n))))

    def expected(self, n: int) -> Any:
        return f"Agent {n}"

    def delete(self, record: Any) -> None:
        delete_account.sync(self.account, client=self.client)

    def already_gone(self, error: PartnerApiError) -> bool:
        return _omnize_not_found(error)

    def gone(self, record: Any) -> bool:
        partner = self.sim.tenant().facts["partner_id"]
        return all(account.id != self.account for account in self.sim.simulator.store.accounts.of(partner))

    def records(self) -> int:
        return sum(1 for agent in self.sim.simulator.store.agents.of(self.account) if agent.email == self.email)

    def cheap_read(self, client: Any) -> Callable[[], Any]:
        return lambda: None


class AirVantagePartners(Flow):
    """A partnership: Acme asks Globex, Globex accepts, Acme reads it back and changes Globex's profile twice.

    The request is AirVantage's create (not idempotent) and its outcome an asynchronous
    operation: one that fails or stalls (the vendor's own faults) is cancelled and asked again.
    """

    key = "airvantage-partners"
    create_operation = "requestPartnership"
    options = {"start_delay": 0}  # noqa: RUF012 (read-only)

    def __init__(self, sim: RunningSimulator, ledger: Ledger, **client_options: Any) -> None:
        super().__init__(sim, ledger, **client_options)
        self.partner = self.new_client(1)
        companies = sim.seed["companies"]
        self.acme = companies["Acme IoT"]
        self.globex = companies["Globex Telematics"]["uid"]

    def profile(self, n: int) -> str:
        names = ("Support Partner", "Basic Partner", "Support Partner")
        return str(self.acme["profiles"][names[n]])

    def create(self) -> Any:
        body = PartnershipRequest(partner=self.globex, profile=self.profile(0))
        started: Any = request_partnership.sync(client=self.client, body=body)
        return started.operation

    def find(self) -> Any | None:
        # A request whose answer was lost shows as an unfinished operation towards Globex.
        for operation in av.iter_operations(self.client):
            if operation.target == self.globex and operation.state != "FINISHED":
                return operation.uid
        return None

    def accepted(self, operation: str) -> bool:
        """Globex accepts Acme's request; True once the operation ended in success."""
        ledger = self.ledger
        pending = ledger.step(lambda: [str(request.uid) for request in av.iter_requests(self.partner)])
        profile = str(self.sim.seed["companies"]["Globex Telematics"]["profiles"]["Partner"])
        answer = RequestAcceptance(data=RequestAcceptanceData(profile=profile))
        for uid in pending:
            ledger.step(functools.partial(accept_request.sync, uid, client=self.partner, body=answer))
        wait = functools.partial(
            av.wait_for_operation,
            self.client,
            operation,
            sleep=time.sleep,  # the operation's own polling: a few short real waits
            timeout=OPERATION_WAIT,
            first_poll=0.01,
            max_poll=0.05,
        )
        for _ in range(FLOW_TRIES):
            try:
                result = ledger.call(wait)
            except av.OperationTimeoutError:  # stalled: the request never reached Globex
                ledger.step(functools.partial(cancel_operation.sync, operation, client=self.client))
                return False
            except PartnerApiError:
                continue  # a poll failed: wait again
            return result.succeeded
        return False

    def provisioned(self) -> Any:
        for _ in range(8):
            operation = super().provisioned()
            if self.accepted(operation):
                return self.globex
        raise AssertionError("the partnership failed eight times")

    def records(self) -> int:
        partners = self.sim.simulator.network.partners(self.acme["uid"])
        return sum(1 for company, _ in partners if company.uid == self.globex)

    def read(self, record: Any) -> Any:
        partner: Any = get_partner.sync(record, client=self.client)
        return partner.profile.uid

    def listed(self, record: Any) -> Any:
        found = [p for p in av.iter_partners(self.client, fields=["uid", "profile"]) if p.uid == record]
        if not found:
            raise LookupError(record)
        return found[0].profile.uid  # type: ignore[union-attr]

    def update(self, record: Any, n: int) -> None:
        edit_partner.sync(record, client=self.client, body=PartnerEdit(profile=ProfileRef(uid=self.profile(n))))

    def expected(self, n: int) -> Any:
        return self.profile(n)

    def cheap_read(self, client: Any) -> Callable[[], Any]:
        return lambda: get_partner.sync(self.sim.seed["companies"]["Partner One"]["uid"], client=client)


def _omnize_not_found(error: PartnerApiError) -> bool:
    """Omnize's "<Resource> not found", inside HTTP 200 (v1 and v2)."""
    return isinstance(error, OmnizeError) and str(error.vendor_message).endswith("not found")


class OmnizePartnerV2(Flow):
    """An agent in the account seeded for the partner: find by e-mail, show, rename, delete."""

    key = "omnize-partner-v2"
    create_operation = "createAgent"
    delete_operation = "deleteAgent"
    can_delete = True

    @property
    def account(self) -> int:
        return int(self.sim.tenant().facts["account_id"])

    @property
    def email(self) -> str:
        return f"agent-{self.tag}@example.com"

    def create(self) -> Any:
        fields = V2AgentCreate(name="Agent 0", email=self.email, password="s3cret-pw", account_id=self.account)
        created: Any = create_v2_agent.sync(client=self.client, body=V2CreateAgentRequest(agent=fields))
        return created.agent.id

    def find(self) -> Any | None:
        found = [
            agent.id for agent in omnize_partner_v2.iter_agents(self.client, self.account) if agent.email == self.email
        ]
        return found[0] if found else None

    def read(self, record: Any) -> Any:
        shown: Any = show_v2_agent.sync(record, client=self.client, account_id=self.account)
        return shown.agent.name

    def listed(self, record: Any) -> Any:
        found = [agent.name for agent in omnize_partner_v2.iter_agents(self.client, self.account) if agent.id == record]
        if not found:
            raise LookupError(record)
        return found[0]

    def update(self, record: Any, n: int) -> None:
        body = V2UpdateAgentRequest(agent=V2AgentUpdate(account_id=self.account, name=self.expected(n)))
        update_v2_agent.sync(record, client=self.client, body=body)

    def expected(self, n: int) -> Any:
        return f"Agent {n}"

    def delete(self, record: Any) -> None:
        body = V2DeleteAgentRequest(agent=V2AgentScope(account_id=self.account))
        delete_v2_agent.sync(record, client=self.client, body=body)

    def already_gone(self, error: PartnerApiError) -> bool:
        return _omnize_not_found(error)

    def gone(self, record: Any) -> bool:
        try:
            show_v2_agent.sync(record, client=self.client, account_id=self.account)
        except PartnerApiError as error:
            if not _omnize_not_found(error):
                raise
            return all(agent.id != record for agent in omnize_partner_v2.iter_agents(self.client, self.account))
        return False

    def records(self) -> int:
        agents = self.sim.simulator.store.agents.of(self.account)
        return sum(1 for agent in agents if agent.email == self.email)

    def cheap_read(self, client: Any) -> Callable[[], Any]:
        return lambda: None


FLOWS: dict[str, type[Flow]] = {
    flow.key: flow
    for flow in (Comm100V3, Comm100V4, AirVantagePartners, OmnizePartner, OmnizePartnerV2, PortsipDealers)
}

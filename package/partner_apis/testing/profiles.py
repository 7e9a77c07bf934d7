"""One profile per API, shared by the reliability tests and the benchmarks (scripts/bench.py).

A new API joins ``nox -s bench`` and tests/reliability by adding one ``ApiProfile`` to
``PROFILES``. A profile opens raw sessions for a simulator's partners and builds the
overlay client users get from ``partner_apis.overlays.<api>.client``.

A raw session is bare httpx: an ``httpx.Client`` speaking the vendor's wire format (its
auth as a plain header, query or body field; its error shape), with no code of this
project on its request path, so the benchmarks' "bare httpx" baseline is what a user
without the overlays would write. Both take an optional ``transport`` (an
``httpx.MockTransport`` in the in-process benchmark).

Imported on its own (``from partner_apis.testing.profiles import PROFILES``), never from
``partner_apis.testing``: it loads every overlay and generated client.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import quote, urlencode, urlsplit

import httpx
from airvantage_partners_client.api.operations import get_operation
from comm100_v3_client.api.sites import get_site as get_v3_site
from comm100_v4_client.api.sites import get_site as get_v4_site
from omnize_partner_client.api.departments import list_department_channels
from omnize_partner_v2_client.api.agents import show_agent as show_agent_v2
from portsip_dealers_client.api.dealers import get_dealer

from partner_apis.overlays import airvantage_partners, comm100_v3, portsip_dealers
from partner_apis.simulators.tenants import pick_tenant

from .running import overlay_factory

__all__ = ["PROFILES", "ApiProfile", "RawSession"]

Id = Any


class RawSession(Protocol):
    """One partner's raw access to a simulator, in the vendor's own wire format."""

    client: httpx.Client

    def create(self, n: int) -> Id:
        """Create the ``n``-th record (thread-safe) and return its id; raise on failure."""
        ...

    def read(self, record: Id) -> httpx.Response:
        """Fetch one record."""
        ...

    def update(self, record: Id) -> httpx.Response:
        """Change one record with a valid body."""
        ...

    def delete(self, record: Id) -> httpx.Response | None:
        """Delete one record; None when the API has no delete."""
        ...

    def list_ids(self) -> set[Id]:
        """The ids of every record this partner can list (every page)."""
        ...

    def not_found(self, response: httpx.Response) -> bool:
        """True for the vendor's answer to an id the caller may not see."""
        ...

    def get_path(self, record: Id) -> str:
        """The URL (relative to the base URL) that fetches one record, for the load generator."""
        ...

    def list_path(self) -> str:
        """The URL (relative to the base URL) that lists records, for the load generator."""
        ...

    def wrk_headers(self) -> dict[str, str]:
        """Headers the load generator sends (the partner's auth, when it travels in a header)."""
        ...


class SessionFactory(Protocol):
    """Opens a raw session: ``(base_url, simulator, partner, transport=None)``."""

    def __call__(
        self, base_url: str, simulator: Any, partner: int, transport: httpx.BaseTransport | None = None
    ) -> RawSession:
        """Log in as the ``partner``-th partner (where the API has a login); raise on failure."""
        ...


class OverlayFactory(Protocol):
    """Builds the overlay client for the first partner: ``(base_url, simulator, transport=None)``."""

    def __call__(self, base_url: str, simulator: Any, transport: httpx.BaseTransport | None = None) -> Any:
        """The client ``partner_apis.overlays.<api>.client`` returns, aimed at ``base_url``."""
        ...


@dataclass(frozen=True)
class ApiProfile:
    """How the reliability suite and the benchmarks exercise one API.

    ``session(base_url, simulator, partner)`` opens a raw session for the simulator's
    ``partner``-th partner (0 and 1 are two different partners; ``simulator`` is the
    object at ``app.state.simulator``, read for its default credentials);
    ``overlay_client(base_url, simulator)`` and ``overlay_read(client, id)`` are the
    user-facing path the benchmarks compare with ``RawSession.read``: the same request
    on the wire. Both factories take ``transport=`` to replace the network.
    """

    key: str
    session: SessionFactory
    overlay_client: OverlayFactory
    overlay_read: Callable[[Any, Id], Any]
    simulator_options: dict[str, Any] = field(default_factory=dict)


def first_tenant_client(key: str) -> OverlayFactory:
    """An overlay factory signing in as the simulator's first tenant, as ``sim.client()`` does."""

    def build(base_url: str, simulator: Any, transport: httpx.BaseTransport | None = None) -> Any:
        arguments = pick_tenant(simulator.tenants(), 0).arguments()
        return overlay_factory(key)(**arguments, base_url=base_url, transport=transport)

    return build


def credentials(simulator: Any, partner: int) -> dict[str, Any]:
    """What the overlay factory takes to sign in as the simulator's ``partner``-th tenant (0 and 1: two partners).

    The public tenants (``tenants()``), as ``sim.credentials(partner)`` reads them: a
    session signs in as the same identity the overlay client does. Raises
    ``LookupError`` for a tenant the simulator does not have.
    """
    return pick_tenant(simulator.tenants(), partner).arguments()


def _bearer(token: str) -> dict[str, str]:
    # A plain header, as a user of bare httpx sends it (no httpx.Auth of this project).
    return {"Authorization": f"Bearer {token}"}


# -- comm100-v4 -----------------------------------------------------------------------------


class Comm100V4Session:
    """Raw access to the Comm100 v4 simulator as one partner (bearer token)."""

    def __init__(
        self, base_url: str, simulator: Any, partner: int, transport: httpx.BaseTransport | None = None
    ) -> None:
        self._token: str = credentials(simulator, partner)["token"]
        self.client = httpx.Client(base_url=base_url, headers=_bearer(self._token), timeout=30, transport=transport)

    def create(self, n: int) -> Id:
        body = {"platformId": 100, "email": f"owner{n}@example.com", "password": "12345", "planId": 233}
        return self.client.post("/global/sites", json=body).raise_for_status().json()["siteId"]

    def read(self, record: Id) -> httpx.Response:
        return self.client.get(f"/global/sites/{record}")

    def update(self, record: Id) -> httpx.Response:
        body = {"firstName": "J", "lastName": "S", "company": "C", "companySize": "1-20"}
        return self.client.put(f"/global/sites/{record}", json=body)

    def delete(self, record: Id) -> httpx.Response | None:
        return None  # the v4 partner API has no delete

    def list_ids(self) -> set[Id]:
        return {site["id"] for site in self.client.get("/global/sites").raise_for_status().json()}

    def not_found(self, response: httpx.Response) -> bool:
        return response.status_code == 404 and response.json().get("code") == "not_found"

    def get_path(self, record: Id) -> str:
        return f"/global/sites/{record}"

    def list_path(self) -> str:
        return "/global/sites"

    def wrk_headers(self) -> dict[str, str]:
        return _bearer(self._token)


def _v4_overlay_read(client: Any, record: Id) -> Any:
    return get_v4_site.sync(record, client=client)


COMM100_V4 = ApiProfile(
    key="comm100-v4",
    session=Comm100V4Session,
    overlay_client=first_tenant_client("comm100-v4"),
    overlay_read=_v4_overlay_read,
    # The vendor's 300 calls per 5 minutes would throttle the benchmarks and the load tests.
    simulator_options={"rate_limit": None},
)


# -- comm100-v3 -----------------------------------------------------------------------------


class Comm100V3Session:
    """Raw access to the Comm100 v3 simulator as one partner: a password-grant token sent as a bearer token."""

    def __init__(
        self, base_url: str, simulator: Any, partner: int, transport: httpx.BaseTransport | None = None
    ) -> None:
        login = credentials(simulator, partner)
        self.client = httpx.Client(base_url=base_url, timeout=30, transport=transport)
        form = {"grant_type": "password", "email": login["email"], "password": login["password"]}
        answer = self.client.post(comm100_v3.TOKEN_PATH, data=form).raise_for_status().json()
        self._token: str = answer["access_token"]
        self.client.headers.update(_bearer(self._token))

    def create(self, n: int) -> Id:
        contact = {"firstName": "F", "lastName": "L", "email": f"owner{n}@example.com"}
        body = {"password": "123456", "contact": contact, "planList": [{"id": 1}]}
        return self.client.post(comm100_v3.SITES_PATH, json=body).raise_for_status().json()["id"]

    def read(self, record: Id) -> httpx.Response:
        return self.client.get(f"{comm100_v3.SITES_PATH}/{record}")

    def update(self, record: Id) -> httpx.Response:
        return self.client.put(f"{comm100_v3.SITES_PATH}/{record}", json={"company": "C"})

    def delete(self, record: Id) -> httpx.Response | None:
        return None  # the v3 partner API has no delete

    def list_ids(self) -> set[Id]:
        ids: set[Id] = set()
        query: str | None = ""
        while query is not None:
            page = self.client.get(f"{comm100_v3.SITES_PATH}?{query}").raise_for_status().json()
            ids.update(site["id"] for site in page["sites"])
            # nextPage is a full URL; only its query is followed, on this session's base URL.
            query = urlsplit(page["nextPage"]).query if page["nextPage"] else None
        return ids

    def not_found(self, response: httpx.Response) -> bool:
        return response.status_code == 404 and response.json().get("code") == 404

    def get_path(self, record: Id) -> str:
        return f"{comm100_v3.SITES_PATH}/{record}"

    def list_path(self) -> str:
        return comm100_v3.SITES_PATH

    def wrk_headers(self) -> dict[str, str]:
        return _bearer(self._token)


def _v3_overlay_read(client: Any, record: Id) -> Any:
    return get_v3_site.sync(record, client=client)


COMM100_V3 = ApiProfile(
    key="comm100-v3",
    session=Comm100V3Session,
    overlay_client=first_tenant_client("comm100-v3"),
    overlay_read=_v3_overlay_read,
)


# -- omnize-partner -------------------------------------------------------------------------

# Omnize's words for an id the caller may not see, the same as for an unknown one.
_OMNIZE_NOT_FOUND = re.compile(r"[A-Z][a-z]+ not found")


class OmnizePartnerSession:
    """Raw access to the Omnize simulator as one partner: the token in the query (GETs) or the JSON body.

    A record is a department, identified as ``(account id, department id)``: Omnize lists
    departments (per account) but not accounts, so the session creates one account on first
    use and puts every department there. Omnize deletes no department, only a whole account:
    ``delete`` deletes the record's account (and so the record).
    """

    def __init__(
        self, base_url: str, simulator: Any, partner: int, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.client = httpx.Client(base_url=base_url, timeout=30, transport=transport)
        self._token: str = credentials(simulator, partner)["token"]
        self._lock = threading.Lock()
        self._account_id: int | None = None

    def _ok(self, response: httpx.Response) -> Any:
        body = response.raise_for_status().json()
        if body.get("success") is not True:
            raise RuntimeError(f"Omnize refused {response.request.method} {response.request.url.path}: {body}")
        return body["data"]

    def _account(self) -> int:
        with self._lock:  # every thread's departments go into the one account
            if self._account_id is None:
                account = {"email": "o@example.com", "main_contact": "O", "telefone": "1", "url": "o.example.com"}
                body = {"token": self._token, "license_quantity": 1, "account": account}
                self._account_id = int(self._ok(self.client.post("/accounts", json=body))["id"])
            return self._account_id

    def _query(self, **params: Any) -> str:
        return urlencode({**params, "token": self._token})

    def create(self, n: int) -> Id:
        department = {
            "account_id": self._account(),
            "name": f"Department {n}",
            "description": f"owner{n}@example.com",
            "channels": ["chat"],
        }
        created = self._ok(self.client.post("/departments", json={"token": self._token, "department": department}))
        return (department["account_id"], created[0]["id"])

    def read(self, record: Id) -> httpx.Response:
        return self.client.get(self.get_path(record))

    def update(self, record: Id) -> httpx.Response:
        # The channels change too, so the owner's read (the channels) would show a stranger's update.
        department = {"name": "D", "channels": ["audio"]}
        return self.client.put(f"/departments/{record[1]}", json={"token": self._token, "department": department})

    def delete(self, record: Id) -> httpx.Response | None:
        return self.client.request("DELETE", f"/accounts/{record[0]}", json={"token": self._token})

    def list_ids(self) -> set[Id]:
        account_id = self._account()
        return {(account_id, department["id"]) for department in self._ok(self.client.get(self.list_path()))}

    def not_found(self, response: httpx.Response) -> bool:
        body = response.json()
        errors = body.get("errors")
        return (
            response.status_code == 200
            and body.get("success") is False
            and isinstance(errors, str)
            and _OMNIZE_NOT_FOUND.fullmatch(errors) is not None
            and "data" not in body
        )

    def get_path(self, record: Id) -> str:
        return f"/departments/{record[1]}/channels?{self._query()}"

    def list_path(self) -> str:
        return f"/departments?{self._query(account_id=self._account())}"

    def wrk_headers(self) -> dict[str, str]:
        return {}  # Omnize reads no header: the token is in the query string


def _omnize_overlay_read(client: Any, record: Id) -> Any:
    return list_department_channels.sync(record[1], client=client)


OMNIZE_PARTNER = ApiProfile(
    key="omnize-partner",
    session=OmnizePartnerSession,
    overlay_client=first_tenant_client("omnize-partner"),
    overlay_read=_omnize_overlay_read,
)


# -- omnize-partner-v2 ----------------------------------------------------------------------

# Any digest will do: the simulator stores it, and no bench run logs an agent in.
_V2_PASSWORD = "03ac674216f3e15c761ee1a5e255f067953623c8b388b4459e13f978d7c846f4"  # noqa: S105 - SHA-256 of "1234"
_V2_PAGE = 1000  # the spec's largest page


class OmnizeV2Session:
    """Raw access to the Omnize v2 simulator as one partner: the token in the query (GETs) or the JSON body.

    A record is an agent of the account the simulator seeded for the partner (v2 has no
    account calls), identified as ``(account id, agent id)``: v2 shows, updates and deletes
    an agent by both. E-mails are unique across partners, so each carries the partner and ``n``.
    """

    def __init__(
        self, base_url: str, simulator: Any, partner: int, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.client = httpx.Client(base_url=base_url, timeout=30, transport=transport)
        tenant = pick_tenant(simulator.tenants(), partner)
        self._token: str = tenant.arguments()["token"]
        self._account_id: int = tenant.facts["account_id"]
        self._partner = partner

    def _ok(self, response: httpx.Response, key: str) -> Any:
        body = response.raise_for_status().json()
        if body.get("success") is not True:
            raise RuntimeError(f"Omnize refused {response.request.method} {response.request.url.path}: {body}")
        return body[key]

    def _body(self, **agent: Any) -> dict[str, Any]:
        return {"token": self._token, "agent": {"account_id": self._account_id, **agent}}

    def create(self, n: int) -> Id:
        agent = {"name": f"Agent {n}", "email": f"agent{n}-p{self._partner}@example.com", "password": _V2_PASSWORD}
        return (self._account_id, int(self._ok(self.client.post("/agents", json=self._body(**agent)), "agent")["id"]))

    def read(self, record: Id) -> httpx.Response:
        return self.client.get(self.get_path(record))

    def update(self, record: Id) -> httpx.Response:
        return self.client.put(f"/agents/{record[1]}", json=self._body(name="Renamed"))

    def delete(self, record: Id) -> httpx.Response | None:
        return self.client.request("DELETE", f"/agents/{record[1]}", json=self._body())

    def list_ids(self) -> set[Id]:
        ids: set[Id] = set()
        page = 1
        while True:  # pages until a short one (v2's lists give no total)
            query = urlencode({"account_id": self._account_id, "page": page, "limit": _V2_PAGE, "token": self._token})
            agents = self._ok(self.client.get(f"/agents?{query}"), "agents")
            ids |= {(self._account_id, agent["id"]) for agent in agents}
            if len(agents) < _V2_PAGE:
                return ids
            page += 1

    def not_found(self, response: httpx.Response) -> bool:
        body = response.json()
        errors = body.get("errors")
        return (
            response.status_code == 200
            and body.get("success") is False
            and isinstance(errors, str)
            and _OMNIZE_NOT_FOUND.fullmatch(errors) is not None
            and "agent" not in body
        )

    def get_path(self, record: Id) -> str:
        return f"/agents/{record[1]}?{urlencode({'account_id': record[0], 'token': self._token})}"

    def list_path(self) -> str:
        return f"/agents?{urlencode({'account_id': self._account_id, 'token': self._token})}"

    def wrk_headers(self) -> dict[str, str]:
        return {}  # Omnize reads no header: the token is in the query string


def _omnize_v2_overlay_read(client: Any, record: Id) -> Any:
    return show_agent_v2.sync(record[1], client=client, account_id=record[0])


OMNIZE_PARTNER_V2 = ApiProfile(
    key="omnize-partner-v2",
    session=OmnizeV2Session,
    overlay_client=first_tenant_client("omnize-partner-v2"),
    overlay_read=_omnize_v2_overlay_read,
    # The reliability suite creates thousands of agents in the one seeded account.
    simulator_options={"seeded_licences": 1_000_000},
)


# -- portsip-dealers ------------------------------------------------------------------------


class PortsipDealersSession:
    """Raw access to the PortSIP dealers simulator as one installation's administrator (a password-grant token)."""

    def __init__(
        self, base_url: str, simulator: Any, partner: int, transport: httpx.BaseTransport | None = None
    ) -> None:
        # Partners 0 and 1 are two installations' system administrators.
        admin = credentials(simulator, partner)
        self.client = httpx.Client(base_url=base_url, timeout=30, transport=transport)
        form = {
            "grant_type": "password",
            "username": admin["username"],
            "password": admin["password"],
            "scope": "all",
            "client_id": portsip_dealers.CLIENT_ID,
        }
        answer = self.client.post(portsip_dealers.TOKEN_PATH, data=form).raise_for_status().json()
        self._token: str = answer["access_token"]
        self.client.headers.update(_bearer(self._token))

    def create(self, n: int) -> Id:
        body = {
            "level": "RESELLER",
            "name": f"dealer{n}",
            "password": f"dealer{n}-password",
            "email": f"owner{n}@example.com",
            "max_tenants": 10,
            "max_extensions": 100,
        }
        return self.client.post("/dealers", json=body).raise_for_status().json()["id"]

    def read(self, record: Id) -> httpx.Response:
        return self.client.get(self.get_path(record))

    def update(self, record: Id) -> httpx.Response:
        return self.client.post(self.get_path(record), json={"display_name": "D", "max_tenants": 5})

    def delete(self, record: Id) -> httpx.Response | None:
        return self.client.post(f"{self.get_path(record)}/destroy")

    def list_ids(self) -> set[Id]:
        ids: set[Id] = set()
        skip, count = 0, 1
        while skip < count:
            page = self.client.get("/dealers", params={"skip": skip, "top": 100}).raise_for_status().json()
            if not page["items"]:
                break
            ids.update(dealer["id"] for dealer in page["items"])
            skip, count = skip + len(page["items"]), page["count"]
        return ids

    def not_found(self, response: httpx.Response) -> bool:
        if response.status_code != 404:
            return False
        errors = response.json().get("errors")
        return isinstance(errors, list) and bool(errors) and errors[0].get("code") == "NOT_FOUND"

    def get_path(self, record: Id) -> str:
        # Quoted as the generated client quotes a path parameter (an id's '=' padding goes
        # as %3D): the overhead benchmark compares the very same request on the wire.
        return f"/dealers/{quote(record, safe='')}"

    def list_path(self) -> str:
        return "/dealers"

    def wrk_headers(self) -> dict[str, str]:
        return _bearer(self._token)


def _portsip_overlay_read(client: Any, record: Id) -> Any:
    return get_dealer.sync(record, client=client)


PORTSIP_DEALERS = ApiProfile(
    key="portsip-dealers",
    session=PortsipDealersSession,
    overlay_client=first_tenant_client("portsip-dealers"),
    overlay_read=_portsip_overlay_read,
)


# -- airvantage-partners -------------------------------------------------------------------


class AirVantageSession:
    """Raw access to the AirVantage simulator as one company: a client-credentials token sent as a bearer token.

    Its records are the partnership requests it sends, known by their operations' uids.
    Each asks a company that neither session 0 nor session 1 is, so that another session
    is party to none of them (it could otherwise see them as requests sent to it).
    """

    def __init__(
        self, base_url: str, simulator: Any, partner: int, transport: httpx.BaseTransport | None = None
    ) -> None:
        # Tenants 0 and 1 are full-right API clients of two companies.
        tenants = [pick_tenant(simulator.tenants(), index) for index in (0, 1)]
        company = tenants[partner].facts["company_uid"]
        taken = {tenant.facts["company_uid"] for tenant in tenants}
        taken |= {other.uid for other, _ in simulator.network.partners(company)}
        self._target = next(uid for uid in simulator.network.companies if uid not in taken)
        self.client = httpx.Client(base_url=base_url, timeout=30, transport=transport)
        form = {"grant_type": "client_credentials", **tenants[partner].arguments()}
        answer = self.client.post(airvantage_partners.TOKEN_PATH, data=form).raise_for_status().json()
        self._token: str = answer["access_token"]
        self.client.headers.update(_bearer(self._token))

    def create(self, n: int) -> Id:
        body = {"partner": self._target, "message": f"request {n}"}
        return self.client.post("/v1/operations/partners/request", json=body).raise_for_status().json()["operation"]

    def read(self, record: Id) -> httpx.Response:
        return self.client.get(f"/v1/operations/{record}")

    def update(self, record: Id) -> httpx.Response:
        # The one change an operation takes: cancelling it (no body).
        return self.client.post(f"/v1/operations/{record}/cancel")

    def delete(self, record: Id) -> httpx.Response | None:
        return None  # operations and requests are never deleted

    def list_ids(self) -> set[Id]:
        ids: set[Id] = set()
        offset = 0
        while True:
            page = self.client.get("/v1/operations", params={"offset": offset, "size": 500}).raise_for_status().json()
            ids.update(operation["uid"] for operation in page["items"])
            offset += len(page["items"])
            if not page["items"] or offset >= page["count"]:
                return ids

    def not_found(self, response: httpx.Response) -> bool:
        # AirVantage answers an uid the caller may not see like an unknown one: 400 `<entity>.unknown`.
        return response.status_code == 400 and response.json().get("error") == "operation.unknown"

    def get_path(self, record: Id) -> str:
        return f"/v1/operations/{record}"

    def list_path(self) -> str:
        return "/v1/operations"

    def wrk_headers(self) -> dict[str, str]:
        return _bearer(self._token)


def _airvantage_overlay_read(client: Any, record: Id) -> Any:
    return get_operation.sync(record, client=client)


AIRVANTAGE_PARTNERS = ApiProfile(
    key="airvantage-partners",
    session=AirVantageSession,
    overlay_client=first_tenant_client("airvantage-partners"),
    overlay_read=_airvantage_overlay_read,
    # Operations start at once, so a record reads the same before and after another's attempts.
    simulator_options={"start_delay": 0},
)


PROFILES: dict[str, ApiProfile] = {
    profile.key: profile
    for profile in (COMM100_V4, COMM100_V3, OMNIZE_PARTNER, OMNIZE_PARTNER_V2, PORTSIP_DEALERS, AIRVANTAGE_PARTNERS)
}

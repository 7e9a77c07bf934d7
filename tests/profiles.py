"""One profile per API for the reliability suite and the benchmarks.

A new API joins ``nox -s bench`` and tests/reliability by adding one ``ApiProfile`` to
``PROFILES``. A profile opens raw sessions (a bare ``httpx.Client`` speaking the vendor's
wire format: its auth, its error shape) for a simulator's partners, and builds the
overlay client users get from ``partner_apis.overlays.<api>.client``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

from partner_apis.overlays import comm100_v4
from partner_apis.overlays.runtime import BearerAuth

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


@dataclass(frozen=True)
class ApiProfile:
    """How the reliability suite and the benchmarks exercise one API.

    ``session(base_url, simulator, partner)`` opens a raw session for the simulator's
    ``partner``-th partner (0 and 1 are two different partners; ``simulator`` is the
    object at ``app.state.simulator``, read for its default credentials);
    ``overlay_client(base_url, simulator)`` and ``overlay_read(client, id)`` are the
    user-facing path the benchmarks compare with ``RawSession.read``.
    """

    key: str
    session: Callable[[str, Any, int], RawSession]
    overlay_client: Callable[[str, Any], Any]
    overlay_read: Callable[[Any, Id], Any]
    simulator_options: dict[str, Any] = field(default_factory=dict)


def tokens(simulator: Any) -> list[str]:
    """The tokens of a simulator's configured credentials, in order."""
    return [credential.token for credential in simulator.credentials.values()]


# -- comm100-v4 -----------------------------------------------------------------------------


class Comm100V4Session:
    """Raw access to the Comm100 v4 simulator as one partner (bearer token)."""

    def __init__(self, base_url: str, simulator: Any, partner: int) -> None:
        self.client = httpx.Client(base_url=base_url, auth=BearerAuth(tokens(simulator)[partner]), timeout=30)
        self._token = tokens(simulator)[partner]

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
        return {"Authorization": f"Bearer {self._token}"}


def _v4_overlay_read(client: Any, record: Id) -> Any:
    from comm100_v4_client.api.sites import get_site

    return get_site.sync(record, client=client)


COMM100_V4 = ApiProfile(
    key="comm100-v4",
    session=Comm100V4Session,
    overlay_client=lambda base_url, simulator: comm100_v4.client(tokens(simulator)[0], base_url=base_url),
    overlay_read=_v4_overlay_read,
)


PROFILES: dict[str, ApiProfile] = {profile.key: profile for profile in (COMM100_V4,)}

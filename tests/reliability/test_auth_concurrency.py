"""Auth under concurrency: 50 callers that find the token expired cause exactly one token request.

For every API whose overlay runs the OAuth2 token lifecycle, against its real simulator.
The simulator and the client read one fake clock, moved past the token's lifetime by
hand, so the token is expired on both sides without waiting. A new API joins by adding
its entry to ``CASES``; ``test_every_token_lifecycle_overlay_has_a_case`` fails until it does.
"""

from __future__ import annotations

import asyncio
import importlib
import pkgutil
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from airvantage_partners_client.api.partners import find_partners as av_find_partners
from airvantage_partners_client.models import PartnerList as AvPartnerList
from comm100_v3_client.api.sites import list_sites
from comm100_v3_client.models import SitePage
from comm100_v4_client.api.sites import list_sites as v4_list_sites
from portsip_dealers_client.api.dealers import list_dealers
from portsip_dealers_client.models import DealerList

import partner_apis.overlays
from partner_apis.overlays import airvantage_partners, comm100_v3, comm100_v4, portsip_dealers
from partner_apis.overlays.runtime import OAuth2Login
from partner_apis.testing import ManualClock, RunningSimulator

CALLERS = 50
LIFETIME = 3600


@dataclass(frozen=True)
class TokenCase:
    """An OAuth2 API: its simulator's options for a token lifetime and clock, a client, one call.

    ``call``/``acall`` make one authenticated call (sync and async) and return its result;
    ``is_success`` tells a result from a failure; ``token_requests`` reads the simulator's
    count of token requests received (any grant).
    """

    simulator_options: Callable[[ManualClock], dict[str, Any]]
    client: Callable[[RunningSimulator, ManualClock], Any]
    call: Callable[[Any], object]
    acall: Callable[[Any], Awaitable[object]]
    is_success: Callable[[object], bool]
    token_requests: Callable[[RunningSimulator], int]


def _v3_client(sim: RunningSimulator, clock: ManualClock) -> Any:
    login = next(iter(sim.simulator.credentials.values()))
    return comm100_v3.client(login.email, login.password, base_url=sim.base_url, clock=clock)


def _token_requests(sim: RunningSimulator) -> int:
    count: int = sim.simulator.tokens.request_count
    return count


def _v4_client(sim: RunningSimulator, clock: ManualClock) -> Any:
    login = next(iter(sim.simulator.credentials.values()))
    return comm100_v4.client(
        email=login.email,
        password=login.password,
        client_id=login.client_id,
        token_url=sim.root_url + "/oauth/token",  # Comm100's OAuth server, at the simulator's root
        base_url=sim.base_url,
        clock=clock,
    )


def _av_client(sim: RunningSimulator, clock: ManualClock) -> Any:
    api_client = next(iter(sim.simulator.credentials.values()))
    return airvantage_partners.client(
        api_client.client_id, api_client.client_secret, base_url=sim.base_url, clock=clock
    )


def _portsip_client(sim: RunningSimulator, clock: ManualClock) -> Any:
    admin = next(iter(sim.simulator.credentials.values()))
    return portsip_dealers.client(admin.username, admin.password, base_url=sim.base_url, clock=clock)


CASES: dict[str, TokenCase] = {
    "portsip-dealers": TokenCase(
        simulator_options=lambda clock: {"token_lifetime": LIFETIME, "clock": clock},
        client=_portsip_client,
        call=lambda client: list_dealers.sync(client=client),
        acall=lambda client: list_dealers.asyncio(client=client),
        is_success=lambda result: isinstance(result, DealerList),
        token_requests=_token_requests,
    ),
    "airvantage-partners": TokenCase(
        simulator_options=lambda clock: {"token_lifetime": LIFETIME, "clock": clock},
        client=_av_client,
        call=lambda client: av_find_partners.sync(client=client),
        acall=lambda client: av_find_partners.asyncio(client=client),
        is_success=lambda result: isinstance(result, AvPartnerList),
        token_requests=_token_requests,
    ),
    "comm100-v3": TokenCase(
        simulator_options=lambda clock: {"token_lifetime": LIFETIME, "clock": clock},
        client=_v3_client,
        call=lambda client: list_sites.sync(client=client),
        acall=lambda client: list_sites.asyncio(client=client),
        is_success=lambda result: isinstance(result, SitePage),
        token_requests=_token_requests,
    ),
    "comm100-v4": TokenCase(
        simulator_options=lambda clock: {"token_lifetime": LIFETIME, "clock": clock},
        client=_v4_client,
        call=lambda client: v4_list_sites.sync(client=client),
        acall=lambda client: v4_list_sites.asyncio(client=client),
        is_success=lambda result: isinstance(result, list),
        token_requests=_token_requests,
    ),
}


def test_every_token_lifecycle_overlay_has_a_case() -> None:
    # An overlay module that imports OAuth2Login logs its client in: the token lifecycle.
    modules = [
        importlib.import_module(f"partner_apis.overlays.{module.name}")
        for module in pkgutil.iter_modules(partner_apis.overlays.__path__)
        if module.name != "runtime"
    ]
    oauth = {module.KEY for module in modules if getattr(module, "OAuth2Login", None) is OAuth2Login}
    assert oauth, "no overlay uses OAuth2Login: the detection is broken"
    assert oauth <= set(CASES), f"token-lifecycle overlays without a case in CASES: {sorted(oauth - set(CASES))}"


def _threads(case: TokenCase, client: Any) -> list[object]:
    start = threading.Barrier(CALLERS)  # all callers find the expired token together
    results: list[object] = []

    def caller() -> None:
        start.wait()
        try:
            results.append(case.call(client))
        except Exception as error:  # collected, and asserted on below
            results.append(error)

    threads = [threading.Thread(target=caller) for _ in range(CALLERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _tasks(case: TokenCase, client: Any) -> list[object]:
    async def main() -> list[object]:
        return list(await asyncio.gather(*(case.acall(client) for _ in range(CALLERS)), return_exceptions=True))

    return asyncio.run(main())


@pytest.mark.parametrize("callers", [_threads, _tasks], ids=["threads", "tasks"])
@pytest.mark.parametrize("key", sorted(CASES))
def test_fifty_callers_with_an_expired_token_cause_exactly_one_token_request(
    key: str,
    callers: Callable[[TokenCase, Any], list[object]],
    partner_api_simulator: Callable[..., RunningSimulator],
) -> None:
    case = CASES[key]
    clock = ManualClock()
    sim = partner_api_simulator(key, **case.simulator_options(clock))
    client = case.client(sim, clock)
    assert case.is_success(case.call(client))  # the client now holds a token
    assert case.token_requests(sim) == 1

    clock.advance(LIFETIME)  # the token has expired, for the client and the server alike
    results = callers(case, client)

    assert len(results) == CALLERS
    assert all(case.is_success(result) for result in results), [r for r in results if not case.is_success(r)][:3]
    assert case.token_requests(sim) - 1 == 1

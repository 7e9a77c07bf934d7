"""The token lifetime check (checks/token_lifetime.py), against the tiny API with and without expiry enforced."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from partner_apis.simulators.harness import serve
from tests.contract.checks.tiny_app import TinyApi, tiny_app
from tests.contract.checks.token_lifetime import token_lifetime_check
from tests.contract.hooks.oauth import send_bearer


def _login(base_url: str) -> dict[str, Any]:
    answer: dict[str, Any] = httpx.post(base_url + "/oauth/token", data={"tenant": "tenant-a"}).json()
    return answer


@pytest.mark.parametrize("bugs", [(), ("no_expiry",)], ids=["sound", "no_expiry"])
def test_an_expired_token_is_refused_and_a_new_one_accepted(bugs: tuple[str, ...]) -> None:
    with serve(tiny_app(bugs, lifetime=1)) as server:
        api = TinyApi(server.root_url)
        check = token_lifetime_check(api.api, _login, None, send_bearer)
        case, response = api.send("listItems")
        if bugs:
            with pytest.raises(AssertionError, match="answered 200, not 401, to a token"):
                check(None, response, case)
        else:
            check(None, response, case)
        check(None, response, case)  # once per run: the second call waits for nothing


def test_a_long_lived_token_is_not_waited_for() -> None:
    with serve(tiny_app(["no_expiry"], lifetime=3600)) as server:
        api = TinyApi(server.root_url)
        waited: list[float] = []
        check = token_lifetime_check(api.api, _login, None, send_bearer, sleep=waited.append)
        case, response = api.send("listItems")
        check(None, response, case)
        assert waited == []


def test_the_error_never_shows_the_token() -> None:
    with serve(tiny_app(["no_expiry"], lifetime=1)) as server:
        api = TinyApi(server.root_url)
        issued: list[str] = []

        def login(base_url: str) -> dict[str, Any]:
            answer = _login(base_url)
            issued.append(answer["access_token"])
            return answer

        check = token_lifetime_check(api.api, login, None, send_bearer)
        case, response = api.send("listItems")
        with pytest.raises(AssertionError) as raised:
            check(None, response, case)
        assert issued
        assert not any(token in str(raised.value) for token in issued)

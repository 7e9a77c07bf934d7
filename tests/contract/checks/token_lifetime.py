"""Token lifetime: an expired access token is refused, and a renewed one is accepted.

No ordinary run lives long enough to see a token die, so a server that never enforces
expiry passes it. Once per run, on the first accepted read of a secured operation (a GET,
so a read-only live run can do it too), the check logs in afresh through the spec's token
operation (the hooks module's ``login``, which answers the whole token response) and:

1. sends the same read with the new token: accepted;
2. waits out ``expires_in`` (plus :data:`MARGIN`) and sends it again: refused with 401;
3. renews the token (the refresh grant when the login gave a refresh token, else a new
   login) and sends it again: accepted.

It waits only when the token lives at most ``max_wait`` seconds: the contract suite
starts each simulator with a short lifetime. Against a live vendor it does nothing: its
tokens live for many minutes, and a live run fetches its token once (no extra logins).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from tests.contract.hooks.shared import live

from .common import Api, judging, send

__all__ = ["MARGIN", "token_lifetime_check"]

MARGIN = 0.5

Login = Callable[[str], Mapping[str, Any]]
Refresh = Callable[[str, str], Mapping[str, Any]]


def token_lifetime_check(
    api: Api,
    login: Login,
    refresh: Refresh | None,
    place: Callable[[Any, str], None],
    *,
    max_wait: float = 5.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Callable[[Any, Any, Any], bool | None]:
    """The check ``token_lifetime`` for ``api`` (``register`` it, in checks/common.py).

    ``login(base_url)`` returns a token answer (``access_token``, ``expires_in``,
    perhaps ``refresh_token``); ``refresh(base_url, refresh_token)`` another from the
    refresh grant; ``place(case, token)`` puts a token on a case. Raises
    ``AssertionError`` naming the step that went wrong; never shows a token.
    """
    done: list[bool] = []

    def token_lifetime(ctx: Any, response: Any, case: Any) -> bool | None:
        """Once per run: a fresh token works, the same token once expired does not, a renewed one does."""
        operation = api.operation(case)
        if done or operation.method != "GET" or not operation.secured or not api.accepted(response) or live():
            return None
        done.append(True)
        base_url = case.operation.schema.get_base_url()
        answer = login(base_url)
        lifetime = answer.get("expires_in")
        if not isinstance(lifetime, int | float) or lifetime > max_wait:
            return None
        label = case.operation.label

        def with_token(token: str) -> Any:
            probe = case.derive()
            place(probe, token)
            return send(probe)

        born = time.monotonic()
        fresh = with_token(answer["access_token"])
        if not api.accepted(fresh):
            raise AssertionError(f"{label} refused a token just issued: {fresh.status_code} {fresh.content[:200]!r}")
        sleep(max(0.0, born + lifetime + MARGIN - time.monotonic()))
        stale = with_token(answer["access_token"])
        if stale.status_code != 401:
            raise AssertionError(
                f"{label} answered {stale.status_code}, not 401, to a token {lifetime}s old that expires_in said "
                f"would live {lifetime}s"
            )
        renewed = refresh(base_url, answer["refresh_token"]) if refresh and answer.get("refresh_token") else None
        how = "refreshed"
        if renewed is None:
            renewed, how = login(base_url), "new"
        again = with_token(renewed["access_token"])
        if not api.accepted(again):
            raise AssertionError(
                f"{label} refused a {how} token after the old one expired: {again.status_code} {again.content[:200]!r}"
            )
        return None

    return judging(token_lifetime)

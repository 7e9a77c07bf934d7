"""The contract hooks' auth: a token from the spec's token operation (or a given one) on every secured call.

A hooks module calls :func:`authenticate` once, with how to get a token: :func:`log_in`
posts the grant's form to the spec's token operation (the fields the spec fixes, such as
PortSIP's ``client_id`` and ``scope``, come from its request schema's ``const``s), or the
module returns a token it was given.

Where: the target's ``TOKEN_URL`` (``PARTNER_APIS_LIVE_<KEY>_TOKEN_URL``) when set, else
the URL :func:`tests.contract.plan.token_url` derives from the run's base URL, so a token
is never asked of a host the user did not name. Once per role: a token is kept for the
run (:data:`TOKEN_LIFETIME`) and fetched again only after the server answered 401.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx
import schemathesis

from partner_apis.specs import ApiSpec
from tests.contract.hooks.guard import FAULT_HEADER, in_place_of_the_answer
from tests.contract.hooks.shared import optional_variable
from tests.contract.plan import TOKEN_OPERATION, token_url

__all__ = ["TOKEN_OPERATION", "authenticate", "fetch_access_token", "log_in", "login_form", "send_bearer", "token_post"]

# Seconds a fetched token is used before it is fetched again (a 401 fetches it sooner):
# longer than any run, so each role signs in once.
TOKEN_LIFETIME = 6 * 3600


# The header a simulator's fault profile puts on an answer it injected (simulators/harness/faults).
INJECTED_FAULT = FAULT_HEADER
# How many injected answers a sign-in may meet besides its ``attempts``: the suite's own
# sign-in is not what a fault run tests, and the profile draws again for each request.
INJECTED_RETRIES = 10


def token_post(url: str, form: Mapping[str, str], *, attempts: int = 3, who: str = "the contract's") -> httpx.Response:
    """POST ``form`` to the token endpoint ``url`` and return its 200 answer.

    A busy or failing endpoint (429, 5xx, a dropped connection) is asked again, up to
    ``attempts`` times in all, after its ``Retry-After`` (at most 5 seconds) or a short
    pause: one sign-in, however the endpoint hiccups, as a client would do it. An answer a
    simulator's fault profile put in place of the real one (:data:`INJECTED_FAULT`, not a
    latency mark) is asked again at once, up to :data:`INJECTED_RETRIES` more times.
    Raises ``RuntimeError`` when the login is refused (its status and the start of the
    body, never the form, which holds the password), or still fails after the last attempt.
    """
    attempt, injected = 0, 0
    while True:
        attempt += 1
        try:
            response = httpx.post(url, data=dict(form), headers={"Accept": "application/json"}, timeout=10)
        except httpx.TransportError as error:
            if attempt >= attempts:
                raise RuntimeError(f"{who} login failed: {type(error).__name__}") from None
            time.sleep(0.2 * attempt)
            continue
        if response.status_code == 200:
            return response
        if in_place_of_the_answer(response.headers) and injected < INJECTED_RETRIES:
            injected += 1
            attempt -= 1
            continue
        if attempt >= attempts or not (response.status_code == 429 or response.status_code >= 500):
            raise RuntimeError(f"{who} login was refused: {response.status_code} {response.text[:200]}")
        time.sleep(_pause(response.headers.get("Retry-After"), attempt))


def fetch_access_token(url: str, form: Mapping[str, str], *, attempts: int = 3) -> str:
    """The ``access_token`` of :func:`token_post`'s answer (raises as it does)."""
    token: str = token_post(url, form, attempts=attempts).json()["access_token"]
    return token


def _pause(retry_after: str | None, attempt: int) -> float:
    """Seconds to wait before asking again: ``Retry-After`` in seconds (capped at 5), else a short backoff."""
    if retry_after is not None and retry_after.strip().isdigit():
        return min(float(retry_after), 5.0)
    return 0.2 * attempt


def login_form(spec: ApiSpec, grant: str, credentials: Mapping[str, str]) -> dict[str, str]:
    """The token request's form for ``grant``: the fields the spec fixes for it, then ``credentials``.

    Raises ``KeyError`` when the spec's token operation has no such grant.
    """
    for fixed in spec.request_constants(TOKEN_OPERATION):
        if fixed.get("grant_type") == grant:
            return {**{name: str(value) for name, value in fixed.items()}, **credentials}
    raise KeyError(f"{spec.key}'s {TOKEN_OPERATION} has no {grant!r} grant")


def log_in(spec: ApiSpec, base_url: str, grant: str, credentials: Mapping[str, str]) -> str:
    """An access token from the spec's token operation for the API at ``base_url`` (or at ``TOKEN_URL``).

    Raises ``RuntimeError`` if the login is refused.
    """
    url = token_url(spec, base_url, optional_variable("TOKEN_URL"))
    return fetch_access_token(url, login_form(spec, grant, credentials))


def send_bearer(case: Any, token: str) -> None:
    """Put ``Authorization: Bearer <token>`` on a Schemathesis case, keeping its other headers."""
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}


def authenticate(
    spec: ApiSpec,
    token: Callable[[str, str], str],
    role: Callable[[Any], str] = lambda case: "",
    place: Callable[[Any, str], None] = send_bearer,
) -> None:
    """Register the run's auth provider: a token on every operation the spec secures.

    The token is ``token(base_url, role(case))``: one per role, which Schemathesis keeps
    and fetches again after a 401; ``place(case, token)`` puts it on the request (a
    bearer header unless told otherwise). Operations the spec leaves unsecured (the token
    operation) get none, and are fuzzed like any other.
    """

    class Token:
        def get(self, case: Any, context: Any) -> str:
            return token(case.operation.schema.get_base_url(), role(case))

        def set(self, case: Any, data: str, context: Any) -> None:
            place(case, data)

    unsecured = [operation.operation_id for operation in spec if not operation.secured]
    register = schemathesis.auth(refresh_interval=TOKEN_LIFETIME, cache_by_key=lambda case, context: role(case))
    (register.skip_for(operation_id=unsecured) if unsecured else register)(Token)

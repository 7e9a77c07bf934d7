"""Redaction is bounded and scoped: a long-running service's renewals leave no trail, and the host's logging is its own.

A service renews its token every 30 minutes for months. Each renewal makes new
``Secret``s; the registry drops the old ones once nobody holds them (keeping the last
``RETAINED_LIMIT`` values nobody holds), so 10,000 renewals through the real OAuth2
flow leave memory and the cost of redacting a log record where 100 renewals left them.

Redaction is done by a filter on the loggers the library uses (httpx, each of httpcore's
loggers, the project's) and never by replacing the host's log-record factory or touching
the root logger or the host's other loggers. The real httpx and httpcore debug logs of a
request carrying a token are searched for it.
"""

from __future__ import annotations

import gc
import json
import logging
import secrets
import threading
import timeit
import tracemalloc
from collections import Counter, deque
from collections.abc import Iterator
from urllib.parse import parse_qsl

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from partner_apis.overlays import comm100_v4
from partner_apis.overlays.runtime import MASK, OAuth2Auth, PasswordGrant, Secret, install_log_redaction, redact
from partner_apis.overlays.runtime import secrets as secrets_module
from partner_apis.overlays.runtime.secrets import RETAINED_LIMIT, RedactingFilter, registry_size
from partner_apis.simulators.harness.server import RunningServer, serve

BASE = "http://127.0.0.1:9/v1"
RENEWALS = 10_000
WARM_UP = 100
# What 9,900 renewals may add to traced memory: a few stray allocations (httpx's and the
# interpreter's caches; 16 KB when measured), not 9,900 renewals' worth: a registry that
# keeps every token's entry and forms grows by some 400 bytes a renewal (850 when it also
# keeps the Secrets alive), megabytes in all.
MEMORY_SLACK = 128 * 1024


class TokenServer:
    """A token endpoint (a fresh access and refresh token per grant, valid an hour) and an API that answers 200.

    It counts the grants and keeps the first access tokens and the last: keeping them all
    would be the very growth the test looks for.
    """

    def __init__(self) -> None:
        self.grants: Counter[str] = Counter()
        self.first: list[str] = []
        self.last: deque[str] = deque(maxlen=RETAINED_LIMIT)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            self.grants[dict(parse_qsl(request.content.decode()))["grant_type"]] += 1
            access, refresh = f"access-{secrets.token_urlsafe(24)}", f"refresh-{secrets.token_urlsafe(24)}"
            if len(self.first) < RETAINED_LIMIT:
                self.first.append(access)
            self.last.append(access)
            body = {"access_token": access, "refresh_token": refresh, "expires_in": 3600}
            return httpx.Response(200, content=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
        return httpx.Response(200, json={"ok": True})


class Clock:
    """The token store's clock, moved by hand: each step passes the renewal point of the last token."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def service() -> Iterator[tuple[httpx.Client, TokenServer, Clock]]:
    server, clock = TokenServer(), Clock()
    auth = OAuth2Auth(
        PasswordGrant("svc@example.com", "svc-password-1"), token_url="/oauth/token", base_url=BASE, clock=clock
    )
    with httpx.Client(base_url=BASE, auth=auth, transport=httpx.MockTransport(server)) as client:
        yield client, server, clock


def renew(client: httpx.Client, clock: Clock, times: int) -> None:
    """Make ``times`` calls, each an hour after the last, so each renews the token with the refresh grant first."""
    for _ in range(times):
        clock.now += 3600
        assert client.get("/sites").status_code == 200


# A value's wire forms: itself and its percent-encodings (overlays/runtime/secrets.py).
FORMS_PER_VALUE = 4


def traced_now() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def record_cost(token: str) -> float:
    """The best time (seconds) the filter takes over an httpx request line that carries ``token``.

    The first pass masks the token; every pass scans the line for each form the registry
    holds, which is the cost that must not grow.
    """
    line = 'HTTP Request: GET http://127.0.0.1:9/v1/sites?token=%s "HTTP/1.1 200 OK"'
    record = logging.makeLogRecord({"name": "httpx", "msg": line, "args": (token,)})
    redacting = RedactingFilter()
    cost = min(timeit.repeat(lambda: redacting.filter(record), number=1000, repeat=7)) / 1000
    assert record.getMessage() == line % MASK
    return cost


@pytest.mark.slow
def test_ten_thousand_renewals_leave_memory_and_the_cost_of_a_record_flat(
    service: tuple[httpx.Client, TokenServer, Clock],
) -> None:
    client, server, clock = service
    tracemalloc.start()
    try:
        renew(client, clock, WARM_UP)
        after_warm_up, size_after_warm_up = traced_now(), registry_size()
        cost_after_warm_up = record_cost(server.last[-1])

        renew(client, clock, RENEWALS - WARM_UP)
        growth, size = traced_now() - after_warm_up, registry_size()
        current = server.last[-1]
        cost = record_cost(current)
    finally:
        tracemalloc.stop()

    assert server.grants["refresh_token"] == RENEWALS - 1  # every call after the first renewed the token
    print(f"\nregistry after {WARM_UP} renewals: {size_after_warm_up}; after {RENEWALS}: {size}")
    print(f"traced memory grown by {growth} bytes over {RENEWALS - WARM_UP} renewals")
    ratio = cost / cost_after_warm_up
    print(f"cost of a record: {cost_after_warm_up * 1e6:.2f} us, then {cost * 1e6:.2f} us ({ratio:.2f}x)")
    assert growth < MEMORY_SLACK
    # Structurally flat: the registry holds no more than it held after 100 renewals (other
    # tests' Secrets may have been collected since, so it may hold less).
    assert size.held <= size_after_warm_up.held
    assert size.retained == RETAINED_LIMIT
    # How many wire forms a value has depends on its characters (a token with '-' or '_'
    # percent-encodes to itself), so the count moves a little between random tokens; what
    # must not happen is growth with the renewals: at most four forms per registered value.
    assert size.forms <= FORMS_PER_VALUE * (size.held + size.retained)
    # A timing ratio with a generous bound, for what the structure implies (a registry that
    # kept every token would scan 20,000 forms per record, over a hundred times slower).
    assert ratio < 3
    # The current token is masked; the first ones, long replaced, are no longer kept.
    assert redact(f"token={current}") == f"token={MASK}"
    assert redact(server.first[0]) == server.first[0]


def test_a_renewed_token_stays_masked_for_a_while_after_it_is_replaced(
    service: tuple[httpx.Client, TokenServer, Clock],
) -> None:
    # A log line written just after a renewal may still carry the token it replaced.
    client, server, clock = service
    renew(client, clock, 3)
    for replaced in server.first[:-1]:
        assert redact(replaced) == MASK
    renew(client, clock, RETAINED_LIMIT)  # each renewal retires an access and a refresh token
    assert redact(server.first[0]) == server.first[0]


def test_secrets_made_and_dropped_on_many_threads_while_records_are_redacted_leave_only_the_held_ones() -> None:
    # The garbage collector retires a Secret from whichever thread drops it, maybe while
    # another thread is registering or redacting: the registry ends up holding exactly
    # the Secrets still alive.
    gc.collect()
    held_before = registry_size().held
    kept: list[Secret] = []
    start = threading.Barrier(4)

    def work() -> None:
        start.wait()
        for n in range(2000):
            token = Secret(f"thread-token-{secrets.token_hex(8)}")
            assert redact(f"Bearer {token.reveal()}") == f"Bearer {MASK}"
            if n % 500 == 0:
                kept.append(token)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    gc.collect()
    assert registry_size().held == held_before + len(kept) == held_before + 16
    for token in kept:
        assert redact(token.reveal()) == MASK


# -- scope: nothing global in the host changes ----------------------------------------------------


HOST_LOGGERS = ("host.app", "host.app.db", "uvicorn.access", "sqlalchemy.engine")


def attachments(name: str) -> tuple[list[object], list[logging.Handler]]:
    """The filters and handlers on the logger ``name`` now."""
    logger = logging.getLogger(name)
    return list(logger.filters), list(logger.handlers)


def test_building_a_client_leaves_the_host_s_log_record_factory_root_logger_and_other_loggers_alone() -> None:
    factory = logging.getLogRecordFactory()
    assert factory.__module__ != secrets_module.__name__, "an earlier client replaced the log-record factory"
    root = logging.getLogger()
    root_filters, root_handlers = list(root.filters), list(root.handlers)
    host = {name: attachments(name) for name in HOST_LOGGERS}

    comm100_v4.client(Secret(f"v4-{secrets.token_hex(8)}"), base_url="http://127.0.0.1:9/v4")
    install_log_redaction()

    assert logging.getLogRecordFactory() is factory
    assert root.filters == root_filters
    assert root.handlers == root_handlers
    for name, attached in host.items():
        assert attachments(name) == attached, name


def test_a_host_logger_s_records_are_its_own(caplog: pytest.LogCaptureFixture) -> None:
    # Redaction covers the library's loggers only: a host's own record reaches its handlers as written.
    secret = Secret(f"host-visible-{secrets.token_hex(8)}")
    comm100_v4.client(secret, base_url="http://127.0.0.1:9/v4")
    with caplog.at_level(logging.INFO):
        logging.getLogger("host.app").info("the host logs %s itself", secret.reveal())
        logging.getLogger("httpx").info("the library logs %s", secret.reveal())
    assert [record.getMessage() for record in caplog.records] == [
        f"the host logs {secret.reveal()} itself",
        f"the library logs {MASK}",
    ]


def test_installing_redaction_again_adds_nothing() -> None:
    for _ in range(3):
        install_log_redaction()
        comm100_v4.client(Secret(f"v4-{secrets.token_hex(8)}"), base_url="http://127.0.0.1:9/v4")
    for name in ("httpx", "httpcore.http11", "httpcore.connection", "partner_apis.oauth"):
        filters = logging.getLogger(name).filters
        assert sum(isinstance(f, RedactingFilter) for f in filters) == 1, name
    handlers = logging.getLogger("partner_apis").handlers
    assert sum(type(h).__module__ == secrets_module.__name__ for h in handlers) == 1


# -- the real httpx and httpcore debug logs of a request carrying a token ---------------------------


async def echo(request: Request) -> PlainTextResponse:
    # The server sends the credential back in a header, so httpcore's trace of the response
    # headers (logged by "httpcore.http11") carries it.
    return PlainTextResponse("ok", headers={"X-Echo": request.headers.get("authorization", "")})


@pytest.fixture
def echo_server() -> Iterator[RunningServer]:
    with serve(Starlette(routes=[Route("/{path:path}", echo)])) as running:
        yield running


def test_the_real_httpx_and_httpcore_debug_logs_of_a_request_show_no_token(
    echo_server: RunningServer, caplog: pytest.LogCaptureFixture
) -> None:
    token = f"v4-Debug/t0ken+{secrets.token_hex(8)}="
    client = comm100_v4.client(token, base_url=f"{echo_server.root_url}/v4")
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    with client.get_httpx_client() as http:
        response = http.get("/sites", params={"token": token})
    assert response.headers["X-Echo"] == f"Bearer {token}"

    by_logger: dict[str, list[str]] = {}
    for record in caplog.records:
        by_logger.setdefault(record.name, []).append(record.getMessage())
    # The test saw what it searches: httpx's request line and httpcore's connection and HTTP/1.1 traces.
    assert {"httpx", "httpcore.connection", "httpcore.http11"} <= set(by_logger), sorted(by_logger)
    assert any(MASK in message for message in by_logger["httpx"])
    assert any(f"Bearer {MASK}" in message for message in by_logger["httpcore.http11"])
    for name, messages in by_logger.items():
        for message in messages:
            assert token not in message, (name, message)
            assert "t0ken%2B" not in message, (name, message)

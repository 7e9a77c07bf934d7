"""Debug logging: one switch shows every request and answer, secrets masked, and nothing changes until it is used."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import httpx
import pytest
from comm100_v3_client.api.sites import get_site as v3_get_site
from comm100_v4_client.api.sites import get_site

from partner_apis.overlays import comm100_v3, comm100_v4
from partner_apis.overlays.runtime import (
    MASK,
    NotFoundError,
    RetryingTransport,
    RetryPolicy,
    debug,
    disable_debug_logging,
    enable_debug_logging,
)

BASE_URL = "http://127.0.0.1:9/v4"
SITE = {"id": 7, "company": "Acme"}
NO_WAIT = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0)


class Lines(logging.Handler):
    """A handler that keeps each record's message."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name} {record.getMessage()}")

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def lines() -> Iterator[Lines]:
    handler = Lines()
    enable_debug_logging(handler)
    try:
        yield handler
    finally:
        disable_debug_logging()


def _site(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=SITE)


def _v4(handler: httpx.MockTransport, retry: RetryPolicy = NO_WAIT) -> comm100_v4.Comm100V4Client:
    return comm100_v4.client("debug-bearer-token", base_url=BASE_URL, transport=handler, retry=retry)


def test_until_the_switch_nothing_is_logged_and_the_host_keeps_its_logging(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)  # the host logs at INFO: the library's DEBUG lines stay off
    package = logging.getLogger("partner_apis")
    _v4(httpx.MockTransport(_site))  # the library's own one-time set-up (secrets.install_log_redaction) done
    level, handlers = package.level, list(package.handlers)
    client = _v4(httpx.MockTransport(_site))
    get_site.sync(7, client=client)
    assert not [record for record in caplog.records if record.name == debug.LOGGER]
    assert (package.level, package.handlers) == (level, handlers)


def test_the_switch_logs_each_request_and_answer_through_the_librarys_logger(lines: Lines) -> None:
    get_site.sync(7, client=_v4(httpx.MockTransport(_site)))
    assert lines.lines[0].startswith(f"{debug.LOGGER} request: GET {BASE_URL}/global/sites/7 headers=")
    assert lines.lines[1].startswith(f"{debug.LOGGER} answer: 200 OK to GET {BASE_URL}/global/sites/7 in ")
    assert json.dumps(SITE) in lines.lines[1]
    assert "'content-type': 'application/json'" in lines.lines[1]


def test_the_switch_adds_one_handler_and_level_and_turning_it_off_takes_both_back() -> None:
    package = logging.getLogger("partner_apis")
    level, handlers = package.level, list(package.handlers)
    first = enable_debug_logging()
    try:
        assert isinstance(first, logging.StreamHandler)
        assert enable_debug_logging() is first  # a second call changes nothing
        assert package.handlers == [*handlers, first]
        assert package.level == logging.DEBUG
        assert logging.getLogger().handlers == logging.getLogger().handlers  # the root is not touched
    finally:
        disable_debug_logging()
    assert (package.level, package.handlers) == (level, handlers)
    disable_debug_logging()  # off already: nothing to undo


def test_the_environment_variable_turns_debug_logging_on_when_a_client_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    package = logging.getLogger("partner_apis")
    monkeypatch.setenv(debug.ENVIRONMENT_VARIABLE, "info")
    _v4(httpx.MockTransport(_site))
    assert not package.isEnabledFor(logging.DEBUG)
    handlers = list(package.handlers)
    monkeypatch.setenv(debug.ENVIRONMENT_VARIABLE, "DEBUG")
    try:
        _v4(httpx.MockTransport(_site))
        _v4(httpx.MockTransport(_site))
        assert package.isEnabledFor(logging.DEBUG)
        assert len(package.handlers) == len(handlers) + 1  # one stderr handler, however many clients
    finally:
        disable_debug_logging()
    assert package.handlers == handlers


def test_every_attempt_is_logged_retries_included(lines: Lines) -> None:
    answers = iter([httpx.Response(503, text="busy"), httpx.Response(200, json=SITE)])
    get_site.sync(7, client=_v4(httpx.MockTransport(lambda request: next(answers))))
    kinds = [line.split(" ")[1] for line in lines.lines if line.startswith(debug.LOGGER)]
    assert kinds == ["request:", "answer:", "request:", "answer:"]
    assert "answer: 503 Service Unavailable" in lines.text
    assert "partner_apis.retry retrying GET" in lines.text  # the retry's own line, in between


def test_a_request_that_got_no_answer_is_logged_as_such(lines: Lines) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    transport = RetryingTransport(RetryPolicy(max_retries=0), httpx.MockTransport(refuse))
    with httpx.Client(transport=transport) as client, pytest.raises(Exception, match="ConnectError"):
        client.get("http://127.0.0.1:9/x")
    assert "no answer to GET http://127.0.0.1:9/x after" in lines.text
    assert "ConnectError: refused" in lines.text


# -- masking ---------------------------------------------------------------------------------

# Never given to a Secret or the registry: only masking by name can hide them.
UNREGISTERED = {
    "bearer": "unregistered-bearer-4f1c",
    "query": "unregistered-query-9d2e",
    "password": "unregistered-password-77aa",
    "new_password": "unregistered-new-password-12",
    "client_secret": "unregistered-client-secret-3b",
    "access_token": "unregistered-access-token-c0",
    "refresh_token": "unregistered-refresh-token-5e",
    "cookie": "unregistered-cookie-88",
}


def _answer_tokens(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "access_token": UNREGISTERED["access_token"],
            "refresh_token": UNREGISTERED["refresh_token"],
            "expires_in": 3600,
        },
        headers={"Set-Cookie": f"session={UNREGISTERED['cookie']}"},
    )


def test_secrets_in_urls_headers_json_and_form_bodies_are_masked_by_name(lines: Lines) -> None:
    transport = RetryingTransport(RetryPolicy(max_retries=0), httpx.MockTransport(_answer_tokens))
    with httpx.Client(transport=transport, base_url="http://127.0.0.1:9") as client:
        client.post(
            "/oauth/token",
            params={"partnerToken": UNREGISTERED["query"], "page": "2"},
            data={
                "grant_type": "password",
                "password": UNREGISTERED["password"],
                "client_secret": UNREGISTERED["client_secret"],
            },
        )
        client.put(
            "/dealers/7",
            headers={"Authorization": f"Bearer {UNREGISTERED['bearer']}", "Cookie": f"s={UNREGISTERED['cookie']}"},
            json={"dealer": {"name": "d7", "newPassword": UNREGISTERED["new_password"]}},
        )
    for name, value in UNREGISTERED.items():
        assert value not in lines.text, name
    assert lines.text.count(MASK) >= len(UNREGISTERED)
    # What is not secret stays readable.
    assert "page=2" in lines.text
    assert "grant_type=password" in lines.text
    assert '"name": "d7"' in lines.text
    assert '"expires_in": 3600' in lines.text


def test_a_login_through_a_client_logs_no_password_or_token(lines: Lines) -> None:
    def server(request: httpx.Request) -> httpx.Response:
        if request.url.path == comm100_v3.TOKEN_PATH:
            return httpx.Response(
                200, json={"access_token": "issued-access-abc123", "expires_in": 3600, "refresh_token": "issued-r-456"}
            )
        return httpx.Response(404, json={"code": 404, "message": "no site 7"})

    client = comm100_v3.client(
        "partner@example.com", "v3-login-password", base_url="http://127.0.0.1:9", transport=httpx.MockTransport(server)
    )
    with pytest.raises(NotFoundError):
        v3_get_site.sync(7, client=client)
    assert f"request: POST http://127.0.0.1:9{comm100_v3.TOKEN_PATH}" in lines.text
    for secret in ("v3-login-password", "issued-access-abc123", "issued-r-456"):
        assert secret not in lines.text


def test_a_long_body_is_cut_after_masking(lines: Lines) -> None:
    secret = "tail-secret-token-value"
    # The secret's value starts a few characters before the cut: cut first, the JSON would
    # no longer parse and the secret's first characters would show.
    padding = debug.BODY_LIMIT - len('{"pad": "') - len('", "token": "') - 8
    long = {"pad": "x" * padding, "token": secret, "items": ["y" * 100] * 50}

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=long)

    transport = RetryingTransport(RetryPolicy(max_retries=0), httpx.MockTransport(answer))
    with httpx.Client(transport=transport) as client:
        client.get("http://127.0.0.1:9/long")
    answer_line = lines.lines[-1]
    size = len(httpx.Response(200, json=long).content)
    assert answer_line.endswith(f"... ({size} bytes)")
    assert len(answer_line) < debug.BODY_LIMIT + 400
    assert secret[:6] not in answer_line


def test_a_binary_body_is_shown_by_size_and_type(lines: Lines) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"\x89PNG" + bytes(60), headers={"Content-Type": "image/png"})

    transport = RetryingTransport(RetryPolicy(max_retries=0), httpx.MockTransport(answer))
    with httpx.Client(transport=transport) as client:
        client.get("http://127.0.0.1:9/logo.png")
    assert lines.lines[-1].endswith("body=<64 bytes of image/png>")


@pytest.mark.anyio
async def test_async_requests_are_logged_the_same_way(lines: Lines) -> None:
    async def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=SITE)

    client = comm100_v4.client(
        "debug-bearer-token",
        base_url=BASE_URL,
        transport=httpx.MockTransport(_site),
        async_transport=httpx.MockTransport(answer),
    )
    await get_site.asyncio(7, client=client)
    assert lines.lines[0].startswith(f"{debug.LOGGER} request: GET {BASE_URL}/global/sites/7")
    assert lines.lines[1].startswith(f"{debug.LOGGER} answer: 200 OK")
    assert "debug-bearer-token" not in lines.text


# -- the cost when off -------------------------------------------------------------------------


def _streamed(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, stream=httpx.ByteStream(b'{"id": 7}'))


def test_with_debug_logging_off_an_answer_is_passed_on_unread() -> None:
    transport = RetryingTransport(RetryPolicy(max_retries=0), httpx.MockTransport(_streamed))
    response = transport.handle_request(httpx.Request("GET", "http://127.0.0.1:9/x"))
    assert not response.is_stream_consumed


def test_with_debug_logging_on_an_answer_is_read_for_its_log_line(lines: Lines) -> None:
    transport = RetryingTransport(RetryPolicy(max_retries=0), httpx.MockTransport(_streamed))
    response = transport.handle_request(httpx.Request("GET", "http://127.0.0.1:9/x"))
    assert response.is_stream_consumed
    assert response.content == b'{"id": 7}'
    assert lines.lines[-1].endswith('body={"id": 7}')

"""Secrets never show: masked reprs, redacted texts, URLs and log records, from a registry that stays bounded."""

from __future__ import annotations

import copy
import logging
import secrets
import subprocess
import sys

import pytest

from partner_apis.overlays.runtime import MASK, Secret, install_log_redaction, redact, redact_url, register_secret
from partner_apis.overlays.runtime.secrets import RETAINED_LIMIT, RedactingFilter


def unique(label: str) -> str:
    """A value no other test registers, so what one test registers cannot make another pass."""
    return f"{label}-{secrets.token_hex(8)}"


def churn(count: int = RETAINED_LIMIT) -> None:
    """Register ``count`` fresh plain values: as many as the registry retains of values nobody holds."""
    register_secret(*(unique("churn") for _ in range(count)))


# -- the Secret value type ----------------------------------------------------------------------


def test_a_secret_masks_its_repr_and_str_but_reveals_its_value_on_request() -> None:
    secret = Secret("tok-0123456789")
    assert "tok-0123456789" not in repr(secret)
    assert "tok-0123456789" not in str(secret)
    assert secret.reveal() == "tok-0123456789"


def test_a_secret_must_be_text() -> None:
    with pytest.raises(TypeError):
        Secret(1234)  # type: ignore[arg-type]


def test_a_copy_of_a_secret_is_the_secret_itself() -> None:
    # A copy built without __init__ would hold the value without registering it.
    secret = Secret(unique("copied"))
    assert copy.copy(secret) is secret
    assert copy.deepcopy({"token": secret})["token"] is secret


# -- redacting a text ---------------------------------------------------------------------------


def test_a_held_secret_is_masked_anywhere_in_a_text() -> None:
    secret = Secret(unique("password-plain"))
    assert redact(f"login with {secret.reveal()} now") == f"login with {MASK} now"


def test_a_secret_that_contains_another_is_masked_whole() -> None:
    inner = Secret(unique("inner"))
    outer = Secret(f"outer-{inner.reveal()}-tail")
    assert redact(f"a {outer.reveal()} b") == f"a {MASK} b"


def test_values_shorter_than_four_characters_are_not_masked() -> None:
    short = Secret("abc")
    assert redact("abc abcd") == "abc abcd"
    assert short.reveal() == "abc"


def test_percent_encoded_forms_of_a_secret_are_masked() -> None:
    secret = Secret("omz-Secret/t0ken+A=&x")
    assert redact("GET /agents?token=omz-Secret%2Ft0ken%2BA%3D%26x") == f"GET /agents?token={MASK}"
    assert redact("POST /path/omz-Secret/t0ken%2BA%3D%26x") == f"POST /path/{MASK}"
    assert secret


def test_secret_query_parameters_are_masked_in_urls() -> None:
    url = redact_url("http://127.0.0.1/api/v1/agents?token=t0k3n-x&account_id=3&access_token=zz")
    assert "t0k3n-x" not in url
    assert "access_token=zz" not in url
    assert "account_id=3" in url


def test_a_url_password_is_masked() -> None:
    url = redact_url("http://user:hunter2-pw@127.0.0.1:8000/path")
    assert "hunter2-pw" not in url
    assert f"user:{MASK}@127.0.0.1:8000" in url


# -- a bounded registry -------------------------------------------------------------------------


def test_a_held_secret_stays_masked_however_many_values_pass_through() -> None:
    secret = Secret(unique("long-lived"))
    churn(3 * RETAINED_LIMIT)
    assert redact(secret.reveal()) == MASK


def test_a_secret_nobody_holds_stays_masked_among_the_last_retained_values_then_drops_out() -> None:
    value = unique("replaced-token")
    Secret(value)  # dropped at once, as a renewed token's predecessor is
    # A log line written just after the token was replaced still shows no trace of it...
    assert redact(value) == MASK
    churn(RETAINED_LIMIT - 1)
    assert redact(value) == MASK
    # ...but the registry keeps only the last RETAINED_LIMIT values nobody holds.
    churn(1)
    assert redact(value) == value


def test_two_secrets_with_one_value_keep_it_masked_while_either_is_held() -> None:
    value = unique("shared")
    first, second = Secret(value), Secret(value)
    del first
    churn()
    assert redact(value) == MASK
    assert second.reveal() == value


def test_a_registered_plain_value_is_one_of_the_last_retained_and_registering_it_again_renews_it() -> None:
    digest = unique("digest")
    register_secret(digest)
    churn(RETAINED_LIMIT - 1)
    register_secret(digest)  # the newest again
    churn(RETAINED_LIMIT - 1)
    assert redact(f"sha {digest}") == f"sha {MASK}"
    churn(1)
    assert redact(f"sha {digest}") == f"sha {digest}"


# -- log records --------------------------------------------------------------------------------


def test_log_records_on_the_http_loggers_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    secret = Secret(unique("leaky-token"))
    install_log_redaction()
    with caplog.at_level(logging.DEBUG, logger="httpx"):
        logging.getLogger("httpx").info("HTTP Request: GET %s", f"http://127.0.0.1/?token={secret.reveal()}")
    assert secret.reveal() not in caplog.text
    assert MASK in caplog.text


def test_records_of_httpcore_and_project_child_loggers_are_redacted_too(caplog: pytest.LogCaptureFixture) -> None:
    # A filter on "httpcore" would not see "httpcore.http11"'s records: each child is covered.
    secret = Secret(unique("child-logger-secret"))
    install_log_redaction()
    # A project logger made after redaction was installed is covered as well.
    made_later = logging.getLogger(f"partner_apis.made.later.{secrets.token_hex(4)}")
    with caplog.at_level(logging.DEBUG):
        made_later.debug("token=%s", secret.reveal())
        logging.getLogger("httpcore.http11").debug("receive_response_headers.complete %s", secret.reveal())
        logging.getLogger("partner_apis.oauth").debug("renewed %s", secret)
    assert secret.reveal() not in caplog.text
    assert caplog.text.count(MASK) == 3


def test_a_handler_on_the_project_logger_sees_masked_records_even_if_it_came_first() -> None:
    # The debug switch adds its handler to "partner_apis", maybe before any client is built.
    secret = Secret(unique("first-handler"))
    seen: list[str] = []
    first = logging.Handler()
    first.emit = lambda record: seen.append(record.getMessage())  # type: ignore[method-assign]
    project = logging.getLogger("partner_apis")
    project.handlers.insert(0, first)
    level = project.level
    try:
        project.setLevel(logging.DEBUG)
        install_log_redaction()
        logging.getLogger(f"partner_apis.made.later.{secrets.token_hex(4)}").debug("token %s", secret.reveal())
    finally:
        project.removeHandler(first)
        project.setLevel(level)
    assert seen == [f"token {MASK}"]


def test_http_library_loggers_made_after_the_last_install_are_masked_too(caplog: pytest.LogCaptureFixture) -> None:
    # httpx or httpcore may make a logger after the last client was built (a module imported
    # late): its records are masked on their way up, before the host's handlers see them.
    secret = Secret(unique("made-later"))
    install_log_redaction()
    suffix = secrets.token_hex(4)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger(f"httpcore.made.later.{suffix}").debug("trace %s", secret.reveal())
        logging.getLogger(f"httpx.made.later.{suffix}").debug("request %s", secret.reveal())
    assert [record.getMessage() for record in caplog.records] == [f"trace {MASK}", f"request {MASK}"]


def test_a_later_logger_that_does_not_propagate_is_covered_once_redaction_is_installed_again() -> None:
    # Such a logger's records never reach the handler above it: the next install (the next
    # client built) puts the filter on it.
    secret = Secret(unique("isolated"))
    install_log_redaction()
    isolated = logging.getLogger(f"httpcore.isolated.{secrets.token_hex(4)}")
    isolated.propagate = False
    seen: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(record.getMessage())  # type: ignore[method-assign]
    isolated.addHandler(handler)
    try:
        install_log_redaction()
        isolated.warning("sent %s", secret.reveal())
    finally:
        isolated.removeHandler(handler)
    assert seen == [f"sent {MASK}"]


def test_an_http_library_warning_still_reaches_standard_error_when_the_host_configured_no_logging() -> None:
    # Logging gives a record no handler takes to its last resort (standard error, WARNING and
    # up); the redacting handler on httpx's and httpcore's loggers keeps that, masked. A fresh
    # interpreter, since pytest puts handlers on the root logger.
    script = """
import logging
from partner_apis.overlays.runtime import Secret, install_log_redaction
secret = Secret("sub-process-secret-7c1f")
install_log_redaction()
logging.getLogger("httpx").warning("warned %s", secret.reveal())
logging.getLogger("httpcore.made.later").warning("later %s", secret.reveal())
logging.getLogger("httpx").info("an info record is not the last resort's")
logging.basicConfig(stream=sys.stdout, format="host: %(message)s")
logging.getLogger("httpx").warning("then %s", secret.reveal())
"""
    run = subprocess.run(
        [sys.executable, "-c", f"import sys\n{script}"], capture_output=True, text=True, timeout=60, check=True
    )
    assert run.stderr == f"warned {MASK}\nlater {MASK}\n"
    assert run.stdout == f"host: then {MASK}\n"  # once the host has a handler, the last resort is not used


def test_loggers_a_caller_names_are_covered_with_their_children(caplog: pytest.LogCaptureFixture) -> None:
    secret = Secret(unique("named-logger"))
    name = f"app.partner_calls.{secrets.token_hex(4)}"
    child = logging.getLogger(f"{name}.child")
    install_log_redaction(extra_loggers=(logger for logger in [name]))  # any iterable, read once
    with caplog.at_level(logging.INFO):
        logging.getLogger(name).info("sent %s", secret.reveal())
        child.info("sent %s", secret.reveal())
    assert [record.getMessage() for record in caplog.records] == [f"sent {MASK}", f"sent {MASK}"]


def test_a_traceback_in_a_record_is_masked(caplog: pytest.LogCaptureFixture) -> None:
    secret = Secret(unique("traceback-secret"))
    install_log_redaction()
    with caplog.at_level(logging.DEBUG, logger="partner_apis"):
        try:
            raise RuntimeError(f"refused {secret.reveal()}")
        except RuntimeError:
            logging.getLogger("partner_apis.retry").exception("the call failed")
    assert secret.reveal() not in caplog.text
    assert f"RuntimeError: refused {MASK}" in caplog.text


def test_a_traceback_without_a_secret_is_left_for_the_host_s_formatter() -> None:
    Secret(unique("unrelated"))
    try:
        raise RuntimeError("nothing secret")
    except RuntimeError as error:
        record = logging.LogRecord(
            "partner_apis.x", logging.ERROR, __file__, 1, "failed", None, (type(error), error, None)
        )
    assert RedactingFilter().filter(record) is True
    assert record.exc_text is None  # not formatted here: a host's formatException still applies


def test_the_filter_masks_but_never_drops_a_record() -> None:
    secret = Secret(unique("in-args"))
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1, "GET %s and %d", (secret.reveal(), 7), None)
    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == f"GET {MASK} and 7"
    plain = logging.LogRecord("httpx", logging.INFO, __file__, 1, "GET %s", ("/public",), None)
    assert RedactingFilter().filter(plain) is True
    assert plain.args == ("/public",)  # a record with nothing to mask keeps its arguments

"""Secrets never show: masked reprs, redacted log records and URLs."""

from __future__ import annotations

import logging

import pytest

from partner_apis.overlays.runtime import MASK, Secret, install_log_redaction, redact, redact_url


def test_a_secret_masks_its_repr_and_str_but_reveals_its_value_on_request() -> None:
    secret = Secret("tok-0123456789")
    assert "tok-0123456789" not in repr(secret)
    assert "tok-0123456789" not in str(secret)
    assert secret.reveal() == "tok-0123456789"


def test_a_secret_must_be_text() -> None:
    with pytest.raises(TypeError):
        Secret(1234)  # type: ignore[arg-type]


def test_registered_secrets_are_masked_anywhere_in_a_text() -> None:
    Secret("password-plain-1")
    assert redact("login with password-plain-1 now") == f"login with {MASK} now"


def test_secret_query_parameters_are_masked_in_urls() -> None:
    url = redact_url("http://127.0.0.1/api/v1/agents?token=t0k3n-x&account_id=3&access_token=zz")
    assert "t0k3n-x" not in url
    assert "access_token=zz" not in url
    assert "account_id=3" in url


def test_log_records_on_the_http_loggers_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    Secret("leaky-token-value")
    install_log_redaction()
    with caplog.at_level(logging.DEBUG, logger="httpx"):
        logging.getLogger("httpx").info("HTTP Request: GET %s", "http://127.0.0.1/?token=leaky-token-value")
    assert "leaky-token-value" not in caplog.text
    assert MASK in caplog.text


def test_records_of_child_loggers_are_redacted_too(caplog: pytest.LogCaptureFixture) -> None:
    Secret("child-logger-secret")
    install_log_redaction()
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("partner_apis.some.child").debug("token=%s", "child-logger-secret")
        logging.getLogger("httpcore.http11.deeper").debug("sent child-logger-secret")
    assert "child-logger-secret" not in caplog.text
    assert caplog.text.count(MASK) == 2


def test_percent_encoded_forms_of_a_secret_are_masked() -> None:
    Secret("omz-Secret/t0ken+A=&x")
    assert redact("GET /agents?token=omz-Secret%2Ft0ken%2BA%3D%26x") == f"GET /agents?token={MASK}"

"""What a contract run keeps holds no credential (redact.py): the cassette, Schemathesis's reports, its output.

Secrets are planted where the APIs put them (a bearer header, a password in a JSON
create, a form login, a token in the query string and in a JSON body, an access token in
an answer, a partner token inside a record) and none may survive; the fields around
them keep their values and types (the drift report reads them).
"""

from __future__ import annotations

import json
from typing import Any

from partner_apis.specs import api_spec

from .redact import REPLACEMENT, Redactor, secret_keys, secret_variable

BEARER = "eyJhbGciOiJIUzI1NiJ9.planted-bearer"
PASSWORD = "planted-password-1"
PARTNER_TOKEN = "planted-partner-token"
ACCESS = "planted-access-token"
REFRESH = "planted-refresh-token"
CLIENT_SECRET = "planted-client-secret"
ALL = (BEARER, PASSWORD, PARTNER_TOKEN, ACCESS, REFRESH, CLIENT_SECRET)


def _entry(method: str, url: str, body: str | None, mime: str, answer: Any) -> dict[str, Any]:
    return {
        "startedDateTime": "2026-12-05T00:00:00+00:00",
        "time": 1,
        "request": {
            "method": method,
            "url": url,
            "httpVersion": "HTTP/1.1",
            "headers": [{"name": "Authorization", "value": f"Bearer {BEARER}"}, {"name": "Accept", "value": "*/*"}],
            "queryString": [{"name": "token", "value": PARTNER_TOKEN}, {"name": "account_id", "value": "7"}],
            "cookies": [],
            "headersSize": -1,
            "bodySize": 0,
            **({"postData": {"mimeType": mime, "text": body}} if body is not None else {}),
        },
        "response": {
            "status": 200,
            "statusText": "OK",
            "httpVersion": "HTTP/1.1",
            "headers": [{"name": "content-type", "value": "application/json"}],
            "cookies": [],
            "content": {"size": 1, "mimeType": "application/json", "text": json.dumps(answer)},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": 1,
        },
    }


def test_a_cassette_keeps_no_planted_secret_and_every_other_value() -> None:
    # AirVantage's spec: its token answer's fields are format: password; token and password are Schemathesis's keys.
    redactor = Redactor.for_spec(api_spec("airvantage-partners"), [PARTNER_TOKEN])
    har = {
        "log": {
            "version": "1.2",
            "creator": {"name": "schemathesis", "version": "4"},
            "entries": [
                _entry(
                    "POST",
                    f"http://127.0.0.1:1/api/v1/accounts?token={PARTNER_TOKEN}",
                    json.dumps({"token": PARTNER_TOKEN, "password": PASSWORD, "name": "Acme", "licences": 3}),
                    "application/json",
                    {"success": True, "data": {"id": 7, "token": PARTNER_TOKEN, "name": "Acme", "tokenCount": 2}},
                ),
                _entry(
                    "POST",
                    "http://127.0.0.1:1/oauth/token",
                    f"grant_type=password&email=a%40b.test&password={PASSWORD}&client_secret={CLIENT_SECRET}",
                    "application/x-www-form-urlencoded",
                    {"access_token": ACCESS, "refresh_token": REFRESH, "expires_in": 3600},
                ),
                _entry(
                    "GET", "http://127.0.0.1:1/api/v1/agents?account_id=7", None, "", [{"note": f"x {PARTNER_TOKEN}"}]
                ),
            ],
        }
    }
    masked = redactor.har(har)
    text = json.dumps(masked)
    assert not [secret for secret in ALL if secret in text]
    first, login, read = masked["log"]["entries"]
    assert json.loads(first["request"]["postData"]["text"]) == {
        "token": REPLACEMENT,
        "password": REPLACEMENT,
        "name": "Acme",
        "licences": 3,
    }
    answer = json.loads(first["response"]["content"]["text"])
    assert answer == {"success": True, "data": {"id": 7, "token": REPLACEMENT, "name": "Acme", "tokenCount": 2}}
    assert first["request"]["queryString"] == [
        {"name": "token", "value": REPLACEMENT},
        {"name": "account_id", "value": "7"},
    ]
    assert first["request"]["headers"][0] == {"name": "Authorization", "value": REPLACEMENT}
    assert first["request"]["headers"][1] == {"name": "Accept", "value": "*/*"}
    assert "grant_type=password&email=a%40b.test" in login["request"]["postData"]["text"]
    assert json.loads(login["response"]["content"]["text"])["expires_in"] == 3600
    assert read["request"]["url"] == "http://127.0.0.1:1/api/v1/agents?account_id=7"
    assert json.loads(read["response"]["content"]["text"]) == [{"note": f"x {REPLACEMENT}"}]  # a known secret anywhere


def test_text_masks_known_secrets_and_the_values_of_secret_keys() -> None:
    redactor = Redactor.for_spec(api_spec("comm100-v3"), [PASSWORD])
    output = (
        f'curl -X POST -H \'Authorization: Bearer {BEARER}\' -d \'{{"email": "a@b.test", "password": "x\\"y"}}\' '
        f"http://127.0.0.1:1/sites?access_token={ACCESS}&page=2\n"
        f"Response: {{'access_token': '{ACCESS}', 'total': 3}} (the password was {PASSWORD})"
    )
    masked = redactor.text(output)
    assert not [secret for secret in (BEARER, ACCESS, PASSWORD, 'x\\"y') if secret in masked]
    for kept in ('"email": "a@b.test"', "page=2", "'total': 3"):
        assert kept in masked


def test_the_keys_are_schemathesis_own_and_the_specs_password_fields() -> None:
    keys = secret_keys(api_spec("airvantage-partners"))
    assert {"authorization", "token", "password"} <= set(keys)  # Schemathesis's
    assert {"client_secret", "access_token", "refresh_token"} <= set(keys)  # format: password in the spec


def test_a_secret_variable_is_a_credential_never_a_url_or_a_name() -> None:
    assert all(map(secret_variable, ["PARTNER_APIS_CONTRACT_TOKEN", "CLIENT_SECRET", "PASSWORD", "OTHER_TOKEN"]))
    assert not any(map(secret_variable, ["PARTNER_APIS_CONTRACT_TOKEN_URL", "EMAIL", "USERNAME", "CLIENT_ID"]))


def test_short_values_are_masked_by_key_only() -> None:
    redactor = Redactor.for_spec(api_spec("comm100-v3"), ["123"])
    assert redactor.values == ()
    assert redactor.text("id 123, password=123") == f"id 123, password={REPLACEMENT}"

"""A live contract run is safe to point at a vendor: reads only, no sign-in fuzzed, no secret kept, reports that stay.

For every API, its live variables are aimed at its own simulator (standing in for the
vendor) through a loopback proxy that records what arrives, and the live run of the
suite (``--live``) is made exactly as ``nox -s contract -- --live`` makes it. The vendor
side must see only ``GET`` (or ``HEAD``), never a sign-in operation's path, and the
run must be green with every read-only operation tested. The token is asked for once
per role, at the ``..._TOKEN_URL`` given (a second proxy records it). No credential is
on the Schemathesis process's command line or in any report it leaves. Only
``--allow-writes`` sends writes, and its plan says so first.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest

from partner_apis.simulators.harness import serve
from partner_apis.simulators.registry import create_app, entry
from partner_apis.specs import api_spec

from .conftest import ContractOptions
from .plan import READ_METHODS, describe, plan, sign_in_operations, token_url
from .proxy import RecordingProxy
from .redact import REPLACEMENT, secret_variable
from .reports import JUNIT, finish
from .runner import HOOK_VARIABLES
from .runs import live_run, record, verdict
from .targets import TARGETS, env_prefix

pytestmark = pytest.mark.contract

# Few examples: these runs prove what goes out, not the depth of the fuzzing (test_contract.py).
EXAMPLES = 3


@dataclass
class Vendor:
    """An API's simulator behind a recording proxy, and the live variables that name it."""

    key: str
    proxy: RecordingProxy
    token_proxy: RecordingProxy
    env: dict[str, str]
    secrets: list[str]

    def issued_tokens(self) -> list[str]:
        """The tokens the token endpoint handed out (they are secrets too)."""
        tokens = []
        for exchange in self.token_proxy.exchanges:
            body = json.loads(exchange.answer or b"{}")
            tokens += [str(body[name]) for name in ("access_token", "refresh_token") if body.get(name)]
        return tokens


@contextmanager
def vendor(key: str) -> Iterator[Vendor]:
    """Serve ``key``'s simulator behind two recording proxies: one for the API, one for its token endpoint."""
    app = create_app(key)
    target = TARGETS[key]
    prefix = env_prefix(key)
    with ExitStack() as stack:
        simulator = stack.enter_context(serve(app))
        proxy, token_proxy = RecordingProxy(simulator.root_url), RecordingProxy(simulator.root_url)
        base_url = stack.enter_context(serve(proxy)).root_url + entry(key).base_path
        token_root = stack.enter_context(serve(token_proxy)).root_url + entry(key).base_path
        # The simulator's tenants' sign-in arguments, as a user would export them for the vendor.
        hook_env = target.simulator_auth(app).env
        env = {f"{prefix}_{name.removeprefix(HOOK_VARIABLES)}": value for name, value in hook_env.items()}
        env[f"{prefix}_URL"] = base_url
        if "TOKEN_URL" in target.optional:
            env[f"{prefix}_TOKEN_URL"] = token_url(api_spec(key), token_root)
        secrets = [value for name, value in hook_env.items() if secret_variable(name)]
        yield Vendor(key, proxy, token_proxy, env, secrets)


def sign_in_paths(key: str) -> set[str]:
    """The paths (from the host's root) of the API's sign-in operations."""
    spec = api_spec(key)
    return {
        (spec.base_path if operation.own_base_path is None else operation.own_base_path) + operation.path
        for operation in sign_in_operations(spec)
    }


def kept_files(folder: Path) -> dict[str, str]:
    """Every file under ``folder``, by its path, as text."""
    return {str(path): path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*")) if path.is_file()}


def live_session(key: str, tmp_path: Path, *, allow_writes: bool) -> tuple[Vendor, Any, Any, list[str]]:
    """One live run of ``key`` (seed 1) against its proxied simulator; also the command line Schemathesis ran with."""
    options = ContractOptions(
        seeds=(1,), max_examples=EXAMPLES, live=True, allow_writes=allow_writes, report_dir=tmp_path / "reports"
    )
    command_lines: list[str] = []

    def started(pid: int) -> None:
        # Right after the fork the new process may not show its command line yet.
        deadline = time.monotonic() + 5
        line = b""
        while not line and time.monotonic() < deadline:
            line = Path(f"/proc/{pid}/cmdline").read_bytes()
            time.sleep(0 if line else 0.01)
        command_lines.append(line.replace(b"\0", b" ").decode())

    with vendor(key) as api:
        run, result = live_run(key, 1, options, api.env, started=started)
    failure = verdict(key, run, result)
    finish(
        [{**asdict(record(key, run, result, failure)), "outcome": "passed" if failure is None else "failed"}],
        options.report_dir,
    )
    assert failure is None, failure
    return api, run, result, command_lines


# Ids without the API keys: `-k <api>` picks that API's contract runs only (see test_hooks.py).
@pytest.mark.parametrize("key", sorted(TARGETS), ids=[f"api{index}" for index in range(len(TARGETS))])
def test_a_read_only_live_run_sends_reads_only_signs_in_once_and_keeps_no_secret(key: str, tmp_path: Path) -> None:
    api, _, result, command_lines = live_session(key, tmp_path, allow_writes=False)
    spec = api_spec(key)

    # What the vendor saw: reads only, no sign-in path, every read-only operation tested.
    seen = api.proxy.exchanges
    assert seen, "the run sent nothing"
    assert {exchange.method for exchange in seen} <= READ_METHODS, sorted({e.method for e in seen})
    assert not {exchange.path for exchange in seen} & sign_in_paths(key)
    expected = plan(spec, live=True, allow_writes=False)
    assert expected.sent
    assert all(operation.method in READ_METHODS for operation in expected.sent)
    assert result.operations_tested == len(expected.sent), result.summary()

    # The token: asked once per role, at the token URL given, never through the API's proxy.
    logins = api.token_proxy.exchanges
    # Each identity the target gives once: AirVantage's requester and target company, and
    # the other tenants the isolation check replays calls as (tests/contract/checks).
    target = TARGETS[key]
    roles = 1 + bool(target.second_tenant) + len(target.other_tenants)
    if "TOKEN_URL" in TARGETS[key].optional:
        assert [(exchange.method, exchange.status) for exchange in logins] == [("POST", 200)] * roles
        assert {exchange.path for exchange in logins} <= sign_in_paths(key)
    else:
        assert logins == []  # a token the user brings: no sign-in at all

    # No secret on the command line, in the output, or in any report kept.
    secrets = [*api.secrets, *api.issued_tokens()]
    assert secrets
    assert command_lines
    assert "schemathesis" in command_lines[0]
    assert not [secret for secret in secrets if secret in command_lines[0]]
    files = kept_files(tmp_path / "reports")
    names = {Path(name).name for name in files}
    assert {JUNIT, "drift.md", "drift.json", "exchanges.har", "schemathesis.json", "schemathesis-junit.xml"} <= names
    for name, text in files.items():
        assert not [secret for secret in secrets if secret in text], name
    assert not [secret for secret in secrets if secret in result.output]


def test_only_allow_writes_sends_writes_and_its_plan_says_which_first(tmp_path: Path) -> None:
    key = "comm100-v3"  # a create with a password in its body, and a token endpoint on the same host
    spec = api_spec(key)
    writes = plan(spec, live=True, allow_writes=True)
    text = describe([writes])
    for operation in writes.sent:
        assert f"{operation.method:6} {operation.path}  ({operation.operation_id})" in text
    assert "WITH WRITES" in text
    assert "never sent (sign-in): getToken" in text

    api, run, result, _ = live_session(key, tmp_path, allow_writes=True)
    methods = {exchange.method for exchange in api.proxy.exchanges}
    assert {"POST", "PUT"} <= methods <= {operation.method for operation in writes.sent}
    assert not {exchange.path for exchange in api.proxy.exchanges} & sign_in_paths(key)
    assert result.operations_tested == len(writes.sent)
    # The creates' passwords went out, and the cassette keeps none of them.
    har = json.loads((run.report_dir / "exchanges.har").read_text(encoding="utf-8"))
    bodies = [
        json.loads(entry["request"]["postData"]["text"])
        for entry in har["log"]["entries"]
        if entry["request"]["method"] == "POST"
        and entry["request"].get("postData")
        and entry["response"]["status"] == 200
    ]
    passwords = [body["password"] for body in bodies if isinstance(body, dict) and "password" in body]
    assert passwords
    assert set(passwords) == {REPLACEMENT}

"""Every API of the simulator registry is a contract target: derived from its simulator and spec unless it deviates.

No test name holds an API's name or key, so ``-k <api>`` still picks only that API's runs.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

import pytest

from partner_apis.simulators.registry import SIMULATORS, create_app
from partner_apis.simulators.tenants import READ_ONLY, Tenant
from partner_apis.specs import api_spec

from . import targets
from .runner import HOOK_VARIABLES, KEY_VARIABLE, ROOT
from .targets import (
    EXPLICIT,
    GENERIC_HOOKS,
    SHORT_TOKEN_LIFETIME,
    TARGETS,
    ContractTarget,
    contract_keys,
    default_target,
    generic_login,
    hooks_module,
    login_grant,
    target,
)

# What tests/contract/targets.py said of Comm100 v3 before the default target existed.
FORMER_COMM100_V3 = ContractTarget(
    key="comm100-v3",
    variables=("EMAIL", "PASSWORD"),
    optional=("OTHER_EMAIL", "OTHER_PASSWORD", "TOKEN_URL"),
    second_tenant="OTHER_",
    simulator_options={"token_lifetime": SHORT_TOKEN_LIFETIME},
)


def test_every_simulator_is_a_target_read_through_one_function() -> None:
    assert contract_keys() == tuple(sorted(SIMULATORS))
    assert list(TARGETS) == list(contract_keys())
    for key in contract_keys():
        assert TARGETS[key] is target(key)
        assert target(key).key == key
    for key, explicit in EXPLICIT.items():
        assert target(key) is explicit
    with pytest.raises(KeyError, match="known: airvantage-partners, comm100-v3"):
        target("no-such-api")
    assert "no-such-api" not in TARGETS


def test_the_default_target_reproduces_the_entry_a_signed_in_api_used_to_need() -> None:
    assert "comm100-v3" not in EXPLICIT
    assert default_target("comm100-v3") == FORMER_COMM100_V3
    assert target("comm100-v3") == FORMER_COMM100_V3


def test_every_explicit_entry_deviates_from_the_default() -> None:
    for key, explicit in EXPLICIT.items():
        assert key in SIMULATORS
        assert explicit != default_target(key), f"{key}'s entry is the default: remove it"


def test_a_bearer_token_api_signs_in_nowhere_and_keeps_its_tokens_lifetime() -> None:
    # Comm100 v4's tenants hold a ready token, though its spec has a token operation.
    assert default_target("comm100-v4") == ContractTarget(
        "comm100-v4", variables=("TOKEN",), optional=("OTHER_TOKEN",), second_tenant="OTHER_"
    )
    # Omnize's spec has no token operation at all.
    assert default_target("omnize-partner") == ContractTarget(
        "omnize-partner", variables=("TOKEN",), optional=("OTHER_TOKEN",), second_tenant="OTHER_"
    )


def test_a_second_identity_needs_a_second_full_permission_tenant() -> None:
    first = Tenant("lizz", {"email": "lizz@example.com", "password": "p"})
    read_only = Tenant("read-only", {"email": "ro@example.com", "password": "q"}, access=READ_ONLY)
    alone = default_target("comm100-v3", tenants=(first, read_only))
    assert alone.second_tenant is None
    assert alone.optional == ("TOKEN_URL",)
    assert alone.variables == ("EMAIL", "PASSWORD")


def test_tokens_are_short_lived_only_where_the_simulator_takes_the_option(monkeypatch: pytest.MonkeyPatch) -> None:
    portsip = default_target("portsip-dealers")
    assert portsip.simulator_options == {"token_lifetime": SHORT_TOKEN_LIFETIME}
    assert default_target("omnize-partner-v2").simulator_options == {}  # signs in nowhere

    class WithoutTokenLifetime:
        """A simulator entry whose create_app has no token_lifetime option."""

        def options(self) -> dict[str, object]:
            return {"credentials": None}

    monkeypatch.setattr(targets, "entry", lambda key: WithoutTokenLifetime())
    assert default_target("comm100-v3").simulator_options == {}


@pytest.mark.parametrize(
    ("key", "arguments", "grant"),
    [
        pytest.param("comm100-v3", ["email", "password"], "password", id="password-grant"),
        # scope and client_id are fixed by the spec
        pytest.param("portsip-dealers", ["username", "password"], "password", id="fixed-fields"),
        pytest.param("airvantage-partners", ["client_id", "client_secret"], "client_credentials", id="client"),
        pytest.param("comm100-v4", ["token"], None, id="ready-token"),  # a ready token is no grant's form
        pytest.param("comm100-v3", ["email"], None, id="missing-field"),  # the password grant requires the password
        pytest.param("comm100-v3", ["email", "password", "site"], None, id="extra-field"),  # a field the form lacks
        # a refresh token works once: no run signs in with it
        pytest.param("comm100-v3", ["refresh_token"], None, id="refresh-grant"),
        pytest.param("omnize-partner", ["token"], None, id="no-token-operation"),
        pytest.param("comm100-v3", [], None, id="nothing"),
    ],
)
def test_a_login_grant_is_the_token_operations_form_that_takes_the_tenants_arguments(
    key: str, arguments: list[str], grant: str | None
) -> None:
    assert login_grant(api_spec(key), arguments) == grant


def test_an_api_without_a_hooks_module_of_its_own_loads_the_generic_one() -> None:
    # Comm100 v3 keeps a module for its nextPage walk; Comm100 v4 needs nothing the generic one lacks.
    assert hooks_module("comm100-v3") == "tests.contract.hooks.comm100_v3"
    assert hooks_module("comm100-v4") == GENERIC_HOOKS
    assert hooks_module("acme-widgets") == GENERIC_HOOKS
    replaced = dataclasses.replace(target("comm100-v3"), hooks_module=GENERIC_HOOKS)
    assert replaced.hooks == GENERIC_HOOKS
    assert replaced.simulator_auth(create_app("comm100-v3")).hooks == GENERIC_HOOKS


def _generic_hooks(key: str, env: dict[str, str]) -> dict[str, object]:
    """What tests/contract/hooks/generic.py sets up for ``key`` (imported in a process of its own: it registers)."""
    program = (
        "import json, tests.contract.hooks.generic as g;"
        "print(json.dumps({'grant': g.GRANT, 'checks': [c.__name__ for c in g.CHECKS],"
        " 'others': [o.name for o in g.OTHERS]}))"
    )
    clean = {name: value for name, value in os.environ.items() if not name.startswith(HOOK_VARIABLES)}
    variables = {HOOK_VARIABLES + name: value for name, value in env.items()}
    done = subprocess.run(
        [sys.executable, "-c", program],
        env={**clean, **variables, KEY_VARIABLE: key, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_the_generic_hooks_sign_in_at_the_grant_and_install_the_checks_the_spec_calls_for() -> None:
    login = {"EMAIL": "a@example.com", "PASSWORD": "p", "OTHER_EMAIL": "b@example.com", "OTHER_PASSWORD": "q"}
    assert _generic_hooks("comm100-v3", login) == {
        "grant": "password",
        "checks": ["read_after_write", "auth_enforced", "tenant_isolation", "paging_is_sound", "token_lifetime"],
        "others": ["the second tenant"],
    }


def test_the_generic_hooks_send_a_bearer_token_and_leave_out_what_needs_a_login() -> None:
    bearer = _generic_hooks("comm100-v4", {"TOKEN": "t"})
    assert bearer == {"grant": None, "checks": ["read_after_write", "auth_enforced"], "others": []}


def test_the_generic_hooks_stop_for_a_sign_in_they_cannot_make_naming_the_module_to_write() -> None:
    assert generic_login(target("comm100-v3")) == "password"
    assert generic_login(target("comm100-v4")) is None
    api_key = ContractTarget("comm100-v3", variables=("API_KEY",))
    with pytest.raises(LookupError, match=r"sign in with API_KEY, .* write tests/contract/hooks/comm100_v3\.py"):
        generic_login(api_key)

"""The testing layer aims an overlay client at a simulator: every host its factory takes, read from the spec."""

from __future__ import annotations

from typing import Any

import pytest

from partner_apis.overlays import omnize_partner
from partner_apis.simulators.registry import SIMULATORS
from partner_apis.specs import ApiSpec, api_spec
from partner_apis.testing import running
from partner_apis.testing.running import host_paths, other_hosts


def _spec(operations: dict[str, str]) -> ApiSpec:
    """A spec whose operations (operationId -> own server URL) each live on a host of their own."""
    paths = {
        f"/{operation_id}": {"post": {"operationId": operation_id, "x-idempotent": False, "servers": [{"url": url}]}}
        for operation_id, url in operations.items()
    }
    return ApiSpec("made-up", {"openapi": "3.1.0", "servers": [{"url": "https://api.example/v1"}], "paths": paths})


def test_only_omnizes_factory_takes_another_hosts_url_and_the_simulator_serves_it_at_its_root() -> None:
    assert {key: dict(other_hosts(key)) for key in SIMULATORS} == {
        **{key: {} for key in SIMULATORS},
        "omnize-partner": {"login_base_url": ""},
    }


def test_a_keyword_is_paired_with_the_operation_server_that_is_its_default() -> None:
    spec = _spec({"getToken": "https://auth.example/oauth", "logIn": "https://login.example/sso/"})

    def client(
        token: str,
        *,
        base_url: str = "https://api.example/v1",
        auth_base_url: str = "https://auth.example/oauth/",
        login_base_url: str = "https://login.example/sso",
    ) -> Any:
        return None

    assert host_paths(client, spec) == {"auth_base_url": "/oauth", "login_base_url": "/sso"}


def test_a_keyword_without_a_servers_default_is_paired_with_the_one_other_server() -> None:
    def client(token: str, *, base_url: str = "", login_base_url: str = "https://elsewhere.example") -> Any:
        return None

    assert host_paths(client, api_spec("omnize-partner")) == {"login_base_url": ""}
    assert host_paths(omnize_partner.client, api_spec("omnize-partner")) == {"login_base_url": ""}


def test_a_keyword_no_server_pairs_with_is_refused_naming_it() -> None:
    def client(token: str, *, base_url: str = "", login_base_url: str = "https://elsewhere.example") -> Any:
        return None

    with pytest.raises(LookupError, match=r"takes login_base_url, .*own servers: none"):
        host_paths(client, api_spec("comm100-v3"))  # no operation of its own server
    two = _spec({"getToken": "https://auth.example/oauth", "logIn": "https://login.example/sso"})
    with pytest.raises(LookupError, match=r"https://auth.example/oauth, https://login.example/sso"):
        host_paths(client, two)  # two servers, and the default names neither


def test_base_url_and_other_keywords_are_no_other_host() -> None:
    def client(token: str, *, base_url: str = "", token_url: str = "", base_url_suffix: str = "") -> Any:
        return None

    assert host_paths(client, api_spec("omnize-partner")) == {}


def test_omnizes_url_login_reaches_the_simulator_not_its_vendors_host() -> None:
    with running("omnize-partner") as sim:
        assert sim.client_arguments()["login_base_url"] == sim.root_url
        client = sim.client()
        # The simulator's own refusal (an unknown agent): the login went to its root, not to AWS.
        refused = pytest.raises(omnize_partner.OmnizeLoginError, match="User not found")
        with pytest.warns(DeprecationWarning, match="URL login"), refused:
            omnize_partner.login(client, "nobody@example.com")

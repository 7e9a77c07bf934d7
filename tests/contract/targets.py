"""What the contract suite runs per API: how to authenticate against its simulator and its live server.

A new API joins the contract suite by adding one entry to ``TARGETS``. Live mode reads
``PARTNER_APIS_LIVE_<KEY>_URL`` plus the API's own credential variables (``KEY`` is the
API key upper-cased with underscores, e.g. ``COMM100_V4``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


def env_prefix(key: str) -> str:
    """``comm100-v4`` -> ``PARTNER_APIS_LIVE_COMM100_V4``."""
    return "PARTNER_APIS_LIVE_" + key.upper().replace("-", "_")


@dataclass(frozen=True)
class Auth:
    """Headers to send, a hooks module to load, and variables for it."""

    headers: Mapping[str, str] = field(default_factory=dict)
    hooks: str | None = None
    env: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ContractTarget:
    """One API in the contract suite.

    ``simulator_auth(app)`` reads credentials off a running simulator's app;
    ``live_auth(env)`` builds them from the user's variables, or returns the names of the
    missing ones.
    """

    key: str
    simulator_auth: Callable[[Any], Auth]
    live_variables: tuple[str, ...]
    live_auth: Callable[[Mapping[str, str]], Auth]
    hooks: str | None = None
    exclude_checks: tuple[str, ...] = ()

    def live_url(self) -> str | None:
        return os.environ.get(f"{env_prefix(self.key)}_URL")

    def missing_live_variables(self) -> list[str]:
        names = [f"{env_prefix(self.key)}_URL", *self.live_variables]
        return [name for name in names if not os.environ.get(name)]


def _bearer(token: str) -> Auth:
    return Auth(headers={"Authorization": f"Bearer {token}"})


def _first_credential_token(app: Any) -> str:
    # The simulator's first default credential is a full-permission partner.
    credentials = app.state.simulator.credentials
    token: str = next(iter(credentials.values())).token
    return token


def _omnize(env: Mapping[str, str]) -> Auth:
    # The token travels in the query or the JSON body, which only a hooks module can do.
    return Auth(hooks="tests.contract.hooks.omnize_partner", env=env)


def _omnize_simulator(app: Any) -> Auth:
    tokens = [credential.token for credential in app.state.simulator.credentials.values()]
    return _omnize({"PARTNER_APIS_OMNIZE_TOKEN": tokens[0], "PARTNER_APIS_OMNIZE_OTHER_TOKEN": tokens[1]})


def _omnize_live(env: Mapping[str, str]) -> Auth:
    prefix = env_prefix("omnize-partner")
    return _omnize(
        {
            "PARTNER_APIS_OMNIZE_TOKEN": env[f"{prefix}_TOKEN"],
            "PARTNER_APIS_OMNIZE_OTHER_TOKEN": env.get(f"{prefix}_OTHER_TOKEN", ""),
            "PARTNER_APIS_OMNIZE_LOGIN_URL": env.get(
                f"{prefix}_LOGIN_URL", "https://ca1vsqktff.execute-api.us-east-1.amazonaws.com"
            ),
        }
    )


def _comm100_v3(email: str, password: str) -> Auth:
    # The hooks module logs in at the token endpoint (a Schemathesis auth provider).
    return Auth(env={"PARTNER_APIS_COMM100_V3_EMAIL": email, "PARTNER_APIS_COMM100_V3_PASSWORD": password})


def _comm100_v3_simulator(app: Any) -> Auth:
    # The simulator's first default login is a full-permission partner.
    login = next(iter(app.state.simulator.credentials.values()))
    return _comm100_v3(login.email, login.password)


def _comm100_v4_live(env: Mapping[str, str]) -> Auth:
    # The sites take the user's token; getToken goes to the OAuth server (its own host).
    prefix = env_prefix("comm100-v4")
    bearer = _bearer(env[f"{prefix}_TOKEN"])
    oauth_url = env.get(f"{prefix}_OAUTH_URL", "https://partner.comm100.io")
    return Auth(headers=bearer.headers, env={"PARTNER_APIS_COMM100_V4_OAUTH_URL": oauth_url})


def _portsip_dealers(username: str, password: str) -> Auth:
    # The hooks module signs in at the token endpoint (a Schemathesis auth provider).
    return Auth(
        env={"PARTNER_APIS_PORTSIP_DEALERS_USERNAME": username, "PARTNER_APIS_PORTSIP_DEALERS_PASSWORD": password}
    )


def _portsip_dealers_simulator(app: Any) -> Auth:
    # The first installation's system administrator, who sees and manages every dealer.
    admin = next(iter(app.state.simulator.credentials.values()))
    return _portsip_dealers(admin.username, admin.password)


def _airvantage(env: Mapping[str, str]) -> Auth:
    # The hooks module logs in at /oauth/token with the client-credentials grant, as the
    # requester and (when given) the target company of the partnership requests it sends.
    return Auth(env=env)


def _airvantage_simulator(app: Any) -> Auth:
    # The first two default API clients are full-right clients of two different companies.
    requester, target = list(app.state.simulator.credentials.values())[:2]
    return _airvantage(
        {
            "PARTNER_APIS_AIRVANTAGE_CLIENT_ID": requester.client_id,
            "PARTNER_APIS_AIRVANTAGE_CLIENT_SECRET": requester.client_secret,
            "PARTNER_APIS_AIRVANTAGE_TARGET_CLIENT_ID": target.client_id,
            "PARTNER_APIS_AIRVANTAGE_TARGET_CLIENT_SECRET": target.client_secret,
        }
    )


def _airvantage_live(env: Mapping[str, str]) -> Auth:
    prefix = env_prefix("airvantage-partners")
    return _airvantage(
        {
            "PARTNER_APIS_AIRVANTAGE_CLIENT_ID": env[f"{prefix}_CLIENT_ID"],
            "PARTNER_APIS_AIRVANTAGE_CLIENT_SECRET": env[f"{prefix}_CLIENT_SECRET"],
            "PARTNER_APIS_AIRVANTAGE_TARGET_CLIENT_ID": env.get(f"{prefix}_TARGET_CLIENT_ID", ""),
            "PARTNER_APIS_AIRVANTAGE_TARGET_CLIENT_SECRET": env.get(f"{prefix}_TARGET_CLIENT_SECRET", ""),
        }
    )


TARGETS: dict[str, ContractTarget] = {
    target.key: target
    for target in (
        ContractTarget(
            key="airvantage-partners",
            simulator_auth=_airvantage_simulator,
            live_variables=(
                f"{env_prefix('airvantage-partners')}_CLIENT_ID",
                f"{env_prefix('airvantage-partners')}_CLIENT_SECRET",
            ),
            live_auth=_airvantage_live,
            hooks="tests.contract.hooks.airvantage_partners",
            # Status-only checks that take AirVantage's 400 for "unknown uid" as a refusal of
            # the data; the hooks module runs each on the REST status of the dotted code.
            exclude_checks=("positive_data_acceptance", "ensure_resource_availability"),
        ),
        ContractTarget(
            key="comm100-v3",
            simulator_auth=_comm100_v3_simulator,
            live_variables=(f"{env_prefix('comm100-v3')}_EMAIL", f"{env_prefix('comm100-v3')}_PASSWORD"),
            live_auth=lambda env: _comm100_v3(
                env[f"{env_prefix('comm100-v3')}_EMAIL"], env[f"{env_prefix('comm100-v3')}_PASSWORD"]
            ),
            hooks="tests.contract.hooks.comm100_v3",
        ),
        ContractTarget(
            key="comm100-v4",
            simulator_auth=lambda app: _bearer(_first_credential_token(app)),
            live_variables=(f"{env_prefix('comm100-v4')}_TOKEN",),
            live_auth=_comm100_v4_live,
            # getToken has its own server (Comm100's OAuth server); the hooks module sends it there.
            hooks="tests.contract.hooks.comm100_v4",
        ),
        ContractTarget(
            key="omnize-partner",
            simulator_auth=_omnize_simulator,
            live_variables=(f"{env_prefix('omnize-partner')}_TOKEN",),
            live_auth=_omnize_live,
            # Status-based checks that cannot judge an always-200 API; the hooks module
            # replaces each with one that reads Omnize's `success: false`.
            exclude_checks=(
                "negative_data_rejection",
                "positive_data_acceptance",
                "ignored_auth",
                "use_after_free",
                "ensure_resource_availability",
            ),
        ),
        ContractTarget(
            key="portsip-dealers",
            simulator_auth=_portsip_dealers_simulator,
            live_variables=(
                f"{env_prefix('portsip-dealers')}_USERNAME",
                f"{env_prefix('portsip-dealers')}_PASSWORD",
            ),
            live_auth=lambda env: _portsip_dealers(
                env[f"{env_prefix('portsip-dealers')}_USERNAME"], env[f"{env_prefix('portsip-dealers')}_PASSWORD"]
            ),
            hooks="tests.contract.hooks.portsip_dealers",
        ),
    )
}

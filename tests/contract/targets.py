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


TARGETS: dict[str, ContractTarget] = {
    target.key: target
    for target in (
        ContractTarget(
            key="comm100-v4",
            simulator_auth=lambda app: _bearer(_first_credential_token(app)),
            live_variables=(f"{env_prefix('comm100-v4')}_TOKEN",),
            live_auth=lambda env: _bearer(env[f"{env_prefix('comm100-v4')}_TOKEN"]),
        ),
    )
}

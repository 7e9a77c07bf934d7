"""What the contract suite runs per API: its hooks module, the variables that module reads, and the checks it replaces.

A new API joins the contract suite with one entry in ``TARGETS`` and a hooks module
``tests/contract/hooks/<key with underscores>.py``. The hooks module reads its
variables (``EMAIL``, ``TOKEN``...) from the runner (runner.py passes them as
``PARTNER_APIS_CONTRACT_<NAME>``). Against a simulator they are its tenants' sign-in
arguments, upper-cased (a tenant's ``email`` is ``EMAIL``): the first tenant's, and the
second's under ``second_tenant`` where the suite plays two identities, and further ones by
name under ``other_tenants`` (an outsider the isolation check replays calls as). Live mode reads
the same names prefixed ``PARTNER_APIS_LIVE_<KEY>_`` (``KEY`` is the API key upper-cased
with underscores, e.g. ``COMM100_V4``), plus ``PARTNER_APIS_LIVE_<KEY>_URL``. A target
whose hooks sign in at the spec's token operation also reads ``TOKEN_URL`` (optional:
where to sign in, instead of the URL derived from ``..._URL``; see
:func:`tests.contract.plan.token_url`). ``simulator_options`` are the simulator's own
options for a contract run: tokens that live two seconds, so the token lifetime check
sees one expire (tests/contract/checks/token_lifetime.py).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from partner_apis.simulators.tenants import pick_tenant

from .runner import HOOK_VARIABLES

# Tokens issued by a simulator in a contract run live this long (seconds): long enough for
# any one call, short enough for the token lifetime check to wait one out.
SHORT_TOKEN_LIFETIME = 2


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
    """One API in the contract suite (see the module).

    ``variables`` are the ones its hooks module requires, ``optional`` the ones it may go
    without; ``second_tenant`` prefixes the variables of a simulator's second tenant,
    ``other_tenants`` (prefix, tenant name) those of further ones; ``exclude_checks`` are
    built-in checks the hooks module replaces; ``simulator_options`` go to the
    simulator's ``create_app`` in a contract run; ``facts`` are tenant facts (an account
    the simulator seeded) the hooks module reads as variables too (``account_id`` ->
    ``ACCOUNT_ID``), under the same prefixes.
    """

    key: str
    variables: tuple[str, ...]
    optional: tuple[str, ...] = ()
    second_tenant: str | None = None
    exclude_checks: tuple[str, ...] = ()
    other_tenants: tuple[tuple[str, str], ...] = ()
    simulator_options: Mapping[str, Any] = field(default_factory=dict)
    facts: tuple[str, ...] = ()

    @property
    def hooks(self) -> str:
        """The hooks module, by its import name."""
        return "tests.contract.hooks." + self.key.replace("-", "_")

    @property
    def live_variables(self) -> tuple[str, ...]:
        """The live variables the API requires, besides ``..._URL``."""
        return tuple(f"{env_prefix(self.key)}_{name}" for name in self.variables)

    def live_url(self) -> str | None:
        return os.environ.get(f"{env_prefix(self.key)}_URL")

    def missing_live_variables(self, env: Mapping[str, str] | None = None) -> list[str]:
        """The live variables the API requires that ``env`` (default: the process's environment) lacks."""
        values = os.environ if env is None else env
        names = [f"{env_prefix(self.key)}_URL", *self.live_variables]
        return [name for name in names if not values.get(name)]

    def live_auth(self, env: Mapping[str, str]) -> Auth:
        """The hooks module's variables from the user's live ones in ``env``; KeyError for a required one missing."""
        prefix = env_prefix(self.key)
        values = {name: env[f"{prefix}_{name}"] for name in self.variables}
        values |= {name: env[f"{prefix}_{name}"] for name in self.optional if env.get(f"{prefix}_{name}")}
        return self._auth(values)

    def simulator_auth(self, app: Any) -> Auth:
        """The hooks module's variables from a simulator's app: its first tenant's (and others') sign-in arguments."""
        tenants = app.state.simulator.tenants()
        chosen = [("", tenants[0])] + ([(self.second_tenant, tenants[1])] if self.second_tenant else [])
        chosen += [(prefix, pick_tenant(tenants, name)) for prefix, name in self.other_tenants]
        return self._auth(
            {
                prefix + name.upper(): str(value)
                for prefix, tenant in chosen
                for name, value in [
                    *tenant.arguments().items(),
                    *((fact, tenant.facts[fact]) for fact in self.facts if fact in tenant.facts),
                ]
            }
        )

    def _auth(self, values: Mapping[str, str]) -> Auth:
        return Auth(hooks=self.hooks, env={HOOK_VARIABLES + name: value for name, value in values.items()})


TARGETS: dict[str, ContractTarget] = {
    target.key: target
    for target in (
        # The requester's API client, and (optionally) the target company's, whose side of
        # the partnership requests the suite plays too.
        # An outsider company (no partnership with the requester) for the isolation check.
        ContractTarget(
            key="airvantage-partners",
            variables=("CLIENT_ID", "CLIENT_SECRET"),
            optional=(
                "TARGET_CLIENT_ID",
                "TARGET_CLIENT_SECRET",
                "OUTSIDER_CLIENT_ID",
                "OUTSIDER_CLIENT_SECRET",
                "TOKEN_URL",
            ),
            second_tenant="TARGET_",
            other_tenants=(("OUTSIDER_", "initech"),),
            simulator_options={"token_lifetime": SHORT_TOKEN_LIFETIME},
        ),
        # Another partner's login, for the isolation check.
        ContractTarget(
            key="comm100-v3",
            variables=("EMAIL", "PASSWORD"),
            optional=("OTHER_EMAIL", "OTHER_PASSWORD", "TOKEN_URL"),
            second_tenant="OTHER_",
            simulator_options={"token_lifetime": SHORT_TOKEN_LIFETIME},
        ),
        # A bearer token the user brings: the run signs in nowhere. Another partner's, for
        # the isolation check. The simulator's rate limit (300 calls in 5 minutes) would
        # turn most of a run's calls, and the checks' reads back, into 429s: it is off.
        ContractTarget(
            key="comm100-v4",
            variables=("TOKEN",),
            optional=("OTHER_TOKEN",),
            second_tenant="OTHER_",
            simulator_options={"rate_limit": None},
        ),
        ContractTarget(
            key="omnize-partner",
            variables=("TOKEN",),
            # Another partner's token (for the isolation check). URL login is a sign-in: no
            # live run sends it, so its server needs no variable.
            optional=("OTHER_TOKEN",),
            second_tenant="OTHER_",
            # Status-based checks that cannot judge an always-200 API; the hooks module
            # replaces each with one that reads Omnize's `success: false`.
            exclude_checks=("ignored_auth", "use_after_free", "ensure_resource_availability"),
        ),
        # The same backend and tokens as v1, and the same always-200 refusals.
        # v2 has no account operations: the run works in the partner's own (seeded) account.
        ContractTarget(
            key="omnize-partner-v2",
            variables=("TOKEN",),
            optional=("OTHER_TOKEN", "ACCOUNT_ID", "OTHER_ACCOUNT_ID"),
            second_tenant="OTHER_",
            facts=("account_id",),
            exclude_checks=("ignored_auth", "use_after_free", "ensure_resource_availability"),
        ),
        # Another installation's administrator and (optionally) a dealer of one branch, for
        # the isolation check; without DEALER_*, a run allowed to write makes that dealer.
        ContractTarget(
            key="portsip-dealers",
            variables=("USERNAME", "PASSWORD"),
            optional=("OTHER_USERNAME", "OTHER_PASSWORD", "DEALER_USERNAME", "DEALER_PASSWORD", "TOKEN_URL"),
            second_tenant="OTHER_",
            simulator_options={"token_lifetime": SHORT_TOKEN_LIFETIME},
        ),
    )
}

"""What the contract suite runs per API: its hooks module, the variables that module reads, and the checks it replaces.

Every API of the simulator registry is in the suite (:func:`contract_keys`), each read
through :func:`target`: an API's explicit entry in :data:`EXPLICIT` where it deviates
from the default, else :func:`default_target`, derived from the simulator's tenants and
the spec. A new plain API needs no entry here and no hooks module: without
``tests/contract/hooks/<key with underscores>.py`` its runs load ``hooks/generic.py``.

The hooks module reads its variables (``EMAIL``, ``TOKEN``...) from the runner (runner.py
passes them as ``PARTNER_APIS_CONTRACT_<NAME>``). Against a simulator they are its
tenants' sign-in arguments, upper-cased (a tenant's ``email`` is ``EMAIL``): the first
tenant's, and the second's under ``second_tenant`` where the suite plays two identities,
and further ones by name under ``other_tenants`` (an outsider the isolation check replays
calls as). Live mode reads the same names prefixed ``PARTNER_APIS_LIVE_<KEY>_`` (``KEY``
is the API key upper-cased with underscores, e.g. ``COMM100_V4``), plus
``PARTNER_APIS_LIVE_<KEY>_URL``. A target whose hooks sign in at the spec's token
operation also reads ``TOKEN_URL`` (optional: where to sign in, instead of the URL
derived from ``..._URL``; see :func:`tests.contract.plan.token_url`).
``simulator_options`` are the simulator's own options for a contract run: tokens that
live two seconds, so the token lifetime check sees one expire
(tests/contract/checks/token_lifetime.py).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partner_apis.simulators.registry import SIMULATORS, create_app, entry
from partner_apis.simulators.tenants import FULL, Tenant, pick_tenant
from partner_apis.specs import ApiSpec, api_spec

from .plan import TOKEN_OPERATION
from .runner import HOOK_VARIABLES

__all__ = [
    "EXPLICIT",
    "GENERIC_HOOKS",
    "SHORT_TOKEN_LIFETIME",
    "TARGETS",
    "Auth",
    "ContractTarget",
    "contract_keys",
    "default_target",
    "env_prefix",
    "generic_login",
    "hooks_module",
    "login_grant",
    "target",
]

# Tokens issued by a simulator in a contract run live this long (seconds): long enough for
# any one call, short enough for the token lifetime check to wait one out.
SHORT_TOKEN_LIFETIME = 2
# The prefix of a simulator's second tenant's variables in a default target.
OTHER = "OTHER_"
HOOKS_PACKAGE = "tests.contract.hooks"
GENERIC_HOOKS = HOOKS_PACKAGE + ".generic"
_HOOKS_FOLDER = Path(__file__).resolve().parent / "hooks"


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
    ``ACCOUNT_ID``), under the same prefixes. ``hooks_module`` names the hooks module
    to load instead of the API's own (see :func:`hooks_module`).
    """

    key: str
    variables: tuple[str, ...]
    optional: tuple[str, ...] = ()
    second_tenant: str | None = None
    exclude_checks: tuple[str, ...] = ()
    other_tenants: tuple[tuple[str, str], ...] = ()
    simulator_options: Mapping[str, Any] = field(default_factory=dict)
    facts: tuple[str, ...] = ()
    hooks_module: str | None = None

    @property
    def hooks(self) -> str:
        """The hooks module, by its import name: ``hooks_module``, else the API's own or the generic one."""
        return self.hooks_module or hooks_module(self.key)

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


def hooks_module(key: str) -> str:
    """``tests.contract.hooks.<key with underscores>`` when that module exists, else :data:`GENERIC_HOOKS`."""
    name = key.replace("-", "_")
    return f"{HOOKS_PACKAGE}.{name}" if (_HOOKS_FOLDER / f"{name}.py").is_file() else GENERIC_HOOKS


def login_grant(spec: ApiSpec, credentials: Iterable[str]) -> str | None:
    """The grant of the spec's token operation whose form takes exactly ``credentials`` (a tenant's argument names).

    A grant takes them when its form has each of them and requires nothing else besides
    the fields the spec fixes (``grant_type``, PortSIP's ``client_id``): Comm100 v3's
    ``email`` and ``password`` are its password grant, AirVantage's ``client_id`` and
    ``client_secret`` its client credentials grant. The refresh grant is none (a
    refresh token works once). None when the spec has no token operation or no grant fits
    (a tenant holding a ready token).
    """
    names = set(credentials)
    if not names or TOKEN_OPERATION not in {operation.operation_id for operation in spec}:
        return None
    body = spec.operation(TOKEN_OPERATION).request_body
    schema = spec.resolve(body.schema) if body is not None else {}
    for variant in map(spec.resolve, schema.get("oneOf") or schema.get("anyOf") or [schema]):
        properties = {name: spec.resolve(node) for name, node in (variant.get("properties") or {}).items()}
        fixed = {name for name, node in properties.items() if "const" in node}
        grant = properties.get("grant_type", {}).get("const")
        required = set(variant.get("required") or ()) - fixed
        if grant not in (None, "refresh_token") and required <= names <= set(properties) - fixed:
            return str(grant)
    return None


def generic_login(contract: ContractTarget) -> str | None:
    """How hooks/generic.py signs in for ``contract``: the grant its variables are, or None for a bearer ``TOKEN``.

    Raises ``LookupError`` naming the hooks module to write when the variables are
    neither (:func:`login_grant` of the lower-cased names, or ``TOKEN`` alone).
    """
    grant = login_grant(api_spec(contract.key), [name.lower() for name in contract.variables])
    if grant is not None or contract.variables == ("TOKEN",):
        return grant
    raise LookupError(
        f"{contract.key}: its tenants sign in with {', '.join(contract.variables)}, neither a grant of its spec's"
        f" token operation nor a bearer TOKEN; write tests/contract/hooks/{contract.key.replace('-', '_')}.py"
    )


@functools.cache
def _tenants(key: str) -> tuple[Tenant, ...]:
    """The tenants a fresh simulator of ``key`` seeds (they do not depend on its run options)."""
    return tuple(create_app(key).state.simulator.tenants())


def default_target(key: str, tenants: Sequence[Tenant] | None = None) -> ContractTarget:
    """The target of an API that needs no entry of its own, read off its simulator and spec.

    ``variables``: the first tenant's sign-in argument names, upper-cased; with two or
    more full-permission tenants, the second's under ``OTHER_`` (optional, for the
    isolation check); where those arguments are a grant of the spec's token operation
    (:func:`login_grant`), ``TOKEN_URL`` too, and tokens that live
    :data:`SHORT_TOKEN_LIFETIME` seconds when the simulator's ``create_app`` takes
    ``token_lifetime``. ``tenants`` replaces the simulator's own. Raises ``KeyError``
    naming the known keys for a key the registry lacks.
    """
    simulator = entry(key)
    tenants = _tenants(key) if tenants is None else tenants
    first = tenants[0].arguments()
    variables = tuple(name.upper() for name in first)
    second = OTHER if sum(tenant.access == FULL for tenant in tenants) >= 2 else None
    signs_in = login_grant(api_spec(key), first) is not None
    optional = tuple(OTHER + name for name in variables) if second else ()
    optional += ("TOKEN_URL",) if signs_in else ()
    short = signs_in and "token_lifetime" in simulator.options()
    options = {"token_lifetime": SHORT_TOKEN_LIFETIME} if short else {}
    return ContractTarget(key, variables, optional, second_tenant=second, simulator_options=options)


@functools.cache
def target(key: str) -> ContractTarget:
    """The contract target of ``key``: its entry in :data:`EXPLICIT`, else :func:`default_target`.

    Raises ``KeyError`` naming the known keys for a key the simulator registry lacks.
    """
    explicit = EXPLICIT.get(key)
    return explicit if explicit is not None else default_target(key)


def contract_keys() -> tuple[str, ...]:
    """Every API the contract suite runs, sorted: each one the simulator registry has."""
    return tuple(sorted(SIMULATORS))


class _Targets(Mapping[str, ContractTarget]):
    """Every API's target by key, each read through :func:`target`."""

    def __getitem__(self, key: str) -> ContractTarget:
        if key not in SIMULATORS:
            raise KeyError(key)
        return target(key)

    def __iter__(self) -> Iterator[str]:
        return iter(contract_keys())

    def __len__(self) -> int:
        return len(SIMULATORS)


# The APIs that deviate from default_target: what each one needs besides it, and why.
EXPLICIT: dict[str, ContractTarget] = {
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
# Every API's target (a read-only view through target()), for the call sites that iterate.
TARGETS: Mapping[str, ContractTarget] = _Targets()

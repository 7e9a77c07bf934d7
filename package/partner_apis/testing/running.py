"""A simulator serving on loopback, and the one way to reach it for every API: its overlay client.

    from partner_apis.testing import running

    with running("comm100-v4") as sim:          # a fresh simulator on a free loopback port
        client = sim.client()                    # the overlay client, signed in as the first partner

    with running("comm100-v4", faults="flaky", fault_seed=7) as sim:   # the same, failing as a network does
        ...

The pytest fixture ``partner_api_simulator`` hands out the same :class:`RunningSimulator`.
This is the testing layer: the one place that joins a simulator with an overlay client
(simulators never import clients or overlays). It imports only the standard library at
load time (the pytest plugin imports it on installs without the ``simulators`` extra);
starting a simulator needs the extra.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import inspect
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from partner_apis.simulators.harness.faults import FaultPlan
    from partner_apis.simulators.tenants import Tenant
    from partner_apis.specs import ApiSpec

__all__ = ["RunningSimulator", "host_paths", "other_hosts", "overlay_factory", "running"]

# Every API's overlay is partner_apis.overlays.<key with underscores>, and its factory
# takes the simulator's base URL as base_url. A factory that also takes the URL of another
# host (a keyword ending in _base_url) is aimed at the simulator too: see other_hosts.
_HOST_KEYWORD = "_base_url"


def overlay_factory(key: str) -> Callable[..., Any]:
    """The ``client(...)`` factory of ``key``'s overlay (``partner_apis.overlays.<key with underscores>``).

    Raises ``ModuleNotFoundError`` for a key with no overlay.
    """
    factory: Callable[..., Any] = importlib.import_module("partner_apis.overlays." + key.replace("-", "_")).client
    return factory


@functools.cache
def other_hosts(key: str) -> Mapping[str, str]:
    """:func:`host_paths` of ``key``'s overlay factory and spec: the other hosts' keywords, each with its path.

    Raises as :func:`host_paths` does, ``ModuleNotFoundError`` for a key with no overlay
    and ``KeyError`` for a key with no spec.
    """
    from partner_apis.specs import api_spec

    return host_paths(overlay_factory(key), api_spec(key))


def host_paths(factory: Callable[..., Any], spec: ApiSpec) -> Mapping[str, str]:
    """The keywords of ``factory`` that take another host's URL, each with the path a simulator serves it under.

    A keyword ending in ``_base_url`` (besides ``base_url``) is the URL of a host other
    than the API's own: that of a spec operation with its own ``servers`` (Omnize's URL
    login, ``login_base_url``). A simulator serves such an operation at its root plus
    the server's path (``Operation.own_base_path``), so the keyword maps to that path
    (``""``: the root). It is paired with the server that is its default value, or, when
    the spec's operations have one other server only, with that one. Raises
    ``LookupError`` for a keyword no server pairs with (give it that server's URL as its
    default).
    """
    keywords = [
        parameter
        for name, parameter in inspect.signature(factory).parameters.items()
        if name.endswith(_HOST_KEYWORD)  # base_url itself has no underscore before it
    ]
    own = {server.rstrip("/"): operation.own_base_path or "" for operation in spec for server in operation.servers}
    paths: dict[str, str] = {}
    for parameter in keywords:
        default = parameter.default.rstrip("/") if isinstance(parameter.default, str) else None
        if default is not None and default in own:
            paths[parameter.name] = own[default]
        elif len(set(own.values())) == 1:
            paths[parameter.name] = next(iter(own.values()))
        else:
            servers = ", ".join(sorted(own)) or "none"
            raise LookupError(
                f"{spec.key}'s client(...) takes {parameter.name}, which no server of the spec's operations pairs with"
                f" (their own servers: {servers}); give it that server's URL as its default"
            )
    return types.MappingProxyType(paths)


@dataclass(frozen=True)
class RunningSimulator:
    """A simulator serving on loopback: its URLs, its tenants, its seed data and its in-memory state.

    ``client()`` is the usual way in: the API's overlay client, signed in as one of the
    simulator's tenants and aimed at it.
    """

    key: str
    root_url: str
    base_url: str
    app: Starlette

    @property
    def simulator(self) -> Any:
        """The simulator object behind the app (its state and credentials)."""
        return self.app.state.simulator

    @property
    def faults(self) -> FaultPlan | None:
        """The fault profile's plan when the simulator injects faults (``counts``, ``decisions()``), else None."""
        plan: FaultPlan | None = getattr(self.app, "faults", None)
        return plan

    @property
    def tenants(self) -> Sequence[Tenant]:
        """Every identity seeded into the simulator, full-permission ones in order, read-only ones by name."""
        tenants: Sequence[Tenant] = self.simulator.tenants()
        return tenants

    @property
    def seed(self) -> Mapping[str, Any]:
        """The records the simulator starts with that examples refer to (read-only; see the README)."""
        seed: Mapping[str, Any] = self.simulator.seed_data()
        return seed

    def tenant(self, tenant: int | str = 0) -> Tenant:
        """The tenant at index ``tenant`` (``0`` and ``1`` are full-permission), or the one with that name.

        Raises ``LookupError`` naming the choices when there is none.
        """
        from partner_apis.simulators.tenants import pick_tenant

        return pick_tenant(self.tenants, tenant)

    def credentials(self, tenant: int | str = 0) -> dict[str, Any]:
        """What this API's overlay ``client(...)`` factory takes to sign in as ``tenant``.

        ``0`` is the first full-permission tenant, ``1`` the second (another partner),
        ``"read-only"`` the read-only one where the API has one. Raises ``LookupError``
        for an unknown tenant.
        """
        return self.tenant(tenant).arguments()

    def client_arguments(self, tenant: int | str = 0) -> dict[str, Any]:
        """The factory's keyword arguments for ``tenant`` aimed at this simulator (credentials and URLs)."""
        urls = {name: self.root_url + path for name, path in other_hosts(self.key).items()}
        return {**self.credentials(tenant), "base_url": self.base_url, **urls}

    def client(self, tenant: int | str = 0, **options: Any) -> Any:
        """This API's overlay client (``partner_apis.overlays.<api>.client``) signed in as ``tenant``.

        ``options`` go to the factory as well (``retry=``, ``timeout=``, ...). Raises
        ``LookupError`` for an unknown tenant.
        """
        return overlay_factory(self.key)(**self.client_arguments(tenant), **options)

    def token(self, tenant: int | str = 0) -> str:
        """The bearer token of ``tenant``, for the APIs whose tenants hold one (Comm100 v4, Omnize).

        Raises ``TypeError`` for the APIs that sign in with a login instead: use
        :meth:`client` or :meth:`credentials` there.
        """
        credentials = self.credentials(tenant)
        if "token" not in credentials:
            raise TypeError(
                f"{self.key} tenants sign in with {' and '.join(sorted(credentials))}, not a ready token:"
                " use sim.client() or sim.credentials()"
            )
        token: str = credentials["token"]
        return token


@contextlib.contextmanager
def running(
    key: str,
    *,
    host: str = "127.0.0.1",
    access_log: bool = False,
    faults: str | Path | None = None,
    fault_seed: int = 0,
    **options: Any,
) -> Iterator[RunningSimulator]:
    """Serve a fresh simulator of ``key`` on a free loopback port until the block exits.

    ``options`` go to the simulator's ``create_app`` (``token_lifetime=5``, ...);
    ``access_log`` logs each request served (method, path with credentials masked, status,
    milliseconds, the fault injected) as INFO records of the ``partner_apis.simulators.access``
    logger. ``faults`` serves it with a fault profile (``"flaky"``, ``"rate-limited"``,
    ``"slow"``, ``"vendor-outage"`` or a TOML file's path), its draws seeded by
    ``fault_seed``: ``sim.faults`` is then the plan (its ``counts`` of faults injected).
    Raises ``KeyError`` naming the known keys for an unknown ``key``, ``TypeError`` for an
    option the simulator does not take or a value of the wrong type, ``ValueError`` for a
    bad fault profile, ``ImportError`` without the ``simulators`` extra, and
    ``RuntimeError`` if the server does not start.
    """
    from partner_apis.simulators.harness import serve
    from partner_apis.simulators.registry import create_app, entry

    if faults is not None:
        options.update(faults=faults, fault_seed=fault_seed)
    app = create_app(key, **options)
    with serve(app, host, access_log=access_log) as server:
        yield RunningSimulator(key, server.root_url, server.root_url + entry(key).base_path, app)

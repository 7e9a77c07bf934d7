"""Operations with their own server (a login or token endpoint on another host) are sent there, not to ``--url``.

Schemathesis sends every operation to the ``--url`` base URL. An operation the spec gives
its own ``servers`` goes, in this order, to the URL in the target's variable for it (the
user's override), to that server when ``--url`` is the spec's own server (the vendor
itself), or else to the ``--url`` scheme and host with that server's path (a simulator
serves every server at one origin, so Comm100's token endpoint at
``https://partner.comm100.io`` is the simulator's root, not under ``/v4``; a proxy or a
staging host is taken to do the same). A request never goes to a host the user did not
name unless the user named the vendor. A live run sends no sign-in operation at all
(tests/contract/plan.py); this routing is for the ones it may send.
"""

from __future__ import annotations

from typing import Any

import schemathesis

from partner_apis.specs import ApiSpec, Operation
from tests.contract.hooks.shared import optional_variable, spec_operation
from tests.contract.plan import own_server_url

__all__ = ["own_base_url", "route_own_servers"]


def own_base_url(spec: ApiSpec, operation: Operation, configured: str, override: str | None) -> str | None:
    """Where ``operation`` goes when ``configured`` is the ``--url`` base; None when it has no server of its own."""
    if not operation.servers:
        return None
    if override:
        return override.rstrip("/")
    return own_server_url(spec, operation, configured)


def route_own_servers(spec: ApiSpec, override_variable: str | None = None) -> None:
    """Register a ``before_init_operation`` hook aiming each operation with its own server at it (see the module).

    ``override_variable`` names the target's variable that overrides that server's URL
    (None: no override, the server is derived).
    """

    def before_init_operation(context: Any, operation: Any) -> None:
        override = optional_variable(override_variable) if override_variable else None
        base_url = own_base_url(spec, spec_operation(spec, operation), operation.base_url, override)
        if base_url is not None:
            operation.base_url = base_url

    schemathesis.hook("before_init_operation")(before_init_operation)

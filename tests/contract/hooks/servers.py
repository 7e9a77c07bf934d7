"""Operations with their own server (a login or token endpoint on another host) are sent there, not to ``--url``.

Schemathesis sends every operation to the ``--url`` base URL. An operation the spec gives
its own ``servers`` goes, in this order, to the URL in the target's variable for it (the
user's live override), to that server (a live run), or to the ``--url`` scheme and host
with that server's path (a simulator serves every server at one origin, so Comm100's
token endpoint at ``https://partner.comm100.io`` is the simulator's root, not under
``/v4``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

import schemathesis

from partner_apis.specs import ApiSpec, Operation
from tests.contract.hooks.shared import live, optional_variable, spec_operation

__all__ = ["own_base_url", "route_own_servers"]


def own_base_url(operation: Operation, configured: str, override: str | None, *, live: bool) -> str | None:
    """Where ``operation`` goes when ``configured`` is the ``--url`` base; None when it has no server of its own."""
    if not operation.servers:
        return None
    if override:
        return override.rstrip("/")
    if live:
        return operation.servers[0].rstrip("/")
    origin = urlsplit(configured)
    return urlunsplit((origin.scheme, origin.netloc, operation.own_base_path or "", "", ""))


def route_own_servers(spec: ApiSpec, override_variable: str) -> None:
    """Register a ``before_init_operation`` hook aiming each operation with its own server at it (see the module).

    ``override_variable`` names the target's variable that overrides that server's URL.
    """

    def before_init_operation(context: Any, operation: Any) -> None:
        base_url = own_base_url(
            spec_operation(spec, operation), operation.base_url, optional_variable(override_variable), live=live()
        )
        if base_url is not None:
            operation.base_url = base_url

    schemathesis.hook("before_init_operation")(before_init_operation)

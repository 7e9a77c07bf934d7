"""What the contract hooks of APIs with per-operation servers share: send such an operation to its own server.

Schemathesis sends every operation to the ``--url`` base URL, but an operation with its
own ``servers`` (a login or token endpoint on another host or path) lives elsewhere. A
hooks module registers its own ``before_init_operation`` hook (Schemathesis hooks are
registered per module, by name) and calls :func:`send_to_own_server` from it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

__all__ = ["send_to_own_server"]


def send_to_own_server(operation: Any, explicit_base_url: str | None = None) -> None:
    """Aim an operation with its own ``servers`` at that server; leave the others alone.

    ``explicit_base_url`` (the live server's base URL, e.g. from a variable) wins when
    given. Otherwise the operation keeps the ``--url`` scheme and host (a simulator serves
    every server at one origin) and takes its own server's path, so a token endpoint at
    ``https://partner.comm100.io`` is sent to the simulator's root, not under ``/v4``.
    """
    path_item = operation.schema.raw_schema.get("paths", {}).get(operation.path, {})
    servers = operation.definition.raw.get("servers") or path_item.get("servers")
    if not servers:
        return
    if explicit_base_url:
        operation.base_url = explicit_base_url.rstrip("/")
        return
    configured = urlsplit(operation.base_url)
    own_path = urlsplit(servers[0]["url"]).path.rstrip("/")
    operation.base_url = urlunsplit((configured.scheme, configured.netloc, own_path, "", ""))

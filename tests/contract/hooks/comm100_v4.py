"""Schemathesis hooks for the Comm100 v4 partner API: its token endpoint is on its own server.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).
The site operations are under ``--url`` (``.../v4``); getToken declares its own server
(Comm100's OAuth server, ``https://partner.comm100.io``), which the simulator serves at
its root. The bearer token comes from the target's ``--header``.

Variables (set by the target): ``PARTNER_APIS_COMM100_V4_OAUTH_URL``, the OAuth server's
base URL (default: the ``--url`` scheme and host, which is where the simulator serves it).
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis

from tests.contract.hooks.servers import send_to_own_server

OAUTH_URL = "PARTNER_APIS_COMM100_V4_OAUTH_URL"


@schemathesis.hook
def before_init_operation(context: Any, operation: Any) -> None:
    """Send getToken to the OAuth server, not under the sites' ``/v4``."""
    send_to_own_server(operation, os.environ.get(OAUTH_URL))

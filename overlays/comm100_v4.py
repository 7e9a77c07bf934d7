"""Comm100 partner API v4: a ready ``comm100_v4_client`` from one call, and the status-case helper.

What the generated client already gets right, each pinned by a test in
tests/overlays/test_comm100_v4.py: the colon action path
(``/global/sites/{id}:changeSiteStatus`` is built and sent intact) and a lowercase status
in an answer (``"open"`` parses, as a plain ``str``). What it cannot do is compare such a
status with ``SiteStatus``; :func:`site_status` normalises it.
"""

from __future__ import annotations

import httpx
from comm100_v4_client import Client
from comm100_v4_client.models.changeable_site_status import ChangeableSiteStatus
from comm100_v4_client.models.site_status import SiteStatus
from comm100_v4_client.types import Unset

from .runtime import BearerAuth, RetryPolicy, Secret, build_client
from .runtime.client import DEFAULT_TIMEOUT

__all__ = ["DEFAULT_BASE_URL", "KEY", "client", "site_status"]

KEY = "comm100-v4"
DEFAULT_BASE_URL = "https://partnerapi.comm100.io/v4"

_CANONICAL = {status.value.lower(): status for status in SiteStatus}


def client(
    token: str | Secret,
    *,
    base_url: str = DEFAULT_BASE_URL,
    timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
    retry: RetryPolicy | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
) -> Client:
    """Return a ``comm100_v4_client.Client`` that sends ``token`` as a bearer token.

    Every failure raises a ``partner_apis.overlays.runtime`` error (``NotFoundError`` for
    an unknown or foreign site, ``PermissionDeniedError`` without Manage Site, ...);
    idempotent calls are retried. Pass ``base_url`` to aim at a simulator.
    """
    return build_client(
        Client,
        key=KEY,
        base_url=base_url,
        auth=BearerAuth(token),
        timeout=timeout,
        retry=retry,
        transport=transport,
        async_transport=async_transport,
    )


def site_status(value: SiteStatus | ChangeableSiteStatus | str | Unset) -> SiteStatus | None:
    """Return a site's status as ``SiteStatus`` whatever its letter case; None when absent.

    Raises ``ValueError`` for a value that is no status at all.
    """
    if isinstance(value, Unset):
        return None
    text = value.value if isinstance(value, SiteStatus | ChangeableSiteStatus) else value
    try:
        return _CANONICAL[text.lower()]
    except KeyError:
        raise ValueError(f"not a site status: {text!r}") from None

"""Comm100 partner API v4: a ready ``comm100_v4_client`` from one call, and the status-case helper.

What the generated client already gets right, each pinned by a test in
tests/overlays/test_comm100_v4.py: the colon action path
(``/global/sites/{id}:changeSiteStatus`` is built and sent intact) and a lowercase status
in an answer (``"open"`` parses, as a plain ``str``). What it cannot do is compare such a
status with ``SiteStatus``; :func:`site_status` normalises it.

What the overlay adds: a client from a ready token, or from the partner's ``email``,
``password`` and ``client_id`` with the token lifecycle of
:class:`~partner_apis.overlays.runtime.OAuth2Auth` (the password grant at Comm100's OAuth
server, which is another host than the sites, reuse until shortly before expiry, the
refresh grant with a fall back to the password grant, one retry on 401), or from a
``refresh_token`` and ``client_id`` alone: Comm100 calls the password grant deprecated
("Not Recommended, Deprecated", its Authentication page), so a caller holding a refresh
token never needs to send the password again. And a client class,
:class:`Comm100V4Client`, whose copies (``with_options``, see
:class:`~partner_apis.overlays.runtime.OverlayClient`) share its connection pool and token.

Comm100 allows each client 300 calls every 5 minutes (the spec's ``x-rate-limit``); a call
beyond that is answered 429 with ``Retry-After``. The runtime's retries honour it: an
idempotent call waits the seconds the server names (up to the policy's
``max_retry_after``) and is sent again; a create is not retried, and its 429 raises
``RateLimitError`` (its ``response.headers["Retry-After"]`` says how long to wait).
"""

from __future__ import annotations

from typing import Unpack

import httpx
from attrs import define
from comm100_v4_client import Client
from comm100_v4_client.models.changeable_site_status import ChangeableSiteStatus
from comm100_v4_client.models.site_status import SiteStatus
from comm100_v4_client.types import Unset

from partner_apis.specs import api_spec

from .runtime import (
    BearerAuth,
    OAuth2Login,
    OverlayClient,
    PasswordGrant,
    RefreshTokenGrant,
    Secret,
    TokenOptions,
    build_client,
)
from .runtime.oauth import spec_token_url

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TOKEN_URL", "KEY", "Comm100V4Client", "client", "site_status"]

KEY = "comm100-v4"
DEFAULT_BASE_URL = api_spec(KEY).server_urls[0]  # https://partnerapi.comm100.io/v4
# Absolute: the OAuth server is another host than the sites' base URL (the spec's getToken server).
DEFAULT_TOKEN_URL = spec_token_url(api_spec(KEY))  # https://partner.comm100.io/oauth/token

_CANONICAL = {status.value.lower(): status for status in SiteStatus}


@define
class Comm100V4Client(OverlayClient, Client):
    """The generated ``comm100_v4_client.Client`` with the overlay runtime, as :func:`client` returns it."""


def client(
    token: str | Secret | None = None,
    *,
    email: str | None = None,
    password: str | Secret | None = None,
    client_id: str | None = None,
    refresh_token: str | Secret | None = None,
    token_url: str = DEFAULT_TOKEN_URL,
    base_url: str = DEFAULT_BASE_URL,
    **options: Unpack[TokenOptions],
) -> Comm100V4Client:
    """Return a ``comm100_v4_client.Client`` (a :class:`Comm100V4Client`) that sends a partner's bearer token.

    Pass either a ready ``token``, or the partner's ``email``, ``password`` and
    ``client_id``: the client then logs in at ``token_url`` on the first call and renews
    the token as needed; or a ``refresh_token`` (of an earlier login) and ``client_id``:
    the client gets its first token with the refresh grant, and renews with the refresh
    token each answer brings (a refresh token works once; when the last one is refused,
    ``AuthenticationError`` is raised, as there is no password to fall back to). Raises
    ``TypeError`` when more than one way or none is given, or a login is incomplete.
    Every failure raises a ``partner_apis.overlays.runtime`` error
    (``AuthenticationError`` for a refused login, ``NotFoundError`` for an unknown or
    foreign site, ``PermissionDeniedError`` without Manage Site, ...); idempotent calls
    are retried. Pass ``base_url`` (and ``token_url``) to aim at a simulator; ``options``
    are :class:`~partner_apis.overlays.runtime.TokenOptions` (timeout, retry, transports,
    httpx_args, expiry_skew, clock).
    """
    auth = _auth(token, email, password, client_id, refresh_token, token_url)
    return build_client(Comm100V4Client, key=KEY, base_url=base_url, auth=auth, **options)


def _auth(
    token: str | Secret | None,
    email: str | None,
    password: str | Secret | None,
    client_id: str | None,
    refresh_token: str | Secret | None,
    token_url: str,
) -> BearerAuth | OAuth2Login:
    login = {"email": email, "password": password, "client_id": client_id}
    given = sorted(name for name, value in login.items() if value is not None)
    if token is not None:
        if given or refresh_token is not None:
            others = ", ".join([*given, *(["refresh_token"] if refresh_token is not None else [])])
            raise TypeError(f"pass either a token or a login, not both (got token and {others})")
        return BearerAuth(token)
    if not httpx.URL(token_url).is_absolute_url:
        # A relative URL would resolve against the sites' host, which is not the OAuth server.
        raise ValueError(f"token_url must be an absolute URL, not {token_url!r}")
    if refresh_token is not None:
        if email is not None or password is not None or client_id is None:
            raise TypeError("pass a refresh_token with client_id only (not with email or password)")
        secret = refresh_token if isinstance(refresh_token, Secret) else Secret(refresh_token)
        extra = {"client_id": client_id}
        return OAuth2Login(RefreshTokenGrant(secret, extra=extra), token_url=token_url, refresh_extra=extra)
    if email is None or password is None or client_id is None:
        missing = [name for name, value in login.items() if value is None]
        raise TypeError(f"pass a token, or email, password and client_id to log in (missing: {', '.join(missing)})")
    return OAuth2Login(
        PasswordGrant(email, password, login_field="email", extra={"client_id": client_id}),
        token_url=token_url,
        refresh_extra={"client_id": client_id},
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

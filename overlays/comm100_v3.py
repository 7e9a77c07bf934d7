"""Comm100 partner API v3: a ready ``comm100_v3_client`` from an email and a password.

What the overlay adds to the generated client, each pinned by a test in
tests/overlays/test_comm100_v3.py:

- the token lifecycle (:class:`~partner_apis.overlays.runtime.OAuth2Auth`): the password
  grant with ``email`` as the login field, reuse until shortly before expiry, the refresh
  grant with a fall back to the password grant, one retry on 401, one renewal at a time;
- auto-pagination: :func:`iter_sites` and :func:`aiter_sites` walk every page of a query;
- one time zone field: the doc's Site model says ``timezone`` and its samples
  ``timeZone``, which the generated ``Site`` holds in two attributes. Answers are
  rewritten to ``timeZone``, so ``site.time_zone`` always carries the time zone (and
  ``site.timezone`` stays unset); a ``time_zone`` sent in a create or update goes out as
  the ``timezone`` the doc's field lists name;
- a client class, :class:`Comm100V3Client`, whose copies (``with_options``) share its
  connection pool and token.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Unpack

from attrs import define
from comm100_v3_client import Client
from comm100_v3_client.api.sites import list_sites
from comm100_v3_client.models.site import Site
from comm100_v3_client.models.site_page import SitePage

from partner_apis.specs import api_spec

from .runtime import LinkedListing, OAuth2Login, OverlayClient, PasswordGrant, Secret, TokenOptions, build_client
from .runtime.rewrite import RenamedKeys

__all__ = ["DEFAULT_BASE_URL", "KEY", "TOKEN_PATH", "Comm100V3Client", "aiter_sites", "client", "iter_sites"]

KEY = "comm100-v3"
DEFAULT_BASE_URL = api_spec(KEY).server_urls[0]  # https://partner7.comm100.io
TOKEN_PATH = api_spec(KEY).operation("getToken").path  # /partner/oauth/token
SITES_PATH = api_spec(KEY).operation("listSites").path  # /api/v3/partner/sites

# The doc's Site model spells the time zone `timezone`, its samples (and so the generated
# `Site.time_zone`) `timeZone`: on the sites' paths (the Site and SitePage answers, the
# create and update bodies, not /paying), one spelling each way.
_TIME_ZONE = RenamedKeys(re.compile(re.escape(SITES_PATH) + r"(/[^/]+)?$"), {"timezone": "timeZone"}, items="sites")


@define
class Comm100V3Client(OverlayClient, Client):
    """The generated ``comm100_v3_client.Client`` with the overlay runtime, as :func:`client` returns it."""


def client(
    email: str, password: str | Secret, *, base_url: str = DEFAULT_BASE_URL, **options: Unpack[TokenOptions]
) -> Comm100V3Client:
    """Return a ``comm100_v3_client.Client`` (a :class:`Comm100V3Client`) that logs in as the partner ``email``.

    The token is fetched on the first call and renewed as needed. Every failure raises a
    ``partner_apis.overlays.runtime`` error: ``AuthenticationError`` for a refused login,
    ``NotFoundError`` for an unknown or foreign site, ...; idempotent calls are retried.
    Pass ``base_url`` to aim at a simulator; ``options`` are
    :class:`~partner_apis.overlays.runtime.TokenOptions` (timeout, retry, transports,
    httpx_args, expiry_skew, clock).
    """
    login = OAuth2Login(PasswordGrant(email, password, login_field="email"))
    return build_client(
        Comm100V3Client, key=KEY, base_url=base_url, auth=login, wrap_transport=_TIME_ZONE.wrapper(), **options
    )


# -- auto-pagination ----------------------------------------------------------------------

# nextPage is the next page's full URL; only its query is followed, on the client's own base URL.
_SITES = LinkedListing("listSites", SitePage, SITES_PATH, items="sites", next_link="next_page")


def iter_sites(comm100: Client, keywords: str | None = None) -> Iterator[Site]:
    """Yield every site matching ``keywords`` (all the partner's sites without), page by page.

    A page (up to 100 sites) is fetched only when the one before is used up. Raises the
    client's errors, and ``PagingError`` if the server's ``nextPage`` links loop.
    """
    return _SITES.iter(comm100, list_sites.sync, keywords=keywords)


def aiter_sites(comm100: Client, keywords: str | None = None) -> AsyncIterator[Site]:
    """The async :func:`iter_sites`: ``async for site in aiter_sites(client): ...``."""
    return _SITES.aiter(comm100, list_sites.asyncio, keywords=keywords)

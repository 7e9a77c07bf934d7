"""Schemathesis hooks for the Comm100 partner API v3: OAuth login and a paging-soundness check.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

- ``Comm100V3Login``: an auth provider that logs in at ``/partner/oauth/token`` with the
  password grant (``email``, not ``username``) and sends the token as a bearer token on
  every sites call. The token operation itself gets no token, and is fuzzed like any
  other operation; Schemathesis refetches the token when a call is answered 401.
- ``comm100_v3_paging_is_sound``: every Get Sites answer is walked along its ``nextPage``
  links (tests/contract/paging.py): every site once, the pages end, ``total`` matches.

Variables (set by the target): ``PARTNER_APIS_COMM100_V3_EMAIL`` and
``PARTNER_APIS_COMM100_V3_PASSWORD``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import httpx
import schemathesis

from tests.contract.hooks.oauth import fetch_access_token, send_bearer
from tests.contract.paging import walk_pages

EMAIL = "PARTNER_APIS_COMM100_V3_EMAIL"
PASSWORD = "PARTNER_APIS_COMM100_V3_PASSWORD"

TOKEN_PATH = "/partner/oauth/token"
SITES_PATH = "/api/v3/partner/sites"
# A Get Sites answer is walked in full when it needs at most this many pages (a live
# partner with many thousands of sites would otherwise be read over and over).
MAX_WALK_PAGES = 30


@schemathesis.auth().skip_for(operation_id="getToken")
class Comm100V3Login:
    """Log in with the partner's email and password; send the token as ``Authorization: Bearer``."""

    def get(self, case: Any, ctx: Any) -> str:
        form = {"grant_type": "password", "email": os.environ[EMAIL], "password": os.environ[PASSWORD]}
        return fetch_access_token(case.operation.schema.get_base_url() + TOKEN_PATH, form)

    def set(self, case: Any, data: str, ctx: Any) -> None:
        send_bearer(case, data)


def _page_index(case: Any) -> int | None:
    value = (case.query or {}).get("pageIndex", 1)
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@schemathesis.check
def comm100_v3_paging_is_sound(ctx: Any, response: Any, case: Any) -> bool | None:
    """Get Sites: from this page on, every site once, the pages end, and ``total`` matches."""
    if case.operation.method.upper() != "GET" or case.operation.path != SITES_PATH:
        return None
    if response.status_code != 200:
        return None
    page_index = _page_index(case)
    first = response.json()
    if page_index is None or not isinstance(first, Mapping):
        return None
    if max(0, first.get("total", 0) - (page_index - 1) * 100) > MAX_WALK_PAGES * 100:
        return None
    headers = {"Authorization": response.request.headers.get("Authorization", "")}
    origin = httpx.URL(response.request.url).copy_with(raw_path=b"/")

    def fetch(url: str) -> Mapping[str, Any]:
        # The token goes only where the request went: a nextPage on another origin (or on
        # plain http) is reported, not followed.
        if httpx.URL(url).copy_with(raw_path=b"/") != origin:
            raise AssertionError(f"nextPage {url} is not on the origin of the request ({origin})")
        page = httpx.get(url, headers=headers, timeout=10)
        if page.status_code != 200:
            raise AssertionError(f"GET {url} answered {page.status_code}")
        body: Mapping[str, Any] = page.json()
        return body

    verdict = walk_pages(first, fetch, page_index=page_index)
    if not verdict.ok:
        raise AssertionError(f"Get Sites pages are not sound: {verdict.summary()}")
    return None

"""Schemathesis hooks for the Comm100 partner API v3: OAuth login and a paging-soundness check.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

- Auth (oauth.py): the password grant (``email``, not ``username``) at the spec's token
  operation; the token as a bearer on every sites call.
- ``comm100_v3_paging_is_sound``: every Get Sites answer is walked along its ``nextPage``
  links (tests/contract/paging.py): every site once, the pages end, ``total`` matches.

Variables (set by the target): ``EMAIL`` and ``PASSWORD``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
import schemathesis

from partner_apis.specs import api_spec
from tests.contract.hooks.oauth import authenticate, log_in
from tests.contract.hooks.shared import spec_operation, variable
from tests.contract.paging import walk_pages

SPEC = api_spec("comm100-v3")
# A Get Sites answer is walked in full when it needs at most this many pages (a live
# partner with many thousands of sites would otherwise be read over and over).
MAX_WALK_PAGES = 30

authenticate(
    SPEC,
    lambda base_url, role: log_in(
        SPEC, base_url, "password", {"email": variable("EMAIL"), "password": variable("PASSWORD")}
    ),
)


def _page_index(case: Any) -> int | None:
    value = (case.query or {}).get("pageIndex", 1)
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@schemathesis.check
def comm100_v3_paging_is_sound(ctx: Any, response: Any, case: Any) -> bool | None:
    """Get Sites: from this page on, every site once, the pages end, and ``total`` matches."""
    if spec_operation(SPEC, case.operation).operation_id != "listSites" or response.status_code != 200:
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

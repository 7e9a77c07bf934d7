"""Schemathesis hooks for the Comm100 partner API v3: OAuth login and a paging-soundness check.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

- Auth (oauth.py): the password grant (``email``, not ``username``) at the spec's token
  operation; the token as a bearer on every sites call.
- ``comm100_v3_paging_is_sound``: every Get Sites answer is walked along its ``nextPage``
  links (tests/contract/paging.py): every site once, the pages end, ``total`` matches.
- The checks of tests/contract/checks: tenant isolation (as another partner), read after
  write, auth enforced, token lifetime, paging at page-size boundaries.

Variables (set by the target): ``EMAIL`` and ``PASSWORD``; ``OTHER_EMAIL`` and
``OTHER_PASSWORD`` (optional: another partner's login, for the isolation check).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from partner_apis.specs import api_spec
from tests.contract.checks.common import Api, Identity, register
from tests.contract.checks.install import install, token_answer
from tests.contract.hooks.oauth import authenticate, log_in
from tests.contract.hooks.shared import optional_variable, spec_operation, variable
from tests.contract.paging import walk_pages

SPEC = api_spec("comm100-v3")
# A Get Sites answer is walked in full when it needs at most this many pages (a live
# partner with many thousands of sites would otherwise be read over and over).
MAX_WALK_PAGES = 30


def credentials(prefix: str = "") -> dict[str, str]:
    """The password grant's credentials of the partner whose variables start with ``prefix``."""
    return {"email": variable(prefix + "EMAIL"), "password": variable(prefix + "PASSWORD")}


PARTNER = Identity("the partner", lambda base_url: log_in(SPEC, base_url, "password", credentials()))
# Schemathesis asks again only when its token is refused; the checks share that one sign-in.
authenticate(SPEC, lambda base_url, role: PARTNER.token(base_url, fresh=True))
OTHERS = (
    (Identity("another partner", lambda base_url: log_in(SPEC, base_url, "password", credentials("OTHER_"))),)
    if optional_variable("OTHER_EMAIL")
    else ()
)


def _page_index(case: Any) -> int | None:
    value = (case.query or {}).get("pageIndex", 1)
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@register
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
    base_url = case.operation.schema.get_base_url()
    origin = httpx.URL(response.request.url).copy_with(raw_path=b"/")

    def fetch(url: str) -> Mapping[str, Any]:
        # The token goes only where the request went: a nextPage on another origin (or on
        # plain http) is reported, not followed.
        if httpx.URL(url).copy_with(raw_path=b"/") != origin:
            raise AssertionError(f"nextPage {url} is not on the origin of the request ({origin})")
        page = httpx.get(url, headers=headers, timeout=10)
        if page.status_code == 401:  # the token died during the walk (a contract run's live two seconds)
            headers["Authorization"] = "Bearer " + PARTNER.token(base_url, fresh=True)
            page = httpx.get(url, headers=headers, timeout=10)
        if page.status_code != 200:
            raise AssertionError(f"GET {url} answered {page.status_code}")
        body: Mapping[str, Any] = page.json()
        return body

    verdict = walk_pages(first, fetch, page_index=page_index)
    if not verdict.ok:
        raise AssertionError(f"Get Sites pages are not sound: {verdict.summary()}")
    return None


# Registered after the check above, which walks the pages of the answer it is given: the
# paging check tops the list up with creates, and would change the total under that walk.
install(Api(SPEC, caller=lambda case: PARTNER, others=OTHERS), login=token_answer(SPEC, "password", credentials))

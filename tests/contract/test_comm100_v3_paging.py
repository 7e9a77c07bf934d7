"""Comm100 v3 paging is sound on a partner with 1,000 sites: every site once, the pages end, ``total`` matches.

The same judgement (tests/contract/paging.py) runs as a Schemathesis check on every Get
Sites answer of the contract run; here it walks a large partner over real HTTP, and is
shown to catch the ways paging goes wrong.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pytest

from partner_apis.simulators.comm100_v3 import DEFAULT_CREDENTIALS, Comm100V3Simulator, create_app
from partner_apis.simulators.harness import serve

from .paging import PagingVerdict, walk_pages

pytestmark = pytest.mark.contract

A, B, _ = DEFAULT_CREDENTIALS
SITES = "/api/v3/partner/sites"


class Partner:
    """A logged-in partner of a running simulator, reading Get Sites pages over HTTP."""

    def __init__(self, http: httpx.Client) -> None:
        self.http = http

    def fetch(self, url: str) -> Mapping[str, Any]:
        response = self.http.get(url)
        response.raise_for_status()
        page: Mapping[str, Any] = response.json()
        return page

    def walk(self, page_index: int = 1, keywords: str | None = None) -> PagingVerdict:
        params: dict[str, Any] = {"pageIndex": page_index}
        if keywords is not None:
            params["keywords"] = keywords
        first = self.http.get(SITES, params=params).json()
        return walk_pages(first, self.fetch, page_index=page_index)


@pytest.fixture(scope="module")
def partner() -> Iterator[Partner]:
    app = create_app()
    simulator: Comm100V3Simulator = app.state.simulator
    for partner_id, count in ((A.partner_id, 1000), (B.partner_id, 37)):
        for n in range(count):
            simulator.new_site(
                partner_id,
                {
                    "contact": {"firstName": f"User{n}", "lastName": "Example", "email": f"user{n}@example.com"},
                    "company": "Acme" if n % 4 == 0 else "Other",
                    "planList": [{"id": 1}],
                },
            )
    with serve(app) as server, httpx.Client(base_url=server.root_url, timeout=30) as http:
        login = {"grant_type": "password", "email": A.email, "password": A.password}
        token = http.post("/partner/oauth/token", data=login).json()["access_token"]
        http.headers["Authorization"] = f"Bearer {token}"
        yield Partner(http)


def test_paging_is_sound_on_a_partner_with_1000_sites(partner: Partner, capsys: pytest.CaptureFixture[str]) -> None:
    verdict = partner.walk()
    with capsys.disabled():
        print(f"\n[paging] comm100-v3, a partner with 1,000 sites: {verdict.summary()}")
    assert verdict.ok, verdict.summary()
    assert (verdict.pages, verdict.sites, verdict.total) == (10, 1000, 1000)


@pytest.mark.parametrize(("page_index", "pages", "sites"), [(4, 7, 700), (10, 1, 100), (11, 1, 0), (99, 1, 0)])
def test_paging_is_sound_from_any_page(partner: Partner, page_index: int, pages: int, sites: int) -> None:
    verdict = partner.walk(page_index)
    assert verdict.ok, verdict.summary()
    assert (verdict.pages, verdict.sites) == (pages, sites)


def test_paging_is_sound_for_a_keyword_query(partner: Partner) -> None:
    verdict = partner.walk(keywords="acme")
    assert verdict.ok, verdict.summary()
    assert (verdict.pages, verdict.sites, verdict.total) == (3, 250, 250)


# -- the judgement catches unsound paging ----------------------------------------------------------


def _pages(*pages: tuple[int, list[int], str, str]) -> tuple[Mapping[str, Any], dict[str, Mapping[str, Any]]]:
    built: list[Mapping[str, Any]] = [
        {"total": total, "sites": [{"id": site_id} for site_id in ids], "previousPage": previous, "nextPage": following}
        for total, ids, previous, following in pages
    ]
    by_url = {f"p{index + 1}": page for index, page in enumerate(built)}
    return built[0], by_url


def _judge(*pages: tuple[int, list[int], str, str], page_size: int = 2) -> PagingVerdict:
    first, by_url = _pages(*pages)
    return walk_pages(first, by_url.__getitem__, page_size=page_size)


def test_sound_pages_pass() -> None:
    assert _judge((3, [1, 2], "", "p2"), (3, [3], "p1", "")).ok


def test_a_site_on_two_pages_is_caught() -> None:
    verdict = _judge((4, [1, 2], "", "p2"), (4, [2, 3], "p1", ""))
    assert "sites listed more than once: 2" in verdict.summary()


def test_pages_that_do_not_end_are_caught() -> None:
    verdict = _judge((3, [1, 2], "", "p2"), (3, [3], "p1", "p3"), (3, [], "p2", ""))
    assert "the pages do not end" in verdict.summary()


def test_a_total_that_does_not_match_the_sites_is_caught() -> None:
    assert "total 5 implies 5" in _judge((5, [1, 2], "", "p2"), (5, [3], "p1", "")).summary()
    assert "reports total 4" in _judge((3, [1, 2], "", "p2"), (4, [3], "p1", "")).summary()


def test_a_short_page_before_the_last_and_a_wrong_previous_page_are_caught() -> None:
    verdict = _judge((3, [1], "", "p2"), (3, [2, 3], "", ""))
    assert "page 1 is not the last page but holds 1 sites" in verdict.summary()
    assert "page 2 has previousPage ''" in verdict.summary()


def test_a_next_page_that_fails_is_caught() -> None:
    first, _ = _pages((3, [1, 2], "", "p2"))

    def fail(url: str) -> Mapping[str, Any]:
        raise httpx.HTTPError("502 Bad Gateway")

    assert "following page 1's nextPage failed: 502 Bad Gateway" in walk_pages(first, fail, page_size=2).summary()

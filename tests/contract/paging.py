"""Is a page-numbered list with next-page URLs sound? Walk it from one page and judge.

Used by the Comm100 v3 contract hook (on every Get Sites answer) and by the 1,000-site
paging test. Starting from the page at ``page_index``, the walk follows ``nextPage`` and
checks that:

- every site appears exactly once across the pages;
- the pages end: no more pages than ``total`` needs, the last with an empty ``nextPage``;
- ``total`` matches: every page reports the same total, and the pages hold exactly the
  sites it implies (``total - (page_index - 1) * page_size``, never negative);
- every page but the last is full, none holds more than ``page_size``, and
  ``previousPage`` is empty on the first page only.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

PageFetcher = Callable[[str], Mapping[str, Any]]


@dataclass
class PagingVerdict:
    """What a walk found: pages read, sites seen, the total, and every problem."""

    total: int
    pages: int = 0
    sites: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        state = "sound" if self.ok else "UNSOUND: " + "; ".join(self.problems)
        return f"{self.pages} pages, {self.sites} sites, total {self.total}: {state}"


def walk_pages(
    first: Mapping[str, Any], fetch: PageFetcher, *, page_index: int = 1, page_size: int = 100
) -> PagingVerdict:
    """Walk from ``first`` (the page at ``page_index``) along ``nextPage`` with ``fetch``; judge the pages.

    ``fetch(url)`` returns a page's JSON or raises; a raise ends the walk as a problem.
    """
    total = first["total"]
    verdict = PagingVerdict(total)
    expected = max(0, total - (page_index - 1) * page_size)
    # Pages the total allows from here: one even when it is empty (the page just read).
    allowed = max(1, math.ceil(expected / page_size))
    ids: Counter[Any] = Counter()
    page, index = first, page_index
    while True:
        verdict.pages += 1
        sites = page["sites"]
        where = f"page {index}"
        ids.update(site["id"] for site in sites)
        if page["total"] != total:
            verdict.problems.append(f"{where} reports total {page['total']}, the first page {total}")
        if len(sites) > page_size:
            verdict.problems.append(f"{where} holds {len(sites)} sites, more than {page_size}")
        if bool(page["previousPage"]) != (index > 1):
            verdict.problems.append(f"{where} has previousPage {page['previousPage']!r}")
        next_page = page["nextPage"]
        if not next_page:
            break
        if verdict.pages >= allowed:
            verdict.problems.append(
                f"the pages do not end: {where} links a next page, though total {total} needs {allowed} "
                f"page(s) from page {page_index}"
            )
            break
        if len(sites) != page_size:
            verdict.problems.append(f"{where} is not the last page but holds {len(sites)} sites")
        try:
            page = fetch(next_page)
        except Exception as error:
            verdict.problems.append(f"following {where}'s nextPage failed: {error}")
            break
        index += 1
    verdict.sites = sum(ids.values())
    repeated = sorted(str(site_id) for site_id, times in ids.items() if times > 1)
    if repeated:
        verdict.problems.append(f"sites listed more than once: {', '.join(repeated[:10])}")
    if verdict.sites != expected:
        verdict.problems.append(
            f"the pages from page {page_index} hold {verdict.sites} sites; total {total} implies {expected}"
        )
    return verdict

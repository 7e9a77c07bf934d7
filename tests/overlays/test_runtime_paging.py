"""Auto-pagination: every item of every page, lazily, one page in memory, for next-URL and offset paging."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import TypeVar

import pytest

from partner_apis.overlays.runtime import (
    Listing,
    PagingError,
    PartnerApiError,
    aiter_items,
    aiter_offset_items,
    aiter_pages,
    iter_items,
    iter_offset_items,
    iter_pages,
)

T = TypeVar("T")


@dataclass
class UrlPage:
    """A page in the style of Comm100 v3: items and the next page's URL ("" on the last)."""

    items: list[int]
    next_page: str


@dataclass
class OffsetPage:
    """A page in the style of AirVantage: ``{items, count, size, offset}``."""

    items: list[str]
    count: int
    size: int
    offset: int


@dataclass
class UrlServer:
    """Serves ``total`` items, ``size`` a page, linked by next-page URLs; records what it was asked."""

    total: int
    size: int = 100
    fetched: list[str | None] = field(default_factory=list)
    pages: list[weakref.ref[UrlPage]] = field(default_factory=list)

    def fetch(self, url: str | None) -> UrlPage:
        self.fetched.append(url)
        number = 1 if url is None else int(url.rsplit("=", 1)[1])
        start = (number - 1) * self.size
        items = list(range(start, min(start + self.size, self.total)))
        has_next = number * self.size < self.total
        page = UrlPage(items, f"https://api.example.test/sites?pageIndex={number + 1}" if has_next else "")
        self.pages.append(weakref.ref(page))
        return page

    async def afetch(self, url: str | None) -> UrlPage:
        await asyncio.sleep(0)
        return self.fetch(url)


def _next_url(page: UrlPage) -> str | None:
    return page.next_page or None


def _url_items(page: UrlPage) -> list[int]:
    return page.items


def test_every_item_of_every_page_comes_once_in_order_following_next_urls() -> None:
    server = UrlServer(total=250)
    assert list(iter_items(server.fetch, _url_items, _next_url)) == list(range(250))
    assert server.fetched == [
        None,
        "https://api.example.test/sites?pageIndex=2",
        "https://api.example.test/sites?pageIndex=3",
    ]


def test_offset_and_size_paging_fits_the_same_helper() -> None:
    names = [f"partner-{number}" for number in range(23)]

    def fetch(offset: int | None) -> OffsetPage:
        start = offset or 0
        return OffsetPage(names[start : start + 10], count=len(names), size=10, offset=start)

    def next_offset(page: OffsetPage) -> int | None:
        following = page.offset + page.size
        return following if following < page.count else None

    assert list(iter_items(fetch, lambda page: page.items, next_offset)) == names


def test_an_empty_first_page_is_the_only_request() -> None:
    server = UrlServer(total=0)
    assert list(iter_items(server.fetch, _url_items, _next_url)) == []
    assert server.fetched == [None]


def test_a_page_is_fetched_only_when_the_one_before_is_used_up() -> None:
    server = UrlServer(total=250)
    items = iter_items(server.fetch, _url_items, _next_url)
    assert server.fetched == []  # nothing before the first item is asked for
    assert next(items) == 0
    assert len(server.fetched) == 1
    for _ in range(99):
        next(items)
    assert len(server.fetched) == 1
    assert next(items) == 100
    assert len(server.fetched) == 2


def test_one_page_is_in_memory_at_a_time() -> None:
    server = UrlServer(total=500)
    alive_when_fetching: list[int] = []
    fetch = server.fetch

    def watching(url: str | None) -> UrlPage:
        alive_when_fetching.append(sum(1 for ref in server.pages if ref() is not None))
        return fetch(url)

    for _ in iter_items(watching, _url_items, _next_url):
        pass
    assert alive_when_fetching == [0, 0, 0, 0, 0]


def test_pages_are_yielded_whole_too() -> None:
    server = UrlServer(total=150)
    assert [len(page.items) for page in iter_pages(server.fetch, _next_url)] == [100, 50]


def test_a_next_page_that_points_back_raises_instead_of_looping() -> None:
    fetched: list[str | None] = []

    def fetch(url: str | None) -> UrlPage:
        fetched.append(url)
        assert len(fetched) < 10, "the same page was fetched over and over"
        return UrlPage([1], "https://api.example.test/sites?pageIndex=2")

    with pytest.raises(PagingError, match="do not end"):
        list(iter_items(fetch, _url_items, _next_url))


def test_a_failed_fetch_propagates() -> None:
    def fetch(url: str | None) -> UrlPage:
        if url is not None:
            raise RuntimeError("page 2 failed")
        return UrlPage([1], "https://api.example.test/sites?pageIndex=2")

    items = iter_items(fetch, _url_items, _next_url)
    assert next(items) == 1
    with pytest.raises(RuntimeError, match="page 2 failed"):
        next(items)


def _collect_async(make: Callable[[], AsyncIterator[T]]) -> list[T]:
    async def main() -> list[T]:
        return [item async for item in make()]

    return asyncio.run(main())


def test_async_iteration_gives_every_item_following_next_urls() -> None:
    server = UrlServer(total=250)
    assert _collect_async(lambda: aiter_items(server.afetch, _url_items, _next_url)) == list(range(250))
    assert len(server.fetched) == 3


def test_async_iteration_is_lazy_and_keeps_one_page() -> None:
    server = UrlServer(total=300)
    alive_when_fetching: list[int] = []

    async def watching(url: str | None) -> UrlPage:
        alive_when_fetching.append(sum(1 for ref in server.pages if ref() is not None))
        return await server.afetch(url)

    async def main() -> int:
        items = aiter_items(watching, _url_items, _next_url)
        first = await anext(items)
        fetched_after_first = len(server.fetched)
        async for _ in items:
            pass
        return first + fetched_after_first * 1000

    assert asyncio.run(main()) == 1000  # item 0, after exactly one fetch
    assert alive_when_fetching == [0, 0, 0]


def test_async_pages_that_point_back_raise() -> None:
    fetched: list[str | None] = []

    async def fetch(url: str | None) -> UrlPage:
        fetched.append(url)
        assert len(fetched) < 10, "the same page was fetched over and over"
        return UrlPage([1], "https://api.example.test/sites?pageIndex=2")

    with pytest.raises(PagingError):
        _collect_async(lambda: aiter_pages(fetch, _next_url))


# -- offset paging (AirVantage's offset/size, PortSIP's skip/top) --------------------------------


@dataclass
class OffsetServer:
    """Serves ``names``, ``size`` a page from the offset asked for; each page says its offset and the total."""

    names: list[str]
    size: int = 10
    asked: list[int] = field(default_factory=list)

    def fetch(self, offset: int) -> OffsetPage:
        self.asked.append(offset)
        return OffsetPage(self.names[offset : offset + self.size], len(self.names), self.size, offset)

    async def afetch(self, offset: int) -> OffsetPage:
        await asyncio.sleep(0)
        return self.fetch(offset)


def _names(page: OffsetPage) -> list[str]:
    return page.items


def _total(page: OffsetPage) -> int:
    return page.count


def _offset(page: OffsetPage) -> int:
    return page.offset


NAMES = [f"partner-{number}" for number in range(23)]


def test_offset_paging_asks_from_zero_after_each_pages_items_until_the_total() -> None:
    server = OffsetServer(NAMES)
    assert list(iter_offset_items(server.fetch, _names, _total)) == NAMES
    assert server.asked == [0, 10, 20]
    server.asked.clear()
    assert list(iter_offset_items(server.fetch, _names, _total, _offset)) == NAMES
    assert server.asked == [0, 10, 20]


def test_offset_paging_is_lazy() -> None:
    server = OffsetServer(NAMES)
    items = iter_offset_items(server.fetch, _names, _total)
    assert server.asked == []
    for _ in range(10):
        next(items)
    assert server.asked == [0]
    next(items)
    assert server.asked == [0, 10]


def test_an_empty_page_ends_offset_paging_even_if_the_total_promises_more() -> None:
    def fetch(offset: int) -> OffsetPage:
        return OffsetPage(["a"] if offset == 0 else [], count=5, size=1, offset=offset)

    assert list(iter_offset_items(fetch, _names, _total)) == ["a"]


def test_pages_whose_own_offset_points_back_raise_instead_of_looping() -> None:
    asked: list[int] = []

    def fetch(offset: int) -> OffsetPage:
        asked.append(offset)
        assert len(asked) < 10, "the same page was fetched over and over"
        return OffsetPage(["a"], count=5, size=1, offset=0)  # the first page, whatever was asked

    with pytest.raises(PagingError, match="do not end"):
        list(iter_offset_items(fetch, _names, _total, _offset))
    assert asked == [0, 1]


def test_async_offset_paging_gives_every_item() -> None:
    server = OffsetServer(NAMES, size=7)
    assert _collect_async(lambda: aiter_offset_items(server.afetch, _names, _total, _offset)) == NAMES
    assert server.asked == [0, 7, 14, 21]


@dataclass
class CountedPage:
    """A generated list answer in PortSIP's shape: items and how many match in all."""

    items: list[str]
    count: int


def test_a_listing_calls_its_operation_with_its_paging_arguments_and_the_given_criteria() -> None:
    calls: list[dict[str, object]] = []

    def list_dealers(**arguments: object) -> CountedPage:
        calls.append(arguments)
        skip = arguments["skip"]
        assert isinstance(skip, int)
        return CountedPage(NAMES[skip : skip + 10], len(NAMES))

    dealers = Listing("listDealers", CountedPage, offset="skip", size="top", page_size=10)
    assert list(dealers.iter(list_dealers, search="acme", orderby=None)) == NAMES
    assert calls == [{"skip": offset, "top": 10, "search": "acme"} for offset in (0, 10, 20)]
    calls.clear()
    assert len(list(dealers.iter(list_dealers, page_size=25))) == 23
    assert [call["top"] for call in calls] == [25, 25, 25]  # the page size asked for; this server sends 10


def test_a_listing_whose_pages_say_their_offset_counts_from_it_and_checks_what_comes_back() -> None:
    server = OffsetServer(NAMES)
    partners = Listing("findPartners", OffsetPage, pages_say_offset=True, page_size=10)
    assert list(partners.iter(lambda offset, size: server.fetch(offset))) == NAMES

    def looping(offset: int, size: int) -> OffsetPage:
        return OffsetPage(["a"], count=5, size=1, offset=0)

    with pytest.raises(PagingError):
        list(partners.iter(looping))
    with pytest.raises(PartnerApiError, match="findPartners answered NoneType, not OffsetPage"):
        list(partners.iter(lambda offset, size: None))


def test_an_async_listing_walks_the_same_way() -> None:
    server = OffsetServer(NAMES, size=7)

    async def find(offset: int, size: int) -> OffsetPage:
        return await server.afetch(offset)

    partners = Listing("findPartners", OffsetPage, page_size=7, pages_say_offset=True)
    assert _collect_async(lambda: partners.aiter(find)) == NAMES

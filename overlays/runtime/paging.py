"""Lazy auto-pagination, sync and async, for any paging style.

An API's overlay says three things: how to fetch a page for a cursor (``None`` is the
first page), which items a page holds, and the cursor of the page after it (``None`` on
the last). A cursor is whatever the API pages by: a next-page URL (Comm100 v3), an offset
(AirVantage's ``offset``/``size``), a page number. The iterators fetch a page only when
the caller has used up the one before, and let go of it first, so one page is in memory
at a time however many there are. :class:`Listing` walks a generated list operation paged
by offset, :class:`LinkedListing` one whose pages link the next, :class:`NumberedListing`
one paged by page number whose pages say nothing more (Omnize's ``page``/``limit``).
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

import httpx

from .calls import expect, given
from .errors import PartnerApiError

__all__ = [
    "LinkedListing",
    "Listing",
    "NumberedListing",
    "PagingError",
    "aiter_items",
    "aiter_offset_items",
    "aiter_pages",
    "iter_items",
    "iter_offset_items",
    "iter_pages",
]

Cursor = TypeVar("Cursor", bound=Hashable)
Page = TypeVar("Page")
Item = TypeVar("Item")


class PagingError(PartnerApiError):
    """The server's pages do not end: a page points to a page already read."""


def _check(cursor: Cursor, seen: set[Cursor]) -> None:
    # A server that points back at a page it served would otherwise be walked forever.
    if cursor in seen:
        raise PagingError(f"the pages do not end: the page at {cursor!r} was already read")
    seen.add(cursor)


def iter_pages(fetch: Callable[[Cursor | None], Page], next_cursor: Callable[[Page], Cursor | None]) -> Iterator[Page]:
    """Yield every page, from ``fetch(None)`` on, following ``next_cursor`` until it is None.

    Raises ``PagingError`` when a cursor repeats, and whatever ``fetch`` raises.
    """
    seen: set[Cursor] = set()
    page = fetch(None)
    while True:
        cursor = next_cursor(page)
        yield page
        del page  # let the caller's page go before the next one arrives
        if cursor is None:
            return
        _check(cursor, seen)
        page = fetch(cursor)


def iter_items(
    fetch: Callable[[Cursor | None], Page],
    items: Callable[[Page], Iterable[Item]],
    next_cursor: Callable[[Page], Cursor | None],
) -> Iterator[Item]:
    """Yield every item of every page (see :func:`iter_pages`), fetching pages as they are needed."""
    for page in iter_pages(fetch, next_cursor):
        batch = iter(items(page))
        del page
        yield from batch


async def aiter_pages(
    fetch: Callable[[Cursor | None], Awaitable[Page]], next_cursor: Callable[[Page], Cursor | None]
) -> AsyncIterator[Page]:
    """The async :func:`iter_pages`: ``fetch`` returns an awaitable page."""
    seen: set[Cursor] = set()
    page = await fetch(None)
    while True:
        cursor = next_cursor(page)
        yield page
        del page
        if cursor is None:
            return
        _check(cursor, seen)
        page = await fetch(cursor)


async def aiter_items(
    fetch: Callable[[Cursor | None], Awaitable[Page]],
    items: Callable[[Page], Iterable[Item]],
    next_cursor: Callable[[Page], Cursor | None],
) -> AsyncIterator[Item]:
    """The async :func:`iter_items`."""
    async for page in aiter_pages(fetch, next_cursor):
        batch = iter(items(page))
        del page
        for item in batch:
            yield item


# -- offset paging -------------------------------------------------------------------------


class _Offsets(Generic[Page, Item]):
    """The cursor arithmetic of offset paging: a page is (the offset asked for, what the server answered)."""

    def __init__(
        self,
        items: Callable[[Page], Sequence[Item]],
        total: Callable[[Page], int],
        offset: Callable[[Page], int] | None,
    ) -> None:
        self.items = items
        self.total = total
        self.offset = offset

    def of(self, page: tuple[int, Page]) -> Sequence[Item]:
        return self.items(page[1])

    def following(self, page: tuple[int, Page]) -> int | None:
        # The next page starts after this one's items, counted from where the server says
        # the page starts when it says so (a server serving one page again is then caught
        # as a loop). An empty page ends the walk even if the total promises more (items
        # removed meanwhile, or a server that would answer the same page forever).
        asked, answer = page
        items = self.items(answer)
        following = (asked if self.offset is None else self.offset(answer)) + len(items)
        return following if items and following < self.total(answer) else None


def iter_offset_items(
    fetch: Callable[[int], Page],
    items: Callable[[Page], Sequence[Item]],
    total: Callable[[Page], int],
    offset: Callable[[Page], int] | None = None,
) -> Iterator[Item]:
    """Yield every item of an offset-paged list: ``fetch(offset)`` gets the page at ``offset`` (0 first).

    ``items`` reads a page's items, ``total`` how many match in all (the walk stops there,
    or at an empty page), ``offset`` where the page starts, for an API whose pages say so
    (else the offset asked for). Raises ``PagingError`` when the pages loop back, and
    whatever ``fetch`` raises.
    """
    offsets: _Offsets[Page, Item] = _Offsets(items, total, offset)

    def page_at(cursor: int | None) -> tuple[int, Page]:
        return cursor or 0, fetch(cursor or 0)

    return iter_items(page_at, offsets.of, offsets.following)


def aiter_offset_items(
    fetch: Callable[[int], Awaitable[Page]],
    items: Callable[[Page], Sequence[Item]],
    total: Callable[[Page], int],
    offset: Callable[[Page], int] | None = None,
) -> AsyncIterator[Item]:
    """The async :func:`iter_offset_items`: ``fetch`` returns an awaitable page."""
    offsets: _Offsets[Page, Item] = _Offsets(items, total, offset)

    async def page_at(cursor: int | None) -> tuple[int, Page]:
        return cursor or 0, await fetch(cursor or 0)

    return aiter_items(page_at, offsets.of, offsets.following)


def _items(page: Any) -> Sequence[Any]:
    items: Sequence[Any] = page.items
    return items


def _count(page: Any) -> int:
    count: int = page.count
    return count


def _offset(page: Any) -> int:
    offset: int = page.offset
    return offset


@dataclass(frozen=True)
class Listing:
    """A generated list operation paged by offset, walked item by item.

    Its pages (``page_type``) hold ``items`` and say how many match in all (``count``);
    with ``pages_say_offset`` each page also says where it starts (``offset``), and the
    next one is counted from there (so a server serving one page again is caught).
    ``offset`` and ``size`` name the call's paging arguments (``skip``/``top`` for
    PortSIP), ``page_size`` is the size asked for unless a walk says otherwise.
    """

    operation_id: str
    page_type: type[Any]
    offset: str = "offset"
    size: str = "size"
    page_size: int = 100
    pages_say_offset: bool = False

    def _paging(self, page_size: int | None) -> tuple[int, Callable[[Any], int] | None]:
        return page_size or self.page_size, _offset if self.pages_say_offset else None

    def iter(self, call: Callable[..., object], *, page_size: int | None = None, **criteria: Any) -> Iterator[Any]:
        """Every item, fetched a page at a time with ``call`` (a generated ``sync``); None criteria are left out.

        Raises ``PagingError`` when the pages loop back, and the client's errors.
        """
        size, own_offset = self._paging(page_size)
        given_criteria = given(**criteria)

        def fetch(offset: int) -> Any:
            page = call(**{self.offset: offset, self.size: size}, **given_criteria)
            return expect(page, self.page_type, self.operation_id)

        return iter_offset_items(fetch, _items, _count, own_offset)

    def aiter(
        self, call: Callable[..., Awaitable[object]], *, page_size: int | None = None, **criteria: Any
    ) -> AsyncIterator[Any]:
        """The async :meth:`iter`: ``call`` is a generated ``asyncio``."""
        size, own_offset = self._paging(page_size)
        given_criteria = given(**criteria)

        async def fetch(offset: int) -> Any:
            page = await call(**{self.offset: offset, self.size: size}, **given_criteria)
            return expect(page, self.page_type, self.operation_id)

        return aiter_offset_items(fetch, _items, _count, own_offset)


# -- pages that link the next one -------------------------------------------------------------


@dataclass(frozen=True)
class LinkedListing:
    """A generated list operation whose pages give the next page's URL, walked item by item.

    Its pages (``page_type``, a generated model with ``from_dict``) hold their items in
    the attribute ``items`` and the next page's URL in ``next_link`` (empty on the last).
    Only the link's query is followed, on the client's own base URL and ``path`` (the
    operation's), so a credential never goes to another host or over plain HTTP (a server
    behind a proxy often builds its links with the wrong scheme or host).
    """

    operation_id: str
    page_type: type[Any]
    path: str
    items: str
    next_link: str

    def _items(self, page: Any) -> Iterable[Any]:
        items: Iterable[Any] = getattr(page, self.items)
        return items

    def _next(self, page: Any) -> str | None:
        return getattr(page, self.next_link) or None

    def _query(self, link: str) -> httpx.QueryParams:
        return httpx.QueryParams(urlsplit(link).query)

    def iter(self, client: Any, call: Callable[..., object], **criteria: Any) -> Iterator[Any]:
        """Every item, the first page from ``call`` (a generated ``sync``) with ``client``, the rest by their links.

        None criteria are left out. Raises ``PagingError`` when the links loop, and the
        client's errors.
        """

        def fetch(link: str | None) -> Any:
            if link is None:
                return expect(call(client=client, **given(**criteria)), self.page_type, self.operation_id)
            response = client.get_httpx_client().get(self.path, params=self._query(link))
            return self.page_type.from_dict(response.json())

        return iter_items(fetch, self._items, self._next)

    def aiter(self, client: Any, call: Callable[..., Awaitable[object]], **criteria: Any) -> AsyncIterator[Any]:
        """The async :meth:`iter`: ``call`` is a generated ``asyncio``."""

        async def fetch(link: str | None) -> Any:
            if link is None:
                return expect(await call(client=client, **given(**criteria)), self.page_type, self.operation_id)
            response = await client.get_async_httpx_client().get(self.path, params=self._query(link))
            return self.page_type.from_dict(response.json())

        return aiter_items(fetch, self._items, self._next)


# -- pages by number, with no total ---------------------------------------------------------------


@dataclass(frozen=True)
class NumberedListing:
    """A generated list operation paged by page number and size, whose pages say nothing else, walked item by item.

    Pages are numbered from ``first``; ``page`` and ``size`` name the call's arguments
    (``page``/``limit`` for Omnize) and ``page_size`` is the size asked for unless a walk
    says otherwise. The pages (``page_type``) hold their items in the attribute ``items``
    and give no total, so a page with fewer items than asked is the last (after a full
    one, the next is fetched and may be empty). A server that ignores the page number
    would answer the same full page forever: a page holding exactly the items of the one
    before raises ``PagingError`` (so the page before is kept while the next is read).
    """

    operation_id: str
    page_type: type[Any]
    items: str = "items"
    page: str = "page"
    size: str = "limit"
    page_size: int = 100
    first: int = 1

    def _walk(self, page_size: int | None) -> tuple[int, Callable[[int, Any, list[Any]], list[Any]]]:
        size = page_size or self.page_size
        if size < 1:
            raise ValueError(f"a page holds at least one item, not {size}")

        def items_of(number: int, page: Any, before: list[Any]) -> list[Any]:
            items = list(getattr(expect(page, self.page_type, self.operation_id), self.items))
            if items and items == before:
                raise PagingError(f"page {number} repeats page {number - 1}: the server ignores {self.page!r}")
            return items

        return size, items_of

    def iter(self, call: Callable[..., object], *, page_size: int | None = None, **criteria: Any) -> Iterator[Any]:
        """Every item, fetched a page at a time with ``call`` (a generated ``sync``); None criteria are left out.

        Raises ``ValueError`` for a page size below 1, ``PagingError`` when a page repeats
        the one before, and the client's errors.
        """
        size, items_of = self._walk(page_size)
        given_criteria = given(**criteria)
        before: list[Any] = []

        def fetch(number: int | None) -> tuple[int, list[Any]]:
            nonlocal before
            number = number or self.first
            before = items_of(number, call(**{self.page: number, self.size: size}, **given_criteria), before)
            return number, before

        return iter_items(fetch, _numbered_items, functools.partial(_next_number, size=size))

    def aiter(
        self, call: Callable[..., Awaitable[object]], *, page_size: int | None = None, **criteria: Any
    ) -> AsyncIterator[Any]:
        """The async :meth:`iter`: ``call`` is a generated ``asyncio``."""
        size, items_of = self._walk(page_size)
        given_criteria = given(**criteria)
        before: list[Any] = []

        async def fetch(number: int | None) -> tuple[int, list[Any]]:
            nonlocal before
            number = number or self.first
            before = items_of(number, await call(**{self.page: number, self.size: size}, **given_criteria), before)
            return number, before

        return aiter_items(fetch, _numbered_items, functools.partial(_next_number, size=size))


def _numbered_items(page: tuple[int, list[Any]]) -> list[Any]:
    return page[1]


def _next_number(page: tuple[int, list[Any]], *, size: int) -> int | None:
    # A short page is the last; a full one may be followed by more (or by an empty page).
    number, items = page
    return number + 1 if len(items) >= size else None

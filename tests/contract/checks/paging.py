"""Paging soundness at page-size boundaries, deterministically, for every paged list.

A list is paged when its GET takes one of the paging parameter pairs of :data:`STYLES`
(``offset``/``size``, ``skip``/``top``, ``page``/``limit``, or a lone ``pageIndex`` whose
page size the server fixes). The bugs live at the boundaries: a total that is an exact
multiple of the page size, the last page, a page that repeats or skips an item. Once per
list operation and total (at most :data:`MAX_PROBES` totals per run), the check walks the
whole list again:

- with a page-size parameter, at every size in :func:`boundary_sizes`: sizes the total is
  an exact multiple of (1, a divisor, the total itself) and sizes it is not;
- with a fixed page size (v3's 100), after topping the list up with creates to an exact
  multiple of that size (learnt by creating until a second page appears), against a
  simulator only;

and judges each walk: every page but the last full, none larger than the size; no item
twice; the same items whatever the size (no gaps); as many as the total every page
reports; the page after a full last page empty, and a page that links a next page only
when one follows. Creates for the top-up send the spec's example of the create operation,
its strings made unique.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from partner_apis.specs import Operation
from tests.contract.hooks.shared import live

from .common import Api, body_of, item_id, items_of, judging, path_parameters, total_of

__all__ = ["STYLES", "Paging", "boundary_sizes", "find_paging", "paging_check", "walk"]

# (where a page starts, how many it holds, whether the start counts items rather than pages)
STYLES: tuple[tuple[str, str | None, bool], ...] = (
    ("offset", "size", True),
    ("skip", "top", True),
    ("page", "limit", False),
    ("pageIndex", None, False),
    ("page", None, False),
)
# Walks per list and run, and pages per walk: enough for a deterministic boundary, bounded against a live list.
MAX_PROBES = 3
MAX_PAGES = 40
MAX_TOP_UP = 300
# The page size a list without a maximum and without a total is counted at.
LARGEST = 100


@dataclass(frozen=True)
class Paging:
    """How one list operation pages (see :data:`STYLES`)."""

    index: str
    size: str | None
    counts_items: bool
    first: int
    min_size: int
    max_size: int | None


def find_paging(operation: Operation) -> Paging | None:
    """How ``operation`` pages, read from its query parameters, or None when it does not."""
    names = {parameter.name: parameter for parameter in operation.parameters if parameter.location == "query"}
    for index, size, counts_items in STYLES:
        if index in names and (size is None or size in names):
            start = names[index].schema
            first = int(start.get("minimum", 0 if counts_items else 1))
            bounds = names[size].schema if size else {}
            maximum = bounds.get("maximum")
            return Paging(index, size, counts_items, first, max(1, int(bounds.get("minimum", 1))), maximum)
    return None


def boundary_sizes(total: int, paging: Paging) -> list[int]:
    """Page sizes to walk a list of ``total`` items with: some it is an exact multiple of, some not.

    1 (when that takes at most :data:`MAX_PAGES` pages), the largest divisor within the
    parameter's bounds, one more and one less than it, the total, one more than the
    total and the largest size allowed: each within the bounds and :data:`MAX_PAGES`.
    """
    low, high = paging.min_size, paging.max_size or max(total + 1, 2)
    divisors = [size for size in range(max(2, low), min(total, high + 1)) if total % size == 0]
    divisors = [size for size in divisors if total // size <= MAX_PAGES]
    candidates = [total, total + 1, high]
    if divisors:
        candidates += [divisors[-1], divisors[-1] + 1, divisors[-1] - 1]
    if total <= MAX_PAGES:
        candidates.append(1)
    return sorted({size for size in candidates if low <= size <= high and math.ceil(total / size) <= MAX_PAGES})


def _next_link(body: Any) -> str | None:
    """A page's link to the next one (``nextPage``), when the answer has one."""
    if isinstance(body, Mapping):
        for key, value in body.items():
            if key.lower().startswith("next") and isinstance(value, str | type(None)):
                return value or ""
    return None


def fetch(
    api: Api,
    like: Any,
    operation: Operation,
    paging: Paging | None,
    query: Mapping[str, Any],
    index: int,
    size: int | None,
) -> Any:
    """One page of ``operation`` (as ``like``'s identity); the response."""
    params = dict(query)
    if paging is not None:
        params[paging.index] = index
        if paging.size and size is not None:
            params[paging.size] = size
    return api.call(like, operation.operation_id, query=params)


def walk(
    api: Api,
    like: Any,
    operation: Operation,
    paging: Paging | None,
    query: Mapping[str, Any],
    *,
    size: int | None = None,
    max_pages: int = MAX_PAGES,
    answers: list[Any] | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """The pages of a list, first to last, as lists of items; a refused page raises ``AssertionError``.

    Stops after an empty page, a page shorter than ``size`` (or than the first page, for a
    fixed size), a page that links no next one, or ``max_pages``. ``answers`` collects
    each page's JSON.
    """
    index = paging.first if paging else 0
    first_length: int | None = None
    for _ in range(max_pages):
        response = fetch(api, like, operation, paging, query, index, size)
        if not api.accepted(response):
            raise AssertionError(
                f"{operation.operation_id} page {paging.index if paging else ''}={index} answered "
                f"{response.status_code} {response.content[:200]!r}"
            )
        body = body_of(response)
        if answers is not None:
            answers.append(body)
        items = items_of(body) or []
        yield items
        limit = size if size is not None else first_length
        first_length = len(items) if first_length is None else first_length
        if paging is None or not items or (limit is not None and len(items) < limit) or _next_link(body) == "":
            return
        index += len(items) if paging.counts_items else 1


def _identity(item: Mapping[str, Any]) -> str:
    return item_id(item) or repr(sorted(item.items()))


def judge(pages: list[list[dict[str, Any]]], answers: list[Any], size: int, reference: set[str] | None) -> list[str]:
    """What is wrong with one walk at page size ``size``; ``reference``: the items another walk found."""
    problems: list[str] = []
    seen: Counter[str] = Counter(_identity(item) for page in pages for item in page)
    totals = {total_of(body) for body in answers}
    total = next(iter(totals)) if len(totals) == 1 else None
    if len(totals) > 1:
        problems.append(f"the pages report different totals: {sorted(map(str, totals))}")
    for number, page in enumerate(pages, start=1):
        if len(page) > size:
            problems.append(f"page {number} holds {len(page)} items, more than {size}")
        if number < len(pages) and len(page) != size:
            problems.append(f"page {number} is not the last but holds {len(page)} items")
    links = [_next_link(body) for body in answers]
    for number, link in enumerate(links, start=1):
        following = pages[number] if number < len(pages) else []
        if link and not following:
            problems.append(f"page {number} links a next page, and the next page is empty")
    repeated = sorted(name for name, times in seen.items() if times > 1)
    if repeated:
        problems.append(f"listed more than once: {', '.join(repeated[:5])}")
    if total is not None and sum(seen.values()) != total:
        problems.append(f"the pages hold {sum(seen.values())} items; the total says {total}")
    if reference is not None and set(seen) != reference:
        missing, extra = sorted(reference - set(seen)), sorted(set(seen) - reference)
        problems.append(f"not the items of the other walks: missing {missing[:5]}, extra {extra[:5]}")
    return problems


def _example_body(operation: Operation, spec: Any) -> dict[str, Any] | None:
    body = operation.request_body
    if body is None:
        return None
    content = spec.resolve(operation.raw["requestBody"]).get("content", {}).get(body.media_type, {})
    examples = [spec.resolve(example).get("value") for example in content.get("examples", {}).values()]
    if "example" in content:
        examples.insert(0, content["example"])
    return next((example for example in examples if isinstance(example, dict)), None)


def _unique(node: Any, n: int) -> Any:
    """``node`` with every string made unique by ``n`` (an e-mail address in its local part)."""
    if isinstance(node, dict):
        return {key: _unique(value, n) for key, value in node.items()}
    if isinstance(node, list):
        return [_unique(value, n) for value in node]
    if isinstance(node, str) and node:
        local, at, domain = node.partition("@")
        return f"{local}{n}{at}{domain}" if at else f"{node}{n}"
    return node


def paging_check(api: Api, *, exclude: tuple[str, ...] = ()) -> Callable[[Any, Any, Any], bool | None]:
    """The check ``paging_is_sound`` for ``api`` (``register`` it, in checks/common.py).

    ``exclude`` names query parameters to drop from the walked query besides paging and
    selectable-fields ones. Raises ``AssertionError`` listing what is wrong with a walk.
    """
    probed: dict[str, set[int | None]] = {}
    made = [0]

    def top_up(case: Any, operation: Operation, paging: Paging, query: Mapping[str, Any]) -> int | None:
        """Create records until the list's total is a multiple of its fixed page size; that size, or None."""
        create = next((op for op in api.spec if op.method == "POST" and op.path == operation.path and op.secured), None)
        example = _example_body(create, api.spec) if create is not None else None
        # Never against a live vendor, even one the run may write to: up to a page of records
        # made in a user's production account is too much to ask of a check.
        if create is None or example is None or live():
            return None
        page_size: int | None = None
        while made[0] < MAX_TOP_UP:
            answer = fetch(api, case, operation, paging, query, paging.first, None)
            first, total = items_of(body_of(answer)) or [], total_of(body_of(answer))
            if not api.accepted(answer) or total is None:
                return None
            if page_size is None and total > len(first):
                page_size = len(first)
            if page_size is not None and total % page_size == 0 and total:
                return page_size
            # Until a second page shows the size, double the list; then fill the last page.
            missing = max(1, total) if page_size is None else page_size - total % page_size
            for _ in range(min(missing, MAX_TOP_UP - made[0])):
                made[0] += 1
                media_type = create.request_body.media_type if create.request_body else None
                created = api.call(case, create.operation_id, body=_unique(example, made[0]), media_type=media_type)
                if not api.accepted(created):
                    return None
        return None

    def paging_is_sound(ctx: Any, response: Any, case: Any) -> bool | None:
        """Walks a paged list at page-size boundaries and judges every walk (see the module)."""
        operation = api.operation(case)
        paging = find_paging(operation)
        if operation.method != "GET" or path_parameters(operation) or paging is None:
            return None
        if not api.accepted(response):
            return None
        drop = {paging.index, paging.size, *exclude}
        query = {
            name: value
            for name, value in (case.query or {}).items()
            if name not in drop and not _selectable(operation, name)
        }
        tried = probed.setdefault(operation.operation_id, set())
        if len(tried) >= MAX_PROBES:
            return None
        if paging.size is None:
            page_size = top_up(case, operation, paging, query)
            if page_size is None or page_size in tried:
                return None
            tried.add(page_size)
            walks: list[tuple[int, int | None]] = [(page_size, None)]
        else:
            answer = fetch(api, case, operation, paging, query, paging.first, None)
            if not api.accepted(answer):
                return None
            total = total_of(body_of(answer))
            if total is None:  # a list that reports no total: count it at the largest page size
                largest = paging.max_size or LARGEST
                total = sum(map(len, walk(api, case, operation, paging, query, size=largest)))
            if total < 2 or total in tried:
                return None
            tried.add(total)
            walks = [(size, size) for size in boundary_sizes(total, paging)]
        reference: set[str] | None = None
        for page_size, size in walks:
            answers: list[Any] = []
            pages = list(walk(api, case, operation, paging, query, size=size, answers=answers))
            problems = judge(pages, answers, page_size, reference)
            if pages and pages[-1]:
                # The page after the last: empty (or refused), even when the last one was full.
                done = sum(map(len, pages)) if paging.counts_items else len(pages)
                after = fetch(api, case, operation, paging, query, paging.first + done, size)
                extra = items_of(body_of(after)) if api.accepted(after) else []
                if extra:
                    problems.append(
                        f"the page after the last ({paging.index}={paging.first + done}) holds {len(extra)} items"
                    )
            if problems:
                raise AssertionError(
                    f"{operation.operation_id} walked {paging.size or 'fixed-size pages'}={page_size}: "
                    + "; ".join(problems)
                )
            reference = {_identity(item) for page in pages for item in page}
        return None

    return judging(paging_is_sound)


def _selectable(operation: Operation, name: str) -> bool:
    return any(parameter.name == name and parameter.selectable_fields for parameter in operation.parameters)

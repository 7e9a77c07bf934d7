"""The paging check (checks/paging.py): sizes at the boundaries, offset and fixed-size lists, bugs planted."""

from __future__ import annotations

import pytest

from partner_apis.simulators.harness import serve
from tests.contract.checks.paging import Paging, boundary_sizes, paging_check
from tests.contract.checks.tiny_app import FIXED_PAGE_SIZE, TinyApi, tiny_app


def test_boundary_sizes_include_exact_multiples_and_others() -> None:
    paging = Paging("offset", "size", counts_items=True, first=0, min_size=1, max_size=50)
    sizes = boundary_sizes(12, paging)
    assert {1, 6, 12} <= set(sizes)  # 12 is an exact multiple of each
    assert any(12 % size for size in sizes)  # and not of some
    assert all(1 <= size <= 50 for size in sizes)
    assert max(boundary_sizes(500, paging)) <= 50  # within the parameter's bounds


@pytest.mark.parametrize("bugs", [(), ("offset_overlap",)], ids=["sound", "offset_overlap"])
def test_an_offset_list_is_walked_at_exact_multiples(bugs: tuple[str, ...]) -> None:
    with serve(tiny_app(bugs)) as server:
        api = TinyApi(server.root_url)
        check = paging_check(api.api)
        for n in range(6):
            api.create(f"item {n}")
        case, response = api.send("listItems")
        if bugs:
            with pytest.raises(AssertionError, match="listed more than once"):
                check(None, response, case)
        else:
            check(None, response, case)


@pytest.mark.parametrize("bugs", [(), ("fixed_next_at_multiple",)], ids=["sound", "fixed_next_at_multiple"])
def test_a_fixed_size_list_is_topped_up_to_a_multiple_of_its_page_size(bugs: tuple[str, ...]) -> None:
    with serve(tiny_app(bugs)) as server:
        api = TinyApi(server.root_url)
        check = paging_check(api.api)
        api.create("the only one")  # 1 item: the check learns the page size (3) by creating, then tops up
        case, response = api.send("listPages")
        if bugs:
            with pytest.raises(AssertionError, match="links a next page, and the next page is empty"):
                check(None, response, case)
        else:
            check(None, response, case)
        total = api.a.send(api.case("listPages")).json()["total"]
        assert total % FIXED_PAGE_SIZE == 0

"""The field selection check (checks/field_selection.py), against the tiny API with and without the projection."""

from __future__ import annotations

import pytest

from partner_apis.simulators.harness import serve
from tests.contract.checks.field_selection import field_selection_check
from tests.contract.checks.tiny_app import TinyApi, tiny_app


@pytest.mark.parametrize("bugs", [(), ("fields_ignored",)], ids=["sound", "fields_ignored"])
def test_each_item_carries_exactly_the_fields_selected(bugs: tuple[str, ...]) -> None:
    with serve(tiny_app(bugs)) as server:
        api = TinyApi(server.root_url)
        check = field_selection_check(api.api)
        api.create("one")
        case, response = api.send("listItems", query={"fields": "name"})
        if bugs:
            with pytest.raises(AssertionError, match=r"fields='name': an item carries \['colour', 'id'\]"):
                check(None, response, case)
        else:
            check(None, response, case)


def test_the_run_asks_for_each_field_even_when_it_generated_none() -> None:
    # The answer the run got (default fields) is right; the check's own probes find the bug.
    with serve(tiny_app(["fields_ignored"])) as server:
        api = TinyApi(server.root_url)
        check = field_selection_check(api.api)
        api.create("one")
        case, response = api.send("listItems", query={"fields": "id,name,colour"})
        with pytest.raises(AssertionError, match="fields=id: an item carries"):
            check(None, response, case)

"""The read-after-write check (checks/read_after_write.py), against the tiny API with and without a lost write."""

from __future__ import annotations

import copy

import pytest

from partner_apis.simulators.harness import serve
from partner_apis.specs import ApiSpec
from tests.contract.checks.common import Api
from tests.contract.checks.read_after_write import read_after_write_check, same_value
from tests.contract.checks.tiny_app import SPEC, TinyApi, tiny_app


@pytest.mark.parametrize("bugs", [(), ("lost_write",)], ids=["sound", "lost_write"])
def test_an_update_is_read_back_from_the_record_and_the_list(bugs: tuple[str, ...]) -> None:
    with serve(tiny_app(bugs)) as server:
        api = TinyApi(server.root_url)
        check = read_after_write_check(api.api)
        for n in range(12):  # past the first page of the list (its default size is 10)
            api.create(f"item {n}")
        case, response = api.send("updateItem", path_parameters={"id": 12}, body={"colour": "BLUE"})
        assert response.json()["colour"] == "BLUE"  # the answer shows the change either way
        if bugs:
            with pytest.raises(AssertionError, match="getItem of 12 shows colour='red' where it sent 'BLUE'"):
                check(None, response, case)
        else:
            check(None, response, case)


def test_a_create_is_found_in_the_list_and_read_back() -> None:
    with serve(tiny_app()) as server:
        api = TinyApi(server.root_url)
        check = read_after_write_check(api.api)
        case, response = api.send("createItem", body={"name": "new", "colour": "green"}, media_type="application/json")
        check(None, response, case)


@pytest.mark.parametrize("bugs", [(), ("delete_keeps",)], ids=["sound", "delete_keeps"])
def test_a_deleted_record_is_gone_from_its_read(bugs: tuple[str, ...]) -> None:
    with serve(tiny_app(bugs)) as server:
        api = TinyApi(server.root_url)
        check = read_after_write_check(api.api)
        item = api.create("doomed")
        case, response = api.send("deleteItem", path_parameters={"id": item})
        assert response.status_code == 204
        if bugs:
            with pytest.raises(AssertionError, match=rf"succeeded, yet getItem of {item} still answers it"):
                check(None, response, case)
        else:
            check(None, response, case)


@pytest.mark.parametrize("bugs", [(), ("archive_listed",)], ids=["sound", "archive_listed"])
def test_an_action_that_leaves_a_list_is_not_listed_after_it(bugs: tuple[str, ...]) -> None:
    with serve(tiny_app(bugs)) as server:
        api = TinyApi(server.root_url)
        check = read_after_write_check(api.api)
        item = api.create("old")
        # The note is a reply (x-reply-body): the item's own name stays "old", and that is no failure.
        case, response = api.send("archiveItem", path_parameters={"id": item}, body={"name": "archived for audit"})
        assert response.status_code == 200
        if bugs:
            with pytest.raises(AssertionError, match=rf"succeeded, yet listItems still lists {item}"):
                check(None, response, case)
        else:
            check(None, response, case)


def test_without_x_reply_body_an_actions_body_is_compared_as_the_records_fields() -> None:
    spec = copy.deepcopy(SPEC)
    del spec["paths"]["/items/{id}/archive"]["post"]["x-reply-body"]
    with serve(tiny_app()) as server:
        api = TinyApi(server.root_url)
        check = read_after_write_check(Api(ApiSpec("tiny", spec), caller=lambda case: api.a))
        item = api.create("old")
        case, response = api.send("archiveItem", path_parameters={"id": item}, body={"name": "archived for audit"})
        with pytest.raises(AssertionError, match="shows name='old' where it sent 'archived for audit'"):
            check(None, response, case)


def test_a_refused_write_is_not_read_back() -> None:
    with serve(tiny_app(["lost_write"])) as server:
        api = TinyApi(server.root_url)
        check = read_after_write_check(api.api)
        case, response = api.send("updateItem", path_parameters={"id": 404}, body={"colour": "blue"})
        assert response.status_code == 404
        check(None, response, case)


def test_values_compare_loosely_unless_the_answer_showed_them() -> None:
    assert same_value("open", "Open")
    assert same_value("true", True)
    assert same_value(3, 3.0)
    assert same_value("profile-uid", {"uid": "profile-uid", "name": "Gold"})
    assert same_value(["chat"], [{"id": 1, "name": "CHAT"}])  # a reference by name
    assert same_value({"a": 1, "b": 2}, {"a": 1})  # keys the read does not carry are not compared
    assert not same_value("open", "Closed")
    assert not same_value([1, 2], [1])
    assert not same_value("open", "Open", strict=True)
    assert not same_value(1, True)

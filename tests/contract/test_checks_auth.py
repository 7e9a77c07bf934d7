"""The auth check (checks/auth.py), against the tiny API with auth enforced and with one operation that ignores it."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from partner_apis.simulators.harness import serve
from tests.contract.checks.auth import auth_check
from tests.contract.checks.common import bearer
from tests.contract.checks.tiny_app import TinyApi, tiny_app


def _without_auth_on_get_item(app: Starlette) -> Starlette:
    """``app`` with getItem answering any caller (the bug): a route outside the authorised group."""

    async def open_item(request: Request) -> Response:
        return JSONResponse({"id": int(request.path_params["id"]), "name": "anyone's"})

    routes: list[Any] = [Route("/items/{id}", open_item, methods=["GET"]), *app.routes]
    return Starlette(routes=routes)


@pytest.mark.parametrize("planted", [False, True], ids=["sound", "get_item_ignores_auth"])
def test_an_accepted_call_is_refused_without_a_token_and_with_a_wrong_one(planted: bool) -> None:
    app = tiny_app()
    with serve(_without_auth_on_get_item(app) if planted else app) as server:
        api = TinyApi(server.root_url)
        check = auth_check(api.api, bearer)
        item = api.create("mine")
        case, response = api.send("getItem", path_parameters={"id": item})
        if planted:
            with pytest.raises(AssertionError, match=r"GET /items/\{id\} accepted a request without a token"):
                check(None, response, case)
        else:
            check(None, response, case)


def test_the_bearer_placement_removes_the_header_for_no_token() -> None:
    with serve(tiny_app()) as server:
        case = TinyApi(server.root_url).case("listItems", headers={"Authorization": "Bearer x", "X-Other": "1"})
        bearer(case, None)
        assert case.headers == {"X-Other": "1"}
        bearer(case, "t")
        assert case.headers == {"X-Other": "1", "Authorization": "Bearer t"}

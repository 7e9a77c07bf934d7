"""A tiny API, its spec and its server, for the checks' own tests: each check's bug can be planted in it.

``tenant-a`` and ``tenant-b`` log in at ``POST /oauth/token`` (form ``tenant``) for tokens
that live ``lifetime`` seconds; ``/items`` is a per-tenant collection paged by
``offset``/``size`` with a ``fields`` selection; ``/pages`` is the same list by
``pageIndex`` with a fixed page size of 3 and ``nextPage`` links; an item archived
(``POST /items/{id}/archive``, a note in the body) is read still but no longer listed. ``bugs`` plants the bugs
the checks exist for (:data:`BUGS`).
"""

from __future__ import annotations

import itertools
import secrets
import time
from collections.abc import Iterable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

__all__ = ["BUGS", "FIXED_PAGE_SIZE", "SPEC", "tiny_app"]

FIXED_PAGE_SIZE = 3
BUGS = frozenset(
    {
        "leak",  # getItem and listItems ignore the owner
        "lost_write",  # updateItem answers the change and keeps nothing
        "no_expiry",  # tokens never expire
        "offset_overlap",  # a page at an exact multiple repeats the previous page's last item
        "fixed_next_at_multiple",  # /pages links a next page after a full last page
        "fields_ignored",  # listItems answers every field whatever is asked
        "delete_keeps",  # deleteItem answers 204 and keeps the item
        "archive_listed",  # archiveItem answers 200 and the item stays in listItems
    }
)

_ITEM = {
    "type": "object",
    "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "colour": {"type": "string"}},
}
_ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}]
_PAGE = [
    {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}},
    {"name": "size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 50}},
    {
        "name": "fields",
        "in": "query",
        "schema": {"type": "string"},
        "x-selectable-fields": ["id", "name", "colour"],
        "x-default-fields": ["id", "name"],
    },
]
_OK = {"200": {"description": "ok", "content": {"application/json": {"schema": _ITEM}}}}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "tiny", "version": "1"},
    "servers": [{"url": "/"}],
    "security": [{"bearer": []}],
    "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    "paths": {
        "/oauth/token": {
            "post": {
                "operationId": "getToken",
                "x-idempotent": False,
                "security": [],
                "requestBody": {
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {"type": "object", "properties": {"tenant": {"type": "string"}}}
                        }
                    }
                },
                "responses": {"200": {"description": "a token"}},
            }
        },
        "/items": {
            "get": {
                "operationId": "listItems",
                "x-idempotent": True,
                "parameters": _PAGE,
                "responses": {"200": {"description": "a page"}},
            },
            "post": {
                "operationId": "createItem",
                "x-idempotent": False,
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": _ITEM,
                            "examples": {"sample": {"value": {"name": "widget", "colour": "red"}}},
                        }
                    }
                },
                "responses": {
                    "200": {
                        "description": "created",
                        "content": {"application/json": {"schema": _ITEM}},
                        "links": {"GetItem": {"operationId": "getItem", "parameters": {"id": "$response.body#/id"}}},
                    }
                },
            },
        },
        "/items/{id}": {
            "get": {"operationId": "getItem", "x-idempotent": True, "parameters": _ID, "responses": _OK},
            "delete": {
                "operationId": "deleteItem",
                "x-idempotent": True,
                "parameters": _ID,
                "responses": {"204": {"description": "deleted"}},
            },
            "put": {
                "operationId": "updateItem",
                "x-idempotent": True,
                "parameters": _ID,
                "requestBody": {"content": {"application/json": {"schema": _ITEM}}},
                "responses": _OK,
            },
        },
        "/items/{id}/archive": {
            "post": {
                # An action whose body is a note about the item, not its fields; an archived
                # item is still read by getItem but leaves listItems.
                "operationId": "archiveItem",
                "x-idempotent": True,
                "x-leaves-lists": ["listItems"],
                "x-reply-body": True,
                "parameters": _ID,
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}}}}
                    }
                },
                "responses": {"200": {"description": "archived"}},
            }
        },
        "/pages": {
            "get": {
                "operationId": "listPages",
                "x-idempotent": True,
                "parameters": [{"name": "pageIndex", "in": "query", "schema": {"type": "integer", "minimum": 1}}],
                "responses": {"200": {"description": "a page"}},
            },
            "post": {
                "operationId": "createPage",
                "x-idempotent": False,
                "requestBody": {
                    "content": {
                        "application/json": {"schema": _ITEM, "examples": {"sample": {"value": {"name": "leaf"}}}}
                    }
                },
                "responses": {"200": {"description": "created", "content": {"application/json": {"schema": _ITEM}}}},
            },
        },
    },
}


def tiny_app(bugs: Iterable[str] = (), *, lifetime: float = 3600.0) -> Starlette:
    """The tiny API with ``bugs`` planted (names from :data:`BUGS`; ValueError for another)."""
    planted = set(bugs)
    if planted - BUGS:
        raise ValueError(f"unknown bugs: {sorted(planted - BUGS)}")
    tokens: dict[str, tuple[str, float]] = {}
    items: dict[int, dict[str, Any]] = {}
    owners: dict[int, str] = {}
    archived: set[int] = set()
    ids = itertools.count(1)

    def caller(request: Request) -> str | None:
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        tenant, expires = tokens.get(token, (None, 0.0))
        return tenant if tenant and ("no_expiry" in planted or time.monotonic() < expires) else None

    def denied() -> Response:
        return JSONResponse({"error": "unauthorized"}, 401)

    async def token(request: Request) -> Response:
        from urllib.parse import parse_qs

        form = parse_qs((await request.body()).decode())
        tenant = form.get("tenant", [""])[-1]
        if tenant not in {"tenant-a", "tenant-b"}:
            return JSONResponse({"error": "invalid_grant"}, 400)
        access = secrets.token_urlsafe(16)
        tokens[access] = (tenant, time.monotonic() + lifetime)
        return JSONResponse({"access_token": access, "token_type": "bearer", "expires_in": lifetime})

    def visible(tenant: str) -> list[dict[str, Any]]:
        return [item for item_id, item in items.items() if "leak" in planted or owners[item_id] == tenant]

    async def list_items(request: Request) -> Response:
        tenant = caller(request)
        if tenant is None:
            return denied()
        offset, size = int(request.query_params.get("offset", 0)), int(request.query_params.get("size", 10))
        mine = [item for item in visible(tenant) if item["id"] not in archived]
        start = offset - 1 if "offset_overlap" in planted and offset and offset % size == 0 else offset
        fields = request.query_params.get("fields", "id,name").split(",")
        page = mine[start : offset + size]
        shown = page if "fields_ignored" in planted else [{name: item[name] for name in fields} for item in page]
        return JSONResponse({"items": shown, "count": len(mine)})

    async def create(request: Request) -> Response:
        tenant = caller(request)
        if tenant is None:
            return denied()
        item_id = next(ids)
        items[item_id] = {"name": "", "colour": "", **(await request.json()), "id": item_id}
        owners[item_id] = tenant
        return JSONResponse(items[item_id])

    def named(request: Request) -> dict[str, Any] | Response:
        """The caller's item the path names, or the answer refusing it (401, 404)."""
        tenant = caller(request)
        if tenant is None:
            return denied()
        found = next((i for i in visible(tenant) if str(i["id"]) == request.path_params["id"]), None)
        return JSONResponse({"error": "not found"}, 404) if found is None else found

    async def item(request: Request) -> Response:
        found = named(request)
        if isinstance(found, Response):
            return found
        if request.method == "GET":
            return JSONResponse(found)
        if request.method == "DELETE":
            if "delete_keeps" not in planted:
                del items[found["id"]]
            return Response(status_code=204)
        changed = {**found, **(await request.json()), "id": found["id"]}
        if "lost_write" not in planted:
            found.update(changed)
        return JSONResponse(changed)

    async def archive(request: Request) -> Response:
        found = named(request)
        if isinstance(found, Response):
            return found
        if "archive_listed" not in planted:
            archived.add(found["id"])
        return Response(status_code=200)

    async def pages(request: Request) -> Response:
        tenant = caller(request)
        if tenant is None:
            return denied()
        if request.method == "POST":
            return await create(request)
        index = int(request.query_params.get("pageIndex", 1))
        mine = visible(tenant)
        more = index * FIXED_PAGE_SIZE <= len(mine) if "fixed_next_at_multiple" in planted else None
        if more is None:
            more = index * FIXED_PAGE_SIZE < len(mine)
        page = mine[(index - 1) * FIXED_PAGE_SIZE : index * FIXED_PAGE_SIZE]
        next_page = str(request.url.include_query_params(pageIndex=index + 1)) if more else ""
        return JSONResponse({"total": len(mine), "nextPage": next_page, "sites": page})

    return Starlette(
        routes=[
            Route("/oauth/token", token, methods=["POST"]),
            Route("/items", list_items, methods=["GET"]),
            Route("/items", create, methods=["POST"]),
            Route("/items/{id}", item, methods=["GET", "PUT", "DELETE"]),
            Route("/items/{id}/archive", archive, methods=["POST"]),
            Route("/pages", pages, methods=["GET", "POST"]),
        ]
    )


class TinyApi:
    """The tiny API served on loopback, as the checks see it: the Schemathesis schema, the :class:`Api` and helpers."""

    def __init__(self, root_url: str) -> None:
        import httpx
        import schemathesis

        from partner_apis.specs import ApiSpec

        from .common import Api, Identity

        self.root_url = root_url
        self.schema = schemathesis.openapi.from_dict(SPEC)
        self.schema.config.update(base_url=root_url)

        def login(tenant: str) -> Any:
            def fetch(base_url: str) -> dict[str, Any]:
                answer: dict[str, Any] = httpx.post(base_url + "/oauth/token", data={"tenant": tenant}).json()
                return answer

            return fetch

        self.login_answer = login("tenant-a")
        self.a = Identity("tenant-a", lambda base_url: str(login("tenant-a")(base_url)["access_token"]))
        self.b = Identity("tenant-b", lambda base_url: str(login("tenant-b")(base_url)["access_token"]))
        self.api = Api(ApiSpec("tiny", SPEC), caller=lambda case: self.a, others=(self.b,))

    def case(self, operation_id: str, **parts: Any) -> Any:
        """A case of ``operation_id`` (``path_parameters=``, ``query=``, ``body=``)."""
        return self.schema.find_operation_by_id(operation_id).Case(**parts)

    def send(self, operation_id: str, **parts: Any) -> tuple[Any, Any]:
        """(case, response): ``operation_id`` sent as tenant-a, as the run would send it."""
        case = self.case(operation_id, **parts)
        return case, self.a.send(case)

    def create(self, name: str, colour: str = "red") -> int:
        """A new item of tenant-a; its id."""
        _, response = self.send("createItem", body={"name": name, "colour": colour}, media_type="application/json")
        item_id: int = response.json()["id"]
        return item_id

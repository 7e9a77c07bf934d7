"""The breaking-change report: which spec changes break a client, read from two specs or two git refs."""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "breaking.py"
sys.path.insert(0, str(ROOT / "scripts"))

import breaking  # noqa: E402

JSON = "application/json"
GIT = shutil.which("git") or "git"


def _body(ref: str) -> dict[str, Any]:
    return {JSON: {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


# A small API: list (paged), create and show items.
BASE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Items", "version": "1"},
    "servers": [{"url": "http://127.0.0.1:8000/api/v1"}],
    "security": [{"token": []}],
    "paths": {
        "/items": {
            "get": {
                "operationId": "listItems",
                "parameters": [{"in": "query", "name": "page", "schema": {"type": "integer"}}],
                "responses": {"200": {"description": "The items", "content": _body("ItemList")}},
            },
            "post": {
                "operationId": "createItem",
                "requestBody": {"required": True, "content": _body("ItemCreate")},
                "responses": {"200": {"description": "The item", "content": _body("Item")}},
            },
        },
        "/items/{id}": {
            "get": {
                "operationId": "getItem",
                "parameters": [{"in": "path", "name": "id", "required": True, "schema": {"type": "integer"}}],
                "responses": {
                    "200": {"description": "The item", "content": _body("Item")},
                    "404": {"description": "No such item"},
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Item": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {
                    "id": {"type": "integer"},
                    "name": {"type": "string"},
                    "status": {"type": "string", "enum": ["active", "inactive"]},
                    "note": {"type": "string"},
                    "created": {"type": "string", "format": "date-time"},
                    "owner": {
                        "anyOf": [
                            {"title": "Person", "type": "object", "properties": {"name": {"type": "string"}}},
                            {"title": "Team", "type": "object", "properties": {"team": {"type": "string"}}},
                        ]
                    },
                },
            },
            "ItemCreate": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "maxLength": 50},
                    "kind": {"type": "string", "enum": ["a", "b"]},
                    "note": {"type": ["string", "null"]},
                    "code": {"type": "string", "pattern": "^[A-Z]{3}$"},
                    "tag": {"oneOf": [{"title": "TagName", "type": "string"}, {"title": "TagId", "type": "integer"}]},
                },
            },
            "ItemList": {
                "type": "object",
                "properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}},
            },
        },
        "securitySchemes": {"token": {"type": "apiKey", "in": "query", "name": "token"}},
    },
}

Edit = Callable[[dict[str, Any]], None]


def _changes(edit: Edit) -> list[breaking.Change]:
    new = copy.deepcopy(BASE)
    edit(new)
    return breaking.SpecDiff(copy.deepcopy(BASE), new).run()


def _schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = spec["components"]["schemas"][name]
    return schema


def _move_show(spec: dict[str, Any]) -> None:
    spec["paths"]["/things/{id}"] = spec["paths"].pop("/items/{id}")


def _rename_path_parameter(spec: dict[str, Any]) -> None:
    item = spec["paths"].pop("/items/{id}")
    item["get"]["parameters"][0]["name"] = "item_id"
    spec["paths"]["/items/{item_id}"] = item


def _add_query(required: bool) -> Edit:
    def edit(spec: dict[str, Any]) -> None:
        parameter = {"in": "query", "name": "search", "required": required, "schema": {"type": "string"}}
        spec["paths"]["/items"]["get"]["parameters"].append(parameter)

    return edit


def _add_field(schema: str, name: str, required: bool) -> Edit:
    def edit(spec: dict[str, Any]) -> None:
        _schema(spec, schema)["properties"][name] = {"type": "string"}
        if required:
            _schema(spec, schema)["required"].append(name)

    return edit


def _rename_field(spec: dict[str, Any]) -> None:
    properties = _schema(spec, "Item")["properties"]
    properties["comment"] = properties.pop("note")


def _field(schema: str, name: str, **changes: Any) -> Edit:
    """An edit that sets (or with None removes) keywords of one property of a component schema."""

    def edit(spec: dict[str, Any]) -> None:
        field = _schema(spec, schema)["properties"][name]
        for key, value in changes.items():
            if value is None:
                field.pop(key)
            else:
                field[key] = value

    return edit


def _drop_field(schema: str, name: str) -> Edit:
    return lambda spec: _schema(spec, schema)["properties"].pop(name)


def _operation(path: str, method: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def find(spec: dict[str, Any]) -> dict[str, Any]:
        found: dict[str, Any] = spec["paths"][path][method]
        return found

    return find


_list, _show = _operation("/items", "get"), _operation("/items/{id}", "get")
_DELETE = {"operationId": "deleteItem", "responses": {"200": {"description": "ok"}}}
_OTHER_SERVER = {"url": "http://127.0.0.1:9000/v2"}
_TEXT = "text/plain"
_HEADER_TOKEN = {"type": "apiKey", "in": "header", "name": "X-Token"}


def _union(schema: str, name: str, word: str) -> list[dict[str, Any]]:
    members: list[dict[str, Any]] = BASE["components"]["schemas"][schema]["properties"][name][word]
    return copy.deepcopy(members)


def _schemes(spec: dict[str, Any]) -> dict[str, Any]:
    schemes: dict[str, Any] = spec["components"]["securitySchemes"]
    return schemes


# Each edit of BASE, whether it breaks a client, and the words its row must hold.
RULES: list[tuple[str, Edit, bool, str]] = [
    ("an operation removed", lambda s: s["paths"]["/items/{id}"].pop("get"), True, "operation removed"),
    ("a method removed", lambda s: s["paths"]["/items"].pop("post"), True, "operation removed"),
    ("an operation moved to another path", _move_show, True, "moved to `GET /things/{id}`"),
    ("an operation renamed", lambda s: _show(s).update(operationId="showItem"), True, "operationId renamed"),
    ("an operation added", lambda s: s["paths"]["/items/{id}"].update(delete=_DELETE), False, "operation added"),
    ("a server removed", lambda s: s.update(servers=[_OTHER_SERVER]), True, '"http://127.0.0.1:8000/api/v1"` removed'),
    ("a server added", lambda s: s["servers"].append(_OTHER_SERVER), False, '"http://127.0.0.1:9000/v2"` added'),
    (
        "another server made the default",
        lambda s: s["servers"].insert(0, _OTHER_SERVER),
        False,
        'default (first) server now `"http://127.0.0.1:9000/v2"`',
    ),
    ("a parameter removed", lambda s: _list(s).pop("parameters"), True, "query parameter `page`"),
    ("a required parameter added", _add_query(required=True), True, "added (required)"),
    ("an optional parameter added", _add_query(required=False), False, "added (optional)"),
    (
        "a parameter that became required",
        lambda s: _list(s)["parameters"][0].update(required=True),
        True,
        "became required",
    ),
    ("a path parameter renamed", _rename_path_parameter, False, "renamed `item_id`"),
    (
        "a parameter's type changed",
        lambda s: _list(s)["parameters"][0]["schema"].update(type="string"),
        True,
        "type `integer` -> `string`",
    ),
    ("a request field removed", _drop_field("ItemCreate", "note"), True, "`note`: field removed"),
    (
        "a request field added as required",
        _add_field("ItemCreate", "colour", required=True),
        True,
        "field added (required)",
    ),
    (
        "a request field added as optional",
        _add_field("ItemCreate", "colour", required=False),
        False,
        "field added (optional)",
    ),
    (
        "a request field that became required",
        lambda s: _schema(s, "ItemCreate")["required"].append("kind"),
        True,
        "`kind`: became required",
    ),
    (
        "a request field's type widened",
        _field("ItemCreate", "name", type=["string", "null"]),
        False,
        "type `string` -> `string | null`",
    ),
    (
        "a request field's type narrowed",
        _field("ItemCreate", "note", type="string"),
        True,
        "type `string | null` -> `string`",
    ),
    ("a request enum value removed", _field("ItemCreate", "kind", enum=["a"]), True, 'enum value(s) `"b"` removed'),
    (
        "a request enum value added",
        _field("ItemCreate", "kind", enum=["a", "b", "c"]),
        False,
        'enum value(s) `"c"` added',
    ),
    ("an enum put on a request field", _field("ItemCreate", "name", enum=["x"]), True, 'now limited to `"x"`'),
    ("a request constraint tightened", _field("ItemCreate", "name", maxLength=20), True, "`maxLength` 50 -> 20"),
    ("a request constraint loosened", _field("ItemCreate", "name", maxLength=100), False, "`maxLength` 50 -> 100"),
    ("a response field removed", _drop_field("Item", "note"), True, "`note`: field removed"),
    ("a response field renamed", _rename_field, True, "`note`: field removed (renamed `comment`?)"),
    ("a response field added", _add_field("Item", "colour", required=True), False, "`colour`: field added (required)"),
    (
        "a required response field made optional",
        lambda s: _schema(s, "Item")["required"].remove("name"),
        True,
        "`name`: became optional",
    ),
    ("a response field's type changed", _field("Item", "id", type="string"), True, "`id`: type `integer` -> `string`"),
    (
        "a response field that may now be null",
        _field("Item", "id", type=["integer", "null"]),
        True,
        "`integer` -> `integer | null`",
    ),
    ("a format changed", _field("Item", "created", format="date"), True, "format `date-time` -> `date`"),
    (
        "a response enum value added",
        _field("Item", "status", enum=["active", "inactive", "archived"]),
        False,
        '`"archived"` added',
    ),
    (
        "a response enum value removed",
        _field("Item", "status", enum=["active"]),
        True,
        'enum value(s) `"inactive"` removed',
    ),
    ("a response status removed", lambda s: _show(s)["responses"].pop("404"), True, "response 404"),
    ("a security scheme removed", lambda s: _schemes(s).pop("token"), True, "scheme `token` removed"),
    ("a security scheme moved", lambda s: _schemes(s).update(token=_HEADER_TOKEN), True, "`in` 'query' -> 'header'"),
    ("a security scheme added", lambda s: _schemes(s).update(other=_HEADER_TOKEN), False, "scheme `other` added"),
    (
        "a security requirement the client did not meet",
        lambda s: _show(s).update(security=[{"token": [], "other": []}]),
        True,
        "security now other+token",
    ),
    ("a security requirement dropped", lambda s: _show(s).update(security=[]), False, "security now none"),
    (
        "a request body removed",
        lambda s: _operation("/items", "post")(s).pop("requestBody"),
        True,
        "request body: removed",
    ),
    ("a response status added", lambda s: _list(s)["responses"].update({"404": {"description": "no"}}), False, "404"),
    (
        "a request media type removed",
        lambda s: _operation("/items", "post")(s)["requestBody"].update(
            content={_TEXT: {"schema": {"type": "string"}}}
        ),
        True,
        "media type `application/json` removed",
    ),
    (
        "a response media type added",
        lambda s: _show(s)["responses"]["200"]["content"].update({_TEXT: {"schema": {"type": "string"}}}),
        False,
        "media type `text/plain` added",
    ),
    (
        "other fields refused in a request",
        lambda s: _schema(s, "ItemCreate").update(additionalProperties=False),
        True,
        "no longer admits other fields",
    ),
    ("an enum taken off a request field", _field("ItemCreate", "kind", enum=None), False, "no longer limited to"),
    ("a request constraint dropped", _field("ItemCreate", "name", maxLength=None), False, "`maxLength` 50 dropped"),
    (
        "a request pattern changed",
        _field("ItemCreate", "code", pattern="^[A-Z]{2}$"),
        True,
        '`pattern` `"^[A-Z]{3}$"` -> `"^[A-Z]{2}$"`',
    ),
    ("a request pattern dropped", _field("ItemCreate", "code", pattern=None), False, "`pattern` dropped"),
    (
        "a request union member removed",
        _field("ItemCreate", "tag", oneOf=_union("ItemCreate", "tag", "oneOf")[:1]),
        True,
        "oneOf member `TagId` removed",
    ),
    (
        "a request union member added",
        _field(
            "ItemCreate", "tag", oneOf=[*_union("ItemCreate", "tag", "oneOf"), {"title": "TagList", "type": "array"}]
        ),
        False,
        "oneOf member `TagList` added",
    ),
    (
        "a response union member removed",
        _field("Item", "owner", anyOf=_union("Item", "owner", "anyOf")[:1]),
        False,
        "anyOf member `Team` removed",
    ),
    (
        "a response union member added",
        _field("Item", "owner", anyOf=[*_union("Item", "owner", "anyOf"), {"title": "Bot", "type": "string"}]),
        True,
        "anyOf member `Bot` added",
    ),
    (
        "a field inside a union member removed",
        lambda s: _schema(s, "Item")["properties"]["owner"]["anyOf"][0]["properties"].pop("name"),
        True,
        "`owner<Person>.name`: field removed",
    ),
    (
        "a request body made required",
        lambda s: _list(s).update(requestBody={"required": True, "content": _body("ItemCreate")}),
        True,
        "request body",
    ),
]


@pytest.mark.parametrize(("edit", "breaks", "words"), [rule[1:] for rule in RULES], ids=[rule[0] for rule in RULES])
def test_each_change_is_classified(edit: Edit, breaks: bool, words: str) -> None:
    changes = _changes(edit)
    rows = [change for change in changes if words in f"{change.where}: {change.what}"]
    assert rows, f"no row says {words!r}: {changes}"
    assert {change.breaking for change in rows} == {breaks}, changes
    # A compatible edit leaves no breaking row at all, whatever row it is reported in.
    if not breaks:
        assert not [change for change in changes if change.breaking], changes


# Edits read backwards (the edited spec is the old one): what loosening looks like.
BACKWARDS: list[tuple[str, Edit, bool, str]] = [
    (
        "a parameter made optional",
        lambda s: _list(s)["parameters"][0].update(required=True),
        False,
        "query parameter `page`: became optional",
    ),
    (
        "a request body that became required",
        lambda s: _operation("/items", "post")(s)["requestBody"].update(required=False),
        True,
        "request body: became required",
    ),
    ("a request field made optional", lambda s: _schema(s, "ItemCreate")["required"].append("kind"), False, "optional"),
]


@pytest.mark.parametrize(
    ("edit", "breaks", "words"), [rule[1:] for rule in BACKWARDS], ids=[rule[0] for rule in BACKWARDS]
)
def test_each_change_is_classified_backwards(edit: Edit, breaks: bool, words: str) -> None:
    old = copy.deepcopy(BASE)
    edit(old)
    changes = breaking.SpecDiff(old, copy.deepcopy(BASE)).run()
    rows = [change for change in changes if words in f"{change.where}: {change.what}"]
    assert rows, f"no row says {words!r}: {changes}"
    assert {change.breaking for change in changes} == {breaks}, changes


def test_a_field_deep_in_an_answer_is_named_by_its_path_through_the_arrays() -> None:
    changes = _changes(lambda s: _schema(s, "Item")["properties"].pop("note"))
    wheres = {change.where for change in changes if change.breaking}
    assert "`GET /items` (listItems) response 200: `data[].note`" in wheres
    assert "`GET /items/{id}` (getItem) response 200: `note`" in wheres


def test_the_same_spec_has_no_change() -> None:
    assert _changes(lambda s: None) == []


def _write(folder: Path, name: str, spec: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False, cwd=cwd)


def test_exit_status_is_one_for_a_breaking_change_and_zero_otherwise(tmp_path: Path) -> None:
    old = _write(tmp_path, "items.yaml", BASE)
    removed = copy.deepcopy(BASE)
    removed["paths"]["/items/{id}"].pop("get")
    added = copy.deepcopy(BASE)
    _add_query(required=False)(added)
    out = tmp_path / "report.md"
    result = _run(str(old), str(_write(tmp_path, "removed.yaml", removed)), "--no-python", "--out", str(out))
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "| **breaking** | `GET /items/{id}` (getItem) | operation removed |" in out.read_text(encoding="utf-8")
    assert "unacknowledged breaking change(s) in items" in result.stderr
    result = _run(str(old), str(_write(tmp_path, "added.yaml", added)), "--no-python")
    assert result.returncode == 0, result.stderr
    assert "No breaking change." in result.stdout
    assert "| compatible | `GET /items` (listItems) query parameter `search` | added (optional) |" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot be read"),
        ("openapi: [3.1\n", "not valid YAML at line 2"),
        ("just: a mapping\n", "not an OpenAPI document"),
    ],
    ids=["missing file", "not YAML", "not OpenAPI"],
)
def test_bad_input_is_exit_two_with_one_line_and_no_traceback(
    tmp_path: Path, content: str | None, message: str
) -> None:
    old = _write(tmp_path, "items.yaml", BASE)
    bad = tmp_path / "bad.yaml"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    result = _run(str(old), str(bad), "--no-python")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_the_generated_python_surface_is_compared_with_griffe(tmp_path: Path) -> None:
    # A response field removed: the attrs model and the pydantic model both lose it. An
    # optional parameter added: the generated functions gain a keyword with a default, which
    # breaks no caller.
    new = copy.deepcopy(BASE)
    _schema(new, "Item")["properties"].pop("note")
    _add_query(required=False)(new)
    comparison = breaking.compare("items", "old", yaml.safe_dump(BASE), "new", yaml.safe_dump(new), python=True)
    assert comparison.python is not None
    removed = {change.where for change in comparison.python if "Public object was removed" in change.what}
    assert "`items_client.models.item.Item.note`" in removed
    assert "`models.items.Item.note`" in removed
    assert all("list_items" not in change.where for change in comparison.python), comparison.python


def test_a_griffe_value_is_shown_by_its_source_never_by_a_repr_with_a_path() -> None:
    import griffe

    assert breaking._shown([griffe.ExprName("StrEnum")]) == "StrEnum"
    assert breaking._shown([]) == "none"


def _git(repo: Path, *args: str) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    done = subprocess.run([GIT, *identity, *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def test_git_refs_and_the_acknowledging_commit_trailer(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "specs").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    spec = repo / "specs" / "items.yaml"
    spec.write_text(yaml.safe_dump(BASE, sort_keys=False), encoding="utf-8")
    _git(repo, "add", "specs")
    _git(repo, "commit", "-q", "-m", "Items API")
    compatible = copy.deepcopy(BASE)
    _add_query(required=False)(compatible)
    spec.write_text(yaml.safe_dump(compatible, sort_keys=False), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "Items: search")
    # CI mode, against the last commit: a compatible edit passes.
    result = _run("--no-python", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert "## items: HEAD~1:specs/items.yaml -> HEAD:specs/items.yaml" in result.stdout

    broken = copy.deepcopy(compatible)
    broken["paths"]["/items/{id}"].pop("get")
    spec.write_text(yaml.safe_dump(broken, sort_keys=False), encoding="utf-8")
    # The working tree against a ref: the edit is not committed yet.
    result = _run("--no-python", "--ref", "HEAD", "specs/items.yaml", cwd=repo)
    assert result.returncode == 1
    assert "operation removed" in result.stdout
    # A trailer for another API acknowledges nothing here.
    _git(repo, "commit", "-q", "-am", "Items: no show", "-m", "Breaking-Change: other-api: not this one")
    result = _run("--no-python", "--since", "HEAD~1", cwd=repo)
    assert result.returncode == 1
    assert "not acknowledged" in result.stdout
    _git(repo, "commit", "-q", "--allow-empty", "-m", "Acknowledge", "-m", "Breaking-Change: items: show moved to v2")
    result = _run("--no-python", "--since", "HEAD~2", cwd=repo)
    assert result.returncode == 0, result.stdout
    assert "acknowledged (Breaking-Change: show moved to v2)" in result.stdout
    result = _run("--no-python", "--ref", "HEAD~3..HEAD", "specs/items.yaml", cwd=repo)
    assert result.returncode == 0, result.stdout
    assert "## items: HEAD~3:specs/items.yaml -> HEAD:specs/items.yaml" in result.stdout
    # The acknowledgement is in the range compared, not anywhere in the history.
    result = _run("--no-python", "--ref", "HEAD~3..HEAD~1", "specs/items.yaml", cwd=repo)
    assert result.returncode == 1
    result = _run("--no-python", "--since", "no-such-ref", cwd=repo)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr

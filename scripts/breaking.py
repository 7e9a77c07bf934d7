"""Report what changed between two versions of an API spec, and which changes break a client.

Two layers are compared:

* **The HTTP API (the spec).** Operations are matched by method and path (path parameter
  names aside), parameters by where they go and their name (path parameters by position),
  responses by status and media type, schemas property by property through ``$ref``,
  ``allOf``, ``anyOf``/``oneOf`` (members by ``title``, else ``$ref`` name, else position)
  and ``items``.
* **The generated Python surface.** Both versions are generated into temporary folders by
  ``scripts/generate.py`` (the client package and the pydantic models module, under one
  key so the import paths match) and compared with griffe's ``find_breaking_changes``:
  removed functions, models, fields and enum members, changed signatures and types.

The rules, for a client of the API (``request`` is what the client sends, ``response``
what it receives). Breaking:

* an operation, a path or a method removed; an operation moved to another path or method
  (its operationId kept); an operation renamed (operationId changed: it names the
  generated function); a server URL removed (at the top, on a path or an operation);
* a parameter removed; a required parameter added; a parameter that became required;
* a request body removed, or added as required, or that became required; a request or
  response media type removed; a response (status) removed;
* a field removed (request or response); a request field added as required, or that became
  required; a response field that was required and no longer is (a client may now miss it);
* a type or format change, except a widening of a request (the client's old values are
  still valid: ``integer`` to ``[integer, "null"]``) or a narrowing of a response (every
  new answer is an old one);
* an enum value removed from a request (the client may send it) or from a response (the
  generated enum member disappears); an enum (or ``const``) put on a request field that
  had none; a request constraint tightened (``maxLength``, ``maximum``, ``maxItems`` down,
  ``minLength``, ``minimum``, ``minItems`` up, a ``pattern`` added or changed),
  ``additionalProperties: false`` put on a request object;
* a union member removed from a request, or added to a response (a shape the client's
  decoder does not know);
* a security requirement the client did not meet before, or a security scheme removed or
  changed (its type, location or name).

Not breaking: anything added that the client may ignore (an operation, an optional
parameter or field, a response status, a server, a request union member, an enum value in a
request); another server first (the default) while the old one stays listed; an enum
value added to a response (the generated clients keep an unknown value as a plain
``str``/``int``: specs/CONVENTIONS.md); a request constraint loosened; a renamed path
parameter (the URL on the wire is the same; the generated argument's rename is a
Python-surface change griffe reports); descriptions, examples, ``x-`` extensions, links.
Every change griffe reports in the generated surface is breaking.

Acknowledging an intended breaking change: a commit in the compared range carries the
trailer ``Breaking-Change: <key>: <why>`` (the key is the spec's file name without
``.yaml``), e.g. ``git commit -m "..." -m "Breaking-Change: omnize-partner: the 2020
revision drops URL login"``. It is read with ``git log --format=%(trailers:key=Breaking-Change,valueonly,unfold)``
and acknowledges every breaking change of that key in the range; the report names it.

Usage::

    python scripts/breaking.py OLD.yaml NEW.yaml           # two spec files
    python scripts/breaking.py --ref OLD specs/x.yaml      # OLD's version against the working tree's
    python scripts/breaking.py --ref OLD..NEW specs/x.yaml # two git refs of one spec
    python scripts/breaking.py [--since REF]               # CI: every spec changed since REF (HEAD~1) up to HEAD
    ... --out FILE        # the Markdown report into FILE instead of stdout
    ... --no-python       # the spec layer only (no generation, no griffe)

Exit status: 0 when no breaking change is left unacknowledged, 1 when one is, 2 on bad
input (a file or ref that cannot be read, a spec that is not OpenAPI, a generator failure),
with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generate
import yaml

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_TRAILER = "Breaking-Change"
# The JSON types, in the order a report lists them.
_TYPE_WORDS = ("string", "integer", "number", "boolean", "array", "object", "null")


class InputError(Exception):
    """A file, ref or spec the report cannot read; the message is one line for the user."""


@dataclass(frozen=True)
class Change:
    """One difference between two spec versions: where, what, and whether it breaks a client."""

    breaking: bool
    where: str
    what: str


@dataclass
class Comparison:
    """The changes between two versions of one API (``key``), in both layers."""

    key: str
    old_name: str
    new_name: str
    spec: list[Change] = field(default_factory=list)
    python: list[Change] | None = None  # None: the Python surface was not compared
    acknowledged: list[str] = field(default_factory=list)

    @property
    def breaking(self) -> int:
        """How many breaking changes the two layers hold."""
        return sum(change.breaking for change in [*self.spec, *(self.python or [])])


# -- Reading specs -------------------------------------------------------------------------------


def parse_spec(text: str, name: str) -> dict[str, Any]:
    """The OpenAPI document in ``text`` (read from ``name``); raises InputError when it is none."""
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise InputError(f"{name}: not valid YAML{where}") from None
    if not isinstance(document, dict) or "openapi" not in document:
        raise InputError(f"{name}: not an OpenAPI document (no top-level `openapi` field)")
    return document


def read_file(path: Path) -> str:
    """The text of ``path``; raises InputError when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot be read ({getattr(error, 'strerror', None) or error})") from None


def git(*args: str, cwd: Path | None = None) -> str:
    """``git <args>``'s output; raises InputError with git's own first line when it fails."""
    try:
        result = subprocess.run(["git", *args], capture_output=True, text=True, check=False, cwd=cwd)
    except OSError as error:
        raise InputError(f"git cannot run ({error.strerror or error})") from None
    if result.returncode != 0:
        first = next((line for line in result.stderr.splitlines() if line.strip()), "failed")
        raise InputError(f"git {args[0]}: {first.strip()}")
    return result.stdout


def show(ref: str, path: str, cwd: Path | None = None) -> str:
    """The text of ``path`` (relative to ``cwd``) at ``ref``; raises InputError."""
    return git("show", f"{ref}:./{path}" if not path.startswith("./") else f"{ref}:{path}", cwd=cwd)


def acknowledgements(revisions: str, cwd: Path | None = None) -> dict[str, list[str]]:
    """The ``Breaking-Change: <key>: <why>`` trailers of the commits in ``revisions``, by key."""
    text = git("log", f"--format=%(trailers:key={_TRAILER},valueonly,unfold)", revisions, cwd=cwd)
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        key, _, why = line.partition(":")
        if key.strip() and why.strip():
            found.setdefault(key.strip(), []).append(why.strip())
    return found


# -- The spec layer ------------------------------------------------------------------------------


def _resolve(document: Any, node: Any) -> Any:
    """``node`` with its chain of local ``$ref`` followed (a dangling or circular one stays as it is)."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(ref := node.get("$ref"), str) and ref.startswith("#/"):
        if ref in seen:
            return node
        seen.add(ref)
        target: Any = document
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or part not in target:
                return node
            target = target[part]
        node = target
    return node


def _types(schema: dict[str, Any]) -> set[str] | None:
    """The JSON types ``schema`` admits, or None when it does not say (no ``type``, ``enum`` or ``const``)."""
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared}
    if isinstance(declared, list):
        return {str(item) for item in declared}
    values = _enum(schema)
    if values is not None:
        names = {bool: "boolean", int: "integer", float: "number", str: "string", type(None): "null"}
        return {names.get(type(value), "object") for value in values}
    return None


def _type_names(types: set[str]) -> str:
    """``integer | null``: the JSON type words in their usual order."""
    return " | ".join(sorted(types, key=lambda name: (_TYPE_WORDS.index(name) if name in _TYPE_WORDS else 99, name)))


def _enum(schema: dict[str, Any]) -> list[Any] | None:
    if "const" in schema:
        return [schema["const"]]
    values = schema.get("enum")
    return list(values) if isinstance(values, list) else None


def _flatten(document: Any, schema: Any) -> dict[str, Any]:
    """``schema`` resolved, with its ``allOf`` members' properties, required names and keywords merged in."""
    schema = _resolve(document, schema)
    if not isinstance(schema, dict):
        return {}
    members = schema.get("allOf")
    if not isinstance(members, list):
        return schema
    merged: dict[str, Any] = {key: value for key, value in schema.items() if key != "allOf"}
    properties: dict[str, Any] = dict(merged.get("properties") or {})
    required: list[str] = list(merged.get("required") or [])
    for member in members:
        flat = _flatten(document, member)
        properties.update(flat.get("properties") or {})
        required += [name for name in flat.get("required") or [] if name not in required]
        for key, value in flat.items():
            merged.setdefault(key, value)
    if properties:
        merged["properties"] = properties
    if required:
        merged["required"] = required
    return merged


def _code(value: Any) -> str:
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def _names(values: Any) -> str:
    return ", ".join(_code(value) for value in values)


def _member_key(document: Any, member: Any, index: int) -> str:
    if isinstance(member, dict):
        if isinstance(member.get("title"), str):
            return str(member["title"])
        if isinstance(member.get("$ref"), str):
            return str(member["$ref"]).rsplit("/", 1)[-1]
        target = _resolve(document, member)
        if isinstance(target, dict) and isinstance(target.get("title"), str):
            return str(target["title"])
    return f"#{index}"


def _strip(schema: Any) -> Any:
    """``schema`` without the keys that only describe it, for telling a renamed field by its equal schema."""
    if isinstance(schema, dict):
        return {
            key: _strip(value)
            for key, value in schema.items()
            if key not in ("description", "examples", "example", "title") and not key.startswith("x-")
        }
    if isinstance(schema, list):
        return [_strip(item) for item in schema]
    return schema


class SpecDiff:
    """The HTTP-level changes from ``old`` to ``new`` (two OpenAPI documents), as :class:`Change` rows."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []

    def add(self, breaking: bool, where: str, what: str) -> None:
        """Record one change."""
        self.changes.append(Change(breaking, where, what))

    def run(self) -> list[Change]:
        """Compare the two documents; the changes, in document order."""
        self.servers("servers", self.old.get("servers"), self.new.get("servers"))
        self.security_schemes()
        old_ops, new_ops = dict(self.operations(self.old)), dict(self.operations(self.new))
        new_ids = {op.get("operationId"): key for key, (_, _, op) in new_ops.items() if op.get("operationId")}
        moved: set[tuple[str, str]] = set()
        for key, (old_path, old_item, old_op) in old_ops.items():
            name = self.label(key[0], old_path, old_op)
            if key in new_ops:
                self.operation(name, old_item, old_op, *new_ops[key][1:])
                continue
            op_id = old_op.get("operationId")
            target = new_ids.get(op_id) if op_id else None
            if target is not None and target not in old_ops:
                moved.add(target)
                self.add(True, name, f"moved to `{target[0]} {new_ops[target][0]}`")
                self.operation(name, old_item, old_op, *new_ops[target][1:])
            else:
                self.add(True, name, "operation removed")
        for key, (new_path, _, new_op) in new_ops.items():
            if key not in old_ops and key not in moved:
                self.add(False, self.label(key[0], new_path, new_op), "operation added")
        return self.changes

    @staticmethod
    def operations(
        document: dict[str, Any],
    ) -> Iterator[tuple[tuple[str, str], tuple[str, dict[str, Any], dict[str, Any]]]]:
        """Each operation as ``((METHOD, path with its parameters unnamed), (path, path item, operation))``.

        The path's parameter names are left out of the key: ``/a/{id}`` and ``/a/{a_id}`` are
        one URL on the wire.
        """
        for path, item in (document.get("paths") or {}).items():
            item = _resolve(document, item)
            if not isinstance(item, dict):
                continue
            for method in _METHODS:
                if isinstance(item.get(method), dict):
                    yield (method.upper(), re.sub(r"\{[^}/]*\}", "{}", str(path))), (str(path), item, item[method])

    @staticmethod
    def label(method: str, path: str, op: dict[str, Any]) -> str:
        """``POST /agents (createAgent)``."""
        op_id = op.get("operationId")
        return f"`{method} {path}`" + (f" ({op_id})" if op_id else "")

    def servers(self, where: str, old: Any, new: Any) -> None:
        """Server URLs removed (breaking) or added."""
        old_urls = [server.get("url") for server in old or [] if isinstance(server, dict)]
        new_urls = [server.get("url") for server in new or [] if isinstance(server, dict)]
        for url in old_urls:
            if url not in new_urls:
                self.add(
                    True, where, f"server {_code(url)} removed" + (f" (now {_names(new_urls)})" if new_urls else "")
                )
        for url in new_urls:
            if url not in old_urls:
                self.add(False, where, f"server {_code(url)} added")
        if old_urls and new_urls and old_urls[0] != new_urls[0] and old_urls[0] in new_urls:
            # Still served, so nothing breaks; a client that takes the first server moves.
            self.add(False, where, f"default (first) server now {_code(new_urls[0])}, was {_code(old_urls[0])}")

    def security_schemes(self) -> None:
        """Security schemes removed or changed in a way the client must follow."""
        old = (self.old.get("components") or {}).get("securitySchemes") or {}
        new = (self.new.get("components") or {}).get("securitySchemes") or {}
        for name, scheme in old.items():
            if name not in new:
                self.add(True, "security schemes", f"scheme `{name}` removed")
                continue
            before, after = _resolve(self.old, scheme), _resolve(self.new, new[name])
            for key in ("type", "in", "name", "scheme"):
                if isinstance(before, dict) and isinstance(after, dict) and before.get(key) != after.get(key):
                    self.add(
                        True, "security schemes", f"scheme `{name}`: `{key}` {before.get(key)!r} -> {after.get(key)!r}"
                    )
        for name in new.keys() - old.keys():
            self.add(False, "security schemes", f"scheme `{name}` added")

    def operation(
        self, name: str, old_item: dict[str, Any], old: dict[str, Any], new_item: dict[str, Any], new: dict[str, Any]
    ) -> None:
        """Compare one operation present in both versions."""
        if old.get("operationId") != new.get("operationId"):
            self.add(True, name, f"operationId renamed to `{new.get('operationId')}` (the generated function's name)")
        if not old.get("deprecated") and new.get("deprecated"):
            self.add(False, name, "deprecated")
        old_servers = old.get("servers") or old_item.get("servers")
        new_servers = new.get("servers") or new_item.get("servers")
        if old_servers or new_servers:
            self.servers(name, old_servers or self.old.get("servers"), new_servers or self.new.get("servers"))
        self.security(name, old, new)
        self.parameters(name, old_item, old, new_item, new)
        self.request_body(name, old.get("requestBody"), new.get("requestBody"))
        self.responses(name, old.get("responses") or {}, new.get("responses") or {})

    def security(self, name: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """A security requirement the client did not meet before is breaking."""

        def requirements(document: dict[str, Any], op: dict[str, Any]) -> set[frozenset[str]]:
            chosen = op.get("security", document.get("security")) or [{}]
            return {frozenset(requirement) for requirement in chosen if isinstance(requirement, dict)}

        before, after = requirements(self.old, old), requirements(self.new, new)
        if before == after:
            return
        met = any(requirement <= old_one for requirement in after for old_one in before)
        shown = " or ".join(sorted("+".join(sorted(req)) or "none" for req in after))
        self.add(not met, name, f"security now {shown}")

    def parameters(
        self, name: str, old_item: dict[str, Any], old: dict[str, Any], new_item: dict[str, Any], new: dict[str, Any]
    ) -> None:
        """Compare parameters: path ones by position, the others by where they go and their name."""

        def collect(document: dict[str, Any], item: dict[str, Any], op: dict[str, Any]) -> dict[tuple[str, str], Any]:
            found: dict[tuple[str, str], Any] = {}
            for parameter in [*(item.get("parameters") or []), *(op.get("parameters") or [])]:
                parameter = _resolve(document, parameter)
                if isinstance(parameter, dict):
                    found[(str(parameter.get("in")), str(parameter.get("name")))] = parameter
            return found

        before, after = collect(self.old, old_item, old), collect(self.new, new_item, new)
        old_path = [p for (place, _), p in before.items() if place == "path"]
        new_path = [p for (place, _), p in after.items() if place == "path"]
        for old_p, new_p in zip(old_path, new_path, strict=False):
            where = f"{name} path parameter `{old_p.get('name')}`"
            if old_p.get("name") != new_p.get("name"):
                self.add(False, where, f"renamed `{new_p.get('name')}` (same URL on the wire)")
            self.schema(where, "request", old_p.get("schema"), new_p.get("schema"))
        for (place, param), parameter in before.items():
            if place == "path":
                continue
            where = f"{name} {place} parameter `{param}`"
            if (place, param) not in after:
                self.add(True, where, "removed")
                continue
            other = after[(place, param)]
            if not parameter.get("required") and other.get("required"):
                self.add(True, where, "became required")
            elif parameter.get("required") and not other.get("required"):
                self.add(False, where, "became optional")
            self.schema(where, "request", parameter.get("schema"), other.get("schema"))
        for (place, param), parameter in after.items():
            if place != "path" and (place, param) not in before:
                required = bool(parameter.get("required"))
                self.add(
                    required, f"{name} {place} parameter `{param}`", f"added ({'required' if required else 'optional'})"
                )

    def request_body(self, name: str, old: Any, new: Any) -> None:
        """Compare the request bodies (the client writes them)."""
        old, new = _resolve(self.old, old), _resolve(self.new, new)
        where = f"{name} request body"
        if not isinstance(old, dict) and not isinstance(new, dict):
            return
        if not isinstance(new, dict):
            self.add(True, where, "removed")
            return
        if not isinstance(old, dict):
            required = bool(new.get("required"))
            self.add(required, where, f"added ({'required' if required else 'optional'})")
            return
        if not old.get("required") and new.get("required"):
            self.add(True, where, "became required")
        self.content(where, "request", old.get("content") or {}, new.get("content") or {})

    def responses(self, name: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Compare the responses by status (the client reads them)."""
        for status, response in old.items():
            where = f"{name} response {status}"
            if status not in new:
                self.add(True, where, "removed")
                continue
            before, after = _resolve(self.old, response), _resolve(self.new, new[status])
            if isinstance(before, dict) and isinstance(after, dict):
                self.content(where, "response", before.get("content") or {}, after.get("content") or {})
        for status in new.keys() - old.keys():
            self.add(False, f"{name} response {status}", "added")

    def content(self, where: str, direction: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Compare media types and their schemas."""
        for media, medium in old.items():
            if media not in new:
                self.add(True, where, f"media type `{media}` removed")
            elif isinstance(medium, dict) and isinstance(new[media], dict):
                here = where if len(old) == 1 else f"{where} ({media})"
                self.schema(here, direction, medium.get("schema"), new[media].get("schema"))
        for media in new.keys() - old.keys():
            self.add(False, where, f"media type `{media}` added")

    def schema(
        self,
        where: str,
        direction: str,
        old: Any,
        new: Any,
        path: str = "",
        seen: frozenset[tuple[int, int]] = frozenset(),
    ) -> None:
        """Compare two schemas a client sends (``request``) or receives (``response``); ``path`` names the field."""
        before, after = _flatten(self.old, old), _flatten(self.new, new)
        if (id(before), id(after)) in seen:
            return
        seen = seen | {(id(before), id(after))}
        here = f"{where}: `{path}`" if path else where
        request = direction == "request"
        self.types(here, request, before, after)
        self.enums(here, request, before, after)
        if request:
            self.constraints(here, before, after)
        self.unions(where, direction, path, before, after, seen)
        self.properties(where, direction, path, before, after, seen)
        if isinstance(before.get("items"), dict) and isinstance(after.get("items"), dict):
            self.schema(where, direction, before["items"], after["items"], f"{path}[]", seen)
        extra_before, extra_after = before.get("additionalProperties"), after.get("additionalProperties")
        if isinstance(extra_before, dict) and isinstance(extra_after, dict):
            self.schema(where, direction, extra_before, extra_after, f"{path}{{*}}", seen)
        elif request and extra_before is not False and extra_after is False:
            self.add(True, here, "no longer admits other fields (`additionalProperties: false`)")

    def types(self, here: str, request: bool, before: dict[str, Any], after: dict[str, Any]) -> None:
        """A type or format change; a widened request or narrowed response is not breaking."""
        old_types, new_types = _types(before), _types(after)
        if old_types is not None and new_types is not None and old_types != new_types:
            kept = old_types <= new_types if request else new_types <= old_types
            self.add(not kept, here, f"type `{_type_names(old_types)}` -> `{_type_names(new_types)}`")
        if before.get("format") != after.get("format") and (before.get("format") or after.get("format")):
            self.add(True, here, f"format `{before.get('format') or 'none'}` -> `{after.get('format') or 'none'}`")

    def enums(self, here: str, request: bool, before: dict[str, Any], after: dict[str, Any]) -> None:
        """Enum values added or removed (and enums put on or taken off)."""
        old_values, new_values = _enum(before), _enum(after)
        if old_values is None and new_values is None:
            return
        if old_values is None:
            assert new_values is not None
            self.add(request, here, f"now limited to {_names(new_values)}")
            return
        if new_values is None:
            self.add(False, here, f"no longer limited to {_names(old_values)}")
            return
        removed = [value for value in old_values if value not in new_values]
        added = [value for value in new_values if value not in old_values]
        if removed:
            self.add(True, here, f"enum value(s) {_names(removed)} removed")
        if added:
            self.add(False, here, f"enum value(s) {_names(added)} added")

    def constraints(self, here: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        """Request constraints tightened (breaking) or loosened."""
        for key, tighter in (
            ("maxLength", min),
            ("maximum", min),
            ("exclusiveMaximum", min),
            ("maxItems", min),
            ("minLength", max),
            ("minimum", max),
            ("exclusiveMinimum", max),
            ("minItems", max),
        ):
            old_bound, new_bound = before.get(key), after.get(key)
            if old_bound == new_bound or isinstance(old_bound, bool) or isinstance(new_bound, bool):
                continue
            if new_bound is None:
                self.add(False, here, f"`{key}` {old_bound} dropped")
            elif old_bound is None or tighter(old_bound, new_bound) == new_bound:
                self.add(True, here, f"`{key}` {old_bound} -> {new_bound}")
            else:
                self.add(False, here, f"`{key}` {old_bound} -> {new_bound}")
        if before.get("pattern") != after.get("pattern"):
            if after.get("pattern") is None:
                self.add(False, here, "`pattern` dropped")
            else:
                self.add(True, here, f"`pattern` {_code(before.get('pattern'))} -> {_code(after.get('pattern'))}")

    def unions(
        self,
        where: str,
        direction: str,
        path: str,
        before: dict[str, Any],
        after: dict[str, Any],
        seen: frozenset[tuple[int, int]],
    ) -> None:
        """``anyOf``/``oneOf`` members (by title, ``$ref`` name or position) added, removed or changed."""
        here = f"{where}: `{path}`" if path else where
        for word in ("anyOf", "oneOf"):
            old_members, new_members = before.get(word), after.get(word)
            if not isinstance(old_members, list) and not isinstance(new_members, list):
                continue
            old_keyed = {_member_key(self.old, m, i): m for i, m in enumerate(old_members or [])}
            new_keyed = {_member_key(self.new, m, i): m for i, m in enumerate(new_members or [])}
            for key, member in old_keyed.items():
                if key in new_keyed:
                    self.schema(
                        where, direction, member, new_keyed[key], f"{path}<{key}>" if path else f"<{key}>", seen
                    )
                else:
                    self.add(direction == "request", here, f"{word} member `{key}` removed")
            for key in new_keyed.keys() - old_keyed.keys():
                self.add(direction == "response", here, f"{word} member `{key}` added")

    def properties(
        self,
        where: str,
        direction: str,
        path: str,
        before: dict[str, Any],
        after: dict[str, Any],
        seen: frozenset[tuple[int, int]],
    ) -> None:
        """Fields removed, added, made required or optional, and the fields present in both compared."""
        request = direction == "request"
        old_props, new_props = before.get("properties") or {}, after.get("properties") or {}
        if not isinstance(old_props, dict) or not isinstance(new_props, dict):
            return
        old_required, new_required = set(before.get("required") or []), set(after.get("required") or [])
        prefix = f"{path}." if path else ""
        added = [name for name in new_props if name not in old_props]
        for name, schema in old_props.items():
            here = f"{where}: `{prefix}{name}`"
            if name not in new_props:
                twins = [
                    other
                    for other in added
                    if _strip(_resolve(self.new, new_props[other])) == _strip(_resolve(self.old, schema))
                ]
                hint = f" (renamed `{prefix}{twins[0]}`?)" if len(twins) == 1 else ""
                self.add(True, here, f"field removed{hint}")
                continue
            if name not in old_required and name in new_required:
                self.add(request, here, "became required")
            elif name in old_required and name not in new_required:
                self.add(not request, here, "became optional" + ("" if request else " (an answer may lack it)"))
            self.schema(where, direction, schema, new_props[name], f"{prefix}{name}", seen)
        for name in added:
            required = name in new_required
            self.add(
                request and required,
                f"{where}: `{prefix}{name}`",
                f"field added ({'required' if required else 'optional'})",
            )


# -- The generated Python surface ----------------------------------------------------------------


def _shown(value: Any) -> str:
    """A value griffe reports, in a few words: a parameter's name and default, an expression's source."""
    import griffe

    if isinstance(value, griffe.Parameter):
        return value.name + (f"={value.default}" if value.default is not None else "")
    if isinstance(value, griffe.Object | griffe.Alias):
        return ""
    if isinstance(value, list | tuple):  # base classes: their names, not their reprs (which hold file paths)
        return ", ".join(_shown(item) for item in value) or "none"
    return "" if value is None else str(value)


def python_changes(key: str, old_text: str, new_text: str) -> list[Change]:
    """The breaking changes griffe finds between the clients and models generated from two spec texts.

    Both are generated under ``key``, so their packages have the same import paths. Raises
    InputError when a spec does not generate.
    """
    import griffe

    logging.getLogger("griffe").setLevel(logging.ERROR)  # its warnings about generated docstrings are noise here
    changes: list[Change] = []
    with tempfile.TemporaryDirectory(prefix="partner-apis-breaking-") as scratch:
        outputs = []
        for side, text in (("old", old_text), ("new", new_text)):
            specs, out = Path(scratch, side, "specs"), Path(scratch, side, "out")
            specs.mkdir(parents=True)
            (specs / f"{key}.yaml").write_text(text, encoding="utf-8")
            try:
                generate.generate(out, [key], specs, workers=2)
            except generate.GenerationError as error:
                raise InputError(f"the {side} spec does not generate: {error}") from None
            outputs.append(out)
        for package in (generate.package_name(key), f"models.{key.replace('-', '_')}"):
            old_api = griffe.load(package, search_paths=[outputs[0]], resolve_aliases=False)
            new_api = griffe.load(package, search_paths=[outputs[1]], resolve_aliases=False)
            for breakage in griffe.find_breaking_changes(old_api, new_api):
                old, new = _shown(breakage.old_value), _shown(breakage.new_value)
                detail = f"`{old}` -> `{new}`" if old and new else f"`{old or new}`" if old or new else ""
                what = breakage.kind.value + (f": {detail}" if detail else "")
                changes.append(Change(True, f"`{breakage.obj.path}`", what))
    return changes


# -- Comparing and reporting ---------------------------------------------------------------------


def compare(key: str, old_name: str, old_text: str, new_name: str, new_text: str, *, python: bool) -> Comparison:
    """Both layers' changes between two texts of one API's spec; raises InputError."""
    old, new = parse_spec(old_text, old_name), parse_spec(new_text, new_name)
    comparison = Comparison(key, old_name, new_name, SpecDiff(old, new).run())
    if python:
        comparison.python = python_changes(key, old_text, new_text)
    return comparison


def _table(changes: Sequence[Change]) -> list[str]:
    rows = ["| | Where | Change |", "|---|---|---|"]
    for change in sorted(changes, key=lambda change: not change.breaking):
        mark = "**breaking**" if change.breaking else "compatible"
        where, what = (text.replace("|", "\\|") for text in (change.where, change.what))
        rows.append(f"| {mark} | {where} | {what} |")
    return rows


def report(comparisons: Sequence[Comparison]) -> str:
    """The Markdown report of ``comparisons``."""
    lines = ["# Breaking-change report", ""]
    if not comparisons:
        lines += ["No spec changed.", ""]
    for comparison in comparisons:
        lines += [f"## {comparison.key}: {comparison.old_name} -> {comparison.new_name}", ""]
        count = comparison.breaking
        if not count:
            verdict = "No breaking change."
        elif comparison.acknowledged:
            reasons = "; ".join(comparison.acknowledged)
            verdict = f"{count} breaking change(s), acknowledged ({_TRAILER}: {reasons})."
        else:
            verdict = (
                f"**{count} breaking change(s), not acknowledged.** If intended, add the commit trailer"
                f" `{_TRAILER}: {comparison.key}: <why>`."
            )
        lines += [verdict, "", "### The HTTP API (spec)", ""]
        lines += _table(comparison.spec) if comparison.spec else ["No change."]
        lines.append("")
        if comparison.python is not None:
            lines += ["### The generated Python surface (griffe)", ""]
            lines += _table(comparison.python) if comparison.python else ["No breaking change."]
            lines.append("")
    return "\n".join(lines)


def since(ref: str, *, python: bool) -> list[Comparison]:
    """Every ``specs/*.yaml`` changed between ``ref`` and HEAD, compared; raises InputError."""
    root = Path(git("rev-parse", "--show-toplevel").strip())
    git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=root)
    names = git("diff", "--name-status", "--no-renames", ref, "HEAD", "--", "specs", cwd=root)
    acks = acknowledgements(f"{ref}..HEAD", cwd=root)
    comparisons = []
    for line in names.splitlines():
        status, _, path = line.partition("\t")
        if not re.fullmatch(r"specs/[^/]+\.yaml", path):
            continue
        key = Path(path).stem
        if status == "A":
            comparisons.append(Comparison(key, "(none)", f"HEAD:{path}", [Change(False, "API", "added")]))
            continue
        old_text = show(ref, path, cwd=root)
        if status == "D":
            comparison = Comparison(key, f"{ref}:{path}", "(deleted)", [Change(True, "API", "removed")])
        else:
            comparison = compare(
                key, f"{ref}:{path}", old_text, f"HEAD:{path}", show("HEAD", path, cwd=root), python=python
            )
        comparison.acknowledged = acks.get(key, [])
        comparisons.append(comparison)
    return comparisons


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status (0 nothing unacknowledged breaks, 1 something does, 2 bad input)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("specs", nargs="*", type=Path, help="OLD.yaml NEW.yaml, or with --ref the one spec")
    parser.add_argument("--ref", help="OLD or OLD..NEW: git refs of the one spec named (NEW: the working tree)")
    parser.add_argument("--since", help="CI: compare every spec changed from REF to HEAD (default HEAD~1)")
    parser.add_argument("--out", type=Path, help="write the Markdown report here instead of stdout")
    parser.add_argument("--no-python", action="store_true", help="compare the specs only, not the generated code")
    args = parser.parse_args(argv)
    python = not args.no_python
    try:
        if args.ref is not None:
            if len(args.specs) != 1 or args.since is not None:
                raise InputError("--ref takes exactly one spec path, and no --since")
            path: Path = args.specs[0]
            old_ref, dots, new_ref = args.ref.partition("..")
            if not old_ref or (dots and not new_ref):
                raise InputError(f"--ref {args.ref}: expected OLD or OLD..NEW")
            old_text = show(old_ref, str(path))
            new_text = show(new_ref, str(path)) if new_ref else read_file(path)
            comparison = compare(
                path.stem,
                f"{old_ref}:{path}",
                old_text,
                f"{new_ref}:{path}" if new_ref else str(path),
                new_text,
                python=python,
            )
            comparison.acknowledged = acknowledgements(f"{old_ref}..{new_ref or 'HEAD'}").get(path.stem, [])
            comparisons = [comparison]
        elif args.specs:
            if len(args.specs) != 2 or args.since is not None:
                raise InputError("give two spec files (OLD.yaml NEW.yaml), or --ref REF with one, or --since REF")
            old_path, new_path = args.specs
            comparisons = [
                compare(
                    old_path.stem, str(old_path), read_file(old_path), str(new_path), read_file(new_path), python=python
                )
            ]
        else:
            comparisons = since(args.since or "HEAD~1", python=python)
        text = report(comparisons)
        if args.out is not None:
            try:
                args.out.write_text(text, encoding="utf-8")
            except OSError as error:
                raise InputError(f"{args.out}: cannot be written ({error.strerror or error})") from None
        else:
            sys.stdout.write(text)
    except InputError as error:
        print(f"breaking: {error}", file=sys.stderr)
        return 2
    unacknowledged = [c.key for c in comparisons if c.breaking and not c.acknowledged]
    if unacknowledged:
        print(f"breaking: unacknowledged breaking change(s) in {', '.join(unacknowledged)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

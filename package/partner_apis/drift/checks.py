"""The disagreements between one answer and the spec, each at its JSON pointer and spec location.

For an exchange matched to its operation: a status the operation does not document,
answer headers the documented response does not name (besides HTTP's own transport
headers), a content type it does not list, and in a JSON body every value the response
schema refuses (type, format, enum, a missing required field, any other constraint) and
every field it does not document. Array items are one pointer (``/items/*/status``): a
list of 50 sites with the same extra field is one disagreement seen 50 times.

A value a recording masked (``[REDACTED]``) is not judged: it is no longer the value the
server sent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jsonschema.exceptions import ValidationError

from partner_apis.specs import Operation

from .har import Exchange
from .redaction import MASKS, Redactor
from .spec_index import Route, SpecIndex, escape

__all__ = ["KINDS", "TRANSPORT_HEADERS", "Finding", "check_exchange", "check_unmatched"]

#: Every kind of disagreement, in the order a report lists them.
KINDS = (
    "undocumented-path",
    "undocumented-method",
    "undocumented-status",
    "undocumented-header",
    "undocumented-media-type",
    "undocumented-body",
    "missing-body",
    "unparsable-body",
    "undocumented-field",
    "missing-required-field",
    "type-mismatch",
    "format-mismatch",
    "enum-mismatch",
    "constraint-mismatch",
)

#: Answer headers that belong to HTTP, its caches, CORS and browsers' security policies,
#: not to an API: a spec need not document them. Rate limits, request ids, ``Retry-After``
#: and ``Location`` are an API's and are reported when the spec does not name them.
TRANSPORT_HEADERS = frozenset(
    {
        "accept-ranges",
        "age",
        "allow",
        "alt-svc",
        "cache-control",
        "connection",
        "content-encoding",
        "content-language",
        "content-length",
        "content-security-policy",
        "content-type",
        "date",
        "etag",
        "expires",
        "keep-alive",
        "last-modified",
        "nel",
        "permissions-policy",
        "pragma",
        "proxy-connection",
        "referrer-policy",
        "report-to",
        "server",
        "strict-transport-security",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "vary",
        "via",
        "www-authenticate",
        "x-content-type-options",
        "x-frame-options",
        "x-xss-protection",
    }
)
_TRANSPORT_PREFIXES = ("access-control-", "cross-origin-")

# A response schema keyword and the kind of disagreement its failure is.
_KIND_OF_KEYWORD = {
    "type": "type-mismatch",
    "format": "format-mismatch",
    "enum": "enum-mismatch",
    "const": "enum-mismatch",
    "required": "missing-required-field",
}
# Undocumented fields are found by walking the schema (below), also where the spec closes
# an object; these keywords' own errors would report them twice.
_WALKED = frozenset({"additionalProperties", "unevaluatedProperties"})
_EXAMPLE_LIMIT = 2000


@dataclass(frozen=True)
class Finding:
    """One disagreement seen in one exchange.

    ``where`` is ``body``, ``header``, ``status`` or ``path``; ``pointer`` a JSON pointer
    into the answer's body (``/site/timeZone``, array items as ``*``) or its headers
    (``/x-request-id``), empty for the answer as a whole; ``spec_location`` the spec's
    node to change, as a URI fragment (``#/components/schemas/Site/properties/foo``);
    ``detail`` what else tells one disagreement from another at the same place (the
    status, for an undocumented one); ``example`` what the answer held there, secrets masked.
    """

    kind: str
    operation: str
    method: str
    template: str
    where: str
    pointer: str
    spec_location: str
    message: str
    status: int
    example: Any
    detail: str = ""


def _is_transport(name: str) -> bool:
    # ":status" and the like: HTTP/2 pseudo-headers, which some HAR exporters list.
    return name in TRANSPORT_HEADERS or name.startswith(_TRANSPORT_PREFIXES) or name.startswith(":")


def _media_type(value: str) -> str:
    return value.split(";", 1)[0].strip().lower()


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def _pointer(path: Iterable[str | int]) -> str:
    # Array positions become "*": the same field of every item is one place in the spec.
    return "".join("/*" if isinstance(step, int) else f"/{escape(step)}" for step in path)


def _trim(value: Any) -> Any:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return value if len(text) <= _EXAMPLE_LIMIT else text[:_EXAMPLE_LIMIT] + "..."


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _masked(value: Any) -> bool:
    return isinstance(value, str) and any(mask in value for mask in MASKS)


class _Exchange:
    """The checks of one exchange against its operation."""

    def __init__(self, index: SpecIndex, exchange: Exchange, route: Route, operation: Operation) -> None:
        self.index = index
        self.exchange = exchange
        self.route = route
        self.operation = operation
        self.redactor = Redactor(exchange, index.secret_names)
        self.request_line = f"{exchange.method} {self.redactor.url(exchange)}"

    def finding(
        self, kind: str, where: str, pointer: str, location: str, message: str, value: Any, detail: str = ""
    ) -> Finding:
        example = {"request": self.request_line, "status": self.exchange.status, "value": _trim(value)}
        return Finding(
            kind=kind,
            operation=self.operation.operation_id,
            method=self.operation.method,
            template=self.operation.path,
            where=where,
            pointer=pointer,
            spec_location="#" + location,
            message=message,
            status=self.exchange.status,
            example=example,
            detail=detail,
        )

    def check(self) -> list[Finding]:
        exchange, operation = self.exchange, self.operation
        response = self.index.response(operation, exchange.status)
        if response is None:
            documented = ", ".join(map(str, operation.raw.get("responses") or {})) or "none"
            body = self.redactor.body(exchange.response_body) if exchange.response_body else None
            return [
                self.finding(
                    "undocumented-status",
                    "status",
                    "",
                    f"{self.index.operation_pointer(operation)}/responses",
                    f"status {exchange.status} is not documented (documented: {documented})",
                    body,
                    detail=str(exchange.status),
                )
            ]
        code, pointer = response
        node: Mapping[str, Any] = self.index.node(pointer)
        return [*self.headers(code, pointer, node), *self.body(code, pointer, node)]

    def headers(self, code: str, pointer: str, response: Mapping[str, Any]) -> Iterator[Finding]:
        documented = {str(name).lower() for name in response.get("headers") or {}}
        seen: set[str] = set()
        for name, value in self.exchange.response_headers:
            lowered = name.lower()
            if lowered in documented or lowered in seen or _is_transport(lowered):
                continue
            seen.add(lowered)
            shown = self.redactor.value(value, lowered)
            yield self.finding(
                "undocumented-header",
                "header",
                f"/{escape(lowered)}",
                f"{pointer}/headers/{escape(name)}",
                f"header {name} is not documented for response {code}",
                shown,
            )

    def body(self, code: str, pointer: str, response: Mapping[str, Any]) -> Iterator[Finding]:
        exchange = self.exchange
        if exchange.method == "HEAD" or exchange.status in (204, 304):
            return
        content: Mapping[str, Any] = response.get("content") or {}
        text = exchange.response_body
        if not text.strip():
            if any("schema" in media for media in content.values()):
                yield self.finding(
                    "missing-body",
                    "body",
                    "",
                    f"{pointer}/content",
                    f"response {code} documents a body; the answer had none",
                    None,
                )
            return
        if not content:
            yield self.finding(
                "undocumented-body",
                "body",
                "",
                f"{pointer}/content",
                f"response {code} documents no body; the answer had one",
                self.redactor.body(text),
            )
            return
        sent = _media_type(exchange.response_header("content-type") or exchange.response_mime)
        media = self._media(content, sent)
        if media is None:
            listed = ", ".join(content)
            yield self.finding(
                "undocumented-media-type",
                "body",
                "",
                f"{pointer}/content",
                f"content type {sent or '(none)'} is not documented for response {code} (documented: {listed})",
                sent,
                detail=sent,
            )
            return
        if not (_is_json(_media_type(media)) or (_is_json(sent) and media.endswith("*"))):
            return  # a text or binary body: nothing here to compare field by field
        try:
            instance = json.loads(text)
        except ValueError:
            yield self.finding(
                "unparsable-body",
                "body",
                "",
                f"{pointer}/content/{escape(media)}",
                f"the body is not JSON although it is sent as {sent or media}",
                self.redactor.text(text[:200]),
            )
            return
        if "schema" in content[media]:
            yield from self.schema(f"{pointer}/content/{escape(media)}/schema", instance)

    @staticmethod
    def _media(content: Mapping[str, Any], sent: str) -> str | None:
        by_type = {_media_type(name): name for name in content}
        if sent in by_type:
            return by_type[sent]
        if sent and f"{sent.split('/', 1)[0]}/*" in by_type:
            return by_type[f"{sent.split('/', 1)[0]}/*"]
        return by_type.get("*/*")

    # -- schema ---------------------------------------------------------------------------------

    def schema(self, pointer: str, instance: Any) -> Iterator[Finding]:
        for error in _leaves(self.index.validator(pointer).iter_errors(instance)):
            yield from self.error(pointer, error)
        yield from self.walk(pointer, instance, ())

    def error(self, root: str, error: ValidationError) -> Iterator[Finding]:
        keyword = str(error.validator)
        if keyword in _WALKED and error.validator_value is False:
            return
        if _masked(error.instance):
            return
        at = list(error.absolute_path)
        node = self.index.location_of(error.schema) or root
        if keyword == "required":
            present = error.instance if isinstance(error.instance, Mapping) else {}
            required: Any = error.validator_value
            for name in required:
                if name not in present:
                    yield self.finding(
                        "missing-required-field",
                        "body",
                        _pointer([*at, str(name)]),
                        f"{node}/required",
                        f"required field {name} is missing",
                        {"fields present": sorted(map(str, present))},
                    )
            return
        kind = _KIND_OF_KEYWORD.get(keyword, "constraint-mismatch")
        value = self.redactor.value(error.instance, str(at[-1]) if at and isinstance(at[-1], str) else None)
        yield self.finding(kind, "body", _pointer(at), node, self._message(keyword, error), value)

    @staticmethod
    def _message(keyword: str, error: ValidationError) -> str:
        # Said from the spec's side only: jsonschema's own message quotes the value, which
        # may be a secret (the example is masked; a message is not).
        expected: Any = error.validator_value
        if keyword == "type":
            return f"a {_json_type(error.instance)}, the spec says {expected}"
        if keyword == "format":
            return f"not a valid {expected}"
        if keyword == "enum":
            return f"a value the spec's enum does not list ({', '.join(map(str, expected))})"
        if keyword == "const":
            return f"not the spec's constant {expected!r}"
        if keyword == "anyOf":
            return "matches no variant of anyOf"
        if keyword == "oneOf":
            return "matches none or several variants of oneOf"
        return f"fails {keyword}: {json.dumps(expected, default=str)[:200]}"

    # -- undocumented fields ----------------------------------------------------------------------

    def walk(self, pointer: str, instance: Any, at: tuple[str | int, ...]) -> Iterator[Finding]:
        branches = list(self._branches(pointer, instance, 0))
        if isinstance(instance, dict):
            yield from self._walk_object(branches, instance, at)
        elif isinstance(instance, list):
            for branch, node in branches:
                items = node.get("items")
                if isinstance(items, Mapping):
                    for position, item in enumerate(instance):
                        yield from self.walk(f"{branch}/items", item, (*at, position))
                prefix = node.get("prefixItems")
                if isinstance(prefix, list):
                    for position, item in enumerate(instance[: len(prefix)]):
                        yield from self.walk(f"{branch}/prefixItems/{position}", item, (*at, position))

    def _walk_object(
        self, branches: Sequence[tuple[str, Mapping[str, Any]]], instance: Mapping[str, Any], at: tuple[str | int, ...]
    ) -> Iterator[Finding]:
        documented: dict[str, list[str]] = {}
        patterns: list[tuple[str, str]] = []
        additional: list[str] = []
        owner: str | None = None
        closed = open_ = False
        for branch, node in branches:
            properties = node.get("properties")
            if isinstance(properties, Mapping):
                owner = owner or branch
                for name in properties:
                    documented.setdefault(str(name), []).append(f"{branch}/properties/{escape(str(name))}")
            for pattern in node.get("patternProperties") or {}:
                patterns.append((str(pattern), f"{branch}/patternProperties/{escape(str(pattern))}"))
            extra = node.get("additionalProperties", node.get("unevaluatedProperties"))
            if extra is False:
                closed = True
            elif extra is True:
                open_ = True
            elif isinstance(extra, Mapping):
                if extra:
                    additional.append(f"{branch}/additionalProperties")
                else:
                    open_ = True
        # An object schema that names no property is a free-form object: any field is documented.
        judged = (owner is not None or closed) and not open_
        for name, value in instance.items():
            targets = documented.get(name) or [where for pattern, where in patterns if re.search(pattern, name)]
            if targets:
                for target in targets:
                    yield from self.walk(target, value, (*at, name))
            elif additional:
                for target in additional:
                    yield from self.walk(target, value, (*at, "*"))
            elif judged:
                place = owner or branches[0][0]
                yield self.finding(
                    "undocumented-field",
                    "body",
                    _pointer((*at, name)),
                    f"{place}/properties/{escape(name)}",
                    f"field {name} is not in the spec",
                    self.redactor.value(value, name),
                )

    def _branches(self, pointer: str, instance: Any, depth: int) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """The schema nodes that describe ``instance`` at ``pointer``: itself, its allOf, the variants it matches."""
        if depth > 16:
            return
        original = self.index.node(pointer)
        if isinstance(original, Mapping) and "$ref" in original and len(original) > 1:
            yield pointer, original  # siblings of a $ref (3.1) describe the value too
        pointer, node = self.index.resolve(pointer)
        if not isinstance(node, Mapping):
            return
        yield pointer, node
        for position, _ in enumerate(node.get("allOf") or ()):
            yield from self._branches(f"{pointer}/allOf/{position}", instance, depth + 1)
        for keyword in ("oneOf", "anyOf"):
            variants = [f"{pointer}/{keyword}/{position}" for position, _ in enumerate(node.get(keyword) or ())]
            if not variants:
                continue
            matching = [variant for variant in variants if self.index.validator(variant).is_valid(instance)]
            for variant in matching or [_closest(self.index, variants, instance)]:
                yield from self._branches(variant, instance, depth + 1)


def _closest(index: SpecIndex, variants: Sequence[str], instance: Any) -> str:
    # The variant an answer that matches none was most likely meant to be: no type error
    # at its top first, then the fewest errors.
    def distance(variant: str) -> tuple[int, int]:
        errors = list(index.validator(variant).iter_errors(instance))
        wrong_type = any(error.validator == "type" and not error.absolute_path for error in errors)
        return (int(wrong_type), sum(1 for _ in _leaves(errors)))

    return min(variants, key=distance)


def _leaves(errors: Iterable[ValidationError]) -> Iterator[ValidationError]:
    """The errors to report: a failed oneOf/anyOf replaced by the errors of the variant it came closest to."""
    for error in errors:
        if error.validator in ("oneOf", "anyOf") and error.context:
            by_variant: dict[Any, list[ValidationError]] = {}
            for sub in error.context:
                by_variant.setdefault(sub.relative_schema_path[0], []).append(sub)

            def distance(item: tuple[Any, list[ValidationError]]) -> tuple[int, int]:
                subs = item[1]
                wrong_type = any(sub.validator == "type" and not sub.relative_path for sub in subs)
                return (int(wrong_type), len(subs))

            _, closest = min(by_variant.items(), key=distance)
            yield from _leaves(closest)
        else:
            yield error


def check_exchange(index: SpecIndex, exchange: Exchange, route: Route) -> list[Finding]:
    """Every disagreement between the spec and one exchange whose route has an operation.

    Raises ``ValueError`` when ``route`` has none (see :func:`check_unmatched`).
    """
    if route.operation is None:
        raise ValueError("check_exchange needs a route with an operation")
    return _Exchange(index, exchange, route, route.operation).check()


_ID_SEGMENT = re.compile(r"\d+|[0-9a-fA-F]{16,}|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")


def _path_shape(path: str) -> str:
    # A path the spec lacks, with its ids written {id}: /sites/7/stats and /sites/8/stats
    # are one undocumented path, seen twice.
    return "/".join("{id}" if _ID_SEGMENT.fullmatch(segment) else segment for segment in path.split("/"))


def check_unmatched(index: SpecIndex, exchange: Exchange, route: Route | None) -> Finding | None:
    """The disagreement of an exchange no operation covers, or None when the server refused it too.

    A path no template matches, or a method its template lacks, that the server answered
    with a 4xx is one it does not serve either (Schemathesis probes methods the spec lacks;
    a client mistypes a path): no drift. Answered otherwise, the server has something the
    spec does not document.
    """
    if 400 <= exchange.status < 500:
        return None
    redactor = Redactor(exchange, index.secret_names)
    body = redactor.body(exchange.response_body) if exchange.response_body else None
    request = f"{exchange.method} {redactor.url(exchange)}"
    example = {"request": request, "status": exchange.status, "value": _trim(body)}
    if route is None:
        return Finding(
            kind="undocumented-path",
            operation=f"{exchange.method} {_path_shape(redactor.text(exchange.path))}",
            method=exchange.method,
            template="",
            where="path",
            pointer="",
            spec_location="#/paths",
            message=f"no operation of the spec has this path; the server answered {exchange.status}",
            status=exchange.status,
            example=example,
        )
    return Finding(
        kind="undocumented-method",
        operation=f"{exchange.method} {route.template}",
        method=exchange.method,
        template=route.template,
        where="path",
        pointer="",
        spec_location=f"#/paths/{escape(route.template)}",
        message=f"{route.template} documents {', '.join(route.allowed)}; the server answered {exchange.status}",
        status=exchange.status,
        example=example,
    )

"""A provisioning flow read from an API's spec, for an API without a hand-written one in flows.py.

:class:`GenericFlow` keeps :class:`~.flows.Flow`'s contract (create once and reconcile a
lost create by reading, read back from the record and the list after each of two
updates, delete where the spec says how), so test_resilience.py's assertions apply to it
unchanged. It sends raw requests through the overlay client's own httpx client
(``get_httpx_client()``), so the overlay's auth, the runtime's retries and its typed
errors are what is tested, as with the generated functions the hand flows call.

What it reads from the spec (:func:`flow_plan`):

- the *create*: the first secured, non-idempotent operation on the API's own server whose
  success answer ``links`` to a GET of one record at its own path plus one parameter
  (``POST /sites`` -> ``GET /sites/{id}``), with a GET at its own path listing the records;
  the new id is the link's ``$response.body#/...`` expression;
- the *read*, *update* and *delete*: that GET, and the operations the same links lead to
  at the read's path: the first that is not a GET (PUT, PATCH or POST) updates, a DELETE
  there or an action under it the spec marks ``x-deletes`` (PortSIP's ``POST .../destroy``)
  deletes; a delete resent after its
  first try was processed must be refused with the runtime's ``NotFoundError`` (Omnize's
  "Agent not found" comes inside HTTP 200 as an ``OmnizeError``, which only its hand flow
  reads);
- the bodies: the create's and update's first request body examples, kept to what the
  schema requires plus the fields the flow varies (below), with a field named as one of
  the tenant's facts (``account_id``) given the tenant's value, the partner token the
  overlay places (``x-partner-token``) and a record's own ``id`` left out;
- what it varies: strings without ``enum``, ``format`` (but ``email``) or a ``pattern``
  they would break, made unique with the flow's tag in the create and different in each
  update; and in an update, integers that do not name a record (``...Id``, ``..._id``);
- the *key*: the first string the create made unique that the list's items carry; the
  flow finds its record by walking the list for it (page by page, in the list's paging
  style: tests/contract/checks/paging.py), with the key as the query parameter of the
  same name where the list has one, and the list's required query parameters from the
  tenant's facts or the create's values;
- what is checked after each step: the key and every field the update varies that both
  the record and the list's items carry, read loosely (tests/contract/checks/
  read_after_write.py ``same_value``: letter case, a number's type);
- the ground truth (:meth:`GenericFlow.records`): a client of the same simulator's state
  served without the fault profile lists the records carrying the key.

Where the spec lacks one of these, :func:`flow_plan` raises ``LookupError`` naming it.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from partner_apis.overlays.runtime import NotFoundError
from partner_apis.simulators.harness import serve
from partner_apis.simulators.harness.app import build_app
from partner_apis.specs import ApiSpec, Operation, api_spec
from partner_apis.testing import RunningSimulator
from tests.contract.checks.common import ID_KEYS, items_of
from tests.contract.checks.paging import Paging, find_paging
from tests.contract.checks.read_after_write import same_value
from tests.drift.samples import success_status

from .flows import Flow
from .ledger import Ledger

__all__ = ["FlowPlan", "GenericFlow", "flow_plan", "generic_flow", "read_plan"]

_ANSWER = "$response.body#"
# Pages of a list walked to find the flow's record, and the page size asked for where the list takes one.
MAX_PAGES = 50
PAGE_SIZE = 100
# What a field the record or the list does not carry reads as (never equal to a value sent).
ABSENT = "<absent>"
# A number whose name ends so names another record (a plan, a platform): never varied.
_REFERENCE = re.compile(r"(?:_id|Id|ID|_ids|Ids)$")

# A field of a body or a record: its name, or a wrapper's name and its own ("contact", "email").
FieldPath = tuple[str, ...]


@dataclass(frozen=True)
class FlowPlan:
    """What the spec says a flow on API ``key`` does (see the module); :func:`flow_plan` reads it."""

    key: str
    spec: ApiSpec
    create: Operation
    id_pointer: str  # where the create's answer names the new record (a JSON pointer)
    read: Operation
    read_parameter: str  # the read's path parameter the id goes in
    listing: Operation
    paging: Paging | None
    update: Operation
    delete: Operation | None
    create_example: Mapping[str, Any]
    update_example: Mapping[str, Any]
    delete_example: Mapping[str, Any] | None
    read_fields: frozenset[FieldPath]  # the fields the read's record carries (one wrapper level)
    list_fields: frozenset[FieldPath]  # the same for the list's items


def _at_or_under(path: str, parent: str) -> bool:
    """Whether ``path`` is ``parent`` or one of its sub-paths (``/dealers/{id}/destroy`` under ``/dealers/{id}``)."""
    return path == parent or path.startswith(parent.rstrip("/") + "/")


def _properties(spec: ApiSpec, schema: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """An object schema's properties, ``$ref`` and ``allOf`` followed; a ``oneOf``/``anyOf``'s variants' in order.

    (Omnize's answers are a success or a failure inside HTTP 200: the success variant comes first.)
    """
    node = spec.resolve(schema)
    found: dict[str, Mapping[str, Any]] = {}
    for part in [*node.get("allOf", []), *node.get("oneOf", []), *node.get("anyOf", [])]:
        for name, value in _properties(spec, part).items():
            found.setdefault(name, value)
    found.update({name: spec.resolve(value) for name, value in (node.get("properties") or {}).items()})
    return found


def _required(spec: ApiSpec, schema: Mapping[str, Any]) -> set[str]:
    node = spec.resolve(schema)
    names = set(node.get("required") or ())
    for part in node.get("allOf", []):
        names |= _required(spec, part)
    return names


def _record_fields(spec: ApiSpec, schema: Mapping[str, Any], depth: int = 0) -> frozenset[FieldPath]:
    """The fields of the record a schema holds: its properties when they name one (``id``), else its wrapped record's.

    Each as a path: a scalar ``("email",)``, one level into an object ``("contact", "email")``.
    """
    properties = _properties(spec, schema)
    if not any(key in properties for key in ID_KEYS) and depth < 3:
        objects = [node for node in properties.values() if node.get("type") == "object" or "properties" in node]
        if len(objects) == 1:
            return _record_fields(spec, objects[0], depth + 1)
    paths: set[FieldPath] = set()
    for name, node in properties.items():
        paths.add((name,))
        paths.update((name, inner) for inner in _properties(spec, node))
    return frozenset(paths)


def _item_fields(spec: ApiSpec, schema: Mapping[str, Any]) -> frozenset[FieldPath]:
    """The fields of a list answer's items: the answer's array, or its (first) array property's."""
    node = spec.resolve(schema)
    if node.get("type") == "array":
        return _record_fields(spec, node.get("items", {}))
    for value in _properties(spec, node).values():
        if value.get("type") == "array":
            return _record_fields(spec, value.get("items", {}))
    return frozenset()


def _answer_schema(spec: ApiSpec, operation: Operation) -> Mapping[str, Any]:
    status = success_status(operation)
    media = spec.resolve(operation.raw["responses"][status]).get("content", {}) if status else {}
    json_media = media.get("application/json")
    if json_media is None:
        raise LookupError(f"{spec.key}: {operation.operation_id} documents no JSON success answer")
    schema: Mapping[str, Any] = json_media.get("schema", {})
    return schema


def _first_example(spec: ApiSpec, operation: Operation) -> Mapping[str, Any] | None:
    if operation.request_body is None:
        return None
    media = spec.resolve(operation.raw["requestBody"])["content"][operation.request_body.media_type]
    examples = [spec.resolve(example).get("value") for example in media.get("examples", {}).values()]
    if "example" in media:
        examples.insert(0, media["example"])
    found = next((example for example in examples if isinstance(example, dict)), None)
    if found is None:
        raise LookupError(f"{spec.key}: {operation.operation_id}'s request body has no example object")
    return found


def _links(spec: ApiSpec, operation: Operation) -> list[tuple[Operation, Mapping[str, Any]]]:
    """The operations ``operation``'s success answer links to, with each link's parameters."""
    status = success_status(operation)
    if status is None:
        return []
    links = spec.resolve(operation.raw["responses"][status]).get("links", {})
    return [
        (spec.operation(link["operationId"]), link.get("parameters") or {})
        for link in map(spec.resolve, links.values())
    ]


def _one_record_read(operation: Operation, under: str) -> str | None:
    """The path parameter of a GET at ``under`` plus one parameter (``/sites/{id}``), else None."""
    rest = operation.path.removeprefix(under.rstrip("/") + "/")
    if operation.method == "GET" and rest != operation.path and re.fullmatch(r"\{[^{}/]+\}", rest):
        return rest[1:-1]
    return None


@functools.cache
def flow_plan(key: str) -> FlowPlan:
    """What the generic flow does on API ``key``, read from its spec; ``LookupError`` names what the spec lacks."""
    return read_plan(api_spec(key))


def read_plan(spec: ApiSpec) -> FlowPlan:
    """What the generic flow does on the API of ``spec`` (see the module); ``LookupError`` names what it lacks."""
    key = spec.key
    for create in spec:
        if create.idempotent or not create.secured or create.own_base_path is not None:
            continue
        listing = next((op for op in spec if op.method == "GET" and op.path == create.path), None)
        linked = _links(spec, create)
        reads = [
            (op, parameters) for op, parameters in linked if _one_record_read(op, create.path) in parameters
        ]  # fmt: skip
        if listing is None or not reads:
            continue
        read, parameters = reads[0]
        name = _one_record_read(read, create.path)
        assert name is not None
        pointer = str(parameters[name])
        if not pointer.startswith(_ANSWER):
            raise LookupError(f"{key}: {create.operation_id}'s link to {read.operation_id} is not $response.body#/...")
        at_read = [op for op, _ in linked if op.path == read.path]
        update = next((op for op in at_read if op.method in ("PUT", "PATCH", "POST")), None)
        if update is None:
            raise LookupError(f"{key}: {create.operation_id}'s answer links to no update at {read.path}")
        # A DELETE at the read's path, or an action under it the spec marks x-deletes (PortSIP's destroy).
        delete = next((op for op, _ in linked if op.deletes and _at_or_under(op.path, read.path)), None)
        create_example, update_example = _first_example(spec, create), _first_example(spec, update)
        if create_example is None or update_example is None:
            which = create if create_example is None else update
            raise LookupError(f"{key}: {which.operation_id} has no request body")
        return FlowPlan(
            key=key,
            spec=spec,
            create=create,
            id_pointer=pointer.removeprefix(_ANSWER),
            read=read,
            read_parameter=name,
            listing=listing,
            paging=find_paging(listing),
            update=update,
            delete=delete,
            create_example=create_example,
            update_example=update_example,
            delete_example=_first_example(spec, delete) if delete is not None else None,
            read_fields=_record_fields(spec, _answer_schema(spec, read)),
            list_fields=_item_fields(spec, _answer_schema(spec, listing)),
        )
    raise LookupError(
        f"{key}: no secured, non-idempotent create whose success answer links to a GET of one record"
        " at its own path, beside a GET listing them there"
    )


# -- bodies ----------------------------------------------------------------------------------


def _fits(node: Mapping[str, Any], value: str) -> bool:
    """Whether a string the flow made still fits the property's length and pattern."""
    pattern = node.get("pattern")
    too_long = "maxLength" in node and len(value) > int(node["maxLength"])
    return not too_long and (pattern is None or re.search(str(pattern), value) is not None)


def _varied(node: Mapping[str, Any], name: str, value: Any, mark: str, *, numbers: int | None) -> Any | None:
    """``value`` made different by ``mark`` where the property allows it freely, else None.

    Only a property that says its type (not a ``$ref`` or a choice of schemas). Strings
    without ``enum`` or a ``format`` other than ``email``: the mark appended (in an
    e-mail address, to its local part), within ``maxLength`` and ``pattern``. Integers
    (when ``numbers`` is given, an update's number) that do not name a record: moved by it
    within ``minimum``/``maximum``.
    """
    kinds = node.get("type")
    kinds = set(kinds) if isinstance(kinds, list) else {kinds}
    if "enum" in node or "const" in node:
        return None
    if isinstance(value, str) and value and "string" in kinds:
        fmt = node.get("format")
        if fmt not in (None, "email"):
            return None
        local, at, domain = value.partition("@")
        if fmt == "email" and not at:
            return None
        limit = int(node.get("maxLength", 1000)) - len(mark) - len(at + domain)
        made = f"{local[: max(limit, 1)]}{mark}{at}{domain}"
        return made if _fits(node, made) else None
    number = isinstance(value, int) and not isinstance(value, bool) and "integer" in kinds
    if numbers and number and not _REFERENCE.search(name):
        low, high = node.get("minimum"), node.get("maximum")
        for moved in (value - numbers, value + numbers):
            if (low is None or moved >= low) and (high is None or moved <= high):
                return moved
    return None


def _body(
    spec: ApiSpec,
    schema: Mapping[str, Any],
    example: Mapping[str, Any],
    vary: Callable[[Mapping[str, Any], str, Any], Any | None],
    facts: Mapping[str, Any],
    where: str,
    path: FieldPath = (),
) -> tuple[dict[str, Any], dict[FieldPath, Any]]:
    """A request body from ``example`` (see the module): what the schema requires and what ``vary`` changes.

    Returns the body and the values varied, by path. Raises ``LookupError`` when the
    example lacks a field the schema requires.
    """
    properties, required = _properties(spec, schema), _required(spec, schema)
    placed = {name for name, node in properties.items() if node.get("x-partner-token")}
    missing = sorted(required - set(example) - placed)
    if missing:
        raise LookupError(f"{spec.key}: {where}'s example lacks the required {', '.join(missing)}")
    body: dict[str, Any] = {}
    varied: dict[FieldPath, Any] = {}
    for name, value in example.items():
        node = properties.get(name, {})
        if node.get("x-partner-token") or name in ID_KEYS:
            continue  # the overlay places the token; a record's id is its path's
        if name in facts:
            body[name] = facts[name]
        elif isinstance(value, Mapping) and not path:
            inner, inner_varied = _body(spec, node, value, vary, facts, where, (name,))
            if inner or name in required:
                body[name] = inner
                varied.update(inner_varied)
        elif (made := vary(node, name, value)) is not None:
            body[name] = made
            varied[(*path, name)] = made
        elif name in required:
            body[name] = value
    return body, varied


def _at(record: Mapping[str, Any], path: FieldPath) -> Any:
    """The value at ``path`` in a record (a wrapper the record does not have is skipped), or :data:`ABSENT`."""
    node: Any = record
    if len(path) > 1 and path[0] not in record:
        path = path[1:]  # the body's wrapper (Omnize's {"agent": {...}}) is not the record's
    for part in path:
        if not isinstance(node, Mapping) or part not in node:
            return ABSENT
        node = node[part]
    return node


def _shown(fields: frozenset[FieldPath], path: FieldPath) -> bool:
    return path in fields or (len(path) > 1 and path[1:] in fields)


def _pointer(document: Any, pointer: str) -> Any:
    for part in pointer.split("/")[1:]:
        document = document[int(part)] if isinstance(document, list) else document[part]
    return document


def _item_id(item: Mapping[str, Any]) -> Any:
    return next((item[key] for key in ID_KEYS if key in item), None)


# -- the flow --------------------------------------------------------------------------------


class GenericFlow(Flow):
    """A provisioning flow on an API's overlay client read from its spec (see the module).

    Made per API by :func:`generic_flow`, which fills ``key``, ``create_operation``,
    ``delete_operation`` and ``can_delete`` from the spec.
    """

    def __init__(self, sim: RunningSimulator, ledger: Ledger, **client_options: Any) -> None:
        super().__init__(sim, ledger, **client_options)
        self.plan = flow_plan(self.key)
        # A number among the tenant's facts names a record the simulator seeded for it (Omnize's account).
        self.facts: Mapping[str, Any] = {
            name: value
            for name, value in sim.tenant().facts.items()
            if isinstance(value, int) and not isinstance(value, bool)
        }
        spec, plan = self.plan.spec, self.plan
        assert plan.create.request_body is not None
        self.create_body, made = _body(
            spec,
            plan.create.request_body.schema,
            plan.create_example,
            lambda node, name, value: _varied(node, name, value, self.tag, numbers=None),
            self.facts,
            plan.create.operation_id,
        )
        listed = plan.list_fields
        keys = [(path, value) for path, value in made.items() if isinstance(value, str) and _shown(listed, path)]
        if not keys:
            raise LookupError(
                f"{self.key}: the create's example has no string the flow can make unique that"
                f" {plan.listing.operation_id}'s items carry (the flow finds its record by it)"
            )
        self.key_path, self.key_value = keys[0]
        self.created = made
        self.stage = 0
        self._updates: dict[int, tuple[dict[str, Any], dict[FieldPath, Any]]] = {}

    # -- requests through the overlay client's own httpx client ------------------------------

    def send(
        self,
        operation: Operation,
        *,
        client: Any = None,
        record: Any = None,
        query: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> Any:
        """Send ``operation`` through the overlay client's httpx client (its auth, retries and typed errors); its JSON.

        Raises the runtime's typed errors as the overlay's generated functions do.
        """
        http = (client or self.client).get_httpx_client()
        path = operation.path
        for parameter in operation.parameters:
            if parameter.location == "path":
                path = path.replace("{" + parameter.name + "}", quote(str(record), safe=""))
        content: dict[str, Any] = {}
        if body is not None and operation.request_body is not None:
            form = operation.request_body.media_type == "application/x-www-form-urlencoded"
            content = {"data": dict(body)} if form else {"json": dict(body)}
        response = http.request(operation.method, path, params=dict(query or {}) or None, **content)
        return response.json() if response.content else None

    def required_query(self, operation: Operation) -> dict[str, Any]:
        """``operation``'s required query parameters: from the tenant's facts, else from the create's values."""
        sources: list[Mapping[str, Any]] = [self.facts, self.create_body]
        sources += [value for value in self.create_body.values() if isinstance(value, Mapping)]
        query: dict[str, Any] = {}
        for parameter in operation.parameters:
            if parameter.location != "query" or not parameter.required:
                continue
            found = [source[parameter.name] for source in sources if parameter.name in source]
            if not found:
                raise LookupError(
                    f"{self.key}: {operation.operation_id} requires {parameter.name}, which neither the tenant's facts"
                    " nor the create's body give"
                )
            query[parameter.name] = found[0]
        return query

    def items(self, client: Any = None) -> Iterator[Mapping[str, Any]]:
        """The list's items, page by page in its paging style (at most :data:`MAX_PAGES` pages)."""
        plan = self.plan
        query = self.required_query(plan.listing)
        if any(p.name == self.key_path[-1] and p.location == "query" for p in plan.listing.parameters):
            query[self.key_path[-1]] = self.key_value  # the list filters by the key: fewer pages to walk
        paging = plan.paging
        index = paging.first if paging else 0
        first_length: int | None = None
        for _ in range(MAX_PAGES):
            page = dict(query)
            size = None
            if paging is not None:
                page[paging.index] = index
                if paging.size is not None:
                    size = min(PAGE_SIZE, paging.max_size or PAGE_SIZE)
                    page[paging.size] = size
            items = items_of(self.send(plan.listing, client=client, query=page)) or []
            yield from items
            limit = size if size is not None else first_length
            first_length = len(items) if first_length is None else first_length
            if paging is None or not items or (limit is not None and len(items) < limit):
                return
            index += len(items) if paging.counts_items else 1

    def keyed(self, client: Any = None) -> list[Mapping[str, Any]]:
        """The list's items carrying this flow's key."""
        return [item for item in self.items(client) if same_value(self.key_value, _at(item, self.key_path))]

    def update_body(self, n: int) -> tuple[dict[str, Any], dict[FieldPath, Any]]:
        """The ``n``-th update's body and the values it varies (the key kept as created)."""
        if n not in self._updates:
            plan = self.plan
            assert plan.update.request_body is not None
            key_name = self.key_path[-1]

            def vary(node: Mapping[str, Any], name: str, value: Any) -> Any | None:
                if name == key_name:
                    return self.key_value  # the flow's key stays: the flow finds its record by it
                return _varied(node, name, value, f"{n}{self.tag}", numbers=n)

            schema, example = plan.update.request_body.schema, plan.update_example
            self._updates[n] = _body(plan.spec, schema, example, vary, self.facts, plan.update.operation_id)
        return self._updates[n]

    def checked(self) -> frozenset[FieldPath]:
        """The fields read back after each step: the key and what the updates vary that record and list both carry."""
        plan = self.plan
        candidates = [self.key_path, *self.update_body(1)[1]]
        shown = [path for path in candidates if _shown(plan.read_fields, path)]
        return frozenset(path for path in shown if _shown(plan.list_fields, path))

    def project(self, record: Mapping[str, Any] | None, n: int) -> dict[FieldPath, Any]:
        """``record``'s values of :meth:`expected`'s fields; each one that shows the value expected, as expected."""
        expected: dict[FieldPath, Any] = self.expected(n)
        found: dict[FieldPath, Any] = {}
        for path, value in expected.items():
            read = ABSENT if record is None else _at(record, path)
            found[path] = value if read is not ABSENT and same_value(value, read) else read
        return found

    # -- the steps Flow.run drives -------------------------------------------------------------

    def create(self) -> Any:
        """Send the create once; the new record's id, read where the spec's link says."""
        answer = self.send(self.plan.create, body=self.create_body)
        return _pointer(answer, self.plan.id_pointer)

    def find(self) -> Any | None:
        """The id of the record carrying this flow's key, read from the list, or None."""
        found = self.keyed()
        return _item_id(found[0]) if found else None

    def read(self, record: Any) -> Any:
        """The checked fields, read from the record."""
        answer = self.send(self.plan.read, record=record, query=self.required_query(self.plan.read))
        return self.project(_record(answer), self.stage)

    def listed(self, record: Any) -> Any:
        """The checked fields, read from the list (``LookupError`` when it does not list the record)."""
        found = [item for item in self.items() if str(_item_id(item)) == str(record)]
        if not found:
            raise LookupError(record)
        return self.project(found[0], self.stage)

    def update(self, record: Any, n: int) -> None:
        """Send the ``n``-th update."""
        self.stage = n
        self.send(self.plan.update, record=record, body=self.update_body(n)[0])

    def expected(self, n: int) -> Any:
        """The checked fields' values after the ``n``-th update (0: those the create sent)."""
        values = self.created if n == 0 else {**self.created, **self.update_body(n)[1]}
        values = {**values, self.key_path: self.key_value}
        return {path: values[path] for path in sorted(self.checked()) if path in values}

    def delete(self, record: Any) -> None:
        """Send the delete the create's links lead to (``can_delete`` only)."""
        plan = self.plan
        assert plan.delete is not None
        body = None
        if plan.delete_example is not None and plan.delete.request_body is not None:
            body, _ = _body(
                plan.spec,
                plan.delete.request_body.schema,
                plan.delete_example,
                lambda node, name, value: None,
                self.facts,
                plan.delete.operation_id,
            )
        self.send(plan.delete, record=record, body=body)

    def gone(self, record: Any) -> bool:
        """Whether the read refuses the record as not found and the list no longer shows it."""
        try:
            self.send(self.plan.read, record=record, query=self.required_query(self.plan.read))
        except NotFoundError:
            return all(str(_item_id(item)) != str(record) for item in self.items())
        return False

    def records(self) -> int:
        """How many records carry this flow's key, listed by a client of the simulator's state served without faults."""
        with self.fault_free() as client:
            return len(self.keyed(client))

    @contextlib.contextmanager
    def fault_free(self) -> Iterator[Any]:
        """An overlay client of the first tenant on the same simulator's state, served without the fault profile."""
        app = build_app(self.sim.simulator)
        with serve(app) as server:
            running = RunningSimulator(self.key, server.root_url, server.root_url + self.plan.spec.base_path, app)
            client = running.client(0)
            try:
                yield client
            finally:
                client.get_httpx_client().close()

    def cheap_read(self, client: Any) -> Callable[[], Any]:
        """The list's first page, through ``client``."""
        query = self.required_query(self.plan.listing)
        return lambda: self.send(self.plan.listing, client=client, query=query)


def _record(answer: Any) -> Mapping[str, Any] | None:
    """The record a read's answer holds: the answer when it names one (``id``), else its one wrapped record."""
    if not isinstance(answer, Mapping):
        return None
    if any(key in answer for key in ID_KEYS):
        return answer
    wrapped = [value for value in answer.values() if isinstance(value, Mapping)]
    return _record(wrapped[0]) if len(wrapped) == 1 else answer


@functools.cache
def generic_flow(key: str) -> type[GenericFlow]:
    """The :class:`GenericFlow` of API ``key``, its operations named on the class; LookupError as :func:`flow_plan`."""
    plan = flow_plan(key)
    attributes = {
        "key": key,
        "create_operation": plan.create.operation_id,
        "delete_operation": plan.delete.operation_id if plan.delete else "",
        "can_delete": plan.delete is not None,
        "__doc__": f"The generic flow on {key}: {plan.create.operation_id}, {plan.read.operation_id},"
        f" {plan.update.operation_id}{', ' + plan.delete.operation_id if plan.delete else ''}.",
    }
    return type(f"GenericFlow[{key}]", (GenericFlow,), attributes)

"""What a contract run created and deleted, read off the spec's links: for use-after-free and availability checks.

The links of a create say which request parameters name what it answered: PortSIP's
createDealer fills the ``id`` of getDealer, updateDealer, setDealerPassword and
destroyDealer with ``$response.body#/id``. Every value a POST's links take from its
answer is a resource, and the parameters those links fill are where later requests
name it. Values that fill a same parameter are one kind of resource: Omnize's
createAgent answers an ``account_id`` that fills listAgents's, as createAccount's
``id`` does. An operation that takes a resource of a kind in its own request refers to
it rather than creating it, and what it does create belongs to it (an agent to its
account). A value the create's own request sent under the same name (createAgent's
``email``) is the client's choice, which other calls may change or reuse, not something
the server made: it is no resource.

A DELETE, or an operation the spec marks ``x-deletes`` (PortSIP's destroy), deletes what it
names, and with it what belongs to it. Ids are not reused, so the ledger holds across
scenarios and phases; a value made again (an e-mail address) is alive again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import schemathesis

from partner_apis.specs import ApiSpec
from tests.contract.hooks.shared import json_body, spec_operation

__all__ = ["Ledger"]

_ANSWER = "$response.body#"
Slot = tuple[str, tuple[str, ...]]  # (operationId, (location, name, ...)): where a request names something
Resource = tuple[int, str]  # (kind, value)


def _leaves(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    if isinstance(node, Mapping):
        for name, value in node.items():
            yield from _leaves(value, (*path, name))
    else:
        yield path, node


def _at(node: Any, path: tuple[str, ...]) -> str | None:
    """The id at ``path`` (keys, or list indices as text) in ``node``, as text (ids come as numbers or text)."""
    for part in path:
        if isinstance(node, list) and part.isdecimal() and int(part) < len(node):
            node = node[int(part)]
        else:
            node = node.get(part) if isinstance(node, Mapping) else None
    return str(node) if isinstance(node, int | str) else None


def _links(spec: ApiSpec) -> Iterator[tuple[str, str, Slot]]:
    """(POST operation, JSON pointer into its answer, slot the pointed value fills) for every link of a 2xx."""
    for operation in spec:
        if operation.method != "POST":
            continue
        for status, response in operation.raw.get("responses", {}).items():
            if not str(status).startswith("2"):
                continue
            for link in map(spec.resolve, spec.resolve(response).get("links", {}).values()):
                target = spec.operation(link["operationId"])
                fills: list[tuple[tuple[str, ...], Any]] = [
                    ((target.parameter(name).location, name), value)
                    for name, value in link.get("parameters", {}).items()
                ]
                fills += [(("body", *path), value) for path, value in _leaves(link.get("requestBody", {}))]
                for place, value in fills:
                    if isinstance(value, str) and value.startswith(_ANSWER):
                        yield operation.operation_id, value.removeprefix(_ANSWER), (target.operation_id, place)


class Ledger:
    """The resources a run created and deleted (see the module); what deletes is the spec's (``Operation.deletes``)."""

    def __init__(self, spec: ApiSpec) -> None:
        self.spec = spec
        groups: dict[tuple[str, str], set[Slot]] = {}
        for operation_id, pointer, slot in _links(spec):
            groups.setdefault((operation_id, pointer), set()).add(slot)
        kinds: list[set[Slot]] = []
        for slots in groups.values():
            overlapping = [kind for kind in kinds if kind & slots]
            kinds = [kind for kind in kinds if not kind & slots] + [slots.union(*overlapping)]
        self._kinds = kinds
        # operationId -> (path in its answer, kind) of what it creates, and of what it refers to.
        self._creates: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self._refers: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self.creators: dict[int, str] = {}
        for (operation_id, pointer), slots in groups.items():
            kind = next(index for index, found in enumerate(kinds) if slots <= found)
            path = tuple(pointer.split("/")[1:])  # a JSON pointer: "/data/0/id"
            takes_one = any(slot_operation == operation_id for slot_operation, _ in kinds[kind])
            (self._refers if takes_one else self._creates).setdefault(operation_id, []).append((path, kind))
            if not takes_one:
                self.creators.setdefault(kind, operation_id)
        self._created: dict[Resource, tuple[Resource, ...]] = {}  # with what it belongs to
        self._deleted: dict[Resource, tuple[str, str]] = {}  # by (case id, request)

    def named(self, case: Any) -> list[Resource]:
        """The resources ``case`` names (by its spec links), whether this run made them or not."""
        operation_id = spec_operation(self.spec, case.operation).operation_id
        containers = {"path": case.path_parameters, "query": case.query, "header": case.headers, "body": case.body}
        found = []
        for kind, slots in enumerate(self._kinds):
            for slot_operation, (location, *path) in slots:
                value = _at(containers.get(location), tuple(path)) if slot_operation == operation_id else None
                if value is not None:
                    found.append((kind, value))
        return found

    def record(self, case: Any, body: Any) -> None:
        """Note what a successful call created (from its answer ``body``) or deleted."""
        operation_id = spec_operation(self.spec, case.operation).operation_id
        owners = tuple(
            (kind, value) for path, kind in self._refers.get(operation_id, ()) if (value := _at(body, path)) is not None
        )
        sent = {(path[-1], _at(value, ())) for path, value in _leaves(case.body) if path}
        for path, kind in self._creates.get(operation_id, ()):
            value = _at(body, path)
            if value is not None and (path[-1], value) not in sent:  # what the server made
                self._created[kind, value] = owners
                self._deleted.pop((kind, value), None)
        if self.spec.operation(operation_id).deletes:
            for resource in self.named(case):
                self._deleted.setdefault(resource, (case.id, f"{case.method.upper()} {case.formatted_path}"))

    def track(self, succeeded: Callable[[Any], bool]) -> None:
        """Register an ``after_call`` hook that records every call ``succeeded(response)`` says succeeded."""

        def after_call(context: Any, case: Any, response: Any) -> None:
            if succeeded(response):
                self.record(case, json_body(response))

        schemathesis.hook("after_call")(after_call)

    def deletion(self, case: Any, resource: Resource) -> str | None:
        """The request that deleted ``resource`` (or what it belongs to) before ``case``, or None while it lives."""
        for gone in (resource, *self._created.get(resource, ())):
            deleted = self._deleted.get(gone)
            if deleted is not None and deleted[0] != case.id:
                return deleted[1]
        return None

    def describe(self, resource: Resource) -> str:
        """``resource`` in words: its value and the operation that makes its kind."""
        kind, value = resource
        return f"{value} (made by {self.creators.get(kind, 'another operation')})"

    def check_gone(self, case: Any) -> None:
        """Raise AssertionError when a successful ``case`` names a resource this run deleted."""
        for resource in self.named(case):
            deletion = self.deletion(case, resource)
            if deletion is not None:
                raise AssertionError(
                    f"{case.operation.label} succeeded on {self.describe(resource)}, deleted earlier with {deletion}"
                )

    def check_available(self, case: Any, creator: str | None = None) -> None:
        """Raise AssertionError when a "not found" ``case`` names a live resource this run created.

        ``creator`` limits it to the kinds that operation makes (the vendor said what was not found).
        """
        for resource in self.named(case):
            if creator not in (None, self.creators.get(resource[0])):
                continue
            if resource in self._created and self.deletion(case, resource) is None:
                raise AssertionError(
                    f"{case.operation.label} answered not found for {self.describe(resource)}, "
                    "which this run created and never deleted"
                )

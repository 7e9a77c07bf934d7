"""Each API's retry case, read from its spec: one create, one read, their answers and the token the client asks for.

The retry tests drive every overlay client on a mock transport through one create (an
operation the spec marks ``x-idempotent: false``) and one read. All of a case comes from
the spec and the API's registries, so an API added to ``specs/`` needs no row:

- the *read* is the one the planted-drift test plants in (``tests/drift/plantings.py``: a
  read of one record the spec documents with a sample, else a list), called with its path
  parameters' examples (else the sample record's identifier) and its required query
  parameters' examples; its answer is that sample;
- the *create* is a secured, non-idempotent operation on the API's own server whose
  success answer links to the read (OpenAPI ``links``: the operations that take the new
  record's id), one on the read's own collection path first (``POST /departments`` beside
  ``GET /departments``, ``POST /dealers`` beside ``GET /dealers/{id}``), else the first in
  spec order; it sends its request body's first example, and its answer is its first
  success example that is not a failure inside the success status;
- a failure inside HTTP 200 (Omnize's ``success: false``) is the read's first documented
  one, where the spec documents one in the read's success answer;
- the token request a client makes on its own is the spec's ``getToken`` (the project's
  name for it, ARCHITECTURE.md), answered with its first success example, where the
  client signs in (``tests/overlays/wire.py``'s ``signs_in``: the first tenant brings no
  ready token);
- the client is the one the testing layer makes for the simulator's first tenant
  (``RunningSimulator.client``), aimed at a loopback address nobody dials.

The generated client's function for an operation is ``<key>_client.api.<tag>.<operationId
in snake case>``; it is called with the parameters' Python names and, for a body, the
generated model's ``from_dict`` of the example.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from starlette.applications import Starlette

from partner_apis.simulators.registry import create_app
from partner_apis.specs import ApiSpec, Operation, api_spec
from partner_apis.testing import RunningSimulator
from tests.drift.plantings import derive_planting, path_values
from tests.drift.samples import failure_variant, json_answer, success_status
from tests.overlays.wire import signs_in

__all__ = ["LOOPBACK", "RetryCase", "derive_case", "generated_operation"]

LOOPBACK = "http://127.0.0.1:9"  # never dialled: every request goes to the mock transport
TOKEN_OPERATION = "getToken"


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def generated_operation(key: str, operation_id: str) -> types.ModuleType:
    """The generated client's module for ``operation_id`` (its ``sync``, ``asyncio``, ...).

    Raises ``LookupError`` when the generated client has none (regenerate the clients).
    """
    package = importlib.import_module(key.replace("-", "_") + "_client.api")
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if module.name.rsplit(".", 1)[-1] == _snake(operation_id):
            return importlib.import_module(module.name)
    raise LookupError(f"{key}'s generated client has no module for {operation_id}")


@dataclass(frozen=True)
class RetryCase:
    """One API's overlay client on a mock transport, with one create and one read, all read from the spec.

    ``create_operation`` is marked ``x-idempotent: false`` and ``read_operation``
    ``x-idempotent: true`` (the tests check both against the requests sent);
    ``read_answer`` is the read's success body, ``created`` the create's success answer
    (status, body), ``failure_in_body`` the read's documented failure inside HTTP 200 (or
    None), and ``token`` the path and answer of the token request the client makes on its
    own (or None).
    """

    key: str
    create_operation: str
    create_body: Any
    read_operation: str
    read_arguments: Mapping[str, Any]
    read_answer: Any
    created: tuple[int, Any]
    failure_in_body: Any
    token: tuple[str, Any] | None

    def build(self, transport: httpx.BaseTransport, retry: Any, **options: Any) -> Any:
        """The overlay's client for the first tenant, aimed at the loopback address, on ``transport``."""
        sim = RunningSimulator(self.key, LOOPBACK, LOOPBACK + api_spec(self.key).base_path, _app(self.key))
        return sim.client(transport=transport, retry=retry, **options)

    def create(self, client: Any) -> object:
        """Send the create through the generated client; its parsed answer."""
        call = generated_operation(self.key, self.create_operation).sync
        hints = typing.get_type_hints(call)
        body_type = next(arm for arm in typing.get_args(hints["body"]) or (hints["body"],) if hasattr(arm, "from_dict"))
        return call(client=client, body=body_type.from_dict(self.create_body))

    def read(self, client: Any) -> object:
        """Send the read through the generated client; its parsed answer."""
        return generated_operation(self.key, self.read_operation).sync(client=client, **self.read_arguments)

    def created_answer(self) -> httpx.Response:
        """A fresh copy of the create's success answer."""
        status, body = self.created
        return httpx.Response(status, json=body)

    def side(self, request: httpx.Request) -> httpx.Response | None:
        """The answer to a request the client makes on its own (its token request), else None."""
        if self.token is None or request.url.path != self.token[0]:
            return None
        return httpx.Response(200, json=self.token[1])


@functools.cache
def _app(key: str) -> Starlette:
    # Only its tenants are read (the testing layer's credentials); it never serves here.
    return create_app(key)


def _first_example(spec: ApiSpec, media: Mapping[str, Any] | None, *, failure: bool = False) -> Any:
    if media is None:
        return None
    for example in media.get("examples", {}).values():
        value = spec.resolve(example).get("value")
        if failure_variant(spec, media.get("schema", {}), value) == failure:
            return value
    return None


def _value_at(document: Any, pointer: str) -> Any:
    for token in pointer.split("/")[1:]:
        document = document[int(token)] if isinstance(document, list) else document[token]
    return document


def _read(spec: ApiSpec, key: str) -> tuple[Operation, dict[str, Any], Any, Any]:
    planting = derive_planting(key)
    operation = spec.operation(planting.operation)
    media = json_answer(spec, operation, "200")
    assert media is not None  # the planting's read documents a JSON success sample
    sample = spec.resolve(media["examples"][planting.example])["value"]
    values = path_values(operation, _value_at(sample, planting.removed))
    for parameter in operation.parameters:
        if parameter.location == "query" and parameter.required:
            examples = list(parameter.raw.get("examples", {}).values())
            if not examples:
                raise LookupError(f"{key}: {operation.operation_id}'s required {parameter.name} has no example")
            values[parameter.name] = examples[0]["value"]
    names = inspect.signature(generated_operation(key, operation.operation_id).sync).parameters
    arguments = {_snake(name): value for name, value in values.items()}
    unknown = sorted(set(arguments) - set(names))
    if unknown:
        raise LookupError(f"{key}: the generated {operation.operation_id} takes no {', '.join(unknown)}")
    return operation, arguments, sample, _first_example(spec, media, failure=True)


def _collection(path: str) -> str:
    return re.sub(r"/\{[^}]+\}$", "", path)


def _create(spec: ApiSpec, read: Operation) -> Operation:
    creates = []
    for operation in spec:
        status = success_status(operation)
        if operation.idempotent or not operation.secured or operation.own_base_path is not None or status is None:
            continue
        links = spec.resolve(operation.raw["responses"][status]).get("links", {})
        if any(spec.resolve(link).get("operationId") == read.operation_id for link in links.values()):
            creates.append(operation)
    beside = [operation for operation in creates if operation.path == _collection(read.path)]
    if not creates:
        raise LookupError(f"{spec.key}: no secured create's success answer links to {read.operation_id}")
    return (beside or creates)[0]


def _token(spec: ApiSpec) -> tuple[str, Any] | None:
    if not signs_in(spec.key):
        return None  # the first tenant brings a ready token (Comm100 v4, Omnize): no token request
    try:
        operation = spec.operation(TOKEN_OPERATION)
    except KeyError:
        return None
    base = operation.own_base_path if operation.own_base_path is not None else spec.base_path
    status = success_status(operation)
    answer = _first_example(spec, json_answer(spec, operation, status) if status else None)
    return base + operation.path, answer


@functools.cache
def derive_case(key: str) -> RetryCase:
    """The retry case of API ``key``, read from its spec; raises ``LookupError`` naming what the spec lacks."""
    spec = api_spec(key)
    read, arguments, read_answer, failure = _read(spec, key)
    create = _create(spec, read)
    status = success_status(create)
    assert status is not None  # _create keeps only operations with a success status
    body = create.request_body
    if body is None:
        raise LookupError(f"{key}: {create.operation_id} has no request body")
    media = spec.resolve(create.raw["requestBody"])["content"][body.media_type]
    examples = list(media.get("examples", {}).values())
    if not examples:
        raise LookupError(f"{key}: {create.operation_id}'s request body has no example")
    return RetryCase(
        key=key,
        create_operation=create.operation_id,
        create_body=spec.resolve(examples[0])["value"],
        read_operation=read.operation_id,
        read_arguments=arguments,
        read_answer=read_answer,
        created=(int(status), _first_example(spec, json_answer(spec, create, status))),
        failure_in_body=failure,
        token=_token(spec),
    )

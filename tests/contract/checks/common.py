"""What the contract checks share: who calls (identities and their tokens), how an answer is judged, records in answers.

The checks run inside the Schemathesis CLI (a hooks module registers them) and send
their own requests as public ``Case`` objects of the loaded schema
(``schema.find_operation_by_id(...).Case(...)``, ``Case.call``), signed by an
:class:`Identity`. What they need to know about an API comes from the spec model
(operations, paths, parameters, links) and from the hooks module: how to log in as each
identity and how to read a status from an answer (Omnize answers every refusal 200).
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import requests
import schemathesis

from partner_apis.specs import ApiSpec, Operation, api_spec
from tests.contract.hooks.guard import in_place_of_the_answer, injected_fault
from tests.contract.hooks.oauth import send_bearer
from tests.contract.hooks.shared import json_body, live, spec_operation
from tests.contract.runner import INJECTED_CASES_VARIABLE, KEY_VARIABLE, SENT_VARIABLE

__all__ = [
    "Api",
    "CannotJudge",
    "Identity",
    "http_status",
    "item_id",
    "items_of",
    "record_of",
    "register",
    "total_of",
    "writes_allowed",
]

# Keys that name a record in an answer, in the order they are tried.
ID_KEYS = ("id", "uid")
TIMEOUT = 10


class CannotJudge(Exception):
    """A check's own request met no answer it can judge by: the check says nothing.

    That is a 429 (the API throttles the checks' extra traffic, live or simulated), or an
    answer a simulator's fault profile injected in place of the real one (marked
    ``x-simulator-fault``; a latency mark is the real answer, late, and is judged), or, in
    a run with a fault profile, a dropped connection or a held answer.
    """


def send(case: Any) -> Any:
    """``case`` sent as it is (its credentials already placed); raises :class:`CannotJudge` as that class says."""
    try:
        response = case.call(timeout=TIMEOUT)
    except requests.RequestException as error:
        unjudgeable_drop(case.operation.label, error)
        raise
    return judgeable(case.operation.label, response)


def judgeable(label: str, response: Any) -> Any:
    """``response`` (to a check's own request ``label``), or :class:`CannotJudge` when it is a 429 or injected."""
    if response.status_code == 429 or in_place_of_the_answer(response.headers):
        raise CannotJudge(f"{label}: {injected_fault(response.headers) or 'rate limited'}")
    return response


def unjudgeable_drop(label: str, error: Exception) -> None:
    """Raise :class:`CannotJudge` for a check's own request that got no answer, in a run with faults; else return.

    Without faults a dropped connection is the server's to answer for: the caller re-raises.
    """
    if os.environ.get(INJECTED_CASES_VARIABLE):
        raise CannotJudge(f"{label}: {type(error).__name__}") from None


Check = Callable[[Any, Any, Any], bool | None]


def judging(check: Check) -> Check:
    """``check`` saying nothing when one of its own requests meets :class:`CannotJudge`, keeping its name."""

    @functools.wraps(check)
    def tolerant(ctx: Any, response: Any, case: Any) -> bool | None:
        try:
            return check(ctx, response, case)
        except CannotJudge:
            return None

    return tolerant


def register(check: Check) -> Check:
    """Register ``check`` with Schemathesis as :func:`judging` makes it; returns what was registered.

    Every check of the suite goes through here (the shared ones via ``install``, the
    hooks modules' own as a decorator), so none holds a throttled or injected answer to
    its own request against the server.
    """
    tolerant = judging(check)
    schemathesis.check(tolerant)
    return tolerant


def bearer(case: Any, token: str | None) -> None:
    """Put ``Authorization: Bearer <token>`` on a case, or remove it (``None``), keeping its other headers."""
    headers = {name: value for name, value in (case.headers or {}).items() if name.lower() != "authorization"}
    case.headers = headers if token is None else {**headers, "Authorization": f"Bearer {token}"}


def writes_allowed() -> bool:
    """Whether a check may create or change data: always against a simulator; live, only when the run's plan writes.

    (The runner names the operations a run may send; a live run without ``--allow-writes`` sends reads only.)
    """
    if not live():
        return True
    sent = filter(None, os.environ.get(SENT_VARIABLE, "").split(","))
    spec = os.environ.get(KEY_VARIABLE)
    return spec is not None and any(api_spec(spec).operation(name).method not in {"GET", "HEAD"} for name in sent)


def http_status(response: Any) -> int:
    """The answer's HTTP status: how a REST API says whether it accepted a call."""
    return int(response.status_code)


@dataclass
class Identity:
    """One identity the checks call as: how it logs in (``login(base_url)`` returns a token) and where the token goes.

    Tokens are cached per base URL and fetched again once after a 401. ``login`` raises
    what the API's login raises (RuntimeError for a refused one); nothing here holds the
    credentials themselves, and a token never appears in a message.
    """

    name: str
    login: Callable[[str], str]
    place: Callable[[Any, str], None] = send_bearer
    _tokens: dict[str, str] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def token(self, base_url: str, *, fresh: bool = False) -> str:
        """A token of this identity for the API at ``base_url`` (a new one when ``fresh``)."""
        with self._lock:
            if fresh or base_url not in self._tokens:
                self._tokens[base_url] = self.login(base_url)
            return self._tokens[base_url]

    def send(self, case: Any) -> Any:
        """``case`` sent as this identity (again with a new token after a 401); CannotJudge as send() says."""
        base_url = case.operation.schema.get_base_url()
        response = None
        for fresh in (False, True):
            self.place(case, self.token(base_url, fresh=fresh))
            response = send(case)
            if response.status_code != 401:
                break
        return response


@dataclass
class Api:
    """One API as the checks see it: its spec, who the run calls as, and how an answer's status is read.

    ``caller(case)`` is the identity the run itself sends ``case`` as (one per role);
    ``status(response)`` the status a REST API would have answered (Omnize reads its
    body); ``others`` are identities that must never reach the first one's records.
    """

    spec: ApiSpec
    caller: Callable[[Any], Identity]
    status: Callable[[Any], int] = http_status
    others: tuple[Identity, ...] = ()

    def accepted(self, response: Any) -> bool:
        """Whether the API accepted the call (a 2xx, as ``status`` reads it)."""
        return 200 <= self.status(response) < 300

    def operation(self, case: Any) -> Operation:
        """The spec model's operation of ``case``."""
        return spec_operation(self.spec, case.operation)

    def case(self, like: Any, operation_id: str, **parts: Any) -> Any:
        """A new case of ``operation_id`` in ``like``'s schema (``path_parameters=``, ``query=``, ``body=``...)."""
        return like.operation.schema.find_operation_by_id(operation_id).Case(**parts)

    def call(self, like: Any, operation_id: str, who: Identity | None = None, **parts: Any) -> Any:
        """Send ``operation_id`` as ``who`` (default: the identity that sent ``like``); returns the response."""
        probe = self.case(like, operation_id, **parts)
        return (who or self.caller(like)).send(probe)


def record_of(body: Any) -> dict[str, Any] | None:
    """The record an answer holds: the answer itself when it names one (``id``/``uid``), else its one wrapped record.

    ``{"success": true, "data": {"id": 7, ...}}`` and ``{"data": [{"id": 7, ...}]}`` ->
    ``{"id": 7, ...}``; None when there is no such record.
    """
    if not isinstance(body, dict):
        return None
    if any(key in body for key in ID_KEYS):
        return body
    wrapped = [value for value in body.values() if isinstance(value, dict)]
    wrapped += [value[0] for value in body.values() if isinstance(value, list) and len(value) == 1]
    return record_of(wrapped[0]) if len(wrapped) == 1 else None


def items_of(body: Any) -> list[dict[str, Any]] | None:
    """The items of a list answer: the answer when it is a list, else its (first) list property; None otherwise."""
    if isinstance(body, list):
        return [item for item in body if isinstance(item, dict)]
    if isinstance(body, dict):
        for value in body.values():
            if isinstance(value, list) and all(isinstance(item, dict) for item in value):
                return value
    return None


def total_of(body: Any) -> int | None:
    """How many items the whole list holds, as a page says it (``total`` or ``count``), or None when it does not."""
    if isinstance(body, dict):
        for key in ("total", "count"):
            value = body.get(key)
            if isinstance(value, int) and not isinstance(value, bool):
                return value
    return None


def item_id(item: Mapping[str, Any]) -> str | None:
    """An item's id as text (``id`` or ``uid``), or None when it carries none."""
    for key in ID_KEYS:
        value = item.get(key)
        if isinstance(value, int | str) and not isinstance(value, bool):
            return str(value)
    return None


def path_parameters(operation: Operation) -> list[str]:
    """The names of ``operation``'s path parameters, in the path's order."""
    return [parameter.name for parameter in operation.parameters if parameter.location == "path"]


def body_of(response: Any) -> Any:
    """A response's JSON body, or None (re-exported for the checks)."""
    return json_body(response)


def leaves(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every (path, value) of a JSON document's non-object values."""
    if isinstance(node, Mapping):
        for name, value in node.items():
            yield from leaves(value, (*path, str(name)))
    else:
        yield path, node


_ANSWER = "$response.body#"


def created_ids(spec: ApiSpec, operation: Operation, body: Any) -> set[str]:
    """The ids a create's answer names, by the spec's links from its 2xx answers (``$response.body#/id``)."""
    found: set[str] = set()
    for status, response in operation.raw.get("responses", {}).items():
        if not str(status).startswith("2"):
            continue
        for link in map(spec.resolve, spec.resolve(response).get("links", {}).values()):
            for _, value in leaves({**link.get("parameters", {}), "body": link.get("requestBody", {})}):
                if isinstance(value, str) and value.startswith(_ANSWER):
                    node = body
                    for part in value.removeprefix(_ANSWER).split("/")[1:]:
                        if isinstance(node, list) and part.isdecimal() and int(part) < len(node):
                            node = node[int(part)]
                        else:
                            node = node.get(part) if isinstance(node, Mapping) else None
                    if isinstance(node, int | str) and not isinstance(node, bool):
                        found.add(str(node))
    return found


def link_slots(spec: ApiSpec) -> dict[str, set[tuple[str, ...]]]:
    """Where requests name what creates made: operationId -> {(location, name, ...)} filled by a link from an answer."""
    slots: dict[str, set[tuple[str, ...]]] = {}
    for operation in spec:
        for status, response in operation.raw.get("responses", {}).items():
            if not str(status).startswith("2"):
                continue
            for link in map(spec.resolve, spec.resolve(response).get("links", {}).values()):
                target = spec.operation(link["operationId"])
                for name, value in link.get("parameters", {}).items():
                    if isinstance(value, str) and value.startswith(_ANSWER):
                        location = target.parameter(name).location
                        slots.setdefault(target.operation_id, set()).add((location, name))
                for path, value in leaves(link.get("requestBody", {})):
                    if isinstance(value, str) and value.startswith(_ANSWER):
                        slots.setdefault(target.operation_id, set()).add(("body", *path))
    return slots


def named_values(slots: Mapping[str, set[tuple[str, ...]]], operation: Operation, case: Any) -> set[str]:
    """The values ``case`` sends where a link says a request names a record (``slots``: :func:`link_slots`)."""
    containers = {"path": case.path_parameters, "query": case.query, "header": case.headers, "body": case.body}
    values: set[str] = set()
    for location, *path in slots.get(operation.operation_id, ()):
        node = containers.get(location)
        for part in path:
            node = node.get(part) if isinstance(node, Mapping) else None
        if isinstance(node, int | str) and not isinstance(node, bool):
            values.add(unquote(str(node)) if location == "path" else str(node))
    return values

"""Read after write: what a successful write sent is what the API then shows, from the record and from the list.

A write that answers success and stores nothing (a v4 ``changeSiteStatus`` that answers
the new status and never keeps it, an Omnize department update visible in its answer
only) passes every check that looks at one response. After each accepted write (a
secured POST, PUT or PATCH that is not a delete), the check reads the record back, as
the same identity, from every place the spec offers:

- the record: the GET at the write's path up to its first path parameter
  (``/sites/{id}:changeSiteStatus`` -> ``GET /sites/{id}``), or for a create the GET its
  answer's links lead to;
- the list: the GET at the path before its first path parameter (``GET /sites``), walked
  page by page (paging.py) until the record is found, with the write's own query values
  and the record's or the answer's values for the list's required parameters (after the
  first :data:`LIST_READS` writes of each operation; a bug of this class is the
  operation's, and each read walks the list).

An action the spec marks ``x-leaves-lists`` (AirVantage's accept and reject: an
answered request no longer waits) must take the record out of those lists instead; one
marked ``x-reply-body`` sent a reply, not the record's fields, so nothing it sent is
compared (specs/CONVENTIONS.md).

After an accepted delete (``DELETE``, or an operation the spec marks ``x-deletes``: PortSIP's
destroy), the record's GET must refuse it.

Each read must be accepted and show, for every field the write sent that the read
carries, the value sent (read loosely: letter case, ``"true"`` for ``true``, a number's
type, a reference sent by id or name read back as an object with that ``uid``/``id``/``name``; a null read
back, an empty value sent and two names sent that differ only in letter case are not
compared: a server may drop what a rule makes meaningless, put its default for an empty
value, bind names case-insensitively; an ``id`` sent is not the record's, which its path names;
a value the answer showed as another, non-empty one is the server's own: an alias) and, where
the write's answer showed the field,
exactly the value it showed.
The record must be in the list. A selectable-fields parameter (AirVantage's ``fields``)
asks for every field. Against a live vendor the check only reads, and only after a write
the run was allowed to make.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import unquote

from partner_apis.specs import Operation

from .common import ID_KEYS, Api, body_of, created_ids, item_id, judging, path_parameters, record_of
from .paging import find_paging, walk

__all__ = ["read_after_write_check", "same_value"]

WRITES = ("POST", "PUT", "PATCH")
UNSHOWN = object()  # a field the write's answer did not show
# What a reference sent as one value is read back as, in an object (Omnize's channel "chat" -> {"name": "CHAT"}).
REFERENCE_KEYS = ("uid", "id", "name")
# Values a server may replace with its default (an empty time zone is the default one).
EMPTY: tuple[Any, ...] = ("", None, [], {})
# Pages of a list read to find a record written (a live list may be long), and writes per
# operation read back from the list (a bug of this class is the operation's, not one call's).
MAX_PAGES = 50
LIST_READS = 5


def same_value(sent: Any, read: Any, *, strict: bool = False) -> bool:
    """Whether ``read`` shows ``sent``: objects on the keys both have, lists item by item.

    Loosely (unless ``strict``): text in any letter case, ``"true"``/``"false"`` for a
    boolean, numbers of either type, and a scalar sent for an object read back (a
    reference by ``uid``/``id``/``name``).
    """
    if isinstance(sent, Mapping) and isinstance(read, Mapping):
        return all(same_value(value, read[key], strict=strict) for key, value in sent.items() if key in read)
    if isinstance(sent, list) and isinstance(read, list):
        return len(sent) == len(read) and all(same_value(a, b, strict=strict) for a, b in zip(sent, read, strict=True))
    if strict:
        return bool(sent == read) and type(sent) is type(read)
    if isinstance(read, Mapping):
        return any(same_value(sent, read.get(key)) for key in REFERENCE_KEYS if key in read)
    if isinstance(sent, str) and isinstance(read, bool):
        return sent.lower() == str(read).lower()
    if isinstance(sent, str) and isinstance(read, str):
        return sent.casefold() == read.casefold()
    numbers = (int, float)
    if isinstance(sent, numbers) and isinstance(read, numbers) and not isinstance(sent, bool | type(None)):
        return not isinstance(read, bool) and float(sent) == float(read)
    return bool(sent == read)


def _item_read(api: Api, operation: Operation) -> Operation | None:
    """The GET reading the record ``operation`` writes: its path to the first parameter (a create's: its path + one)."""
    if "{" in operation.path:
        path = operation.path[: operation.path.index("}") + 1]
        return next((op for op in api.spec if op.method == "GET" and op.path == path), None)
    for op in api.spec:
        rest = op.path.removeprefix(operation.path.rstrip("/") + "/")
        if op.method == "GET" and rest != op.path and rest.startswith("{") and rest.endswith("}") and "/" not in rest:
            return op
    return None


def _list_read(api: Api, operation: Operation) -> Operation | None:
    """The GET that lists the records ``operation`` writes: at the path before its first parameter."""
    path = operation.path.split("{")[0].rstrip("/")
    return next((op for op in api.spec if op.method == "GET" and op.path == path and not path_parameters(op)), None)


def _expected(case: Any, answer: Mapping[str, Any] | None, read: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Field -> (value sent, value the write's answer showed or :data:`UNSHOWN`), for the fields ``read`` carries."""
    sent = case.body if isinstance(case.body, Mapping) else {}
    fields: dict[str, Any] = {}
    for key, value in sent.items():
        if key not in read and isinstance(value, Mapping) and not (answer and key in answer):
            fields.update(value)  # a wrapper (Omnize's {"department": {...}}): its fields are the record's
        else:
            fields[key] = value
    # Two names that differ only in letter case: a server binding names case-insensitively keeps either.
    folded = Counter(key.casefold() for key in fields)
    return {
        key: (value, answer[key] if answer is not None and key in answer else UNSHOWN)
        for key, value in fields.items()
        if key in read and folded[key.casefold()] == 1 and key not in ID_KEYS
    }


def _query(api: Api, read: Operation, case: Any, sources: list[Mapping[str, Any]]) -> dict[str, Any]:
    """The read's query: the write's values for parameters it shares, every selectable field, required ones found."""
    query: dict[str, Any] = {}
    given = case.query if isinstance(case.query, Mapping) else {}
    for parameter in read.parameters:
        if parameter.location != "query":
            continue
        if parameter.selectable_fields:
            query[parameter.name] = ",".join(parameter.selectable_fields)
        elif parameter.name in given:
            query[parameter.name] = given[parameter.name]
        elif parameter.required:
            found = [source[parameter.name] for source in sources if parameter.name in source]
            if found:
                query[parameter.name] = found[0]
    return query


def _complete(read: Operation, query: Mapping[str, Any]) -> bool:
    """Whether ``query`` has every query parameter ``read`` requires."""
    return all(query.get(p.name) is not None for p in read.parameters if p.required and p.location == "query")


def _find(api: Api, like: Any, read: Operation, query: Mapping[str, Any], record_id: str) -> dict[str, Any] | None:
    """The item ``record_id`` of the list ``read``, walked page by page (at most :data:`MAX_PAGES`), or None."""
    for page in walk(api, like, read, find_paging(read), query, max_pages=MAX_PAGES):
        listed = next((item for item in page if item_id(item) == record_id), None)
        if listed is not None:
            return listed
    return None


def _gone(api: Api, case: Any, operation: Operation) -> None:
    """After an accepted delete, the record's GET refuses it; AssertionError when it still answers it."""
    item_op, parameters = _item_read(api, operation), path_parameters(operation)
    if item_op is None or not parameters:
        return
    body = case.body if isinstance(case.body, Mapping) else {}
    sources: list[Mapping[str, Any]] = [body, *(value for value in body.values() if isinstance(value, Mapping))]
    query = _query(api, item_op, case, sources)
    if not _complete(item_op, query):
        return
    record_id = unquote(str(case.path_parameters[parameters[0]]))
    name = path_parameters(item_op)[0]
    got = api.call(case, item_op.operation_id, path_parameters={name: record_id}, query=query)
    if api.accepted(got):
        raise AssertionError(
            f"{case.operation.label} succeeded, yet {item_op.operation_id} of {record_id} still answers it: "
            f"{got.content[:200]!r}"
        )


def read_after_write_check(api: Api) -> Callable[[Any, Any, Any], bool | None]:
    """The check ``read_after_write`` for ``api`` (``register`` it, in checks/common.py).

    After a delete (``Operation.deletes``) the record must be gone. Raises ``AssertionError`` naming the write, the read
    and the field when a read does not show what the write sent.
    """

    listed_after: dict[str, int] = {}

    def read_after_write(ctx: Any, response: Any, case: Any) -> bool | None:
        """After an accepted write, the record and the list show what it sent (see the module)."""
        operation = api.operation(case)
        deleting = operation.deletes
        if not operation.secured or not api.accepted(response):
            return None
        if deleting:
            _gone(api, case, operation)
            return None
        if operation.method not in WRITES:
            return None
        answer = record_of(body_of(response))
        item_op, list_op = _item_read(api, operation), _list_read(api, operation)
        parameters = path_parameters(operation)
        record_id: str | None
        if parameters:
            # A path parameter may come percent-encoded (from a link: "...%3D%3D" for "...==").
            record_id = unquote(str(case.path_parameters[parameters[0]]))
        else:
            ids = created_ids(api.spec, operation, body_of(response))
            record_id = next(iter(sorted(ids)), None) if len(ids) == 1 else (item_id(answer) if answer else None)
        if record_id is None:
            return None
        label = case.operation.label
        sources: list[Mapping[str, Any]] = [answer or {}, case.body if isinstance(case.body, Mapping) else {}]
        for source in list(sources):
            sources += [value for value in source.values() if isinstance(value, Mapping)]
        reads: list[tuple[str, Mapping[str, Any]]] = []
        item_query = _query(api, item_op, case, sources) if item_op is not None else {}
        if item_op is not None and _complete(item_op, item_query):
            name = path_parameters(item_op)[0]
            got = api.call(case, item_op.operation_id, path_parameters={name: record_id}, query=item_query)
            record = record_of(body_of(got))
            if not api.accepted(got) or record is None:
                raise AssertionError(
                    f"{label} succeeded, then {item_op.operation_id} of {record_id} answered "
                    f"{got.status_code} {got.content[:200]!r}"
                )
            reads.append((f"{item_op.operation_id} of {record_id}", record))
            sources.append(record)
        reads_left = listed_after.get(operation.operation_id, LIST_READS)
        # (list, whether it must list the record): the lists the spec says it leaves must not.
        lists = [(op, False) for op in api.spec if op.operation_id in operation.leaves_lists]
        if list_op is not None and list_op.operation_id not in operation.leaves_lists:
            lists.append((list_op, True))
        for read_list, must_list in lists:
            if not reads_left:
                continue
            query = _query(api, read_list, case, sources)
            if not _complete(read_list, query):
                continue
            listed_after[operation.operation_id] = reads_left - 1
            listed = _find(api, case, read_list, query, record_id)
            if must_list and listed is None:
                raise AssertionError(f"{label} succeeded, then {read_list.operation_id} does not list {record_id}")
            if not must_list and listed is not None:
                raise AssertionError(f"{label} succeeded, yet {read_list.operation_id} still lists {record_id}")
            if listed is not None:
                reads.append((f"{read_list.operation_id}'s item {record_id}", listed))
        if operation.reply_body:
            return None  # the body was a reply, not the record's fields: the reads had only to answer
        for where, read in reads:
            for key, (sent, shown) in _expected(case, answer, read).items():
                # What was sent, read loosely (a value the server may not keep is read back as null);
                # what the answer showed, exactly.
                # Unless the answer showed another value of its own (Omnize answers "audio" as
                # VOICE): then the answer is what the server says it keeps, checked below.
                transformed = shown is not UNSHOWN and shown not in EMPTY and not same_value(sent, shown)
                if sent not in EMPTY and read[key] is not None and not transformed and not same_value(sent, read[key]):
                    raise AssertionError(
                        f"{label} succeeded, yet {where} shows {key}={read[key]!r} where it sent {sent!r}"
                    )
                if shown is not UNSHOWN and not same_value(shown, read[key], strict=True):
                    raise AssertionError(
                        f"{label} succeeded, yet {where} shows {key}={read[key]!r} where its answer showed {shown!r}"
                    )
        return None

    return judging(read_after_write)

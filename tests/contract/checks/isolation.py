"""Tenant isolation: another tenant never reaches the records this run's tenant created.

Broken object-level authorisation is the bug a single-identity run cannot see: one
Comm100 v3 partner reading another's site, a PortSIP dealer seeing dealers outside its
branch. The check keeps the ids the run's creates answered (read off the spec's links,
``$response.body#/id``), and after every accepted call:

- a call that names one of them (where a link says a request names a record) is sent again as each other
  identity, and must be refused (any status outside 2xx, as the API's ``status`` reads
  it: Omnize refuses inside HTTP 200);
- a list (a GET without path parameters) is sent again as each other identity, and if
  accepted, lists none of them.

Creates name nothing yet and are not replayed. Against a live vendor the replays are the
run's own requests with other credentials: a read-only run replays only reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .common import Api, body_of, created_ids, item_id, items_of, judging, link_slots, named_values, path_parameters

__all__ = ["isolation_check"]


def isolation_check(api: Api) -> Callable[[Any, Any, Any], bool | None]:
    """The check ``tenant_isolation`` for ``api`` (``register`` it, in checks/common.py).

    It raises ``AssertionError`` naming the operation, the identity and the record when
    another identity reaches a record of the run's tenant; it does nothing without
    ``api.others``.
    """
    mine: set[str] = set()
    slots = link_slots(api.spec)

    def tenant_isolation(ctx: Any, response: Any, case: Any) -> bool | None:
        """Another tenant's credentials never reach this tenant's records (see the module)."""
        if not api.others or not api.accepted(response):
            return None
        operation = api.operation(case)
        if not operation.secured:
            return None
        named = mine & named_values(slots, operation, case)
        listing = operation.method == "GET" and not path_parameters(operation)
        if operation.method == "POST" and not path_parameters(operation):
            # A create: what it made is this tenant's from now on.
            mine.update(created_ids(api.spec, operation, body_of(response)) - named)
        if not named and not listing:
            return None
        for other in api.others:
            answer = other.send(case.derive())
            if not api.accepted(answer):
                continue
            if named:
                raise AssertionError(
                    f"{case.operation.label} accepted {other.name}'s credentials for {', '.join(sorted(named))}, "
                    f"created by {api.caller(case).name}: {answer.content[:300]!r}"
                )
            leaked = {item_id(item) for item in items_of(body_of(answer)) or ()} & mine
            if leaked:
                raise AssertionError(
                    f"{case.operation.label} as {other.name} lists {', '.join(sorted(map(str, leaked)))}, "
                    f"created by {api.caller(case).name}"
                )
        return None

    return judging(tenant_isolation)

"""Field selection: a list asked for some fields answers each item with exactly those fields.

An operation whose parameter lists selectable fields (AirVantage's ``fields``,
``x-selectable-fields``; ``x-default-fields`` when it is absent) is checked on every
accepted answer: each item carries exactly the fields asked for (or the default ones).
Once per operation, the check also asks for each selectable field alone and for all of
them, so a projection that is ignored is seen whatever the run generated. A field may be
absent from an item only where the item has no value for it (the vendor leaves out what
it does not have), and an item never carries a field that was not asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from partner_apis.specs import Operation, Parameter

from .common import Api, body_of, items_of, judging

__all__ = ["field_selection_check"]


def _selector(operation: Operation) -> Parameter | None:
    return next((p for p in operation.parameters if p.location == "query" and p.selectable_fields), None)


def _problems(items: Sequence[Mapping[str, Any]], asked: set[str], present: set[str], label: str) -> list[str]:
    """What is wrong with ``items`` asked for ``asked``; ``present``: the fields some item has a value for."""
    problems = []
    for item in items:
        extra = set(item) - asked
        if extra:
            problems.append(f"{label}: an item carries {sorted(extra)}, not asked for")
            break
    carried = set().union(*map(set, items)) if items else set()
    missing = (asked & present) - carried
    if items and missing:
        problems.append(f"{label}: no item carries {sorted(missing)}")
    return problems


def field_selection_check(api: Api) -> Callable[[Any, Any, Any], bool | None]:
    """The check ``field_selection`` for ``api`` (``register`` it, in checks/common.py).

    Raises ``AssertionError`` naming the operation, the fields asked for and the fields an
    item carried.
    """
    probed: set[str] = set()

    def field_selection(ctx: Any, response: Any, case: Any) -> bool | None:
        """Each item carries exactly the selected fields (see the module)."""
        operation = api.operation(case)
        selector = _selector(operation)
        if selector is None or not api.accepted(response):
            return None
        items = items_of(body_of(response))
        given = (case.query or {}).get(selector.name)
        asked = set(given.split(",")) if isinstance(given, str) and given else set(selector.default_fields or ())
        problems = _problems(items or [], asked, set(), f"{selector.name}={given!r}") if asked else []
        if operation.operation_id not in probed:
            probed.add(operation.operation_id)
            selectable = list(selector.selectable_fields or ())
            everything = _ask(api, case, selector.name, selectable)
            present = set().union(*map(set, everything)) if everything else set()
            for choice in [selectable, *([name] for name in selectable)]:
                answer = everything if choice == selectable else _ask(api, case, selector.name, choice)
                if answer is not None:
                    problems += _problems(answer, set(choice), present, f"{selector.name}={','.join(choice)}")
        if problems:
            raise AssertionError(f"{case.operation.label} ignores its field selection: " + "; ".join(problems[:3]))
        return None

    return judging(field_selection)


def _ask(api: Api, case: Any, name: str, choice: list[str]) -> list[dict[str, Any]] | None:
    """The items of ``case`` sent again asking for ``choice``; None when that is refused."""
    probe = case.derive(query={**(case.query or {}), name: ",".join(choice)})
    answer = api.caller(case).send(probe)
    return (items_of(body_of(answer)) or []) if api.accepted(answer) else None

"""The judgements hooks/run.py registers, as plain functions (tested without starting Schemathesis).

- :func:`refuse_outside_plan`: a live request must be one of the plan's operations,
  sent with the method its operation declares.
- :func:`fault_excuses`: whether a failure on an answer the simulator injected is the
  fault's (dropped and counted) rather than the contract's.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from partner_apis.simulators.harness.faults import FAULT_HEADER
from tests.contract.compat import SHAPE_FAILURES

__all__ = [
    "FAULT_HEADER",
    "PROBING_FAILURES",
    "documented",
    "fault_excuses",
    "in_place_of_the_answer",
    "injected_fault",
    "refuse_outside_plan",
]

# Failures of checks that send requests of their own (auth probes, reads after a delete or
# a create, the hooks' custom checks): an injected answer to one of those is the fault's.
PROBING_FAILURES = frozenset({"ST301", "ST302", "ST401", "ST402", "ST901"})


def refuse_outside_plan(operation_id: str | None, method: str, declared: str, sent: Collection[str]) -> None:
    """Raise ``RuntimeError`` unless ``operation_id`` is in ``sent`` and ``method`` is the one it ``declared``."""
    if operation_id not in sent or method.upper() != declared.upper():
        raise RuntimeError(
            f"the live run's plan does not send {method.upper()} for {operation_id or 'an operation outside the spec'}"
            f" (it sends {', '.join(sorted(sent)) or 'nothing'}): refused before sending"
        )


def injected_fault(headers: Mapping[str, Any]) -> str | None:
    """The kind of fault a simulator injected into an answer with these headers (``x-simulator-fault``), or None."""
    value = next((value for name, value in headers.items() if name.lower() == FAULT_HEADER), None)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value) if value else None


def in_place_of_the_answer(headers: Mapping[str, Any]) -> bool:
    """Whether a fault profile put the answer with these headers in place of the real one.

    A ``latency`` mark is not such a fault: that answer is the real one, only late.
    """
    return injected_fault(headers) not in (None, "latency")


def documented(responses: Mapping[str, Any], status: int) -> bool:
    """Whether an operation's ``responses`` document ``status`` (itself, its ``NXX`` range, or ``default``)."""
    codes = {str(code).upper() for code in responses}
    return bool(codes & {str(status), f"{status // 100}XX", "DEFAULT"})


def fault_excuses(failure_code: str, fault: str | None, status_documented: bool) -> bool:
    """Whether a failure (its Schemathesis code) is the injected fault's, not a contract failure.

    Only on an injected answer (``fault`` set). A documented status (a 429 the spec
    lists) is conformant, so a check judging the status alone does not hold it against
    the server; but the answer's shape (schema, content type, headers) must still be as
    documented, so those failures stay. On an undocumented injected answer every failure
    is the fault's.
    """
    if fault is None:
        return False
    return not (status_documented and failure_code in SHAPE_FAILURES)

"""What every contract hooks module uses: its variables, the spec model's operation of a case, JSON bodies, excuses.

A hooks module runs inside the Schemathesis CLI (``SCHEMATHESIS_HOOKS``); the runner
hands it its API's credentials as ``PARTNER_APIS_CONTRACT_<NAME>`` variables (the target's
variable names, e.g. ``EMAIL``), never on a command line.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Mapping
from typing import Any

import schemathesis

import tests.contract.compat  # noqa: F401 (stops a run on a Schemathesis version it was not written for)
from partner_apis.specs import ApiSpec, Operation
from tests.contract.runner import HOOK_VARIABLES, LIVE_VARIABLE, SENT_VARIABLE

__all__ = [
    "excuse",
    "json_body",
    "live",
    "optional_variable",
    "plan_sends",
    "spec_operation",
    "status_matches",
    "variable",
]


def variable(name: str) -> str:
    """The target's variable ``name`` (``EMAIL``); raises ``KeyError`` naming it when the target did not set it."""
    value = optional_variable(name)
    if value is None:
        raise KeyError(f"the contract target sets no {HOOK_VARIABLES}{name}")
    return value


def optional_variable(name: str) -> str | None:
    """The target's variable ``name``, or None when it is unset or empty."""
    return os.environ.get(HOOK_VARIABLES + name) or None


def live() -> bool:
    """Whether this run is against the live vendor (else a simulator)."""
    return bool(os.environ.get(LIVE_VARIABLE))


def plan_sends(operation_id: str) -> bool:
    """Whether this run's plan sends ``operation_id`` (tests/contract/plan.py).

    A check that makes requests of its own (a read back, a probe with another identity)
    asks this first: in a live run, read-only or not, it must not send what the plan
    leaves out (a write, a sign-in). Every operation is sent in a simulator run.
    """
    sent = os.environ.get(SENT_VARIABLE)
    return not live() or sent is None or operation_id in sent.split(",")


@functools.cache
def _by_route(spec: ApiSpec) -> Mapping[tuple[str, str], Operation]:
    return {(operation.method, operation.path): operation for operation in spec}


def spec_operation(spec: ApiSpec, operation: Any) -> Operation:
    """The spec model's operation behind a Schemathesis ``APIOperation`` (same method and path template)."""
    return _by_route(spec)[operation.method.upper(), operation.path]


def json_body(response: Any) -> Any:
    """A response's JSON body, or None when it has none."""
    try:
        return json.loads(response.content)
    except (TypeError, ValueError):
        return None


def status_matches(status: int, expected: list[str]) -> bool:
    """Whether ``status`` is one of ``expected`` (Schemathesis's notation: ``"404"``, ``"2xx"``)."""
    return any(pattern.lower() in (str(status), f"{status // 100}xx") for pattern in expected)


def excuse(code: str, excused: Callable[[Any, Any], bool]) -> None:
    """Drop the built-in failure ``code`` wherever ``excused(case, response)`` says the vendor answered right.

    Registers a ``filter_failure`` hook; failures with other codes, and this one where
    ``excused`` is false, are kept.
    """

    def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
        return not (failure.code == code and excused(case, response))

    schemathesis.hook("filter_failure")(filter_failure)

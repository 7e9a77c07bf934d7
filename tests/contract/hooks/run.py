"""The hooks module every contract run loads (``SCHEMATHESIS_HOOKS``): the API's own, the guard, the fault filter.

The runner names the API's hooks module in ``PARTNER_APIS_CONTRACT__API_HOOKS``; it is
imported here, and registers its auth and checks. Then, for every API (the judgements
are in guard.py):

- **the guard** (``before_call``): a live run sends only the operations of its plan
  (``PARTNER_APIS_CONTRACT__SENT``) with their declared methods. The runner's filters
  already keep everything else out; should a phase, a check or a hook try anyway (a
  probe of another method, a sign-in), the request is refused before it leaves and the
  run errors, naming it.
- **injected faults** (``filter_failure``): a simulator started with a fault profile
  marks each answer it injects with ``x-simulator-fault: <kind>``; a check's own probe,
  whose answer no hook sees, is known by its test case, which the simulator's side
  notes in ``PARTNER_APIS_CONTRACT__INJECTED_CASES`` (tests/contract/faults.py). A
  failure that is the fault's is dropped and noted in ``PARTNER_APIS_CONTRACT__FAULTS_LOG``
  (the runner counts the notes as injected faults, apart from contract failures).
"""

from __future__ import annotations

import importlib
import json
import os
from typing import Any

import schemathesis

from partner_apis.specs import api_spec
from tests.contract.hooks.guard import PROBING_FAILURES, documented, fault_excuses, injected_fault, refuse_outside_plan
from tests.contract.hooks.shared import live, spec_operation
from tests.contract.runner import (
    API_HOOKS_VARIABLE,
    FAULTS_LOG_VARIABLE,
    INJECTED_CASES_VARIABLE,
    KEY_VARIABLE,
    SENT_VARIABLE,
)

_API_HOOKS = os.environ.get(API_HOOKS_VARIABLE)
if _API_HOOKS:
    importlib.import_module(_API_HOOKS)
SPEC = api_spec(os.environ[KEY_VARIABLE])
SENT = frozenset(filter(None, os.environ.get(SENT_VARIABLE, "").split(",")))


@schemathesis.hook("before_call")
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    if not live():
        return
    try:
        operation_id: str | None = spec_operation(SPEC, case.operation).operation_id
    except KeyError:
        operation_id = None
    refuse_outside_plan(operation_id, str(case.method), case.operation.method, SENT)


def _injected_cases() -> list[str]:
    """The test case id of every injected answer so far, in order (``-`` for a request that named none)."""
    notes = os.environ.get(INJECTED_CASES_VARIABLE)
    if not notes or not os.path.exists(notes):
        return []
    with open(notes, encoding="utf-8") as lines:
        return [line.strip() for line in lines]


# How many injected answers there were once each case had its own answer (checks run after it).
_INJECTED_BEFORE_CHECKS: dict[str, int] = {}


@schemathesis.hook("after_call")
def after_call(context: Any, case: Any, response: Any) -> None:
    if os.environ.get(INJECTED_CASES_VARIABLE):
        _INJECTED_BEFORE_CHECKS.setdefault(case.id, len(_injected_cases()))


def _injected_during_checks(failure: Any, case: Any) -> bool:
    """Whether a request a check made itself for ``case`` (a probe, a read back) met an injected answer."""
    injected = _injected_cases()
    if getattr(failure, "case_id", None) not in (None, case.id) and failure.case_id in injected:
        return True  # a built-in check's probe, by its own test case
    before = _INJECTED_BEFORE_CHECKS.get(case.id)
    return failure.code in PROBING_FAILURES and before is not None and len(injected) > before


@schemathesis.hook("filter_failure")
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    fault = injected_fault(response.headers) if response is not None else None
    status_documented = False
    if fault is not None:
        responses = spec_operation(SPEC, case.operation).raw.get("responses") or {}
        status_documented = documented(responses, response.status_code)
    elif _injected_during_checks(failure, case):
        fault = "probe"  # a check's own request met an injected answer: the check could not judge
    if not fault_excuses(failure.code, fault, status_documented):
        return True
    log = os.environ.get(FAULTS_LOG_VARIABLE)
    if log:
        note = {"fault": fault, "status": response.status_code, "operation": case.operation.label, "code": failure.code}
        with open(log, "a", encoding="utf-8") as notes:
            notes.write(json.dumps(note) + "\n")
    return False

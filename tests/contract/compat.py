"""The one place the contract suite relies on Schemathesis beyond its public API, pinned to one version.

Everything else in ``tests/contract`` uses public extension points: checks
(``@schemathesis.check``), auth providers (``@schemathesis.auth``), hooks
(``before_init_operation``, ``after_call``, ``filter_failure``), ``Case.derive`` and
``Case.call`` for probes, and ``CheckContext.config``. What is left is here:

- :func:`generated_valid`: whether Schemathesis generated a case as valid data (its
  metadata's generation mode), leaving out the coverage phase's request-shape probes (a
  method or content type the operation does not declare), which the built-in checks skip
  too. Omnize's data-acceptance check needs it: the built-in check judges by HTTP status,
  and Omnize answers every refusal 200.
- The codes of the built-in failures a hooks module excuses through ``filter_failure``
  (the hook is handed a failure; its code says which built-in judgement it is), and
  :data:`SHAPE_FAILURES`, the failures that judge an answer's shape rather than its
  status (``hooks/run.py`` keeps them on an injected fault the spec documents).
- :data:`TEST_CASE_HEADER`: the header naming the test case on every request
  Schemathesis sends, its checks' own probes included (which no hook sees); the suite
  notes which cases met an injected fault by it (tests/contract/faults.py).
  Schemathesis says codes are never renumbered; ``test_compat.py`` pins them to their
  failure classes all the same.

Importing this module raises ``RuntimeError`` unless the installed Schemathesis is
:data:`WRITTEN_FOR`; every hooks module imports it, so a run on another version stops
before its first request.
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

__all__ = [
    "ACCEPTED_NEGATIVE_DATA",
    "CREATED_RESOURCE_NOT_FOUND",
    "REJECTED_POSITIVE_DATA",
    "SHAPE_FAILURES",
    "TEST_CASE_HEADER",
    "WRITTEN_FOR",
    "check_version",
    "generated_valid",
]

WRITTEN_FOR = "4.32.5"


def check_version(installed: str) -> None:
    """Raise ``RuntimeError`` unless ``installed`` is the Schemathesis version this module was written for."""
    if installed != WRITTEN_FOR:
        raise RuntimeError(
            f"tests/contract/compat.py was written for Schemathesis {WRITTEN_FOR}, not {installed}: "
            "re-check each internal it lists against that version, then set WRITTEN_FOR"
        )


# Before importing any internal: on another version the import itself may be what breaks.
check_version(version("schemathesis"))

from schemathesis.core import SCHEMATHESIS_TEST_CASE_HEADER  # noqa: E402
from schemathesis.specs.openapi.checks import is_unexpected_http_status_case  # noqa: E402

TEST_CASE_HEADER: str = SCHEMATHESIS_TEST_CASE_HEADER

# Failure codes of the built-in checks (schemathesis.failure_codes.FAILURE_CLASSES).
ACCEPTED_NEGATIVE_DATA = "ST201"  # negative_data_rejection
REJECTED_POSITIVE_DATA = "ST202"  # positive_data_acceptance
CREATED_RESOURCE_NOT_FOUND = "ST302"  # ensure_resource_availability
# An answer's shape: content type (missing, undeclared, malformed), headers, JSON, schema, discriminator.
SHAPE_FAILURES = frozenset({"ST104", "ST105", "ST106", "ST107", "ST108", "ST109", "ST110", "ST111"})


def generated_valid(case: Any) -> bool:
    """Whether ``case`` was generated as valid data, and is not a request-shape probe of the coverage phase."""
    meta = case.meta
    return meta is not None and bool(meta.generation.mode.is_positive) and not is_unexpected_http_status_case(case)

"""Checks for an API that refuses inside a success status, judged by the status its body stands for.

Omnize (v1 and v2) answers every call HTTP 200 and says ``success: false`` in the body.
Schemathesis's ``positive_data_acceptance``, ``negative_data_rejection`` and
``ignored_auth`` judge by the HTTP status alone, so against such an API they see every
refusal as an acceptance. A hooks module reads the status a REST API would have answered
from the body (``status(response)``) and calls :func:`judge_by_body`, which registers
their counterparts under its own prefix; the target excludes the built-in ``ignored_auth``.
The probes go through Schemathesis's public ``Case.derive`` and ``Case.call``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.contract.checks.common import register
from tests.contract.compat import ACCEPTED_NEGATIVE_DATA, generated_valid
from tests.contract.hooks.shared import excuse, status_matches

__all__ = ["judge_by_body", "probe"]

Status = Callable[[Any], int]
Place = Callable[[Any, str | None], None]


def probe(case: Any, place: Place, token: str | None) -> Any:
    """``case`` sent again with ``token`` put in place by ``place`` (None: with no token); the response."""
    derived = case.derive()
    place(derived, token)
    return derived.call(timeout=10)


def judge_by_body(
    prefix: str, status: Status, *, place: Place, invalid_token: str, message: Callable[[Any], str | None]
) -> None:
    """Register the body-judged checks of an API whose ``status(response)`` reads its refusals from the body.

    - ``negative_data_rejection`` (built-in): its failure is excused where ``status``
      reads a refusal (>= 400);
    - ``<prefix>_positive_data_acceptance``: valid data is not refused as invalid (a
      status ``positive_data_acceptance`` does not expect; ``message(response)`` names the
      refusal);
    - ``<prefix>_ignored_auth``: an accepted call, sent again without the token and with
      ``invalid_token`` (``place`` puts a token where the API reads it), is refused 401 or
      403. Enforcement is a property of the operation: one confirmation per operation.
    """
    excuse(ACCEPTED_NEGATIVE_DATA, lambda case, response: status(response) >= 400)

    def positive_data_acceptance(ctx: Any, response: Any, case: Any) -> bool | None:
        """Valid data is not refused as invalid; "not found", a refused token and conflicts are fine."""
        found = status(response)
        if generated_valid(case) and not status_matches(found, ctx.config.positive_data_acceptance.expected_statuses):
            raise AssertionError(
                f"{case.operation.label} refused valid data: {message(response)!r} (read as HTTP {found})"
            )
        return None

    confirmed: set[str] = set()

    def ignored_auth(ctx: Any, response: Any, case: Any) -> bool | None:
        """An accepted call is refused without the token and with a wrong one."""
        label = case.operation.label
        if status(response) != 200 or label in confirmed:
            return None
        for scenario, token in (("without a token", None), ("with an invalid token", invalid_token)):
            answer = probe(case, place, token)
            if status(answer) not in {401, 403}:
                raise AssertionError(
                    f"{label} accepted a request {scenario}: expected a refused token, "
                    f"got HTTP {answer.status_code} {answer.content[:200]!r}"
                )
        confirmed.add(label)
        return None

    for check, name in ((positive_data_acceptance, "positive_data_acceptance"), (ignored_auth, "ignored_auth")):
        check.__name__ = check.__qualname__ = f"{prefix}_{name}"
        register(check)

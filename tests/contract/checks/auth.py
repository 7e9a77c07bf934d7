"""Auth enforced on every operation: an accepted call is refused without its token and with a wrong one.

Schemathesis's own ``ignored_auth`` cannot always tell which credentials a hooks module's
auth provider placed, and judges by HTTP status (Omnize refuses inside a 200). This check
does it with the API's own placement and status reading: once per secured operation, on
its first accepted answer, the same request is sent again with no token and with a
well-formed wrong one, and each must be refused (401 or 403, as the API's ``status``
reads it). Against a live vendor it replays only what the run sent (reads, in a
read-only run).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .common import Api, judging, send

__all__ = ["WRONG_TOKEN", "auth_check"]

# Wrong, yet shaped like a token: the refusal must come from checking it, not from parsing it.
WRONG_TOKEN = "contract-suite-invalid-token"  # deliberately not a credential


def auth_check(api: Api, place: Callable[[Any, str | None], None]) -> Callable[[Any, Any, Any], bool | None]:
    """The check ``auth_enforced`` for ``api``; ``place(case, token)`` puts a token on a case (None: removes it).

    Raises ``AssertionError`` naming the operation and what it accepted.
    """
    confirmed: set[str] = set()

    def auth_enforced(ctx: Any, response: Any, case: Any) -> bool | None:
        """An accepted call is refused without the token and with a wrong one (see the module)."""
        operation = api.operation(case)
        if not operation.secured or operation.operation_id in confirmed or not api.accepted(response):
            return None
        for scenario, token in (("without a token", None), ("with a wrong token", WRONG_TOKEN)):
            probe = case.derive()
            place(probe, token)
            answer = send(probe)
            if api.status(answer) not in {401, 403}:
                raise AssertionError(
                    f"{case.operation.label} accepted a request {scenario}: "
                    f"{answer.status_code} {answer.content[:200]!r}"
                )
        # Enforcement is a property of the operation: once confirmed, it need not be probed again.
        confirmed.add(operation.operation_id)
        return None

    return judging(auth_enforced)

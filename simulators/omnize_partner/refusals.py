"""Every refusal the Omnize simulator makes, in the vendor's shape and words.

The partner API refuses inside an HTTP 200: ``{"status": 200, "success": false,
"errors": "<message>"}``. URL login, on its own host, answers ``{"message": "<message>",
"status": <4xx>}`` instead (the spec's LoginPartnerFailure): its refusals carry a code in
the ``login.`` family, so :func:`render` can tell them apart.

The simulator's own choices where Omnize documents nothing (recorded in its module doc):
a path no route serves answers a real 404 and a method the path lacks a real 405 with
``Allow``, both in the partner API's failure shape; a simulator bug answers 500.

Messages never echo a secret: a password or token field is described, not quoted, and
an offending object or long value is described rather than echoed (it could hold one).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from partner_apis.simulators.harness import FieldProblem, Reply, SimError

from .views import failure

__all__ = [
    "INVALID_TOKEN",
    "LOGIN",
    "conflict",
    "invalid_token",
    "login_refusal",
    "not_found",
    "render",
]

INVALID_TOKEN = "Invalid token"  # noqa: S105 - Omnize's refusal message, not a credential
LOGIN = "login."
_SECRET_FIELDS = ("password", "token")
_DIGEST_REQUIRED = "must be the lowercase hex SHA-256 digest of the password (64 hex digits), not plain text"
_MAX_VALUE = 60


def invalid_token() -> SimError:
    """The refusal of a missing or unknown partner token, in the doc's words."""
    return SimError(401, "invalid_token", INVALID_TOKEN)


def not_found(resource: str) -> SimError:
    """The refusal of an unknown id, or another partner's: "<Resource> not found"."""
    return SimError(404, "record_not_found", f"{resource} not found")


def conflict(message: str) -> SimError:
    """A request the current state refuses (licences exhausted, an e-mail taken)."""
    return SimError(409, "conflict", message)


def login_refusal(error: SimError) -> SimError:
    """``error`` as URL login refuses it (rendered as LoginPartnerFailure)."""
    if error.code.startswith(LOGIN):
        return error
    return SimError(error.status, LOGIN + error.code, error.message, error.problems, error.headers)


def render(error: SimError) -> Reply:
    """The answer Omnize gives for ``error``."""
    message = _message(error)
    if error.code.startswith(LOGIN):
        return Reply(200, {"message": message, "status": error.status})
    if error.code in {"not_found", "method_not_allowed", "internal_error"}:
        # Not an API call at all (or a simulator bug): a real status, in the same shape.
        return Reply(error.status, failure(message, error.status), error.headers)
    return Reply(200, failure(message))


def _message(error: SimError) -> str:
    if error.code.removeprefix(LOGIN) == "invalid_json":
        return "Invalid JSON in the request body"
    if not error.problems:
        return error.message
    return "Invalid request: " + "; ".join(_problem(problem) for problem in _deduplicated(error.problems))


def _deduplicated(problems: Sequence[FieldProblem]) -> list[FieldProblem]:
    seen: dict[str, FieldProblem] = {}
    for problem in problems:
        seen.setdefault(problem.field + problem.message, problem)
    return list(seen.values())


def _problem(problem: FieldProblem) -> str:
    leaf = problem.field.rsplit(".", 1)[-1]
    if leaf in _SECRET_FIELDS:
        if leaf == "password" and "does not match" in problem.message:
            return f"{problem.field} {_DIGEST_REQUIRED}"
        return f"{problem.field} is invalid"
    return f"{problem.field}: {_without_instance(problem.message)}"


def _without_instance(message: str) -> str:
    # jsonschema-rs starts a message with the offending value as JSON. An object, an array
    # or a long value is described instead of echoed: it may be a whole body, token included.
    try:
        value, end = json.JSONDecoder().raw_decode(message)
    except ValueError:
        return message
    rest = message[end:].strip()
    text = json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict | list) or len(text) > _MAX_VALUE:
        text = "the value"
    rest = rest.replace(
        "is not valid under any of the schemas listed in the 'oneOf' keyword", "matches none of the documented forms"
    )
    rest = rest.replace(
        "is valid under more than one of the schemas listed in the 'oneOf' keyword",
        "matches more than one documented form (send one change per call)",
    )
    return f"{text} {rest}"

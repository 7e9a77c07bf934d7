"""Every refusal the Omnize simulator makes, in the vendor's shape and words.

The partner API refuses inside an HTTP 200: ``{"status": 200, "success": false,
"errors": "<message>"}``. URL login, on its own host, answers ``{"message": "<message>",
"status": <4xx>}`` instead (the spec's LoginPartnerFailure).

The simulator's own choices where Omnize documents nothing (recorded in its module doc):
a path no route serves answers a real 404 and a method the path lacks a real 405 with
``Allow``, both in the partner API's failure shape; a simulator bug answers 500.

Messages never echo a secret: a password or token field is described, not quoted, and
an offending object or long value is described rather than echoed (it could hold one).
"""

from __future__ import annotations

import json
from typing import Any

from partner_apis.simulators.harness import FieldProblem, Reply, SimError

__all__ = ["INVALID_TOKEN", "LOGIN", "conflict", "failure", "invalid_token", "not_found", "render"]

INVALID_TOKEN = "Invalid token"  # noqa: S105 - Omnize's refusal message, not a credential
LOGIN = "loginPartner"  # URL login's operationId: its refusals have their own shape
_SECRET_FIELDS = ("password", "token")
_DIGEST_REQUIRED = "must be the lowercase hex SHA-256 digest of the password (64 hex digits), not plain text"
_MAX_VALUE = 60
_NO_FORM = "matches none of the documented forms"


def failure(message: str, status: int = 200) -> dict[str, Any]:
    """``{"status": 200, "success": false, "errors": message}``: every refusal Omnize documents."""
    return {"status": status, "success": False, "errors": message}


def invalid_token() -> SimError:
    """The refusal of a missing or unknown partner token, in the doc's words."""
    return SimError(401, "invalid_token", INVALID_TOKEN)


def not_found(resource: str) -> SimError:
    """The refusal of an unknown id, or another partner's: "<Resource> not found"."""
    return SimError(404, "record_not_found", f"{resource} not found")


def conflict(message: str) -> SimError:
    """A request the current state refuses (licences exhausted, an e-mail taken)."""
    return SimError(409, "conflict", message)


def render(error: SimError) -> Reply:
    """The answer Omnize gives for ``error``."""
    message = _message(error)
    if error.code in {"not_found", "method_not_allowed", "internal_error"}:
        # Not an API call at all (or a simulator bug): a real status, in the same shape.
        return Reply(error.status, failure(message, error.status), error.headers)
    if error.operation_id == LOGIN:
        return Reply(200, {"message": message, "status": error.status})
    return Reply(200, failure(message))


def _message(error: SimError) -> str:
    if error.code == "invalid_json":
        return "Invalid JSON in the request body"
    if not error.problems:
        return error.message
    # Once each: a value that fails several branches of a schema is named by each.
    problems = {problem.field + problem.message: problem for problem in error.problems}.values()
    return "Invalid request: " + "; ".join(_problem(problem) for problem in problems)


def _problem(problem: FieldProblem) -> str:
    leaf = problem.field.rsplit(".", 1)[-1]
    if leaf in _SECRET_FIELDS:
        if leaf == "password" and problem.keyword == "pattern":
            return f"{problem.field} {_DIGEST_REQUIRED}"
        return f"{problem.field} is invalid"
    if problem.reason == problem.message:  # a message that names no value (a missing property)
        return f"{problem.field}: {problem.message}"
    reason = problem.reason
    if problem.keyword == "oneOf":  # the spec's oneOf forms, in a partner's terms
        matched = problem.details.get("matched", 0)
        reason = "matches more than one documented form (send one change per call)" if matched else _NO_FORM
    return f"{problem.field}: {_shown(problem.value)} {reason}"


def _shown(value: Any) -> str:
    # An object, an array or a long value is described instead of echoed: it may be a
    # whole body, token included.
    text = json.dumps(value, ensure_ascii=False)
    return "the value" if isinstance(value, dict | list) or len(text) > _MAX_VALUE else text

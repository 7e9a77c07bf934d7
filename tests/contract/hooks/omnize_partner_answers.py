"""How Omnize answers, for the contract hooks of both its APIs (v1 and v2): refusals inside HTTP 200.

A module of its own, without hooks: importing it registers nothing with Schemathesis, so
v2's hooks reuse v1's reading of the answers without v1's checks.
"""

from __future__ import annotations

from typing import Any

from tests.contract.hooks.shared import json_body

__all__ = ["refusal_message", "rest_status"]


def refusal_message(response: Any) -> str | None:
    """Omnize's refusal message when the answer is a refusal, else None."""
    body = json_body(response)
    if not isinstance(body, dict):
        return None
    if "success" in body:
        return None if body["success"] is True else str(body.get("errors", ""))
    if body.get("status") == 200 and body.get("token"):
        return None
    return str(body.get("message", ""))


def rest_status(response: Any) -> int:
    """The HTTP status a REST API would have answered: Omnize's refusal read from its body.

    "Invalid token" is 401, "... not found" 404, an inactive account 403, a conflict
    with the current state (licences used up, an e-mail taken) 409, anything else 400.
    A URL-login refusal carries its own status. A success stays 200.
    """
    if response.status_code != 200:
        return int(response.status_code)
    body = json_body(response)
    message = refusal_message(response)
    if not isinstance(body, dict) or message is None:
        return 200
    if "success" not in body and isinstance(body.get("status"), int) and body["status"] >= 400:
        return int(body["status"])
    lowered = message.lower()
    if lowered == "invalid token":
        return 401
    if lowered.endswith("not found"):
        return 404
    if "inactive" in lowered:
        return 403
    if "limit reached" in lowered or "already been taken" in lowered:
        return 409
    return 400

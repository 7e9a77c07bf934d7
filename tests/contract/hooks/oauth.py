"""What the contract hooks of OAuth APIs share: log in at a token endpoint, send the token as a bearer.

A hooks module registers its own ``@schemathesis.auth()`` provider (the token endpoint's
path and form are the API's) and calls these two from its ``get`` and ``set``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

__all__ = ["fetch_access_token", "send_bearer"]


def fetch_access_token(url: str, form: Mapping[str, str]) -> str:
    """POST ``form`` to the token endpoint ``url`` and return the answer's ``access_token``.

    Raises ``RuntimeError`` when the login is refused (its status and the start of the
    body, never the form, which holds the password).
    """
    response = httpx.post(url, data=dict(form), headers={"Accept": "application/json"}, timeout=10)
    if response.status_code != 200:
        raise RuntimeError(f"the contract's login was refused: {response.status_code} {response.text[:200]}")
    token: str = response.json()["access_token"]
    return token


def send_bearer(case: Any, token: str) -> None:
    """Put ``Authorization: Bearer <token>`` on a Schemathesis case, keeping its other headers."""
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}

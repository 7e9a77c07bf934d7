"""OAuth-style tokens for simulators: access tokens that expire, refresh tokens that rotate.

Shared by every simulator with a token endpoint. The holder (whatever a token stands for:
a partner, a user acting through an API client) is the simulator's own type.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

__all__ = ["TokenIssuer"]

Holder = TypeVar("Holder")


@dataclass(frozen=True)
class _Issued(Generic[Holder]):
    holder: Holder
    expires_at: float


def _opaque() -> str:
    return secrets.token_urlsafe(32)


class TokenIssuer(Generic[Holder]):
    """Issues access tokens that expire after ``lifetime`` seconds and refresh tokens that work once.

    ``clock`` is injectable so tests can make tokens expire; ``token_factory`` shapes the
    token text like the vendor's. ``requests`` counts token requests by grant type (the
    simulator calls :meth:`count`), so tests can assert how many a client sent. Thread-safe.
    """

    def __init__(
        self,
        *,
        lifetime: int,
        refresh_lifetime: int,
        clock: Callable[[], float] = time.monotonic,
        token_factory: Callable[[], str] = _opaque,
        token_type: str = "bearer",  # noqa: S107 (the RFC 6749 token type, not a secret)
    ) -> None:
        self.lifetime = lifetime
        self.refresh_lifetime = refresh_lifetime
        self.clock = clock
        self.token_type = token_type
        self.requests: Counter[str] = Counter()
        self._token_factory = token_factory
        self._lock = threading.Lock()
        self._access: dict[str, _Issued[Holder]] = {}
        self._refresh: dict[str, _Issued[Holder]] = {}

    @property
    def request_count(self) -> int:
        """How many token requests arrived, whatever their grant and outcome."""
        with self._lock:
            return sum(self.requests.values())

    def count(self, grant_type: str) -> None:
        """Record one token request."""
        with self._lock:
            self.requests[grant_type] += 1

    def issue(self, holder: Holder, *, refresh: bool = True) -> dict[str, Any]:
        """A new token answer for ``holder`` (RFC 6749 section 5.1); without a refresh token if ``refresh`` is false."""
        access = self._token_factory()
        now = self.clock()
        answer: dict[str, Any] = {"access_token": access, "token_type": self.token_type, "expires_in": self.lifetime}
        with self._lock:
            self._access[access] = _Issued(holder, now + self.lifetime)
            if refresh:
                answer["refresh_token"] = refresh_token = self._token_factory()
                self._refresh[refresh_token] = _Issued(holder, now + self.refresh_lifetime)
        return answer

    def redeem(self, refresh_token: str) -> Holder | None:
        """Spend a refresh token: its holder, or None if it is unknown, spent or expired."""
        with self._lock:
            issued = self._refresh.pop(refresh_token, None)
        if issued is None or self.clock() >= issued.expires_at:
            return None
        return issued.holder

    def holder(self, access_token: str) -> Holder | None:
        """Whose access token this is, or None if it is unknown or expired."""
        issued = self._access.get(access_token)
        if issued is None or self.clock() >= issued.expires_at:
            return None
        return issued.holder

    def revoke(self, access_token: str) -> None:
        """Forget one access token (a vendor's logout); unknown tokens are ignored."""
        with self._lock:
            self._access.pop(access_token, None)

    def issued_access_tokens(self) -> list[str]:
        """Every access token issued and not revoked or forgotten, oldest first (expired ones included)."""
        with self._lock:
            return list(self._access)

    def forget_access_tokens(self) -> None:
        """Drop every access token (as a server restart would), keeping refresh tokens; for tests."""
        with self._lock:
            self._access.clear()

"""The one exception a simulator handler raises to refuse a request."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["FieldProblem", "SimError"]


@dataclass(frozen=True)
class FieldProblem:
    """One invalid field or parameter: where (a JSON path such as ``body.status``) and what."""

    field: str
    message: str


@dataclass
class SimError(Exception):
    """A refusal: the HTTP status a REST vendor would answer, a short code and a message.

    Each simulator renders it in its vendor's own error shape (Omnize, for one, answers
    HTTP 200 with ``success: false``).
    """

    status: int
    code: str
    message: str
    problems: Sequence[FieldProblem] = field(default_factory=tuple)
    headers: dict[str, str] = field(default_factory=dict)
    # Set by the harness before rendering: the operation that refused (None when no route
    # matched), for vendors whose error shape differs per operation (OAuth token endpoints).
    operation_id: str | None = None

    def __post_init__(self) -> None:
        super().__init__(f"{self.status} {self.code}: {self.message}")

"""The one exception a simulator handler raises to refuse a request, and the problems it lists."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FieldProblem", "SimError"]


@dataclass(frozen=True)
class FieldProblem:
    """One invalid field or parameter: where (a JSON path such as ``body.status``) and what.

    ``message`` is the whole sentence (the validator's quotes the value: never answer it
    where the value may be a secret). A problem the JSON Schema validator found also says
    which ``keyword`` failed (``type``, ``required``, ``oneOf``, ``not``, ``pattern``...),
    ``details`` (the keyword's own terms: ``{"types": ["integer"]}``, the ``not`` schema,
    how many of a ``oneOf``'s schemas ``matched``),
    ``value`` (what was sent) and ``reason`` (the message without the value: ``is not of
    type "integer"``); the harness's own problems (``is required``) have no keyword.
    """

    field: str
    # Out of the repr, as the value and the schema are: they may quote a secret.
    message: str = dataclasses.field(repr=False)
    keyword: str = ""
    reason: str = ""
    value: Any = dataclasses.field(default=None, repr=False, compare=False)
    details: Mapping[str, Any] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.reason:
            object.__setattr__(self, "reason", self.message)


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

"""Telling a fault the simulator injected (``--faults PROFILE``) from a contract failure.

A simulator started with a fault profile marks every answer it injects with
``x-simulator-fault: <kind>``. Two things reach the contract run without that mark in
the hooks' hands:

- a check's own request (``ignored_auth`` re-sends a request without credentials
  through the transport, past every hook; the hooks' checks read back with httpx): its
  failure names the case it checked. The :class:`InjectedCases` middleware, in front of
  the simulator, notes every marked answer (with its Schemathesis test case id, if any)
  in a file the hooks read (hooks/run.py): a checking failure on a case during whose
  checks an injected answer arrived is the fault's (the check could not judge);
- a dropped connection or a held answer (``reset-before``, ``reset-after``,
  ``read-timeout``) is no answer at all: Schemathesis reports a network error. Those
  errors are put down to the faults up to the number of such faults the simulator's
  plan injected (:func:`connection_faults`); any more are the run's own.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from partner_apis.simulators.harness.access import SERVER_SEND
from partner_apis.simulators.harness.faults import FAULT_HEADER

from .compat import TEST_CASE_HEADER

__all__ = ["CONNECTION_FAULTS", "InjectedCases", "connection_faults"]

CONNECTION_FAULTS = ("reset-before", "reset-after", "read-timeout")
_FAULT = FAULT_HEADER.encode("latin-1")
_CASE = TEST_CASE_HEADER.lower().encode("latin-1")


class InjectedCases:
    """ASGI middleware: notes a line per fault-marked answer in ``notes``: its request's test case id, or ``-``."""

    def __init__(self, app: ASGIApp, notes: Path) -> None:
        self.app = app
        self.notes = notes
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        case = next((value for name, value in scope["headers"] if name.lower() == _CASE), None)
        # The server's own send, under the one wrapped here: a dropped-connection fault closes its connection.
        scope.setdefault(SERVER_SEND, send)

        async def noting(message: Message) -> None:
            marked = any(name.lower() == _FAULT for name, _ in message.get("headers", ()))
            if message["type"] == "http.response.start" and marked:
                # Written before the answer leaves: the check that reads it runs after.
                with self._lock, self.notes.open("a", encoding="utf-8") as notes:
                    notes.write((case or b"-").decode("latin-1") + "\n")
            await send(message)

        await self.app(scope, receive, noting)


def connection_faults(app: Any) -> int:
    """How many answers a simulator app's fault plan dropped or held (0 for an app without faults)."""
    plan = getattr(app, "faults", None)
    if plan is None:
        return 0
    return sum(int(plan.counts.get(kind, 0)) for kind in CONNECTION_FAULTS)

"""The throughput reference: an ASGI app that answers fixed JSON bodies, served by the same uvicorn stack.

``GET /`` answers :data:`BODY`. When ``TRIVIAL_ASGI_BODIES`` names a folder, ``GET /<name>``
answers the bytes of the file ``<name>`` in it (read once, at start-up): the benchmark
puts a simulator's own answers there, so the reference sends the same bytes and only the
work of producing them differs. Any other path is 404.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

BODY = b'{"id":10001,"status":"Open","company":"Comm100"}'

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]


def _answer(body: bytes) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    return 200, [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())], body


def _answers() -> dict[str, tuple[int, list[tuple[bytes, bytes]], bytes]]:
    answers = {"/": _answer(BODY)}
    folder = os.environ.get("TRIVIAL_ASGI_BODIES")
    if folder:
        answers.update({f"/{path.name}": _answer(path.read_bytes()) for path in Path(folder).iterdir()})
    return answers


ANSWERS = _answers()
NOT_FOUND = (404, [(b"content-length", b"0")], b"")


async def app(
    scope: Scope, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]
) -> None:
    """Answer an HTTP request with the fixed body its path names."""
    if scope["type"] != "http":
        return
    status, headers, body = ANSWERS.get(scope["path"], NOT_FOUND)
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})

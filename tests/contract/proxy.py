"""A loopback recording proxy: what a live contract run sends, seen from the vendor's side.

The live-safety tests aim an API's live variables at this proxy, which forwards every
request to the API's simulator (standing in for the vendor) and records its method,
path and, when asked, the answers' bodies. Only loopback upstreams: it is a test tool.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
from starlette.types import Message, Receive, Scope, Send

__all__ = ["Exchange", "RecordingProxy"]

# Headers that describe one hop, or that httpx undid (it decodes the body): never forwarded.
_HOP = {b"host", b"content-length", b"transfer-encoding", b"connection", b"content-encoding", b"keep-alive"}


@dataclass(frozen=True)
class Exchange:
    """One request the proxy forwarded: its method, its raw path (without the query), and the answer."""

    method: str
    path: str
    status: int
    answer: bytes = field(repr=False)


class RecordingProxy:
    """An ASGI app that forwards every request to ``upstream`` (a loopback root URL) and records it."""

    def __init__(self, upstream: str) -> None:
        host = urlsplit(upstream).hostname
        if host not in {"127.0.0.1", "::1", "localhost"}:
            raise ValueError(f"the recording proxy forwards to loopback only, not {upstream!r}")
        self.upstream = upstream.rstrip("/")
        self._lock = threading.Lock()
        self._exchanges: list[Exchange] = []
        # Made on the first request, in the server's event loop, and kept: making an
        # httpx client per request (its TLS context) would cost more than forwarding.
        self._client: httpx.AsyncClient | None = None

    @property
    def exchanges(self) -> list[Exchange]:
        """Every exchange so far, in order."""
        with self._lock:
            return list(self._exchanges)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message: Message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        query: bytes = scope.get("query_string", b"")
        url = self.upstream + raw_path.decode("latin-1") + (("?" + query.decode("latin-1")) if query else "")
        headers = [(name, value) for name, value in scope["headers"] if name.lower() not in _HOP]
        # A raw URL: what the client sent (odd bytes included) reaches the simulator as sent.
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=30)
        request = self._client.build_request(scope["method"], httpx.URL(url), headers=headers, content=body)
        answer = await self._client.send(request)
        with self._lock:
            self._exchanges.append(
                Exchange(scope["method"], raw_path.decode("latin-1"), answer.status_code, answer.content)
            )
        out = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in answer.headers.multi_items()]
        out = [(name, value) for name, value in out if name.lower() not in _HOP]
        out.append((b"content-length", str(len(answer.content)).encode()))
        await send({"type": "http.response.start", "status": answer.status_code, "headers": out})
        await send({"type": "http.response.body", "body": answer.content})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        """Start up as is; on shutdown, close the client (in the loop that made it)."""
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._client is not None:
                    await self._client.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

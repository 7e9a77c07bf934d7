"""Rewriting a request (its JSON body, its URL) or an answer (its JSON body) on its way through.

For vendors whose credentials travel inside the request (a token in the JSON body, a
password that must be hashed first), whose operations live on more than one host, or
whose field names differ between the doc and the wire. An auth flow or a transport may
pass on another request or answer than it received; these helpers build it, so no layer
touches httpx's private attributes. The body must be read before it is rewritten (an
``httpx.Auth`` with ``requires_request_body = True``, as :class:`RewritingAuth` is;
``response.read()`` in a transport).
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from .client import TransportWrapper

__all__ = ["RenamedKeys", "RewritingAuth", "RewritingTransport", "json_object_body", "rebuild", "rebuild_response"]

# Recomputed by httpx for the new request: the host may change, and so may the body's length.
_DERIVED_HEADERS = ("host", "content-length", "transfer-encoding")


def json_object_body(message: httpx.Request | httpx.Response) -> dict[str, Any] | None:
    """The body of a request or answer parsed as a JSON object; ``{}`` for no body, None when it is not an object."""
    content = message.content
    if not content.strip():
        return {}
    try:
        parsed = json.loads(content)
    except (UnicodeDecodeError, ValueError):
        return None
    return parsed if isinstance(parsed, dict) else None


def rebuild(
    request: httpx.Request,
    *,
    url: httpx.URL | None = None,
    json_body: Mapping[str, Any] | None = None,
) -> httpx.Request:
    """A copy of ``request`` with another URL and/or JSON body (headers and extensions kept).

    ``Host``, ``Content-Length`` and ``Content-Type`` follow the new URL and body.
    """
    headers = httpx.Headers(request.headers)
    for name in _DERIVED_HEADERS:
        headers.pop(name, None)
    content = request.content
    if json_body is not None:
        content = _json(json_body)
        headers["Content-Type"] = "application/json"
    return httpx.Request(
        request.method,
        url if url is not None else request.url,
        headers=headers,
        content=content,
        extensions=request.extensions,
    )


def rebuild_response(response: httpx.Response, json_body: Mapping[str, Any], request: httpx.Request) -> httpx.Response:
    """A copy of ``response`` (read already) with another JSON body, answering ``request``.

    Status, headers and extensions are kept; the length and the content and transfer
    encodings describe the body as sent, so they are dropped (httpx sets the length anew).
    """
    headers = httpx.Headers(response.headers)
    for name in ("content-length", "content-encoding", "transfer-encoding"):
        headers.pop(name, None)
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=_json(json_body),
        request=request,
        extensions=response.extensions,
    )


def _json(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


class RewritingAuth(httpx.Auth):
    """An auth flow that sends each request once, as :meth:`prepare` rewrites it, and looks at no answer.

    For credentials that travel inside the request (a token in the body or the query).
    Subclasses implement :meth:`prepare`; the request's body is read before it is called.
    """

    requires_request_body = True

    def prepare(self, request: httpx.Request) -> httpx.Request:
        """The request as the server must receive it (``request`` itself, changed, or a :func:`rebuild`)."""
        raise NotImplementedError

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        yield self.prepare(request)

    # httpx's drivers wrap auth_flow in one more generator; one request and no answer to
    # look at need none (every call runs these).
    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.read()
        yield self.prepare(request)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        await request.aread()
        yield self.prepare(request)


class RewritingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A layer before the network (sync and async in one) that rewrites requests on their way out and answers back.

    ``outgoing(request)`` is the request to send (``request`` itself, or a
    :func:`rebuild`); ``incoming(response, sent)`` the answer to pass on (``response``,
    or a :func:`rebuild_response`), called, with the body read, only for the answers to
    requests whose path ``answers`` matches (reading an answer costs, so only those
    that may need a change are read). For ``build_client``'s ``wrap_transport``, see
    :meth:`wrapper`.
    """

    def __init__(
        self,
        transport: httpx.BaseTransport,
        async_transport: httpx.AsyncBaseTransport,
        *,
        outgoing: Callable[[httpx.Request], httpx.Request],
        incoming: Callable[[httpx.Response, httpx.Request], httpx.Response],
        answers: re.Pattern[str],
    ) -> None:
        self._transport = transport
        self._async_transport = async_transport
        self._outgoing = outgoing
        self._incoming = incoming
        self._answers = answers

    @classmethod
    def wrapper(
        cls,
        *,
        outgoing: Callable[[httpx.Request], httpx.Request],
        incoming: Callable[[httpx.Response, httpx.Request], httpx.Response],
        answers: re.Pattern[str],
    ) -> TransportWrapper:
        """A ``wrap_transport`` for ``build_client`` that puts this layer over its network transports."""

        def wrap(
            transport: httpx.BaseTransport, async_transport: httpx.AsyncBaseTransport
        ) -> tuple[httpx.BaseTransport, httpx.AsyncBaseTransport]:
            layer = cls(transport, async_transport, outgoing=outgoing, incoming=incoming, answers=answers)
            return layer, layer

        return wrap

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        sent = self._outgoing(request)
        response = self._transport.handle_request(sent)
        if self._answers.search(sent.url.path):
            response.read()
            return self._incoming(response, sent)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        sent = self._outgoing(request)
        response = await self._async_transport.handle_async_request(sent)
        if self._answers.search(sent.url.path):
            await response.aread()
            return self._incoming(response, sent)
        return response

    def close(self) -> None:
        self._transport.close()

    async def aclose(self) -> None:
        await self._async_transport.aclose()


def _renamed(node: Any, names: Mapping[str, str]) -> bool:
    # Renames in place each key in `names` the object has, unless it has the new one too.
    changed = False
    if isinstance(node, dict):
        for old, new in names.items():
            if old in node and new not in node:
                node[new] = node.pop(old)
                changed = True
    return changed


def _is_json(message: httpx.Request | httpx.Response) -> bool:
    return "json" in message.headers.get("content-type", "")


@dataclass(frozen=True)
class RenamedKeys:
    """JSON keys an API spells one way on the wire and its generated models another, renamed both ways.

    ``wire_names`` maps each wire spelling to the models' (``{"timezone": "timeZone"}``).
    On the paths ``paths`` matches: a JSON object sent in a POST, PUT or PATCH has the
    models' spellings renamed to the wire's; a successful JSON answer has the wire's
    renamed to the models', in the object itself or in each object of its list ``items``
    (a page of them). A key already spelt as wanted is left alone. :meth:`wrapper` is
    ``build_client``'s ``wrap_transport``.
    """

    paths: re.Pattern[str]
    wire_names: Mapping[str, str]
    items: str | None = None

    def outgoing(self, request: httpx.Request) -> httpx.Request:
        """``request`` with the wire's spellings in its body, when it is a JSON object sent to one of the paths."""
        sends_json = request.method in {"POST", "PUT", "PATCH"} and _is_json(request)
        if not sends_json or not self.paths.search(request.url.path):
            return request
        body = json_object_body(request)
        if body is None or not _renamed(body, {new: old for old, new in self.wire_names.items()}):
            return request
        return rebuild(request, json_body=body)

    def incoming(self, response: httpx.Response, request: httpx.Request) -> httpx.Response:
        """``response`` (read already) with the models' spellings, if it is a successful JSON answer to ``request``."""
        if not response.is_success or not _is_json(response) or not self.paths.search(request.url.path):
            return response
        content = response.content
        # Most answers need no change: a wire key (or one hidden in a \u escape) is looked
        # for in the bytes before the whole answer is parsed again.
        if b"\\u" not in content and not any(f'"{old}"'.encode() in content for old in self.wire_names):
            return response
        body = json_object_body(response)
        listed = body.get(self.items) if body is not None and self.items is not None else None
        if isinstance(listed, list):
            changed = [_renamed(item, self.wire_names) for item in listed]
        else:
            changed = [_renamed(body, self.wire_names)]
        if body is None or not any(changed):
            return response
        # A transport's response has no request attached yet: the client attaches it later.
        return rebuild_response(response, body, request)

    def wrapper(self) -> TransportWrapper:
        """A ``wrap_transport`` for ``build_client`` that renames on the way out and back."""
        return RewritingTransport.wrapper(outgoing=self.outgoing, incoming=self.incoming, answers=self.paths)

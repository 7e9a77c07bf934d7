"""httpx auth flows: a static bearer token, the checking flow that turns failures into errors,
and the seam for credentials in the query string.

:class:`CheckedAuth` is the outermost flow of every overlaid client. It runs the API's own
auth flow (which may resend a request with a fresh token on 401) and only then looks at
the final answer: a failure, as the API's ``error_for`` defines it, is raised as a typed
error. Doing this in the auth flow rather than in a response event hook matters: httpx
runs event hooks inside the auth flow, so a hook would raise before a token flow could
recover from a 401.

An auth flow that puts a credential in the query string (an API key, Omnize's partner
token) may also offer it while the request is built (:class:`QueryAuth`): the overlay's
httpx clients then encode it with the rest of the query, and the flow finds it in place
instead of parsing the URL once more. It pays: Omnize's listDepartments on an
``httpx.MockTransport`` takes 150 us a call with it, 168 us without, 137 us in bare httpx
(best of many runs), so it saves some 60% of the overlay's own cost on such a read, about
4% of a loopback call in ``scripts/bench.py --only overhead`` (target: overlay/bare <= 1.10).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from typing import Protocol, runtime_checkable

import httpx

from .errors import PartnerApiError, error_for_status
from .secrets import Secret

__all__ = ["BearerAuth", "CheckedAuth", "ErrorFor", "QueryAuth"]

ErrorFor = Callable[[httpx.Response], PartnerApiError | None]


@runtime_checkable
class QueryAuth(Protocol):
    """An auth flow that adds query parameters, and can name them before the request is built.

    ``query_for(method, relative URL)`` returns the parameters the flow would add (None
    for none). The client puts them in place as it builds the request; the flow must still
    add them to a request built elsewhere, and leave a request that carries them alone.
    """

    def query_for(self, method: str, url: str) -> Mapping[str, str] | None:
        """The query parameters the flow adds to a request for ``method`` and ``url``, or None."""
        ...


class BearerAuth(httpx.Auth):
    """Send a fixed token as ``Authorization: <prefix> <token>``."""

    def __init__(self, token: str | Secret, prefix: str = "Bearer") -> None:
        self._token = token if isinstance(token, Secret) else Secret(token)
        self._prefix = prefix

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"{self._prefix} {self._token.reveal()}"
        yield request

    def __repr__(self) -> str:
        return f"BearerAuth(token={self._token!r})"


class CheckedAuth(httpx.Auth):
    """Run ``inner`` (if any), then raise ``error_for(final response)`` when it is an error."""

    def __init__(self, inner: httpx.Auth | None = None, error_for: ErrorFor = error_for_status) -> None:
        self.inner = inner or httpx.Auth()
        self.error_for = error_for

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        flow = self.inner.sync_auth_flow(request)
        try:
            outgoing = next(flow)
            while True:
                response = yield outgoing
                try:
                    outgoing = flow.send(response)
                except StopIteration:
                    break
        finally:
            # Close the inner flow now, not at garbage collection, when httpx abandons this
            # one (a connection error): a token flow releases its renewal lock there.
            flow.close()
        response.read()
        error = self.error_for(response)
        if error is not None:
            raise error

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = self.inner.async_auth_flow(request)
        try:
            outgoing = await flow.__anext__()
            while True:
                response = yield outgoing
                try:
                    outgoing = await flow.asend(response)
                except StopAsyncIteration:
                    break
        finally:
            # An abandoned async generator is otherwise closed later, in another task,
            # which could not release a lock the flow's own task holds.
            await flow.aclose()
        await response.aread()
        error = self.error_for(response)
        if error is not None:
            raise error

    def __repr__(self) -> str:
        return f"CheckedAuth({self.inner!r})"

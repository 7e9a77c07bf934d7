"""Recording a client's exchanges, secrets masked, into a HAR file the drift report reads.

Every overlay factory takes ``record_to=`` (a path, or a :class:`Recorder` shared by
several clients): each request the client sends and the answer it gets go into a HAR 1.2
file, the format browsers, proxies and ``schemathesis run --report har`` write, so
``python -m partner_apis.drift FILE`` compares them with the spec.

What is recorded is what went on the wire: the recording transport sits next to the
network, under the retries, so every attempt, every token request and every retry is
an entry of its own.

Secrets never reach the file. Masked, with ``[REDACTED]``: headers, query parameters,
JSON and form fields under a credential's name (``Authorization``, ``*token``,
``password``, ``client_secret``, cookies, and every property the spec marks ``format:
password``), at any depth, in requests and answers; then every value sent or answered
under such a name wherever else it appears (an error message quoting the token back),
and every secret the runtime's registry holds. A binary body is recorded by its size
only.

The file is written per exchange rather than when the client closes: a generated client
need not be closed, a process that is killed loses nothing, and the file is a valid HAR
after every exchange. An entry is appended in place under a lock (a thread lock, and an
``flock`` across processes where the platform has one), so several clients, threads or
processes may record into one file; an existing file is appended to, never replaced.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qsl, quote, quote_plus, urlencode, urlsplit

import httpx

from partner_apis.specs import ApiSpec

from .masking import is_sensitive_name, mask_url, sent_secrets
from .secrets import MASK, redact

if sys.platform != "win32":
    import fcntl

__all__ = ["RecordTo", "Recorder", "RecordingError", "RecordingTransport", "recording_transports"]

logger = logging.getLogger("partner_apis.recording")

_HEAD = b'{"log": {"version": "1.2", "creator": {"name": "partner-apis", "version": "1"}, "entries": ['
_TAIL = b"\n]}}\n"
_MIN_LENGTH = 4


class RecordingError(ValueError):
    """A file a :class:`Recorder` cannot append to: it is not a recording it wrote."""


class Recorder:
    """Appends exchanges, secrets masked, to the HAR 1.2 file at ``path`` (see the module).

    Give one to several clients' ``record_to=`` to record them into one file. Raises
    :class:`RecordingError` when ``path`` exists and is not such a recording (a file it
    would have to rewrite), ``OSError`` when it cannot be read.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        # Under the file lock: another process may be between cutting the tail and writing it.
        with contextlib.suppress(FileNotFoundError), self.path.open("rb") as handle, _file_lock(handle, shared=True):
            self._check_tail(handle)

    def __repr__(self) -> str:
        return f"Recorder({str(self.path)!r})"

    def _check_tail(self, handle: IO[bytes]) -> int:
        # The position the next entry goes to (just before the tail), or -1 for an empty file.
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return -1
        if size < len(_HEAD) + len(_TAIL):
            raise RecordingError(f"{self.path} is not a recording a client can append to")
        handle.seek(size - len(_TAIL))
        if handle.read() != _TAIL:
            raise RecordingError(f"{self.path} is not a recording a client can append to")
        return size - len(_TAIL)

    def append(self, entry: Mapping[str, Any]) -> None:
        """Append one HAR entry (already masked) to the file, creating the file if needed."""
        line = json.dumps(entry, ensure_ascii=True, separators=(",", ":")).encode("ascii")
        # "a+b": every write goes to the end of the file, which is where the tail was cut.
        with self._lock, self.path.open("a+b") as handle, _file_lock(handle):
            end = self._check_tail(handle)
            if end < 0:
                data = _HEAD + b"\n" + line + _TAIL
            else:
                handle.seek(end - 1)
                data = (b"\n" if handle.read(1) == b"[" else b",\n") + line + _TAIL
                handle.truncate(end)
            handle.write(data)
            handle.flush()

    def entries(self) -> list[dict[str, Any]]:
        """The entries recorded so far (empty when there is no file yet)."""
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        entries: list[dict[str, Any]] = document["log"]["entries"]
        return entries


@contextlib.contextmanager
def _file_lock(handle: IO[bytes], *, shared: bool = False) -> Iterator[None]:
    if sys.platform == "win32":  # no flock: threads of this process are still serialised
        yield
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


RecordTo = str | os.PathLike[str] | Recorder


@functools.cache
def _credential_names(spec: ApiSpec) -> frozenset[str]:
    # Every property the spec marks as a credential (CONVENTIONS.md: format: password).
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, Mapping):
            properties = node.get("properties")
            if isinstance(properties, Mapping):
                names.update(
                    str(name)
                    for name, schema in properties.items()
                    if isinstance(schema, Mapping) and schema.get("format") == "password"
                )
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec.raw)
    return frozenset(name.lower() for name in names)


class _Masker:
    """The masking of one exchange: by name, then every secret value it carried, then the registry's."""

    def __init__(self, names: frozenset[str], request: httpx.Request, answer: Any) -> None:
        self._names = names
        values = sent_secrets(request)
        values.update(self._json_secrets(request_json(request), False))
        values.update(self._json_secrets(answer, False))
        forms = {form for value in values for form in (value, quote_plus(value, safe=""), quote(value, safe=""))}
        self._forms = sorted((form for form in forms if len(form) >= _MIN_LENGTH), key=len, reverse=True)

    def sensitive(self, name: str) -> bool:
        return is_sensitive_name(name) or name.lower() in self._names

    def _json_secrets(self, value: Any, sensitive: bool) -> Iterator[str]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from self._json_secrets(item, sensitive or self.sensitive(str(key)))
        elif isinstance(value, list):
            for item in value:
                yield from self._json_secrets(item, sensitive)
        elif sensitive and isinstance(value, str | int) and not isinstance(value, bool):
            yield str(value)

    def text(self, text: str) -> str:
        for form in self._forms:
            if form in text:
                text = text.replace(form, MASK)
        return redact(text)

    def json(self, value: Any, name: str | None = None) -> Any:
        if name is not None and self.sensitive(name) and value is not None:
            return MASK
        if isinstance(value, dict):
            return {key: self.json(item, str(key)) for key, item in value.items()}
        if isinstance(value, list):
            return [self.json(item) for item in value]
        return self.text(value) if isinstance(value, str) else value

    def pairs(self, pairs: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
        return [{"name": name, "value": MASK if self.sensitive(name) else self.text(value)} for name, value in pairs]

    def body(self, content: bytes, content_type: str) -> dict[str, Any]:
        """A HAR ``content``/``postData`` object for a body: masked text, or the size of a binary one."""
        kind = content_type.split(";", 1)[0].strip().lower()
        shown: dict[str, Any] = {"mimeType": content_type}
        if not content:
            return {**shown, "text": ""}
        if not _is_text(kind):
            return {**shown, "comment": f"{len(content)} bytes of {kind or 'unknown type'}, not recorded"}
        text = content.decode("utf-8", errors="replace")
        if kind.endswith("x-www-form-urlencoded"):
            pairs = self.pairs(parse_qsl(text, keep_blank_values=True))
            return {**shown, "text": urlencode([(pair["name"], pair["value"]) for pair in pairs])}
        with contextlib.suppress(ValueError):
            return {**shown, "text": json.dumps(self.json(json.loads(text)), ensure_ascii=False)}
        return {**shown, "text": self.text(text)}


def _is_text(kind: str) -> bool:
    return (
        not kind
        or kind.startswith("text/")
        or kind.endswith(("json", "xml", "x-www-form-urlencoded", "javascript"))
        or "+json" in kind
        or "+xml" in kind
    )


def request_json(request: httpx.Request) -> Any:
    """The request's JSON body, parsed, or None (no body, another type, not JSON)."""
    if "json" not in request.headers.get("content-type", "").lower():
        return None
    try:
        return json.loads(request.content)
    except (ValueError, httpx.RequestNotRead):
        return None


def _answer_json(headers: httpx.Headers, content: bytes) -> Any:
    if "json" not in headers.get("content-type", "").lower():
        return None
    try:
        return json.loads(content)
    except ValueError:
        return None


class RecordingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Sends through the network transports and records each exchange (sync and async in one object).

    The answer's body is read whole to be recorded; the client gets an answer holding
    the same bytes.
    """

    def __init__(
        self,
        recorder: Recorder,
        transport: httpx.BaseTransport,
        async_transport: httpx.AsyncBaseTransport,
        secret_names: Iterable[str] = (),
    ) -> None:
        self.recorder = recorder
        self._transport = transport
        self._async_transport = async_transport
        self._names = frozenset(name.lower() for name in secret_names)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and record the exchange."""
        request.read()
        started, clock = time.time(), time.perf_counter()
        response = self._transport.handle_request(request)
        try:
            raw = b"".join(response.iter_raw())
        except httpx.StreamConsumed:
            raw = None  # an answer made already read (an httpx.MockTransport's)
        finally:
            response.close()
        return self._recorded(request, response, raw, started, time.perf_counter() - clock)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and record the exchange."""
        await request.aread()
        started, clock = time.time(), time.perf_counter()
        response = await self._async_transport.handle_async_request(request)
        try:
            raw = b"".join([part async for part in response.aiter_raw()])
        except httpx.StreamConsumed:
            raw = None  # an answer made already read (an httpx.MockTransport's)
        finally:
            await response.aclose()
        return self._recorded(request, response, raw, started, time.perf_counter() - clock)

    def _recorded(
        self, request: httpx.Request, response: httpx.Response, raw: bytes | None, started: float, seconds: float
    ) -> httpx.Response:
        if raw is None:
            content, size = response.content, len(response.content)
        else:
            # The body as the client reads it: decoded from its content-encoding.
            decoded = httpx.Response(response.status_code, headers=response.headers, stream=httpx.ByteStream(raw))
            content, size = decoded.read(), len(raw)
        try:
            self.recorder.append(self._entry(request, response, content, size, started, seconds))
        except (OSError, RecordingError) as error:
            # The call itself went well: a recording that cannot be written is reported, not raised.
            logger.warning("could not record %s %s: %s", request.method, mask_url(request.url), error)
        if raw is None:
            return response
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=httpx.ByteStream(raw),
            extensions=response.extensions,
            request=request,
        )

    def _entry(
        self,
        request: httpx.Request,
        response: httpx.Response,
        content: bytes,
        size: int,
        started: float,
        seconds: float,
    ) -> dict[str, Any]:
        masker = _Masker(self._names, request, _answer_json(response.headers, content))
        url = masker.text(mask_url(request.url))
        query = parse_qsl(urlsplit(url).query, keep_blank_values=True)
        request_entry: dict[str, Any] = {
            "method": request.method,
            "url": url,
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": masker.pairs(request.headers.multi_items()),
            "queryString": [{"name": name, "value": value} for name, value in query],
            "headersSize": -1,
            "bodySize": len(request.content),
        }
        if request.content:
            request_entry["postData"] = masker.body(request.content, request.headers.get("content-type", ""))
        milliseconds = round(seconds * 1000, 3)
        return {
            "startedDateTime": datetime.datetime.fromtimestamp(started, datetime.UTC).isoformat(),
            "time": milliseconds,
            "request": request_entry,
            "response": {
                "status": response.status_code,
                "statusText": response.reason_phrase,
                "httpVersion": response.http_version,
                "cookies": [],
                "headers": masker.pairs(response.headers.multi_items()),
                "content": {"size": len(content), **masker.body(content, response.headers.get("content-type", ""))},
                "redirectURL": "",
                "headersSize": -1,
                "bodySize": size,
            },
            "cache": {},
            "timings": {"send": 0, "wait": milliseconds, "receive": 0},
        }

    def close(self) -> None:
        """Close the network transport."""
        self._transport.close()

    async def aclose(self) -> None:
        """Close the async network transport."""
        await self._async_transport.aclose()


def recording_transports(
    record_to: RecordTo, transport: httpx.BaseTransport, async_transport: httpx.AsyncBaseTransport, spec: ApiSpec
) -> tuple[RecordingTransport, RecordingTransport]:
    """The network transports wrapped to record into ``record_to`` (a path or a :class:`Recorder`).

    ``spec`` names the credential properties to mask. Raises :class:`RecordingError` for
    a file that is not a recording, ``TypeError`` for a ``record_to`` of another type.
    """
    if isinstance(record_to, Recorder):
        recorder = record_to
    elif isinstance(record_to, str | os.PathLike):
        recorder = Recorder(record_to)
    else:
        raise TypeError(f"record_to must be a path or a Recorder, not {type(record_to).__name__}")
    recording = RecordingTransport(recorder, transport, async_transport, _credential_names(spec))
    return recording, recording

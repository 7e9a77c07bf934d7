"""Reading HAR files: the exchanges a browser, a proxy, Schemathesis or a client recorded.

HAR 1.2 (``{"log": {"entries": [{"request": ..., "response": ...}]}}``) is what browser
dev tools and mitmproxy export, what ``schemathesis run --report har`` writes (its file
is called ``har-<timestamp>.json``) and what an overlay client given ``record_to=``
writes. Only what the drift report needs is kept: the method, the URL, the answer's
status, headers and body. A body the HAR stores as base64 (``"encoding": "base64"``) is
decoded.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = ["DriftInputError", "Exchange", "read_har", "read_hars"]


class DriftInputError(ValueError):
    """An input the drift report cannot read: a missing file, a file that is not HAR, an unknown API."""


@dataclass(frozen=True)
class Exchange:
    """One request and the answer it got, as a HAR entry recorded them.

    ``path`` is the URL's path, percent-decoded (as a server routes it); ``query`` and
    ``request_headers`` are kept to find the secrets the request sent, so that an example
    quoting one back can be masked. ``response_headers`` keep the HAR's order and case.
    """

    source: str
    index: int
    method: str
    url: str
    host: str
    path: str
    query: tuple[tuple[str, str], ...]
    request_headers: tuple[tuple[str, str], ...]
    request_body: str
    request_mime: str
    status: int
    response_headers: tuple[tuple[str, str], ...]
    response_body: str
    response_mime: str

    def request_header(self, name: str) -> str | None:
        """The first request header called ``name`` (any case), or None."""
        lowered = name.lower()
        return next((value for key, value in self.request_headers if key.lower() == lowered), None)

    def response_header(self, name: str) -> str | None:
        """The first answer header called ``name`` (any case), or None."""
        lowered = name.lower()
        return next((value for key, value in self.response_headers if key.lower() == lowered), None)


def _pairs(items: Any, where: str) -> tuple[tuple[str, str], ...]:
    if items is None:
        return ()
    if not isinstance(items, list):
        raise DriftInputError(f"{where} must be a list of name/value objects")
    pairs: list[tuple[str, str]] = []
    for item in items:
        if not isinstance(item, Mapping) or "name" not in item:
            raise DriftInputError(f"{where} must be a list of name/value objects")
        pairs.append((str(item["name"]), str(item.get("value", ""))))
    return tuple(pairs)


def _text(content: Any, where: str) -> tuple[str, str]:
    """The body text and MIME type of a HAR ``content`` or ``postData`` object."""
    if content is None:
        return "", ""
    if not isinstance(content, Mapping):
        raise DriftInputError(f"{where} must be an object")
    text = content.get("text") or ""
    mime = str(content.get("mimeType") or "")
    if not isinstance(text, str):
        raise DriftInputError(f"{where}.text must be a string")
    if content.get("encoding") == "base64" and text:
        try:
            text = base64.b64decode(text, validate=True).decode("utf-8", errors="replace")
        except (binascii.Error, ValueError):
            raise DriftInputError(f"{where}.text is not base64 although its encoding says so") from None
    return text, mime


def _exchange(source: str, index: int, entry: Any) -> Exchange:
    where = f"{source}: entry {index}"
    if not isinstance(entry, Mapping):
        raise DriftInputError(f"{where} is not an object")
    request, response = entry.get("request"), entry.get("response")
    if not isinstance(request, Mapping) or not isinstance(response, Mapping):
        raise DriftInputError(f"{where} has no request or no response")
    method, url, status = request.get("method"), request.get("url"), response.get("status")
    if not isinstance(method, str) or not isinstance(url, str) or not isinstance(status, int):
        raise DriftInputError(f"{where} needs request.method, request.url and response.status")
    parts = urlsplit(url)
    # Browsers and Schemathesis list the query; a HAR that does not is read from the URL.
    query = _pairs(request.get("queryString"), f"{where}: request.queryString") or tuple(
        parse_qsl(parts.query, keep_blank_values=True)
    )
    request_body, request_mime = _text(request.get("postData"), f"{where}: request.postData")
    response_body, response_mime = _text(response.get("content"), f"{where}: response.content")
    return Exchange(
        source=source,
        index=index,
        method=method.upper(),
        url=url,
        host=parts.netloc.lower(),
        path=unquote(parts.path) or "/",
        query=query,
        request_headers=_pairs(request.get("headers"), f"{where}: request.headers"),
        request_body=request_body,
        request_mime=request_mime,
        status=status,
        response_headers=_pairs(response.get("headers"), f"{where}: response.headers"),
        response_body=response_body,
        response_mime=response_mime,
    )


def read_har(path: Path) -> list[Exchange]:
    """Every exchange of one HAR file, in its order.

    Entries whose answer never came (a browser's ``status: 0``, a request the client
    gave up on) are left out: there is no answer to compare. Raises
    :class:`DriftInputError` for a missing or unreadable file, or one that is not HAR.
    """
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DriftInputError(f"{source}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DriftInputError(f"{source}: cannot read it ({type(error).__name__})") from None
    try:
        document = json.loads(text)
    except ValueError:
        raise DriftInputError(f"{source}: not a HAR file (not JSON)") from None
    log = document.get("log") if isinstance(document, Mapping) else None
    entries = log.get("entries") if isinstance(log, Mapping) else None
    if not isinstance(entries, list):
        raise DriftInputError(f"{source}: not a HAR file (no log.entries list)")
    exchanges = (_exchange(source, index, entry) for index, entry in enumerate(entries))
    return [exchange for exchange in exchanges if exchange.status > 0]


def read_hars(paths: Sequence[Path]) -> Iterator[Exchange]:
    """The exchanges of every file in turn (see :func:`read_har`, whose errors it raises)."""
    for path in paths:
        yield from read_har(Path(path))

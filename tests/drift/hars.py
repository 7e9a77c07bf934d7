"""Building HAR files for the drift tests: one entry per exchange, as browsers and Schemathesis write them."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

_ABSENT = object()


def entry(
    method: str,
    url: str,
    status: int,
    body: Any = _ABSENT,
    *,
    headers: Mapping[str, str] | None = None,
    request_headers: Mapping[str, str] | None = None,
    request_body: str | None = None,
    request_mime: str = "application/json",
    mime: str = "application/json",
) -> dict[str, Any]:
    """One HAR 1.2 entry: ``body`` is JSON-encoded unless it is a str (``_ABSENT``: no body)."""
    if body is _ABSENT:
        text = ""
    elif isinstance(body, str):
        text = body
    else:
        text = json.dumps(body)
    answer_headers = {"date": "Sat, 05 Dec 2026 02:00:00 GMT", "server": "test", "content-length": str(len(text))}
    if text:
        answer_headers["content-type"] = mime
    answer_headers.update(headers or {})
    request: dict[str, Any] = {
        "method": method,
        "url": url,
        "httpVersion": "HTTP/1.1",
        "cookies": [],
        "headers": [{"name": name, "value": value} for name, value in (request_headers or {}).items()],
        "queryString": [{"name": n, "value": v} for n, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)],
        "headersSize": -1,
        "bodySize": -1,
    }
    if request_body is not None:
        request["postData"] = {"mimeType": request_mime, "text": request_body}
    return {
        "startedDateTime": "2026-12-05T02:00:00+00:00",
        "time": 1,
        "request": request,
        "response": {
            "status": status,
            "statusText": "",
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": [{"name": name, "value": value} for name, value in answer_headers.items()],
            "content": {"size": len(text), "mimeType": mime, "text": text},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": len(text),
        },
        "cache": {},
        "timings": {"send": 0, "wait": 1, "receive": 0},
    }


def write(folder: Path, entries: Sequence[dict[str, Any]], name: str = "session.har") -> Path:
    """A HAR file holding ``entries``, in ``folder``."""
    path = folder / name
    document = {"log": {"version": "1.2", "creator": {"name": "tests", "version": "1"}, "entries": list(entries)}}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path

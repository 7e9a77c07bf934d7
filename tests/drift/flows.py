"""Recording traffic for the drift tests: the example flows of examples/, through recording overlay clients.

:func:`run_example` runs ``examples/<api>.py`` as a user would, with every overlay client
it makes given ``record_to=`` and a network transport that notes every secret that went
over the wire (:class:`WireSecrets`), so a test can look for them in the recording.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus

import httpx

from partner_apis.testing import RunningSimulator, running

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def is_secret_name(name: str) -> bool:
    """The test's own idea of a credential's name (headers, query parameters, fields)."""
    lowered = name.lower()
    return (
        lowered in {"authorization", "cookie", "set-cookie"}
        or lowered.endswith("token")
        or ("password" in lowered or "secret" in lowered)
    )


class WireSecrets:
    """Every secret value seen on the wire, by where it travelled (header, query, request body, answer body)."""

    def __init__(self) -> None:
        self.found: dict[str, set[str]] = {}

    def add(self, where: str, value: object) -> None:
        if isinstance(value, str | int) and not isinstance(value, bool) and len(str(value)) >= 4:
            self.found.setdefault(where, set()).add(str(value))

    def values(self) -> set[str]:
        return set().union(*self.found.values()) if self.found else set()

    def leaked_into(self, text: str) -> list[str]:
        """Where each secret found in ``text`` travelled (the secret itself is not repeated)."""
        return sorted(
            where
            for where, values in self.found.items()
            for value in values
            if any(form in text for form in (value, quote_plus(value, safe=""), quote(value, safe="")))
        )

    def _json(self, where: str, value: Any, secret: bool = False) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                self._json(where, item, secret or is_secret_name(str(key)))
        elif isinstance(value, list):
            for item in value:
                self._json(where, item, secret)
        elif secret:
            self.add(where, value)

    def _body(self, where: str, content: bytes, content_type: str) -> None:
        if "x-www-form-urlencoded" in content_type:
            for name, value in parse_qsl(content.decode(), keep_blank_values=True):
                if is_secret_name(name):
                    self.add(where, value)
        elif "json" in content_type and content:
            with contextlib.suppress(ValueError):
                self._json(where, json.loads(content))

    def note(self, request: httpx.Request, response: httpx.Response, answer: bytes) -> None:
        for name, value in request.headers.multi_items():
            if is_secret_name(name):
                self.add("header", value)
                self.add("header", value.partition(" ")[2])
        for name, value in request.url.params.multi_items():
            if is_secret_name(name):
                self.add("query", value)
        self._body("request body", request.content, request.headers.get("content-type", ""))
        self._body("answer body", answer, response.headers.get("content-type", ""))


class NotingTransport(httpx.BaseTransport):
    """The network, noting each exchange's secrets in a :class:`WireSecrets`."""

    def __init__(self, wire: WireSecrets) -> None:
        self.wire = wire
        self.network = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        response = self.network.handle_request(request)
        answer = httpx.Response(response.status_code, headers=response.headers, stream=response.stream).read()
        self.wire.note(request, response, answer)
        headers = [(name, value) for name, value in response.headers.multi_items() if name != "content-encoding"]
        return httpx.Response(response.status_code, headers=headers, content=answer, request=request)

    def close(self) -> None:
        self.network.close()


def recording_options(record_to: Path, wire: WireSecrets) -> dict[str, Any]:
    """The factory options that record into ``record_to`` and note the wire's secrets."""
    return {"record_to": record_to, "transport": NotingTransport(wire)}


def _recording_factory(factory: Callable[..., Any], record_to: Path, wire: WireSecrets) -> Callable[..., Any]:
    def client(*args: Any, **options: Any) -> Any:
        return factory(*args, **recording_options(record_to, wire), **options)

    return client


def run_example(key: str, record_to: Path, wire: WireSecrets) -> None:
    """Run ``examples/<key>.py``'s flow with every overlay client it makes recording; raises if it fails."""
    path = EXAMPLES / f"{key.replace('-', '_')}.py"
    assert path.is_file(), f"{key} has no example flow: examples/{path.name} (ARCHITECTURE.md, adding an API)"
    spec = importlib.util.spec_from_file_location(f"example_{key.replace('-', '_')}", path)
    assert spec is not None
    assert spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)

    class Recording(RunningSimulator):
        def client(self, tenant: int | str = 0, **options: Any) -> Any:
            return super().client(tenant, **recording_options(record_to, wire), **options)

    @contextlib.contextmanager
    def recording_running(api: str, **options: Any) -> Iterator[RunningSimulator]:
        with running(api, **options) as sim:
            yield Recording(sim.key, sim.root_url, sim.base_url, sim.app)

    setattr(example, "running", recording_running)  # noqa: B010 (a module made at run time)
    # A script that signs a client in with the factory itself (PortSIP's dealers) records too.
    for name, value in list(vars(example).items()):
        if isinstance(value, types.ModuleType) and value.__name__.startswith("partner_apis.overlays."):
            overlay = types.SimpleNamespace(**vars(value))
            overlay.client = _recording_factory(value.client, record_to, wire)
            setattr(example, name, overlay)
    assert example.main() == 0, f"examples/{path.name} failed"

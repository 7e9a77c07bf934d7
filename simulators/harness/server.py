"""Run any simulator as a real uvicorn server on a free loopback port, in a background thread."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import uvicorn
from starlette.types import ASGIApp

from .access import AccessLog

__all__ = ["RunningServer", "serve"]

_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@dataclass(frozen=True)
class RunningServer:
    """A server that is accepting connections: where it listens."""

    host: str
    port: int

    @property
    def root_url(self) -> str:
        """``http://host:port``, with no path."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"


@contextlib.contextmanager
def serve(
    app: ASGIApp, host: str = "127.0.0.1", port: int = 0, *, timeout: float = 10.0, access_log: bool = False
) -> Iterator[RunningServer]:
    """Serve ``app`` with uvicorn until the block exits; ``port=0`` picks a free port.

    ``access_log=True`` logs each request served (method, path and query with credentials
    masked, status, milliseconds) as an INFO record of the ``partner_apis.simulators.access``
    logger (see :mod:`.access`); off, the app is served as it is, at no cost.
    Only loopback hosts are accepted here (tests and benchmarks never listen elsewhere);
    raises ``ValueError`` for another host and ``RuntimeError`` if the server does not start.
    """
    if host not in _LOOPBACK:
        raise ValueError(f"simulators in tests listen on loopback only, not {host!r}")
    if access_log:
        app = AccessLog(app)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound_port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name=f"simulator:{bound_port}", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sock.close()
            raise RuntimeError(f"the simulator did not start on {host}:{bound_port}")
        time.sleep(0.01)
    try:
        yield RunningServer(host, bound_port)
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()

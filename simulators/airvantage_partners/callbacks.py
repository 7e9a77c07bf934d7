"""Operation callbacks: which URLs the simulator may call, and a background sender that calls them.

The vendor calls a request's ``callback`` URL "when the operation state changes"; the
simulator POSTs the operation's JSON there each time (credentials in the URL become HTTP
Basic auth). A simulator must never reach out of the machine, so only http(s) URLs whose
host is a loopback address (or ``localhost``) are accepted; the request is refused
otherwise, before anything is sent.

Deliveries run on one background thread, in order: a handler runs on the server's event
loop and must never wait for an HTTP call, least of all one to the simulator itself.
"""

from __future__ import annotations

import ipaddress
import logging
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import httpx

from .state import Callback

__all__ = ["CallbackSender", "Delivery", "parse_callback"]

log = logging.getLogger("partner_apis.simulators.airvantage")


def parse_callback(url: str) -> Callback | None:
    """The callback of ``url`` if it is http(s) on a loopback host, else None."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (reading it validates the port)
    except ValueError:
        return None
    host = parts.hostname
    if parts.scheme not in {"http", "https"} or not host:
        return None
    if host != "localhost":
        try:
            if not ipaddress.ip_address(host).is_loopback:
                return None
        except ValueError:  # a name other than localhost could resolve anywhere
            return None
    netloc = parts.netloc.rpartition("@")[2]
    username = unquote(parts.username) if parts.username is not None else None
    password = unquote(parts.password) if parts.password is not None else None
    return Callback(urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")), username, password)


@dataclass(frozen=True)
class Delivery:
    """One callback call: where (without credentials), which state, and the answer's status (None: no answer)."""

    url: str
    operation: str
    state: str
    status: int | None


class CallbackSender:
    """POSTs operations to their callback URLs from one background thread, in submission order."""

    def __init__(self, *, timeout: float = 2.0) -> None:
        self.timeout = timeout
        self.deliveries: list[Delivery] = []
        self._queue: queue.Queue[tuple[Callback, dict[str, Any]]] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, callback: Callback, operation: dict[str, Any]) -> None:
        """Queue one delivery of ``operation`` to ``callback`` (starts the sender thread on first use)."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="airvantage-callbacks", daemon=True)
                self._thread.start()
        self._queue.put((callback, operation))

    def drain(self, timeout: float = 5.0) -> bool:
        """Wait until every queued delivery has been attempted; False if ``timeout`` seconds pass first."""
        deadline = time.monotonic() + timeout
        with self._queue.all_tasks_done:
            while self._queue.unfinished_tasks:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._queue.all_tasks_done.wait(remaining)
        return True

    def _run(self) -> None:
        # trust_env off: no proxy from the environment may carry a call off the machine.
        with httpx.Client(timeout=self.timeout, follow_redirects=False, trust_env=False) as client:
            while True:
                callback, operation = self._queue.get()
                try:
                    self.deliveries.append(self._send(client, callback, operation))
                finally:
                    self._queue.task_done()

    def _send(self, client: httpx.Client, callback: Callback, operation: dict[str, Any]) -> Delivery:
        # httpx.Auth() sends the request as it is: no credentials in the URL, none sent.
        auth = (
            httpx.Auth() if callback.username is None else httpx.BasicAuth(callback.username, callback.password or "")
        )
        try:
            status: int | None = client.post(callback.url, json=operation, auth=auth).status_code
        except httpx.HTTPError as error:
            log.info("callback %s for operation %s failed: %s", callback.url, operation["uid"], type(error).__name__)
            status = None
        return Delivery(callback.url, operation["uid"], operation["state"], status)

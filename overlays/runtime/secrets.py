"""Secrets that never show: a ``Secret`` value type, a bounded registry of secrets, and redaction.

Every token and password a client is given is wrapped in :class:`Secret` (its ``repr``
and ``str`` are masked). :func:`redact` replaces, in a text, every secret the registry
knows and the forms it takes on the wire (percent-encoded in a URL or a form, a
password's SHA-256 digest when registered too); :class:`RedactingFilter`, attached to
the HTTP and project loggers, applies it to their log records, so neither httpx's
request lines nor our own messages can carry one.

The registry is bounded, so a service that renews a token every 30 minutes for months
holds no more than it did on its first day:

- a :class:`Secret` is registered by weak reference: it is masked for as long as
  anything holds it, and drops out when nothing does;
- a secret that dropped out, and a plain string given to :func:`register_secret`, stay
  masked while they are among the last :data:`RETAINED_LIMIT` such values (a log line
  written just after a token was replaced still shows no trace of it).

Nothing global in the host changes: no log-record factory, no filter or handler on the
root logger or on any logger outside ``httpx``, ``httpcore`` and ``partner_apis`` (and
the loggers a caller names); the handler on httpx's and httpcore's top-level loggers
leaves their records' way to the host's handlers (or logging's last resort) as it was.
"""

from __future__ import annotations

import collections
import logging
import threading
import weakref
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import parse_qsl, quote, quote_plus, urlencode, urlsplit, urlunsplit

__all__ = [
    "MASK",
    "RETAINED_LIMIT",
    "SENSITIVE_NAMES",
    "RedactingFilter",
    "RegistrySize",
    "Secret",
    "install_log_redaction",
    "redact",
    "redact_url",
    "register_secret",
    "registry_size",
]

MASK = "[REDACTED]"

# Query, form and JSON field names whose values are secret in every API we cover.
SENSITIVE_NAMES = frozenset(
    {"token", "access_token", "refresh_token", "password", "client_secret", "auth_token", "authorization"}
)

# How many values nobody holds as a Secret stay masked: tokens just replaced, and plain
# strings registered with register_secret (Omnize's passwords and their digests).
# Each value has up to four wire forms, and every log record is scanned for each form,
# so this bounds both the registry's memory and the cost of a record.
RETAINED_LIMIT = 32

# Values shorter than this are not registered: masking "1" everywhere would garble logs,
# and no real credential is that short.
_MIN_SECRET_LENGTH = 4

_lock = threading.Lock()
# id(weak reference) -> (the reference, the secret's value, its forms), for every Secret alive.
_refs: dict[int, tuple[weakref.ref[Secret], str, tuple[str, ...]]] = {}
# form -> how many live Secrets have it (two Secrets may hold the same value).
_held: dict[str, int] = {}
# value -> its forms, oldest first, at most RETAINED_LIMIT entries.
_retained: collections.OrderedDict[str, tuple[str, ...]] = collections.OrderedDict()
# ids of references whose Secret died, not yet moved out of _refs. The garbage collector
# appends here from whatever thread drops a Secret, maybe one inside a locked section of
# this module, so appending is all the callback does (deque.append needs no lock).
_dead: collections.deque[int] = collections.deque()
# Every form to mask, longest first (so a secret containing another is masked whole);
# rebuilt lazily, on the first redaction after the registry changed.
_forms: tuple[str, ...] = ()
_stale = False


class RegistrySize(NamedTuple):
    """How much the registry holds: live Secrets, retained values, and forms each record is scanned for."""

    held: int
    retained: int
    forms: int


class Secret:
    """A secret string whose ``repr`` and ``str`` are masked; ``reveal()`` gives the value.

    While a Secret is alive its value is masked by :func:`redact` and in the records of
    the loggers :func:`install_log_redaction` covers. Raises ``TypeError`` for a value
    that is not a ``str``.
    """

    __slots__ = ("__weakref__", "_value")

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"a secret must be a str, not {type(value).__name__}")
        self._value = value
        _hold(self)

    def reveal(self) -> str:
        """Return the secret's value, for the one place that must send it."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret({MASK!r})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    # A copy made without __init__ would hold the value unregistered: a Secret is
    # immutable, so a copy is the Secret itself.
    def __copy__(self) -> Secret:
        return self

    def __deepcopy__(self, memo: object) -> Secret:
        return self


def _wire_forms(value: str) -> tuple[str, ...]:
    # A secret in a URL (httpx logs every request's URL) or a form body is percent-encoded:
    # a query or a form encodes "/" as "%2F" and a space as "+"; a path keeps "/" and
    # writes a space as "%20".
    forms = {value, quote_plus(value, safe=""), quote(value, safe=""), quote(value)}
    return tuple(form for form in forms if len(form) >= _MIN_SECRET_LENGTH)


def _release(ref: weakref.ref[Secret], dead: collections.deque[int] = _dead) -> None:
    # The deque is bound here, not looked up: at interpreter exit the module's globals
    # may be gone before the last Secrets are.
    dead.append(id(ref))


def _hold(secret: Secret) -> None:
    global _stale
    value = secret.reveal()
    forms = _wire_forms(value)
    if not forms:
        return
    ref = weakref.ref(secret, _release)
    with _lock:
        _collect()
        _refs[id(ref)] = (ref, value, forms)
        for form in forms:
            count = _held.get(form, 0)
            _held[form] = count + 1
            _stale = _stale or count == 0


def _retain(value: str, forms: tuple[str, ...]) -> None:
    # Called with _lock held. The newest value goes last; the oldest beyond the limit go.
    global _stale
    if value in _retained:
        _retained.move_to_end(value)
        return
    _retained[value] = forms
    while len(_retained) > RETAINED_LIMIT:
        _retained.popitem(last=False)
    _stale = True


def _collect() -> None:
    # Called with _lock held: the Secrets that died move to the retained values.
    global _stale
    while _dead:
        entry = _refs.pop(_dead.popleft(), None)
        if entry is None:
            continue
        _, value, forms = entry
        for form in forms:
            count = _held[form] - 1
            if count:
                _held[form] = count
            else:
                del _held[form]
                _stale = True
        _retain(value, forms)


def _current_forms() -> tuple[str, ...]:
    # The fast path (nothing changed) takes no lock: a log record costs a scan, no more.
    global _forms, _stale
    if _dead or _stale:
        with _lock:
            _collect()
            if _stale:
                every = set(_held).union(*_retained.values())
                _forms = tuple(sorted(every, key=len, reverse=True))
                _stale = False
    return _forms


def _mask(text: str, forms: tuple[str, ...]) -> str:
    # A substring scan over the (bounded) forms: faster than one alternation regex at every
    # size measured (9 to 1,000 forms), and nothing to compile when a token is renewed.
    for form in forms:
        if form in text:
            text = text.replace(form, MASK)
    return text


def register_secret(*values: str) -> None:
    """Mask values that are not held as a :class:`Secret` (a password's digest), and their forms in a URL or a form.

    The last :data:`RETAINED_LIMIT` values registered (or dropped by their Secret) stay
    masked; to keep a value masked for longer, hold it as a Secret.
    """
    with _lock:
        _collect()
        for value in values:
            forms = _wire_forms(value)
            if forms:
                _retain(value, forms)


def registry_size() -> RegistrySize:
    """How many secrets the registry holds now (live Secrets, retained values, forms to scan)."""
    forms = _current_forms()
    with _lock:
        return RegistrySize(held=len(_refs), retained=len(_retained), forms=len(forms))


def redact(text: str) -> str:
    """Return ``text`` with every registered secret replaced by ``[REDACTED]``."""
    if not text:
        return text
    forms = _current_forms()
    return _mask(text, forms) if forms else text


def redact_url(url: str) -> str:
    """Return ``url`` with secret query parameters and registered secrets masked."""
    parts = urlsplit(url)
    if parts.query:
        query = [
            (name, MASK if name.lower() in SENSITIVE_NAMES else value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
        ]
        parts = parts._replace(query=urlencode(query, safe="[]"))
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", f":{MASK}@"))
    return redact(urlunsplit(parts))


_TRACEBACKS = logging.Formatter()


def _redact_record(record: logging.LogRecord) -> None:
    forms = _current_forms()
    if not forms:
        return
    try:
        message = record.getMessage()
    except Exception:  # a malformed record is logging's to report, when it is emitted
        return
    masked = _mask(message, forms)
    if masked != message:
        record.msg, record.args = masked, None
    # A traceback is formatted once per record and cached in exc_text: fill the cache with
    # the masked text when the exception's text shows a secret (and only then, so a host's
    # own formatException still formats every other traceback).
    if record.exc_text:
        record.exc_text = _mask(record.exc_text, forms)
    elif record.exc_info:
        text = _TRACEBACKS.formatException(record.exc_info)
        if (masked := _mask(text, forms)) != text:
            record.exc_text = masked
    if record.stack_info:
        record.stack_info = _mask(record.stack_info, forms)


class RedactingFilter(logging.Filter):
    """A logging filter that masks registered secrets in a record's message, traceback and stack (it drops nothing)."""

    def filter(self, record: logging.LogRecord) -> bool:
        _redact_record(record)
        return True


class _RedactingNullHandler(logging.NullHandler):
    # A handler on a namespace's top-level logger, redacting in place: a logger's filters run
    # only for the records that logger makes, but its handlers run for every descendant's
    # records that propagate, before the root's handlers (the host's) see them. So a logger
    # made under it after install_log_redaction is still covered.
    #
    # On this project's logger it is the NullHandler every library may put there (the
    # logging HOWTO's). On httpx's and httpcore's it is `transparent`: where it is the only
    # handler a record meets, logging would have given the record to its last resort
    # (standard error, WARNING and up), and so does this handler, so those libraries'
    # warnings reach the host as they would without us.
    def __init__(self, *, transparent: bool = False) -> None:
        super().__init__()
        self.transparent = transparent

    def handle(self, record: logging.LogRecord) -> bool:
        _redact_record(record)
        last_resort = logging.lastResort
        if not self.transparent or last_resort is None or record.levelno < last_resort.level:
            return True
        if not _other_handlers(record.name):
            last_resort.handle(record)
        return True


def _other_handlers(name: str) -> bool:
    # Whether a record of the logger `name` meets a handler of the host's on its way up
    # (logging's own walk in Logger.callHandlers, without the level checks it leaves to
    # each handler).
    node: logging.Logger | None = logging.getLogger(name)
    while node is not None:
        if any(not isinstance(handler, _RedactingNullHandler) for handler in node.handlers):
            return True
        node = node.parent if node.propagate else None
    return False


# The namespaces whose loggers may see a URL, a header or a body: httpx's request lines
# (a token in the query string), httpcore's traces (response headers), and this project's.
_NAMESPACES = ("httpx", "httpcore", "partner_apis")
# The loggers httpx 0.28 and httpcore 1.0 log through (they make them when imported, so
# a sweep finds them too; naming them covers them before their module is imported).
_KNOWN_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
_OWN_NAMESPACE = "partner_apis"
_FILTER = RedactingFilter()
# The top-level loggers a redacting handler goes on: ours, and the HTTP libraries' (whose
# loggers made after the last install would otherwise log unmasked until the next one).
_HANDLERS = {
    _OWN_NAMESPACE: _RedactingNullHandler(),
    "httpx": _RedactingNullHandler(transparent=True),
    "httpcore": _RedactingNullHandler(transparent=True),
}
_install_lock = threading.Lock()


def _in_namespace(name: str, namespaces: tuple[str, ...]) -> bool:
    return any(name == space or name.startswith(space + ".") for space in namespaces)


def install_log_redaction(extra_loggers: Iterable[str] = ()) -> None:
    """Mask registered secrets in the records of the httpx, httpcore and project loggers (idempotent).

    A :class:`RedactingFilter` goes on every logger that exists in those namespaces (and
    in ``extra_loggers``'s) and on httpx's and httpcore's own loggers, since a logger's
    filter does not see its children's records. A redacting handler, first on the
    ``partner_apis``, ``httpx`` and ``httpcore`` loggers, masks the records of their
    loggers made later as those records propagate, before any handler above (the
    root's) sees them; on httpx's and httpcore's it hands a record no other handler
    takes to logging's last resort, as logging itself would. What it cannot reach without
    changing the host's own loggers: a logger made later that does not propagate, or a
    handler put on such a new logger itself, sees its records unmasked until this runs
    again. Loggers named in ``extra_loggers`` and their children existing now are
    covered by filters only. The root logger, the log-record factory and every other
    logger are left alone. Calling it again (each client built calls it) covers loggers
    made since.
    """
    extra = tuple(extra_loggers)  # read once: it may be a generator
    namespaces = (*_NAMESPACES, *extra)
    with _install_lock:
        # list() copies the logger table at once: another thread may be adding a logger.
        existing = [
            name for name, node in list(logging.root.manager.loggerDict.items()) if isinstance(node, logging.Logger)
        ]
        for name in {*_KNOWN_LOGGERS, *extra, *(name for name in existing if _in_namespace(name, namespaces))}:
            logger = logging.getLogger(name)
            if _FILTER not in logger.filters:
                logger.addFilter(_FILTER)
        for name, handler in _HANDLERS.items():
            top = logging.getLogger(name)
            if top.handlers[:1] != [handler]:
                # First among the logger's handlers, so that one added before it (the debug
                # switch's) also sees masked records. A new list, swapped in at once: a
                # thread logging now goes on with the old one.
                top.handlers = [handler, *(other for other in top.handlers if other is not handler)]

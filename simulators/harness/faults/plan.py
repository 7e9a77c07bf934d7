"""A fault profile compiled for one simulator: which rule covers which operation, and the seeded draws.

Every decision is drawn from one ``random.Random(seed)`` per app, in the order requests
reach the app, under a lock: the same profile, seed and sequence of requests get the same
faults, on the same requests, in the same order. With concurrent callers the sequence is
the order in which their requests arrive, which the network and the scheduler decide:
the n-th request to arrive gets the n-th decision, whichever caller sent it. A test that
needs the very same request to fail each run sends its requests one at a time.

Per request, the rules whose operations cover it are taken in profile order; each one
past its ``skip`` draws once (fired when the draw is below its rate, while under its
``times``). Latency adds up; the first other rule that fires is the request's fault, and
later rules still draw (so a rule's firings do not depend on which rules come before it).
A wait, and a vendor fault's choice when the rule names none, are drawn when their rule
fires.
"""

from __future__ import annotations

import dataclasses
import random
import threading
from collections import Counter, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from partner_apis.simulators.harness.errors import SimError
from partner_apis.specs import ApiSpec
from partner_apis.specs import Operation as SpecOperation

from .profile import FaultProfile, FaultProfileError, FaultRule

__all__ = ["Decision", "FaultPlan", "VendorFault"]

TOKEN_OPERATION = "getToken"  # noqa: S105 (an operationId, not a password)
_METHODS = frozenset({"GET", "HEAD", "PUT", "POST", "PATCH", "DELETE", "OPTIONS"})
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})
_HISTORY = 10_000  # decisions kept for inspection: a long soak must not grow the simulator without bound


@dataclass(frozen=True)
class VendorFault:
    """One of a vendor's own ways of failing, declared by its simulator in ``vendor_faults``.

    ``error``: answered instead of processing the request, rendered by the simulator's
    ``render_error`` (so in the vendor's shape and status: Omnize answers HTTP 200 with
    ``success: false``). ``after``: the request is processed as usual, then
    ``after(simulator, answer)`` changes the simulator's state (``answer`` is the decoded
    JSON body, or None) and the answer goes back unchanged (AirVantage's operation that
    fails later). ``operations``: the operationIds it can happen on (empty: every one).
    Raises ``ValueError`` unless exactly one of ``error`` and ``after`` is given.
    """

    description: str
    error: SimError | None = None
    after: Callable[[Any, Any], None] | None = None
    operations: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if (self.error is None) == (self.after is None):
            raise ValueError("a vendor fault either answers an error or acts after the request, not both or neither")

    def covers(self, operation_id: str) -> bool:
        """Whether this fault can happen on ``operation_id``."""
        return not self.operations or operation_id in self.operations


@dataclass
class Decision:
    """What happens to one request: a wait first, then at most one fault.

    ``number`` is the request's place among those the plan decided (from 0); ``hold`` is
    how long a read timeout holds the answer; ``vendor`` the vendor fault, by name.
    """

    number: int
    operation_id: str
    delay: float = 0.0
    rule: FaultRule | None = None
    hold: float = 0.0
    vendor: tuple[str, VendorFault] | None = None
    labels: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str | None:
        """The fault's kind (``server-error``), or None when the request only waits."""
        return None if self.rule is None else self.rule.kind

    @property
    def label(self) -> str:
        """What the ``x-simulator-fault`` header and the access log say: ``latency,vendor:internal-error``."""
        return ",".join(self.labels)


@dataclass
class _Compiled:
    rule: FaultRule
    operations: frozenset[str]
    vendor: Mapping[str, tuple[tuple[str, VendorFault], ...]]  # by operationId: the vendor faults it may pick
    seen: int = 0
    fired: int = 0


class FaultPlan:
    """A profile compiled against one simulator's spec and vendor faults, with its seeded random source.

    ``counts`` counts the faults injected by label, ``history`` keeps the last 10,000
    decisions that did something. Raises :class:`FaultProfileError` for a selector that
    names no operationId, tag or method of the spec, and for a vendor fault the simulator
    does not declare.
    """

    def __init__(
        self, profile: FaultProfile, spec: ApiSpec, vendor_faults: Mapping[str, VendorFault], seed: int = 0
    ) -> None:
        self.profile = profile
        self.seed = seed
        self.counts: Counter[str] = Counter()
        self.history: deque[Decision] = deque(maxlen=_HISTORY)
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._requests = 0
        operations = list(spec)
        self._rules = [self._compile(rule, operations, spec.key, vendor_faults) for rule in profile.rules]

    def _compile(
        self, rule: FaultRule, operations: list[SpecOperation], key: str, vendor_faults: Mapping[str, VendorFault]
    ) -> _Compiled:
        where = f"fault profile {self.profile.source}: faults[{rule.index}]"
        chosen: set[str] = set()
        for selector in rule.operations:
            matched = _select(selector, operations)
            if matched is None:
                raise FaultProfileError(
                    f"{where}: unknown operation {selector!r} for {key}"
                    " (all, reads, writes, token, a method, tag:<tag> or an operationId)"
                )
            chosen |= matched
        vendor: dict[str, tuple[tuple[str, VendorFault], ...]] = {}
        if rule.kind == "vendor":
            if rule.name is not None and rule.name not in vendor_faults:
                known = ", ".join(sorted(vendor_faults)) or "none"
                raise FaultProfileError(f"{where}: {key} has no vendor fault {rule.name!r} (its faults: {known})")
            named = [(rule.name, vendor_faults[rule.name])] if rule.name else sorted(vendor_faults.items())
            for operation_id in chosen:
                options = tuple(item for item in named if item[1].covers(operation_id))
                if options:
                    vendor[operation_id] = options
            chosen = set(vendor)  # a vendor rule covers only the operations one of its faults can hit
        return _Compiled(rule, frozenset(chosen), vendor)

    def decide(self, operation: SpecOperation, issued_token: Callable[[], str | None]) -> Decision | None:
        """Draw what happens to the next request (to ``operation``); None when nothing does.

        ``issued_token`` says (lazily) which access token the simulator issued the request
        carries, if any: only such a request can have its token revoked.
        """
        operation_id = operation.operation_id
        with self._lock:
            number = self._requests
            self._requests += 1
            decision = Decision(number, operation_id)
            for compiled in self._rules:
                rule = compiled.rule
                if operation_id not in compiled.operations:
                    continue
                if rule.kind == "token-revoked" and issued_token() is None:
                    continue
                compiled.seen += 1
                if compiled.seen <= rule.skip:
                    continue
                fires = self._random.random() < rule.rate and (rule.times is None or compiled.fired < rule.times)
                if not fires or (rule.kind != "latency" and decision.rule is not None):
                    continue
                compiled.fired += 1
                self._fire(decision, compiled)
            if not decision.labels:
                return None
            for label in decision.labels:
                self.counts[label] += 1
            self.history.append(decision)
            return decision

    def _fire(self, decision: Decision, compiled: _Compiled) -> None:
        rule = compiled.rule
        if rule.kind == "latency":
            assert rule.delay is not None
            decision.delay += rule.delay.sample(self._random)
            if "latency" not in decision.labels:
                decision.labels.append("latency")
            return
        decision.rule = rule
        label = rule.kind
        if rule.kind == "read-timeout":
            assert rule.delay is not None
            decision.hold = rule.delay.sample(self._random)
        elif rule.kind == "vendor":
            options = compiled.vendor[decision.operation_id]
            decision.vendor = options[0] if len(options) == 1 else self._random.choice(options)
            label = f"vendor:{decision.vendor[0]}"
        elif rule.kind == "server-error":
            label = f"server-error:{rule.status}"
        decision.labels.append(label)

    def decisions(self) -> list[Decision]:
        """The decisions that did something, oldest first (at most the last 10,000)."""
        with self._lock:
            return [dataclasses.replace(decision, labels=list(decision.labels)) for decision in self.history]

    @property
    def requests(self) -> int:
        """How many requests to a spec operation the plan has decided."""
        with self._lock:
            return self._requests


def _select(selector: str, operations: list[SpecOperation]) -> set[str] | None:
    """The operationIds a selector names, or None when it names nothing the spec has."""
    if selector == "all":
        return {op.operation_id for op in operations}
    if selector == "reads":
        return {op.operation_id for op in operations if op.method in _SAFE}
    if selector == "writes":
        return {op.operation_id for op in operations if op.method not in _SAFE and op.operation_id != TOKEN_OPERATION}
    if selector == "token":
        return {op.operation_id for op in operations if op.operation_id == TOKEN_OPERATION}
    if selector in _METHODS:
        return {op.operation_id for op in operations if op.method == selector}
    if selector.startswith("tag:"):
        tag = selector[4:]
        found = {op.operation_id for op in operations if tag in op.tags}
        return found or None
    found = {op.operation_id for op in operations if op.operation_id == selector}
    return found or None

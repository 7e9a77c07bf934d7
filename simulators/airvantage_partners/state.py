"""The AirVantage simulator's state: companies, their partners, partnership requests and operations.

One :class:`Network` holds every company. Its rules, each as the spec describes or infers:

- a partnership request from A to B creates an operation owned by A (``SCHEDULED``, then
  ``IN_PROGRESS`` ``start_delay`` seconds later) and a ``PARTNERSHIP`` request that only
  B sees;
- B accepts (A and B then each list the other, A with the profile A chose in its request,
  B with the profile B chose in its acceptance) or rejects (neither does); A may cancel
  instead, which withdraws the request. Each answer ends the operation ``FINISHED`` with
  its one task counted ``SUCCESS``, ``FAILURE`` or ``CANCELLED``;
- once two companies are partners, every other request still pending between them (a
  duplicate, or one the other way) is closed too, its operation ``FINISHED`` with
  ``SUCCESS``: the partnership it asked for exists;
- a company sees only its own partners, the requests sent to it and the operations it
  started; anything else is "unknown", exactly like a uid that matches nothing.

Time: ``clock`` gives seconds since the epoch (timestamps are answered in milliseconds).
Operations advance lazily: every call first applies the transitions that have come due
(:meth:`Network.tick`), so a test with a fake clock sees ``SCHEDULED`` until it moves the
clock, and no thread is needed unless an operation has a callback URL.
"""

from __future__ import annotations

import heapq
import itertools
import secrets
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from partner_apis.simulators.harness import Encoded, Owned, Rendered, SimError, schema_enum

__all__ = [
    "ApiClient",
    "Callback",
    "Company",
    "Network",
    "OperationRecord",
    "PartnershipRequest",
    "Principal",
    "Profile",
    "RequestStatus",
    "User",
    "VendorError",
    "new_uid",
]

# The spec's task states, in the order a vendor's Go client lists them; every answer carries all six.
TASK_STATES: tuple[str, ...] = schema_enum("airvantage-partners", "TaskState")


def new_uid() -> str:
    """A fresh AirVantage-style uid: 32 lowercase hexadecimal characters."""
    return secrets.token_hex(16)


@dataclass
class VendorError(SimError):
    """A refusal in AirVantage's terms: a dotted code (``partner.unknown``) and the values it concerns."""

    parameters: Sequence[str] = ()


def refuse(code: str, *parameters: str, status: int = 400, message: str = "") -> VendorError:
    """The vendor's refusal ``code`` about ``parameters`` (400, as for every documented code)."""
    return VendorError(status, code, message or code, parameters=parameters)


@dataclass(frozen=True)
class Profile:
    """A set of rights a company gives the users of one of its partners."""

    uid: str
    name: str
    rights: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Company:
    """A company: its uid, name, picture and profiles (the first is the default one).

    ``parent`` is the uid of the company that manages it (a sub-company's), else None.
    """

    uid: str
    name: str
    profiles: tuple[Profile, ...]
    picture: str | None = None
    parent: str | None = None

    def __post_init__(self) -> None:
        if not self.profiles:
            raise ValueError(f"company {self.name!r} needs at least one profile")

    @property
    def default_profile(self) -> Profile:
        """The profile used when a request or an acceptance names none."""
        return self.profiles[0]

    def profile(self, uid: str) -> Profile | None:
        """The company's profile ``uid``, or None."""
        return next((profile for profile in self.profiles if profile.uid == uid), None)


@dataclass(frozen=True)
class Principal:
    """Who a token acts for: a company and the rights held there."""

    company: str
    rights: frozenset[str]


class _Acts:
    """Whoever a token is issued to acts for its company with its rights."""

    company: str
    rights: frozenset[str]

    @property
    def principal(self) -> Principal:
        """What a token of this API client (client credentials) or user (password grant) acts as."""
        return Principal(self.company, self.rights)


@dataclass(frozen=True)
class ApiClient(_Acts):
    """An API client registered in a company: its id and secret, and the rights it acts with on its own."""

    client_id: str
    client_secret: str = field(repr=False)
    company: str
    rights: frozenset[str]
    name: str = ""


@dataclass(frozen=True)
class User(_Acts):
    """A user of a company, who may log in through any API client with the password grant."""

    login: str
    password: str = field(repr=False)
    company: str
    rights: frozenset[str]


@dataclass(frozen=True)
class Callback:
    """Where to send an operation's state changes: the URL without its credentials, and those apart."""

    url: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)


class RequestStatus(Enum):
    """Where a partnership request stands."""

    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"  # cancelled by the requester: gone for the target
    CLOSED = "CLOSED"  # another request between the same companies made them partners


@dataclass
class PartnershipRequest:
    """A request from ``requester`` to ``target``; ``profile`` is the requester's profile for the target."""

    uid: str
    requester: str
    target: str
    profile: str
    date: int
    operation: str
    message: str | None = None
    status: RequestStatus = RequestStatus.PENDING


@dataclass
class OperationRecord(Rendered):
    """An operation and its single task, with its timestamps in milliseconds since the epoch.

    Its answer is encoded once per state (lists of operations are most of the load).
    """

    uid: str
    owner: str
    target: str
    created_at: int
    state: str = "SCHEDULED"
    start_date: int | None = None
    end_date: int | None = None
    cancel_date: int | None = None
    outcome: str | None = None  # the task's final state: SUCCESS, FAILURE or CANCELLED
    callback: Callback | None = None
    notify: bool = False

    def to_json(self) -> dict[str, Any]:
        """The answer's fields (shared: treat them as read-only)."""
        fields: dict[str, Any] = self.view.value
        return fields

    def answer(self) -> dict[str, Any]:
        """The operation as getOperation answers it."""
        task = {"SCHEDULED": "PENDING", "IN_PROGRESS": "IN_PROGRESS"}.get(self.state, self.outcome)
        return {
            "uid": self.uid,
            "state": self.state,
            "entity": "PARTNER",
            "operationType": "PARTNER_REQUEST",
            "createdAt": self.created_at,
            "startDate": self.start_date,
            "cancelDate": self.cancel_date,
            "timeoutDate": None,
            "endDate": self.end_date,
            "total": 1,
            "target": self.target,
            "counters": [{"state": state, "count": int(state == task)} for state in TASK_STATES],
        }


# Called with the operation's JSON each time its state changes (the app delivers callbacks).
StateListener = Callable[[OperationRecord, dict[str, Any]], None]


@dataclass
class _Relations:
    """One company's partners: partner uid -> the uid of the profile they get here, oldest first."""

    profiles: dict[str, str] = field(default_factory=dict)


class Network:
    """Every company, their partnerships, requests and operations. Thread-safe.

    ``start_delay`` is how long an operation stays ``SCHEDULED``; ``on_change`` hears every
    state change of an operation that has a callback.
    """

    def __init__(
        self,
        companies: Iterable[Company],
        *,
        clock: Callable[[], float],
        start_delay: float,
        on_change: StateListener | None = None,
    ) -> None:
        if start_delay < 0:
            raise ValueError(f"start_delay must be >= 0, not {start_delay}")
        self.companies = {company.uid: company for company in companies}
        self.clock = clock
        self.start_delay = start_delay
        self.on_change = on_change
        self._lock = threading.RLock()
        self._relations = {uid: _Relations() for uid in self.companies}
        self._requests: dict[str, PartnershipRequest] = {}
        self._request_of: dict[str, PartnershipRequest] = {}  # by operation uid
        self._incoming: dict[str, list[PartnershipRequest]] = {uid: [] for uid in self.companies}
        # Each company's operations, by uid: another company's uid is operation.unknown.
        self._operations: Owned[OperationRecord] = Owned(new_uid, missing=lambda uid: refuse("operation.unknown", uid))
        self._due: list[tuple[float, int, str]] = []
        self._sequence = itertools.count()

    def now_ms(self) -> int:
        """The clock's time in milliseconds since the epoch."""
        return int(self.clock() * 1000)

    def manages(self, company: str, other: str) -> bool:
        """Whether ``company`` may act for ``other``: it is ``other``, or ``other`` is below it (a sub-company)."""
        seen: set[str] = set()
        current: str | None = other
        while current is not None and current not in seen:
            if current == company:
                return True
            seen.add(current)
            found = self.companies.get(current)
            current = found.parent if found is not None else None
        return False

    # -- partners ------------------------------------------------------------------------

    def link(self, first: str, second: str, first_profile: str, second_profile: str) -> None:
        """Make two companies partners: ``first`` gives ``second`` ``first_profile``, and the other way round."""
        with self._lock:
            self._relations[first].profiles[second] = first_profile
            self._relations[second].profiles[first] = second_profile
            self._close_pending_between(first, second)

    def partners(self, company: str) -> list[tuple[Company, Profile]]:
        """The partners of ``company``, oldest partnership first, each with the profile it gets there."""
        with self._lock:
            relations = list(self._relations[company].profiles.items())
        home = self.companies[company]
        return [(self.companies[uid], _known(home.profile(profile))) for uid, profile in relations]

    def partner(self, company: str, uid: str) -> tuple[Company, Profile]:
        """One partner of ``company``; refuses ``partner.unknown`` for any other uid."""
        with self._lock:
            profile = self._relations[company].profiles.get(uid)
        if profile is None:
            raise refuse("partner.unknown", uid)
        return self.companies[uid], _known(self.companies[company].profile(profile))

    def assign(self, company: str, uid: str, profile_uid: str) -> tuple[Company, Profile]:
        """Give partner ``uid`` another profile of ``company`` (Edit: the only change there is)."""
        with self._lock:
            self.partner(company, uid)
            profile = self.companies[company].profile(profile_uid)
            if profile is None:
                raise refuse("profile.unknown", profile_uid)
            self._relations[company].profiles[uid] = profile.uid
            return self.companies[uid], profile

    # -- requests and operations ---------------------------------------------------------

    def request(
        self,
        requester: str,
        partner: str,
        *,
        profile: str | None,
        message: str | None,
        callback: Callback | None = None,
        notify: bool = False,
    ) -> OperationRecord:
        """Send a partnership request; return its operation. Refuses with the documented codes."""
        if not partner.strip():
            raise refuse("company.missing")
        with self._lock:
            if partner not in self.companies:
                raise refuse("company.unknown", partner)
            # A company is taken to be its own partner: asking itself is partner.exists too.
            if partner == requester or partner in self._relations[requester].profiles:
                raise refuse("partner.exists", partner)
            if profile is not None and not profile.strip():
                raise refuse("profile.missing")
            home = self.companies[requester]
            chosen = home.default_profile if profile is None else home.profile(profile)
            if chosen is None:
                raise refuse("profile.unknown", profile or "")
            now = self.now_ms()
            operation = self._operations.add(
                requester, lambda uid: OperationRecord(uid, requester, partner, now, callback=callback, notify=notify)
            )
            request = PartnershipRequest(new_uid(), requester, partner, chosen.uid, now, operation.uid, message)
            self._requests[request.uid] = request
            self._request_of[operation.uid] = request
            self._incoming[partner].append(request)
            heapq.heappush(self._due, (self.clock() + self.start_delay, next(self._sequence), operation.uid))
            self._changed(operation)
            self._tick_locked()
            return operation

    def pending_for(self, company: str) -> list[PartnershipRequest]:
        """The requests sent to ``company`` still waiting for its answer, oldest first."""
        with self._lock:
            incoming = self._incoming[company]
            # Drop answered requests as they are met, so listing stays proportional to what is pending.
            incoming[:] = [request for request in incoming if request.status is RequestStatus.PENDING]
            return list(incoming)

    def pending_request(self, operation: str) -> PartnershipRequest | None:
        """The request behind the operation ``operation`` (a uid) while it waits for an answer, else None."""
        with self._lock:
            request = self._request_of.get(operation)
            return request if request is not None and request.status is RequestStatus.PENDING else None

    def incoming(self, company: str, uid: str) -> PartnershipRequest:
        """A request sent to ``company`` and not withdrawn; refuses ``request.unknown`` otherwise."""
        with self._lock:
            request = self._requests.get(uid)
            if request is None or request.target != company or request.status is RequestStatus.WITHDRAWN:
                raise refuse("request.unknown", uid)
            return request

    def accept(self, company: str, uid: str, profile: str | None) -> None:
        """Accept a request sent to ``company``, giving the requester ``profile`` (default: the default profile).

        Accepting again is a no-op; accepting a rejected or closed request is ``request.unknown``.
        """
        with self._lock:
            self._tick_locked()
            request = self.incoming(company, uid)
            if request.status is RequestStatus.ACCEPTED:
                return
            if request.status is not RequestStatus.PENDING:
                raise refuse("request.unknown", uid)
            home = self.companies[company]
            chosen = home.default_profile if profile is None else home.profile(profile)
            if chosen is None:
                raise refuse("profile.unknown", profile or "")
            request.status = RequestStatus.ACCEPTED
            self._finish(self._operations[request.operation], "SUCCESS")
            self.link(request.requester, company, request.profile, chosen.uid)

    def reject(self, company: str, uid: str) -> None:
        """Reject a request sent to ``company``; again is a no-op, an accepted or closed one is ``request.unknown``."""
        with self._lock:
            self._tick_locked()
            request = self.incoming(company, uid)
            if request.status is RequestStatus.REJECTED:
                return
            if request.status is not RequestStatus.PENDING:
                raise refuse("request.unknown", uid)
            request.status = RequestStatus.REJECTED
            self._finish(self._operations[request.operation], "FAILURE")

    def operation(self, company: str, uid: str) -> OperationRecord:
        """An operation ``company`` started; refuses ``operation.unknown`` otherwise."""
        return self._operations.require(company, uid)

    def operations(self, company: str) -> list[OperationRecord]:
        """The operations ``company`` started, oldest first."""
        return self._operations.of(company)

    def cancel(self, company: str, uid: str) -> OperationRecord:
        """Cancel an operation of ``company`` (withdrawing its request); a finished one is left as it is."""
        with self._lock:
            self._tick_locked()
            operation = self.operation(company, uid)
            if operation.state != "FINISHED":
                operation.cancel_date = self.now_ms()
                operation.changed()
                self._request_of[uid].status = RequestStatus.WITHDRAWN
                self._finish(operation, "CANCELLED")
            return operation

    def snapshot(self, operation: OperationRecord) -> Encoded:
        """The operation's answer, read under the lock (a timer thread may be changing it)."""
        with self._lock:
            return operation.view

    def snapshots(self, operations: Iterable[OperationRecord]) -> list[Encoded]:
        """Several operations' answers, read under one lock."""
        with self._lock:
            return [operation.view for operation in operations]

    # -- time ----------------------------------------------------------------------------

    def tick(self) -> None:
        """Apply every transition that has come due: ``SCHEDULED`` operations start."""
        with self._lock:
            self._tick_locked()

    def next_due(self) -> float | None:
        """When the next transition comes due (clock seconds), or None."""
        with self._lock:
            return self._due[0][0] if self._due else None

    def _tick_locked(self) -> None:
        now = self.clock()
        while self._due and self._due[0][0] <= now:
            due, _, uid = heapq.heappop(self._due)
            operation = self._operations[uid]
            if operation.state == "SCHEDULED":
                self._start(operation, int(due * 1000))

    def _start(self, operation: OperationRecord, at: int) -> None:
        operation.state = "IN_PROGRESS"
        operation.start_date = at
        self._changed(operation)

    def _finish(self, operation: OperationRecord, outcome: str) -> None:
        now = self.now_ms()
        if operation.state == "SCHEDULED":
            # Answered before it started: it starts and ends at once, each change reported.
            self._start(operation, now)
        operation.state = "FINISHED"
        operation.outcome = outcome
        operation.end_date = now
        self._changed(operation)

    def _close_pending_between(self, first: str, second: str) -> None:
        for target, requester in ((first, second), (second, first)):
            for request in self._incoming[target]:
                if request.status is RequestStatus.PENDING and request.requester == requester:
                    request.status = RequestStatus.CLOSED
                    self._finish(self._operations[request.operation], "SUCCESS")

    def _changed(self, operation: OperationRecord) -> None:
        # Every change of an operation's fields ends here, so its cached JSON is never stale.
        operation.changed()
        if operation.callback is not None and self.on_change is not None:
            self.on_change(operation, operation.to_json())


def _known(profile: Profile | None) -> Profile:
    # A relation only ever stores a profile of the company it belongs to.
    assert profile is not None
    return profile

"""The PortSIP dealers simulator's state: installations, dealer hierarchies, ids (tokens: the harness's TokenIssuer).

Each simulated installation is one self-hosted PBX: its own system administrator, its own
dealers and its own id generator. Nothing is shared between installations but the
simulator's URL; an access token names the installation it was issued by.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from partner_apis.simulators.harness import Rendered, TokenIssuer, same_secret, schema_enum, schema_properties

__all__ = [
    "EPOCH_MS",
    "LEVELS",
    "PUBLIC_FIELDS",
    "AdminCredential",
    "Caller",
    "DealerRecord",
    "Installation",
    "NameTaken",
    "Principal",
    "SnowflakeIds",
    "TokenIssuer",
    "admin_credentials",
    "build_installations",
    "decode_id",
    "may_create",
    "opaque_token",
]

# 2018-01-01T00:00:00Z in Unix milliseconds: the epoch of the vendor's snowflakes (the CDR
# guide's ids, shifted right 22 bits, give their calls' start times from this epoch).
EPOCH_MS = 1_514_764_800_000
_WORKER_BITS, _SEQUENCE_BITS = 10, 12
_MAX_MS = (1 << 41) - 1
_SEQUENCE_MASK = (1 << _SEQUENCE_BITS) - 1

# First level first (the spec's DealerLevel): a caller may create, see and manage only levels after its own.
LEVELS: tuple[str, ...] = schema_enum("portsip-dealers", "DealerLevel")
_RANK = {level: rank for rank, level in enumerate(LEVELS)}

# Every field of a dealer answer (the spec's Dealer), in the vendor's sample order.
PUBLIC_FIELDS = schema_properties("portsip-dealers", "Dealer")
# Fields a create copies as given (absent: blank, stored as None and left out of the answer).
_OPTIONAL_FIELDS = ("email", "display_name", "website", "phone", "address", "description")
_UPDATE_FIELDS = schema_properties("portsip-dealers", "DealerUpdate")


class SnowflakeIds:
    """Dealer ids in the vendor's format: standard base64 of a decimal snowflake.

    The snowflake is 41 bits of milliseconds since 2018-01-01, 10 bits of worker and 12
    bits of sequence. Thread-safe; ids never repeat, even when more than 4096 are asked
    for in one millisecond or the clock steps back (the generator then runs ahead of the
    clock instead of waiting for it). Raises ``ValueError`` for a worker outside 0-1023.
    """

    def __init__(self, worker: int, clock: Callable[[], float] = time.time) -> None:
        if not 0 <= worker < 1 << _WORKER_BITS:
            raise ValueError(f"the worker must be 0-1023, not {worker}")
        self.worker = worker
        self._clock = clock
        self._lock = threading.Lock()
        self._last_ms = -1
        self._sequence = 0

    def next_number(self) -> int:
        """The next snowflake as a number; raises ``ValueError`` once 41 bits of milliseconds run out."""
        with self._lock:
            now = int(self._clock() * 1000) - EPOCH_MS
            if now > self._last_ms:
                self._last_ms, self._sequence = max(now, 0), 0
            else:
                self._sequence = (self._sequence + 1) & _SEQUENCE_MASK
                if self._sequence == 0:  # this millisecond is used up: borrow the next one
                    self._last_ms += 1
            if self._last_ms > _MAX_MS:
                raise ValueError("the snowflake clock ran past 41 bits of milliseconds")
            return (self._last_ms << (_WORKER_BITS + _SEQUENCE_BITS)) | (self.worker << _SEQUENCE_BITS) | self._sequence

    def next_id(self) -> str:
        """The next id: base64 of the snowflake's decimal digits (padding kept, as base64 has it)."""
        return base64.b64encode(str(self.next_number()).encode("ascii")).decode("ascii")


def decode_id(dealer_id: str) -> tuple[int, int, int]:
    """The (milliseconds since 2018-01-01, worker, sequence) of a simulator id.

    For tests and debugging only: clients treat ids as opaque. Raises ``ValueError`` when
    the id is not base64 of a decimal number.
    """
    try:
        digits = base64.b64decode(dealer_id, validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError) as error:
        raise ValueError(f"not a base64 id: {dealer_id!r}") from error
    if not digits.isdigit():
        raise ValueError(f"not base64 of a decimal number: {dealer_id!r}")
    number = int(digits)
    return (
        number >> (_WORKER_BITS + _SEQUENCE_BITS),
        (number >> _SEQUENCE_BITS) & ((1 << _WORKER_BITS) - 1),
        number & _SEQUENCE_MASK,
    )


@dataclass(frozen=True)
class AdminCredential:
    """The system administrator's login of one installation (its repr hides the password)."""

    username: str
    password: str = field(repr=False)
    installation: int


def admin_credentials(count: int) -> tuple[AdminCredential, ...]:
    """Well-known fake logins for ``count`` installations: ``admin`` with a per-installation password.

    Every PortSIP installation's administrator is ``admin`` by default; the passwords
    differ, so a login names one installation.
    """
    return tuple(AdminCredential("admin", f"sim-pbx-{index}-admin-password", index) for index in range(count))


def _digest(salt: bytes, password: str) -> bytes:
    # The simulator keeps no plain dealer password, not even in memory dumps of its state;
    # one salted SHA-256 is enough for that (this is not a real password store).
    return hashlib.sha256(salt + password.encode("utf-8")).digest()


@dataclass
class DealerRecord(Rendered):
    """A dealer as the PBX keeps it: its answer's fields plus what only the server knows.

    ``parent`` is the id of the dealer above it (its creator, or the creator's parent
    once the creator is destroyed); None when the administrator is above it.
    """

    id: str
    level: str
    name: str
    parent: str | None
    fields: dict[str, Any]
    # (salt, digest), replaced as one value so a sign-in never sees half a password change.
    _password: tuple[bytes, bytes] = field(default=(b"", b""), repr=False)

    def set_password(self, password: str) -> None:
        """Store a new password (salted digest)."""
        salt = secrets.token_bytes(16)
        self._password = (salt, _digest(salt, password))

    def password_is(self, password: str) -> bool:
        """Whether ``password`` is this dealer's (constant time)."""
        salt, digest = self._password
        return hmac.compare_digest(digest, _digest(salt, password))

    @property
    def enabled(self) -> bool:
        enabled: bool = self.fields["enabled"]
        return enabled

    def answer(self) -> dict[str, Any]:
        """The dealer as Retrieve a dealer answers it: never its password, and no blank field.

        about.md says blank fields come as null, but the vendor's OpenAPI file allows no
        null: a blank field is left out, which both allow (CONVENTIONS.md, rule 3).
        """
        merged = {"id": self.id, "level": self.level, "name": self.name, **self.fields}
        return {name: merged[name] for name in PUBLIC_FIELDS if merged.get(name) is not None}

    def change(self, changes: Mapping[str, Any]) -> None:
        """Set these answer fields (the caller holds the installation's lock)."""
        self.fields.update(changes)
        self.changed()


@dataclass(frozen=True)
class Principal:
    """Who a token was issued to: an installation's administrator (``dealer_id`` None) or one of its dealers."""

    installation: int
    dealer_id: str | None


@dataclass(frozen=True)
class Caller:
    """The signed-in caller of a dealer operation: its installation and its dealer (None: the administrator)."""

    installation: Installation
    dealer: DealerRecord | None


def may_create(caller: DealerRecord | None, level: str) -> bool:
    """The admin guide's rule: the administrator creates any level, a dealer only the levels below its own."""
    return caller is None or _RANK[level] > _RANK[caller.level]


class NameTaken(Exception):
    """The dealer name is already in use in the installation (case-insensitively)."""


class Installation:
    """One simulated PBX: its administrator and its dealer hierarchy. Thread-safe."""

    def __init__(self, admin: AdminCredential, ids: SnowflakeIds) -> None:
        self.admin = admin
        self.index = admin.installation
        self.ids = ids
        self._lock = threading.RLock()
        # Insertion order is creation order, the list's default order.
        self._dealers: dict[str, DealerRecord] = {}
        self._names: dict[str, str] = {}  # casefolded name -> id

    def __len__(self) -> int:
        return len(self._dealers)

    def dealer(self, dealer_id: str) -> DealerRecord | None:
        """The dealer with this id, or None."""
        return self._dealers.get(dealer_id)

    def is_below(self, caller: DealerRecord | None, dealer: DealerRecord) -> bool:
        """Whether ``dealer`` is below ``caller`` (anywhere in its branch; the administrator is above all)."""
        if caller is None:
            return True
        with self._lock:
            parent = dealer.parent
            while parent is not None:
                if parent == caller.id:
                    return True
                above = self._dealers.get(parent)
                parent = above.parent if above is not None else None
            return False

    def below(self, caller: DealerRecord | None) -> list[DealerRecord]:
        """Every dealer below ``caller``, oldest first."""
        with self._lock:
            dealers = list(self._dealers.values())
            if caller is None:
                return dealers
            return [dealer for dealer in dealers if self.is_below(caller, dealer)]

    def create(self, caller: DealerRecord | None, body: Mapping[str, Any]) -> DealerRecord:
        """Add a dealer from a valid create body, below ``caller``; raises ``NameTaken``.

        The caller's right to create the level is the app's to check (:func:`may_create`).
        """
        name: str = body["name"]
        key = name.casefold()
        fields: dict[str, Any] = {
            "enabled": body.get("enabled", True),
            **{optional: body.get(optional) for optional in _OPTIONAL_FIELDS},
            "max_tenants": body["max_tenants"],
            "max_extensions": body["max_extensions"],
            "tenant_full_access": body.get("tenant_full_access", True),
        }
        with self._lock:
            if key in self._names or key == self.admin.username.casefold():
                raise NameTaken(name)
            record = DealerRecord(self.ids.next_id(), body["level"], name, caller.id if caller else None, fields)
            record.set_password(body["password"])
            self._dealers[record.id] = record
            self._names[key] = record.id
        return record

    def update(self, dealer: DealerRecord, changes: Mapping[str, Any]) -> None:
        """Apply an update body: a field left out keeps its value."""
        with self._lock:
            dealer.change({name: changes[name] for name in _UPDATE_FIELDS if name in changes})

    def destroy(self, dealer: DealerRecord) -> None:
        """Remove a dealer; the dealers it had created move up to the dealer (or administrator) above it."""
        with self._lock:
            del self._dealers[dealer.id]
            del self._names[dealer.name.casefold()]
            for other in self._dealers.values():
                if other.parent == dealer.id:
                    other.parent = dealer.parent

    def sign_in(self, username: str, password: str) -> Principal | None:
        """Who these credentials sign in as here (an enabled dealer or the administrator), or None."""
        key = username.casefold()
        if key == self.admin.username.casefold():
            return Principal(self.index, None) if same_secret(self.admin.password, password) else None
        with self._lock:
            dealer_id = self._names.get(key)
            dealer = self._dealers.get(dealer_id) if dealer_id is not None else None
        if dealer is None or not dealer.enabled or not dealer.password_is(password):
            return None
        return Principal(self.index, dealer.id)


def opaque_token() -> str:
    """A token shaped like the vendor's samples (48 capitals and digits, base64 of a UUID's text), yet opaque."""
    return base64.b64encode(str(uuid.uuid4()).upper().encode("ascii")).decode("ascii").upper()


def build_installations(credentials: Iterable[AdminCredential], id_clock: Callable[[], float]) -> list[Installation]:
    """One installation per administrator login, in installation order.

    Each has its own id generator, with worker ``index + 1`` (the CDR guide's ids show
    worker 1), so ids never collide across installations either. Raises ``ValueError``
    unless the logins are for installations 0, 1, 2, ... in order.
    """
    admins = list(credentials)
    if [admin.installation for admin in admins] != list(range(len(admins))) or not admins:
        raise ValueError("administrator logins must be given for installations 0, 1, 2, ... in order")
    return [Installation(admin, SnowflakeIds(admin.installation + 1, id_clock)) for admin in admins]

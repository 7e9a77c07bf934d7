"""Fault profiles: which faults, on which operations, at what rate, read from TOML.

A profile is a TOML file (read with the standard library's ``tomllib``)::

    description = "One call in ten fails the way a busy network does."

    [[faults]]
    kind = "server-error"          # what happens (see KINDS)
    status = 503                   # server-error: 500, 502, 503 or 504
    rate = 0.1                     # the chance that a matching request gets it, 0-1
    operations = ["reads"]         # which requests (see below; default: every one)

    [[faults]]
    kind = "latency"
    rate = 1.0
    delay = { distribution = "uniform", min = 0.0, max = 0.02 }   # or a number of seconds

Every fault takes ``rate`` (0-1, default 1), ``operations`` (default ``["all"]``),
``skip`` (let this many matching requests through before the fault may fire, default 0)
and ``times`` (fire at most this many times, default no limit). The kinds and their own
keys:

- ``latency``: ``delay`` before the request is processed; it adds to whatever else fires;
- ``rate-limit``: 429 with ``Retry-After``; ``retry_after`` seconds (default 1) and
  ``retry_after_format`` ``"seconds"`` (default) or ``"http-date"``;
- ``server-error``: ``status`` 500, 502, 503 or 504 (default 503), with ``retry_after``
  when given;
- ``reset-before``: the connection is dropped before the request is processed;
- ``reset-after``: the request is processed (a write happens), then the connection is
  dropped before the answer: the client never hears;
- ``read-timeout``: the request is processed, then its answer held ``delay`` seconds
  (default 2), longer than the client waits;
- ``token-revoked``: the simulator's token store forgets the access token the request
  carries (it is then refused as the vendor refuses an expired one); only requests with
  a token the simulator issued can get it;
- ``vendor``: one of the simulator's own ways of failing (its ``vendor_faults``):
  ``name`` picks one, without it each firing picks one of those that apply.

``operations`` selects requests by operation: ``"all"``, ``"reads"`` (GET and HEAD),
``"writes"`` (every other method, except the token request), ``"token"`` (the spec's
``getToken``), an HTTP method (``"POST"``), ``"tag:<tag>"`` or an operationId
(``"createSite"``). Names are checked when the profile is given to a simulator: an
unknown operationId, tag or vendor fault is refused there.

A bad profile raises :class:`FaultProfileError` (a ``ValueError``) with one line naming
the file, the fault and the problem.
"""

from __future__ import annotations

import math
import random
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "KINDS",
    "SHIPPED",
    "Delay",
    "FaultProfile",
    "FaultProfileError",
    "FaultRule",
    "load_profile",
    "shipped_profiles",
]

KINDS = (
    "latency",
    "rate-limit",
    "server-error",
    "reset-before",
    "reset-after",
    "read-timeout",
    "token-revoked",
    "vendor",
)
SERVER_ERRORS = (500, 502, 503, 504)
# The profiles that ship in partner_apis/simulators/faults/, by name.
SHIPPED = ("flaky", "rate-limited", "slow", "vendor-outage")

_COMMON = {"kind", "rate", "operations", "skip", "times"}
_OWN: Mapping[str, frozenset[str]] = {
    "latency": frozenset({"delay"}),
    "rate-limit": frozenset({"retry_after", "retry_after_format"}),
    "server-error": frozenset({"status", "retry_after", "retry_after_format"}),
    "reset-before": frozenset(),
    "reset-after": frozenset(),
    "read-timeout": frozenset({"delay"}),
    "token-revoked": frozenset(),
    "vendor": frozenset({"name"}),
}
_DEFAULT_DELAY = {"latency": 0.05, "read-timeout": 2.0}


class FaultProfileError(ValueError):
    """A profile that cannot be used: unreadable, unknown fault or key, a value out of range, an unknown name."""


@dataclass(frozen=True)
class Delay:
    """A wait in seconds: ``fixed`` (``value``), ``uniform`` (``low`` to ``high``) or ``lognormal``.

    A lognormal wait has its ``median`` and ``sigma`` and is capped at ``high``.
    """

    distribution: Literal["fixed", "uniform", "lognormal"]
    value: float = 0.0
    low: float = 0.0
    high: float = 0.0
    median: float = 0.0
    sigma: float = 0.0

    def sample(self, rng: random.Random) -> float:
        """One wait drawn from ``rng`` (a fixed delay draws nothing, so it leaves the sequence as it was)."""
        if self.distribution == "fixed":
            return self.value
        if self.distribution == "uniform":
            return rng.uniform(self.low, self.high)
        return min(self.high, rng.lognormvariate(math.log(self.median), self.sigma))

    @property
    def longest(self) -> float:
        """The longest wait this delay can draw."""
        return self.value if self.distribution == "fixed" else self.high


@dataclass(frozen=True)
class FaultRule:
    """One ``[[faults]]`` entry of a profile (see the module's docstring for the keys)."""

    index: int
    kind: str
    rate: float = 1.0
    operations: tuple[str, ...] = ("all",)
    skip: int = 0
    times: int | None = None
    status: int = 503
    retry_after: float | None = None
    retry_after_format: Literal["seconds", "http-date"] = "seconds"
    delay: Delay | None = None
    name: str | None = None

    @property
    def label(self) -> str:
        """What the fault is called in a header and a log line: ``server-error``, ``vendor:internal-error``."""
        return f"vendor:{self.name}" if self.kind == "vendor" and self.name else self.kind


@dataclass(frozen=True)
class FaultProfile:
    """A named list of fault rules; ``source`` is where it was read from (for messages)."""

    name: str
    description: str
    rules: tuple[FaultRule, ...]
    source: str

    @classmethod
    def parse(cls, text: str, source: str = "<profile>", name: str | None = None) -> FaultProfile:
        """Read a profile from TOML text; raises :class:`FaultProfileError` with one line naming ``source``."""
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise FaultProfileError(f"fault profile {source}: not valid TOML: {error}") from None
        unknown = set(document) - {"description", "faults"}
        if unknown:
            raise FaultProfileError(f"fault profile {source}: unknown key {sorted(unknown)[0]!r} (description, faults)")
        entries = document.get("faults", [])
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            raise FaultProfileError(f"fault profile {source}: faults must be a list of [[faults]] tables")
        description = document.get("description", "")
        if not isinstance(description, str):
            raise FaultProfileError(f"fault profile {source}: description must be a string")
        rules = tuple(_rule(index, entry, source) for index, entry in enumerate(entries))
        return cls(name or Path(source).stem, description, rules, source)


def shipped_profiles() -> dict[str, Path]:
    """The profiles that ship with the simulators, by name (``flaky`` -> its file)."""
    folder = Path(str(resources.files("partner_apis.simulators").joinpath("faults")))
    return {name: folder / f"{name}.toml" for name in SHIPPED}


def load_profile(profile: str | Path | FaultProfile) -> FaultProfile:
    """A profile by shipped name (``"flaky"``), or from a TOML file's path.

    Raises :class:`FaultProfileError` (one line) for a name that is neither shipped nor
    a readable file, and for a file that is not a valid profile.
    """
    if isinstance(profile, FaultProfile):
        return profile
    shipped = shipped_profiles()
    path = shipped[profile] if isinstance(profile, str) and profile in shipped else Path(profile)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        choices = ", ".join(SHIPPED)
        reason = error.strerror or type(error).__name__
        raise FaultProfileError(
            f"fault profile {str(profile)!r}: not a shipped profile ({choices}) nor a readable file: {reason}"
        ) from None
    shown = path.name if isinstance(profile, str) and profile in shipped else str(path)
    return FaultProfile.parse(text, shown, path.stem)


def _rule(index: int, entry: Mapping[str, Any], source: str) -> FaultRule:
    where = f"fault profile {source}: faults[{index}]"
    kind = entry.get("kind")
    if not isinstance(kind, str) or kind not in _OWN:
        raise FaultProfileError(f"{where}: unknown fault kind {kind!r}; kinds: {', '.join(KINDS)}")
    unknown = set(entry) - _COMMON - _OWN[kind]
    if unknown:
        allowed = ", ".join(sorted(_COMMON | _OWN[kind]))
        raise FaultProfileError(f"{where}: {kind} takes no key {sorted(unknown)[0]!r} (its keys: {allowed})")
    rate = _number(entry.get("rate", 1.0), where, "rate")
    if not 0.0 <= rate <= 1.0:
        raise FaultProfileError(f"{where}: rate must be between 0 and 1, not {rate:g}")
    operations = entry.get("operations", ["all"])
    if isinstance(operations, str):
        operations = [operations]
    if not isinstance(operations, list) or not operations or not all(isinstance(op, str) for op in operations):
        raise FaultProfileError(f"{where}: operations must be a non-empty list of strings")
    skip = _count(entry.get("skip", 0), where, "skip")
    times = None if "times" not in entry else _count(entry["times"], where, "times")
    status = entry.get("status", 503)
    if status not in SERVER_ERRORS or isinstance(status, bool):
        raise FaultProfileError(f"{where}: status must be one of {', '.join(map(str, SERVER_ERRORS))}, not {status!r}")
    retry_after: float | None = None
    if "retry_after" in entry or kind == "rate-limit":
        retry_after = _number(entry.get("retry_after", 1), where, "retry_after")
        if retry_after < 0:
            raise FaultProfileError(f"{where}: retry_after must be >= 0, not {retry_after:g}")
    form = entry.get("retry_after_format", "seconds")
    if form not in ("seconds", "http-date"):
        raise FaultProfileError(f"{where}: retry_after_format must be 'seconds' or 'http-date', not {form!r}")
    delay = _delay(entry.get("delay", _DEFAULT_DELAY[kind]), where) if kind in _DEFAULT_DELAY else None
    name = entry.get("name")
    if name is not None and not isinstance(name, str):
        raise FaultProfileError(f"{where}: name must be a string")
    return FaultRule(
        index,
        kind,
        rate,
        tuple(operations),
        skip,
        times,
        status,
        retry_after,
        form,
        delay,
        name,
    )


def _number(value: object, where: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise FaultProfileError(f"{where}: {key} must be a number, not {value!r}")
    return float(value)


def _count(value: object, where: str, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FaultProfileError(f"{where}: {key} must be a whole number >= 0, not {value!r}")
    return value


def _delay(value: object, where: str) -> Delay:
    if not isinstance(value, dict):
        seconds = _number(value, where, "delay")
        if seconds < 0:
            raise FaultProfileError(f"{where}: delay must be >= 0, not {seconds:g}")
        return Delay("fixed", value=seconds)
    distribution = value.get("distribution", "fixed")
    keys = {"fixed": {"value"}, "uniform": {"min", "max"}, "lognormal": {"median", "sigma", "max"}}.get(distribution)
    if keys is None:
        raise FaultProfileError(f"{where}: delay distribution must be fixed, uniform or lognormal: {distribution!r}")
    given = set(value) - {"distribution"}
    if given != keys:
        raise FaultProfileError(f"{where}: a {distribution} delay takes {', '.join(sorted(keys))}")
    numbers = {key: _number(value[key], where, f"delay.{key}") for key in keys}
    if any(number < 0 for number in numbers.values()):
        raise FaultProfileError(f"{where}: delay values must be >= 0")
    if distribution == "fixed":
        return Delay("fixed", value=numbers["value"])
    if distribution == "uniform":
        if numbers["min"] > numbers["max"]:
            raise FaultProfileError(f"{where}: delay min must not exceed max")
        return Delay("uniform", low=numbers["min"], high=numbers["max"])
    if numbers["median"] <= 0:
        raise FaultProfileError(f"{where}: a lognormal delay needs median > 0")
    return Delay("lognormal", high=numbers["max"], median=numbers["median"], sigma=numbers["sigma"])

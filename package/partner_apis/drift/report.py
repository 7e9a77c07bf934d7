"""The drift report: every disagreement between a spec and recorded answers, grouped, counted, written.

:func:`write_report` reads HAR files, matches each exchange to its operation with the
spec's routes (by the server's path: ``/v4/global/sites/7`` is ``getSite``), checks it
(:mod:`.checks`) and groups what it finds by operation, kind and JSON pointer, each group
with a count, one redacted example and the spec location to change. It writes
``drift.md`` (for people) and ``drift.json`` (for tools) and returns the
:class:`DriftReport`.

Exchanges with another host than the API's are left out (a browser's HAR holds the
page's fonts and analytics too): the API's hosts are the ones where at least one
exchange matched an operation. So are a browser's CORS preflights (``OPTIONS`` with
``Access-Control-Request-Method``).
"""

from __future__ import annotations

import collections
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partner_apis.specs import keys

from .checks import KINDS, Finding, check_exchange, check_unmatched
from .har import DriftInputError, Exchange, read_har
from .spec_index import Route, SpecIndex, spec_index

__all__ = ["DriftEntry", "DriftReport", "build_report", "detect_api", "write_report"]

_WHERE_ORDER = {"path": 0, "status": 1, "header": 2, "body": 3}


@dataclass(frozen=True)
class DriftEntry:
    """One disagreement, seen ``count`` times: what, where in the answer, where in the spec, one example.

    ``operation`` is the operationId (``METHOD /path`` for traffic no operation covers);
    ``statuses`` the answer statuses it was seen in. See :class:`~.checks.Finding` for
    ``where``, ``pointer`` and ``spec_location``.
    """

    kind: str
    operation: str
    method: str
    template: str
    where: str
    pointer: str
    spec_location: str
    message: str
    count: int
    statuses: tuple[int, ...]
    example: Any

    def to_json(self) -> dict[str, Any]:
        """The entry as drift.json holds it."""
        return {
            "kind": self.kind,
            "operation": self.operation,
            "method": self.method,
            "path": self.template,
            "where": self.where,
            "pointer": self.pointer,
            "spec_location": self.spec_location,
            "message": self.message,
            "count": self.count,
            "statuses": list(self.statuses),
            "example": self.example,
        }


@dataclass(frozen=True)
class DriftReport:
    """What :func:`build_report` found: the entries and how many exchanges were compared or left out.

    ``skipped`` counts the exchanges not compared, by reason. ``ok`` is True when there
    is no drift at all.
    """

    api: str
    title: str
    sources: tuple[str, ...]
    exchanges: int
    compared: int
    skipped: Mapping[str, int]
    entries: tuple[DriftEntry, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when every compared answer agrees with the spec."""
        return not self.entries

    def find(
        self, kind: str | None = None, operation: str | None = None, pointer: str | None = None
    ) -> list[DriftEntry]:
        """The entries of this kind, operation and pointer (each left open when None)."""
        return [
            entry
            for entry in self.entries
            if kind in (None, entry.kind) and operation in (None, entry.operation) and pointer in (None, entry.pointer)
        ]

    def to_json(self) -> dict[str, Any]:
        """The report as drift.json holds it."""
        return {
            "api": self.api,
            "title": self.title,
            "sources": list(self.sources),
            "exchanges": self.exchanges,
            "compared": self.compared,
            "skipped": dict(self.skipped),
            "drift": [entry.to_json() for entry in self.entries],
        }

    def to_markdown(self) -> str:
        """The report as drift.md holds it: a summary, then one table per operation."""
        return _markdown(self)


def _kind_order(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def _group(findings: Iterable[Finding]) -> tuple[DriftEntry, ...]:
    groups: dict[tuple[str, ...], list[Finding]] = {}
    for finding in findings:
        key = (finding.operation, finding.kind, finding.where, finding.pointer, finding.spec_location, finding.detail)
        groups.setdefault(key, []).append(finding)
    entries = [
        DriftEntry(
            kind=first.kind,
            operation=first.operation,
            method=first.method,
            template=first.template,
            where=first.where,
            pointer=first.pointer,
            spec_location=first.spec_location,
            message=first.message,
            count=len(found),
            statuses=tuple(sorted({item.status for item in found})),
            example=first.example,
        )
        for found in groups.values()
        for first in found[:1]
    ]
    entries.sort(
        key=lambda entry: (
            entry.operation,
            _WHERE_ORDER.get(entry.where, 9),
            entry.pointer,
            _kind_order(entry.kind),
            entry.spec_location,
            entry.statuses,
        )
    )
    return tuple(entries)


def _read(sources: Sequence[Path]) -> list[Exchange]:
    if not sources:
        raise DriftInputError("no HAR file given")
    exchanges: list[Exchange] = []
    for source in sources:
        exchanges.extend(read_har(Path(source)))
    return exchanges


def _index(api_key: str) -> SpecIndex:
    try:
        return spec_index(api_key)
    except KeyError:
        raise DriftInputError(f"no spec for API {api_key!r}; known: {', '.join(keys())}") from None


def detect_api(sources: Sequence[Path]) -> str:
    """The API whose operations the most exchanges of ``sources`` match (by method and server path).

    Raises :class:`DriftInputError` when no API's operation matches any exchange, when two
    APIs match as many, or for an unreadable file.
    """
    exchanges = _read(sources)
    scores: dict[str, int] = {}
    for key in keys():
        index = spec_index(key)
        matched = [index.match(exchange.method, exchange.path) for exchange in exchanges]
        scores[key] = sum(1 for route in matched if route is not None and route.operation is not None)
    best = max(scores.values(), default=0)
    winners = sorted(key for key, score in scores.items() if score == best)
    if best == 0:
        raise DriftInputError("no exchange in these files matches an operation of any API's spec: give --api")
    if len(winners) > 1:
        raise DriftInputError(f"the exchanges match {' and '.join(winners)} equally: give --api")
    return winners[0]


def build_report(api_key: str, sources: Sequence[Path]) -> DriftReport:
    """The drift between the spec of ``api_key`` and the answers recorded in the HAR files ``sources``.

    Raises :class:`DriftInputError` for an unknown API key, no source, or a missing or
    unreadable file or one that is not HAR.
    """
    index = _index(api_key)
    exchanges = _read(sources)
    routes: list[Route | None] = [index.match(exchange.method, exchange.path) for exchange in exchanges]
    hosts = {
        exchange.host
        for exchange, route in zip(exchanges, routes, strict=True)
        if route is not None and route.operation is not None
    }
    skipped: collections.Counter[str] = collections.Counter()
    findings: list[Finding] = []
    compared = 0
    for exchange, route in zip(exchanges, routes, strict=True):
        if exchange.host not in hosts:
            skipped["another host"] += 1
        elif exchange.method == "OPTIONS" and exchange.request_header("access-control-request-method"):
            skipped["CORS preflight"] += 1  # a browser's question to the server, not an API call
        elif route is None or route.operation is None:
            finding = check_unmatched(index, exchange, route)
            if finding is None:
                reason = "unknown path, refused" if route is None else "undocumented method, refused"
                skipped[f"{reason} (4xx)"] += 1
            else:
                findings.append(finding)
                compared += 1
        else:
            findings.extend(check_exchange(index, exchange, route))
            compared += 1
    return DriftReport(
        api=api_key,
        title=index.spec.title,
        sources=tuple(str(source) for source in sources),
        exchanges=len(exchanges),
        compared=compared,
        skipped=dict(sorted(skipped.items())),
        entries=_group(findings),
    )


def write_report(api_key: str, sources: Sequence[Path], out_dir: Path) -> DriftReport:
    """Compare the HAR files ``sources`` with the spec of ``api_key``; write ``out_dir``/drift.md and drift.json.

    Creates ``out_dir`` if needed and returns the report. Raises :class:`DriftInputError`
    for an unknown API key, no source, or a missing or unreadable file or one that is not
    HAR; ``OSError`` when ``out_dir`` cannot be written.
    """
    report = build_report(api_key, sources)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "drift.json").write_text(
        json.dumps(report.to_json(), indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
    (out_dir / "drift.md").write_text(report.to_markdown(), encoding="utf-8")
    return report


# -- Markdown -------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = " ".join(text.split())
    if len(text) > 160:
        text = text[:160] + "..."
    return text.replace("|", "\\|")


def _code(value: Any) -> str:
    return f"`{_cell(value)}`" if value not in ("", None) else ""


def _markdown(report: DriftReport) -> str:
    lines = [f"# Drift report: {report.title} (`{report.api}`)", ""]
    sources = ", ".join(f"`{Path(source).name}`" for source in report.sources)
    lines.append(f"{report.exchanges} exchanges read from {sources}; {report.compared} compared with the spec.")
    if report.skipped:
        reasons = "; ".join(f"{reason}: {count}" for reason, count in report.skipped.items())
        lines.append(f"Not compared: {reasons}.")
    lines.append("")
    if report.ok:
        lines += ["**No drift:** every answer compared agrees with the spec.", ""]
        return "\n".join(lines)
    total = sum(entry.count for entry in report.entries)
    kinds = collections.Counter(entry.kind for entry in report.entries)
    by_kind = ", ".join(f"{kind} {kinds[kind]}" for kind in sorted(kinds, key=_kind_order))
    lines += [
        f"**{len(report.entries)} disagreements** ({total} occurrences): {by_kind}.",
        "",
        "Each row is one disagreement between the spec and what the server answered: its kind, where",
        "in the answer (a JSON pointer into the body, `*` for every item of an array, or a header",
        "name), how many answers showed it and with which statuses, the spec location to change",
        "(a JSON pointer into the spec's YAML) and one example from the traffic, secrets masked.",
        "Either the spec is wrong there (change it at that location) or the server is.",
        "",
    ]
    by_operation: dict[str, list[DriftEntry]] = {}
    for entry in report.entries:
        by_operation.setdefault(entry.operation, []).append(entry)
    for operation, entries in by_operation.items():
        first = entries[0]
        if first.kind in ("undocumented-path", "undocumented-method"):
            heading = f"`{operation}` (not in the spec)"
        else:
            heading = f"`{operation}` ({first.method} {first.template})"
        lines += [f"## {heading}", ""]
        lines.append("| kind | where | count | statuses | spec location | what | example |")
        lines.append("| --- | --- | ---: | --- | --- | --- | --- |")
        for entry in entries:
            where = f"{entry.where} {_code(entry.pointer)}".strip()
            statuses = ", ".join(map(str, entry.statuses))
            example = entry.example.get("value") if isinstance(entry.example, Mapping) else entry.example
            lines.append(
                f"| {entry.kind} | {where} | {entry.count} | {statuses} | {_code(entry.spec_location)} "
                f"| {_cell(entry.message)} | {_code(example) if example is not None else ''} |"
            )
        lines.append("")
    return "\n".join(lines)

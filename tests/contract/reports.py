"""What every contract run leaves under ``reports/`` (or ``--report-dir``), simulated or live.

::

    reports/<api>/junit.xml          one test case per seed run in the session: its summary, and on
                                     failure the failing checks with their reproducing curl (masked)
                                     and the command that runs that API and seed again
    reports/<api>/drift.md, .json    partner_apis.drift's report over the session's cassettes of the API
    reports/<api>/seed<N>/           one run: Schemathesis's JSON report and JUnit file, the masked HAR
                                     cassette of every exchange (exchanges.har) and the CLI's output

A seed's folder is replaced by its next run; ``junit.xml`` and the drift report by the
next session that runs the API. Every file has been masked (redact.py) before it was
written. The API tests record a :class:`RunRecord` as a test property; the session's
controller writes the JUnit files and drift reports from those records (:func:`finish`).
"""

from __future__ import annotations

import concurrent.futures
import json
import multiprocessing
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

__all__ = ["JUNIT", "RunRecord", "finish", "junit_xml", "run_folder"]

JUNIT = "junit.xml"
# How much of the CLI's output a failure's text keeps (the failures are printed at its end).
FAILURE_OUTPUT = 20000


def run_folder(report_dir: Path, key: str, seed: int) -> Path:
    """Where one run of ``key`` with ``seed`` keeps Schemathesis's reports and its cassette."""
    return report_dir / key / f"seed{seed}"


@dataclass(frozen=True)
class RunRecord:
    """One API run as the JUnit file tells it (every text already masked)."""

    key: str
    seed: int
    live: bool
    summary: str
    seconds: float
    failure: str | None
    rerun: str
    folder: str
    cassette: str | None
    injected_faults: int = 0

    def to_json(self) -> str:
        """The record as the test property's value."""
        return json.dumps(asdict(self))


def junit_xml(key: str, records: Iterable[Mapping[str, Any]]) -> bytes:
    """The JUnit XML of one API's runs: a suite ``contract <key>``, one test case per seed.

    A record's ``outcome`` is pytest's (passed, failed, skipped); a failed run's text is
    its ``failure`` (the summary, the failing checks with their reproducing commands and
    the command that reruns it). Injected faults are counted in a suite property.
    """
    ordered = sorted(records, key=lambda record: int(record["seed"]))
    suite = ET.Element(
        "testsuite",
        name=f"contract {key}",
        tests=str(len(ordered)),
        failures=str(sum(record["outcome"] == "failed" for record in ordered)),
        errors="0",
        skipped=str(sum(record["outcome"] == "skipped" for record in ordered)),
        time=f"{sum(float(record['seconds']) for record in ordered):.3f}",
    )
    properties = ET.SubElement(suite, "properties")
    faults = sum(int(record.get("injected_faults", 0)) for record in ordered)
    ET.SubElement(properties, "property", name="injected_faults", value=str(faults))
    for record in ordered:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"contract.{key}",
            name=f"{key} seed {record['seed']}" + (" (live)" if record["live"] else ""),
            time=f"{float(record['seconds']):.3f}",
        )
        case_properties = ET.SubElement(case, "properties")
        for name in ("summary", "folder", "rerun"):
            ET.SubElement(case_properties, "property", name=name, value=str(record[name]))
        ET.SubElement(case_properties, "property", name="injected_faults", value=str(record.get("injected_faults", 0)))
        if record["outcome"] == "failed":
            failure = ET.SubElement(case, "failure", message=str(record["summary"]))
            failure.text = str(record["failure"] or record["summary"]) + f"\n\nRun it again: {record['rerun']}\n"
        elif record["outcome"] == "skipped":
            ET.SubElement(case, "skipped", message=str(record["summary"]))
        ET.SubElement(case, "system-out").text = str(record["summary"])
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text


def finish(records: Iterable[Mapping[str, Any]], report_dir: Path, *, workers: int = 2) -> list[str]:
    """Write each API's ``junit.xml`` and drift report from the session's run records; return the problems met.

    The drift reports (seconds per API: every exchange of every seed is checked against
    the spec) are written by up to ``workers`` processes at once. A drift report that
    cannot be written is a problem (returned, never raised: the JUnit files are written
    all the same).
    """
    by_key: dict[str, list[Mapping[str, Any]]] = {}
    for record in records:
        by_key.setdefault(str(record["key"]), []).append(record)
    drifts: dict[str, list[Path]] = {}
    for key, runs in sorted(by_key.items()):
        folder = report_dir / key
        folder.mkdir(parents=True, exist_ok=True)
        (folder / JUNIT).write_bytes(junit_xml(key, runs))
        cassettes = [Path(str(run["cassette"])) for run in runs if run.get("cassette")]
        cassettes = [path for path in cassettes if path.exists()]
        if cassettes:
            drifts[key] = cassettes
    problems: list[str] = []
    if len(drifts) > 1 and workers > 1:
        # Fresh processes (not forks of a pytest that runs threads), each writing whole reports.
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(min(workers, len(drifts)), mp_context=context) as pool:
            futures = {key: pool.submit(write_drift, key, paths, report_dir / key) for key, paths in drifts.items()}
            outcomes = {key: future.exception() for key, future in futures.items()}
    else:
        outcomes = {key: _attempt(key, paths, report_dir / key) for key, paths in drifts.items()}
    for key, error in sorted(outcomes.items()):
        if error is not None:  # a drift report is a report: its failure must not hide the runs'
            problems.append(f"the drift report of {key} was not written: {type(error).__name__}: {error}")
    return problems


def _attempt(key: str, cassettes: list[Path], folder: Path) -> BaseException | None:
    try:
        write_drift(key, cassettes, folder)
    except Exception as error:
        return error
    return None


def write_drift(key: str, cassettes: list[Path], folder: Path) -> None:
    """``partner_apis.drift.write_report`` over the cassettes: ``folder/drift.md`` and ``drift.json``."""
    from partner_apis.drift import write_report

    write_report(key, cassettes, folder)

"""What a contract session leaves per API (reports.py): a JUnit file with a case per seed, and the drift report."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # parses only what the test itself wrote
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from . import reports
from .reports import JUNIT, RunRecord, finish, junit_xml, run_folder


def _record(seed: int, outcome: str, *, failure: str | None = None, cassette: str | None = None) -> dict[str, Any]:
    record = RunRecord(
        key="comm100-v4",
        seed=seed,
        live=False,
        summary=f"comm100-v4 seed {seed}: 10 cases",
        seconds=1.5,
        failure=failure,
        rerun=f"nox -s contract -- --contract-seeds {seed} -k comm100-v4",
        folder=f"reports/comm100-v4/seed{seed}",
        cassette=cassette,
        injected_faults=seed,
    )
    return {**asdict(record), "outcome": outcome}


def test_the_junit_file_has_one_case_per_seed_and_a_failure_says_how_to_reproduce_it() -> None:
    failure = "1 failure\nReproduce with:\n    curl -X GET http://127.0.0.1:1/v4/global/sites/0"
    written = junit_xml("comm100-v4", [_record(2, "failed", failure=failure), _record(1, "passed")])
    root = ET.fromstring(written)  # noqa: S314 (the test's own XML)
    (suite,) = root
    assert suite.attrib["name"] == "contract comm100-v4"
    assert (suite.attrib["tests"], suite.attrib["failures"], suite.attrib["skipped"]) == ("2", "1", "0")
    cases = suite.findall("testcase")
    assert [case.attrib["name"] for case in cases] == ["comm100-v4 seed 1", "comm100-v4 seed 2"]
    assert cases[0].find("failure") is None
    text = cases[1].findtext("failure") or ""
    assert "curl -X GET http://127.0.0.1:1/v4/global/sites/0" in text
    assert "Run it again: nox -s contract -- --contract-seeds 2 -k comm100-v4" in text
    faults = suite.find("properties/property[@name='injected_faults']")
    assert faults is not None
    assert faults.attrib["value"] == "3"


def test_a_skipped_run_is_a_skipped_case() -> None:
    (suite,) = ET.fromstring(junit_xml("comm100-v4", [_record(1, "skipped")]))  # noqa: S314 (the test's own)
    assert suite.attrib["skipped"] == "1"
    assert suite.find("testcase/skipped") is not None


def test_finish_writes_each_apis_junit_and_a_drift_report_from_its_cassettes(tmp_path: Path) -> None:
    folder = run_folder(tmp_path, "comm100-v4", 1)
    folder.mkdir(parents=True)
    cassette = folder / "exchanges.har"
    cassette.write_text('{"log": {"version": "1.2", "creator": {"name": "t", "version": "1"}, "entries": []}}')
    assert finish([_record(1, "passed", cassette=str(cassette))], tmp_path) == []
    assert {path.name for path in (tmp_path / "comm100-v4").iterdir()} == {JUNIT, "drift.md", "drift.json", "seed1"}


def test_a_drift_report_that_fails_is_a_problem_and_the_junit_file_is_written_anyway(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(key: str, cassettes: list[Path], folder: Path) -> None:
        raise ValueError("not a HAR")

    monkeypatch.setattr(reports, "write_drift", broken)
    cassette = tmp_path / "exchanges.har"
    cassette.write_text("{}")
    problems = finish([_record(1, "passed", cassette=str(cassette))], tmp_path)
    assert problems == ["the drift report of comm100-v4 was not written: ValueError: not a HAR"]
    assert (tmp_path / "comm100-v4" / JUNIT).exists()

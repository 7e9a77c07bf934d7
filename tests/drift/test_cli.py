"""``python -m partner_apis.drift``: the report from the command line, and one line for input it cannot read."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from partner_apis.drift.__main__ import main

from .hars import entry, write

BASE = "https://partnerapi.comm100.io/v4"
SITE = {"id": 7, "externalId": "e-7"}


def test_the_report_goes_to_reports_api_by_default_with_the_api_read_from_the_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    har = write(tmp_path, [entry("GET", f"{BASE}/global/sites/7", 200, SITE)])
    monkeypatch.chdir(tmp_path)
    assert main([str(har)]) == 0
    assert (tmp_path / "reports" / "comm100-v4" / "drift.md").is_file()
    assert (tmp_path / "reports" / "comm100-v4" / "drift.json").is_file()
    assert capsys.readouterr().out.startswith("comm100-v4: no drift in 1 of 1 exchanges")


def test_out_names_the_folder_and_check_fails_on_drift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    har = write(tmp_path, [entry("GET", f"{BASE}/global/sites/7", 200, {**SITE, "extra": 1})])
    out = tmp_path / "here"
    assert main(["--api", "comm100-v4", "--out", str(out), str(har)]) == 0
    assert main(["--api", "comm100-v4", "--out", str(out), "--check", str(har)]) == 1
    assert "1 disagreements" in capsys.readouterr().out
    assert "/extra" in (out / "drift.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["missing.har"], "missing.har: no such file"),
        (["--api", "comm100-v9", "{har}"], "no spec for API 'comm100-v9'"),
        (["{not_har}"], "not a HAR file"),
        ([], "the following arguments are required: FILE"),
        (["--bogus", "{har}"], "unrecognized arguments: --bogus"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    har = write(tmp_path, [entry("GET", f"{BASE}/global/sites/7", 200, SITE)])
    not_har = tmp_path / "page.html"
    not_har.write_text("<html></html>", encoding="utf-8")
    argv = [argument.format(har=har, not_har=not_har) for argument in arguments]
    assert exit_status(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1, captured.err
    assert message in captured.err


def exit_status(argv: list[str]) -> int | str | None:
    """main's status, whether it returns it or argparse exits with it."""
    try:
        return main(argv)
    except SystemExit as stop:
        return stop.code


def test_the_module_runs_as_a_command_without_a_traceback(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "partner_apis.drift", str(tmp_path / "missing.har")],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert completed.returncode == 2
    assert completed.stderr == f"python -m partner_apis.drift: error: {tmp_path / 'missing.har'}: no such file\n"


def test_without_the_drift_extra_the_command_says_what_to_install(tmp_path: Path) -> None:
    # sys.modules[name] = None makes importing it fail as on an install without it.
    code = (
        "import sys; sys.modules['jsonschema'] = None; "
        "from partner_apis.drift.__main__ import main; sys.exit(main(['session.har']))"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert completed.returncode == 2
    assert completed.stderr == (
        "python -m partner_apis.drift: error: needs jsonschema: pip install 'partner-apis[drift]'\n"
    )

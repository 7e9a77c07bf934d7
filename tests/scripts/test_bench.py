"""The benchmark script: honest baselines, failures that show what failed, and no dependency on tests/."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from partner_apis.testing import RunningSimulator
from partner_apis.testing.profiles import PROFILES

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402


def test_the_bench_imports_nothing_from_tests(tmp_path: Path) -> None:
    # Scripts share code with the tests through the package, never the other way round.
    code = "import sys; import bench; print(sorted(m for m in sys.modules if m == 'tests' or m.startswith('tests.')))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    result = subprocess.run(
        [sys.executable, "-P", "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path, env=env
    )
    assert result.stdout == "[]\n"


# -- the bare httpx baseline ------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(PROFILES))
def test_a_raw_session_is_bare_httpx_with_no_code_of_this_project_on_its_path(
    key: str, partner_api_simulator: Callable[..., RunningSimulator]
) -> None:
    profile = PROFILES[key]
    sim = partner_api_simulator(key, **profile.simulator_options)
    session = profile.session(sim.base_url, sim.simulator, 0)
    client = session.client
    assert type(client) is httpx.Client
    assert client.auth is None
    assert client.event_hooks == {"request": [], "response": []}
    record = session.create(0)
    assert session.read(record).status_code == 200
    if not key.startswith("omnize-partner"):  # Omnize's token travels in the query and the body
        assert client.headers["Authorization"] == session.wrk_headers()["Authorization"]
        assert client.headers["Authorization"].startswith("Bearer ")


def test_the_in_process_pair_reads_the_same_recorded_bytes_without_a_network(
    partner_api_simulator: Callable[..., RunningSimulator],
) -> None:
    profile = PROFILES["portsip-dealers"]  # a login, and an id the client quotes in the path
    sim = partner_api_simulator(profile.key)
    record = profile.session(sim.base_url, sim.simulator, 0).create(0)
    recorder = bench.Recorder()
    recorded = profile.session(sim.base_url, sim.simulator, 0, transport=recorder).read(record)
    profile.overlay_read(profile.overlay_client(sim.base_url, sim.simulator, transport=recorder), record)
    assert [key[0] for key in recorder.answers].count("GET") == 1  # both read the very same URL

    # Aimed at a port nothing listens on: every answer, the logins' too, is the recording's.
    nowhere = sim.base_url.replace(sim.root_url, "http://127.0.0.1:9")
    replay = recorder.replay()
    raw = profile.session(nowhere, sim.simulator, 0, transport=replay)
    assert raw.read(record).content == recorded.content
    dealer = profile.overlay_read(profile.overlay_client(nowhere, sim.simulator, transport=replay), record)
    assert dealer.id == record


def test_a_request_nothing_was_recorded_for_names_its_path_but_not_its_query() -> None:
    replay = bench.Recorder().replay()
    with httpx.Client(transport=replay) as client, pytest.raises(bench.StepFailed) as raised:
        client.get("http://127.0.0.1:1/departments/7/channels?token=secret-token")
    assert str(raised.value) == "nothing recorded for GET /departments/7/channels"


# -- a failed step shows what failed ------------------------------------------------------------


def test_a_failed_command_keeps_everything_it_printed() -> None:
    script = "import sys; print('drift in client.py'); print('run nox -s generate', file=sys.stderr); sys.exit(1)"
    with pytest.raises(bench.StepFailed) as raised:
        bench._command([sys.executable, "-c", script], "generate.py --check")
    assert str(raised.value) == "generate.py --check exited 1"
    assert raised.value.output == "drift in client.py\nrun nox -s generate\n"


def test_a_failed_step_prints_its_output_then_one_line_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def drifted() -> list[bench.Row]:
        bench._command([sys.executable, "-c", "import sys; sys.exit('  models/x.py (differs)')"], "generate.py --check")
        return []

    monkeypatch.setattr(bench, "bench_generation", drifted)
    output = tmp_path / "results.json"
    assert bench.main(["--only", "generation", "--output", str(output)]) == 1
    captured = capsys.readouterr()
    assert captured.err == "  models/x.py (differs)\nbench: generate.py --check exited 1\n"
    assert not output.exists()


def test_a_server_that_does_not_start_is_reported_with_what_it_printed() -> None:
    with pytest.raises(bench.StepFailed) as raised, bench.simulator_process("comm100-v4", no_such_option=1):
        pass
    assert str(raised.value) == "partner_apis.simulators did not start: exited 2"
    assert "no_such_option" in raised.value.output


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--api", "nope"], "bench: no bench profile for nope; known: "),
        (["--rounds", "0"], "bench: argument --rounds: a positive integer, not '0'"),
        (["--only", "nothing"], "bench: argument --only: invalid choice: 'nothing'"),
    ],
)
def test_a_user_error_is_one_line_and_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(message)
    assert captured.err.count("\n") == 1
    assert captured.out == ""


# -- wrk: tokens stay off its command line and out of messages ----------------------------------


def _fake_wrk(folder: Path, printed: str, status: int = 0) -> str:
    """A wrk that writes its arguments and request environment to files, prints ``printed`` and exits ``status``."""
    path = folder / "wrk"
    path.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{folder}/argv"\n'
        f'printf "%s\\n%s\\n" "$BENCH_WRK_PATH" "$BENCH_WRK_HEADERS" > "{folder}/request"\n'
        f"printf '{printed}'\n"
        f"exit {status}\n",
        encoding="utf-8",
    )
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


URL = "http://127.0.0.1:8080/api/v1/departments?token=query-secret"
HEADERS = {"Authorization": "Bearer header-secret"}


def test_wrk_gets_the_request_from_its_environment_not_its_command_line(tmp_path: Path) -> None:
    wrk = _fake_wrk(tmp_path, "Requests/sec:  1234.50\\n")
    assert bench._wrk(wrk, URL, HEADERS, 1, 8) == 1234.5
    argv = (tmp_path / "argv").read_text(encoding="utf-8")
    assert "secret" not in argv
    assert argv.splitlines()[-1] == "http://127.0.0.1:8080/"
    assert (tmp_path / "request").read_text(encoding="utf-8").splitlines() == [
        "/api/v1/departments?token=query-secret",
        "Authorization: Bearer header-secret",
    ]


@pytest.mark.parametrize(
    ("printed", "status", "message"),
    [
        ("unable to connect\\n", 1, "wrk on http://127.0.0.1:8080/api/v1/departments exited 1"),
        (
            "Requests/sec: 9.0\\nNon-2xx or 3xx responses: 3\\n",
            0,
            "wrk saw failing responses from http://127.0.0.1:8080/api/v1/departments",
        ),
        ("nothing measured\\n", 0, "wrk printed no rate for http://127.0.0.1:8080/api/v1/departments"),
    ],
    ids=["exit-1", "refusals", "no-rate"],
)
def test_a_failed_wrk_run_keeps_its_output_and_names_the_path_without_its_query(
    tmp_path: Path, printed: str, status: int, message: str
) -> None:
    with pytest.raises(bench.StepFailed) as raised:
        bench._wrk(_fake_wrk(tmp_path, printed, status), URL, HEADERS, 1, 8)
    assert str(raised.value) == message
    assert raised.value.output == printed.replace("\\n", "\n")


# -- --baseline: the simulator as committed at a ref ---------------------------------------------


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git clone")
def test_the_baseline_tree_serves_the_committed_simulator_not_the_installed_one(tmp_path: Path) -> None:
    tree = bench.baseline_tree("HEAD", tmp_path)
    code = "import partner_apis.simulators as s, partner_apis.specs as p; print(s.__file__); print(p.__file__)"
    # As simulator_process starts it: the tree first on the path, the working folder off it.
    result = subprocess.run(
        [sys.executable, "-P", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
    )
    assert all(Path(line).is_relative_to(tree / "partner_apis") for line in result.stdout.splitlines())
    with bench.simulator_process("comm100-v4", tree) as root:
        assert httpx.get(f"{root}/v4/global/sites").status_code == 401
    # And it is the tree's code that runs: broken there, the served simulator breaks.
    main = tree / "partner_apis" / "simulators" / "__main__.py"
    main.write_text("raise SystemExit('the simulator in the tree')\n", encoding="utf-8")
    with pytest.raises(bench.StepFailed) as raised, bench.simulator_process("comm100-v4", tree):
        pass
    assert raised.value.output == "the simulator in the tree\n"


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git clone")
def test_an_unknown_baseline_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(bench.BenchError, match=r"^--baseline no-such-ref: not a commit of this clone$"):
        bench.baseline_tree("no-such-ref", tmp_path)


# -- the contract rate ---------------------------------------------------------------------------


@pytest.mark.contract
def test_the_contract_rate_is_read_from_the_suites_own_run() -> None:
    (row,) = bench.bench_contract(PROFILES["comm100-v4"], 2)
    assert row.met is True
    assert row.value > 0
    assert row.metric.startswith("Schemathesis cases/s (")

"""Benchmarks: ratios measured side by side in one run, printed as a table and written as JSON.

Absolute times on shared machines are noise; each figure here is set against another
measured in the same run, interleaved where possible:

1. client overhead: generated client + overlay vs bare httpx (a plain ``httpx.Client``
   with the vendor's auth as a header or query field: no code of this project), the same
   calls, in many short interleaved rounds. Over loopback against the simulator: the
   ratio of round trips (the bare call reads its answer's JSON, the typed call builds its
   model; target <= 1.10). In-process, both over ``httpx.MockTransport`` answering the
   same recorded bytes (no network, no server): microseconds per call of each, and the
   overlay's cost per call above bare httpx;
2. simulator throughput: wrk against the simulator vs a trivial ASGI app on the same
   uvicorn stack sending the same bytes (the simulator's answer, saved), both running,
   loaded back to back for several rounds (median of the rounds' ratios; get-by-id and list;
   target >= 0.5); the ratio to the trivial app's 48-byte answer is reported too. With
   ``--baseline REF``, the simulator as committed at REF is served beside the working
   tree's and loaded in the same rounds: a simulator change (a micro-optimisation kept or
   removed) is measured against what it replaces, in the same run;
3. simulator vs Stoplight Prism serving the same spec under the same load (target >= 3);
4. generation: wall time to regenerate every client and model, and of the drift check
   (target < 10 s for all specs);
5. contract: Schemathesis cases per second against each simulator (the contract suite,
   ``pytest tests/contract/test_contract.py``, run as a command: the "contract runs" lines
   it prints are what is read);
6. pagination memory: peak Python heap growth while auto-paginating 100,000 Comm100 v3
   sites (target < 20 MB).

Usage: ``nox -s bench`` or ``python scripts/bench.py [--quick] [--only SECTION] [--api KEY]
[--baseline REF] [--rounds N] [--seconds S] [--output PATH]``. To measure a simulator change:
``python scripts/bench.py --only throughput --api comm100-v4 --baseline HEAD``.
wrk and Prism must be on PATH or given by --wrk/--prism (the nox session installs both).

Exit status: 0 when every step ran (a target missed is a row, not a failure); 1 when a
step failed (a server that did not start, wrk failing, the drift check, a contract run
that printed no summary): what its command printed goes to stderr first, then one line;
2 on a user error (a missing tool, an unknown section or API), with a one-line message.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import tracemalloc
import typing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import generate  # noqa: E402

from partner_apis.simulators.registry import create_app, entry  # noqa: E402
from partner_apis.testing.profiles import PROFILES, ApiProfile, RawSession  # noqa: E402

SECTIONS = ("overhead", "throughput", "generation", "contract", "pagination")

# How much of a failed command's output is printed: the end, where the failure is.
OUTPUT_LIMIT = 20_000


class BenchError(Exception):
    """A user error: the message is one line."""


class StepFailed(Exception):
    """A benchmark step failed: ``output`` is what its command printed, ``str()`` one line saying what failed."""

    def __init__(self, message: str, output: str = "") -> None:
        super().__init__(message)
        self.output = output


@dataclass
class Row:
    """One measured figure."""

    section: str
    api: str
    metric: str
    value: float
    reference: float | None
    ratio: float | None
    target: str
    met: bool | None
    unit: str = ""


def _text(data: bytes | str | None) -> str:
    return data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data or ""


def _command(argv: Sequence[str], what: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` to its end; raises StepFailed, with everything it printed, when it exits non-zero."""
    result = subprocess.run(argv, capture_output=True, text=True, check=False, **kwargs)
    if result.returncode != 0:
        raise StepFailed(f"{what} exited {result.returncode}", result.stdout + result.stderr)
    return result


# -- servers ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def _process(
    argv: Sequence[str], port: int, timeout: float = 60.0, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> Iterator[str]:
    """Run a server process until the block ends; yields its root URL once it accepts connections.

    Raises StepFailed, with everything the process printed, when it exits or does not
    listen within ``timeout`` seconds.
    """
    name = argv[argv.index("-m") + 1] if "-m" in argv else Path(argv[0]).name
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(argv, stdout=log, stderr=log, cwd=cwd, env={**os.environ, **(env or {})})
        try:
            deadline = time.monotonic() + timeout
            while True:
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
                code = process.poll()
                if code is not None or time.monotonic() > deadline:
                    log.seek(0)
                    why = f"exited {code}" if code is not None else f"did not listen within {timeout:.0f} s"
                    raise StepFailed(f"{name} did not start: {why}", _text(log.read()))
                time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def simulator_process(key: str, tree: Path | None = None, **options: Any) -> contextlib.AbstractContextManager[str]:
    """Serve ``key``'s simulator: the installed one, or the one in ``tree`` (see :func:`baseline_tree`)."""
    port = _free_port()
    argv = [sys.executable, "-m", "partner_apis.simulators", key, "--port", str(port)]
    argv += [f"--option={name}={value}" for name, value in options.items()]
    if tree is None:
        return _process(argv, port)
    # The tree's partner_apis comes first on the path; -P keeps the working folder off it.
    return _process([argv[0], "-P", *argv[1:]], port, env={"PYTHONPATH": str(tree)}, cwd=tree)


def trivial_process(bodies: Path | None = None) -> contextlib.AbstractContextManager[str]:
    """The reference app (scripts/trivial_asgi.py); ``bodies`` is a folder of answers it serves by file name."""
    port = _free_port()
    argv = [
        sys.executable, "-m", "uvicorn", "trivial_asgi:app", "--app-dir", str(ROOT / "scripts"),
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log", "--lifespan", "off",
    ]  # fmt: skip
    return _process(argv, port, env={"TRIVIAL_ASGI_BODIES": str(bodies)} if bodies else None)


def prism_process(prism: str, key: str) -> contextlib.AbstractContextManager[str]:
    port = _free_port()
    spec = ROOT / "specs" / f"{key}.yaml"
    return _process([prism, "mock", str(spec), "--host", "127.0.0.1", "--port", str(port)], port, timeout=120)


# Where each part of the installed partner_apis comes from in a clone (pyproject's force-include).
_PACKAGE_PARTS = {
    "package/partner_apis": "partner_apis",
    "specs": "partner_apis/specs",
    "simulators": "partner_apis/simulators",
    "overlays": "partner_apis/overlays",
    "generated/models": "partner_apis/models",
}


def baseline_tree(ref: str, folder: Path) -> Path:
    """Lay out the package as committed at git ``ref`` under ``folder`` (``folder/partner_apis``); return ``folder``.

    Raises BenchError when this is no git clone, ``ref`` names no commit, or the commit
    has no simulators to serve.
    """
    if not (ROOT / ".git").exists():
        raise BenchError("--baseline needs a git clone (no .git here)")
    listed = subprocess.run(
        ["git", "ls-tree", "--name-only", ref, *_PACKAGE_PARTS], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        raise BenchError(f"--baseline {ref}: not a commit of this clone")
    present = set(listed.stdout.split())
    if not {"package/partner_apis", "simulators", "specs"} <= present:
        raise BenchError(f"--baseline {ref}: that commit has no package/partner_apis, simulators/ or specs/")
    parts = [part for part in _PACKAGE_PARTS if part in present]
    archive = folder / "archive.tar"
    _command(["git", "archive", "--format=tar", "-o", str(archive), ref, *parts], f"git archive {ref}", cwd=ROOT)
    with tarfile.open(archive) as tar:
        tar.extractall(folder / "archive", filter="data")
    for part in sorted(parts, key=len):  # the package first, then what goes inside it
        shutil.copytree(folder / "archive" / part, folder / _PACKAGE_PARTS[part], dirs_exist_ok=True)
    return folder


def _default_simulator(profile: ApiProfile) -> Any:
    # The served process was started with the same options, so it has these credentials.
    return create_app(profile.key, **profile.simulator_options).state.simulator


def _seed(profile: ApiProfile, base_url: str, count: int, simulator: Any) -> tuple[RawSession, list[Any]]:
    """Create ``count`` records over raw HTTP as partner 0 of ``simulator``; return the session and their ids."""
    session = profile.session(base_url, simulator, 0)
    return session, [session.create(n) for n in range(count)]


# -- 1. client overhead --------------------------------------------------------------------


def _request_key(request: httpx.Request) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return request.method, request.url.path, tuple(sorted(request.url.params.multi_items()))


# Headers that describe one connection or one transfer, not the answer.
_HOP_BY_HOP = frozenset({"connection", "keep-alive", "transfer-encoding", "date"})


class Recorder(httpx.BaseTransport):
    """The network, keeping the last answer to each method, path and query, to be replayed by :meth:`replay`."""

    def __init__(self) -> None:
        self._network = httpx.HTTPTransport()
        self.answers: dict[tuple[str, str, tuple[tuple[str, str], ...]], tuple[int, list[tuple[str, str]], bytes]] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._network.handle_request(request)
        content = response.read()
        headers = [(name, value) for name, value in response.headers.multi_items() if name not in _HOP_BY_HOP]
        self.answers[_request_key(request)] = (response.status_code, headers, content)
        return response

    def close(self) -> None:
        self._network.close()

    def replay(self) -> httpx.MockTransport:
        """A transport answering every recorded request with the recorded status, headers and bytes.

        A request nothing was recorded for raises StepFailed (naming its method and path).
        """

        def answer(request: httpx.Request) -> httpx.Response:
            recorded = self.answers.get(_request_key(request))
            if recorded is None:
                raise StepFailed(f"nothing recorded for {request.method} {request.url.path}")
            status, headers, content = recorded
            return httpx.Response(status, headers=headers, content=content)

        return httpx.MockTransport(answer)


def bench_overhead(profile: ApiProfile, calls: int, repeats: int) -> list[Row]:
    with simulator_process(profile.key, **profile.simulator_options) as root:
        base_url = root + entry(profile.key).base_path
        simulator = _default_simulator(profile)
        raw, ids = _seed(profile, base_url, 1, simulator)
        overlay = profile.overlay_client(base_url, simulator)
        record = ids[0]
        # The in-process pair: each client's requests (its login too) answered once by the
        # simulator and recorded, then both clients built again over the recording.
        recorder = Recorder()
        recorded_reads = [
            profile.session(base_url, simulator, 0, transport=recorder).read(record),
            profile.overlay_read(profile.overlay_client(base_url, simulator, transport=recorder), record),
        ]
        gets = [key for key in recorder.answers if key[0] == "GET"]
        if len(gets) != 1 or recorded_reads[0].status_code != 200:
            raise StepFailed(f"{profile.key}: the overlay and bare httpx reads are not one same request: {len(gets)}")
        replay = recorder.replay()
        mock_raw = profile.session(base_url, simulator, 0, transport=replay)
        mock_overlay = profile.overlay_client(base_url, simulator, transport=replay)

        def overlay_calls(client: Any) -> Callable[[], None]:
            def run() -> None:
                for _ in range(calls):
                    profile.overlay_read(client, record)

            return run

        def raw_calls(session: RawSession) -> Callable[[], None]:
            def run() -> None:
                # The same call as a bare-httpx user makes it: the record is wanted as data.
                for _ in range(calls):
                    session.read(record).raise_for_status().json()

            return run

        runs = {
            "overlay": overlay_calls(overlay),
            "raw": raw_calls(raw),
            "mock overlay": overlay_calls(mock_overlay),
            "mock raw": raw_calls(mock_raw),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        for run in list(runs.values()) * 2:  # warm every path (connections, imports, caches)
            run()
        # Many short interleaved rounds, the order reversed every other round: load from
        # other processes on this shared machine then hits both sides of each ratio alike.
        for repeat in range(repeats):
            for name, run in runs.items() if repeat % 2 == 0 else reversed(runs.items()):
                start = time.perf_counter()
                run()
                times[name].append((time.perf_counter() - start) / calls * 1e6)
        for session in (raw, mock_raw):
            session.client.close()
        recorder.close()

    def ratio(ours: str, reference: str) -> float:
        return statistics.median(a / b for a, b in zip(times[ours], times[reference], strict=True))

    def median(name: str) -> float:
        return statistics.median(times[name])

    round_trip = ratio("overlay", "raw")
    added = statistics.median(a - b for a, b in zip(times["mock overlay"], times["mock raw"], strict=True))
    return [
        Row("overhead", profile.key, f"{calls} sequential reads over loopback, overlay/bare httpx", median("overlay"),
            median("raw"), round_trip, "<= 1.10", round_trip <= 1.10, "us/call"),
        Row("overhead", profile.key, "in-process reads (MockTransport, same bytes), overlay/bare httpx",
            median("mock overlay"), median("mock raw"), ratio("mock overlay", "mock raw"), "info", None, "us/call"),
        Row("overhead", profile.key, "in-process client overhead: overlay minus bare httpx", added,
            None, None, "info", None, "us/call"),
    ]  # fmt: skip


# -- 2 and 3. throughput ---------------------------------------------------------------------


# wrk's request, read from the environment: a token in a header or in the query (Omnize's)
# stays off the command line, where every user of the machine can read it.
_WRK_SCRIPT = """\
wrk.path = os.getenv("BENCH_WRK_PATH")
for line in string.gmatch(os.getenv("BENCH_WRK_HEADERS") or "", "[^\\n]+") do
  local name, value = string.match(line, "^([^:]+): (.*)$")
  wrk.headers[name] = value
end
"""


def _wrk(wrk: str, url: str, headers: dict[str, str], seconds: int, connections: int) -> float:
    """Requests per second wrk measures at ``url``; raises StepFailed, with wrk's output, on any failure.

    The path, query and headers reach wrk through its environment, and are left out of
    every message: they may hold a token.
    """
    parts = httpx.URL(url)
    where = str(parts.copy_with(query=None))
    env = {
        **os.environ,
        "BENCH_WRK_PATH": parts.raw_path.decode("ascii"),
        "BENCH_WRK_HEADERS": "\n".join(f"{name}: {value}" for name, value in headers.items()),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", encoding="utf-8") as script:
        script.write(_WRK_SCRIPT)
        script.flush()
        argv = [
            wrk,
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "-s",
            script.name,
            f"{parts.scheme}://{parts.netloc.decode()}/",
        ]
        output = _command(argv, f"wrk on {where}", env=env).stdout
    if "Non-2xx or 3xx responses" in output:
        raise StepFailed(f"wrk saw failing responses from {where}", output)
    found = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not found:
        raise StepFailed(f"wrk printed no rate for {where}", output)
    return float(found.group(1))


def bench_throughput(
    profile: ApiProfile, wrk: str, prism: str | None, seconds: int, rounds: int, baseline: tuple[str, Path] | None
) -> list[Row]:
    rows: list[Row] = []
    connections = 32
    # Each simulator read is set against the trivial app sending the very same bytes (the
    # simulator's own answer, saved first), so the ratio is the cost of producing them; the
    # trivial app's 48-byte answer is reported too, for reference. All servers run at once.
    # Each round loads a simulator read and its references back to back, in the other order
    # the next round, and the median of the rounds' ratios is reported: this machine's rate
    # for one server drifts by a third over minutes, and one reference run before or after
    # (or even a few seconds apart) would measure that drift as much as the simulator.
    with contextlib.ExitStack() as stack:
        root = stack.enter_context(simulator_process(profile.key, **profile.simulator_options))
        base_url = root + entry(profile.key).base_path
        simulator = _default_simulator(profile)
        raw, ids = _seed(profile, base_url, 20, simulator)
        stack.callback(raw.client.close)
        headers = raw.wrk_headers()
        paths = {"get-by-id": raw.get_path(ids[0]), "list": raw.list_path()}
        bodies = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        for name, path in paths.items():
            (bodies / name).write_bytes(raw.client.get(path).raise_for_status().content)
        trivial_root = stack.enter_context(trivial_process(bodies))
        pairs = [
            [(name, base_url + path, headers), (f"trivial {name}", f"{trivial_root}/{name}", {})]
            for name, path in paths.items()
        ]
        if baseline:
            # The same records, created the same way, in the simulator as committed at the ref.
            old_root = stack.enter_context(simulator_process(profile.key, baseline[1], **profile.simulator_options))
            old_base = old_root + entry(profile.key).base_path
            old, old_ids = _seed(profile, old_base, 20, simulator)
            stack.callback(old.client.close)
            old_paths = {"get-by-id": old.get_path(old_ids[0]), "list": old.list_path()}
            for pair, (name, path) in zip(pairs, old_paths.items(), strict=True):
                pair.append((f"baseline {name}", old_base + path, old.wrk_headers()))
        pairs.append([("trivial", trivial_root + "/", {})])
        rates: dict[str, list[float]] = {name: [] for pair in pairs for name, _, _ in pair}
        for round_ in range(rounds):
            for pair in pairs:
                for name, url, url_headers in pair if round_ % 2 == 0 else reversed(pair):
                    rates[name].append(_wrk(wrk, url, url_headers, seconds, connections))

    def ratio(ours: str, reference: str) -> float:
        return statistics.median(a / b for a, b in zip(rates[ours], rates[reference], strict=True))

    ours = {name: statistics.median(rates[name]) for name in paths}
    for name in paths:
        same = ratio(name, f"trivial {name}")
        rows.append(Row("throughput", profile.key, f"{name} req/s, simulator/trivial ASGI (same bytes)", ours[name],
                        statistics.median(rates[f"trivial {name}"]), same, ">= 0.5", same >= 0.5, "req/s"))  # fmt: skip
    small = statistics.median(rates["trivial"])
    for name in paths:
        rows.append(Row("throughput", profile.key, f"{name} req/s, simulator/trivial ASGI (48 bytes)", ours[name],
                        small, ratio(name, "trivial"), "info", None, "req/s"))  # fmt: skip
    if baseline:
        for name in paths:
            rows.append(Row("throughput", profile.key, f"{name} req/s, simulator/simulator at {baseline[0]}",
                            ours[name], statistics.median(rates[f"baseline {name}"]), ratio(name, f"baseline {name}"),
                            "info", None, "req/s"))  # fmt: skip
    if prism:
        with prism_process(prism, profile.key) as prism_root:
            # Prism serves the spec's paths at its root, without the server URL's path.
            for name, path in paths.items():
                rate = _wrk(wrk, prism_root + path, headers, seconds, connections)
                over_prism = ours[name] / rate
                rows.append(Row("prism", profile.key, f"{name} req/s, simulator/Prism", ours[name], rate, over_prism,
                                ">= 3", over_prism >= 3, "req/s"))  # fmt: skip
    return rows


# -- 4. generation -------------------------------------------------------------------------


def bench_generation() -> list[Row]:
    keys = generate.all_keys()
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        try:
            generate.generate(Path(out), keys)
        except generate.GenerationError as error:
            raise StepFailed(f"generation failed: {error}") from None
        regenerate = time.perf_counter() - start
    start = time.perf_counter()
    # Its output is kept: on drift it lists the files and their diffs, which is the whole
    # story of a failed check (a forgotten regeneration, or output that changed by itself).
    _command([sys.executable, str(ROOT / "scripts" / "generate.py"), "--check"], "generate.py --check")
    check = time.perf_counter() - start
    return [
        Row(
            "generation", "all", f"regenerate {len(keys)} specs", regenerate, None, None, "< 10 s", regenerate < 10, "s"
        ),
        Row("generation", "all", "drift check", check, None, None, "< 10 s", check < 10, "s"),
    ]


# -- 5. contract ---------------------------------------------------------------------------


def bench_contract(profile: ApiProfile, max_examples: int) -> list[Row]:
    """Schemathesis cases per second: the contract suite's run for one API and seed, as a command.

    The bench reads the line the suite prints for it (``<key> seed 1: <n> cases, <n>
    failures, <n> errors, ..., <seconds>s (...)``). A run with failures is a row that
    misses its target, its output on stderr; a run that prints no such line raises StepFailed.
    """
    argv = [
        sys.executable, "-m", "pytest", "tests/contract/test_contract.py", "-p", "no:cacheprovider",
        "-k", profile.key, "--contract-seeds", "1", "--contract-max-examples", str(max_examples),
    ]  # fmt: skip
    result = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=ROOT)
    output = result.stdout + result.stderr
    pattern = rf"^{re.escape(profile.key)} seed 1: (\d+) cases, (\d+) failures, (\d+) errors, .*?([\d.]+)s \("
    found = re.search(pattern, result.stdout, re.MULTILINE)
    if found is None:
        raise StepFailed(f"the {profile.key} contract run (exit {result.returncode}) printed no summary", output)
    cases, failures, errors, seconds = int(found[1]), int(found[2]), int(found[3]), float(found[4])
    ok = result.returncode == 0 and failures == 0 and errors == 0
    if not ok:
        # The row only counts failures: what failed goes to stderr, to be reproduced.
        print(f"bench: the {profile.key} contract run failed:\n{output[-OUTPUT_LIMIT:]}", file=sys.stderr)
    return [
        Row("contract", profile.key, f"Schemathesis cases/s ({cases} cases, {failures} failures, {errors} errors)",
            cases / seconds, None, None, "0 failures", ok, "cases/s"),
    ]  # fmt: skip


# -- 6. pagination memory ------------------------------------------------------------------


def bench_pagination(sites: int) -> list[Row]:
    """Peak Python heap growth while the Comm100 v3 overlay pages through ``sites`` sites."""
    from partner_apis.overlays import comm100_v3
    from partner_apis.simulators.comm100_v3 import DEFAULT_CREDENTIALS

    login = DEFAULT_CREDENTIALS[0]
    with simulator_process("comm100-v3", seed_sites=sites) as root:
        client = comm100_v3.client(login.email, login.password, base_url=root)
        next(iter(comm100_v3.iter_sites(client)))  # log in and warm imports before measuring
        tracemalloc.start()
        baseline = tracemalloc.get_traced_memory()[0]
        start = time.perf_counter()
        seen = sum(1 for _ in comm100_v3.iter_sites(client))
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    growth = (peak - baseline) / 2**20
    if seen != sites:
        raise StepFailed(f"auto-pagination saw {seen} sites, not {sites}")
    return [
        Row("pagination", "comm100-v3", f"peak heap growth paging {sites:,} sites ({seconds:.0f} s)", growth,
            None, None, "< 20 MB", growth < 20, "MB"),
    ]  # fmt: skip


# -- report ----------------------------------------------------------------------------------


def table(rows: Sequence[Row]) -> str:
    lines = [
        "| section | api | metric | value | reference | ratio | target | met |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        reference = f"{row.reference:,.1f}" if row.reference is not None else ""
        ratio = f"{row.ratio:.3f}" if row.ratio is not None else ""
        met = {True: "yes", False: "**no**", None: ""}[row.met]
        lines.append(
            f"| {row.section} | {row.api} | {row.metric} | {row.value:,.1f} {row.unit} | {reference} | {ratio} "
            f"| {row.target} | {met} |"
        )
    return "\n".join(lines)


def _positive(text: str) -> int:
    value = int(text) if text.isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"a positive integer, not {text!r}")
    return value


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (no usage block): BenchError."""

    def error(self, message: str) -> typing.NoReturn:
        raise BenchError(message)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status (0 done, 1 a step failed, 2 a user error)."""
    parser = _Parser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run only these sections (repeatable)")
    parser.add_argument("--api", action="append", help="only these APIs (default: every profile)")
    parser.add_argument("--quick", action="store_true", help="shorter runs, for a smoke test")
    parser.add_argument("--baseline", metavar="REF", help="throughput: also serve the simulator as committed at REF")
    parser.add_argument("--rounds", type=_positive, help="throughput: rounds of wrk runs (default 8, quick 2)")
    parser.add_argument("--seconds", type=_positive, help="throughput: seconds per wrk run (default 1)")
    parser.add_argument("--wrk", default=shutil.which("wrk"), help="the wrk binary")
    parser.add_argument("--prism", default=os.environ.get("PRISM") or shutil.which("prism"), help="the prism binary")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.json", help="where the JSON goes")
    rows: list[Row] = []
    try:
        args = parser.parse_args(argv)
        sections = args.only or list(SECTIONS)
        keys = args.api or sorted(PROFILES)
        unknown = sorted(set(keys) - set(PROFILES))
        if unknown:
            raise BenchError(f"no bench profile for {', '.join(unknown)}; known: {', '.join(sorted(PROFILES))}")
        if "throughput" in sections and not args.wrk:
            raise BenchError("wrk is not installed (apt-get install wrk, or pass --wrk)")
        calls, repeats, seconds, rounds = (20, 10, 1, 2) if args.quick else (25, 60, 1, 8)
        seconds, rounds = args.seconds or seconds, args.rounds or rounds
        with contextlib.ExitStack() as stack:
            baseline = None
            if args.baseline and "throughput" in sections:
                folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="partner-apis-baseline-")))
                baseline = (args.baseline, baseline_tree(args.baseline, folder))
            for key in keys:
                profile = PROFILES[key]
                if "overhead" in sections:
                    rows += bench_overhead(profile, calls, repeats)
                if "throughput" in sections:
                    rows += bench_throughput(profile, args.wrk, args.prism, seconds, rounds, baseline)
                if "contract" in sections:
                    rows += bench_contract(profile, 20 if args.quick else 50)
            if "generation" in sections:
                rows += bench_generation()
            if "pagination" in sections:
                rows += bench_pagination(10_000 if args.quick else 100_000)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    except StepFailed as failed:
        # What the step's command printed, then what the bench measured before it, then one line.
        if failed.output:
            output = failed.output[-OUTPUT_LIMIT:]
            print(output, end="" if output.endswith("\n") else "\n", file=sys.stderr)
        if rows:
            print(table(rows))
        print(f"bench: {failed}", file=sys.stderr)
        return 1
    except httpx.HTTPStatusError as error:
        # A refusal while preparing a step (seeding records, a login): the path only, the
        # query may hold a token.
        request = error.request
        if rows:
            print(table(rows))
        print(f"{error.response.text[-OUTPUT_LIMIT:]}", file=sys.stderr)
        print(f"bench: {request.method} {request.url.path} answered {error.response.status_code}", file=sys.stderr)
        return 1
    print(table(rows))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps([asdict(row) for row in rows], indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

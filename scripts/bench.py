"""Benchmarks: ratios measured side by side in one run, printed as a table and written as JSON.

Absolute times on shared machines are noise; each figure here is a ratio of two things
measured in the same run, interleaved where possible:

1. client overhead: generated client + overlay vs a bare httpx.Client, same calls, same
   simulator; the bare call reads its answer's JSON, the typed call builds its model
   (median of per-repeat ratios; target <= 1.10);
2. simulator throughput: wrk against the simulator vs a trivial ASGI app on the same
   uvicorn stack sending the same bytes (the simulator's answer, saved), both running,
   loaded back to back for several rounds (median of the rounds' ratios; get-by-id and list;
   target >= 0.5); the ratio to the trivial app's 48-byte answer is reported too;
3. simulator vs Stoplight Prism serving the same spec under the same load (target >= 3);
4. generation: wall time to regenerate every client and model, and of the drift check
   (target < 10 s for all specs);
5. contract: Schemathesis cases per second against each simulator;
6. pagination memory: peak Python heap growth while auto-paginating 100,000 Comm100 v3
   sites (target < 20 MB).

Usage: ``nox -s bench`` or ``python scripts/bench.py [--quick] [--only SECTION] [--output PATH]``.
wrk and Prism must be on PATH or given by --wrk/--prism (the nox session installs both).
Exit 2 on a user error (a missing tool, an unknown section), with a one-line message.
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
import tempfile
import time
import tracemalloc
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import generate  # noqa: E402

from partner_apis.simulators.registry import create_app, entry  # noqa: E402
from partner_apis.testing.profiles import PROFILES, ApiProfile, RawSession  # noqa: E402

SECTIONS = ("overhead", "throughput", "generation", "contract", "pagination")


class BenchError(Exception):
    """A user error: the message is one line."""


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


# -- servers ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def _process(argv: Sequence[str], port: int, timeout: float = 60.0, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run a server process until the block ends; yields its root URL once it accepts connections."""
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(argv, stdout=log, stderr=log, cwd=ROOT, env={**os.environ, **(env or {})})
        try:
            deadline = time.monotonic() + timeout
            while True:
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise BenchError(f"{argv[0]} did not start: {log.read()[-300:]!r}")
                time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def simulator_process(key: str, **options: Any) -> contextlib.AbstractContextManager[str]:
    port = _free_port()
    argv = [sys.executable, "-m", "partner_apis.simulators", key, "--port", str(port)]
    argv += [f"--option={name}={value}" for name, value in options.items()]
    return _process(argv, port)


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


def _default_simulator(profile: ApiProfile) -> Any:
    # The served process was started with the same options, so it has these credentials.
    return create_app(profile.key, **profile.simulator_options).state.simulator


def _seed(profile: ApiProfile, base_url: str, count: int, simulator: Any) -> tuple[RawSession, list[Any]]:
    """Create ``count`` records over raw HTTP as partner 0 of ``simulator``; return the session and their ids."""
    session = profile.session(base_url, simulator, 0)
    return session, [session.create(n) for n in range(count)]


# -- 1. client overhead --------------------------------------------------------------------


def bench_overhead(profile: ApiProfile, calls: int, repeats: int) -> list[Row]:
    with simulator_process(profile.key, **profile.simulator_options) as root:
        base_url = root + entry(profile.key).base_path
        simulator = _default_simulator(profile)
        raw, ids = _seed(profile, base_url, 1, simulator)
        overlay = profile.overlay_client(base_url, simulator)
        record = ids[0]

        def overlay_calls() -> None:
            for _ in range(calls):
                profile.overlay_read(overlay, record)

        def raw_calls() -> None:
            # The same call as a bare-httpx user makes it: the record is wanted as data.
            for _ in range(calls):
                raw.read(record).raise_for_status().json()

        ratios: list[float] = []
        overlay_times: list[float] = []
        raw_times: list[float] = []
        for run in [overlay_calls, raw_calls] * 2:  # warm both paths (connections, imports, caches)
            run()
        # Many short interleaved rounds, alternating which goes first: load from other
        # processes on this shared machine then hits both sides of each ratio alike.
        for repeat in range(repeats):
            order = [(overlay_calls, overlay_times), (raw_calls, raw_times)]
            for run, times in order if repeat % 2 == 0 else reversed(order):
                start = time.perf_counter()
                run()
                times.append(time.perf_counter() - start)
            ratios.append(overlay_times[-1] / raw_times[-1])
        raw.client.close()
    ratio = statistics.median(ratios)
    per_call = statistics.median(overlay_times) / calls * 1e6
    return [
        Row("overhead", profile.key, f"{calls} sequential reads, overlay/raw", per_call,
            statistics.median(raw_times) / calls * 1e6, ratio, "<= 1.10", ratio <= 1.10, "us/call"),
    ]  # fmt: skip


# -- 2 and 3. throughput ---------------------------------------------------------------------


def _wrk(wrk: str, url: str, headers: dict[str, str], seconds: int, connections: int) -> float:
    argv = [wrk, "-t1", f"-c{connections}", f"-d{seconds}s"]
    for name, value in headers.items():
        argv += ["-H", f"{name}: {value}"]
    output = subprocess.run([*argv, url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx or 3xx responses" in output:
        raise BenchError(f"wrk saw failing responses from {url.split('?')[0]}")
    found = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not found:
        raise BenchError(f"wrk printed no rate for {url.split('?')[0]}")
    return float(found.group(1))


def bench_throughput(profile: ApiProfile, wrk: str, prism: str | None, seconds: int, rounds: int) -> list[Row]:
    rows: list[Row] = []
    connections = 32
    # Each simulator read is set against the trivial app sending the very same bytes (the
    # simulator's own answer, saved first), so the ratio is the cost of producing them; the
    # trivial app's 48-byte answer is reported too, for reference. Both servers run at once.
    # Each round loads a simulator read and its reference back to back, in the other order
    # the next round, and the median of the rounds' ratios is reported: this machine's rate
    # for one server drifts by a third over minutes, and one reference run before or after
    # (or even a few seconds apart) would measure that drift as much as the simulator.
    with contextlib.ExitStack() as stack:
        root = stack.enter_context(simulator_process(profile.key, **profile.simulator_options))
        base_url = root + entry(profile.key).base_path
        raw, ids = _seed(profile, base_url, 20, _default_simulator(profile))
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
        generate.generate(Path(out), keys)
        regenerate = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate.py"), "--check"], check=True, capture_output=True)
    check = time.perf_counter() - start
    return [
        Row(
            "generation",
            "all",
            f"regenerate {len(keys)} specs",
            regenerate,
            None,
            None,
            "< 10 s",
            regenerate < 10,
            "s",
        ),
        Row("generation", "all", "drift check", check, None, None, "< 10 s", check < 10, "s"),
    ]


# -- 5. contract ---------------------------------------------------------------------------


def bench_contract(profile: ApiProfile, max_examples: int) -> list[Row]:
    from partner_apis.simulators.harness import serve
    from partner_apis.specs import spec_path
    from tests.contract.runner import ContractRun, run_contract
    from tests.contract.targets import TARGETS

    target = TARGETS[profile.key]
    app = create_app(profile.key)
    with serve(app) as server:
        auth = target.simulator_auth(app)
        result = run_contract(
            ContractRun(
                spec=spec_path(profile.key),
                base_url=server.root_url + entry(profile.key).base_path,
                headers=auth.headers,
                hooks=auth.hooks or target.hooks,
                max_examples=max_examples,
                extra_env=auth.env,
                exclude_checks=target.exclude_checks,
            )
        )
    if not result.ok:
        # The row only counts failures: what failed goes to stderr, to be reproduced.
        print(f"bench: {profile.key} contract run failed:\n{result.output[-4000:]}", file=sys.stderr)
    rate = result.generated / result.seconds
    return [
        Row("contract", profile.key, f"Schemathesis cases/s ({result.generated} cases, {result.failures} failures)",
            rate, None, None, "0 failures", result.ok, "cases/s"),
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
        raise BenchError(f"auto-pagination saw {seen} sites, not {sites}")
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run only these sections (repeatable)")
    parser.add_argument("--api", action="append", help="only these APIs (default: every profile)")
    parser.add_argument("--quick", action="store_true", help="shorter runs, for a smoke test")
    parser.add_argument("--wrk", default=shutil.which("wrk"), help="the wrk binary")
    parser.add_argument("--prism", default=os.environ.get("PRISM") or shutil.which("prism"), help="the prism binary")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.json", help="where the JSON goes")
    args = parser.parse_args(argv)
    sections = args.only or list(SECTIONS)
    keys = args.api or sorted(PROFILES)
    try:
        unknown = sorted(set(keys) - set(PROFILES))
        if unknown:
            raise BenchError(f"no bench profile for {', '.join(unknown)}; known: {', '.join(sorted(PROFILES))}")
        if "throughput" in sections and not args.wrk:
            raise BenchError("wrk is not installed (apt-get install wrk, or pass --wrk)")
        rows: list[Row] = []
        calls, repeats, seconds, rounds = (20, 10, 1, 2) if args.quick else (25, 60, 1, 8)
        for key in keys:
            profile = PROFILES[key]
            if "overhead" in sections:
                rows += bench_overhead(profile, calls, repeats)
            if "throughput" in sections:
                rows += bench_throughput(profile, args.wrk, args.prism, seconds, rounds)
            if "contract" in sections:
                rows += bench_contract(profile, 20 if args.quick else 50)
        if "generation" in sections:
            rows += bench_generation()
        if "pagination" in sections:
            rows += bench_pagination(10_000 if args.quick else 100_000)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    print(table(rows))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps([asdict(row) for row in rows], indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

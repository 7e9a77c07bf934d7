"""The simulator CLI (``python -m partner_apis.simulators``): bad input, the banner, the access log.

Bad input ends with exactly one line on stderr and exit status 2, never a traceback; the
banner is printed only once the port is held and names the port really served; the
access log shows each request's line with credentials masked. The simulators' options
are refused the same way from code (``create_app``), which the fixture goes through.
"""

from __future__ import annotations

import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

import httpx
import pytest

from partner_apis.simulators.comm100_v4 import DEFAULT_CREDENTIALS as COMM100_V4_CREDENTIALS
from partner_apis.simulators.omnize_partner import DEFAULT_CREDENTIALS as OMNIZE_CREDENTIALS
from partner_apis.simulators.registry import SIMULATORS, create_app, entry

CLI = [sys.executable, "-m", "partner_apis.simulators"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI to completion (bad input: it must not start serving)."""
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60, check=False)


def one_line_refusal(completed: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a refused invocation, after checking exit 2, no banner, no traceback."""
    assert completed.returncode == 2, completed
    assert "Traceback" not in completed.stderr
    assert completed.stdout == ""  # no banner: nothing is served
    lines = completed.stderr.splitlines()
    assert len(lines) == 1, completed.stderr
    assert lines[0].startswith("partner-apis-simulate: ")
    return lines[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(
            ["no-such-api"],
            "no simulator for 'no-such-api'; known: " + ", ".join(sorted(SIMULATORS)),
            id="unknown key",
        ),
        pytest.param(
            ["comm100-v4", "--option", "seed_sites=5"],
            "comm100-v4 has no option 'seed_sites'; options given as NAME=VALUE: "
            "token_lifetime, refresh_token_lifetime",
            id="unknown option, the valid ones listed",
        ),
        pytest.param(
            ["comm100-v3", "--option", "seed_sites=many"],
            "option seed_sites takes an integer, not 'many'",
            id="integer option given a word",
        ),
        pytest.param(
            ["comm100-v3", "--option", "seed_sites=1.5"],
            "option seed_sites takes an integer, not '1.5'",
            id="integer option given a fraction",
        ),
        pytest.param(
            ["airvantage-partners", "--option", "start_delay=soon"],
            "option start_delay takes a number, not 'soon'",
            id="number option given a word",
        ),
        pytest.param(
            ["comm100-v3", "--option", "time_zone_field=tz"],
            "option time_zone_field takes one of 'timeZone', 'timezone', not 'tz'",
            id="choice option given another word",
        ),
        pytest.param(
            ["portsip-dealers", "--option", "installations=two"],
            "option installations takes an integer or none, not 'two'",
            id="optional integer given a word",
        ),
        pytest.param(
            ["comm100-v3", "--option", "clock=0"],
            "comm100-v3 has no command-line option 'clock'; options given as NAME=VALUE: "
            "token_lifetime, refresh_token_lifetime, time_zone_field, seed_sites",
            id="option only code can give",
        ),
        pytest.param(
            ["comm100-v3", "--option", "seed_sites"],
            "--option takes NAME=VALUE, not 'seed_sites'",
            id="option without a value",
        ),
        pytest.param(
            ["comm100-v3", "--option", "seed_sites=1", "--option", "seed_sites=2"],
            "option seed_sites is given twice",
            id="option given twice",
        ),
        pytest.param(
            ["comm100-v3", "--option", "seed_sites=-1"],
            "seed_sites must be >= 0, not -1",
            id="value the simulator refuses",
        ),
        pytest.param(
            ["comm100-v4", "--port", "http"],
            "argument --port: port must be a number 0-65535, not 'http' (see --help)",
            id="port not a number",
        ),
        pytest.param(
            ["comm100-v4", "--port", "65536"],
            "argument --port: port must be 0-65535, not 65536 (see --help)",
            id="port out of range",
        ),
        pytest.param(
            ["comm100-v4", "--verbose"],
            "unrecognized arguments: --verbose (see --help)",
            id="unknown flag",
        ),
        pytest.param(
            ["comm100-v4", "--host", "no-such-host.invalid", "--port", "0"],
            "cannot listen on no-such-host.invalid:0: ",
            id="host that does not resolve",
        ),
    ],
)
def test_bad_input_is_refused_with_one_line_and_exit_2(args: list[str], expected: str) -> None:
    line = one_line_refusal(run_cli(*args))
    assert line.removeprefix("partner-apis-simulate: ").startswith(expected), line


def test_a_port_in_use_is_refused_before_any_banner() -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        line = one_line_refusal(run_cli("comm100-v4", "--port", str(port)))
    assert line == f"partner-apis-simulate: cannot listen on 127.0.0.1:{port}: Address already in use"


class Lines:
    """A process's output stream, read line by line on a thread: waiting for a line never hangs a test."""

    def __init__(self, stream: IO[str] | None) -> None:
        assert stream is not None
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)  # end of the stream

    def next(self, count: int, timeout: float = 20.0) -> list[str]:
        """The next ``count`` lines; fails the test when they do not come in ``timeout`` seconds."""
        lines: list[str] = []
        deadline = time.monotonic() + timeout
        while len(lines) < count:
            try:
                line = self._queue.get(timeout=max(deadline - time.monotonic(), 0.0))
            except queue.Empty:
                line = None
            if line is None:
                pytest.fail(f"expected {count} lines, got {lines}")
            lines.append(line)
        return lines

    def rest(self) -> str:
        """Everything after the lines read so far, once the stream has ended."""
        self._thread.join(20)
        lines = []
        while (line := self._queue.get_nowait()) is not None:
            lines.append(line + "\n")
        return "".join(lines)


@dataclass
class Served:
    """A CLI process serving a simulator: its banner, and its stdout and stderr."""

    process: subprocess.Popen[str]
    banner: list[str]
    stdout: Lines
    stderr: Lines

    @property
    def base_url(self) -> str:
        return self.banner[0].rpartition(" on ")[2]

    def stop(self) -> tuple[str, str]:
        """Interrupt it as Ctrl-C would; the rest of its stdout and stderr."""
        self.process.send_signal(signal.SIGINT)
        self.process.wait(20)
        return self.stdout.rest(), self.stderr.rest()


@pytest.fixture
def serve_cli() -> Iterator[Callable[..., Served]]:
    started: list[subprocess.Popen[str]] = []

    def start(*args: str, banner_lines: int = 1) -> Served:
        process = subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(process)
        stdout, stderr = Lines(process.stdout), Lines(process.stderr)
        return Served(process, stdout.next(banner_lines), stdout, stderr)

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(20)


def test_port_0_serves_on_a_free_port_the_banner_names(serve_cli: Callable[..., Served]) -> None:
    served = serve_cli("comm100-v4", "--port", "0", banner_lines=1 + len(COMM100_V4_CREDENTIALS))
    assert served.banner[0].startswith("comm100-v4 simulator on http://127.0.0.1:")
    port = int(served.base_url.split(":")[2].split("/")[0])
    assert port != 0
    assert served.base_url == f"http://127.0.0.1:{port}/v4"
    # Listening already: a request right after the banner is answered (no token: 401).
    assert httpx.get(served.base_url + "/global/sites", timeout=10).status_code == 401
    out, err = served.stop()
    assert served.process.returncode == 130  # Ctrl-C: stopped, quietly
    assert "Traceback" not in err
    assert (out, err) == ("", "")  # and no access log unless asked for


def test_the_access_log_shows_each_request_with_credentials_masked(serve_cli: Callable[..., Served]) -> None:
    served = serve_cli("omnize-partner", "--port", "0", "--access-log", banner_lines=1 + len(OMNIZE_CREDENTIALS))
    token = OMNIZE_CREDENTIALS[0].token
    with httpx.Client(base_url=served.base_url, timeout=10) as http:
        http.get("/agents", params={"account_id": "1", "token": token})
        http.post("/accounts", json={"token": token, "license_quantity": 1})
    lines = served.stderr.next(2)
    base = entry("omnize-partner").base_path
    assert [line.split(" ", 2)[2] for line in lines] == [  # after the date and time
        f"GET {base}/agents?account_id=1&token=*** 200 " + lines[0].rpartition(" ")[2],
        f"POST {base}/accounts 200 " + lines[1].rpartition(" ")[2],
    ]
    assert all(line.endswith("ms") for line in lines)
    _, err = served.stop()
    assert token not in "\n".join(lines) + err


def test_the_access_log_never_shows_an_authorization_header(serve_cli: Callable[..., Served]) -> None:
    served = serve_cli("comm100-v4", "--port", "0", "--access-log", banner_lines=1 + len(COMM100_V4_CREDENTIALS))
    token = COMM100_V4_CREDENTIALS[0].token
    response = httpx.get(served.base_url + "/global/sites?status=open", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    [line] = served.stderr.next(1)
    assert line.split(" ", 2)[2].startswith("GET /v4/global/sites?status=open 200 ")
    _, err = served.stop()
    assert token not in line + err
    assert "Bearer" not in line + err


# From code (the fixture, running(), the benchmarks) the same options are refused the same
# way: by name and type, read off each simulator's create_app.


@pytest.mark.parametrize(
    ("key", "options", "message"),
    [
        ("comm100-v4", {"seed_sites": 5}, "comm100-v4 has no option 'seed_sites'; its options: credentials, "),
        ("comm100-v3", {"seed_sites": "5"}, "option seed_sites of comm100-v3 takes an integer, not str"),
        ("comm100-v3", {"token_lifetime": True}, "option token_lifetime of comm100-v3 takes an integer, not bool"),
        ("comm100-v3", {"time_zone_field": "tz"}, "option time_zone_field of comm100-v3 takes one of 'timeZone', "),
        ("airvantage-partners", {"start_delay": "0"}, "option start_delay of airvantage-partners takes a number, "),
        ("comm100-v4", {"clock": 0.0}, "option clock of comm100-v4 takes Callable[[], float], not float"),
        ("omnize-partner", {"credentials": "token"}, "option credentials of omnize-partner takes Iterable[Credential]"),
    ],
)
def test_create_app_refuses_an_unknown_option_or_a_wrong_type(key: str, options: dict[str, Any], message: str) -> None:
    with pytest.raises(TypeError) as caught:
        create_app(key, **options)
    assert str(caught.value).startswith(message), caught.value


def test_a_credential_given_as_the_wrong_type_is_not_echoed() -> None:
    with pytest.raises(TypeError) as caught:
        create_app("omnize-partner", credentials="partner-token-123")
    assert "partner-token-123" not in str(caught.value)


def test_create_app_takes_options_of_the_declared_types() -> None:
    app = create_app("comm100-v3", seed_sites=3, token_lifetime=60, clock=lambda: 0.0, time_zone_field="timezone")
    owner = next(iter(app.state.simulator.credentials.values())).partner_id
    assert len(app.state.simulator.sites.of(owner)) == 3
    # An integer is a fine number of seconds; None is an optional option's default.
    create_app("airvantage-partners", start_delay=0)
    create_app("portsip-dealers", installations=None)


@pytest.mark.parametrize(
    ("key", "texts", "options"),
    [
        (
            "comm100-v3",
            ["seed_sites=1000", "time_zone_field=timezone"],
            {"seed_sites": 1000, "time_zone_field": "timezone"},
        ),
        ("airvantage-partners", ["start_delay=0.5", "token_lifetime=5"], {"start_delay": 0.5, "token_lifetime": 5}),
        ("portsip-dealers", ["installations=none"], {"installations": None}),
        ("portsip-dealers", ["installations=3"], {"installations": 3}),
    ],
)
def test_command_line_options_are_typed_as_create_app_declares(
    key: str, texts: Sequence[str], options: dict[str, Any]
) -> None:
    parsed = entry(key).parse_options(texts)
    assert parsed == options
    # 5 == 5.0 and True == 1: the types are part of what is checked.
    assert {name: type(value) for name, value in parsed.items()} == {
        name: type(value) for name, value in options.items()
    }

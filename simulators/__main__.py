"""Run a simulator from the command line: ``python -m partner_apis.simulators comm100-v4 --port 8080``.

Also installed as ``partner-apis-simulate`` and run by ``nox -s simulate -- <key> --port N``.

Bad input (an unknown key or option, a value of the wrong type, a port that cannot be
listened on) ends with one line on stderr and exit status 2, never a traceback. The
banner goes to stdout once the port is held, so it always names the port really served
(``--port 0`` picks a free one). ``--access-log`` writes one line per request to stderr.
``--faults PROFILE --fault-seed N`` serves the simulator with a fault profile (a shipped
name or a TOML file; see ``partner_apis.simulators.harness.faults``).
"""

from __future__ import annotations

import argparse
import gc
import logging
import socket
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from .registry import SIMULATORS, entry

if TYPE_CHECKING:
    from starlette.applications import Starlette

PROG = "partner-apis-simulate"


class _Parser(argparse.ArgumentParser):
    """argparse with its errors on one line (argparse prints the whole usage first)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"port must be a number 0-65535, not {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0-65535, not {port}")
    return port


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` and listening; raises ``OSError`` (``socket.gaierror`` for a bad host)."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _, address = found[0]
    sock = socket.socket(family, kind, proto)
    try:
        # What uvicorn does with the sockets it makes: restart without waiting out TIME_WAIT.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock


def _access_log() -> None:
    # This process is the program, not a library in someone's host: it may set up a handler.
    logger = logging.getLogger("partner_apis.simulators.access")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and serve one simulator until interrupted.

    Returns 2 after one line on stderr for bad input or a port that cannot be listened
    on, 130 when interrupted with Ctrl-C, 0 otherwise.
    """
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # Ctrl-C while starting, or the one uvicorn raises again after stopping gracefully.
        return 130


def _main(argv: Sequence[str] | None) -> int:
    parser = _Parser(prog=PROG, description="Serve a stateful simulated partner API.")
    parser.add_argument("key", help=f"the API to simulate: {', '.join(sorted(SIMULATORS))}")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=8080, help="port to listen on (default 8080; 0 picks a free one)")
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an option of the simulator's create_app, typed as it declares (seed_sites=1000), repeatable",
    )
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="log each request to stderr: method, path and query (credentials masked), status, milliseconds, fault",
    )
    parser.add_argument(
        "--faults",
        metavar="PROFILE",
        help="inject a fault profile: flaky, rate-limited, slow, vendor-outage, or a TOML file's path",
    )
    parser.add_argument(
        "--fault-seed", type=int, default=0, metavar="N", help="the seed of the fault draws (default 0)"
    )
    args = parser.parse_args(argv)
    try:
        simulator = entry(args.key)
    except KeyError as error:
        parser.exit(2, f"{PROG}: {error.args[0]}\n")

    from .registry import create_app

    try:
        options = simulator.parse_options(args.option)
        if args.faults is not None:
            options.update(faults=args.faults, fault_seed=args.fault_seed)
        app = create_app(args.key, **options)
    except (ValueError, TypeError) as error:
        parser.exit(2, f"{PROG}: {error}\n")
    try:
        sock = _listen(args.host, args.port)
    except OSError as error:
        # gaierror and friends carry their text in strerror; a few OSErrors only in args.
        reason = error.strerror or str(error)
        parser.exit(2, f"{PROG}: cannot listen on {args.host}:{args.port}: {reason}\n")
    return _serve(app, sock, args.key, simulator.base_path, access_log=args.access_log)


def _serve(app: Starlette, sock: socket.socket, key: str, base_path: str, *, access_log: bool) -> int:
    """Print the banner for the held socket, then serve on it until interrupted."""
    import uvicorn

    from .harness import AccessLog

    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"{key} simulator on http://{shown}:{port}{base_path}", flush=True)
    for credential in getattr(app.state.simulator, "credentials", {}).values():
        print(f"  {credential!r}", flush=True)
    faults = getattr(app, "faults", None)
    if faults is not None:
        print(f"  faults: {faults.profile.name} (seed {faults.seed})", flush=True)
    if access_log:
        _access_log()
    config = uvicorn.Config(
        AccessLog(app) if access_log else app, log_level="warning", lifespan="off", access_log=False
    )
    # Everything built so far (the specs, compiled validators, seeded state) lives as long
    # as the server: frozen, the collector stops scanning it on each full collection.
    gc.freeze()
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

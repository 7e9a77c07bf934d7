"""Run a simulator from the command line: ``python -m partner_apis.simulators comm100-v4 --port 8080``.

Also installed as ``partner-apis-simulate`` and run by ``nox -s simulate -- <key> --port N``.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from .registry import SIMULATORS, create_app, entry


def _option(text: str) -> tuple[str, int | float | str]:
    """``seed_sites=1000`` -> ("seed_sites", 1000); raises ValueError without a '='."""
    name, sep, value = text.partition("=")
    if not sep or not name.isidentifier():
        raise ValueError(f"--option takes NAME=VALUE, not {text!r}")
    for kind in (int, float):
        try:
            return name, kind(value)
        except ValueError:
            pass
    return name, value


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and serve one simulator until interrupted; 2 on a usage error."""
    parser = argparse.ArgumentParser(
        prog="partner-apis-simulate", description="Serve a stateful simulated partner API."
    )
    parser.add_argument("key", help=f"the API to simulate: {', '.join(sorted(SIMULATORS))}")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080; 0 picks a free one)")
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an option of the simulator's create_app (integers and floats are converted), repeatable",
    )
    args = parser.parse_args(argv)
    try:
        simulator = entry(args.key)
    except KeyError as error:
        parser.exit(2, f"partner-apis-simulate: {error.args[0]}\n")
    if not 0 <= args.port <= 65535:
        parser.exit(2, f"partner-apis-simulate: port must be 0-65535, not {args.port}\n")

    import uvicorn

    try:
        options = dict(_option(text) for text in args.option)
        app = create_app(args.key, **options)
    except (ValueError, TypeError) as error:
        parser.exit(2, f"partner-apis-simulate: {error}\n")
    credentials = getattr(app.state.simulator, "credentials", {})
    print(f"{args.key} simulator on http://{args.host}:{args.port}{simulator.base_path}", flush=True)
    for credential in credentials.values():
        print(f"  {credential!r}", flush=True)
    # Everything built so far (the specs, compiled validators, seeded state) lives as long
    # as the server: frozen, the collector stops scanning it on each full collection.
    gc.freeze()
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning", lifespan="off", access_log=False)
    except OSError as error:
        print(
            f"partner-apis-simulate: cannot listen on {args.host}:{args.port}: {error.strerror}",
            file=sys.stderr,
        )
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m partner_apis.drift [--api KEY] [--out DIR] [--check] FILE...``: the drift report of HAR files.

Writes ``DIR/drift.md`` and ``DIR/drift.json`` (default ``reports/<api>/``) and prints
one summary line. ``--api`` may be left out when the files' URLs identify one API by
the server paths of its operations. Exit status: 0 (1 with ``--check`` when there is
drift); 2, with one line on stderr, for input it cannot read (a missing file, a file
that is not HAR, an unknown API key) or a bad option.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from .har import DriftInputError

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, as for every other bad input (argparse would print the usage first).
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m partner_apis.drift",
        description="Report where answers recorded in HAR files disagree with an API's spec.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="HAR files (browser, proxy, Schemathesis)")
    parser.add_argument("--api", help="the API's key (comm100-v4, ...); default: the one the files' URLs match")
    parser.add_argument("--out", type=Path, help="the report's folder (default: reports/<api>/)")
    parser.add_argument("--check", action="store_true", help="exit 1 when the report finds drift")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        from .report import detect_api, write_report
    except ImportError as missing:  # an install without the drift extra
        package = (missing.name or "jsonschema").split(".")[0]
        print(f"{parser.prog}: error: needs {package}: pip install 'partner-apis[drift]'", file=sys.stderr)
        return 2
    try:
        api = args.api or detect_api(args.files)
        out = args.out or Path("reports") / api
        report = write_report(api, args.files, out)
    except (DriftInputError, OSError) as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2
    verdict = "no drift" if report.ok else f"{len(report.entries)} disagreements"
    print(f"{api}: {verdict} in {report.compared} of {report.exchanges} exchanges; wrote {out}/drift.md and drift.json")
    return 1 if args.check and not report.ok else 0


if __name__ == "__main__":
    sys.exit(main())

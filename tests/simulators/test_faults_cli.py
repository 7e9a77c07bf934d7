"""The CLI's ``--faults PROFILE --fault-seed N``: a bad profile is one line and exit 2, a good one served and logged."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from partner_apis.simulators.comm100_v4 import DEFAULT_CREDENTIALS

from .test_cli import Served, one_line_refusal, run_cli, serve_cli

__all__ = ["serve_cli"]  # the fixture, used here


def test_an_unknown_profile_is_refused_with_one_line_naming_the_shipped_ones() -> None:
    line = one_line_refusal(run_cli("comm100-v4", "--faults", "flakey"))
    assert line == (
        "partner-apis-simulate: fault profile 'flakey': not a shipped profile"
        " (flaky, rate-limited, slow, vendor-outage) nor a readable file: No such file or directory"
    )


def test_a_seed_that_is_not_a_number_is_refused_with_one_line() -> None:
    line = one_line_refusal(run_cli("comm100-v4", "--faults", "flaky", "--fault-seed", "seven"))
    assert "--fault-seed: invalid int value: 'seven'" in line


def test_a_profile_is_served_named_in_the_banner_and_each_fault_in_the_access_log(
    serve_cli: Callable[..., Served],
) -> None:
    served = serve_cli(
        "comm100-v4", "--port", "0", "--faults", "rate-limited", "--fault-seed", "3", "--access-log",
        banner_lines=2 + len(DEFAULT_CREDENTIALS),
    )  # fmt: skip
    assert served.banner[-1] == "  faults: rate-limited (seed 3)"
    token = DEFAULT_CREDENTIALS[0].token
    statuses = [
        httpx.get(served.base_url + "/global/sites", headers={"Authorization": f"Bearer {token}"}).status_code
        for _ in range(40)
    ]
    assert 429 in statuses
    assert 200 in statuses
    _, err = served.stop()
    assert err.count(" 429 ") == statuses.count(429)
    assert err.count("fault=rate-limit") == statuses.count(429)

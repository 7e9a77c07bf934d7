"""Waiting for something that finishes later: polls with backoff, a deadline, the last state on timeout."""

from __future__ import annotations

import pytest

from partner_apis.overlays.runtime import WaitTimeoutError, await_until, wait_until
from partner_apis.testing import ManualClock


class Job:
    """Something polled: done after ``polls_needed`` polls; every sleep moves the clock."""

    def __init__(self, clock: ManualClock, polls_needed: int) -> None:
        self.clock = clock
        self.polls_needed = polls_needed
        self.polls = 0
        self.waits: list[float] = []

    def poll(self) -> int:
        self.polls += 1
        return self.polls

    def done(self, polls: int) -> bool:
        return polls >= self.polls_needed

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.clock.now += seconds


def test_polls_at_once_then_backs_off_doubling_up_to_the_longest_wait() -> None:
    clock = ManualClock()
    job = Job(clock, polls_needed=5)
    assert wait_until(job.poll, job.done, sleep=job.sleep, clock=clock, first_poll=1, max_poll=3) == 5
    assert job.waits == [1, 2, 3, 3]


def test_the_deadline_ends_the_wait_with_the_last_state_and_no_sleep_past_it() -> None:
    clock = ManualClock()
    job = Job(clock, polls_needed=100)
    with pytest.raises(WaitTimeoutError) as raised:
        wait_until(job.poll, job.done, sleep=job.sleep, clock=clock, timeout=10, first_poll=4, max_poll=4)
    assert job.waits == [4, 4, 2]
    assert raised.value.last == 4
    assert raised.value.waited == 10


def test_an_api_names_its_own_timeout_error() -> None:
    class StillRunning(WaitTimeoutError):
        pass

    clock = ManualClock()
    job = Job(clock, polls_needed=100)
    with pytest.raises(StillRunning):
        wait_until(job.poll, job.done, sleep=job.sleep, clock=clock, timeout=0, timeout_error=StillRunning)


@pytest.mark.parametrize("waiting", [{"timeout": -1}, {"first_poll": 0}, {"first_poll": 5, "max_poll": 2}])
def test_impossible_waits_are_refused_before_any_poll(waiting: dict[str, float]) -> None:
    job = Job(ManualClock(), polls_needed=1)
    with pytest.raises(ValueError, match="polling"):
        wait_until(job.poll, job.done, **waiting)  # type: ignore[arg-type]
    assert job.polls == 0


@pytest.mark.anyio
async def test_the_async_wait_polls_and_sleeps_the_same_way() -> None:
    clock = ManualClock()
    job = Job(clock, polls_needed=3)

    async def poll() -> int:
        return job.poll()

    async def sleep(seconds: float) -> None:
        job.sleep(seconds)

    assert await await_until(poll, job.done, sleep=sleep, clock=clock) == 3
    assert job.waits == [1, 2]

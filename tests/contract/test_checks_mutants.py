"""The planted-bugs catalogue and its runner (tests/contract/mutants): it tracks the code, and refuses drift."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.contract.mutants.run import CatalogueError, Mutant, Outcome, apply, check_catalogue, load, selection, table
from tests.contract.targets import TARGETS


def test_the_catalogue_plants_at_least_five_bugs_in_every_api_and_thirty_in_all() -> None:
    mutants = load()
    per_api = Counter(mutant.api for mutant in mutants)
    assert len(mutants) >= 30
    assert set(per_api) == set(TARGETS)
    assert min(per_api.values()) >= 5, per_api
    assert all(mutant.why and mutant.old != mutant.new for mutant in mutants)


def test_every_mutant_applies_to_the_code_as_it_is() -> None:
    check_catalogue(load())


def test_a_snippet_found_other_than_once_stops_the_run(tmp_path: Path) -> None:
    (tmp_path / "simulators").mkdir()
    (tmp_path / "simulators" / "app.py").write_text("a = 1\na = 1\nb = 2\n", encoding="utf-8")
    twice = Mutant("twice", "comm100-v3", "paging", "simulators/app.py", "a = 1", "a = 0", "why")
    with pytest.raises(CatalogueError, match="2 times, not once"):
        apply(twice, tmp_path)
    missing = Mutant("missing", "comm100-v3", "paging", "simulators/app.py", "c = 3", "c = 0", "why")
    with pytest.raises(CatalogueError, match="0 times, not once"):
        apply(missing, tmp_path)
    once = Mutant("once", "comm100-v3", "paging", "simulators/app.py", "b = 2", "b = 0", "why")
    apply(once, tmp_path)
    assert (tmp_path / "simulators" / "app.py").read_text(encoding="utf-8") == "a = 1\na = 1\nb = 0\n"


def test_each_api_runs_alone_and_the_table_says_what_happened() -> None:
    assert selection("omnize-partner") == "omnize-partner and not omnize-partner-v2"
    assert selection("comm100-v4") == "comm100-v4"
    mutant = Mutant("v", "comm100-v4", "paging", "f.py", "a", "b", "why")
    text = table([Outcome("comm100-v4", mutant, "killed", 12.4, "")])
    assert "| v | comm100-v4 | paging | killed | 12 |" in text

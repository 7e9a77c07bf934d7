"""The harness's record store (``Owned``) and answers shaped by a spec schema (``SchemaAnswer``)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum

import pytest

from partner_apis.simulators.harness import Owned, SchemaAnswer, every_word_in


@dataclass
class Thing:
    id: int
    name: str


def _tree() -> tuple[Owned[Thing], Owned[Thing], Owned[Thing]]:
    accounts: Owned[Thing] = Owned(100)
    return accounts, Owned(1, within=accounts), Owned(500, within=accounts)


def test_ids_come_from_the_sequence_and_are_never_reused() -> None:
    things: Owned[Thing] = Owned(7)
    first = things.add("a", lambda record_id: Thing(record_id, "first"))
    things.remove(first.id)
    second = things.add("a", lambda record_id: Thing(record_id, "second"))
    assert (first.id, second.id) == (7, 8)
    assert list(things) == [second]
    assert len(things) == 1


def test_another_partys_record_reads_as_an_unknown_one() -> None:
    things: Owned[Thing] = Owned(1)
    mine = things.add("a", lambda record_id: Thing(record_id, "mine"))
    assert things.get("a", mine.id) is mine
    assert things.get("b", mine.id) is None
    assert things.get("a", 99) is None
    assert things.of("a") == [mine]
    assert things.of("b") == []


def test_a_record_within_another_table_belongs_to_whoever_owns_its_owner() -> None:
    accounts, agents, _ = _tree()
    account = accounts.add("partner-a", lambda record_id: Thing(record_id, "acme"))
    agent = agents.add(account.id, lambda record_id: Thing(record_id, "ana"))
    assert agents.get("partner-a", agent.id) is agent
    assert agents.get("partner-b", agent.id) is None
    # Its direct owner is the account, not the partner.
    assert agents.of(account.id) == [agent]
    assert agents.get(account.id, agent.id) is None


def test_removing_a_record_removes_what_it_owns_in_the_tables_within_and_nothing_else() -> None:
    accounts, agents, departments = _tree()
    gone = accounts.add("p", lambda record_id: Thing(record_id, "gone"))
    kept = accounts.add("p", lambda record_id: Thing(record_id, "kept"))
    for account in (gone, kept):
        agents.add(account.id, lambda record_id: Thing(record_id, "agent"))
        departments.add(account.id, lambda record_id: Thing(record_id, "department"))
    accounts.remove(gone.id)
    assert list(accounts) == [kept]
    assert [len(agents), len(departments)] == [1, 1]
    assert agents.of(gone.id) == []
    assert departments.of(gone.id) == []
    assert len(agents.of(kept.id)) == 1
    accounts.remove(gone.id)  # an unknown id is ignored
    with pytest.raises(KeyError):
        accounts[gone.id]


class Flag(IntEnum):
    OFF = 0
    ON = 1


class Colour(Enum):
    RED = "red"


@dataclass
class Record:
    id: int
    name: str
    ativo: Flag
    channels: tuple[Colour, ...]
    secret_kept_apart: str = "hunter2"


def test_an_answer_has_every_schema_property_in_order_from_the_record_constants_and_values() -> None:
    department = SchemaAnswer("omnize-partner", "Department")
    answer = department(Record(3, "Sales", Flag.ON, (Colour.RED,)), description="given")
    assert answer == {"id": 3, "account_id": None, "name": "Sales", "description": "given", "ativo": 1,
                      "channels": ["red"]}  # fmt: skip
    assert list(answer) == ["id", "account_id", "name", "description", "ativo", "channels"]
    assert type(answer["ativo"]) is int
    assert "secret_kept_apart" not in answer


def test_a_constant_must_be_a_property_of_the_schema() -> None:
    assert SchemaAnswer("omnize-partner", "Department", account_id=7)(object())["account_id"] == 7
    with pytest.raises(ValueError, match="no property colour"):
        SchemaAnswer("omnize-partner", "Department", colour="red")
    with pytest.raises(KeyError):
        SchemaAnswer("omnize-partner", "NoSuchSchema")


def test_an_answer_may_be_projected_on_fields_in_their_order_and_leave_out_nulls() -> None:
    department = SchemaAnswer("omnize-partner", "Department")
    record = Record(3, "Sales", Flag.ON, ())
    assert department(record, fields=["name", "id", "description"]) == {"name": "Sales", "id": 3, "description": None}
    assert list(department(record, fields=["name", "id"])) == ["name", "id"]
    assert department(record, fields=["description", "id"], omit_null=True) == {"id": 3}
    assert "account_id" not in department(record, omit_null=True)
    with pytest.raises(KeyError):
        department(record, fields=["colour"])


@pytest.mark.parametrize(
    ("search", "found"),
    [("", True), ("sales", True), ("SALES ops", True), ("sal ps", True), ("sales hr", False), ("7", False)],
)
def test_a_keyword_search_finds_every_word_in_some_text_in_any_case(search: str, found: bool) -> None:
    assert every_word_in(search, ["Sales", None, 7, "Ops team"]) is found


def test_ids_may_come_from_a_function_and_require_raises_the_tables_own_refusal() -> None:
    uids = iter(["b7", "c9"])
    things: Owned[Thing] = Owned(lambda: next(uids), missing=lambda uid: LookupError(f"{uid} unknown"))
    thing = things.add("a", lambda uid: Thing(0, uid))
    assert thing.name == "b7"
    assert things.require("a", "b7") is thing
    with pytest.raises(LookupError, match="b7 unknown"):
        things.require("b", "b7")

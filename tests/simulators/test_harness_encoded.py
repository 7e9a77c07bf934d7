"""Answers encoded once: the same bytes as encoding the value each time, whatever the value holds."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partner_apis.simulators.harness import Encoded
from partner_apis.simulators.harness.encoded import dumps

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=["Cs"])),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip


@given(records=st.lists(_json, max_size=5), envelope=_json)
def test_an_answer_of_encoded_records_is_the_answer_of_the_records(records: list[Any], envelope: Any) -> None:
    encoded = {"items": [Encoded(record) for record in records], "extra": envelope}
    plain = {"items": records, "extra": envelope}
    assert json.loads(dumps(encoded)) == json.loads(dumps(plain))
    assert dumps(encoded) == dumps(plain)


def test_values_orjson_refuses_fall_back_to_ascii_json_with_encoded_parts_kept() -> None:
    # A lone surrogate (a client may send "\ud800" and get it echoed) and a 65-bit integer.
    body = {"echo": "\ud800", "big": 2**65, "items": [Encoded({"id": 1, "name": "é"})]}
    assert dumps(body) == b'{"echo":"\\ud800","big":36893488147419103232,"items":[{"id":1,"name":"\\u00e9"}]}'


def test_a_record_holding_a_value_json_cannot_encode_is_refused_when_encoded() -> None:
    with pytest.raises(TypeError):
        Encoded({"when": object()})
    with pytest.raises(TypeError):
        dumps({"items": [object()]})

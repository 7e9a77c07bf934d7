"""The compatibility module stops the contract suite on a Schemathesis version it was not written for.

Every use of a Schemathesis internal goes through ``tests/contract/compat.py``; these
tests pin what it promises: it accepts only the version it names (the installed one),
refuses any other with one line that says what to re-check, and the failure codes it
names are the built-in failures the hooks modules mean.
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis import GenerationMode
from schemathesis.failure_codes import FAILURE_CLASSES

from . import compat


def test_it_was_written_for_the_installed_version() -> None:
    assert version("schemathesis") == compat.WRITTEN_FOR
    compat.check_version(version("schemathesis"))


@pytest.mark.parametrize("other", ["4.32.6", "4.33.0", "5.0.0", "4.32.5.dev0", "4.32"])
def test_another_version_is_refused_with_one_line_saying_what_to_recheck(other: str) -> None:
    with pytest.raises(RuntimeError) as refused:
        compat.check_version(other)
    message = str(refused.value)
    assert "\n" not in message
    assert f"written for Schemathesis {compat.WRITTEN_FOR}, not {other}" in message
    assert "re-check each internal it lists" in message


def test_the_failure_codes_are_the_built_in_failures_the_hooks_excuse() -> None:
    by_code = {failure.code: failure.__name__ for failure in FAILURE_CLASSES}
    assert by_code[compat.ACCEPTED_NEGATIVE_DATA] == "AcceptedNegativeData"
    assert by_code[compat.REJECTED_POSITIVE_DATA] == "RejectedPositiveData"
    assert by_code[compat.CREATED_RESOURCE_NOT_FOUND] == "EnsureResourceAvailability"


def _items_operation() -> Any:
    raw = {
        "openapi": "3.1.0",
        "info": {"title": "items", "version": "1"},
        "paths": {
            "/items": {
                "post": {
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"type": "object", "required": ["n"]}}},
                    },
                    "responses": {"200": {"description": "created"}},
                }
            }
        },
    }
    return schemathesis.openapi.from_dict(raw)["/items"]["POST"]


@pytest.mark.parametrize(("mode", "valid"), [(GenerationMode.POSITIVE, True), (GenerationMode.NEGATIVE, False)])
def test_generated_valid_is_the_generation_mode_of_the_case(mode: GenerationMode, valid: bool) -> None:
    strategy = _items_operation().as_strategy(generation_mode=mode)
    case = hypothesis.find(strategy, lambda case: True, settings=hypothesis.settings(database=None))
    assert compat.generated_valid(case) is valid


def test_a_case_schemathesis_did_not_generate_is_not_generated_valid() -> None:
    assert compat.generated_valid(_items_operation().Case(body={"n": 1})) is False


def test_the_shape_failures_are_the_built_in_failures_about_an_answers_shape() -> None:
    by_code = {failure.code: failure.__name__ for failure in FAILURE_CLASSES}
    assert {by_code[code] for code in compat.SHAPE_FAILURES} == {
        "MissingContentType",
        "UndefinedContentType",
        "MalformedMediaType",
        "MissingHeaders",
        "JsonSchemaError",
        "MalformedJson",
        "ContentDeserializationError",
        "DiscriminatorMismatch",
    }


def test_the_test_case_header_names_each_request_a_case_sends() -> None:
    case = _items_operation().Case(body={"n": 1})
    assert compat.TEST_CASE_HEADER == "X-Schemathesis-TestCaseId"
    assert case.as_transport_kwargs(base_url="http://127.0.0.1:1")["headers"][compat.TEST_CASE_HEADER] == case.id

"""Secrets in the generated code: what a spec marks ``format: password`` never shows in a repr.

Every spec marks each credential it carries (passwords, their SHA-256 digests, tokens,
client secrets) ``format: password``. The generated attrs models leave those attributes
out of their repr, the generated ``AuthenticatedClient`` its token, and the pydantic
models hold them as ``SecretStr``: a model or client logged at DEBUG, or shown in a
traceback, shows no secret. The marked properties are read from the specs themselves,
so a secret added to a spec is covered here without a change to this file.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import attrs
import pytest
from pydantic import BaseModel, SecretStr

from partner_apis.specs import load_spec

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import generate

KEYS = generate.all_keys()
SECRET = "s3cr3t-value-that-must-not-show"


def _module(key: str) -> str:
    return key.replace("-", "_")


def marked_properties(key: str) -> Iterator[tuple[str, str]]:
    """(component schema, property) for every property the spec marks ``format: password``."""
    for schema_name, schema in load_spec(key)["components"]["schemas"].items():
        for name, prop in schema.get("properties", {}).items():
            if prop.get("format") == "password":
                yield schema_name, name


MARKED = [(key, schema, name) for key in KEYS for schema, name in marked_properties(key)]
# What the generator hides in each API: every name its spec marks, at any depth.
HIDDEN = {key: generate.secret_properties(load_spec(key)) for key in KEYS}


@pytest.mark.parametrize("key", KEYS)
def test_every_secret_a_spec_marks_is_a_property_of_a_component_schema(key: str) -> None:
    # What the generator hides (every marked property name, at any depth) is what this
    # file checks: a secret marked inside an inline schema would escape the checks below.
    assert sorted({name for _, name in marked_properties(key)}) == HIDDEN[key]
    assert any(True for _ in marked_properties(key)), f"{key} marks no secret"


def _attrs_instance(cls: type, secret_name: str) -> Any:
    """An instance of a generated attrs model with every attribute set, ``secret_name`` to SECRET."""
    instance: Any = object.__new__(cls)
    for field in attrs.fields(cls):
        value: Any = {} if field.name == "additional_properties" else f"shown-{field.name}"
        setattr(instance, field.name, SECRET if field.name == secret_name else value)
    return instance


@pytest.mark.parametrize(("key", "schema", "name"), MARKED)
def test_a_generated_attrs_model_leaves_a_marked_secret_out_of_its_repr(key: str, schema: str, name: str) -> None:
    cls = getattr(importlib.import_module(f"{_module(key)}_client.models"), schema)
    shown = repr(_attrs_instance(cls, name))
    assert SECRET not in shown
    # Only secrets are left out: every other attribute still shows.
    for field in attrs.fields(cls):
        if field.name not in {*HIDDEN[key], "additional_properties"}:
            assert f"shown-{field.name}" in shown, field.name


@pytest.mark.parametrize(("key", "schema", "name"), MARKED)
def test_a_generated_pydantic_model_holds_a_marked_secret_as_secret_str(key: str, schema: str, name: str) -> None:
    model = getattr(importlib.import_module(f"partner_apis.models.{_module(key)}"), schema)
    assert issubclass(model, BaseModel)
    annotation = model.model_fields[name].annotation
    assert annotation is SecretStr or SecretStr in get_args(annotation), annotation


@pytest.mark.parametrize("key", KEYS)
def test_the_generated_authenticated_client_leaves_its_token_out_of_its_repr(key: str) -> None:
    package = importlib.import_module(f"{_module(key)}_client")
    client = package.AuthenticatedClient(base_url="http://127.0.0.1:9", token=SECRET)
    shown = repr(client)
    assert SECRET not in shown
    assert "127.0.0.1:9" in shown
    # The token still authenticates: the header the httpx client sends carries it.
    assert client.get_httpx_client().headers["Authorization"] == f"Bearer {SECRET}"
    client.get_httpx_client().close()


def test_a_secret_leaves_a_generated_request_model_s_wire_form_unchanged() -> None:
    # Hidden from the repr only: to_dict (what goes on the wire) still carries it.
    from portsip_dealers_client.models import DealerCreate, DealerLevel

    dealer = DealerCreate(level=DealerLevel.RESELLER, name="d", password=SECRET)
    assert SECRET not in repr(dealer)
    assert dealer.to_dict()["password"] == SECRET
    assert DealerCreate.from_dict(dealer.to_dict()).password == SECRET

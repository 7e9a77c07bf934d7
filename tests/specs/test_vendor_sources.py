"""Facts taken from a vendor's other material carry their source (specs/CONVENTIONS.md, "Sources").

Every ``x-source`` names a document and section, or a repository file; a file of a
repository is cited at a commit, so the fact can be checked against exactly what was read.
The specs that use sources beyond the seed doc say so at the top (``info.x-source``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from partner_apis.specs import keys, load_spec

# The vendors' repositories the specs read: a citation of one of their files names a commit.
REPOSITORIES = (
    "portsip/portsip-knowledge-base",
    "AirVantage/airvantage-api-go",
    "AirVantage/av-phone-android",
    "sebz/airvantage.js",
)
COMMIT = re.compile(r"@[0-9a-f]{7,40}\b")
# The specs brought in line with what their vendors publish themselves (issue 18).
WITH_SOURCES = ("portsip-dealers", "airvantage-partners", "comm100-v4")


def _sources(node: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    """Every ``x-source`` value in a spec, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "x-source":
                yield where, value
            else:
                yield from _sources(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _sources(value, f"{where}/{index}")


def _citations(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value) if isinstance(value, list) else [value]


@pytest.mark.parametrize("key", keys())
def test_every_source_is_text_naming_something(key: str) -> None:
    for where, value in _sources(load_spec(key)):
        citations = _citations(value)
        assert citations, f"{key}{where}: an empty x-source"
        for citation in citations:
            assert isinstance(citation, str), f"{key}{where}: x-source {citation!r} is not text"
            assert len(citation.split()) >= 2, f"{key}{where}: x-source {citation!r} names no document and part"


@pytest.mark.parametrize("key", keys())
def test_a_vendor_repository_file_is_cited_at_a_commit(key: str) -> None:
    for where, value in _sources(load_spec(key)):
        for citation in _citations(value):
            for repository in REPOSITORIES:
                if repository in citation:
                    assert COMMIT.search(citation), f"{key}{where}: {citation!r} cites {repository} without a commit"


@pytest.mark.parametrize("key", WITH_SOURCES)
def test_the_specs_with_other_sources_say_so_at_the_top_and_use_them(key: str) -> None:
    spec = load_spec(key)
    assert "x-source" in spec["info"], f"{key}: info names no source"
    assert len(list(_sources(spec["paths"]))) + len(list(_sources(spec["components"]))) >= 3, key

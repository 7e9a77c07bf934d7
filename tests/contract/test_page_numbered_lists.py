"""Omnize's paged lists (v1's agents and accounts, v2's agents and departments) judged by the suite's paging walk.

The lists page by ``page``/``limit`` and their pages give no total, so the walk
(checks/paging.py's :func:`walk` and :func:`judge`) reads every page at page sizes around
the boundaries of a known number of records: a total that is an exact multiple of the
size (the last page full, the page after it empty), one that is not, size 1 and a size
larger than the list. Each walk must hold every record once, no page larger than the
size, and the same records whatever the size. The bugs a pager has (pages that overlap,
skip a record, or ignore ``page``) are planted in the simulators' one pager and must be
caught.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import schemathesis

from partner_apis.simulators.harness import serve
from partner_apis.simulators.omnize_partner import app as v1_app
from partner_apis.simulators.omnize_partner import create_app as create_v1_app
from partner_apis.simulators.omnize_partner_v2 import app as v2_app
from partner_apis.simulators.omnize_partner_v2 import create_app as create_v2_app
from partner_apis.specs import api_spec, spec_path
from tests.contract.checks.common import Api, Identity
from tests.contract.checks.paging import boundary_sizes, find_paging, judge, walk
from tests.contract.hooks.omnize_partner_answers import rest_status

TOKEN = "sim-omnize-partner-a"
RECORDS = 12
DIGEST = "0" * 64


def _place(case: Any, token: str) -> None:
    case.query = {**(case.query or {}), "token": token}


class Lists:
    """One Omnize simulator on loopback with :data:`RECORDS` records in each of its paged lists."""

    def __init__(self, key: str, root_url: str, account_id: int) -> None:
        self.key = key
        self.account_id = account_id
        self.schema = schemathesis.openapi.from_path(str(spec_path(key)))
        self.schema.config.update(base_url=root_url + api_spec(key).base_path)
        self.api = Api(api_spec(key), caller=lambda case: self.partner, status=rest_status)
        self.partner = Identity("partner-a", lambda base_url: TOKEN, place=_place)

    def walks(self, operation_id: str) -> list[str]:
        """What is wrong with walks of ``operation_id`` at the boundary sizes (empty when nothing is)."""
        operation = self.api.spec.operation(operation_id)
        paging = find_paging(operation)
        assert paging is not None, f"{operation_id} is not paged"
        names = {parameter.name for parameter in operation.parameters}
        query = {"account_id": self.account_id} if "account_id" in names else {}
        like = self.schema.find_operation_by_id(operation_id).Case(query=dict(query))
        problems: list[str] = []
        reference: set[str] | None = None
        for size in boundary_sizes(RECORDS, paging):
            answers: list[Any] = []
            pages = list(walk(self.api, like, operation, paging, query, size=size, answers=answers))
            found = judge(pages, answers, size, reference)
            if sum(map(len, pages)) != RECORDS:
                found.append(f"{sum(map(len, pages))} records, not {RECORDS}")
            problems += [f"size {size}: {problem}" for problem in found]
            reference = {str(item["id"]) for page in pages for item in page}
        return problems


@pytest.fixture
def v1() -> Iterator[Lists]:
    with serve(create_v1_app()) as server:
        base = server.root_url + api_spec("omnize-partner").base_path
        account = {"email": "o@example.com", "main_contact": "O", "telefone": "1", "url": "o.example.com"}
        accounts = [
            httpx.post(f"{base}/accounts", json={"token": TOKEN, "license_quantity": RECORDS, "account": account})
            for _ in range(RECORDS)
        ]
        account_id = int(accounts[0].json()["data"]["id"])
        for n in range(RECORDS):
            agent = {"email": f"a{n}@example.com", "name": f"A{n}", "password": DIGEST, "account_id": account_id}
            assert httpx.post(f"{base}/agents", json={"token": TOKEN, "agent": agent}).json()["success"] is True
        yield Lists("omnize-partner", server.root_url, account_id)


@pytest.fixture
def v2() -> Iterator[Lists]:
    app = create_v2_app()
    account_id = int(app.state.simulator.seeded[1])
    with serve(app) as server:
        base = server.root_url + api_spec("omnize-partner-v2").base_path
        for n in range(RECORDS):
            agent = {"email": f"a{n}@example.com", "name": f"A{n}", "password": DIGEST, "account_id": account_id}
            assert httpx.post(f"{base}/agents", json={"token": TOKEN, "agent": agent}).json()["success"] is True
            department = {"account_id": account_id, "name": f"D{n}"}
            assert httpx.post(f"{base}/departments", json={"token": TOKEN, "department": department}).json()["success"]
        yield Lists("omnize-partner-v2", server.root_url, account_id)


def test_v1s_agent_and_account_lists_page_soundly(v1: Lists) -> None:
    assert v1.walks("listAgents") == []
    assert v1.walks("listAccounts") == []


def test_v2s_agent_and_department_lists_page_soundly(v2: Lists) -> None:
    assert v2.walks("listAgents") == []
    assert v2.walks("listDepartments") == []


def _overlapping(records: list[Any], query: Any, searched: tuple[str, ...]) -> list[Any]:
    # Each page starts one record early: the last record of a page is listed again.
    page, limit = int(query.get("page", 1)), int(query.get("limit", 20))
    ordered = sorted(records, key=lambda record: record.id, reverse=query.get("direction", "desc") == "desc")
    start = max(0, (page - 1) * limit - 1)
    return ordered[start : start + limit]


def _skipping(records: list[Any], query: Any, searched: tuple[str, ...]) -> list[Any]:
    # Each page after the first starts one record late: a record between pages is never listed.
    page, limit = int(query.get("page", 1)), int(query.get("limit", 20))
    ordered = sorted(records, key=lambda record: record.id, reverse=query.get("direction", "desc") == "desc")
    start = (page - 1) * limit + (1 if page > 1 else 0)
    return ordered[start : start + limit]


def _page_ignored(records: list[Any], query: Any, searched: tuple[str, ...]) -> list[Any]:
    # The first page, whatever page is asked for.
    return sorted(records, key=lambda record: record.id, reverse=True)[: int(query.get("limit", 20))]


@pytest.mark.parametrize(
    ("pager", "words"),
    [(_overlapping, "listed more than once"), (_skipping, "records, not"), (_page_ignored, "listed more than once")],
    ids=["pages overlap", "a record skipped", "page ignored"],
)
def test_a_planted_paging_bug_is_caught_in_both_versions(
    pager: Callable[..., list[Any]], words: str, v1: Lists, v2: Lists, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(v1_app, "page_of", pager)
    monkeypatch.setattr(v2_app, "page_of", pager)
    for lists, operation_id in ((v1, "listAgents"), (v1, "listAccounts"), (v2, "listDepartments")):
        problems = lists.walks(operation_id)
        assert any(words in problem for problem in problems), (operation_id, problems)

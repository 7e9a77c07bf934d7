"""The drift engine on hand-made HAR files against Comm100 v4's spec: what it reports, where, and what it leaves out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from partner_apis.drift import DriftInputError, DriftReport, build_report, detect_api, write_report

from .hars import entry, write

API = "comm100-v4"
BASE = "https://partnerapi.comm100.io/v4"
SITE: dict[str, Any] = {"id": 7, "externalId": "e-7", "status": "Open", "companySize": "1-20", "timeZone": "UTC"}
SITE_LOCATION = "#/components/schemas/Site"


def report_of(tmp_path: Path, *entries: dict[str, Any]) -> DriftReport:
    return build_report(API, [write(tmp_path, entries)])


def only(report: DriftReport, kind: str) -> dict[str, Any]:
    found = report.find(kind)
    assert len(found) == 1, report.entries
    return found[0].to_json()


def test_answers_that_follow_the_spec_show_no_drift(tmp_path: Path) -> None:
    report = report_of(
        tmp_path,
        entry("GET", f"{BASE}/global/sites/7", 200, SITE),
        entry("GET", f"{BASE}/global/sites", 200, [SITE, {"id": 8}]),
        entry("GET", f"{BASE}/global/sites/9", 404, {"code": "not_found", "message": "no site 9"}),
        # The status echoed in lower case is the changeSiteStatus sample's (an anyOf variant).
        entry("POST", f"{BASE}/global/sites/7:changeSiteStatus", 200, {"id": 7, "status": "suspended"}),
    )
    assert report.ok, report.entries
    assert report.compared == 4


def test_an_undocumented_field_is_reported_where_the_spec_would_list_it(tmp_path: Path) -> None:
    report = report_of(tmp_path, entry("GET", f"{BASE}/global/sites/7", 200, {**SITE, "billingPlan": "gold"}))
    assert only(report, "undocumented-field") | {"example": None} == {
        "kind": "undocumented-field",
        "operation": "getSite",
        "method": "GET",
        "path": "/global/sites/{id}",
        "where": "body",
        "pointer": "/billingPlan",
        "spec_location": f"{SITE_LOCATION}/properties/billingPlan",
        "message": "field billingPlan is not in the spec",
        "count": 1,
        "statuses": [200],
        "example": None,
    }
    assert report.entries[0].example == {"request": "GET /v4/global/sites/7", "status": 200, "value": "gold"}


def test_the_same_drift_in_every_item_of_a_list_is_one_entry_counted_per_item(tmp_path: Path) -> None:
    sites = [{**SITE, "id": number, "billingPlan": "gold"} for number in range(3)]
    report = report_of(
        tmp_path,
        entry("GET", f"{BASE}/global/sites", 200, sites),
        entry("GET", f"{BASE}/global/sites?pageIndex=2", 200, sites[:2]),
    )
    found = only(report, "undocumented-field")
    assert (found["operation"], found["pointer"], found["count"]) == ("listSites", "/*/billingPlan", 5)
    assert found["spec_location"] == f"{SITE_LOCATION}/properties/billingPlan"


def test_a_missing_required_field_points_at_the_schemas_required_list(tmp_path: Path) -> None:
    report = report_of(tmp_path, entry("GET", f"{BASE}/global/sites/7", 200, {"externalId": "e-7"}))
    found = only(report, "missing-required-field")
    assert (found["pointer"], found["spec_location"]) == ("/id", f"{SITE_LOCATION}/required")


@pytest.mark.parametrize(
    ("field", "value", "kind", "location"),
    [
        ("companySize", "Above 9000", "enum-mismatch", "#/components/schemas/CompanySize"),
        ("id", "seven", "type-mismatch", f"{SITE_LOCATION}/properties/id"),
        ("id", 2**64, "format-mismatch", f"{SITE_LOCATION}/properties/id"),
    ],
)
def test_a_value_outside_the_spec_is_reported_at_its_field_and_schema(
    tmp_path: Path, field: str, value: object, kind: str, location: str
) -> None:
    report = report_of(tmp_path, entry("GET", f"{BASE}/global/sites/7", 200, {**SITE, field: value}))
    found = only(report, kind)
    assert (found["pointer"], found["spec_location"], found["example"]["value"]) == (f"/{field}", location, value)
    assert len(report.entries) == 1, report.entries


def test_a_value_no_variant_of_an_any_of_allows_is_judged_against_the_closest_variant(tmp_path: Path) -> None:
    report = report_of(tmp_path, entry("GET", f"{BASE}/global/sites/7", 200, {**SITE, "status": "Archived"}))
    found = only(report, "enum-mismatch")
    assert found["pointer"] == "/status"
    assert found["spec_location"].startswith("#/components/schemas/SiteStatus")


def test_an_undocumented_status_names_the_operations_responses(tmp_path: Path) -> None:
    report = report_of(
        tmp_path,
        entry("GET", f"{BASE}/global/sites/7", 503, {"code": "unavailable", "message": "try later"}),
        entry("GET", f"{BASE}/global/sites/8", 503, {"code": "unavailable", "message": "try later"}),
        entry("GET", f"{BASE}/global/sites/9", 418, "teapot", mime="text/plain"),
    )
    entries = report.find("undocumented-status", "getSite")
    assert [(entry.statuses, entry.count) for entry in entries] == [((418,), 1), ((503,), 2)]
    assert {entry.spec_location for entry in entries} == {"#/paths/~1global~1sites~1{id}/get/responses"}


def test_api_headers_the_spec_does_not_name_are_reported_and_transport_headers_are_not(tmp_path: Path) -> None:
    headers = {
        "X-RateLimit-Remaining": "99",
        "X-Request-Id": "r-1",
        "Vary": "Accept",
        "Connection": "keep-alive",
        "Access-Control-Allow-Origin": "*",
        ":status": "200",
    }
    report = report_of(tmp_path, entry("GET", f"{BASE}/global/sites/7", 200, SITE, headers=headers))
    found = {(entry.pointer, entry.spec_location) for entry in report.find("undocumented-header")}
    assert found == {
        ("/x-ratelimit-remaining", "#/paths/~1global~1sites~1{id}/get/responses/200/headers/X-RateLimit-Remaining"),
        ("/x-request-id", "#/paths/~1global~1sites~1{id}/get/responses/200/headers/X-Request-Id"),
    }
    assert len(report.entries) == 2


def test_a_documented_header_is_not_drift_and_a_shared_response_is_changed_where_it_is_defined(tmp_path: Path) -> None:
    token = {"access_token": "a" * 20, "token_type": "bearer", "expires_in": 60}
    report = report_of(
        tmp_path,
        # getToken lives on the OAuth host's root, not under /v4; its 200 documents Cache-Control.
        entry("POST", "https://partner.comm100.io/oauth/token", 200, token, headers={"Cache-Control": "no-store"}),
        entry("GET", f"{BASE}/global/sites/7", 400, {"code": "bad", "message": "no"}, headers={"X-Trace": "t"}),
    )
    assert [entry.spec_location for entry in report.entries] == ["#/components/responses/BadRequest/headers/X-Trace"]


def test_an_unknown_path_or_method_is_drift_unless_the_server_refused_it(tmp_path: Path) -> None:
    report = report_of(
        tmp_path,
        entry("GET", f"{BASE}/global/sites/7", 200, SITE),
        entry("GET", f"{BASE}/global/sites/7/stats", 200, {"visits": 3}),
        entry("GET", f"{BASE}/global/sites/8/stats", 200, {"visits": 5}),
        entry("GET", f"{BASE}/global/nothing", 404, {"code": "not_found", "message": "no route"}),
        entry("DELETE", f"{BASE}/global/sites/7", 204),
        entry("TRACE", f"{BASE}/global/sites/7", 405, {"code": "method_not_allowed", "message": "no"}),
    )
    assert [(entry.kind, entry.operation, entry.spec_location) for entry in report.entries] == [
        ("undocumented-method", "DELETE /global/sites/{id}", "#/paths/~1global~1sites~1{id}"),
        ("undocumented-path", "GET /v4/global/sites/{id}/stats", "#/paths"),
    ]
    assert report.find("undocumented-path")[0].count == 2  # one path of the server's, whatever the id
    assert report.skipped == {"undocumented method, refused (4xx)": 1, "unknown path, refused (4xx)": 1}


def test_other_hosts_and_cors_preflights_in_a_browser_session_are_left_out(tmp_path: Path) -> None:
    preflight = {"Origin": "https://app.example.com", "Access-Control-Request-Method": "PUT"}
    report = report_of(
        tmp_path,
        entry("GET", f"{BASE}/global/sites/7", 200, SITE),
        entry("GET", "https://fonts.example.com/font.woff2", 200, "binary", mime="font/woff2"),
        entry("OPTIONS", f"{BASE}/global/sites/7", 204, request_headers=preflight),
    )
    assert report.ok, report.entries
    assert (report.exchanges, report.compared) == (3, 1)
    assert report.skipped == {"CORS preflight": 1, "another host": 1}


def test_an_answer_in_a_content_type_the_spec_does_not_list_is_reported(tmp_path: Path) -> None:
    report = report_of(tmp_path, entry("GET", f"{BASE}/global/sites/7", 200, "<site/>", mime="application/xml"))
    found = only(report, "undocumented-media-type")
    assert found["spec_location"] == "#/paths/~1global~1sites~1{id}/get/responses/200/content"


def test_values_a_recording_masked_are_not_judged(tmp_path: Path) -> None:
    # A sanitiser that masks every name with "token" in it (Schemathesis writes [Filtered])
    # leaves token_type matching no pattern: the spec is not wrong there.
    token = {"access_token": "[REDACTED]", "token_type": "[Filtered]", "refresh_token": "[REDACTED]"}
    report = report_of(
        tmp_path,
        entry("POST", "https://partner.comm100.io/oauth/token", 200, token),
        entry("GET", f"{BASE}/global/sites/7", 200, {**SITE, "externalId": "[REDACTED]"}),
    )
    assert report.ok, report.entries


def test_no_secret_of_the_exchange_reaches_the_report(tmp_path: Path) -> None:
    bearer = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.sig"
    refresh = "rt-1b2c3d4e5f6a7b8c"
    password = "correct horse battery"
    entries = [
        # A token answer with a field the spec lacks that repeats the refresh token.
        entry(
            "POST",
            "https://partner.comm100.io/oauth/token",
            200,
            {"access_token": bearer, "token_type": "bearer", "refresh_token": refresh, "previous": refresh},
            request_body=f"grant_type=password&email=a%40b.c&password={password.replace(' ', '+')}",
            request_mime="application/x-www-form-urlencoded",
        ),
        # An error echoing the bearer token, in a field and in a header the spec lacks.
        entry(
            "GET",
            f"{BASE}/global/sites/7?access_token={bearer}",
            401,
            {"code": "unauthorized", "message": f"token {bearer} expired", "sessionToken": bearer},
            headers={"X-Debug": f"Bearer {bearer}", "Set-Cookie": f"session={refresh}"},
            request_headers={"Authorization": f"Bearer {bearer}"},
        ),
        entry("GET", f"{BASE}/global/sites/7", 599, {"password": password}),
    ]
    report = write_report(API, [write(tmp_path, entries)], tmp_path / "out")
    assert {entry.kind for entry in report.entries} >= {"undocumented-field", "undocumented-header"}
    for name in ("drift.md", "drift.json"):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        for secret in (bearer, refresh, password, password.replace(" ", "+")):
            assert secret not in text, f"{name} shows a secret"
        assert "[REDACTED]" in text


def test_write_report_writes_the_same_report_as_markdown_and_json(tmp_path: Path) -> None:
    har = write(tmp_path, [entry("GET", f"{BASE}/global/sites/7", 200, {**SITE, "billingPlan": "gold"})])
    report = write_report(API, [har], tmp_path / "reports" / API)
    saved = json.loads((tmp_path / "reports" / API / "drift.json").read_text(encoding="utf-8"))
    assert saved == json.loads(json.dumps(report.to_json()))
    assert saved["api"] == API
    assert saved["drift"][0]["pointer"] == "/billingPlan"
    markdown = (tmp_path / "reports" / API / "drift.md").read_text(encoding="utf-8")
    assert "## `getSite` (GET /global/sites/{id})" in markdown
    assert f"`{SITE_LOCATION}/properties/billingPlan`" in markdown
    assert "**1 disagreements** (1 occurrences): undocumented-field 1." in markdown


def test_a_report_without_drift_says_so(tmp_path: Path) -> None:
    report = write_report(API, [write(tmp_path, [entry("GET", f"{BASE}/global/sites/7", 200, SITE)])], tmp_path)
    assert report.ok
    assert "**No drift:**" in (tmp_path / "drift.md").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "drift.json").read_text(encoding="utf-8"))["drift"] == []


def test_the_api_is_recognised_by_the_server_paths_of_its_operations(tmp_path: Path) -> None:
    har = write(tmp_path, [entry("GET", f"{BASE}/global/sites/7", 200, SITE)])
    assert detect_api([har]) == API
    unknown = write(tmp_path, [entry("GET", "https://example.com/nothing/here", 200, {})], name="other.har")
    with pytest.raises(DriftInputError, match="give --api"):
        detect_api([unknown])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("not json", "not a HAR file"),
        ('{"log": {}}', "no log.entries"),
        ('{"log": {"entries": [{"request": {}}]}}', "entry 0 has no request or no response"),
    ],
)
def test_input_that_is_not_har_is_refused_naming_the_file(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "input.har"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DriftInputError, match=message) as raised:
        build_report(API, [path])
    assert str(path) in str(raised.value)


def test_an_unknown_api_is_refused_naming_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(DriftInputError, match="known: airvantage-partners"):
        build_report("comm100-v9", [write(tmp_path, [])])


def test_an_answer_no_one_of_variant_allows_is_judged_against_the_variant_it_came_closest_to(tmp_path: Path) -> None:
    # Omnize answers every call HTTP 200, success or failure (a oneOf): a failure whose message
    # is a number is a failure with a wrong type, not a success missing its data. (Sent to
    # the deprecated host, the spec's second server: its path is the API's too.)
    failure = {"status": 200, "success": False, "errors": 404}
    har = write(tmp_path, [entry("GET", "http://partner.omnize.com/api/v1/departments", 200, failure)])
    report = build_report("omnize-partner", [har])
    assert [(entry.kind, entry.pointer) for entry in report.entries] == [("type-mismatch", "/errors")]
    assert report.entries[0].spec_location.startswith("#/components/schemas/OmnizeFailure")

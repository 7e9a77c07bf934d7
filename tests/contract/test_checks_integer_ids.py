"""No false alarm on integer-valued numbers: a path id of 91236.0 is a JSON Schema integer."""

from __future__ import annotations

from starlette.testclient import TestClient

from partner_apis.simulators.registry import create_app


def test_an_integer_valued_decimal_names_the_same_site_and_a_fraction_is_refused() -> None:
    app = create_app("comm100-v4")
    token = app.state.simulator.tenants()[0].arguments()["token"]
    with TestClient(app) as client:
        headers = {"Authorization": f"Bearer {token}"}
        created = client.post(
            "/v4/global/sites",
            json={"email": "a@example.com", "planId": 1, "platformId": 100, "password": "secret-1"},
            headers=headers,
        )
        site_id = created.json()["siteId"]
        assert client.get(f"/v4/global/sites/{site_id}.0", headers=headers).json()["id"] == site_id
        changed = client.post(
            f"/v4/global/sites/{site_id}.00:changeSiteStatus", json={"status": "Closed"}, headers=headers
        )
        assert changed.status_code == 200
        assert changed.json()["status"] == "Closed"
        assert client.get(f"/v4/global/sites/{site_id}.5", headers=headers).status_code == 400
        assert client.get(f"/v4/global/sites/{site_id}e40", headers=headers).status_code == 400

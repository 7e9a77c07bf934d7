"""How the Omnize simulator writes its answers: the vendor's records and envelopes, field for field.

Every field the spec's schema (and the doc's samples) shows is present, in its order, with
Ruby's ``nil`` as JSON null where the partner API has no way to set it.
"""

from __future__ import annotations

from typing import Any

from partner_apis.models.omnize_partner import Administrator, Profile
from partner_apis.simulators.harness import schema_properties

from .state import AccountRecord, AgentRecord

__all__ = ["account_json", "agent_json", "failure", "success"]


# Every property of the spec's schema, null, in its order; an answer then sets its own.
_AGENT = dict.fromkeys(schema_properties("omnize-partner", "Agent"))
_ACCOUNT = dict.fromkeys(schema_properties("omnize-partner", "Account"))
# Constant in the doc's sample and not settable through the partner API.
_ACCOUNT |= {"validate_hash": True, "region_id": 36, "segment_id": 1, "facelift": True}


def success(**fields: Any) -> dict[str, Any]:
    """``{"status": 200, "success": true, ...fields}``."""
    return {"status": 200, "success": True, **fields}


def failure(message: str, status: int = 200) -> dict[str, Any]:
    """``{"status": 200, "success": false, "errors": message}``: every refusal Omnize documents."""
    return {"status": status, "success": False, "errors": message}


_AGENT_FIELDS = ("id", "name", "email", "account_id", "date_creation", "change_date", "version_register")
_ACCOUNT_FIELDS = (
    "id", "telefone", "email", "main_contact", "domain_id", "version_register", "date_creation", "change_date",
    "url", "partner_id",
)  # fmt: skip


def agent_json(agent: AgentRecord) -> dict[str, Any]:
    """An agent as create and the lists return it; its password is never revealed."""
    administrator = Administrator.SIM if agent.profile == Profile.ADMIN else Administrator.NAO
    fields = {name: getattr(agent, name) for name in _AGENT_FIELDS}
    return {**_AGENT, **fields, "administrator": administrator.value, "ativo": int(agent.ativo)}


def account_json(account: AccountRecord) -> dict[str, Any]:
    """An account as create and the general update return it."""
    return {**_ACCOUNT, **{name: getattr(account, name) for name in _ACCOUNT_FIELDS}, "ativo": int(account.ativo)}

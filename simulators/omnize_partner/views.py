"""How the Omnize simulator writes its answers: the vendor's records and envelopes, field for field.

Every field the doc's samples show is present, with Ruby's ``nil`` as JSON null where the
partner API has no way to set it.
"""

from __future__ import annotations

from typing import Any

from partner_apis.models.omnize_partner import Administrator, Profile
from partner_apis.simulators.harness.encoded import Encoded

from .state import AccountRecord, AgentRecord, DepartmentRecord

__all__ = ["account_json", "agent_json", "department_json", "failure", "success"]

# Constant in the doc's sample and not settable through the partner API.
_REGION_ID = 36
_SEGMENT_ID = 1


def success(**fields: Any) -> dict[str, Any]:
    """``{"status": 200, "success": true, ...fields}``."""
    return {"status": 200, "success": True, **fields}


def failure(message: str, status: int = 200) -> dict[str, Any]:
    """``{"status": 200, "success": false, "errors": message}``: every refusal Omnize documents."""
    return {"status": status, "success": False, "errors": message}


def agent_json(agent: AgentRecord) -> dict[str, Any]:
    """An agent as create and the lists return it; its password is never revealed."""
    return {
        "id": agent.id,
        "name": agent.name,
        "password": None,
        "administrator": (Administrator.SIM if agent.profile == Profile.ADMIN else Administrator.NAO).value,
        "email": agent.email,
        "ativo": int(agent.ativo),
        "photo": None,
        "subscriber_id": None,
        "account_id": agent.account_id,
        "date_creation": agent.date_creation,
        "change_date": agent.change_date,
        "user_creation": None,
        "user_change": None,
        "version_register": agent.version_register,
        "register_mobile_id": None,
        "photo_expired_date": None,
        "bucket_conf": None,
    }


def account_json(account: AccountRecord) -> dict[str, Any]:
    """An account as create and the general update return it."""
    return {
        "id": account.id,
        "name": None,
        "razao_social": None,
        "inscricao_estadual": None,
        "cpfcnpj": None,
        "endereco": None,
        "bairro": None,
        "cidade": None,
        "estado": None,
        "telefone": account.telefone,
        "telefone1": None,
        "email": account.email,
        "main_contact": account.main_contact,
        "iugu_id": None,
        "validate_hash": True,
        "subscriber_id": None,
        "domain_id": account.domain_id,
        "ativo": int(account.ativo),
        "version_register": account.version_register,
        "user_creation": None,
        "date_creation": account.date_creation,
        "user_change": None,
        "change_date": account.change_date,
        "cep": None,
        "user_last_access": None,
        "date_last_access": None,
        "region_id": _REGION_ID,
        "segment_id": _SEGMENT_ID,
        "url": account.url,
        "whatsapp": None,
        "token": None,
        "partner_id": account.partner_id,
        "facelift": True,
    }


def department_json(department: DepartmentRecord) -> Encoded:
    """A department with its channels (the doc never shows one; see the spec's Department), encoded once per change."""
    if department.answer is None:
        department.answer = Encoded(
            {
                "id": department.id,
                "account_id": department.account_id,
                "name": department.name,
                "description": department.description,
                "ativo": int(department.ativo),
                "channels": [channel.value for channel in department.channels],
            }
        )
    return department.answer

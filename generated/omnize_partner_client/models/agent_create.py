from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentCreate")


@_attrs_define
class AgentCreate:
    """The new agent. Only `text_limit` is marked optional in the doc.

    Attributes:
        email (str): The e-mail the agent logs in with.
        name (str):
        password (str): Lowercase hex SHA-256 digest of the plain-text password, as it goes on the wire. The client
            overlay hashes the plain text.
        account_id (int): The partner's account the agent belongs to.
        text_limit (int | Unset): Optional. The doc does not say what it limits, presumably the agent's simultaneous
            text chats.
    """

    email: str
    name: str
    password: str = _attrs_field(repr=False)
    account_id: int
    text_limit: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        password = self.password

        account_id = self.account_id

        text_limit = self.text_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "name": name,
                "password": password,
                "account_id": account_id,
            }
        )
        if text_limit is not UNSET:
            field_dict["text_limit"] = text_limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        password = d.pop("password")

        account_id = d.pop("account_id")

        text_limit = d.pop("text_limit", UNSET)

        agent_create = cls(
            email=email,
            name=name,
            password=password,
            account_id=account_id,
            text_limit=text_limit,
        )

        agent_create.additional_properties = d
        return agent_create

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentCreate")


@_attrs_define
class AgentCreate:
    """
    Attributes:
        name (str):
        email (str):
        password (str): The lowercase hex SHA-256 digest of the plain-text password. The overlay hashes the plain text.
        account_id (int):
        text_limit (int | str | Unset): The agent's text limit, a number or a string of digits (see createAgent's x-doc-
            quirks).
    """

    name: str
    email: str
    password: str = _attrs_field(repr=False)
    account_id: int
    text_limit: int | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        password = self.password

        account_id = self.account_id

        text_limit: int | str | Unset
        if isinstance(self.text_limit, Unset):
            text_limit = UNSET
        else:
            text_limit = self.text_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "email": email,
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
        name = d.pop("name")

        email = d.pop("email")

        password = d.pop("password")

        account_id = d.pop("account_id")

        def _parse_text_limit(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        text_limit = _parse_text_limit(d.pop("text_limit", UNSET))

        agent_create = cls(
            name=name,
            email=email,
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

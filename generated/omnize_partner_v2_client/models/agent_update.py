from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentUpdate")


@_attrs_define
class AgentUpdate:
    """
    Attributes:
        account_id (int):
        name (str | Unset):
        email (str | Unset):
        password (str | Unset): The lowercase hex SHA-256 digest of the plain-text password. The overlay hashes the
            plain text.
        text_limit (int | str | Unset): The agent's text limit, a number or a string of digits (see createAgent's x-doc-
            quirks).
        active (bool | Unset):
    """

    account_id: int
    name: str | Unset = UNSET
    email: str | Unset = UNSET
    password: str | Unset = _attrs_field(repr=False, default=UNSET)
    text_limit: int | str | Unset = UNSET
    active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        name = self.name

        email = self.email

        password = self.password

        text_limit: int | str | Unset
        if isinstance(self.text_limit, Unset):
            text_limit = UNSET
        else:
            text_limit = self.text_limit

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if email is not UNSET:
            field_dict["email"] = email
        if password is not UNSET:
            field_dict["password"] = password
        if text_limit is not UNSET:
            field_dict["text_limit"] = text_limit
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        name = d.pop("name", UNSET)

        email = d.pop("email", UNSET)

        password = d.pop("password", UNSET)

        def _parse_text_limit(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        text_limit = _parse_text_limit(d.pop("text_limit", UNSET))

        active = d.pop("active", UNSET)

        agent_update = cls(
            account_id=account_id,
            name=name,
            email=email,
            password=password,
            text_limit=text_limit,
            active=active,
        )

        agent_update.additional_properties = d
        return agent_update

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentUpdate")


@_attrs_define
class AgentUpdate:
    """The fields to change. The sample sends all of them. Sending only some is accepted (inferred).

    Attributes:
        email (str | Unset): New login e-mail. It must not be blank (the error sample reads "E-mail can be blank").
        name (str | Unset):
        text_limit (int | Unset):
        password (str | Unset): Lowercase hex SHA-256 digest of the plain-text password, as it goes on the wire. The
            client overlay hashes the plain text.
    """

    email: str | Unset = UNSET
    name: str | Unset = UNSET
    text_limit: int | Unset = UNSET
    password: str | Unset = _attrs_field(repr=False, default=UNSET)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        text_limit = self.text_limit

        password = self.password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if name is not UNSET:
            field_dict["name"] = name
        if text_limit is not UNSET:
            field_dict["text_limit"] = text_limit
        if password is not UNSET:
            field_dict["password"] = password

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        name = d.pop("name", UNSET)

        text_limit = d.pop("text_limit", UNSET)

        password = d.pop("password", UNSET)

        agent_update = cls(
            email=email,
            name=name,
            text_limit=text_limit,
            password=password,
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

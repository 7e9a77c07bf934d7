from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LoginStatus")


@_attrs_define
class LoginStatus:
    """The answer of getLoginStatus. The vendor's file requires no field.

    Attributes:
        access_token (str | Unset): Access token to be passed as a header.
        expires_at (str | Unset): The expiration date of the access token in RFC 3339 format, for example
            `2017-07-21T17:32:28Z`.
        expires_in (int | Unset): The number of seconds that the access token will be valid.
        role (str | Unset): The signed-in user's role. Built-in roles: `SystemAdmin`, `Replicator`,
            `Dealer`, `Admin`, `StandardUser`, `StandardInternationalUser`,
            `QueueManager`; custom roles take other names.
    """

    access_token: str | Unset = _attrs_field(repr=False, default=UNSET)
    expires_at: str | Unset = UNSET
    expires_in: int | Unset = UNSET
    role: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_at = self.expires_at

        expires_in = self.expires_in

        role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if access_token is not UNSET:
            field_dict["access_token"] = access_token
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        access_token = d.pop("access_token", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        expires_in = d.pop("expires_in", UNSET)

        role = d.pop("role", UNSET)

        login_status = cls(
            access_token=access_token,
            expires_at=expires_at,
            expires_in=expires_in,
            role=role,
        )

        login_status.additional_properties = d
        return login_status

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

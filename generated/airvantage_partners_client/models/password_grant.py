from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PasswordGrant")


@_attrs_define
class PasswordGrant:
    """Log in as an AirVantage user.

    Attributes:
        grant_type (Literal['password']):
        username (str): The user's login (e-mail).
        password (str): The user's password.
        client_id (str | Unset): The API client's id (or send it with HTTP Basic auth).
        client_secret (str | Unset): The API client's secret (or send it with HTTP Basic auth).
    """

    grant_type: Literal["password"]
    username: str
    password: str = _attrs_field(repr=False)
    client_id: str | Unset = UNSET
    client_secret: str | Unset = _attrs_field(repr=False, default=UNSET)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        username = self.username

        password = self.password

        client_id = self.client_id

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
                "username": username,
                "password": password,
            }
        )
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grant_type = cast(Literal["password"], d.pop("grant_type"))
        if grant_type != "password":
            raise ValueError(
                f"grant_type must match const 'password', got '{grant_type}'"
            )

        username = d.pop("username")

        password = d.pop("password")

        client_id = d.pop("client_id", UNSET)

        client_secret = d.pop("client_secret", UNSET)

        password_grant = cls(
            grant_type=grant_type,
            username=username,
            password=password,
            client_id=client_id,
            client_secret=client_secret,
        )

        password_grant.additional_properties = d
        return password_grant

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

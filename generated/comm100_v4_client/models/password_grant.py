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

T = TypeVar("T", bound="PasswordGrant")


@_attrs_define
class PasswordGrant:
    """Log in with the partner's client id, email and password. Deprecated by Comm100
    ("Password Grant (Not Recommended, Deprecated)"); sign in with it once and renew
    with the refresh grant.

        Attributes:
            client_id (str): The partner's OAuth client id.
            grant_type (Literal['password']): `password`: get the token with the partner's email and password.
            email (str): Partner email.
            password (str): Partner password.
    """

    client_id: str
    grant_type: Literal["password"]
    email: str
    password: str = _attrs_field(repr=False)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        grant_type = self.grant_type

        email = self.email

        password = self.password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
                "grant_type": grant_type,
                "email": email,
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        grant_type = cast(Literal["password"], d.pop("grant_type"))
        if grant_type != "password":
            raise ValueError(
                f"grant_type must match const 'password', got '{grant_type}'"
            )

        email = d.pop("email")

        password = d.pop("password")

        password_grant = cls(
            client_id=client_id,
            grant_type=grant_type,
            email=email,
            password=password,
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

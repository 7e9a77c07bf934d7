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
    """Sign in with a username and password (system administrator, dealer, or tenant user with `domain`).

    Attributes:
        grant_type (Literal['password']): The value is always "password". Default: 'password'.
        username (str): The username (for a dealer, its `name`).
        password (str): The password.
        scope (Literal['all']): The value is always "all". Default: 'all'.
        client_id (Literal['9d806019-75b2-4b3d-bb8b-f5a3a412cc0a']): The value is always
            "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a". Default: '9d806019-75b2-4b3d-bb8b-f5a3a412cc0a'.
        domain (str | Unset): The SIP domain of the tenant; only for tenant users, never for dealers or the system
            administrator.
    """

    username: str
    password: str = _attrs_field(repr=False)
    grant_type: Literal["password"] = "password"
    scope: Literal["all"] = "all"
    client_id: Literal["9d806019-75b2-4b3d-bb8b-f5a3a412cc0a"] = (
        "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a"
    )
    domain: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        username = self.username

        password = self.password

        scope = self.scope

        client_id = self.client_id

        domain = self.domain

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
                "username": username,
                "password": password,
                "scope": scope,
                "client_id": client_id,
            }
        )
        if domain is not UNSET:
            field_dict["domain"] = domain

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

        scope = cast(Literal["all"], d.pop("scope"))
        if scope != "all":
            raise ValueError(f"scope must match const 'all', got '{scope}'")

        client_id = cast(
            Literal["9d806019-75b2-4b3d-bb8b-f5a3a412cc0a"], d.pop("client_id")
        )
        if client_id != "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a":
            raise ValueError(
                f"client_id must match const '9d806019-75b2-4b3d-bb8b-f5a3a412cc0a', got '{client_id}'"
            )

        domain = d.pop("domain", UNSET)

        password_grant = cls(
            grant_type=grant_type,
            username=username,
            password=password,
            scope=scope,
            client_id=client_id,
            domain=domain,
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

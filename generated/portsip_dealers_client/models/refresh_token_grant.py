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

T = TypeVar("T", bound="RefreshTokenGrant")


@_attrs_define
class RefreshTokenGrant:
    """Get a new access token with the `refresh_token` of an earlier token answer.

    Attributes:
        grant_type (Literal['refresh_token']): The value is always "refresh_token". Default: 'refresh_token'.
        refresh_token (str): The refresh token is obtained from the response of the authentication.
        client_id (Literal['9d806019-75b2-4b3d-bb8b-f5a3a412cc0a']): The value is always
            "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a". Default: '9d806019-75b2-4b3d-bb8b-f5a3a412cc0a'.
    """

    refresh_token: str = _attrs_field(repr=False)
    grant_type: Literal["refresh_token"] = "refresh_token"
    client_id: Literal["9d806019-75b2-4b3d-bb8b-f5a3a412cc0a"] = (
        "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a"
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        refresh_token = self.refresh_token

        client_id = self.client_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
                "refresh_token": refresh_token,
                "client_id": client_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grant_type = cast(Literal["refresh_token"], d.pop("grant_type"))
        if grant_type != "refresh_token":
            raise ValueError(
                f"grant_type must match const 'refresh_token', got '{grant_type}'"
            )

        refresh_token = d.pop("refresh_token")

        client_id = cast(
            Literal["9d806019-75b2-4b3d-bb8b-f5a3a412cc0a"], d.pop("client_id")
        )
        if client_id != "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a":
            raise ValueError(
                f"client_id must match const '9d806019-75b2-4b3d-bb8b-f5a3a412cc0a', got '{client_id}'"
            )

        refresh_token_grant = cls(
            grant_type=grant_type,
            refresh_token=refresh_token,
            client_id=client_id,
        )

        refresh_token_grant.additional_properties = d
        return refresh_token_grant

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

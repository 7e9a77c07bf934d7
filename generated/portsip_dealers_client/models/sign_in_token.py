from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignInToken")


@_attrs_define
class SignInToken:
    """The token object of signInWithCredentials and refreshToken. The vendor's file requires no field.

    Attributes:
        token_type (str | Unset): The token type.
        access_token (str | Unset): The access token.
        refresh_token (str | Unset): The refresh token.
        expires_in (int | Unset): The access token expiration time in seconds.
    """

    token_type: str | Unset = UNSET
    access_token: str | Unset = _attrs_field(repr=False, default=UNSET)
    refresh_token: str | Unset = _attrs_field(repr=False, default=UNSET)
    expires_in: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token_type = self.token_type

        access_token = self.access_token

        refresh_token = self.refresh_token

        expires_in = self.expires_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if token_type is not UNSET:
            field_dict["token_type"] = token_type
        if access_token is not UNSET:
            field_dict["access_token"] = access_token
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        token_type = d.pop("token_type", UNSET)

        access_token = d.pop("access_token", UNSET)

        refresh_token = d.pop("refresh_token", UNSET)

        expires_in = d.pop("expires_in", UNSET)

        sign_in_token = cls(
            token_type=token_type,
            access_token=access_token,
            refresh_token=refresh_token,
            expires_in=expires_in,
        )

        sign_in_token.additional_properties = d
        return sign_in_token

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

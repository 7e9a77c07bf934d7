from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TwoFactorStep")


@_attrs_define
class TwoFactorStep:
    """The answer of signInWithCredentials for a user with two-factor authentication. The vendor's file requires no field.

    Attributes:
        two_factor_enabled (bool | Unset): Indicates that two factor authentication is enabled. Always true.
        token (str | Unset): The session token in authentication flow (for `/auth/send_otp` and `/auth/verify_otp`).
    """

    two_factor_enabled: bool | Unset = UNSET
    token: str | Unset = _attrs_field(repr=False, default=UNSET)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        two_factor_enabled = self.two_factor_enabled

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if two_factor_enabled is not UNSET:
            field_dict["two_factor_enabled"] = two_factor_enabled
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        two_factor_enabled = d.pop("two_factor_enabled", UNSET)

        token = d.pop("token", UNSET)

        two_factor_step = cls(
            two_factor_enabled=two_factor_enabled,
            token=token,
        )

        two_factor_step.additional_properties = d
        return two_factor_step

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

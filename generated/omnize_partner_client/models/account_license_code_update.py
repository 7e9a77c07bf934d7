from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountLicenseCodeUpdate")


@_attrs_define
class AccountLicenseCodeUpdate:
    """ "Update account licenses code": set the account's licence code, e.g. 'PARTNER_X'.

    Attributes:
        license_code (str): A licence (plan) code. Its meaning is undocumented.
        token (str | Unset): The partner token. The client overlay fills it from the client factory, and the user never
            passes it.
    """

    license_code: str
    token: str | Unset = _attrs_field(repr=False, default=UNSET)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        license_code = self.license_code

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "license_code": license_code,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        license_code = d.pop("license_code")

        token = d.pop("token", UNSET)

        account_license_code_update = cls(
            license_code=license_code,
            token=token,
        )

        account_license_code_update.additional_properties = d
        return account_license_code_update

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

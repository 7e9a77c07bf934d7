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

T = TypeVar("T", bound="AccountInactivationFields")


@_attrs_define
class AccountInactivationFields:
    """Exactly `{ativo: 0}`. Any other field makes the body an AccountGeneralUpdate.

    Attributes:
        ativo (Literal[0]):
    """

    ativo: Literal[0]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ativo = self.ativo

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ativo": ativo,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ativo = cast(Literal[0], d.pop("ativo"))
        if ativo != 0:
            raise ValueError(f"ativo must match const 0, got '{ativo}'")

        account_inactivation_fields = cls(
            ativo=ativo,
        )

        account_inactivation_fields.additional_properties = d
        return account_inactivation_fields

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.profile_ref import ProfileRef


T = TypeVar("T", bound="PartnerEdit")


@_attrs_define
class PartnerEdit:
    """Body of Edit. Only the profile can change; other fields are ignored.

    Attributes:
        profile (ProfileRef): A profile named by its uid.
    """

    profile: ProfileRef
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        profile = self.profile.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "profile": profile,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.profile_ref import ProfileRef

        d = dict(src_dict)
        profile = ProfileRef.from_dict(d.pop("profile"))

        partner_edit = cls(
            profile=profile,
        )

        partner_edit.additional_properties = d
        return partner_edit

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

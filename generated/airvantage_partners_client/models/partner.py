from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.partner_profile import PartnerProfile


T = TypeVar("T", bound="Partner")


@_attrs_define
class Partner:
    """Another company the active company is in relation with. The relation with a partner
    is defined using a set of rights (the profile).

    No property is required: Find returns only the attributes named in `fields`
    (default `uid` and `name`), so any attribute, even `uid`, may be absent from an
    item. Details and Edit answer the complete representation.

        Attributes:
            uid (str | Unset): Partner's unique identifier (read-only; the partner company's uid).
            name (str | Unset): Partner's name (the company's name; read-only in practice).
            picture (None | str | Unset): The partner company's picture (returned only when selected with `fields`).
            profile (PartnerProfile | Unset): The profile assigned to the partner: a user from the partner company is linked
                with
                this profile in your company.
    """

    uid: str | Unset = UNSET
    name: str | Unset = UNSET
    picture: None | str | Unset = UNSET
    profile: PartnerProfile | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = self.uid

        name = self.name

        picture: None | str | Unset
        if isinstance(self.picture, Unset):
            picture = UNSET
        else:
            picture = self.picture

        profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.profile, Unset):
            profile = self.profile.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if uid is not UNSET:
            field_dict["uid"] = uid
        if name is not UNSET:
            field_dict["name"] = name
        if picture is not UNSET:
            field_dict["picture"] = picture
        if profile is not UNSET:
            field_dict["profile"] = profile

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.partner_profile import PartnerProfile

        d = dict(src_dict)
        uid = d.pop("uid", UNSET)

        name = d.pop("name", UNSET)

        def _parse_picture(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        picture = _parse_picture(d.pop("picture", UNSET))

        _profile = d.pop("profile", UNSET)
        profile: PartnerProfile | Unset
        if isinstance(_profile, Unset):
            profile = UNSET
        else:
            profile = PartnerProfile.from_dict(_profile)

        partner = cls(
            uid=uid,
            name=name,
            picture=picture,
            profile=profile,
        )

        partner.additional_properties = d
        return partner

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

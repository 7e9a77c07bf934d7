from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SiteContactCreate")


@_attrs_define
class SiteContactCreate:
    """The user who registers the site, also the site's contact.

    Attributes:
        first_name (str): The first name of the user who registered the site, also the first name of the registered site
            contact.
        last_name (str): The last name of the user who registered the site, also the last name of the registered site
            contact.
        email (str): User email of the registered site, also email for the registration site contact.
        phone (str | Unset): The user phone of the registered site, also the phone number of the registered site
            contact.
    """

    first_name: str
    last_name: str
    email: str
    phone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        email = self.email

        phone = self.phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "firstName": first_name,
                "lastName": last_name,
                "email": email,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        first_name = d.pop("firstName")

        last_name = d.pop("lastName")

        email = d.pop("email")

        phone = d.pop("phone", UNSET)

        site_contact_create = cls(
            first_name=first_name,
            last_name=last_name,
            email=email,
            phone=phone,
        )

        site_contact_create.additional_properties = d
        return site_contact_create

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DealerUpdate")


@_attrs_define
class DealerUpdate:
    """Body of Update a dealer. Every field is optional and a field left out keeps its
    value. `name`, `level` and `password` are not fields of this body: sent anyway,
    they are ignored like any unknown field (the level never changes, the name
    changes only by the dealer itself, the password through setDealerPassword).

        Attributes:
            enabled (bool | Unset): Enable this dealer or not.
            email (str | Unset): The email address.
            display_name (str | Unset): The display name of the dealer.
            website (str | Unset): The website of the dealer.
            phone (str | Unset): The mobile phone number of the dealer.
            address (str | Unset): The address.
            description (str | Unset): The description of dealer.
            max_tenants (int | Unset): The maximum number of tenants that the dealer is allowed to create.
            max_extensions (int | Unset): The maximum number of extensions that the dealer is allowed to create.
            tenant_full_access (bool | Unset): Whether or not the reseller is allowed to have full control over the tenant.
                This attribute is not valid if not modified by first level dealer.
    """

    enabled: bool | Unset = UNSET
    email: str | Unset = UNSET
    display_name: str | Unset = UNSET
    website: str | Unset = UNSET
    phone: str | Unset = UNSET
    address: str | Unset = UNSET
    description: str | Unset = UNSET
    max_tenants: int | Unset = UNSET
    max_extensions: int | Unset = UNSET
    tenant_full_access: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        email = self.email

        display_name = self.display_name

        website = self.website

        phone = self.phone

        address = self.address

        description = self.description

        max_tenants = self.max_tenants

        max_extensions = self.max_extensions

        tenant_full_access = self.tenant_full_access

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if email is not UNSET:
            field_dict["email"] = email
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if website is not UNSET:
            field_dict["website"] = website
        if phone is not UNSET:
            field_dict["phone"] = phone
        if address is not UNSET:
            field_dict["address"] = address
        if description is not UNSET:
            field_dict["description"] = description
        if max_tenants is not UNSET:
            field_dict["max_tenants"] = max_tenants
        if max_extensions is not UNSET:
            field_dict["max_extensions"] = max_extensions
        if tenant_full_access is not UNSET:
            field_dict["tenant_full_access"] = tenant_full_access

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        email = d.pop("email", UNSET)

        display_name = d.pop("display_name", UNSET)

        website = d.pop("website", UNSET)

        phone = d.pop("phone", UNSET)

        address = d.pop("address", UNSET)

        description = d.pop("description", UNSET)

        max_tenants = d.pop("max_tenants", UNSET)

        max_extensions = d.pop("max_extensions", UNSET)

        tenant_full_access = d.pop("tenant_full_access", UNSET)

        dealer_update = cls(
            enabled=enabled,
            email=email,
            display_name=display_name,
            website=website,
            phone=phone,
            address=address,
            description=description,
            max_tenants=max_tenants,
            max_extensions=max_extensions,
            tenant_full_access=tenant_full_access,
        )

        dealer_update.additional_properties = d
        return dealer_update

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

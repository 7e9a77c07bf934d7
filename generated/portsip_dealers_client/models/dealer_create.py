from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dealer_level import DealerLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="DealerCreate")


@_attrs_define
class DealerCreate:
    """Body of Create a dealer.

    Attributes:
        level (DealerLevel): Dealer level includes:
            - `DISTRIBUTOR`: the first level of dealers.
            - `SUB_DISTRIBUTOR`: the second level of dealers.
            - `RESELLER`: the third level of dealers.
        name (str): The dealer's account name, used to sign in. Only letters, numbers, and the
            following special characters can be added: underscore, dash, single quote, and
            period (`_`, `-`, `'`, `.`). It cannot start or end with a period. `admin`,
            `system`, `administrator` and `root` are reserved names for the system
            administrator, with case ignored. Unique among dealers, case-insensitively (409).
        password (str): The password of dealer.
        max_tenants (int): The maximum number of tenants that the dealer is allowed to create (100 in the portal's
            form). Default: 100.
        max_extensions (int): The maximum number of extensions that the dealer is allowed to create (50000 in the
            portal's form). Default: 50000.
        enabled (bool | Unset): Enable this dealer or not. Default: True.
        email (str | Unset): The email address.
        display_name (str | Unset): The display name of the dealer.
        website (str | Unset): The website of the dealer.
        phone (str | Unset): The mobile phone number of the dealer.
        address (str | Unset): The address.
        description (str | Unset): The description of dealer.
        tenant_full_access (bool | Unset): Whether or not the reseller is allowed to have full control over the tenant.
            This attribute is not valid if not modified by first level dealer.
             Default: True.
    """

    level: DealerLevel
    name: str
    password: str = _attrs_field(repr=False)
    max_tenants: int = 100
    max_extensions: int = 50000
    enabled: bool | Unset = True
    email: str | Unset = UNSET
    display_name: str | Unset = UNSET
    website: str | Unset = UNSET
    phone: str | Unset = UNSET
    address: str | Unset = UNSET
    description: str | Unset = UNSET
    tenant_full_access: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        level = self.level.value

        name = self.name

        password = self.password

        max_tenants = self.max_tenants

        max_extensions = self.max_extensions

        enabled = self.enabled

        email = self.email

        display_name = self.display_name

        website = self.website

        phone = self.phone

        address = self.address

        description = self.description

        tenant_full_access = self.tenant_full_access

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "level": level,
                "name": name,
                "password": password,
                "max_tenants": max_tenants,
                "max_extensions": max_extensions,
            }
        )
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
        if tenant_full_access is not UNSET:
            field_dict["tenant_full_access"] = tenant_full_access

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        level = DealerLevel(d.pop("level"))

        name = d.pop("name")

        password = d.pop("password")

        max_tenants = d.pop("max_tenants")

        max_extensions = d.pop("max_extensions")

        enabled = d.pop("enabled", UNSET)

        email = d.pop("email", UNSET)

        display_name = d.pop("display_name", UNSET)

        website = d.pop("website", UNSET)

        phone = d.pop("phone", UNSET)

        address = d.pop("address", UNSET)

        description = d.pop("description", UNSET)

        tenant_full_access = d.pop("tenant_full_access", UNSET)

        dealer_create = cls(
            level=level,
            name=name,
            password=password,
            max_tenants=max_tenants,
            max_extensions=max_extensions,
            enabled=enabled,
            email=email,
            display_name=display_name,
            website=website,
            phone=phone,
            address=address,
            description=description,
            tenant_full_access=tenant_full_access,
        )

        dealer_create.additional_properties = d
        return dealer_create

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

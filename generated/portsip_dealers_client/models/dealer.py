from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dealer_level import DealerLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="Dealer")


@_attrs_define
class Dealer:
    """A dealer, as Retrieve a dealer and List dealers answer it. Only `id` is sure to
    be present. A field the dealer left blank may be absent (the vendor's file allows
    no null, and the simulator leaves it out) or null (about.md: "blank fields are
    explicitly included as null values"): a client accepts both.

        Attributes:
            id (str): The unique ID of the dealer, opaque to clients: never build or parse one. (The
                vendor's example is base64 of a decimal snowflake, but nothing promises a form.)
            enabled (bool | Unset): Enable this dealer or not.
            level (DealerLevel | str | Unset): Dealer level includes:
                - `DISTRIBUTOR`: the first level of dealers.
                - `SUB_DISTRIBUTOR`: the second level of dealers.
                - `RESELLER`: the third level of dealers.
            name (str | Unset): The dealer's account name, used to sign in. Only letters, numbers, and the
                following special characters can be added: underscore, dash, single quote, and
                period (`_`, `-`, `'`, `.`). It cannot start or end with a period. `admin`,
                `system`, `administrator` and `root` are reserved names for the system
                administrator, with case ignored. Unique among dealers, case-insensitively (409).
            email (None | str | Unset): The email address of the dealer; null when blank.
            display_name (None | str | Unset): The display name of the dealer; null when blank.
            website (None | str | Unset): The website of the dealer; null when blank.
            phone (None | str | Unset): The mobile phone number of the dealer; null when blank.
            address (None | str | Unset): The address; null when blank.
            description (None | str | Unset): The description of dealer; null when blank.
            max_tenants (int | Unset): The maximum number of tenants that the dealer is allowed to create.
            max_extensions (int | Unset): The maximum number of extensions that the dealer is allowed to create.
            tenant_full_access (bool | None | Unset): Whether or not the reseller is allowed to have full control over the
                tenant.
                Only a first-level dealer's (or the administrator's) setting takes effect.
                Absent from servers older than October 2024 (the 2024-09 sources lack it).
    """

    id: str
    enabled: bool | Unset = UNSET
    level: DealerLevel | str | Unset = UNSET
    name: str | Unset = UNSET
    email: None | str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    website: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    max_tenants: int | Unset = UNSET
    max_extensions: int | Unset = UNSET
    tenant_full_access: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        enabled = self.enabled

        level: str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        elif isinstance(self.level, DealerLevel):
            level = self.level.value
        else:
            level = self.level

        name = self.name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        max_tenants = self.max_tenants

        max_extensions = self.max_extensions

        tenant_full_access: bool | None | Unset
        if isinstance(self.tenant_full_access, Unset):
            tenant_full_access = UNSET
        else:
            tenant_full_access = self.tenant_full_access

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if level is not UNSET:
            field_dict["level"] = level
        if name is not UNSET:
            field_dict["name"] = name
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
        id = d.pop("id")

        enabled = d.pop("enabled", UNSET)

        def _parse_level(data: object) -> DealerLevel | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level_type_0 = DealerLevel(data)

                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DealerLevel | str | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        name = d.pop("name", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        max_tenants = d.pop("max_tenants", UNSET)

        max_extensions = d.pop("max_extensions", UNSET)

        def _parse_tenant_full_access(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        tenant_full_access = _parse_tenant_full_access(
            d.pop("tenant_full_access", UNSET)
        )

        dealer = cls(
            id=id,
            enabled=enabled,
            level=level,
            name=name,
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

        dealer.additional_properties = d
        return dealer

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_selection import PlanSelection
    from ..models.site_contact_create import SiteContactCreate


T = TypeVar("T", bound="SiteCreate")


@_attrs_define
class SiteCreate:
    """Body of Create Site (from the commented-out section of the doc).

    Attributes:
        password (str): Register user password for the site.
        contact (SiteContactCreate): The user who registers the site, also the site's contact.
        plan_list (list[PlanSelection]): Array of registered site's plan.
        company (str | Unset): Registered site's company.
        website (str | Unset): Register site's website.
        fax (str | Unset): Register site's fax.
        mailing_address (str | Unset): Register site's mailing address.
        city (str | Unset): Register site's city.
        state_or_province (str | Unset): Register site's state or province.
        postal_or_zip_code (str | Unset): Register site's postal or zip code.
        company_size (str | Unset): Register site's company size, a staff-count band such as `101-180` (the doc lists no
            values).
        country (str | Unset): Register site's country.
        timezone (str | Unset): Registered site's default time zone.
        time_zone (str | Unset): Registered site's default time zone, in the spelling of the Site object (send either
            `timezone` or `timeZone`, not both).
        disabled (bool | Unset): Whether the new site is disabled (sent by the sample request, not named in the field
            list).
    """

    password: str = _attrs_field(repr=False)
    contact: SiteContactCreate
    plan_list: list[PlanSelection]
    company: str | Unset = UNSET
    website: str | Unset = UNSET
    fax: str | Unset = UNSET
    mailing_address: str | Unset = UNSET
    city: str | Unset = UNSET
    state_or_province: str | Unset = UNSET
    postal_or_zip_code: str | Unset = UNSET
    company_size: str | Unset = UNSET
    country: str | Unset = UNSET
    timezone: str | Unset = UNSET
    time_zone: str | Unset = UNSET
    disabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        password = self.password

        contact = self.contact.to_dict()

        plan_list = []
        for plan_list_item_data in self.plan_list:
            plan_list_item = plan_list_item_data.to_dict()
            plan_list.append(plan_list_item)

        company = self.company

        website = self.website

        fax = self.fax

        mailing_address = self.mailing_address

        city = self.city

        state_or_province = self.state_or_province

        postal_or_zip_code = self.postal_or_zip_code

        company_size = self.company_size

        country = self.country

        timezone = self.timezone

        time_zone = self.time_zone

        disabled = self.disabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "password": password,
                "contact": contact,
                "planList": plan_list,
            }
        )
        if company is not UNSET:
            field_dict["company"] = company
        if website is not UNSET:
            field_dict["website"] = website
        if fax is not UNSET:
            field_dict["fax"] = fax
        if mailing_address is not UNSET:
            field_dict["mailingAddress"] = mailing_address
        if city is not UNSET:
            field_dict["city"] = city
        if state_or_province is not UNSET:
            field_dict["stateOrProvince"] = state_or_province
        if postal_or_zip_code is not UNSET:
            field_dict["postalOrZipCode"] = postal_or_zip_code
        if company_size is not UNSET:
            field_dict["companySize"] = company_size
        if country is not UNSET:
            field_dict["country"] = country
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if time_zone is not UNSET:
            field_dict["timeZone"] = time_zone
        if disabled is not UNSET:
            field_dict["disabled"] = disabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.plan_selection import PlanSelection
        from ..models.site_contact_create import SiteContactCreate

        d = dict(src_dict)
        password = d.pop("password")

        contact = SiteContactCreate.from_dict(d.pop("contact"))

        plan_list = []
        _plan_list = d.pop("planList")
        for plan_list_item_data in _plan_list:
            plan_list_item = PlanSelection.from_dict(plan_list_item_data)

            plan_list.append(plan_list_item)

        company = d.pop("company", UNSET)

        website = d.pop("website", UNSET)

        fax = d.pop("fax", UNSET)

        mailing_address = d.pop("mailingAddress", UNSET)

        city = d.pop("city", UNSET)

        state_or_province = d.pop("stateOrProvince", UNSET)

        postal_or_zip_code = d.pop("postalOrZipCode", UNSET)

        company_size = d.pop("companySize", UNSET)

        country = d.pop("country", UNSET)

        timezone = d.pop("timezone", UNSET)

        time_zone = d.pop("timeZone", UNSET)

        disabled = d.pop("disabled", UNSET)

        site_create = cls(
            password=password,
            contact=contact,
            plan_list=plan_list,
            company=company,
            website=website,
            fax=fax,
            mailing_address=mailing_address,
            city=city,
            state_or_province=state_or_province,
            postal_or_zip_code=postal_or_zip_code,
            company_size=company_size,
            country=country,
            timezone=timezone,
            time_zone=time_zone,
            disabled=disabled,
        )

        site_create.additional_properties = d
        return site_create

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

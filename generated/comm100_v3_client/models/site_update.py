from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_selection import PlanSelection
    from ..models.site_contact_update import SiteContactUpdate


T = TypeVar("T", bound="SiteUpdate")


@_attrs_define
class SiteUpdate:
    """Body of Update a Site; every field is optional and a field left out is unchanged.

    Attributes:
        activated (bool | Unset): Whether the site has been activated.
        disabled (bool | Unset): Whether the site has been disabled.
        company (str | Unset): Site's company.
        website (str | Unset): Site's website.
        fax (str | Unset): Site's fax.
        mailing_address (str | Unset): Site's mailing address.
        city (str | Unset): Site's city.
        state_or_province (str | Unset): Site's state or province.
        postal_or_zip_code (str | Unset): Site's postal or zip code.
        company_size (str | Unset): Register site's company size, a staff-count band such as `101-180` (the doc lists no
            values).
        country (str | Unset): Site's country.
        timezone (str | Unset): Site's default time zone.
        time_zone (str | Unset): Site's default time zone, in the spelling of the Site object (send either `timezone` or
            `timeZone`, not both).
        contact (SiteContactUpdate | Unset): Site contact fields to change; every field is optional.
        plan_list (list[PlanSelection] | Unset): Array of the site's plans.
    """

    activated: bool | Unset = UNSET
    disabled: bool | Unset = UNSET
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
    contact: SiteContactUpdate | Unset = UNSET
    plan_list: list[PlanSelection] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activated = self.activated

        disabled = self.disabled

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

        contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact, Unset):
            contact = self.contact.to_dict()

        plan_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.plan_list, Unset):
            plan_list = []
            for plan_list_item_data in self.plan_list:
                plan_list_item = plan_list_item_data.to_dict()
                plan_list.append(plan_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if activated is not UNSET:
            field_dict["activated"] = activated
        if disabled is not UNSET:
            field_dict["disabled"] = disabled
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
        if contact is not UNSET:
            field_dict["contact"] = contact
        if plan_list is not UNSET:
            field_dict["planList"] = plan_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.plan_selection import PlanSelection
        from ..models.site_contact_update import SiteContactUpdate

        d = dict(src_dict)
        activated = d.pop("activated", UNSET)

        disabled = d.pop("disabled", UNSET)

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

        _contact = d.pop("contact", UNSET)
        contact: SiteContactUpdate | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = SiteContactUpdate.from_dict(_contact)

        _plan_list = d.pop("planList", UNSET)
        plan_list: list[PlanSelection] | Unset = UNSET
        if _plan_list is not UNSET:
            plan_list = []
            for plan_list_item_data in _plan_list:
                plan_list_item = PlanSelection.from_dict(plan_list_item_data)

                plan_list.append(plan_list_item)

        site_update = cls(
            activated=activated,
            disabled=disabled,
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
            contact=contact,
            plan_list=plan_list,
        )

        site_update.additional_properties = d
        return site_update

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

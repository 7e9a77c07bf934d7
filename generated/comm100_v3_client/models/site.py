from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan import Plan
    from ..models.site_contact import SiteContact


T = TypeVar("T", bound="Site")


@_attrs_define
class Site:
    """A customer site of the partner. Every sample carries every field but the time
    zone spelling, so all fields are required except `timezone` and `timeZone`, of
    which a site carries one.

        Attributes:
            id (int): Site number (ID).
            agents (int): Number of seats.
            contact (SiteContact): Contact information of the site, generally the information of the registrant.
            company (str): Company name.
            website (str): Company website address.
            fax (str): Company fax.
            mailing_address (str): Company mailing address.
            city (str): City.
            state_or_province (str): State or province.
            postal_or_zip_code (str): Postal or zip code.
            country (str): Country (a name, `China` in the samples).
            company_size (str): Company size, a staff-count band such as `101-180`. The v3 doc lists no values
                (Comm100's v4 doc lists `1-20`, `21-50`, `51-100`, `101-180`, `181-310`,
                `311-600` and `Above 600`), so any string is accepted.
            activated (bool): Whether the site is activated.
            disabled (bool): Whether the site is disabled.
            create_time (str): Site create time, an ISO 8601 date and time, e.g. `2018-08-08T02:24:19.887`.
            plan_list (list[Plan]): The site's plans.
            timezone (str | Unset): Site default time zone (spelling of the model block, e.g. `GMT+08:00`).
            time_zone (str | Unset): Site default time zone (spelling of the sample responses, e.g. `"71"`).
    """

    id: int
    agents: int
    contact: SiteContact
    company: str
    website: str
    fax: str
    mailing_address: str
    city: str
    state_or_province: str
    postal_or_zip_code: str
    country: str
    company_size: str
    activated: bool
    disabled: bool
    create_time: str
    plan_list: list[Plan]
    timezone: str | Unset = UNSET
    time_zone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        agents = self.agents

        contact = self.contact.to_dict()

        company = self.company

        website = self.website

        fax = self.fax

        mailing_address = self.mailing_address

        city = self.city

        state_or_province = self.state_or_province

        postal_or_zip_code = self.postal_or_zip_code

        country = self.country

        company_size = self.company_size

        activated = self.activated

        disabled = self.disabled

        create_time = self.create_time

        plan_list = []
        for plan_list_item_data in self.plan_list:
            plan_list_item = plan_list_item_data.to_dict()
            plan_list.append(plan_list_item)

        timezone = self.timezone

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agents": agents,
                "contact": contact,
                "company": company,
                "website": website,
                "fax": fax,
                "mailingAddress": mailing_address,
                "city": city,
                "stateOrProvince": state_or_province,
                "postalOrZipCode": postal_or_zip_code,
                "country": country,
                "companySize": company_size,
                "activated": activated,
                "disabled": disabled,
                "createTime": create_time,
                "planList": plan_list,
            }
        )
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if time_zone is not UNSET:
            field_dict["timeZone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.plan import Plan
        from ..models.site_contact import SiteContact

        d = dict(src_dict)
        id = d.pop("id")

        agents = d.pop("agents")

        contact = SiteContact.from_dict(d.pop("contact"))

        company = d.pop("company")

        website = d.pop("website")

        fax = d.pop("fax")

        mailing_address = d.pop("mailingAddress")

        city = d.pop("city")

        state_or_province = d.pop("stateOrProvince")

        postal_or_zip_code = d.pop("postalOrZipCode")

        country = d.pop("country")

        company_size = d.pop("companySize")

        activated = d.pop("activated")

        disabled = d.pop("disabled")

        create_time = d.pop("createTime")

        plan_list = []
        _plan_list = d.pop("planList")
        for plan_list_item_data in _plan_list:
            plan_list_item = Plan.from_dict(plan_list_item_data)

            plan_list.append(plan_list_item)

        timezone = d.pop("timezone", UNSET)

        time_zone = d.pop("timeZone", UNSET)

        site = cls(
            id=id,
            agents=agents,
            contact=contact,
            company=company,
            website=website,
            fax=fax,
            mailing_address=mailing_address,
            city=city,
            state_or_province=state_or_province,
            postal_or_zip_code=postal_or_zip_code,
            country=country,
            company_size=company_size,
            activated=activated,
            disabled=disabled,
            create_time=create_time,
            plan_list=plan_list,
            timezone=timezone,
            time_zone=time_zone,
        )

        site.additional_properties = d
        return site

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

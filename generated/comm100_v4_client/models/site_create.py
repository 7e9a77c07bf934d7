from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.company_size import CompanySize
from ..models.datetime_format import DatetimeFormat
from ..models.industry import Industry
from ..models.language_id import LanguageId
from ..types import UNSET, Unset

T = TypeVar("T", bound="SiteCreate")


@_attrs_define
class SiteCreate:
    """A new site's registration.

    Attributes:
        platform_id (int): Platform where the site will register.
        email (str): Email for the registration.
        password (str): Password for the registration.
        plan_id (int): Plan selected for the site's registration.
        external_id (str | Unset): External ID for the registration.
        first_name (str | Unset): First name of the site registrant.
        last_name (str | Unset): Last name of the site registrant.
        time_zone (str | Unset): Time zone of the site, a Time Zone Option identifier.
        datetime_format (DatetimeFormat | Unset):
        language_id (LanguageId | Unset): The language of the site.
        company (str | Unset): Company name.
        industry (Industry | Unset):
        other_industry_description (str | Unset): Available when industry is "Others".
        company_size (CompanySize | Unset): The number of staff members of the company.
        mailing_address (str | Unset):
        country_or_region (str | Unset):
        state_or_province (str | Unset):
        postal_or_zip_code (str | Unset):
        city (str | Unset):
        website (str | Unset):
        phone (str | Unset):
        fax (str | Unset):
        sub_domain (str | Unset):
        custom_domain (str | Unset):
    """

    platform_id: int
    email: str
    password: str = _attrs_field(repr=False)
    plan_id: int
    external_id: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    time_zone: str | Unset = UNSET
    datetime_format: DatetimeFormat | Unset = UNSET
    language_id: LanguageId | Unset = UNSET
    company: str | Unset = UNSET
    industry: Industry | Unset = UNSET
    other_industry_description: str | Unset = UNSET
    company_size: CompanySize | Unset = UNSET
    mailing_address: str | Unset = UNSET
    country_or_region: str | Unset = UNSET
    state_or_province: str | Unset = UNSET
    postal_or_zip_code: str | Unset = UNSET
    city: str | Unset = UNSET
    website: str | Unset = UNSET
    phone: str | Unset = UNSET
    fax: str | Unset = UNSET
    sub_domain: str | Unset = UNSET
    custom_domain: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        platform_id = self.platform_id

        email = self.email

        password = self.password

        plan_id = self.plan_id

        external_id = self.external_id

        first_name = self.first_name

        last_name = self.last_name

        time_zone = self.time_zone

        datetime_format: str | Unset = UNSET
        if not isinstance(self.datetime_format, Unset):
            datetime_format = self.datetime_format.value

        language_id: str | Unset = UNSET
        if not isinstance(self.language_id, Unset):
            language_id = self.language_id.value

        company = self.company

        industry: str | Unset = UNSET
        if not isinstance(self.industry, Unset):
            industry = self.industry.value

        other_industry_description = self.other_industry_description

        company_size: str | Unset = UNSET
        if not isinstance(self.company_size, Unset):
            company_size = self.company_size.value

        mailing_address = self.mailing_address

        country_or_region = self.country_or_region

        state_or_province = self.state_or_province

        postal_or_zip_code = self.postal_or_zip_code

        city = self.city

        website = self.website

        phone = self.phone

        fax = self.fax

        sub_domain = self.sub_domain

        custom_domain = self.custom_domain

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "platformId": platform_id,
                "email": email,
                "password": password,
                "planId": plan_id,
            }
        )
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if time_zone is not UNSET:
            field_dict["timeZone"] = time_zone
        if datetime_format is not UNSET:
            field_dict["datetimeFormat"] = datetime_format
        if language_id is not UNSET:
            field_dict["languageId"] = language_id
        if company is not UNSET:
            field_dict["company"] = company
        if industry is not UNSET:
            field_dict["industry"] = industry
        if other_industry_description is not UNSET:
            field_dict["otherIndustryDescription"] = other_industry_description
        if company_size is not UNSET:
            field_dict["companySize"] = company_size
        if mailing_address is not UNSET:
            field_dict["mailingAddress"] = mailing_address
        if country_or_region is not UNSET:
            field_dict["countryOrRegion"] = country_or_region
        if state_or_province is not UNSET:
            field_dict["stateOrProvince"] = state_or_province
        if postal_or_zip_code is not UNSET:
            field_dict["postalOrZipCode"] = postal_or_zip_code
        if city is not UNSET:
            field_dict["city"] = city
        if website is not UNSET:
            field_dict["website"] = website
        if phone is not UNSET:
            field_dict["phone"] = phone
        if fax is not UNSET:
            field_dict["fax"] = fax
        if sub_domain is not UNSET:
            field_dict["subDomain"] = sub_domain
        if custom_domain is not UNSET:
            field_dict["customDomain"] = custom_domain

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        platform_id = d.pop("platformId")

        email = d.pop("email")

        password = d.pop("password")

        plan_id = d.pop("planId")

        external_id = d.pop("externalId", UNSET)

        first_name = d.pop("firstName", UNSET)

        last_name = d.pop("lastName", UNSET)

        time_zone = d.pop("timeZone", UNSET)

        _datetime_format = d.pop("datetimeFormat", UNSET)
        datetime_format: DatetimeFormat | Unset
        if isinstance(_datetime_format, Unset):
            datetime_format = UNSET
        else:
            datetime_format = DatetimeFormat(_datetime_format)

        _language_id = d.pop("languageId", UNSET)
        language_id: LanguageId | Unset
        if isinstance(_language_id, Unset):
            language_id = UNSET
        else:
            language_id = LanguageId(_language_id)

        company = d.pop("company", UNSET)

        _industry = d.pop("industry", UNSET)
        industry: Industry | Unset
        if isinstance(_industry, Unset):
            industry = UNSET
        else:
            industry = Industry(_industry)

        other_industry_description = d.pop("otherIndustryDescription", UNSET)

        _company_size = d.pop("companySize", UNSET)
        company_size: CompanySize | Unset
        if isinstance(_company_size, Unset):
            company_size = UNSET
        else:
            company_size = CompanySize(_company_size)

        mailing_address = d.pop("mailingAddress", UNSET)

        country_or_region = d.pop("countryOrRegion", UNSET)

        state_or_province = d.pop("stateOrProvince", UNSET)

        postal_or_zip_code = d.pop("postalOrZipCode", UNSET)

        city = d.pop("city", UNSET)

        website = d.pop("website", UNSET)

        phone = d.pop("phone", UNSET)

        fax = d.pop("fax", UNSET)

        sub_domain = d.pop("subDomain", UNSET)

        custom_domain = d.pop("customDomain", UNSET)

        site_create = cls(
            platform_id=platform_id,
            email=email,
            password=password,
            plan_id=plan_id,
            external_id=external_id,
            first_name=first_name,
            last_name=last_name,
            time_zone=time_zone,
            datetime_format=datetime_format,
            language_id=language_id,
            company=company,
            industry=industry,
            other_industry_description=other_industry_description,
            company_size=company_size,
            mailing_address=mailing_address,
            country_or_region=country_or_region,
            state_or_province=state_or_province,
            postal_or_zip_code=postal_or_zip_code,
            city=city,
            website=website,
            phone=phone,
            fax=fax,
            sub_domain=sub_domain,
            custom_domain=custom_domain,
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

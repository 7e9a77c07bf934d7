from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.company_size import CompanySize
from ..models.datetime_format import DatetimeFormat
from ..models.industry import Industry
from ..models.site_status import SiteStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Site")


@_attrs_define
class Site:
    """A customer site, as a flat JSON object.

    Attributes:
        id (int): ID of the site.
        external_id (str | Unset): External ID of the site.
        partner_id (int | Unset): Partner ID of the site.
        platform_id (int | Unset): Platform ID of the site.
        status (SiteStatus | str | Unset): The site's status: "Open", "Suspended", "Closed", "Purged" (the
            changeSiteStatus sample answers it in lower case).
        first_name (str | Unset): First name of the site registrant.
        last_name (str | Unset): Last name of the site registrant.
        company (str | Unset): Company name.
        website (str | Unset): Company website.
        phone (str | Unset): Company phone number.
        fax (str | Unset): Company fax number.
        company_size (CompanySize | str | Unset): The number of staff members of the company.
        mailing_address (str | Unset): The mailing address of the company.
        city (str | Unset): City where the company is located.
        language_id (str | Unset): The language of the site.
        state_or_province (str | Unset): State/Province where the company is located.
        postal_or_zip_code (str | Unset): Postal/Zip code where the company is located.
        sub_domain (str | Unset): The sub domain of the site.
        custom_domain (str | Unset): The custom domain of the site.
        country_or_region (str | Unset): Country/Region where the company is located.
        datetime_format (DatetimeFormat | str | Unset):
        time_zone (str | Unset): Time zone of the site, a Time Zone Option identifier such as "Atlantic Standard Time".
        industry (Industry | str | Unset):
        other_industry_description (str | Unset): Available when industry is "Others".
        is_deleted (bool | Unset): Whether the site is deleted.
    """

    id: int
    external_id: str | Unset = UNSET
    partner_id: int | Unset = UNSET
    platform_id: int | Unset = UNSET
    status: SiteStatus | str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    company: str | Unset = UNSET
    website: str | Unset = UNSET
    phone: str | Unset = UNSET
    fax: str | Unset = UNSET
    company_size: CompanySize | str | Unset = UNSET
    mailing_address: str | Unset = UNSET
    city: str | Unset = UNSET
    language_id: str | Unset = UNSET
    state_or_province: str | Unset = UNSET
    postal_or_zip_code: str | Unset = UNSET
    sub_domain: str | Unset = UNSET
    custom_domain: str | Unset = UNSET
    country_or_region: str | Unset = UNSET
    datetime_format: DatetimeFormat | str | Unset = UNSET
    time_zone: str | Unset = UNSET
    industry: Industry | str | Unset = UNSET
    other_industry_description: str | Unset = UNSET
    is_deleted: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        external_id = self.external_id

        partner_id = self.partner_id

        platform_id = self.platform_id

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, SiteStatus):
            status = self.status.value
        else:
            status = self.status

        first_name = self.first_name

        last_name = self.last_name

        company = self.company

        website = self.website

        phone = self.phone

        fax = self.fax

        company_size: str | Unset
        if isinstance(self.company_size, Unset):
            company_size = UNSET
        elif isinstance(self.company_size, CompanySize):
            company_size = self.company_size.value
        else:
            company_size = self.company_size

        mailing_address = self.mailing_address

        city = self.city

        language_id = self.language_id

        state_or_province = self.state_or_province

        postal_or_zip_code = self.postal_or_zip_code

        sub_domain = self.sub_domain

        custom_domain = self.custom_domain

        country_or_region = self.country_or_region

        datetime_format: str | Unset
        if isinstance(self.datetime_format, Unset):
            datetime_format = UNSET
        elif isinstance(self.datetime_format, DatetimeFormat):
            datetime_format = self.datetime_format.value
        else:
            datetime_format = self.datetime_format

        time_zone = self.time_zone

        industry: str | Unset
        if isinstance(self.industry, Unset):
            industry = UNSET
        elif isinstance(self.industry, Industry):
            industry = self.industry.value
        else:
            industry = self.industry

        other_industry_description = self.other_industry_description

        is_deleted = self.is_deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if partner_id is not UNSET:
            field_dict["partnerId"] = partner_id
        if platform_id is not UNSET:
            field_dict["platformId"] = platform_id
        if status is not UNSET:
            field_dict["status"] = status
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if company is not UNSET:
            field_dict["company"] = company
        if website is not UNSET:
            field_dict["website"] = website
        if phone is not UNSET:
            field_dict["phone"] = phone
        if fax is not UNSET:
            field_dict["fax"] = fax
        if company_size is not UNSET:
            field_dict["companySize"] = company_size
        if mailing_address is not UNSET:
            field_dict["mailingAddress"] = mailing_address
        if city is not UNSET:
            field_dict["city"] = city
        if language_id is not UNSET:
            field_dict["languageId"] = language_id
        if state_or_province is not UNSET:
            field_dict["stateOrProvince"] = state_or_province
        if postal_or_zip_code is not UNSET:
            field_dict["postalOrZipCode"] = postal_or_zip_code
        if sub_domain is not UNSET:
            field_dict["subDomain"] = sub_domain
        if custom_domain is not UNSET:
            field_dict["customDomain"] = custom_domain
        if country_or_region is not UNSET:
            field_dict["countryOrRegion"] = country_or_region
        if datetime_format is not UNSET:
            field_dict["datetimeFormat"] = datetime_format
        if time_zone is not UNSET:
            field_dict["timeZone"] = time_zone
        if industry is not UNSET:
            field_dict["industry"] = industry
        if other_industry_description is not UNSET:
            field_dict["otherIndustryDescription"] = other_industry_description
        if is_deleted is not UNSET:
            field_dict["isDeleted"] = is_deleted

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        external_id = d.pop("externalId", UNSET)

        partner_id = d.pop("partnerId", UNSET)

        platform_id = d.pop("platformId", UNSET)

        def _parse_status(data: object) -> SiteStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = SiteStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SiteStatus | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        first_name = d.pop("firstName", UNSET)

        last_name = d.pop("lastName", UNSET)

        company = d.pop("company", UNSET)

        website = d.pop("website", UNSET)

        phone = d.pop("phone", UNSET)

        fax = d.pop("fax", UNSET)

        def _parse_company_size(data: object) -> CompanySize | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                company_size_type_0 = CompanySize(data)

                return company_size_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanySize | str | Unset, data)

        company_size = _parse_company_size(d.pop("companySize", UNSET))

        mailing_address = d.pop("mailingAddress", UNSET)

        city = d.pop("city", UNSET)

        language_id = d.pop("languageId", UNSET)

        state_or_province = d.pop("stateOrProvince", UNSET)

        postal_or_zip_code = d.pop("postalOrZipCode", UNSET)

        sub_domain = d.pop("subDomain", UNSET)

        custom_domain = d.pop("customDomain", UNSET)

        country_or_region = d.pop("countryOrRegion", UNSET)

        def _parse_datetime_format(data: object) -> DatetimeFormat | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                datetime_format_type_0 = DatetimeFormat(data)

                return datetime_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatetimeFormat | str | Unset, data)

        datetime_format = _parse_datetime_format(d.pop("datetimeFormat", UNSET))

        time_zone = d.pop("timeZone", UNSET)

        def _parse_industry(data: object) -> Industry | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                industry_type_0 = Industry(data)

                return industry_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Industry | str | Unset, data)

        industry = _parse_industry(d.pop("industry", UNSET))

        other_industry_description = d.pop("otherIndustryDescription", UNSET)

        is_deleted = d.pop("isDeleted", UNSET)

        site = cls(
            id=id,
            external_id=external_id,
            partner_id=partner_id,
            platform_id=platform_id,
            status=status,
            first_name=first_name,
            last_name=last_name,
            company=company,
            website=website,
            phone=phone,
            fax=fax,
            company_size=company_size,
            mailing_address=mailing_address,
            city=city,
            language_id=language_id,
            state_or_province=state_or_province,
            postal_or_zip_code=postal_or_zip_code,
            sub_domain=sub_domain,
            custom_domain=custom_domain,
            country_or_region=country_or_region,
            datetime_format=datetime_format,
            time_zone=time_zone,
            industry=industry,
            other_industry_description=other_industry_description,
            is_deleted=is_deleted,
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

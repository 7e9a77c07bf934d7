from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.company_size import CompanySize
from ..models.datetime_format import DatetimeFormat
from ..models.industry import Industry
from ..models.language_id import LanguageId
from ..models.site_update_is_deleted_text import SiteUpdateIsDeletedText
from ..types import UNSET, Unset

T = TypeVar("T", bound="SiteUpdate")


@_attrs_define
class SiteUpdate:
    """A site's new registrant and company details.

    Attributes:
        first_name (str): First name of the site registrant.
        last_name (str): Last name of the site registrant.
        company (str): Company name.
        company_size (CompanySize): The number of staff members of the company.
        id (int | Unset): Ignored; the path names the site. The doc's sample sends it.
        external_id (str | Unset):
        partner_id (int | Unset): Partner ID of the site. A partner cannot move a site to another partner, so any value
            but the caller's own partner ID is refused with 403.
        platform_id (int | Unset):
        time_zone (str | Unset):
        datetime_format (DatetimeFormat | Unset):
        language_id (LanguageId | Unset): The language of the site.
        industry (Industry | Unset):
        other_industry_description (str | Unset):
        mailing_address (str | Unset):
        country_or_region (str | Unset):
        state_or_province (str | Unset):
        postal_or_zip_code (str | Unset):
        city (str | Unset):
        website (str | Unset):
        phone (str | Unset):
        fax (str | Unset):
        is_deleted (bool | SiteUpdateIsDeletedText | Unset): Whether the site is deleted; the doc types it as a string
            here, the model as a bool.
        sub_domain (str | Unset):
        custom_domain (str | Unset):
    """

    first_name: str
    last_name: str
    company: str
    company_size: CompanySize
    id: int | Unset = UNSET
    external_id: str | Unset = UNSET
    partner_id: int | Unset = UNSET
    platform_id: int | Unset = UNSET
    time_zone: str | Unset = UNSET
    datetime_format: DatetimeFormat | Unset = UNSET
    language_id: LanguageId | Unset = UNSET
    industry: Industry | Unset = UNSET
    other_industry_description: str | Unset = UNSET
    mailing_address: str | Unset = UNSET
    country_or_region: str | Unset = UNSET
    state_or_province: str | Unset = UNSET
    postal_or_zip_code: str | Unset = UNSET
    city: str | Unset = UNSET
    website: str | Unset = UNSET
    phone: str | Unset = UNSET
    fax: str | Unset = UNSET
    is_deleted: bool | SiteUpdateIsDeletedText | Unset = UNSET
    sub_domain: str | Unset = UNSET
    custom_domain: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        company = self.company

        company_size = self.company_size.value

        id = self.id

        external_id = self.external_id

        partner_id = self.partner_id

        platform_id = self.platform_id

        time_zone = self.time_zone

        datetime_format: str | Unset = UNSET
        if not isinstance(self.datetime_format, Unset):
            datetime_format = self.datetime_format.value

        language_id: str | Unset = UNSET
        if not isinstance(self.language_id, Unset):
            language_id = self.language_id.value

        industry: str | Unset = UNSET
        if not isinstance(self.industry, Unset):
            industry = self.industry.value

        other_industry_description = self.other_industry_description

        mailing_address = self.mailing_address

        country_or_region = self.country_or_region

        state_or_province = self.state_or_province

        postal_or_zip_code = self.postal_or_zip_code

        city = self.city

        website = self.website

        phone = self.phone

        fax = self.fax

        is_deleted: bool | str | Unset
        if isinstance(self.is_deleted, Unset):
            is_deleted = UNSET
        elif isinstance(self.is_deleted, SiteUpdateIsDeletedText):
            is_deleted = self.is_deleted.value
        else:
            is_deleted = self.is_deleted

        sub_domain = self.sub_domain

        custom_domain = self.custom_domain

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "firstName": first_name,
                "lastName": last_name,
                "company": company,
                "companySize": company_size,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if partner_id is not UNSET:
            field_dict["partnerId"] = partner_id
        if platform_id is not UNSET:
            field_dict["platformId"] = platform_id
        if time_zone is not UNSET:
            field_dict["timeZone"] = time_zone
        if datetime_format is not UNSET:
            field_dict["datetimeFormat"] = datetime_format
        if language_id is not UNSET:
            field_dict["languageId"] = language_id
        if industry is not UNSET:
            field_dict["industry"] = industry
        if other_industry_description is not UNSET:
            field_dict["otherIndustryDescription"] = other_industry_description
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
        if is_deleted is not UNSET:
            field_dict["isDeleted"] = is_deleted
        if sub_domain is not UNSET:
            field_dict["subDomain"] = sub_domain
        if custom_domain is not UNSET:
            field_dict["customDomain"] = custom_domain

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        first_name = d.pop("firstName")

        last_name = d.pop("lastName")

        company = d.pop("company")

        company_size = CompanySize(d.pop("companySize"))

        id = d.pop("id", UNSET)

        external_id = d.pop("externalId", UNSET)

        partner_id = d.pop("partnerId", UNSET)

        platform_id = d.pop("platformId", UNSET)

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

        _industry = d.pop("industry", UNSET)
        industry: Industry | Unset
        if isinstance(_industry, Unset):
            industry = UNSET
        else:
            industry = Industry(_industry)

        other_industry_description = d.pop("otherIndustryDescription", UNSET)

        mailing_address = d.pop("mailingAddress", UNSET)

        country_or_region = d.pop("countryOrRegion", UNSET)

        state_or_province = d.pop("stateOrProvince", UNSET)

        postal_or_zip_code = d.pop("postalOrZipCode", UNSET)

        city = d.pop("city", UNSET)

        website = d.pop("website", UNSET)

        phone = d.pop("phone", UNSET)

        fax = d.pop("fax", UNSET)

        def _parse_is_deleted(data: object) -> bool | SiteUpdateIsDeletedText | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                is_deleted_is_deleted_text = SiteUpdateIsDeletedText(data)

                return is_deleted_is_deleted_text
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(bool | SiteUpdateIsDeletedText | Unset, data)

        is_deleted = _parse_is_deleted(d.pop("isDeleted", UNSET))

        sub_domain = d.pop("subDomain", UNSET)

        custom_domain = d.pop("customDomain", UNSET)

        site_update = cls(
            first_name=first_name,
            last_name=last_name,
            company=company,
            company_size=company_size,
            id=id,
            external_id=external_id,
            partner_id=partner_id,
            platform_id=platform_id,
            time_zone=time_zone,
            datetime_format=datetime_format,
            language_id=language_id,
            industry=industry,
            other_industry_description=other_industry_description,
            mailing_address=mailing_address,
            country_or_region=country_or_region,
            state_or_province=state_or_province,
            postal_or_zip_code=postal_or_zip_code,
            city=city,
            website=website,
            phone=phone,
            fax=fax,
            is_deleted=is_deleted,
            sub_domain=sub_domain,
            custom_domain=custom_domain,
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

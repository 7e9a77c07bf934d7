from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.site import Site


T = TypeVar("T", bound="SitePage")


@_attrs_define
class SitePage:
    """One page of sites (up to 100) with paging information.

    Attributes:
        total (int): The number of all sites that match the current query.
        previous_page (str): Full URL of the previous page of the same query; the empty string on the first page.
        next_page (str): Full URL of the next page of the same query (call it as is, with the same Authorization
            header); the empty string on the last page.
        sites (list[Site]): Site list (up to 100).
    """

    total: int
    previous_page: str
    next_page: str
    sites: list[Site]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        previous_page = self.previous_page

        next_page = self.next_page

        sites = []
        for sites_item_data in self.sites:
            sites_item = sites_item_data.to_dict()
            sites.append(sites_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "previousPage": previous_page,
                "nextPage": next_page,
                "sites": sites,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.site import Site

        d = dict(src_dict)
        total = d.pop("total")

        previous_page = d.pop("previousPage")

        next_page = d.pop("nextPage")

        sites = []
        _sites = d.pop("sites")
        for sites_item_data in _sites:
            sites_item = Site.from_dict(sites_item_data)

            sites.append(sites_item)

        site_page = cls(
            total=total,
            previous_page=previous_page,
            next_page=next_page,
            sites=sites,
        )

        site_page.additional_properties = d
        return site_page

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

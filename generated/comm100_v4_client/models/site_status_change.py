from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.changeable_site_status import ChangeableSiteStatus

T = TypeVar("T", bound="SiteStatusChange")


@_attrs_define
class SiteStatusChange:
    """
    Attributes:
        status (ChangeableSiteStatus | str): The new status: "Open", "Suspended" or "Closed", in any letter case.
    """

    status: ChangeableSiteStatus | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str
        if isinstance(self.status, ChangeableSiteStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_status(data: object) -> ChangeableSiteStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ChangeableSiteStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeableSiteStatus | str, data)

        status = _parse_status(d.pop("status"))

        site_status_change = cls(
            status=status,
        )

        site_status_change.additional_properties = d
        return site_status_change

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

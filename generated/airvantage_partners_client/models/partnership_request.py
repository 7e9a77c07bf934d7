from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnershipRequest")


@_attrs_define
class PartnershipRequest:
    """Body of the partnership request.

    Attributes:
        partner (str): The uid of the company with which you want to be a partner (required).
        message (str | Unset): Message to explain the purpose of the request.
        profile (str | Unset): The uid of the profile which will be used by users of the partner in your company
            (optional).
        notify (bool | Unset): Send an email notification to the user calling this method when the operation finishes.
            Default: False.
        callback (str | Unset): The URL called when the operation state changes, of the pattern
            `http(s)://(user:password@)www.yourhost.com/your_rest_service`.
    """

    partner: str
    message: str | Unset = UNSET
    profile: str | Unset = UNSET
    notify: bool | Unset = False
    callback: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        partner = self.partner

        message = self.message

        profile = self.profile

        notify = self.notify

        callback = self.callback

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "partner": partner,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if profile is not UNSET:
            field_dict["profile"] = profile
        if notify is not UNSET:
            field_dict["notify"] = notify
        if callback is not UNSET:
            field_dict["callback"] = callback

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        partner = d.pop("partner")

        message = d.pop("message", UNSET)

        profile = d.pop("profile", UNSET)

        notify = d.pop("notify", UNSET)

        callback = d.pop("callback", UNSET)

        partnership_request = cls(
            partner=partner,
            message=message,
            profile=profile,
            notify=notify,
            callback=callback,
        )

        partnership_request.additional_properties = d
        return partnership_request

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

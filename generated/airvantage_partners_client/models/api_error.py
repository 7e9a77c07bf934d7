from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiError")


@_attrs_define
class ApiError:
    """The vendor's error answer: a dotted code (`partner.unknown`) and the values it
    concerns. An OAuth-protected call refused for its token answers the OAuth shape
    (`error` plus `error_description`), which this schema also accepts. Some error
    answers have an empty body (the vendor's Go client falls back to "error <status>").

        Attributes:
            error (str): The error code, a dotted name such as `partner.unknown` (or an OAuth code such as `invalid_token`).
            error_parameters (list[str] | Unset): The values the error concerns (for an unknown uid, the uid).
            error_description (str | Unset): Human-readable explanation, in OAuth error answers.
    """

    error: str
    error_parameters: list[str] | Unset = UNSET
    error_description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        error_parameters: list[str] | Unset = UNSET
        if not isinstance(self.error_parameters, Unset):
            error_parameters = self.error_parameters

        error_description = self.error_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if error_parameters is not UNSET:
            field_dict["errorParameters"] = error_parameters
        if error_description is not UNSET:
            field_dict["error_description"] = error_description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = d.pop("error")

        error_parameters = cast(list[str], d.pop("errorParameters", UNSET))

        error_description = d.pop("error_description", UNSET)

        api_error = cls(
            error=error,
            error_parameters=error_parameters,
            error_description=error_description,
        )

        api_error.additional_properties = d
        return api_error

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

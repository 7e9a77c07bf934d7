from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.request_type import RequestType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_ref import CompanyRef


T = TypeVar("T", bound="Request")


@_attrs_define
class Request:
    """An interaction between two companies: a partnership request (the companies do not
    know each other yet) or a gateway transfer (they are already partners). Requests
    can be accepted or rejected. All fields are read-only but `message`.

    No property is required: Find returns only the attributes named in `fields`
    (default `uid`, `type` and `date`).

        Attributes:
            uid (str | Unset): Request's unique identifier.
            message (str | Unset): Explanatory message about the purpose of this request.
            date (int | Unset): When the request was sent, in milliseconds since the Unix epoch (UTC).
            type_ (RequestType | str | Unset): The kind of request.
            request_by (CompanyRef | Unset): A company named by uid and name.
    """

    uid: str | Unset = UNSET
    message: str | Unset = UNSET
    date: int | Unset = UNSET
    type_: RequestType | str | Unset = UNSET
    request_by: CompanyRef | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uid = self.uid

        message = self.message

        date = self.date

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, RequestType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        request_by: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request_by, Unset):
            request_by = self.request_by.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if uid is not UNSET:
            field_dict["uid"] = uid
        if message is not UNSET:
            field_dict["message"] = message
        if date is not UNSET:
            field_dict["date"] = date
        if type_ is not UNSET:
            field_dict["type"] = type_
        if request_by is not UNSET:
            field_dict["requestBy"] = request_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.company_ref import CompanyRef

        d = dict(src_dict)
        uid = d.pop("uid", UNSET)

        message = d.pop("message", UNSET)

        date = d.pop("date", UNSET)

        def _parse_type_(data: object) -> RequestType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = RequestType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RequestType | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        _request_by = d.pop("requestBy", UNSET)
        request_by: CompanyRef | Unset
        if isinstance(_request_by, Unset):
            request_by = UNSET
        else:
            request_by = CompanyRef.from_dict(_request_by)

        request = cls(
            uid=uid,
            message=message,
            date=date,
            type_=type_,
            request_by=request_by,
        )

        request.additional_properties = d
        return request

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

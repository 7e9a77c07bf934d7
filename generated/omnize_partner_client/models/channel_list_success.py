from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel

T = TypeVar("T", bound="ChannelListSuccess")


@_attrs_define
class ChannelListSuccess:
    """
    Attributes:
        status (Literal[200]):
        success (Literal[True]):
        data (list[Channel | str]):
    """

    status: Literal[200]
    success: Literal[True]
    data: list[Channel | str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        success = self.success

        data = []
        for data_item_data in self.data:
            data_item: str
            if isinstance(data_item_data, Channel):
                data_item = data_item_data.value
            else:
                data_item = data_item_data
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "success": success,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = cast(Literal[200], d.pop("status"))
        if status != 200:
            raise ValueError(f"status must match const 200, got '{status}'")

        success = cast(Literal[True], d.pop("success"))
        if success != True:
            raise ValueError(f"success must match const True, got '{success}'")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:

            def _parse_data_item(data: object) -> Channel | str:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    data_item_type_0 = Channel(data)

                    return data_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(Channel | str, data)

            data_item = _parse_data_item(data_item_data)

            data.append(data_item)

        channel_list_success = cls(
            status=status,
            success=success,
            data=data,
        )

        channel_list_success.additional_properties = d
        return channel_list_success

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

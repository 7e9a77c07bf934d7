from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.active_flag import ActiveFlag
from ..models.channel import Channel
from ..types import UNSET, Unset

T = TypeVar("T", bound="DepartmentUpdate")


@_attrs_define
class DepartmentUpdate:
    """The department fields to change. `ativo` 0 inactivates the department.

    Attributes:
        name (str | Unset):
        description (str | Unset):
        ativo (ActiveFlag | Unset): `ativo` (Portuguese for active): 1 active, 0 inactive.
        channels (list[Channel] | Unset):
    """

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    ativo: ActiveFlag | Unset = UNSET
    channels: list[Channel] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        ativo: int | Unset = UNSET
        if not isinstance(self.ativo, Unset):
            ativo = self.ativo.value

        channels: list[str] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = []
            for channels_item_data in self.channels:
                channels_item = channels_item_data.value
                channels.append(channels_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if ativo is not UNSET:
            field_dict["ativo"] = ativo
        if channels is not UNSET:
            field_dict["channels"] = channels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _ativo = d.pop("ativo", UNSET)
        ativo: ActiveFlag | Unset
        if isinstance(_ativo, Unset):
            ativo = UNSET
        else:
            ativo = ActiveFlag(_ativo)

        _channels = d.pop("channels", UNSET)
        channels: list[Channel] | Unset = UNSET
        if _channels is not UNSET:
            channels = []
            for channels_item_data in _channels:
                channels_item = Channel(channels_item_data)

                channels.append(channels_item)

        department_update = cls(
            name=name,
            description=description,
            ativo=ativo,
            channels=channels,
        )

        department_update.additional_properties = d
        return department_update

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

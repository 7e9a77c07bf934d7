from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.active_flag import ActiveFlag
from ..models.channel import Channel
from ..types import UNSET, Unset

T = TypeVar("T", bound="Department")


@_attrs_define
class Department:
    """A department of an account. The doc never shows one. The fields are those of the create body plus `id`.

    Attributes:
        id (int):
        account_id (int):
        name (str):
        ativo (ActiveFlag | int): `ativo` (Portuguese for active): 1 active, 0 inactive.
        description (None | str | Unset):
        channels (list[Channel | str] | Unset):
    """

    id: int
    account_id: int
    name: str
    ativo: ActiveFlag | int
    description: None | str | Unset = UNSET
    channels: list[Channel | str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        name = self.name

        ativo: int
        if isinstance(self.ativo, ActiveFlag):
            ativo = self.ativo.value
        else:
            ativo = self.ativo

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        channels: list[str] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = []
            for channels_item_data in self.channels:
                channels_item: str
                if isinstance(channels_item_data, Channel):
                    channels_item = channels_item_data.value
                else:
                    channels_item = channels_item_data
                channels.append(channels_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account_id": account_id,
                "name": name,
                "ativo": ativo,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if channels is not UNSET:
            field_dict["channels"] = channels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("account_id")

        name = d.pop("name")

        def _parse_ativo(data: object) -> ActiveFlag | int:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                ativo_type_0 = ActiveFlag(data)

                return ativo_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActiveFlag | int, data)

        ativo = _parse_ativo(d.pop("ativo"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _channels = d.pop("channels", UNSET)
        channels: list[Channel | str] | Unset = UNSET
        if _channels is not UNSET:
            channels = []
            for channels_item_data in _channels:

                def _parse_channels_item(data: object) -> Channel | str:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        channels_item_type_0 = Channel(data)

                        return channels_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(Channel | str, data)

                channels_item = _parse_channels_item(channels_item_data)

                channels.append(channels_item)

        department = cls(
            id=id,
            account_id=account_id,
            name=name,
            ativo=ativo,
            description=description,
            channels=channels,
        )

        department.additional_properties = d
        return department

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel_name import ChannelName
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.department_fields import DepartmentFields


T = TypeVar("T", bound="DepartmentRequest")


@_attrs_define
class DepartmentRequest:
    """The body of createDepartment and updateDepartment.

    Attributes:
        department (DepartmentFields):
        token (str | Unset): The partner token. The client overlay fills it from the client factory.
        agent_ids (list[int] | Unset):
        channels (list[ChannelName] | Unset):
    """

    department: DepartmentFields
    token: str | Unset = _attrs_field(repr=False, default=UNSET)
    agent_ids: list[int] | Unset = UNSET
    channels: list[ChannelName] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        department = self.department.to_dict()

        token = self.token

        agent_ids: list[int] | Unset = UNSET
        if not isinstance(self.agent_ids, Unset):
            agent_ids = self.agent_ids

        channels: list[str] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = []
            for channels_item_data in self.channels:
                channels_item = channels_item_data.value
                channels.append(channels_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "department": department,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token
        if agent_ids is not UNSET:
            field_dict["agent_ids"] = agent_ids
        if channels is not UNSET:
            field_dict["channels"] = channels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.department_fields import DepartmentFields

        d = dict(src_dict)
        department = DepartmentFields.from_dict(d.pop("department"))

        token = d.pop("token", UNSET)

        agent_ids = cast(list[int], d.pop("agent_ids", UNSET))

        _channels = d.pop("channels", UNSET)
        channels: list[ChannelName] | Unset = UNSET
        if _channels is not UNSET:
            channels = []
            for channels_item_data in _channels:
                channels_item = ChannelName(channels_item_data)

                channels.append(channels_item)

        department_request = cls(
            department=department,
            token=token,
            agent_ids=agent_ids,
            channels=channels,
        )

        department_request.additional_properties = d
        return department_request

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

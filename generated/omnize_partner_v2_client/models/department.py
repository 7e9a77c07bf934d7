from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.channel import Channel


T = TypeVar("T", bound="Department")


@_attrs_define
class Department:
    """A department as v2 answers it.

    Attributes:
        active (bool):
        description (None | str):
        id (int):
        name (str):
        queue (bool): Whether calls queue when no agent is free (inferred from the name).
        queued_max_time (int): Seconds a call may wait in the queue (120 in the samples; inferred unit).
        ringing_max_time (int): Seconds an agent's call rings (20 in the samples; inferred unit).
        queue_position_time (int | None):
        deleted_at (None | str):
        agents (int): How many agents the department has (a count, not a list).
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        channels (list[Channel]):
    """

    active: bool
    description: None | str
    id: int
    name: str
    queue: bool
    queued_max_time: int
    ringing_max_time: int
    queue_position_time: int | None
    deleted_at: None | str
    agents: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    channels: list[Channel]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        description: None | str
        description = self.description

        id = self.id

        name = self.name

        queue = self.queue

        queued_max_time = self.queued_max_time

        ringing_max_time = self.ringing_max_time

        queue_position_time: int | None
        queue_position_time = self.queue_position_time

        deleted_at: None | str
        deleted_at = self.deleted_at

        agents = self.agents

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.to_dict()
            channels.append(channels_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "description": description,
                "id": id,
                "name": name,
                "queue": queue,
                "queued_max_time": queued_max_time,
                "ringing_max_time": ringing_max_time,
                "queue_position_time": queue_position_time,
                "deleted_at": deleted_at,
                "agents": agents,
                "created_at": created_at,
                "updated_at": updated_at,
                "channels": channels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.channel import Channel

        d = dict(src_dict)
        active = d.pop("active")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        id = d.pop("id")

        name = d.pop("name")

        queue = d.pop("queue")

        queued_max_time = d.pop("queued_max_time")

        ringing_max_time = d.pop("ringing_max_time")

        def _parse_queue_position_time(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        queue_position_time = _parse_queue_position_time(d.pop("queue_position_time"))

        def _parse_deleted_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at"))

        agents = d.pop("agents")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = Channel.from_dict(channels_item_data)

            channels.append(channels_item)

        department = cls(
            active=active,
            description=description,
            id=id,
            name=name,
            queue=queue,
            queued_max_time=queued_max_time,
            ringing_max_time=ringing_max_time,
            queue_position_time=queue_position_time,
            deleted_at=deleted_at,
            agents=agents,
            created_at=created_at,
            updated_at=updated_at,
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

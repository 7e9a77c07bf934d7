from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DepartmentAgentsRequest")


@_attrs_define
class DepartmentAgentsRequest:
    """
    Attributes:
        agents (list[int | str]):
        token (str | Unset): The partner token. The client overlay fills it from the client factory, and the user never
            passes it.
    """

    agents: list[int | str]
    token: str | Unset = _attrs_field(repr=False, default=UNSET)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agents = []
        for agents_item_data in self.agents:
            agents_item: int | str
            agents_item = agents_item_data
            agents.append(agents_item)

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agents": agents,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agents = []
        _agents = d.pop("agents")
        for agents_item_data in _agents:

            def _parse_agents_item(data: object) -> int | str:
                return cast(int | str, data)

            agents_item = _parse_agents_item(agents_item_data)

            agents.append(agents_item)

        token = d.pop("token", UNSET)

        department_agents_request = cls(
            agents=agents,
            token=token,
        )

        department_agents_request.additional_properties = d
        return department_agents_request

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

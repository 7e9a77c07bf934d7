from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_scope import AgentScope


T = TypeVar("T", bound="DeleteAgentRequest")


@_attrs_define
class DeleteAgentRequest:
    """
    Attributes:
        agent (AgentScope): The account an agent is deleted from.
        token (str | Unset): The partner token. The client overlay fills it from the client factory.
    """

    agent: AgentScope
    token: str | Unset = _attrs_field(repr=False, default=UNSET)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent = self.agent.to_dict()

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent": agent,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_scope import AgentScope

        d = dict(src_dict)
        agent = AgentScope.from_dict(d.pop("agent"))

        token = d.pop("token", UNSET)

        delete_agent_request = cls(
            agent=agent,
            token=token,
        )

        delete_agent_request.additional_properties = d
        return delete_agent_request

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

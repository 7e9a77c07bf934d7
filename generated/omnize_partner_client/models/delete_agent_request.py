from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delete_agent_scope import DeleteAgentScope


T = TypeVar("T", bound="DeleteAgentRequest")


@_attrs_define
class DeleteAgentRequest:
    """The JSON body of DELETE /agents/{id}. It carries the partner token and, optionally, the agent's account.

    Attributes:
        token (str | Unset): The partner token. The client overlay fills it from the client factory, and the user never
            passes it.
        agent (DeleteAgentScope | Unset): The account of the agent a delete names (the v2 page's form, March 2021).
    """

    token: str | Unset = _attrs_field(repr=False, default=UNSET)
    agent: DeleteAgentScope | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        agent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.agent, Unset):
            agent = self.agent.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if token is not UNSET:
            field_dict["token"] = token
        if agent is not UNSET:
            field_dict["agent"] = agent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.delete_agent_scope import DeleteAgentScope

        d = dict(src_dict)
        token = d.pop("token", UNSET)

        _agent = d.pop("agent", UNSET)
        agent: DeleteAgentScope | Unset
        if isinstance(_agent, Unset):
            agent = UNSET
        else:
            agent = DeleteAgentScope.from_dict(_agent)

        delete_agent_request = cls(
            token=token,
            agent=agent,
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

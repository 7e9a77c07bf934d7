from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.profile import Profile
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_create import AgentCreate


T = TypeVar("T", bound="CreateAgentRequest")


@_attrs_define
class CreateAgentRequest:
    """
    Attributes:
        agent (AgentCreate): The new agent. Only `text_limit` is marked optional in the doc.
        token (str | Unset): The partner token. The client overlay fills it from the client factory, and the user never
            passes it.
        profile (Profile | Unset): An agent's profile. ADMIN administers the account, and AGENT attends.
    """

    agent: AgentCreate
    token: str | Unset = _attrs_field(repr=False, default=UNSET)
    profile: Profile | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent = self.agent.to_dict()

        token = self.token

        profile: str | Unset = UNSET
        if not isinstance(self.profile, Unset):
            profile = self.profile.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent": agent,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token
        if profile is not UNSET:
            field_dict["profile"] = profile

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_create import AgentCreate

        d = dict(src_dict)
        agent = AgentCreate.from_dict(d.pop("agent"))

        token = d.pop("token", UNSET)

        _profile = d.pop("profile", UNSET)
        profile: Profile | Unset
        if isinstance(_profile, Unset):
            profile = UNSET
        else:
            profile = Profile(_profile)

        create_agent_request = cls(
            agent=agent,
            token=token,
            profile=profile,
        )

        create_agent_request.additional_properties = d
        return create_agent_request

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

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
        agent (AgentCreate):
        token (str | Unset): The partner token. The client overlay fills it from the client factory.
        profile (None | Profile | Unset): The agent's profile; null or absent gives AGENT.
        department_ids (list[int] | None | Unset): The agent's departments; null or absent puts it in the account's
            first department.
    """

    agent: AgentCreate
    token: str | Unset = _attrs_field(repr=False, default=UNSET)
    profile: None | Profile | Unset = UNSET
    department_ids: list[int] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent = self.agent.to_dict()

        token = self.token

        profile: None | str | Unset
        if isinstance(self.profile, Unset):
            profile = UNSET
        elif isinstance(self.profile, Profile):
            profile = self.profile.value
        else:
            profile = self.profile

        department_ids: list[int] | None | Unset
        if isinstance(self.department_ids, Unset):
            department_ids = UNSET
        elif isinstance(self.department_ids, list):
            department_ids = self.department_ids

        else:
            department_ids = self.department_ids

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
        if department_ids is not UNSET:
            field_dict["department_ids"] = department_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_create import AgentCreate

        d = dict(src_dict)
        agent = AgentCreate.from_dict(d.pop("agent"))

        token = d.pop("token", UNSET)

        def _parse_profile(data: object) -> None | Profile | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                profile_type_0 = Profile(data)

                return profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Profile | Unset, data)

        profile = _parse_profile(d.pop("profile", UNSET))

        def _parse_department_ids(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                department_ids_type_0 = cast(list[int], data)

                return department_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        department_ids = _parse_department_ids(d.pop("department_ids", UNSET))

        create_agent_request = cls(
            agent=agent,
            token=token,
            profile=profile,
            department_ids=department_ids,
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

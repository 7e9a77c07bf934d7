from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.profile import Profile

if TYPE_CHECKING:
    from ..models.department_ref import DepartmentRef


T = TypeVar("T", bound="Agent")


@_attrs_define
class Agent:
    """An agent as v2 answers it.

    Attributes:
        id (int):
        name (str):
        photo (None | str): The agent's photo URL.
        phone_extension (None | str):
        signature (None | str):
        email (str):
        deleted_at (None | str):
        active (bool):
        departments (list[DepartmentRef]):
        status (str): The agent's presence ("OFFLINE" in every sample; the other values are not documented).
        profile (Profile | str): An agent's profile. ADMIN administers the account, and AGENT attends.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    name: str
    photo: None | str
    phone_extension: None | str
    signature: None | str
    email: str
    deleted_at: None | str
    active: bool
    departments: list[DepartmentRef]
    status: str
    profile: Profile | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        photo: None | str
        photo = self.photo

        phone_extension: None | str
        phone_extension = self.phone_extension

        signature: None | str
        signature = self.signature

        email = self.email

        deleted_at: None | str
        deleted_at = self.deleted_at

        active = self.active

        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)

        status = self.status

        profile: str
        if isinstance(self.profile, Profile):
            profile = self.profile.value
        else:
            profile = self.profile

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "photo": photo,
                "phone_extension": phone_extension,
                "signature": signature,
                "email": email,
                "deleted_at": deleted_at,
                "active": active,
                "departments": departments,
                "status": status,
                "profile": profile,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.department_ref import DepartmentRef

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_photo(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        photo = _parse_photo(d.pop("photo"))

        def _parse_phone_extension(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone_extension = _parse_phone_extension(d.pop("phone_extension"))

        def _parse_signature(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        signature = _parse_signature(d.pop("signature"))

        email = d.pop("email")

        def _parse_deleted_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at"))

        active = d.pop("active")

        departments = []
        _departments = d.pop("departments")
        for departments_item_data in _departments:
            departments_item = DepartmentRef.from_dict(departments_item_data)

            departments.append(departments_item)

        status = d.pop("status")

        def _parse_profile(data: object) -> Profile | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                profile_type_0 = Profile(data)

                return profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Profile | str, data)

        profile = _parse_profile(d.pop("profile"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        agent = cls(
            id=id,
            name=name,
            photo=photo,
            phone_extension=phone_extension,
            signature=signature,
            email=email,
            deleted_at=deleted_at,
            active=active,
            departments=departments,
            status=status,
            profile=profile,
            created_at=created_at,
            updated_at=updated_at,
        )

        agent.additional_properties = d
        return agent

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

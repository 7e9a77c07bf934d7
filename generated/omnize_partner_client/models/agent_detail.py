from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.active_flag import ActiveFlag

if TYPE_CHECKING:
    from ..models.department_ref import DepartmentRef


T = TypeVar("T", bound="AgentDetail")


@_attrs_define
class AgentDetail:
    """An agent as show agent (October 2020) answers it, in another shape than create agent's Agent.

    Attributes:
        id (int):
        name (str):
        photo (None | str): Photo URL (inferred type, as Agent's).
        phone_extension (None | str):
        signature (None | str):
        email (str):
        deleted_at (None | str):
        ativo (ActiveFlag | int): `ativo` (Portuguese for active): 1 active, 0 inactive.
        active (bool): `ativo` as a boolean.
        departments (list[DepartmentRef]):
        new_status (str): The agent's presence ("OFFLINE" in the sample; the other values are not documented).
        department (DepartmentRef | None): One of the agent's departments (the first, inferred), or null for an agent in
            none.
    """

    id: int
    name: str
    photo: None | str
    phone_extension: None | str
    signature: None | str
    email: str
    deleted_at: None | str
    ativo: ActiveFlag | int
    active: bool
    departments: list[DepartmentRef]
    new_status: str
    department: DepartmentRef | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.department_ref import DepartmentRef

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

        ativo: int
        if isinstance(self.ativo, ActiveFlag):
            ativo = self.ativo.value
        else:
            ativo = self.ativo

        active = self.active

        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)

        new_status = self.new_status

        department: dict[str, Any] | None
        if isinstance(self.department, DepartmentRef):
            department = self.department.to_dict()
        else:
            department = self.department

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
                "ativo": ativo,
                "active": active,
                "departments": departments,
                "new_status": new_status,
                "department": department,
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

        active = d.pop("active")

        departments = []
        _departments = d.pop("departments")
        for departments_item_data in _departments:
            departments_item = DepartmentRef.from_dict(departments_item_data)

            departments.append(departments_item)

        new_status = d.pop("new_status")

        def _parse_department(data: object) -> DepartmentRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                department_type_0 = DepartmentRef.from_dict(data)

                return department_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DepartmentRef | None, data)

        department = _parse_department(d.pop("department"))

        agent_detail = cls(
            id=id,
            name=name,
            photo=photo,
            phone_extension=phone_extension,
            signature=signature,
            email=email,
            deleted_at=deleted_at,
            ativo=ativo,
            active=active,
            departments=departments,
            new_status=new_status,
            department=department,
        )

        agent_detail.additional_properties = d
        return agent_detail

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

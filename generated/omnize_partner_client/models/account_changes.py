from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.active_flag import ActiveFlag
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountChanges")


@_attrs_define
class AccountChanges:
    """The account fields to change. Anything but a lone `ativo`, which is AccountActivation or AccountInactivation.

    Attributes:
        email (str | Unset):
        main_contact (str | Unset):
        telefone (str | Unset):
        url (str | Unset):
        ativo (ActiveFlag | Unset): `ativo` (Portuguese for active): 1 active, 0 inactive.
    """

    email: str | Unset = UNSET
    main_contact: str | Unset = UNSET
    telefone: str | Unset = UNSET
    url: str | Unset = UNSET
    ativo: ActiveFlag | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        main_contact = self.main_contact

        telefone = self.telefone

        url = self.url

        ativo: int | Unset = UNSET
        if not isinstance(self.ativo, Unset):
            ativo = self.ativo.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if main_contact is not UNSET:
            field_dict["main_contact"] = main_contact
        if telefone is not UNSET:
            field_dict["telefone"] = telefone
        if url is not UNSET:
            field_dict["url"] = url
        if ativo is not UNSET:
            field_dict["ativo"] = ativo

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        main_contact = d.pop("main_contact", UNSET)

        telefone = d.pop("telefone", UNSET)

        url = d.pop("url", UNSET)

        _ativo = d.pop("ativo", UNSET)
        ativo: ActiveFlag | Unset
        if isinstance(_ativo, Unset):
            ativo = UNSET
        else:
            ativo = ActiveFlag(_ativo)

        account_changes = cls(
            email=email,
            main_contact=main_contact,
            telefone=telefone,
            url=url,
            ativo=ativo,
        )

        account_changes.additional_properties = d
        return account_changes

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

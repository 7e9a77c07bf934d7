from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.active_flag import ActiveFlag

T = TypeVar("T", bound="AccountSummary")


@_attrs_define
class AccountSummary:
    """An account as list accounts (October 2020) answers it, in another shape than create account's Account.

    Attributes:
        id (int):
        name (None | str): null for an account created without one (create account takes no name).
        email (str):
        main_contact (str):
        url (str):
        user_last_access (None | str):
        date_creation (datetime.datetime):
        change_date (datetime.datetime):
        webhook_url (None | str):
        deleted_at (None | str):
        phone (None | str): The account's phone, sent as `telefone` on create and update (inferred).
        ativo (ActiveFlag | int): `ativo` (Portuguese for active): 1 active, 0 inactive.
        active (bool): `ativo` as a boolean; the doc says `ativo` "will be discontinued in future".
    """

    id: int
    name: None | str
    email: str
    main_contact: str
    url: str
    user_last_access: None | str
    date_creation: datetime.datetime
    change_date: datetime.datetime
    webhook_url: None | str
    deleted_at: None | str
    phone: None | str
    ativo: ActiveFlag | int
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        email = self.email

        main_contact = self.main_contact

        url = self.url

        user_last_access: None | str
        user_last_access = self.user_last_access

        date_creation = self.date_creation.isoformat()

        change_date = self.change_date.isoformat()

        webhook_url: None | str
        webhook_url = self.webhook_url

        deleted_at: None | str
        deleted_at = self.deleted_at

        phone: None | str
        phone = self.phone

        ativo: int
        if isinstance(self.ativo, ActiveFlag):
            ativo = self.ativo.value
        else:
            ativo = self.ativo

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "email": email,
                "main_contact": main_contact,
                "url": url,
                "user_last_access": user_last_access,
                "date_creation": date_creation,
                "change_date": change_date,
                "webhook_url": webhook_url,
                "deleted_at": deleted_at,
                "phone": phone,
                "ativo": ativo,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        email = d.pop("email")

        main_contact = d.pop("main_contact")

        url = d.pop("url")

        def _parse_user_last_access(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_last_access = _parse_user_last_access(d.pop("user_last_access"))

        date_creation = datetime.datetime.fromisoformat(d.pop("date_creation"))

        change_date = datetime.datetime.fromisoformat(d.pop("change_date"))

        def _parse_webhook_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url"))

        def _parse_deleted_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

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

        account_summary = cls(
            id=id,
            name=name,
            email=email,
            main_contact=main_contact,
            url=url,
            user_last_access=user_last_access,
            date_creation=date_creation,
            change_date=change_date,
            webhook_url=webhook_url,
            deleted_at=deleted_at,
            phone=phone,
            ativo=ativo,
            active=active,
        )

        account_summary.additional_properties = d
        return account_summary

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

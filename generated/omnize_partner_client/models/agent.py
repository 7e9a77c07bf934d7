from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.active_flag import ActiveFlag
from ..models.administrator import Administrator

T = TypeVar("T", bound="Agent")


@_attrs_define
class Agent:
    """An agent as the partner API returns it. The fields and types come from the create-agent sample.

    Attributes:
        id (int):
        name (str):
        password (None | str): Never revealed. The sample returns null.
        administrator (Administrator | str): `administrator` flag of an agent: "NAO" (Portuguese "não", no) for the
            AGENT profile, "SIM" (yes) for ADMIN.
        email (str): The agent's login e-mail.
        ativo (ActiveFlag | int): `ativo` (Portuguese for active): 1 active, 0 inactive.
        photo (None | str): Photo URL (inferred type).
        subscriber_id (int | None):
        account_id (int):
        date_creation (str): Creation time as "YYYY-MM-DD HH:MM:SS" (space-separated, no zone; not RFC 3339).
        change_date (str): Last change time as "YYYY-MM-DD HH:MM:SS".
        user_creation (int | None):
        user_change (int | None):
        version_register (int): Record version counter (0 on creation).
        register_mobile_id (None | str):
        photo_expired_date (None | str):
        bucket_conf (None | str):
    """

    id: int
    name: str
    password: None | str = _attrs_field(repr=False)
    administrator: Administrator | str
    email: str
    ativo: ActiveFlag | int
    photo: None | str
    subscriber_id: int | None
    account_id: int
    date_creation: str
    change_date: str
    user_creation: int | None
    user_change: int | None
    version_register: int
    register_mobile_id: None | str
    photo_expired_date: None | str
    bucket_conf: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        password: None | str
        password = self.password

        administrator: str
        if isinstance(self.administrator, Administrator):
            administrator = self.administrator.value
        else:
            administrator = self.administrator

        email = self.email

        ativo: int
        if isinstance(self.ativo, ActiveFlag):
            ativo = self.ativo.value
        else:
            ativo = self.ativo

        photo: None | str
        photo = self.photo

        subscriber_id: int | None
        subscriber_id = self.subscriber_id

        account_id = self.account_id

        date_creation = self.date_creation

        change_date = self.change_date

        user_creation: int | None
        user_creation = self.user_creation

        user_change: int | None
        user_change = self.user_change

        version_register = self.version_register

        register_mobile_id: None | str
        register_mobile_id = self.register_mobile_id

        photo_expired_date: None | str
        photo_expired_date = self.photo_expired_date

        bucket_conf: None | str
        bucket_conf = self.bucket_conf

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "password": password,
                "administrator": administrator,
                "email": email,
                "ativo": ativo,
                "photo": photo,
                "subscriber_id": subscriber_id,
                "account_id": account_id,
                "date_creation": date_creation,
                "change_date": change_date,
                "user_creation": user_creation,
                "user_change": user_change,
                "version_register": version_register,
                "register_mobile_id": register_mobile_id,
                "photo_expired_date": photo_expired_date,
                "bucket_conf": bucket_conf,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_password(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        password = _parse_password(d.pop("password"))

        def _parse_administrator(data: object) -> Administrator | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                administrator_type_0 = Administrator(data)

                return administrator_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Administrator | str, data)

        administrator = _parse_administrator(d.pop("administrator"))

        email = d.pop("email")

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

        def _parse_photo(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        photo = _parse_photo(d.pop("photo"))

        def _parse_subscriber_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        subscriber_id = _parse_subscriber_id(d.pop("subscriber_id"))

        account_id = d.pop("account_id")

        date_creation = d.pop("date_creation")

        change_date = d.pop("change_date")

        def _parse_user_creation(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user_creation = _parse_user_creation(d.pop("user_creation"))

        def _parse_user_change(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user_change = _parse_user_change(d.pop("user_change"))

        version_register = d.pop("version_register")

        def _parse_register_mobile_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        register_mobile_id = _parse_register_mobile_id(d.pop("register_mobile_id"))

        def _parse_photo_expired_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        photo_expired_date = _parse_photo_expired_date(d.pop("photo_expired_date"))

        def _parse_bucket_conf(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bucket_conf = _parse_bucket_conf(d.pop("bucket_conf"))

        agent = cls(
            id=id,
            name=name,
            password=password,
            administrator=administrator,
            email=email,
            ativo=ativo,
            photo=photo,
            subscriber_id=subscriber_id,
            account_id=account_id,
            date_creation=date_creation,
            change_date=change_date,
            user_creation=user_creation,
            user_change=user_change,
            version_register=version_register,
            register_mobile_id=register_mobile_id,
            photo_expired_date=photo_expired_date,
            bucket_conf=bucket_conf,
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

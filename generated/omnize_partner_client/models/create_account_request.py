from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_create import AccountCreate


T = TypeVar("T", bound="CreateAccountRequest")


@_attrs_define
class CreateAccountRequest:
    """
    Attributes:
        license_quantity (int): How many ACTIVE agents the account may have (inferred).
        account (AccountCreate):
        token (str | Unset): The partner token. The client overlay fills it from the client factory, and the user never
            passes it.
        password (str | Unset): Optional. Lowercase hex SHA-256 digest of the plain-text password, as it goes on the
            wire. The client overlay hashes the plain text. The doc does not say whose password it is (presumably the main
            contact's login).
    """

    license_quantity: int
    account: AccountCreate
    token: str | Unset = _attrs_field(repr=False, default=UNSET)
    password: str | Unset = _attrs_field(repr=False, default=UNSET)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        license_quantity = self.license_quantity

        account = self.account.to_dict()

        token = self.token

        password = self.password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "license_quantity": license_quantity,
                "account": account,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token
        if password is not UNSET:
            field_dict["password"] = password

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.account_create import AccountCreate

        d = dict(src_dict)
        license_quantity = d.pop("license_quantity")

        account = AccountCreate.from_dict(d.pop("account"))

        token = d.pop("token", UNSET)

        password = d.pop("password", UNSET)

        create_account_request = cls(
            license_quantity=license_quantity,
            account=account,
            token=token,
            password=password,
        )

        create_account_request.additional_properties = d
        return create_account_request

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

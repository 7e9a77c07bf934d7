from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_inactivation_fields import AccountInactivationFields


T = TypeVar("T", bound="AccountInactivation")


@_attrs_define
class AccountInactivation:
    """ "Inactive Account": `account: {ativo: 0}` inactivates the account. Its agents cannot log in through URL login
    (inferred), and the account stays listable and can be reactivated.

        Attributes:
            account (AccountInactivationFields): Exactly `{ativo: 0}`. Any other field makes the body an
                AccountGeneralUpdate.
            token (str | Unset): The partner token. The client overlay fills it from the client factory, and the user never
                passes it.
    """

    account: AccountInactivationFields
    token: str | Unset = _attrs_field(repr=False, default=UNSET)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account.to_dict()

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.account_inactivation_fields import AccountInactivationFields

        d = dict(src_dict)
        account = AccountInactivationFields.from_dict(d.pop("account"))

        token = d.pop("token", UNSET)

        account_inactivation = cls(
            account=account,
            token=token,
        )

        account_inactivation.additional_properties = d
        return account_inactivation

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_changes import AccountChanges


T = TypeVar("T", bound="AccountGeneralUpdate")


@_attrs_define
class AccountGeneralUpdate:
    """ "Update Account": change contact fields, and optionally `ativo`. Answers with the account in `data`.

    Attributes:
        account (AccountChanges): The account fields to change. Anything but a lone `ativo`, which is AccountActivation
            or AccountInactivation.
        token (str | Unset): The partner token. The client overlay fills it from the client factory, and the user never
            passes it.
    """

    account: AccountChanges
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
        from ..models.account_changes import AccountChanges

        d = dict(src_dict)
        account = AccountChanges.from_dict(d.pop("account"))

        token = d.pop("token", UNSET)

        account_general_update = cls(
            account=account,
            token=token,
        )

        account_general_update.additional_properties = d
        return account_general_update

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

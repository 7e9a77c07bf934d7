from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccountCreate")


@_attrs_define
class AccountCreate:
    """
    Attributes:
        email (str):
        main_contact (str): Name of the account's main contact person.
        telefone (str): Phone number, free text, e.g. '(11) 9345-0987'.
        url (str): The customer's website, without a scheme, e.g. 'testwebpage.com.br'.
    """

    email: str
    main_contact: str
    telefone: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        main_contact = self.main_contact

        telefone = self.telefone

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "main_contact": main_contact,
                "telefone": telefone,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        main_contact = d.pop("main_contact")

        telefone = d.pop("telefone")

        url = d.pop("url")

        account_create = cls(
            email=email,
            main_contact=main_contact,
            telefone=telefone,
            url=url,
        )

        account_create.additional_properties = d
        return account_create

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

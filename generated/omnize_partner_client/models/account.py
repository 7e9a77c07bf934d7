from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.active_flag import ActiveFlag

T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """A customer account as the partner API returns it. The fields and types come from the create-account sample. Field
    names are Portuguese where the vendor's are.

        Attributes:
            id (int):
            name (None | str): Account (company) name. The partner API cannot set it, and it is null after creation.
            razao_social (None | str): Registered company name (razão social).
            inscricao_estadual (None | str): State tax registration (inscrição estadual).
            cpfcnpj (None | str): Brazilian tax id (CPF or CNPJ), kept as a string for leading zeros and punctuation.
            endereco (None | str): Street address (endereço).
            bairro (None | str): District (bairro).
            cidade (None | str): City (cidade).
            estado (None | str): State (estado).
            telefone (str): Phone number (telefone), free text, e.g. "(11) 98877-6655".
            telefone1 (None | str): Second phone number.
            email (str):
            main_contact (str): Name of the account's main contact person.
            iugu_id (None | str): Customer id at Iugu, the Brazilian payment provider.
            validate_hash (bool):
            subscriber_id (int | None):
            domain_id (int):
            ativo (ActiveFlag | int): `ativo` (Portuguese for active): 1 active, 0 inactive.
            version_register (int):
            user_creation (int | None):
            date_creation (str): Creation time as "YYYY-MM-DD HH:MM:SS" (space-separated, no zone; not RFC 3339).
            user_change (int | None):
            change_date (str): Last change time as "YYYY-MM-DD HH:MM:SS".
            cep (None | str): Postal code (CEP), kept as a string, e.g. "01310-100".
            user_last_access (int | None):
            date_last_access (None | str):
            region_id (int):
            segment_id (int):
            url (str): The customer's website as typed, with or without "www." and without a scheme (not a URI).
            whatsapp (None | str): WhatsApp number.
            token (None | str): The account's own token (not the partner token). null in the sample.
            partner_id (int): The partner that owns the account.
            facelift (bool):
    """

    id: int
    name: None | str
    razao_social: None | str
    inscricao_estadual: None | str
    cpfcnpj: None | str
    endereco: None | str
    bairro: None | str
    cidade: None | str
    estado: None | str
    telefone: str
    telefone1: None | str
    email: str
    main_contact: str
    iugu_id: None | str
    validate_hash: bool
    subscriber_id: int | None
    domain_id: int
    ativo: ActiveFlag | int
    version_register: int
    user_creation: int | None
    date_creation: str
    user_change: int | None
    change_date: str
    cep: None | str
    user_last_access: int | None
    date_last_access: None | str
    region_id: int
    segment_id: int
    url: str
    whatsapp: None | str
    token: None | str = _attrs_field(repr=False)
    partner_id: int
    facelift: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: None | str
        name = self.name

        razao_social: None | str
        razao_social = self.razao_social

        inscricao_estadual: None | str
        inscricao_estadual = self.inscricao_estadual

        cpfcnpj: None | str
        cpfcnpj = self.cpfcnpj

        endereco: None | str
        endereco = self.endereco

        bairro: None | str
        bairro = self.bairro

        cidade: None | str
        cidade = self.cidade

        estado: None | str
        estado = self.estado

        telefone = self.telefone

        telefone1: None | str
        telefone1 = self.telefone1

        email = self.email

        main_contact = self.main_contact

        iugu_id: None | str
        iugu_id = self.iugu_id

        validate_hash = self.validate_hash

        subscriber_id: int | None
        subscriber_id = self.subscriber_id

        domain_id = self.domain_id

        ativo: int
        if isinstance(self.ativo, ActiveFlag):
            ativo = self.ativo.value
        else:
            ativo = self.ativo

        version_register = self.version_register

        user_creation: int | None
        user_creation = self.user_creation

        date_creation = self.date_creation

        user_change: int | None
        user_change = self.user_change

        change_date = self.change_date

        cep: None | str
        cep = self.cep

        user_last_access: int | None
        user_last_access = self.user_last_access

        date_last_access: None | str
        date_last_access = self.date_last_access

        region_id = self.region_id

        segment_id = self.segment_id

        url = self.url

        whatsapp: None | str
        whatsapp = self.whatsapp

        token: None | str
        token = self.token

        partner_id = self.partner_id

        facelift = self.facelift

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "razao_social": razao_social,
                "inscricao_estadual": inscricao_estadual,
                "cpfcnpj": cpfcnpj,
                "endereco": endereco,
                "bairro": bairro,
                "cidade": cidade,
                "estado": estado,
                "telefone": telefone,
                "telefone1": telefone1,
                "email": email,
                "main_contact": main_contact,
                "iugu_id": iugu_id,
                "validate_hash": validate_hash,
                "subscriber_id": subscriber_id,
                "domain_id": domain_id,
                "ativo": ativo,
                "version_register": version_register,
                "user_creation": user_creation,
                "date_creation": date_creation,
                "user_change": user_change,
                "change_date": change_date,
                "cep": cep,
                "user_last_access": user_last_access,
                "date_last_access": date_last_access,
                "region_id": region_id,
                "segment_id": segment_id,
                "url": url,
                "whatsapp": whatsapp,
                "token": token,
                "partner_id": partner_id,
                "facelift": facelift,
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

        def _parse_razao_social(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        razao_social = _parse_razao_social(d.pop("razao_social"))

        def _parse_inscricao_estadual(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        inscricao_estadual = _parse_inscricao_estadual(d.pop("inscricao_estadual"))

        def _parse_cpfcnpj(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cpfcnpj = _parse_cpfcnpj(d.pop("cpfcnpj"))

        def _parse_endereco(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        endereco = _parse_endereco(d.pop("endereco"))

        def _parse_bairro(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bairro = _parse_bairro(d.pop("bairro"))

        def _parse_cidade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cidade = _parse_cidade(d.pop("cidade"))

        def _parse_estado(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        estado = _parse_estado(d.pop("estado"))

        telefone = d.pop("telefone")

        def _parse_telefone1(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        telefone1 = _parse_telefone1(d.pop("telefone1"))

        email = d.pop("email")

        main_contact = d.pop("main_contact")

        def _parse_iugu_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        iugu_id = _parse_iugu_id(d.pop("iugu_id"))

        validate_hash = d.pop("validate_hash")

        def _parse_subscriber_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        subscriber_id = _parse_subscriber_id(d.pop("subscriber_id"))

        domain_id = d.pop("domain_id")

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

        version_register = d.pop("version_register")

        def _parse_user_creation(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user_creation = _parse_user_creation(d.pop("user_creation"))

        date_creation = d.pop("date_creation")

        def _parse_user_change(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user_change = _parse_user_change(d.pop("user_change"))

        change_date = d.pop("change_date")

        def _parse_cep(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cep = _parse_cep(d.pop("cep"))

        def _parse_user_last_access(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        user_last_access = _parse_user_last_access(d.pop("user_last_access"))

        def _parse_date_last_access(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        date_last_access = _parse_date_last_access(d.pop("date_last_access"))

        region_id = d.pop("region_id")

        segment_id = d.pop("segment_id")

        url = d.pop("url")

        def _parse_whatsapp(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        whatsapp = _parse_whatsapp(d.pop("whatsapp"))

        def _parse_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token = _parse_token(d.pop("token"))

        partner_id = d.pop("partner_id")

        facelift = d.pop("facelift")

        account = cls(
            id=id,
            name=name,
            razao_social=razao_social,
            inscricao_estadual=inscricao_estadual,
            cpfcnpj=cpfcnpj,
            endereco=endereco,
            bairro=bairro,
            cidade=cidade,
            estado=estado,
            telefone=telefone,
            telefone1=telefone1,
            email=email,
            main_contact=main_contact,
            iugu_id=iugu_id,
            validate_hash=validate_hash,
            subscriber_id=subscriber_id,
            domain_id=domain_id,
            ativo=ativo,
            version_register=version_register,
            user_creation=user_creation,
            date_creation=date_creation,
            user_change=user_change,
            change_date=change_date,
            cep=cep,
            user_last_access=user_last_access,
            date_last_access=date_last_access,
            region_id=region_id,
            segment_id=segment_id,
            url=url,
            whatsapp=whatsapp,
            token=token,
            partner_id=partner_id,
            facelift=facelift,
        )

        account.additional_properties = d
        return account

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

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_activation import AccountActivation
from ...models.account_general_update import AccountGeneralUpdate
from ...models.account_inactivation import AccountInactivation
from ...models.account_license_code_update import AccountLicenseCodeUpdate
from ...models.account_license_quantity_update import AccountLicenseQuantityUpdate
from ...models.account_update_success import AccountUpdateSuccess
from ...models.omnize_failure import OmnizeFailure
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: AccountActivation
    | AccountGeneralUpdate
    | AccountInactivation
    | AccountLicenseCodeUpdate
    | AccountLicenseQuantityUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/accounts/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    if (
        isinstance(body, AccountGeneralUpdate)
        or isinstance(body, AccountActivation)
        or isinstance(body, AccountInactivation)
        or isinstance(body, AccountLicenseQuantityUpdate)
    ):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountUpdateSuccess | OmnizeFailure | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> AccountUpdateSuccess | OmnizeFailure:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = AccountUpdateSuccess.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = OmnizeFailure.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountUpdateSuccess | OmnizeFailure]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AccountActivation
    | AccountGeneralUpdate
    | AccountInactivation
    | AccountLicenseCodeUpdate
    | AccountLicenseQuantityUpdate,
) -> Response[AccountUpdateSuccess | OmnizeFailure]:
    """Update, activate, inactivate or relicense an account

     Five documented calls share `PUT /accounts/{id}`. They are told apart by the body,
    which is exactly one of these:

    - `AccountGeneralUpdate`: `account` with contact fields (and optionally `ativo`).
      Answers with the updated account in `data` as of March 2019, and without it as
      of October 2020 (see x-doc-quirks).
    - `AccountActivation`: `account: {ativo: 1}` only.
    - `AccountInactivation`: `account: {ativo: 0}` only. An inactive account stays
      listable and updatable, but its agents cannot log in through URL login (inferred).
    - `AccountLicenseQuantityUpdate`: top-level `license_quantity`. This is the number of
      ACTIVE agents the account may have (inferred).
    - `AccountLicenseCodeUpdate`: top-level `license_code`.

    The last four answer `success:true` without data.

    Omnize documents the partner token as `token` in the JSON body (x-token-location: body).
    The overlay fills it from the client factory. The query form of `partnerToken` plausibly
    works too (inferred, see the security scheme).

    Args:
        id (int):
        body (AccountActivation | AccountGeneralUpdate | AccountInactivation |
            AccountLicenseCodeUpdate | AccountLicenseQuantityUpdate): The body of PUT /accounts/{id},
            exactly one of the five documented calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountUpdateSuccess | OmnizeFailure]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AccountActivation
    | AccountGeneralUpdate
    | AccountInactivation
    | AccountLicenseCodeUpdate
    | AccountLicenseQuantityUpdate,
) -> AccountUpdateSuccess | OmnizeFailure | None:
    """Update, activate, inactivate or relicense an account

     Five documented calls share `PUT /accounts/{id}`. They are told apart by the body,
    which is exactly one of these:

    - `AccountGeneralUpdate`: `account` with contact fields (and optionally `ativo`).
      Answers with the updated account in `data` as of March 2019, and without it as
      of October 2020 (see x-doc-quirks).
    - `AccountActivation`: `account: {ativo: 1}` only.
    - `AccountInactivation`: `account: {ativo: 0}` only. An inactive account stays
      listable and updatable, but its agents cannot log in through URL login (inferred).
    - `AccountLicenseQuantityUpdate`: top-level `license_quantity`. This is the number of
      ACTIVE agents the account may have (inferred).
    - `AccountLicenseCodeUpdate`: top-level `license_code`.

    The last four answer `success:true` without data.

    Omnize documents the partner token as `token` in the JSON body (x-token-location: body).
    The overlay fills it from the client factory. The query form of `partnerToken` plausibly
    works too (inferred, see the security scheme).

    Args:
        id (int):
        body (AccountActivation | AccountGeneralUpdate | AccountInactivation |
            AccountLicenseCodeUpdate | AccountLicenseQuantityUpdate): The body of PUT /accounts/{id},
            exactly one of the five documented calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountUpdateSuccess | OmnizeFailure
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AccountActivation
    | AccountGeneralUpdate
    | AccountInactivation
    | AccountLicenseCodeUpdate
    | AccountLicenseQuantityUpdate,
) -> Response[AccountUpdateSuccess | OmnizeFailure]:
    """Update, activate, inactivate or relicense an account

     Five documented calls share `PUT /accounts/{id}`. They are told apart by the body,
    which is exactly one of these:

    - `AccountGeneralUpdate`: `account` with contact fields (and optionally `ativo`).
      Answers with the updated account in `data` as of March 2019, and without it as
      of October 2020 (see x-doc-quirks).
    - `AccountActivation`: `account: {ativo: 1}` only.
    - `AccountInactivation`: `account: {ativo: 0}` only. An inactive account stays
      listable and updatable, but its agents cannot log in through URL login (inferred).
    - `AccountLicenseQuantityUpdate`: top-level `license_quantity`. This is the number of
      ACTIVE agents the account may have (inferred).
    - `AccountLicenseCodeUpdate`: top-level `license_code`.

    The last four answer `success:true` without data.

    Omnize documents the partner token as `token` in the JSON body (x-token-location: body).
    The overlay fills it from the client factory. The query form of `partnerToken` plausibly
    works too (inferred, see the security scheme).

    Args:
        id (int):
        body (AccountActivation | AccountGeneralUpdate | AccountInactivation |
            AccountLicenseCodeUpdate | AccountLicenseQuantityUpdate): The body of PUT /accounts/{id},
            exactly one of the five documented calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountUpdateSuccess | OmnizeFailure]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AccountActivation
    | AccountGeneralUpdate
    | AccountInactivation
    | AccountLicenseCodeUpdate
    | AccountLicenseQuantityUpdate,
) -> AccountUpdateSuccess | OmnizeFailure | None:
    """Update, activate, inactivate or relicense an account

     Five documented calls share `PUT /accounts/{id}`. They are told apart by the body,
    which is exactly one of these:

    - `AccountGeneralUpdate`: `account` with contact fields (and optionally `ativo`).
      Answers with the updated account in `data` as of March 2019, and without it as
      of October 2020 (see x-doc-quirks).
    - `AccountActivation`: `account: {ativo: 1}` only.
    - `AccountInactivation`: `account: {ativo: 0}` only. An inactive account stays
      listable and updatable, but its agents cannot log in through URL login (inferred).
    - `AccountLicenseQuantityUpdate`: top-level `license_quantity`. This is the number of
      ACTIVE agents the account may have (inferred).
    - `AccountLicenseCodeUpdate`: top-level `license_code`.

    The last four answer `success:true` without data.

    Omnize documents the partner token as `token` in the JSON body (x-token-location: body).
    The overlay fills it from the client factory. The query form of `partnerToken` plausibly
    works too (inferred, see the security scheme).

    Args:
        id (int):
        body (AccountActivation | AccountGeneralUpdate | AccountInactivation |
            AccountLicenseCodeUpdate | AccountLicenseQuantityUpdate): The body of PUT /accounts/{id},
            exactly one of the five documented calls.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountUpdateSuccess | OmnizeFailure
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

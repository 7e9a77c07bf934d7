from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_delete_success import AccountDeleteSuccess
from ...models.delete_account_request import DeleteAccountRequest
from ...models.omnize_failure import OmnizeFailure
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    body: DeleteAccountRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/accounts/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountDeleteSuccess | OmnizeFailure | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> AccountDeleteSuccess | OmnizeFailure:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = AccountDeleteSuccess.from_dict(data)

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
) -> Response[AccountDeleteSuccess | OmnizeFailure]:
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
    body: DeleteAccountRequest | Unset = UNSET,
) -> Response[AccountDeleteSuccess | OmnizeFailure]:
    """Delete an account

     Deletes an account. Its agents and departments go with it (inferred). The request
    carries a JSON body holding only the partner token.

    Omnize documents the partner token as `token` in the JSON body of this DELETE
    (x-token-location: body). The overlay fills it from the client factory. The body is
    optional here, because the query form of `partnerToken` plausibly works too (inferred,
    see the security scheme) and some proxies drop DELETE bodies.

    Retrying is safe: a second delete changes nothing and answers `success:false`
    (not found).

    Args:
        id (int):
        body (DeleteAccountRequest | Unset): The JSON body of DELETE /accounts/{id}. It carries
            only the partner token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountDeleteSuccess | OmnizeFailure]
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
    body: DeleteAccountRequest | Unset = UNSET,
) -> AccountDeleteSuccess | OmnizeFailure | None:
    """Delete an account

     Deletes an account. Its agents and departments go with it (inferred). The request
    carries a JSON body holding only the partner token.

    Omnize documents the partner token as `token` in the JSON body of this DELETE
    (x-token-location: body). The overlay fills it from the client factory. The body is
    optional here, because the query form of `partnerToken` plausibly works too (inferred,
    see the security scheme) and some proxies drop DELETE bodies.

    Retrying is safe: a second delete changes nothing and answers `success:false`
    (not found).

    Args:
        id (int):
        body (DeleteAccountRequest | Unset): The JSON body of DELETE /accounts/{id}. It carries
            only the partner token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountDeleteSuccess | OmnizeFailure
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
    body: DeleteAccountRequest | Unset = UNSET,
) -> Response[AccountDeleteSuccess | OmnizeFailure]:
    """Delete an account

     Deletes an account. Its agents and departments go with it (inferred). The request
    carries a JSON body holding only the partner token.

    Omnize documents the partner token as `token` in the JSON body of this DELETE
    (x-token-location: body). The overlay fills it from the client factory. The body is
    optional here, because the query form of `partnerToken` plausibly works too (inferred,
    see the security scheme) and some proxies drop DELETE bodies.

    Retrying is safe: a second delete changes nothing and answers `success:false`
    (not found).

    Args:
        id (int):
        body (DeleteAccountRequest | Unset): The JSON body of DELETE /accounts/{id}. It carries
            only the partner token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountDeleteSuccess | OmnizeFailure]
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
    body: DeleteAccountRequest | Unset = UNSET,
) -> AccountDeleteSuccess | OmnizeFailure | None:
    """Delete an account

     Deletes an account. Its agents and departments go with it (inferred). The request
    carries a JSON body holding only the partner token.

    Omnize documents the partner token as `token` in the JSON body of this DELETE
    (x-token-location: body). The overlay fills it from the client factory. The body is
    optional here, because the query form of `partnerToken` plausibly works too (inferred,
    see the security scheme) and some proxies drop DELETE bodies.

    Retrying is safe: a second delete changes nothing and answers `success:false`
    (not found).

    Args:
        id (int):
        body (DeleteAccountRequest | Unset): The JSON body of DELETE /accounts/{id}. It carries
            only the partner token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountDeleteSuccess | OmnizeFailure
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

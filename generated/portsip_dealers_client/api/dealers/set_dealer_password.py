from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dealer_password import DealerPassword
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: DealerPassword,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/dealers/{id}/password".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorResponse.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DealerPassword,
) -> Response[Any | ErrorResponse]:
    """Reset dealer password

     Reset dealer's password: sets a new password for a dealer below the caller, without
    the old one (a dealer changes its own with `POST /dealer/password`). Answers 200
    with no body.

    Retry-safe: setting the same password twice leaves the same password.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/password.md`
    (the vendor's operationId is `resetDealerPassword`).

    Args:
        id (str): The unique ID of the dealer, opaque to clients: never build or parse one. (The
            vendor's example is base64 of a decimal snowflake, but nothing promises a form.)
        body (DealerPassword): Body of Reset dealer password. A body without `password` changes
            nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
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
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DealerPassword,
) -> Any | ErrorResponse | None:
    """Reset dealer password

     Reset dealer's password: sets a new password for a dealer below the caller, without
    the old one (a dealer changes its own with `POST /dealer/password`). Answers 200
    with no body.

    Retry-safe: setting the same password twice leaves the same password.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/password.md`
    (the vendor's operationId is `resetDealerPassword`).

    Args:
        id (str): The unique ID of the dealer, opaque to clients: never build or parse one. (The
            vendor's example is base64 of a decimal snowflake, but nothing promises a form.)
        body (DealerPassword): Body of Reset dealer password. A body without `password` changes
            nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DealerPassword,
) -> Response[Any | ErrorResponse]:
    """Reset dealer password

     Reset dealer's password: sets a new password for a dealer below the caller, without
    the old one (a dealer changes its own with `POST /dealer/password`). Answers 200
    with no body.

    Retry-safe: setting the same password twice leaves the same password.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/password.md`
    (the vendor's operationId is `resetDealerPassword`).

    Args:
        id (str): The unique ID of the dealer, opaque to clients: never build or parse one. (The
            vendor's example is base64 of a decimal snowflake, but nothing promises a form.)
        body (DealerPassword): Body of Reset dealer password. A body without `password` changes
            nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: DealerPassword,
) -> Any | ErrorResponse | None:
    """Reset dealer password

     Reset dealer's password: sets a new password for a dealer below the caller, without
    the old one (a dealer changes its own with `POST /dealer/password`). Answers 200
    with no body.

    Retry-safe: setting the same password twice leaves the same password.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/password.md`
    (the vendor's operationId is `resetDealerPassword`).

    Args:
        id (str): The unique ID of the dealer, opaque to clients: never build or parse one. (The
            vendor's example is base64 of a decimal snowflake, but nothing promises a form.)
        body (DealerPassword): Body of Reset dealer password. A body without `password` changes
            nothing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.login_status import LoginStatus
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/login",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | LoginStatus | None:
    if response.status_code == 200:
        response_200 = LoginStatus.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorResponse.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | LoginStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | LoginStatus]:
    """Get login status of current session

     Get login status of current session: its access token, when it expires
    (`expires_at`, RFC 3339, and `expires_in` seconds) and the signed-in user's
    `role` (`SystemAdmin`, `Dealer`, ... the built-in roles; custom roles too).
    Answers 401 when no session is open.

    The vendor's file declares no security here. The simulator reads the session
    cookie of `POST /login`, or an `Authorization: Bearer` token of any login form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LoginStatus]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | LoginStatus | None:
    """Get login status of current session

     Get login status of current session: its access token, when it expires
    (`expires_at`, RFC 3339, and `expires_in` seconds) and the signed-in user's
    `role` (`SystemAdmin`, `Dealer`, ... the built-in roles; custom roles too).
    Answers 401 when no session is open.

    The vendor's file declares no security here. The simulator reads the session
    cookie of `POST /login`, or an `Authorization: Bearer` token of any login form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LoginStatus
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | LoginStatus]:
    """Get login status of current session

     Get login status of current session: its access token, when it expires
    (`expires_at`, RFC 3339, and `expires_in` seconds) and the signed-in user's
    `role` (`SystemAdmin`, `Dealer`, ... the built-in roles; custom roles too).
    Answers 401 when no session is open.

    The vendor's file declares no security here. The simulator reads the session
    cookie of `POST /login`, or an `Authorization: Bearer` token of any login form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | LoginStatus]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | LoginStatus | None:
    """Get login status of current session

     Get login status of current session: its access token, when it expires
    (`expires_at`, RFC 3339, and `expires_in` seconds) and the signed-in user's
    `role` (`SystemAdmin`, `Dealer`, ... the built-in roles; custom roles too).
    Answers 401 when no session is open.

    The vendor's file declares no security here. The simulator reads the session
    cookie of `POST /login`, or an `Authorization: Bearer` token of any login form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | LoginStatus
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_token import AccessToken
from ...models.error_response import ErrorResponse
from ...models.password_grant import PasswordGrant
from ...models.refresh_token_grant import RefreshTokenGrant
from ...types import Response


def _get_kwargs(
    *,
    body: PasswordGrant | RefreshTokenGrant,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/login/oauth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessToken | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = AccessToken.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorResponse.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccessToken | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordGrant | RefreshTokenGrant,
) -> Response[AccessToken | ErrorResponse]:
    """Authenticate, or refresh an access token

     Exchanges a username and password (the password grant) for an access token, or a
    `refresh_token` for a new one (the refresh grant). The body is an
    `application/x-www-form-urlencoded` form; `client_id` is always
    `9d806019-75b2-4b3d-bb8b-f5a3a412cc0a` and `scope` always `all`. The token is sent
    on every other call as `Authorization: Bearer <access_token>` and lives
    `expires_in` seconds (1800 in the samples).

    A failed login answers **400** (not 401) with the code `UNAUTHORIZED`; a failed
    refresh answers 400 with the code `UNKNOWN`.

    Source: `development-portsip/rest-apis/authentication.md` ("Authenticate with the
    System Administrator", "Authenticate with a Tenant User", "Refresh Access Token").
    Not a retry-safe call: each success opens a new session with new tokens.

    Args:
        body (PasswordGrant | RefreshTokenGrant): Form body of getToken, the password grant or the
            refresh grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordGrant | RefreshTokenGrant,
) -> AccessToken | ErrorResponse | None:
    """Authenticate, or refresh an access token

     Exchanges a username and password (the password grant) for an access token, or a
    `refresh_token` for a new one (the refresh grant). The body is an
    `application/x-www-form-urlencoded` form; `client_id` is always
    `9d806019-75b2-4b3d-bb8b-f5a3a412cc0a` and `scope` always `all`. The token is sent
    on every other call as `Authorization: Bearer <access_token>` and lives
    `expires_in` seconds (1800 in the samples).

    A failed login answers **400** (not 401) with the code `UNAUTHORIZED`; a failed
    refresh answers 400 with the code `UNKNOWN`.

    Source: `development-portsip/rest-apis/authentication.md` ("Authenticate with the
    System Administrator", "Authenticate with a Tenant User", "Refresh Access Token").
    Not a retry-safe call: each success opens a new session with new tokens.

    Args:
        body (PasswordGrant | RefreshTokenGrant): Form body of getToken, the password grant or the
            refresh grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordGrant | RefreshTokenGrant,
) -> Response[AccessToken | ErrorResponse]:
    """Authenticate, or refresh an access token

     Exchanges a username and password (the password grant) for an access token, or a
    `refresh_token` for a new one (the refresh grant). The body is an
    `application/x-www-form-urlencoded` form; `client_id` is always
    `9d806019-75b2-4b3d-bb8b-f5a3a412cc0a` and `scope` always `all`. The token is sent
    on every other call as `Authorization: Bearer <access_token>` and lives
    `expires_in` seconds (1800 in the samples).

    A failed login answers **400** (not 401) with the code `UNAUTHORIZED`; a failed
    refresh answers 400 with the code `UNKNOWN`.

    Source: `development-portsip/rest-apis/authentication.md` ("Authenticate with the
    System Administrator", "Authenticate with a Tenant User", "Refresh Access Token").
    Not a retry-safe call: each success opens a new session with new tokens.

    Args:
        body (PasswordGrant | RefreshTokenGrant): Form body of getToken, the password grant or the
            refresh grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordGrant | RefreshTokenGrant,
) -> AccessToken | ErrorResponse | None:
    """Authenticate, or refresh an access token

     Exchanges a username and password (the password grant) for an access token, or a
    `refresh_token` for a new one (the refresh grant). The body is an
    `application/x-www-form-urlencoded` form; `client_id` is always
    `9d806019-75b2-4b3d-bb8b-f5a3a412cc0a` and `scope` always `all`. The token is sent
    on every other call as `Authorization: Bearer <access_token>` and lives
    `expires_in` seconds (1800 in the samples).

    A failed login answers **400** (not 401) with the code `UNAUTHORIZED`; a failed
    refresh answers 400 with the code `UNKNOWN`.

    Source: `development-portsip/rest-apis/authentication.md` ("Authenticate with the
    System Administrator", "Authenticate with a Tenant User", "Refresh Access Token").
    Not a retry-safe call: each success opens a new session with new tokens.

    Args:
        body (PasswordGrant | RefreshTokenGrant): Form body of getToken, the password grant or the
            refresh grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_token import AccessToken
from ...models.o_auth_error import OAuthError
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
        "url": "/oauth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessToken | OAuthError | None:
    if response.status_code == 200:
        response_200 = AccessToken.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccessToken | OAuthError]:
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
) -> Response[AccessToken | OAuthError]:
    """Get an access token

     Exchanges the partner's `client_id`, `email` and `password` (the password grant)
    for an access token, or a `refresh_token` for a new one (the refresh grant). The
    body is an `application/x-www-form-urlencoded` form. The token is sent on every
    site call as `Authorization: Bearer <access_token>` and lives `expires_in` seconds
    (43200, 12 hours). Not a retry-safe call: each success issues new tokens, and a
    refresh token works once.

    Args:
        body (PasswordGrant | RefreshTokenGrant): Form body of getToken, the password grant or the
            refresh grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | OAuthError]
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
) -> AccessToken | OAuthError | None:
    """Get an access token

     Exchanges the partner's `client_id`, `email` and `password` (the password grant)
    for an access token, or a `refresh_token` for a new one (the refresh grant). The
    body is an `application/x-www-form-urlencoded` form. The token is sent on every
    site call as `Authorization: Bearer <access_token>` and lives `expires_in` seconds
    (43200, 12 hours). Not a retry-safe call: each success issues new tokens, and a
    refresh token works once.

    Args:
        body (PasswordGrant | RefreshTokenGrant): Form body of getToken, the password grant or the
            refresh grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | OAuthError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordGrant | RefreshTokenGrant,
) -> Response[AccessToken | OAuthError]:
    """Get an access token

     Exchanges the partner's `client_id`, `email` and `password` (the password grant)
    for an access token, or a `refresh_token` for a new one (the refresh grant). The
    body is an `application/x-www-form-urlencoded` form. The token is sent on every
    site call as `Authorization: Bearer <access_token>` and lives `expires_in` seconds
    (43200, 12 hours). Not a retry-safe call: each success issues new tokens, and a
    refresh token works once.

    Args:
        body (PasswordGrant | RefreshTokenGrant): Form body of getToken, the password grant or the
            refresh grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | OAuthError]
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
) -> AccessToken | OAuthError | None:
    """Get an access token

     Exchanges the partner's `client_id`, `email` and `password` (the password grant)
    for an access token, or a `refresh_token` for a new one (the refresh grant). The
    body is an `application/x-www-form-urlencoded` form. The token is sent on every
    site call as `Authorization: Bearer <access_token>` and lives `expires_in` seconds
    (43200, 12 hours). Not a retry-safe call: each success issues new tokens, and a
    refresh token works once.

    Args:
        body (PasswordGrant | RefreshTokenGrant): Form body of getToken, the password grant or the
            refresh grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

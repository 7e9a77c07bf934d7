from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.refresh_token_request import RefreshTokenRequest
from ...models.sign_in_token import SignInToken
from ...types import Response


def _get_kwargs(
    *,
    body: RefreshTokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/refresh_token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SignInToken | None:
    if response.status_code == 200:
        response_200 = SignInToken.from_dict(response.json())

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
) -> Response[ErrorResponse | SignInToken]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RefreshTokenRequest,
) -> Response[ErrorResponse | SignInToken]:
    """Refresh the access token.

     Refresh the access token: a JSON body `{refresh_token}` (of signInWithCredentials,
    or of getToken) for a new token object. An unknown or spent refresh token answers
    400 `UNKNOWN`, as the token form's refresh grant.

    Args:
        body (RefreshTokenRequest): JSON body of refreshToken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SignInToken]
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
    body: RefreshTokenRequest,
) -> ErrorResponse | SignInToken | None:
    """Refresh the access token.

     Refresh the access token: a JSON body `{refresh_token}` (of signInWithCredentials,
    or of getToken) for a new token object. An unknown or spent refresh token answers
    400 `UNKNOWN`, as the token form's refresh grant.

    Args:
        body (RefreshTokenRequest): JSON body of refreshToken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SignInToken
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RefreshTokenRequest,
) -> Response[ErrorResponse | SignInToken]:
    """Refresh the access token.

     Refresh the access token: a JSON body `{refresh_token}` (of signInWithCredentials,
    or of getToken) for a new token object. An unknown or spent refresh token answers
    400 `UNKNOWN`, as the token form's refresh grant.

    Args:
        body (RefreshTokenRequest): JSON body of refreshToken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SignInToken]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RefreshTokenRequest,
) -> ErrorResponse | SignInToken | None:
    """Refresh the access token.

     Refresh the access token: a JSON body `{refresh_token}` (of signInWithCredentials,
    or of getToken) for a new token object. An unknown or spent refresh token answers
    400 `UNKNOWN`, as the token form's refresh grant.

    Args:
        body (RefreshTokenRequest): JSON body of refreshToken.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SignInToken
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_token import AccessToken
from ...models.api_error import ApiError
from ...models.client_credentials_grant import ClientCredentialsGrant
from ...models.o_auth_error import OAuthError
from ...models.password_grant import PasswordGrant
from ...models.refresh_token_grant import RefreshTokenGrant
from ...types import Response


def _get_kwargs(
    *,
    body: ClientCredentialsGrant | PasswordGrant | RefreshTokenGrant,
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
) -> AccessToken | ApiError | OAuthError | None:
    if response.status_code == 200:
        response_200 = AccessToken.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthError.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = ApiError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccessToken | ApiError | OAuthError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentialsGrant | PasswordGrant | RefreshTokenGrant,
) -> Response[AccessToken | ApiError | OAuthError]:
    """Get an access token

     OAuth 2.0 token endpoint, at `https://{na|eu}.airvantage.net/api/oauth/token` (no
    `/v1`). The body is an `application/x-www-form-urlencoded` form with one of three
    grants:

    - `password`: `username` and `password` of an AirVantage user;
    - `client_credentials`: the API client acts on its own (personal API access keys);
    - `refresh_token`: a `refresh_token` from an earlier answer.

    The API client (registered in AirVantage) authenticates with `client_id` and
    `client_secret` in the form, or with HTTP Basic auth (`client_id:client_secret`),
    which is why the form fields are optional and the operation declares no security.
    The answer's `access_token` goes on every v1 call as `Authorization: Bearer` or
    `?access_token=`; it lives `expires_in` seconds.

    The same grants also work as a GET with the parameters in the query string
    (getTokenByQuery), as the published JavaScript client sends them; this form POST
    is the standard one and the one the overlay uses. The authorization-code and
    implicit flows (`/oauth/authorize`) need a browser and are not modelled.

    Args:
        body (ClientCredentialsGrant | PasswordGrant | RefreshTokenGrant): Form body of the token
            request, one of three grants.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | ApiError | OAuthError]
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
    body: ClientCredentialsGrant | PasswordGrant | RefreshTokenGrant,
) -> AccessToken | ApiError | OAuthError | None:
    """Get an access token

     OAuth 2.0 token endpoint, at `https://{na|eu}.airvantage.net/api/oauth/token` (no
    `/v1`). The body is an `application/x-www-form-urlencoded` form with one of three
    grants:

    - `password`: `username` and `password` of an AirVantage user;
    - `client_credentials`: the API client acts on its own (personal API access keys);
    - `refresh_token`: a `refresh_token` from an earlier answer.

    The API client (registered in AirVantage) authenticates with `client_id` and
    `client_secret` in the form, or with HTTP Basic auth (`client_id:client_secret`),
    which is why the form fields are optional and the operation declares no security.
    The answer's `access_token` goes on every v1 call as `Authorization: Bearer` or
    `?access_token=`; it lives `expires_in` seconds.

    The same grants also work as a GET with the parameters in the query string
    (getTokenByQuery), as the published JavaScript client sends them; this form POST
    is the standard one and the one the overlay uses. The authorization-code and
    implicit flows (`/oauth/authorize`) need a browser and are not modelled.

    Args:
        body (ClientCredentialsGrant | PasswordGrant | RefreshTokenGrant): Form body of the token
            request, one of three grants.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | ApiError | OAuthError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentialsGrant | PasswordGrant | RefreshTokenGrant,
) -> Response[AccessToken | ApiError | OAuthError]:
    """Get an access token

     OAuth 2.0 token endpoint, at `https://{na|eu}.airvantage.net/api/oauth/token` (no
    `/v1`). The body is an `application/x-www-form-urlencoded` form with one of three
    grants:

    - `password`: `username` and `password` of an AirVantage user;
    - `client_credentials`: the API client acts on its own (personal API access keys);
    - `refresh_token`: a `refresh_token` from an earlier answer.

    The API client (registered in AirVantage) authenticates with `client_id` and
    `client_secret` in the form, or with HTTP Basic auth (`client_id:client_secret`),
    which is why the form fields are optional and the operation declares no security.
    The answer's `access_token` goes on every v1 call as `Authorization: Bearer` or
    `?access_token=`; it lives `expires_in` seconds.

    The same grants also work as a GET with the parameters in the query string
    (getTokenByQuery), as the published JavaScript client sends them; this form POST
    is the standard one and the one the overlay uses. The authorization-code and
    implicit flows (`/oauth/authorize`) need a browser and are not modelled.

    Args:
        body (ClientCredentialsGrant | PasswordGrant | RefreshTokenGrant): Form body of the token
            request, one of three grants.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | ApiError | OAuthError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ClientCredentialsGrant | PasswordGrant | RefreshTokenGrant,
) -> AccessToken | ApiError | OAuthError | None:
    """Get an access token

     OAuth 2.0 token endpoint, at `https://{na|eu}.airvantage.net/api/oauth/token` (no
    `/v1`). The body is an `application/x-www-form-urlencoded` form with one of three
    grants:

    - `password`: `username` and `password` of an AirVantage user;
    - `client_credentials`: the API client acts on its own (personal API access keys);
    - `refresh_token`: a `refresh_token` from an earlier answer.

    The API client (registered in AirVantage) authenticates with `client_id` and
    `client_secret` in the form, or with HTTP Basic auth (`client_id:client_secret`),
    which is why the form fields are optional and the operation declares no security.
    The answer's `access_token` goes on every v1 call as `Authorization: Bearer` or
    `?access_token=`; it lives `expires_in` seconds.

    The same grants also work as a GET with the parameters in the query string
    (getTokenByQuery), as the published JavaScript client sends them; this form POST
    is the standard one and the one the overlay uses. The authorization-code and
    implicit flows (`/oauth/authorize`) need a browser and are not modelled.

    Args:
        body (ClientCredentialsGrant | PasswordGrant | RefreshTokenGrant): Form body of the token
            request, one of three grants.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | ApiError | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_token import AccessToken
from ...models.api_error import ApiError
from ...models.get_token_by_query_grant_type import GetTokenByQueryGrantType
from ...models.o_auth_error import OAuthError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    grant_type: GetTokenByQueryGrantType,
    username: str | Unset = UNSET,
    password: str | Unset = UNSET,
    refresh_token: str | Unset = UNSET,
    client_id: str | Unset = UNSET,
    client_secret: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_grant_type = grant_type.value
    params["grant_type"] = json_grant_type

    params["username"] = username

    params["password"] = password

    params["refresh_token"] = refresh_token

    params["client_id"] = client_id

    params["client_secret"] = client_secret

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/oauth/token",
        "params": params,
    }

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
    grant_type: GetTokenByQueryGrantType,
    username: str | Unset = UNSET,
    password: str | Unset = UNSET,
    refresh_token: str | Unset = UNSET,
    client_id: str | Unset = UNSET,
    client_secret: str | Unset = UNSET,
) -> Response[AccessToken | ApiError | OAuthError]:
    """Get an access token (grant in the query string)

     The token endpoint also answers a GET with the grant's parameters in the query
    string instead of a form body: the same grants (`password`, `client_credentials`,
    `refresh_token`), the same answer and the same refusals as getToken. The
    published JavaScript client (airvantage.js) gets its tokens this way.

    Prefer getToken: a password, a client secret or a refresh token in a URL ends up
    in proxy and server logs. The overlay always uses getToken.

    Args:
        grant_type (GetTokenByQueryGrantType):
        username (str | Unset):
        password (str | Unset):
        refresh_token (str | Unset):
        client_id (str | Unset):
        client_secret (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | ApiError | OAuthError]
    """

    kwargs = _get_kwargs(
        grant_type=grant_type,
        username=username,
        password=password,
        refresh_token=refresh_token,
        client_id=client_id,
        client_secret=client_secret,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    grant_type: GetTokenByQueryGrantType,
    username: str | Unset = UNSET,
    password: str | Unset = UNSET,
    refresh_token: str | Unset = UNSET,
    client_id: str | Unset = UNSET,
    client_secret: str | Unset = UNSET,
) -> AccessToken | ApiError | OAuthError | None:
    """Get an access token (grant in the query string)

     The token endpoint also answers a GET with the grant's parameters in the query
    string instead of a form body: the same grants (`password`, `client_credentials`,
    `refresh_token`), the same answer and the same refusals as getToken. The
    published JavaScript client (airvantage.js) gets its tokens this way.

    Prefer getToken: a password, a client secret or a refresh token in a URL ends up
    in proxy and server logs. The overlay always uses getToken.

    Args:
        grant_type (GetTokenByQueryGrantType):
        username (str | Unset):
        password (str | Unset):
        refresh_token (str | Unset):
        client_id (str | Unset):
        client_secret (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | ApiError | OAuthError
    """

    return sync_detailed(
        client=client,
        grant_type=grant_type,
        username=username,
        password=password,
        refresh_token=refresh_token,
        client_id=client_id,
        client_secret=client_secret,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    grant_type: GetTokenByQueryGrantType,
    username: str | Unset = UNSET,
    password: str | Unset = UNSET,
    refresh_token: str | Unset = UNSET,
    client_id: str | Unset = UNSET,
    client_secret: str | Unset = UNSET,
) -> Response[AccessToken | ApiError | OAuthError]:
    """Get an access token (grant in the query string)

     The token endpoint also answers a GET with the grant's parameters in the query
    string instead of a form body: the same grants (`password`, `client_credentials`,
    `refresh_token`), the same answer and the same refusals as getToken. The
    published JavaScript client (airvantage.js) gets its tokens this way.

    Prefer getToken: a password, a client secret or a refresh token in a URL ends up
    in proxy and server logs. The overlay always uses getToken.

    Args:
        grant_type (GetTokenByQueryGrantType):
        username (str | Unset):
        password (str | Unset):
        refresh_token (str | Unset):
        client_id (str | Unset):
        client_secret (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessToken | ApiError | OAuthError]
    """

    kwargs = _get_kwargs(
        grant_type=grant_type,
        username=username,
        password=password,
        refresh_token=refresh_token,
        client_id=client_id,
        client_secret=client_secret,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    grant_type: GetTokenByQueryGrantType,
    username: str | Unset = UNSET,
    password: str | Unset = UNSET,
    refresh_token: str | Unset = UNSET,
    client_id: str | Unset = UNSET,
    client_secret: str | Unset = UNSET,
) -> AccessToken | ApiError | OAuthError | None:
    """Get an access token (grant in the query string)

     The token endpoint also answers a GET with the grant's parameters in the query
    string instead of a form body: the same grants (`password`, `client_credentials`,
    `refresh_token`), the same answer and the same refusals as getToken. The
    published JavaScript client (airvantage.js) gets its tokens this way.

    Prefer getToken: a password, a client secret or a refresh token in a URL ends up
    in proxy and server logs. The overlay always uses getToken.

    Args:
        grant_type (GetTokenByQueryGrantType):
        username (str | Unset):
        password (str | Unset):
        refresh_token (str | Unset):
        client_id (str | Unset):
        client_secret (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessToken | ApiError | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            grant_type=grant_type,
            username=username,
            password=password,
            refresh_token=refresh_token,
            client_id=client_id,
            client_secret=client_secret,
        )
    ).parsed

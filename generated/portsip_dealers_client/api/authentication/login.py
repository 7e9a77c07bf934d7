from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.login_request import LoginRequest
from ...types import Response


def _get_kwargs(
    *,
    body: LoginRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/login",
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
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Response[Any | ErrorResponse]:
    """Login into system

     Login with username and password: a JSON body `{username, password, domain?}`
    (`domain` only for tenant users). Answers 200 with no body and opens a session
    for the client; `GET /login` (getLoginStatus) then tells the session's access
    token, which goes on every other call as `Authorization: Bearer <access_token>`.

    The vendor's file gives the answer no body and no header. How the session is
    carried from this call to getLoginStatus is not documented: the simulator sets a
    session cookie (`Set-Cookie`), which a client with a cookie jar sends back. A
    failed login answers 400 `UNAUTHORIZED`, as the token form does.

    Not retry-safe: each success opens a new session.

    Args:
        body (LoginRequest): JSON body of login and signInWithCredentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
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
    body: LoginRequest,
) -> Any | ErrorResponse | None:
    """Login into system

     Login with username and password: a JSON body `{username, password, domain?}`
    (`domain` only for tenant users). Answers 200 with no body and opens a session
    for the client; `GET /login` (getLoginStatus) then tells the session's access
    token, which goes on every other call as `Authorization: Bearer <access_token>`.

    The vendor's file gives the answer no body and no header. How the session is
    carried from this call to getLoginStatus is not documented: the simulator sets a
    session cookie (`Set-Cookie`), which a client with a cookie jar sends back. A
    failed login answers 400 `UNAUTHORIZED`, as the token form does.

    Not retry-safe: each success opens a new session.

    Args:
        body (LoginRequest): JSON body of login and signInWithCredentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Response[Any | ErrorResponse]:
    """Login into system

     Login with username and password: a JSON body `{username, password, domain?}`
    (`domain` only for tenant users). Answers 200 with no body and opens a session
    for the client; `GET /login` (getLoginStatus) then tells the session's access
    token, which goes on every other call as `Authorization: Bearer <access_token>`.

    The vendor's file gives the answer no body and no header. How the session is
    carried from this call to getLoginStatus is not documented: the simulator sets a
    session cookie (`Set-Cookie`), which a client with a cookie jar sends back. A
    failed login answers 400 `UNAUTHORIZED`, as the token form does.

    Not retry-safe: each success opens a new session.

    Args:
        body (LoginRequest): JSON body of login and signInWithCredentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Any | ErrorResponse | None:
    """Login into system

     Login with username and password: a JSON body `{username, password, domain?}`
    (`domain` only for tenant users). Answers 200 with no body and opens a session
    for the client; `GET /login` (getLoginStatus) then tells the session's access
    token, which goes on every other call as `Authorization: Bearer <access_token>`.

    The vendor's file gives the answer no body and no header. How the session is
    carried from this call to getLoginStatus is not documented: the simulator sets a
    session cookie (`Set-Cookie`), which a client with a cookie jar sends back. A
    failed login answers 400 `UNAUTHORIZED`, as the token form does.

    Not retry-safe: each success opens a new session.

    Args:
        body (LoginRequest): JSON body of login and signInWithCredentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

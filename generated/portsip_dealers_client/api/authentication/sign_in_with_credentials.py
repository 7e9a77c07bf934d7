from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.login_request import LoginRequest
from ...models.sign_in_token import SignInToken
from ...models.two_factor_step import TwoFactorStep
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: LoginRequest,
    qr: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["qr"] = qr

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/sign_in",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SignInToken | TwoFactorStep | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> SignInToken | TwoFactorStep:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_sign_in_answer_type_0 = SignInToken.from_dict(data)

                return componentsschemas_sign_in_answer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_sign_in_answer_type_1 = TwoFactorStep.from_dict(data)

            return componentsschemas_sign_in_answer_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[ErrorResponse | SignInToken | TwoFactorStep]:
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
    qr: bool | Unset = False,
) -> Response[ErrorResponse | SignInToken | TwoFactorStep]:
    """Sign in with credentials

     Sign in with credentials: a JSON body `{username, password, domain?}`. Answers 200
    with either the tokens (`{token_type, access_token, refresh_token, expires_in}`,
    the same object as refreshToken) or, for a user with two-factor authentication,
    `{two_factor_enabled: true, token}`: the client then completes the sign-in with
    the vendor's `/auth/send_otp` and `/auth/verify_otp` (not modelled here). The
    optional query flag `qr` is not described by the vendor.

    A failed sign-in answers 400 `UNAUTHORIZED` (as the token form). Not retry-safe:
    each success opens a new session.

    Args:
        qr (bool | Unset):  Default: False.
        body (LoginRequest): JSON body of login and signInWithCredentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SignInToken | TwoFactorStep]
    """

    kwargs = _get_kwargs(
        body=body,
        qr=qr,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
    qr: bool | Unset = False,
) -> ErrorResponse | SignInToken | TwoFactorStep | None:
    """Sign in with credentials

     Sign in with credentials: a JSON body `{username, password, domain?}`. Answers 200
    with either the tokens (`{token_type, access_token, refresh_token, expires_in}`,
    the same object as refreshToken) or, for a user with two-factor authentication,
    `{two_factor_enabled: true, token}`: the client then completes the sign-in with
    the vendor's `/auth/send_otp` and `/auth/verify_otp` (not modelled here). The
    optional query flag `qr` is not described by the vendor.

    A failed sign-in answers 400 `UNAUTHORIZED` (as the token form). Not retry-safe:
    each success opens a new session.

    Args:
        qr (bool | Unset):  Default: False.
        body (LoginRequest): JSON body of login and signInWithCredentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SignInToken | TwoFactorStep
    """

    return sync_detailed(
        client=client,
        body=body,
        qr=qr,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
    qr: bool | Unset = False,
) -> Response[ErrorResponse | SignInToken | TwoFactorStep]:
    """Sign in with credentials

     Sign in with credentials: a JSON body `{username, password, domain?}`. Answers 200
    with either the tokens (`{token_type, access_token, refresh_token, expires_in}`,
    the same object as refreshToken) or, for a user with two-factor authentication,
    `{two_factor_enabled: true, token}`: the client then completes the sign-in with
    the vendor's `/auth/send_otp` and `/auth/verify_otp` (not modelled here). The
    optional query flag `qr` is not described by the vendor.

    A failed sign-in answers 400 `UNAUTHORIZED` (as the token form). Not retry-safe:
    each success opens a new session.

    Args:
        qr (bool | Unset):  Default: False.
        body (LoginRequest): JSON body of login and signInWithCredentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SignInToken | TwoFactorStep]
    """

    kwargs = _get_kwargs(
        body=body,
        qr=qr,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
    qr: bool | Unset = False,
) -> ErrorResponse | SignInToken | TwoFactorStep | None:
    """Sign in with credentials

     Sign in with credentials: a JSON body `{username, password, domain?}`. Answers 200
    with either the tokens (`{token_type, access_token, refresh_token, expires_in}`,
    the same object as refreshToken) or, for a user with two-factor authentication,
    `{two_factor_enabled: true, token}`: the client then completes the sign-in with
    the vendor's `/auth/send_otp` and `/auth/verify_otp` (not modelled here). The
    optional query flag `qr` is not described by the vendor.

    A failed sign-in answers 400 `UNAUTHORIZED` (as the token form). Not retry-safe:
    each success opens a new session.

    Args:
        qr (bool | Unset):  Default: False.
        body (LoginRequest): JSON body of login and signInWithCredentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SignInToken | TwoFactorStep
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            qr=qr,
        )
    ).parsed

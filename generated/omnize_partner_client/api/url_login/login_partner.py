from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.login_partner_failure import LoginPartnerFailure
from ...models.login_partner_request import LoginPartnerRequest
from ...models.login_partner_success import LoginPartnerSuccess
from ...types import Response


def _get_kwargs(
    *,
    body: LoginPartnerRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/prod/authentication",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LoginPartnerFailure | LoginPartnerSuccess | None:
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> LoginPartnerFailure | LoginPartnerSuccess:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = LoginPartnerSuccess.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = LoginPartnerFailure.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LoginPartnerFailure | LoginPartnerSuccess]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LoginPartnerRequest,
) -> Response[LoginPartnerFailure | LoginPartnerSuccess]:
    """Get a login token for an agent (URL login; deprecated)

     Deprecated: only the March 2019 page documents URL login; the October 2020
    revision drops the section. It stays usable for a partner who still has it.

    Trades the partner token and an agent's e-mail for a login token. The agent then
    logs in at `https://login.omnize.com.br?token=<token>`, a link the client builds.
    Agents of an inactive account (`ativo: 0`) cannot log in (inferred).

    This operation runs on its own host (see `servers`). The overlay must send it there,
    not to the partner API base URL. Omnize documents the partner token as `token` in the
    JSON body (x-token-location: body). The overlay fills it from the client factory. The
    Rails argument for the query form of `partnerToken` does not apply on this host, so the
    overlay always puts the token in the body.

    Retrying is safe: it only issues another login token.

    Args:
        body (LoginPartnerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoginPartnerFailure | LoginPartnerSuccess]
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
    client: AuthenticatedClient,
    body: LoginPartnerRequest,
) -> LoginPartnerFailure | LoginPartnerSuccess | None:
    """Get a login token for an agent (URL login; deprecated)

     Deprecated: only the March 2019 page documents URL login; the October 2020
    revision drops the section. It stays usable for a partner who still has it.

    Trades the partner token and an agent's e-mail for a login token. The agent then
    logs in at `https://login.omnize.com.br?token=<token>`, a link the client builds.
    Agents of an inactive account (`ativo: 0`) cannot log in (inferred).

    This operation runs on its own host (see `servers`). The overlay must send it there,
    not to the partner API base URL. Omnize documents the partner token as `token` in the
    JSON body (x-token-location: body). The overlay fills it from the client factory. The
    Rails argument for the query form of `partnerToken` does not apply on this host, so the
    overlay always puts the token in the body.

    Retrying is safe: it only issues another login token.

    Args:
        body (LoginPartnerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoginPartnerFailure | LoginPartnerSuccess
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LoginPartnerRequest,
) -> Response[LoginPartnerFailure | LoginPartnerSuccess]:
    """Get a login token for an agent (URL login; deprecated)

     Deprecated: only the March 2019 page documents URL login; the October 2020
    revision drops the section. It stays usable for a partner who still has it.

    Trades the partner token and an agent's e-mail for a login token. The agent then
    logs in at `https://login.omnize.com.br?token=<token>`, a link the client builds.
    Agents of an inactive account (`ativo: 0`) cannot log in (inferred).

    This operation runs on its own host (see `servers`). The overlay must send it there,
    not to the partner API base URL. Omnize documents the partner token as `token` in the
    JSON body (x-token-location: body). The overlay fills it from the client factory. The
    Rails argument for the query form of `partnerToken` does not apply on this host, so the
    overlay always puts the token in the body.

    Retrying is safe: it only issues another login token.

    Args:
        body (LoginPartnerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoginPartnerFailure | LoginPartnerSuccess]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: LoginPartnerRequest,
) -> LoginPartnerFailure | LoginPartnerSuccess | None:
    """Get a login token for an agent (URL login; deprecated)

     Deprecated: only the March 2019 page documents URL login; the October 2020
    revision drops the section. It stays usable for a partner who still has it.

    Trades the partner token and an agent's e-mail for a login token. The agent then
    logs in at `https://login.omnize.com.br?token=<token>`, a link the client builds.
    Agents of an inactive account (`ativo: 0`) cannot log in (inferred).

    This operation runs on its own host (see `servers`). The overlay must send it there,
    not to the partner API base URL. Omnize documents the partner token as `token` in the
    JSON body (x-token-location: body). The overlay fills it from the client factory. The
    Rails argument for the query form of `partnerToken` does not apply on this host, so the
    overlay always puts the token in the body.

    Retrying is safe: it only issues another login token.

    Args:
        body (LoginPartnerRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoginPartnerFailure | LoginPartnerSuccess
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_agent_request import DeleteAgentRequest
from ...models.delete_success import DeleteSuccess
from ...models.omnize_failure import OmnizeFailure
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: DeleteAgentRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/agents/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeleteSuccess | OmnizeFailure | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> DeleteSuccess | OmnizeFailure:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = DeleteSuccess.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = OmnizeFailure.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeleteSuccess | OmnizeFailure]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: DeleteAgentRequest,
) -> Response[DeleteSuccess | OmnizeFailure]:
    """Delete an agent

     Deletes an agent of the account `agent.account_id`. The partner token is `token` in
    the JSON body (x-token-location: body). Retrying is safe: a second delete changes
    nothing and answers `success:false` (not found).

    Args:
        id (int):
        body (DeleteAgentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteSuccess | OmnizeFailure]
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
    id: int,
    *,
    client: AuthenticatedClient,
    body: DeleteAgentRequest,
) -> DeleteSuccess | OmnizeFailure | None:
    """Delete an agent

     Deletes an agent of the account `agent.account_id`. The partner token is `token` in
    the JSON body (x-token-location: body). Retrying is safe: a second delete changes
    nothing and answers `success:false` (not found).

    Args:
        id (int):
        body (DeleteAgentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteSuccess | OmnizeFailure
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: DeleteAgentRequest,
) -> Response[DeleteSuccess | OmnizeFailure]:
    """Delete an agent

     Deletes an agent of the account `agent.account_id`. The partner token is `token` in
    the JSON body (x-token-location: body). Retrying is safe: a second delete changes
    nothing and answers `success:false` (not found).

    Args:
        id (int):
        body (DeleteAgentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteSuccess | OmnizeFailure]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: DeleteAgentRequest,
) -> DeleteSuccess | OmnizeFailure | None:
    """Delete an agent

     Deletes an agent of the account `agent.account_id`. The partner token is `token` in
    the JSON body (x-token-location: body). Retrying is safe: a second delete changes
    nothing and answers `success:false` (not found).

    Args:
        id (int):
        body (DeleteAgentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteSuccess | OmnizeFailure
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

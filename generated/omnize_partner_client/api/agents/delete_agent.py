from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agent_delete_success import AgentDeleteSuccess
from ...models.delete_agent_request import DeleteAgentRequest
from ...models.omnize_failure import OmnizeFailure
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    body: DeleteAgentRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/agents/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgentDeleteSuccess | OmnizeFailure | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> AgentDeleteSuccess | OmnizeFailure:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = AgentDeleteSuccess.from_dict(data)

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
) -> Response[AgentDeleteSuccess | OmnizeFailure]:
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
    body: DeleteAgentRequest | Unset = UNSET,
) -> Response[AgentDeleteSuccess | OmnizeFailure]:
    """Delete an agent

     Deletes an agent (October 2020). The request carries a JSON body with the partner
    token and, optionally, the agent's account (`agent.account_id`, as the v2 page of
    March 2021 shows it).

    Omnize documents the partner token as `token` in the JSON body of this DELETE
    (x-token-location: body). The overlay fills it from the client factory. The body is
    optional, as deleteAccount's is (the query form of `partnerToken` plausibly works,
    and some proxies drop DELETE bodies).

    Retrying is safe: a second delete changes nothing and answers `success:false`
    (not found).

    Args:
        id (int):
        body (DeleteAgentRequest | Unset): The JSON body of DELETE /agents/{id}. It carries the
            partner token and, optionally, the agent's account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentDeleteSuccess | OmnizeFailure]
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
    body: DeleteAgentRequest | Unset = UNSET,
) -> AgentDeleteSuccess | OmnizeFailure | None:
    """Delete an agent

     Deletes an agent (October 2020). The request carries a JSON body with the partner
    token and, optionally, the agent's account (`agent.account_id`, as the v2 page of
    March 2021 shows it).

    Omnize documents the partner token as `token` in the JSON body of this DELETE
    (x-token-location: body). The overlay fills it from the client factory. The body is
    optional, as deleteAccount's is (the query form of `partnerToken` plausibly works,
    and some proxies drop DELETE bodies).

    Retrying is safe: a second delete changes nothing and answers `success:false`
    (not found).

    Args:
        id (int):
        body (DeleteAgentRequest | Unset): The JSON body of DELETE /agents/{id}. It carries the
            partner token and, optionally, the agent's account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentDeleteSuccess | OmnizeFailure
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
    body: DeleteAgentRequest | Unset = UNSET,
) -> Response[AgentDeleteSuccess | OmnizeFailure]:
    """Delete an agent

     Deletes an agent (October 2020). The request carries a JSON body with the partner
    token and, optionally, the agent's account (`agent.account_id`, as the v2 page of
    March 2021 shows it).

    Omnize documents the partner token as `token` in the JSON body of this DELETE
    (x-token-location: body). The overlay fills it from the client factory. The body is
    optional, as deleteAccount's is (the query form of `partnerToken` plausibly works,
    and some proxies drop DELETE bodies).

    Retrying is safe: a second delete changes nothing and answers `success:false`
    (not found).

    Args:
        id (int):
        body (DeleteAgentRequest | Unset): The JSON body of DELETE /agents/{id}. It carries the
            partner token and, optionally, the agent's account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentDeleteSuccess | OmnizeFailure]
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
    body: DeleteAgentRequest | Unset = UNSET,
) -> AgentDeleteSuccess | OmnizeFailure | None:
    """Delete an agent

     Deletes an agent (October 2020). The request carries a JSON body with the partner
    token and, optionally, the agent's account (`agent.account_id`, as the v2 page of
    March 2021 shows it).

    Omnize documents the partner token as `token` in the JSON body of this DELETE
    (x-token-location: body). The overlay fills it from the client factory. The body is
    optional, as deleteAccount's is (the query form of `partnerToken` plausibly works,
    and some proxies drop DELETE bodies).

    Retrying is safe: a second delete changes nothing and answers `success:false`
    (not found).

    Args:
        id (int):
        body (DeleteAgentRequest | Unset): The JSON body of DELETE /agents/{id}. It carries the
            partner token and, optionally, the agent's account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentDeleteSuccess | OmnizeFailure
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agent_success import AgentSuccess
from ...models.omnize_failure import OmnizeFailure
from ...models.update_agent_request import UpdateAgentRequest
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: UpdateAgentRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
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
) -> AgentSuccess | OmnizeFailure | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> AgentSuccess | OmnizeFailure:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = AgentSuccess.from_dict(data)

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
) -> Response[AgentSuccess | OmnizeFailure]:
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
    body: UpdateAgentRequest,
) -> Response[AgentSuccess | OmnizeFailure]:
    """Update an agent

     Updates an agent's e-mail, name, text limit, password, activity, profile or
    departments (`department_ids` replaces them). `agent.account_id` names its account.
    The partner token is `token` in the JSON body (x-token-location: body).

    Args:
        id (int):
        body (UpdateAgentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentSuccess | OmnizeFailure]
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
    body: UpdateAgentRequest,
) -> AgentSuccess | OmnizeFailure | None:
    """Update an agent

     Updates an agent's e-mail, name, text limit, password, activity, profile or
    departments (`department_ids` replaces them). `agent.account_id` names its account.
    The partner token is `token` in the JSON body (x-token-location: body).

    Args:
        id (int):
        body (UpdateAgentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentSuccess | OmnizeFailure
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
    body: UpdateAgentRequest,
) -> Response[AgentSuccess | OmnizeFailure]:
    """Update an agent

     Updates an agent's e-mail, name, text limit, password, activity, profile or
    departments (`department_ids` replaces them). `agent.account_id` names its account.
    The partner token is `token` in the JSON body (x-token-location: body).

    Args:
        id (int):
        body (UpdateAgentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentSuccess | OmnizeFailure]
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
    body: UpdateAgentRequest,
) -> AgentSuccess | OmnizeFailure | None:
    """Update an agent

     Updates an agent's e-mail, name, text limit, password, activity, profile or
    departments (`department_ids` replaces them). `agent.account_id` names its account.
    The partner token is `token` in the JSON body (x-token-location: body).

    Args:
        id (int):
        body (UpdateAgentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentSuccess | OmnizeFailure
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

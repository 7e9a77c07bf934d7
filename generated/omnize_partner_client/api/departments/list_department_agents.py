from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agent_list_success import AgentListSuccess
from ...models.omnize_failure import OmnizeFailure
from ...types import Response


def _get_kwargs(
    id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/departments/{id}/agents".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgentListSuccess | OmnizeFailure | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> AgentListSuccess | OmnizeFailure:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = AgentListSuccess.from_dict(data)

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
) -> Response[AgentListSuccess | OmnizeFailure]:
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
) -> Response[AgentListSuccess | OmnizeFailure]:
    """Retrieve all agents of a department

     Lists the agents assigned to a department. Omnize documents the partner token as the
    `token` query parameter (x-token-location: query), e.g.
    `GET /departments/{id}/agents?token=hj4h2k3h4k23`.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentListSuccess | OmnizeFailure]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
) -> AgentListSuccess | OmnizeFailure | None:
    """Retrieve all agents of a department

     Lists the agents assigned to a department. Omnize documents the partner token as the
    `token` query parameter (x-token-location: query), e.g.
    `GET /departments/{id}/agents?token=hj4h2k3h4k23`.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentListSuccess | OmnizeFailure
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
) -> Response[AgentListSuccess | OmnizeFailure]:
    """Retrieve all agents of a department

     Lists the agents assigned to a department. Omnize documents the partner token as the
    `token` query parameter (x-token-location: query), e.g.
    `GET /departments/{id}/agents?token=hj4h2k3h4k23`.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentListSuccess | OmnizeFailure]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
) -> AgentListSuccess | OmnizeFailure | None:
    """Retrieve all agents of a department

     Lists the agents assigned to a department. Omnize documents the partner token as the
    `token` query parameter (x-token-location: query), e.g.
    `GET /departments/{id}/agents?token=hj4h2k3h4k23`.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentListSuccess | OmnizeFailure
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed

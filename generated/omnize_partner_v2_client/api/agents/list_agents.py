from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agent_list_success import AgentListSuccess
from ...models.list_agents_column import ListAgentsColumn
from ...models.list_agents_direction import ListAgentsDirection
from ...models.omnize_failure import OmnizeFailure
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    account_id: int,
    search: str | Unset = UNSET,
    column: ListAgentsColumn | Unset = ListAgentsColumn.ID,
    direction: ListAgentsDirection | Unset = ListAgentsDirection.DESC,
    page: int | Unset = 1,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["account_id"] = account_id

    params["search"] = search

    json_column: str | Unset = UNSET
    if not isinstance(column, Unset):
        json_column = column.value

    params["column"] = json_column

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/agents",
        "params": params,
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
    *,
    client: AuthenticatedClient,
    account_id: int,
    search: str | Unset = UNSET,
    column: ListAgentsColumn | Unset = ListAgentsColumn.ID,
    direction: ListAgentsDirection | Unset = ListAgentsDirection.DESC,
    page: int | Unset = 1,
    limit: int | Unset = 20,
) -> Response[AgentListSuccess | OmnizeFailure]:
    """List agents

     Lists the agents of one of the partner's accounts, a page at a time: `search` filters
    by name or e-mail, `column` and `direction` order them (default: by id, descending),
    `page` (from 1) and `limit` (default 20) pick the page.
    The partner token is the `token` query parameter (x-token-location: query).

    Args:
        account_id (int):
        search (str | Unset):
        column (ListAgentsColumn | Unset):  Default: ListAgentsColumn.ID.
        direction (ListAgentsDirection | Unset):  Default: ListAgentsDirection.DESC.
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentListSuccess | OmnizeFailure]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        search=search,
        column=column,
        direction=direction,
        page=page,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    account_id: int,
    search: str | Unset = UNSET,
    column: ListAgentsColumn | Unset = ListAgentsColumn.ID,
    direction: ListAgentsDirection | Unset = ListAgentsDirection.DESC,
    page: int | Unset = 1,
    limit: int | Unset = 20,
) -> AgentListSuccess | OmnizeFailure | None:
    """List agents

     Lists the agents of one of the partner's accounts, a page at a time: `search` filters
    by name or e-mail, `column` and `direction` order them (default: by id, descending),
    `page` (from 1) and `limit` (default 20) pick the page.
    The partner token is the `token` query parameter (x-token-location: query).

    Args:
        account_id (int):
        search (str | Unset):
        column (ListAgentsColumn | Unset):  Default: ListAgentsColumn.ID.
        direction (ListAgentsDirection | Unset):  Default: ListAgentsDirection.DESC.
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentListSuccess | OmnizeFailure
    """

    return sync_detailed(
        client=client,
        account_id=account_id,
        search=search,
        column=column,
        direction=direction,
        page=page,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    account_id: int,
    search: str | Unset = UNSET,
    column: ListAgentsColumn | Unset = ListAgentsColumn.ID,
    direction: ListAgentsDirection | Unset = ListAgentsDirection.DESC,
    page: int | Unset = 1,
    limit: int | Unset = 20,
) -> Response[AgentListSuccess | OmnizeFailure]:
    """List agents

     Lists the agents of one of the partner's accounts, a page at a time: `search` filters
    by name or e-mail, `column` and `direction` order them (default: by id, descending),
    `page` (from 1) and `limit` (default 20) pick the page.
    The partner token is the `token` query parameter (x-token-location: query).

    Args:
        account_id (int):
        search (str | Unset):
        column (ListAgentsColumn | Unset):  Default: ListAgentsColumn.ID.
        direction (ListAgentsDirection | Unset):  Default: ListAgentsDirection.DESC.
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentListSuccess | OmnizeFailure]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        search=search,
        column=column,
        direction=direction,
        page=page,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    account_id: int,
    search: str | Unset = UNSET,
    column: ListAgentsColumn | Unset = ListAgentsColumn.ID,
    direction: ListAgentsDirection | Unset = ListAgentsDirection.DESC,
    page: int | Unset = 1,
    limit: int | Unset = 20,
) -> AgentListSuccess | OmnizeFailure | None:
    """List agents

     Lists the agents of one of the partner's accounts, a page at a time: `search` filters
    by name or e-mail, `column` and `direction` order them (default: by id, descending),
    `page` (from 1) and `limit` (default 20) pick the page.
    The partner token is the `token` query parameter (x-token-location: query).

    Args:
        account_id (int):
        search (str | Unset):
        column (ListAgentsColumn | Unset):  Default: ListAgentsColumn.ID.
        direction (ListAgentsDirection | Unset):  Default: ListAgentsDirection.DESC.
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentListSuccess | OmnizeFailure
    """

    return (
        await asyncio_detailed(
            client=client,
            account_id=account_id,
            search=search,
            column=column,
            direction=direction,
            page=page,
            limit=limit,
        )
    ).parsed

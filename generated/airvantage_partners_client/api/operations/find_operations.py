from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.operation_list import OperationList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["company"] = company

    params["offset"] = offset

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/operations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | OperationList | None:
    if response.status_code == 200:
        response_200 = OperationList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ApiError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ApiError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ApiError.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ApiError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | OperationList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
) -> Response[ApiError | OperationList]:
    """Find

     Returns a paginated list of the operations of the context company (the
    caller's by default), oldest first: the partnership requests it sent, among
    others. Each item is a whole operation (see `getOperation`).

    The vendor's client can also pass `fields`, `orderBy` and criteria (field =
    value) to this call; which ones operations take is not documented, so the spec
    declares only the context company and paging.

    Args:
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | OperationList]
    """

    kwargs = _get_kwargs(
        company=company,
        offset=offset,
        size=size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
) -> ApiError | OperationList | None:
    """Find

     Returns a paginated list of the operations of the context company (the
    caller's by default), oldest first: the partnership requests it sent, among
    others. Each item is a whole operation (see `getOperation`).

    The vendor's client can also pass `fields`, `orderBy` and criteria (field =
    value) to this call; which ones operations take is not documented, so the spec
    declares only the context company and paging.

    Args:
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | OperationList
    """

    return sync_detailed(
        client=client,
        company=company,
        offset=offset,
        size=size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
) -> Response[ApiError | OperationList]:
    """Find

     Returns a paginated list of the operations of the context company (the
    caller's by default), oldest first: the partnership requests it sent, among
    others. Each item is a whole operation (see `getOperation`).

    The vendor's client can also pass `fields`, `orderBy` and criteria (field =
    value) to this call; which ones operations take is not documented, so the spec
    declares only the context company and paging.

    Args:
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | OperationList]
    """

    kwargs = _get_kwargs(
        company=company,
        offset=offset,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
) -> ApiError | OperationList | None:
    """Find

     Returns a paginated list of the operations of the context company (the
    caller's by default), oldest first: the partnership requests it sent, among
    others. Each item is a whole operation (see `getOperation`).

    The vendor's client can also pass `fields`, `orderBy` and criteria (field =
    value) to this call; which ones operations take is not documented, so the spec
    declares only the context company and paging.

    Args:
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | OperationList
    """

    return (
        await asyncio_detailed(
            client=client,
            company=company,
            offset=offset,
            size=size,
        )
    ).parsed

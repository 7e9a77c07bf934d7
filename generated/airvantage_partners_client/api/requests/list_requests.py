from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.request_list import RequestList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fields: str | Unset = UNSET,
    uid: str | Unset = UNSET,
    request_by: str | Unset = UNSET,
    before: int | Unset = UNSET,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params["uid"] = uid

    params["requestBy"] = request_by

    params["before"] = before

    params["company"] = company

    params["offset"] = offset

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/requests",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | RequestList | None:
    if response.status_code == 200:
        response_200 = RequestList.from_dict(response.json())

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
) -> Response[ApiError | RequestList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    uid: str | Unset = UNSET,
    request_by: str | Unset = UNSET,
    before: int | Unset = UNSET,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
) -> Response[ApiError | RequestList]:
    """Find

     Returns a paginated list of the requests other companies sent to the caller's
    company: partnership requests (`PARTNERSHIP`, from a company that is not yet a
    partner) and gateway transfers (`TRANSFER_GATEWAY`, from an existing partner).
    Accept or reject each with `acceptRequest` / `rejectRequest`.

    If `fields` is missing, only `uid`, `type` and `date` are returned. The simulator
    lists only requests still waiting for an answer (inferred).

    Args:
        fields (str | Unset):
        uid (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        request_by (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        before (int | Unset):
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | RequestList]
    """

    kwargs = _get_kwargs(
        fields=fields,
        uid=uid,
        request_by=request_by,
        before=before,
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
    fields: str | Unset = UNSET,
    uid: str | Unset = UNSET,
    request_by: str | Unset = UNSET,
    before: int | Unset = UNSET,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
) -> ApiError | RequestList | None:
    """Find

     Returns a paginated list of the requests other companies sent to the caller's
    company: partnership requests (`PARTNERSHIP`, from a company that is not yet a
    partner) and gateway transfers (`TRANSFER_GATEWAY`, from an existing partner).
    Accept or reject each with `acceptRequest` / `rejectRequest`.

    If `fields` is missing, only `uid`, `type` and `date` are returned. The simulator
    lists only requests still waiting for an answer (inferred).

    Args:
        fields (str | Unset):
        uid (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        request_by (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        before (int | Unset):
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | RequestList
    """

    return sync_detailed(
        client=client,
        fields=fields,
        uid=uid,
        request_by=request_by,
        before=before,
        company=company,
        offset=offset,
        size=size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    uid: str | Unset = UNSET,
    request_by: str | Unset = UNSET,
    before: int | Unset = UNSET,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
) -> Response[ApiError | RequestList]:
    """Find

     Returns a paginated list of the requests other companies sent to the caller's
    company: partnership requests (`PARTNERSHIP`, from a company that is not yet a
    partner) and gateway transfers (`TRANSFER_GATEWAY`, from an existing partner).
    Accept or reject each with `acceptRequest` / `rejectRequest`.

    If `fields` is missing, only `uid`, `type` and `date` are returned. The simulator
    lists only requests still waiting for an answer (inferred).

    Args:
        fields (str | Unset):
        uid (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        request_by (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        before (int | Unset):
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | RequestList]
    """

    kwargs = _get_kwargs(
        fields=fields,
        uid=uid,
        request_by=request_by,
        before=before,
        company=company,
        offset=offset,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    uid: str | Unset = UNSET,
    request_by: str | Unset = UNSET,
    before: int | Unset = UNSET,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
) -> ApiError | RequestList | None:
    """Find

     Returns a paginated list of the requests other companies sent to the caller's
    company: partnership requests (`PARTNERSHIP`, from a company that is not yet a
    partner) and gateway transfers (`TRANSFER_GATEWAY`, from an existing partner).
    Accept or reject each with `acceptRequest` / `rejectRequest`.

    If `fields` is missing, only `uid`, `type` and `date` are returned. The simulator
    lists only requests still waiting for an answer (inferred).

    Args:
        fields (str | Unset):
        uid (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        request_by (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        before (int | Unset):
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | RequestList
    """

    return (
        await asyncio_detailed(
            client=client,
            fields=fields,
            uid=uid,
            request_by=request_by,
            before=before,
            company=company,
            offset=offset,
            size=size,
        )
    ).parsed

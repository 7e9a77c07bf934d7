from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.partner_list import PartnerList
from ...models.partner_order_by import PartnerOrderBy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fields: str | Unset = UNSET,
    name: str | Unset = UNSET,
    profile: str | Unset = UNSET,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
    order_by: PartnerOrderBy | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields"] = fields

    params["name"] = name

    params["profile"] = profile

    params["company"] = company

    params["offset"] = offset

    params["size"] = size

    json_order_by: str | Unset = UNSET
    if not isinstance(order_by, Unset):
        json_order_by = order_by.value

    params["orderBy"] = json_order_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/partners",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | PartnerList | None:
    if response.status_code == 200:
        response_200 = PartnerList.from_dict(response.json())

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
) -> Response[ApiError | PartnerList]:
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
    name: str | Unset = UNSET,
    profile: str | Unset = UNSET,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
    order_by: PartnerOrderBy | Unset = UNSET,
) -> Response[ApiError | PartnerList]:
    """Find

     Returns a paginated list of partners. It is possible to restrain the result list
    using criteria parameters (`name`, `profile`).

    The `fields` parameter has to be defined in order to specify the attributes of the
    partner which will be returned. If `fields` is missing, only `uid` and `name` are
    returned. Selectable fields: `uid`, `name`, `picture`, `profile`.

    Args:
        fields (str | Unset):
        name (str | Unset):
        profile (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.
        order_by (PartnerOrderBy | Unset): Sort field of Find partners (the doc lists `name`
            only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | PartnerList]
    """

    kwargs = _get_kwargs(
        fields=fields,
        name=name,
        profile=profile,
        company=company,
        offset=offset,
        size=size,
        order_by=order_by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    name: str | Unset = UNSET,
    profile: str | Unset = UNSET,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
    order_by: PartnerOrderBy | Unset = UNSET,
) -> ApiError | PartnerList | None:
    """Find

     Returns a paginated list of partners. It is possible to restrain the result list
    using criteria parameters (`name`, `profile`).

    The `fields` parameter has to be defined in order to specify the attributes of the
    partner which will be returned. If `fields` is missing, only `uid` and `name` are
    returned. Selectable fields: `uid`, `name`, `picture`, `profile`.

    Args:
        fields (str | Unset):
        name (str | Unset):
        profile (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.
        order_by (PartnerOrderBy | Unset): Sort field of Find partners (the doc lists `name`
            only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | PartnerList
    """

    return sync_detailed(
        client=client,
        fields=fields,
        name=name,
        profile=profile,
        company=company,
        offset=offset,
        size=size,
        order_by=order_by,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    name: str | Unset = UNSET,
    profile: str | Unset = UNSET,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
    order_by: PartnerOrderBy | Unset = UNSET,
) -> Response[ApiError | PartnerList]:
    """Find

     Returns a paginated list of partners. It is possible to restrain the result list
    using criteria parameters (`name`, `profile`).

    The `fields` parameter has to be defined in order to specify the attributes of the
    partner which will be returned. If `fields` is missing, only `uid` and `name` are
    returned. Selectable fields: `uid`, `name`, `picture`, `profile`.

    Args:
        fields (str | Unset):
        name (str | Unset):
        profile (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.
        order_by (PartnerOrderBy | Unset): Sort field of Find partners (the doc lists `name`
            only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | PartnerList]
    """

    kwargs = _get_kwargs(
        fields=fields,
        name=name,
        profile=profile,
        company=company,
        offset=offset,
        size=size,
        order_by=order_by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    name: str | Unset = UNSET,
    profile: str | Unset = UNSET,
    company: str | Unset = UNSET,
    offset: int | Unset = 0,
    size: int | Unset = 100,
    order_by: PartnerOrderBy | Unset = UNSET,
) -> ApiError | PartnerList | None:
    """Find

     Returns a paginated list of partners. It is possible to restrain the result list
    using criteria parameters (`name`, `profile`).

    The `fields` parameter has to be defined in order to specify the attributes of the
    partner which will be returned. If `fields` is missing, only `uid` and `name` are
    returned. Selectable fields: `uid`, `name`, `picture`, `profile`.

    Args:
        fields (str | Unset):
        name (str | Unset):
        profile (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        offset (int | Unset):  Default: 0.
        size (int | Unset):  Default: 100.
        order_by (PartnerOrderBy | Unset): Sort field of Find partners (the doc lists `name`
            only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | PartnerList
    """

    return (
        await asyncio_detailed(
            client=client,
            fields=fields,
            name=name,
            profile=profile,
            company=company,
            offset=offset,
            size=size,
            order_by=order_by,
        )
    ).parsed

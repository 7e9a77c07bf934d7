from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.site import Site
from ...models.site_status import SiteStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: SiteStatus | str | Unset = UNSET,
    email: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    platform_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, SiteStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["email"] = email

    params["externalId"] = external_id

    params["platformId"] = platform_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/global/sites",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[Site] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Site.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Site]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: SiteStatus | str | Unset = UNSET,
    email: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    platform_id: int | Unset = UNSET,
) -> Response[Error | list[Site]]:
    """Get the list of sites

     Lists the partner's sites, optionally filtered. The answer is a bare JSON array
    of Site objects, not an envelope, and the doc documents no paging.

    Args:
        status (SiteStatus | str | Unset): A site status as a filter, in the documented spelling
            or any letter case.
        email (str | Unset):
        external_id (str | Unset):
        platform_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Site]]
    """

    kwargs = _get_kwargs(
        status=status,
        email=email,
        external_id=external_id,
        platform_id=platform_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: SiteStatus | str | Unset = UNSET,
    email: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    platform_id: int | Unset = UNSET,
) -> Error | list[Site] | None:
    """Get the list of sites

     Lists the partner's sites, optionally filtered. The answer is a bare JSON array
    of Site objects, not an envelope, and the doc documents no paging.

    Args:
        status (SiteStatus | str | Unset): A site status as a filter, in the documented spelling
            or any letter case.
        email (str | Unset):
        external_id (str | Unset):
        platform_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Site]
    """

    return sync_detailed(
        client=client,
        status=status,
        email=email,
        external_id=external_id,
        platform_id=platform_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: SiteStatus | str | Unset = UNSET,
    email: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    platform_id: int | Unset = UNSET,
) -> Response[Error | list[Site]]:
    """Get the list of sites

     Lists the partner's sites, optionally filtered. The answer is a bare JSON array
    of Site objects, not an envelope, and the doc documents no paging.

    Args:
        status (SiteStatus | str | Unset): A site status as a filter, in the documented spelling
            or any letter case.
        email (str | Unset):
        external_id (str | Unset):
        platform_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Site]]
    """

    kwargs = _get_kwargs(
        status=status,
        email=email,
        external_id=external_id,
        platform_id=platform_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: SiteStatus | str | Unset = UNSET,
    email: str | Unset = UNSET,
    external_id: str | Unset = UNSET,
    platform_id: int | Unset = UNSET,
) -> Error | list[Site] | None:
    """Get the list of sites

     Lists the partner's sites, optionally filtered. The answer is a bare JSON array
    of Site objects, not an envelope, and the doc documents no paging.

    Args:
        status (SiteStatus | str | Unset): A site status as a filter, in the documented spelling
            or any letter case.
        email (str | Unset):
        external_id (str | Unset):
        platform_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Site]
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            email=email,
            external_id=external_id,
            platform_id=platform_id,
        )
    ).parsed

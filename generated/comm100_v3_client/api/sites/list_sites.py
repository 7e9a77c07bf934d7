from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.site_page import SitePage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    keywords: str | Unset = UNSET,
    page_index: int | Unset = 1,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["keywords"] = keywords

    params["pageIndex"] = page_index

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v3/partner/sites",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SitePage | None:
    if response.status_code == 200:
        response_200 = SitePage.from_dict(response.json())

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
) -> Response[Error | SitePage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    keywords: str | Unset = UNSET,
    page_index: int | Unset = 1,
) -> Response[Error | SitePage]:
    """Get Sites

     Get site information for all customers of the current partner: up to 100 Site
    objects a page, with the number of matching sites and the URLs of the previous
    and next pages. Follow `nextPage` until it is empty to read every site.

    Args:
        keywords (str | Unset):
        page_index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SitePage]
    """

    kwargs = _get_kwargs(
        keywords=keywords,
        page_index=page_index,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    keywords: str | Unset = UNSET,
    page_index: int | Unset = 1,
) -> Error | SitePage | None:
    """Get Sites

     Get site information for all customers of the current partner: up to 100 Site
    objects a page, with the number of matching sites and the URLs of the previous
    and next pages. Follow `nextPage` until it is empty to read every site.

    Args:
        keywords (str | Unset):
        page_index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SitePage
    """

    return sync_detailed(
        client=client,
        keywords=keywords,
        page_index=page_index,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    keywords: str | Unset = UNSET,
    page_index: int | Unset = 1,
) -> Response[Error | SitePage]:
    """Get Sites

     Get site information for all customers of the current partner: up to 100 Site
    objects a page, with the number of matching sites and the URLs of the previous
    and next pages. Follow `nextPage` until it is empty to read every site.

    Args:
        keywords (str | Unset):
        page_index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SitePage]
    """

    kwargs = _get_kwargs(
        keywords=keywords,
        page_index=page_index,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    keywords: str | Unset = UNSET,
    page_index: int | Unset = 1,
) -> Error | SitePage | None:
    """Get Sites

     Get site information for all customers of the current partner: up to 100 Site
    objects a page, with the number of matching sites and the URLs of the previous
    and next pages. Follow `nextPage` until it is empty to read every site.

    Args:
        keywords (str | Unset):
        page_index (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SitePage
    """

    return (
        await asyncio_detailed(
            client=client,
            keywords=keywords,
            page_index=page_index,
        )
    ).parsed

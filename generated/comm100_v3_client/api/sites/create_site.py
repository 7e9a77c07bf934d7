from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.site import Site
from ...models.site_create import SiteCreate
from ...types import Response


def _get_kwargs(
    *,
    body: SiteCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v3/partner/sites",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Site | None:
    if response.status_code == 200:
        response_200 = Site.from_dict(response.json())

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
) -> Response[Error | Site]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SiteCreate,
) -> Response[Error | Site]:
    """Create Site

     Registers a new site (a new customer) under the current partner, with its first
    user (the contact, who logs in with `contact.email` and `password`) and its plans.
    Returns the created Site object.

    Args:
        body (SiteCreate): Body of Create Site (from the commented-out section of the doc).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Site]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SiteCreate,
) -> Error | Site | None:
    """Create Site

     Registers a new site (a new customer) under the current partner, with its first
    user (the contact, who logs in with `contact.email` and `password`) and its plans.
    Returns the created Site object.

    Args:
        body (SiteCreate): Body of Create Site (from the commented-out section of the doc).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Site
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SiteCreate,
) -> Response[Error | Site]:
    """Create Site

     Registers a new site (a new customer) under the current partner, with its first
    user (the contact, who logs in with `contact.email` and `password`) and its plans.
    Returns the created Site object.

    Args:
        body (SiteCreate): Body of Create Site (from the commented-out section of the doc).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Site]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SiteCreate,
) -> Error | Site | None:
    """Create Site

     Registers a new site (a new customer) under the current partner, with its first
    user (the contact, who logs in with `contact.email` and `password`) and its plans.
    Returns the created Site object.

    Args:
        body (SiteCreate): Body of Create Site (from the commented-out section of the doc).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Site
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

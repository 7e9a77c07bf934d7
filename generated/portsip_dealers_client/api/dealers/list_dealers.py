from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dealer_list import DealerList
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    filter_: str | Unset = UNSET,
    search: str | Unset = UNSET,
    orderby: str | Unset = UNSET,
    skip: int | Unset = 0,
    top: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["filter"] = filter_

    params["search"] = search

    params["orderby"] = orderby

    params["skip"] = skip

    params["top"] = top

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/dealers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DealerList | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = DealerList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorResponse.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DealerList | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    search: str | Unset = UNSET,
    orderby: str | Unset = UNSET,
    skip: int | Unset = 0,
    top: int | Unset = 100,
) -> Response[DealerList | ErrorResponse]:
    """List dealers

     List a collection of dealers: the dealers the caller may manage (every dealer for
    the system administrator; for a dealer, the dealers below it), with `count`, the
    total number of matching dealers.

    The vendor declares no query parameters here, but about.md documents OData-like
    query options for every collection and the vendor's spec declares `filter`,
    `search`, `orderby`, `skip` and `top` on 40 other lists; they are modelled as
    optional and inferred. `count` is the total of the matching dealers, not the size
    of the page; page with `skip` and `top` until `skip >= count`.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/README.md`
    ("List dealers"); query options from `version-22.1/about.md`.

    Args:
        filter_ (str | Unset):
        search (str | Unset):
        orderby (str | Unset):
        skip (int | Unset):  Default: 0.
        top (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DealerList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        search=search,
        orderby=orderby,
        skip=skip,
        top=top,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    search: str | Unset = UNSET,
    orderby: str | Unset = UNSET,
    skip: int | Unset = 0,
    top: int | Unset = 100,
) -> DealerList | ErrorResponse | None:
    """List dealers

     List a collection of dealers: the dealers the caller may manage (every dealer for
    the system administrator; for a dealer, the dealers below it), with `count`, the
    total number of matching dealers.

    The vendor declares no query parameters here, but about.md documents OData-like
    query options for every collection and the vendor's spec declares `filter`,
    `search`, `orderby`, `skip` and `top` on 40 other lists; they are modelled as
    optional and inferred. `count` is the total of the matching dealers, not the size
    of the page; page with `skip` and `top` until `skip >= count`.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/README.md`
    ("List dealers"); query options from `version-22.1/about.md`.

    Args:
        filter_ (str | Unset):
        search (str | Unset):
        orderby (str | Unset):
        skip (int | Unset):  Default: 0.
        top (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DealerList | ErrorResponse
    """

    return sync_detailed(
        client=client,
        filter_=filter_,
        search=search,
        orderby=orderby,
        skip=skip,
        top=top,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    search: str | Unset = UNSET,
    orderby: str | Unset = UNSET,
    skip: int | Unset = 0,
    top: int | Unset = 100,
) -> Response[DealerList | ErrorResponse]:
    """List dealers

     List a collection of dealers: the dealers the caller may manage (every dealer for
    the system administrator; for a dealer, the dealers below it), with `count`, the
    total number of matching dealers.

    The vendor declares no query parameters here, but about.md documents OData-like
    query options for every collection and the vendor's spec declares `filter`,
    `search`, `orderby`, `skip` and `top` on 40 other lists; they are modelled as
    optional and inferred. `count` is the total of the matching dealers, not the size
    of the page; page with `skip` and `top` until `skip >= count`.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/README.md`
    ("List dealers"); query options from `version-22.1/about.md`.

    Args:
        filter_ (str | Unset):
        search (str | Unset):
        orderby (str | Unset):
        skip (int | Unset):  Default: 0.
        top (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DealerList | ErrorResponse]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        search=search,
        orderby=orderby,
        skip=skip,
        top=top,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    search: str | Unset = UNSET,
    orderby: str | Unset = UNSET,
    skip: int | Unset = 0,
    top: int | Unset = 100,
) -> DealerList | ErrorResponse | None:
    """List dealers

     List a collection of dealers: the dealers the caller may manage (every dealer for
    the system administrator; for a dealer, the dealers below it), with `count`, the
    total number of matching dealers.

    The vendor declares no query parameters here, but about.md documents OData-like
    query options for every collection and the vendor's spec declares `filter`,
    `search`, `orderby`, `skip` and `top` on 40 other lists; they are modelled as
    optional and inferred. `count` is the total of the matching dealers, not the size
    of the page; page with `skip` and `top` until `skip >= count`.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/README.md`
    ("List dealers"); query options from `version-22.1/about.md`.

    Args:
        filter_ (str | Unset):
        search (str | Unset):
        orderby (str | Unset):
        skip (int | Unset):  Default: 0.
        top (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DealerList | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            filter_=filter_,
            search=search,
            orderby=orderby,
            skip=skip,
            top=top,
        )
    ).parsed

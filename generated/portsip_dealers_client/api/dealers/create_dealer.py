from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dealer_create import DealerCreate
from ...models.dealer_created import DealerCreated
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: DealerCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/dealers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DealerCreated | ErrorResponse | None:
    if response.status_code == 201:
        response_201 = DealerCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorResponse.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DealerCreated | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DealerCreate,
) -> Response[DealerCreated | ErrorResponse]:
    """Create a dealer

     Create a dealer. Answers 201 with the new dealer's `id` only.

    The caller may create only levels below its own: the system administrator any
    level, a DISTRIBUTOR a SUB_DISTRIBUTOR or RESELLER, a SUB_DISTRIBUTOR a RESELLER,
    a RESELLER none (403 otherwise). The new dealer belongs to the caller.

    `name` is the dealer's sign-in name: 1 to 64 letters, digits, `_`, `-`, `'` and
    `.`, not starting or ending with `.`. `admin`, `system`, `administrator` and `root`
    are reserved for the system administrator, compared case-insensitively (the schema
    says so with a `not` pattern). A name already taken answers 409.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/README.md`
    ("Create a dealer"); hierarchy from the admin guide, chapter 22 Dealers.
    Not retry-safe: a retry after a lost answer either creates nothing (409, the name
    is taken) or, with another name, a second dealer.

    Args:
        body (DealerCreate): Body of Create a dealer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DealerCreated | ErrorResponse]
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
    body: DealerCreate,
) -> DealerCreated | ErrorResponse | None:
    """Create a dealer

     Create a dealer. Answers 201 with the new dealer's `id` only.

    The caller may create only levels below its own: the system administrator any
    level, a DISTRIBUTOR a SUB_DISTRIBUTOR or RESELLER, a SUB_DISTRIBUTOR a RESELLER,
    a RESELLER none (403 otherwise). The new dealer belongs to the caller.

    `name` is the dealer's sign-in name: 1 to 64 letters, digits, `_`, `-`, `'` and
    `.`, not starting or ending with `.`. `admin`, `system`, `administrator` and `root`
    are reserved for the system administrator, compared case-insensitively (the schema
    says so with a `not` pattern). A name already taken answers 409.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/README.md`
    ("Create a dealer"); hierarchy from the admin guide, chapter 22 Dealers.
    Not retry-safe: a retry after a lost answer either creates nothing (409, the name
    is taken) or, with another name, a second dealer.

    Args:
        body (DealerCreate): Body of Create a dealer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DealerCreated | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DealerCreate,
) -> Response[DealerCreated | ErrorResponse]:
    """Create a dealer

     Create a dealer. Answers 201 with the new dealer's `id` only.

    The caller may create only levels below its own: the system administrator any
    level, a DISTRIBUTOR a SUB_DISTRIBUTOR or RESELLER, a SUB_DISTRIBUTOR a RESELLER,
    a RESELLER none (403 otherwise). The new dealer belongs to the caller.

    `name` is the dealer's sign-in name: 1 to 64 letters, digits, `_`, `-`, `'` and
    `.`, not starting or ending with `.`. `admin`, `system`, `administrator` and `root`
    are reserved for the system administrator, compared case-insensitively (the schema
    says so with a `not` pattern). A name already taken answers 409.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/README.md`
    ("Create a dealer"); hierarchy from the admin guide, chapter 22 Dealers.
    Not retry-safe: a retry after a lost answer either creates nothing (409, the name
    is taken) or, with another name, a second dealer.

    Args:
        body (DealerCreate): Body of Create a dealer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DealerCreated | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DealerCreate,
) -> DealerCreated | ErrorResponse | None:
    """Create a dealer

     Create a dealer. Answers 201 with the new dealer's `id` only.

    The caller may create only levels below its own: the system administrator any
    level, a DISTRIBUTOR a SUB_DISTRIBUTOR or RESELLER, a SUB_DISTRIBUTOR a RESELLER,
    a RESELLER none (403 otherwise). The new dealer belongs to the caller.

    `name` is the dealer's sign-in name: 1 to 64 letters, digits, `_`, `-`, `'` and
    `.`, not starting or ending with `.`. `admin`, `system`, `administrator` and `root`
    are reserved for the system administrator, compared case-insensitively (the schema
    says so with a `not` pattern). A name already taken answers 409.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/README.md`
    ("Create a dealer"); hierarchy from the admin guide, chapter 22 Dealers.
    Not retry-safe: a retry after a lost answer either creates nothing (409, the name
    is taken) or, with another name, a second dealer.

    Args:
        body (DealerCreate): Body of Create a dealer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DealerCreated | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

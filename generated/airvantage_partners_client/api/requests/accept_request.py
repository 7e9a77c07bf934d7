from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.request_acceptance import RequestAcceptance
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uid: str,
    *,
    body: RequestAcceptance | Unset = UNSET,
    company: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["company"] = company

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/requests/{uid}/accept".format(
            uid=quote(str(uid), safe=""),
        ),
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ApiError | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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

    if response.status_code == 404:
        response_404 = ApiError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ApiError.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ApiError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uid: str,
    *,
    client: AuthenticatedClient | Client,
    body: RequestAcceptance | Unset = UNSET,
    company: str | Unset = UNSET,
) -> Response[Any | ApiError]:
    """Accept

     Accepts an incoming request. For a partnership request the two companies become
    partners, and `data.profile` names the profile users of the partner get in your
    company. `message` is returned to the request sender. Answers 200; the vendor's
    answer body is unknown and clients must ignore it.

    Retrying is safe (set semantics): accepting sets the request's outcome to
    "accepted" and the partnership to "exists"; doing it again leaves the same state
    and creates nothing twice. The simulator answers 200 to a repeated accept of the
    same request and `request.unknown` to accepting a request already rejected.

    Args:
        uid (str): An AirVantage unique identifier. Every sample shows 32 lowercase hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        body (RequestAcceptance | Unset): Body of Accept; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiError]
    """

    kwargs = _get_kwargs(
        uid=uid,
        body=body,
        company=company,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uid: str,
    *,
    client: AuthenticatedClient | Client,
    body: RequestAcceptance | Unset = UNSET,
    company: str | Unset = UNSET,
) -> Any | ApiError | None:
    """Accept

     Accepts an incoming request. For a partnership request the two companies become
    partners, and `data.profile` names the profile users of the partner get in your
    company. `message` is returned to the request sender. Answers 200; the vendor's
    answer body is unknown and clients must ignore it.

    Retrying is safe (set semantics): accepting sets the request's outcome to
    "accepted" and the partnership to "exists"; doing it again leaves the same state
    and creates nothing twice. The simulator answers 200 to a repeated accept of the
    same request and `request.unknown` to accepting a request already rejected.

    Args:
        uid (str): An AirVantage unique identifier. Every sample shows 32 lowercase hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        body (RequestAcceptance | Unset): Body of Accept; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiError
    """

    return sync_detailed(
        uid=uid,
        client=client,
        body=body,
        company=company,
    ).parsed


async def asyncio_detailed(
    uid: str,
    *,
    client: AuthenticatedClient | Client,
    body: RequestAcceptance | Unset = UNSET,
    company: str | Unset = UNSET,
) -> Response[Any | ApiError]:
    """Accept

     Accepts an incoming request. For a partnership request the two companies become
    partners, and `data.profile` names the profile users of the partner get in your
    company. `message` is returned to the request sender. Answers 200; the vendor's
    answer body is unknown and clients must ignore it.

    Retrying is safe (set semantics): accepting sets the request's outcome to
    "accepted" and the partnership to "exists"; doing it again leaves the same state
    and creates nothing twice. The simulator answers 200 to a repeated accept of the
    same request and `request.unknown` to accepting a request already rejected.

    Args:
        uid (str): An AirVantage unique identifier. Every sample shows 32 lowercase hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        body (RequestAcceptance | Unset): Body of Accept; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ApiError]
    """

    kwargs = _get_kwargs(
        uid=uid,
        body=body,
        company=company,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uid: str,
    *,
    client: AuthenticatedClient | Client,
    body: RequestAcceptance | Unset = UNSET,
    company: str | Unset = UNSET,
) -> Any | ApiError | None:
    """Accept

     Accepts an incoming request. For a partnership request the two companies become
    partners, and `data.profile` names the profile users of the partner get in your
    company. `message` is returned to the request sender. Answers 200; the vendor's
    answer body is unknown and clients must ignore it.

    Retrying is safe (set semantics): accepting sets the request's outcome to
    "accepted" and the partnership to "exists"; doing it again leaves the same state
    and creates nothing twice. The simulator answers 200 to a repeated accept of the
    same request and `request.unknown` to accepting a request already rejected.

    Args:
        uid (str): An AirVantage unique identifier. Every sample shows 32 lowercase hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        body (RequestAcceptance | Unset): Body of Accept; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ApiError
    """

    return (
        await asyncio_detailed(
            uid=uid,
            client=client,
            body=body,
            company=company,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.operation import Operation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    uid: str,
    *,
    company: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["company"] = company

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/operations/{uid}/cancel".format(
            uid=quote(str(uid), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | Operation | None:
    if response.status_code == 200:
        response_200 = Operation.from_dict(response.json())

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
) -> Response[ApiError | Operation]:
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
    company: str | Unset = UNSET,
) -> Response[ApiError | Operation]:
    """Cancel

     Cancels an operation: its pending tasks become `BEING_CANCELLED`, then `CANCELLED`,
    and the operation ends `FINISHED` with a `cancelDate`. Takes no body; answers the
    operation. For a partnership request, cancelling withdraws the request from the
    target company.

    Retrying is safe: cancelling an operation that is already cancelled or finished
    changes nothing and answers the operation as it is (the simulator's behaviour).

    Args:
        uid (str): An AirVantage unique identifier. Every sample shows 32 lowercase hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | Operation]
    """

    kwargs = _get_kwargs(
        uid=uid,
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
    company: str | Unset = UNSET,
) -> ApiError | Operation | None:
    """Cancel

     Cancels an operation: its pending tasks become `BEING_CANCELLED`, then `CANCELLED`,
    and the operation ends `FINISHED` with a `cancelDate`. Takes no body; answers the
    operation. For a partnership request, cancelling withdraws the request from the
    target company.

    Retrying is safe: cancelling an operation that is already cancelled or finished
    changes nothing and answers the operation as it is (the simulator's behaviour).

    Args:
        uid (str): An AirVantage unique identifier. Every sample shows 32 lowercase hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | Operation
    """

    return sync_detailed(
        uid=uid,
        client=client,
        company=company,
    ).parsed


async def asyncio_detailed(
    uid: str,
    *,
    client: AuthenticatedClient | Client,
    company: str | Unset = UNSET,
) -> Response[ApiError | Operation]:
    """Cancel

     Cancels an operation: its pending tasks become `BEING_CANCELLED`, then `CANCELLED`,
    and the operation ends `FINISHED` with a `cancelDate`. Takes no body; answers the
    operation. For a partnership request, cancelling withdraws the request from the
    target company.

    Retrying is safe: cancelling an operation that is already cancelled or finished
    changes nothing and answers the operation as it is (the simulator's behaviour).

    Args:
        uid (str): An AirVantage unique identifier. Every sample shows 32 lowercase hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | Operation]
    """

    kwargs = _get_kwargs(
        uid=uid,
        company=company,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uid: str,
    *,
    client: AuthenticatedClient | Client,
    company: str | Unset = UNSET,
) -> ApiError | Operation | None:
    """Cancel

     Cancels an operation: its pending tasks become `BEING_CANCELLED`, then `CANCELLED`,
    and the operation ends `FINISHED` with a `cancelDate`. Takes no body; answers the
    operation. For a partnership request, cancelling withdraws the request from the
    target company.

    Retrying is safe: cancelling an operation that is already cancelled or finished
    changes nothing and answers the operation as it is (the simulator's behaviour).

    Args:
        uid (str): An AirVantage unique identifier. Every sample shows 32 lowercase hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | Operation
    """

    return (
        await asyncio_detailed(
            uid=uid,
            client=client,
            company=company,
        )
    ).parsed

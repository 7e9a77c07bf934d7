from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.operation_ref import OperationRef
from ...models.partnership_request import PartnershipRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PartnershipRequest,
    company: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["company"] = company

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/operations/partners/request",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | OperationRef | None:
    if response.status_code == 200:
        response_200 = OperationRef.from_dict(response.json())

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
) -> Response[ApiError | OperationRef]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PartnershipRequest,
    company: str | Unset = UNSET,
) -> Response[ApiError | OperationRef]:
    """Request

     Sends a partnership request to another company. The call is asynchronous: it
    answers at once with the uid of an operation (`{"operation": "<uid>"}`) to follow
    with `getOperation` or cancel with `cancelOperation`.

    `partner` is the uid of the company you want as a partner; `profile` is the uid of
    the profile its users will get in your company; `message` explains the request;
    `notify: true` e-mails the caller when the operation finishes; `callback` is a URL
    called when the operation's state changes (see `callbacks`).

    Lifecycle (inferred): the request appears among the target company's requests
    (`listRequests`, type `PARTNERSHIP`); the operation stays `IN_PROGRESS` until the
    target accepts (task `SUCCESS`, the two companies become partners) or rejects
    (task `FAILURE`), or the caller cancels it (task `CANCELLED`, the request is
    withdrawn); it then ends `FINISHED`. Once two companies are partners, any other
    request still pending between them is closed and its operation ends `FINISHED`
    with `SUCCESS` (the simulator's choice: the partnership it asked for exists).

    Not safe to retry: a second call sends a second request (or fails with
    `partner.exists` once the first was accepted).

    Args:
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        body (PartnershipRequest): Body of the partnership request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | OperationRef]
    """

    kwargs = _get_kwargs(
        body=body,
        company=company,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PartnershipRequest,
    company: str | Unset = UNSET,
) -> ApiError | OperationRef | None:
    """Request

     Sends a partnership request to another company. The call is asynchronous: it
    answers at once with the uid of an operation (`{"operation": "<uid>"}`) to follow
    with `getOperation` or cancel with `cancelOperation`.

    `partner` is the uid of the company you want as a partner; `profile` is the uid of
    the profile its users will get in your company; `message` explains the request;
    `notify: true` e-mails the caller when the operation finishes; `callback` is a URL
    called when the operation's state changes (see `callbacks`).

    Lifecycle (inferred): the request appears among the target company's requests
    (`listRequests`, type `PARTNERSHIP`); the operation stays `IN_PROGRESS` until the
    target accepts (task `SUCCESS`, the two companies become partners) or rejects
    (task `FAILURE`), or the caller cancels it (task `CANCELLED`, the request is
    withdrawn); it then ends `FINISHED`. Once two companies are partners, any other
    request still pending between them is closed and its operation ends `FINISHED`
    with `SUCCESS` (the simulator's choice: the partnership it asked for exists).

    Not safe to retry: a second call sends a second request (or fails with
    `partner.exists` once the first was accepted).

    Args:
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        body (PartnershipRequest): Body of the partnership request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | OperationRef
    """

    return sync_detailed(
        client=client,
        body=body,
        company=company,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PartnershipRequest,
    company: str | Unset = UNSET,
) -> Response[ApiError | OperationRef]:
    """Request

     Sends a partnership request to another company. The call is asynchronous: it
    answers at once with the uid of an operation (`{"operation": "<uid>"}`) to follow
    with `getOperation` or cancel with `cancelOperation`.

    `partner` is the uid of the company you want as a partner; `profile` is the uid of
    the profile its users will get in your company; `message` explains the request;
    `notify: true` e-mails the caller when the operation finishes; `callback` is a URL
    called when the operation's state changes (see `callbacks`).

    Lifecycle (inferred): the request appears among the target company's requests
    (`listRequests`, type `PARTNERSHIP`); the operation stays `IN_PROGRESS` until the
    target accepts (task `SUCCESS`, the two companies become partners) or rejects
    (task `FAILURE`), or the caller cancels it (task `CANCELLED`, the request is
    withdrawn); it then ends `FINISHED`. Once two companies are partners, any other
    request still pending between them is closed and its operation ends `FINISHED`
    with `SUCCESS` (the simulator's choice: the partnership it asked for exists).

    Not safe to retry: a second call sends a second request (or fails with
    `partner.exists` once the first was accepted).

    Args:
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        body (PartnershipRequest): Body of the partnership request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | OperationRef]
    """

    kwargs = _get_kwargs(
        body=body,
        company=company,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PartnershipRequest,
    company: str | Unset = UNSET,
) -> ApiError | OperationRef | None:
    """Request

     Sends a partnership request to another company. The call is asynchronous: it
    answers at once with the uid of an operation (`{"operation": "<uid>"}`) to follow
    with `getOperation` or cancel with `cancelOperation`.

    `partner` is the uid of the company you want as a partner; `profile` is the uid of
    the profile its users will get in your company; `message` explains the request;
    `notify: true` e-mails the caller when the operation finishes; `callback` is a URL
    called when the operation's state changes (see `callbacks`).

    Lifecycle (inferred): the request appears among the target company's requests
    (`listRequests`, type `PARTNERSHIP`); the operation stays `IN_PROGRESS` until the
    target accepts (task `SUCCESS`, the two companies become partners) or rejects
    (task `FAILURE`), or the caller cancels it (task `CANCELLED`, the request is
    withdrawn); it then ends `FINISHED`. Once two companies are partners, any other
    request still pending between them is closed and its operation ends `FINISHED`
    with `SUCCESS` (the simulator's choice: the partnership it asked for exists).

    Not safe to retry: a second call sends a second request (or fails with
    `partner.exists` once the first was accepted).

    Args:
        company (str | Unset): An AirVantage unique identifier. Every sample shows 32 lowercase
            hexadecimal
            characters (a UUID without dashes); the spec does not enforce that format.
        body (PartnershipRequest): Body of the partnership request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | OperationRef
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            company=company,
        )
    ).parsed

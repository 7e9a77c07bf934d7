from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paying_form import PayingForm
from ...types import UNSET, Response, Unset


def _get_kwargs(
    site_id: int,
    *,
    body: PayingForm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v3/partner/sites/{site_id}/paying".format(
            site_id=quote(str(site_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    site_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: PayingForm | Unset = UNSET,
) -> Response[Any | Error]:
    """Pay a site

     Convert the trial period account into an official (paying) account. Answers
    `200 OK` with no body. Converting a site that already pays leaves it paying, so a
    retry is safe; the doc does not say what status that second call answers.

    Args:
        site_id (int):
        body (PayingForm | Unset): Optional form body of Pay a site; repeats the path's site id as
            the doc's sample does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        site_id=site_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    site_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: PayingForm | Unset = UNSET,
) -> Any | Error | None:
    """Pay a site

     Convert the trial period account into an official (paying) account. Answers
    `200 OK` with no body. Converting a site that already pays leaves it paying, so a
    retry is safe; the doc does not say what status that second call answers.

    Args:
        site_id (int):
        body (PayingForm | Unset): Optional form body of Pay a site; repeats the path's site id as
            the doc's sample does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        site_id=site_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    site_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: PayingForm | Unset = UNSET,
) -> Response[Any | Error]:
    """Pay a site

     Convert the trial period account into an official (paying) account. Answers
    `200 OK` with no body. Converting a site that already pays leaves it paying, so a
    retry is safe; the doc does not say what status that second call answers.

    Args:
        site_id (int):
        body (PayingForm | Unset): Optional form body of Pay a site; repeats the path's site id as
            the doc's sample does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        site_id=site_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    site_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: PayingForm | Unset = UNSET,
) -> Any | Error | None:
    """Pay a site

     Convert the trial period account into an official (paying) account. Answers
    `200 OK` with no body. Converting a site that already pays leaves it paying, so a
    retry is safe; the doc does not say what status that second call answers.

    Args:
        site_id (int):
        body (PayingForm | Unset): Optional form body of Pay a site; repeats the path's site id as
            the doc's sample does.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            site_id=site_id,
            client=client,
            body=body,
        )
    ).parsed

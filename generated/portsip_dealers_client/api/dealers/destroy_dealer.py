from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/dealers/{id}/destroy".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if 400 <= response.status_code <= 499:
        response_4xx = ErrorResponse.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorResponse]:
    """Delete a dealer

     Delete a dealer by its unique ID: a POST to the `/destroy` action path, not
    DELETE. Answers 204 with no body.

    Retry-safe: destroying twice leaves the dealer destroyed, but the second call
    answers 404 (the dealer no longer exists), so a retry after a lost 204 sees 404
    and a caller should treat 404 on a retry as done. The doc does not say what
    becomes of the dealer's own sub-dealers and tenants.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/destroy.md`
    (the vendor's operationId is `deleteDealer`).

    Args:
        id (str): The unique ID of the dealer, opaque to clients: never build or parse one. (The
            vendor's example is base64 of a decimal snowflake, but nothing promises a form.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | None:
    """Delete a dealer

     Delete a dealer by its unique ID: a POST to the `/destroy` action path, not
    DELETE. Answers 204 with no body.

    Retry-safe: destroying twice leaves the dealer destroyed, but the second call
    answers 404 (the dealer no longer exists), so a retry after a lost 204 sees 404
    and a caller should treat 404 on a retry as done. The doc does not say what
    becomes of the dealer's own sub-dealers and tenants.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/destroy.md`
    (the vendor's operationId is `deleteDealer`).

    Args:
        id (str): The unique ID of the dealer, opaque to clients: never build or parse one. (The
            vendor's example is base64 of a decimal snowflake, but nothing promises a form.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorResponse]:
    """Delete a dealer

     Delete a dealer by its unique ID: a POST to the `/destroy` action path, not
    DELETE. Answers 204 with no body.

    Retry-safe: destroying twice leaves the dealer destroyed, but the second call
    answers 404 (the dealer no longer exists), so a retry after a lost 204 sees 404
    and a caller should treat 404 on a retry as done. The doc does not say what
    becomes of the dealer's own sub-dealers and tenants.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/destroy.md`
    (the vendor's operationId is `deleteDealer`).

    Args:
        id (str): The unique ID of the dealer, opaque to clients: never build or parse one. (The
            vendor's example is base64 of a decimal snowflake, but nothing promises a form.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | None:
    """Delete a dealer

     Delete a dealer by its unique ID: a POST to the `/destroy` action path, not
    DELETE. Answers 204 with no body.

    Retry-safe: destroying twice leaves the dealer destroyed, but the second call
    answers 404 (the dealer no longer exists), so a retry after a lost 204 sees 404
    and a caller should treat 404 on a retry as done. The doc does not say what
    becomes of the dealer's own sub-dealers and tenants.

    Source: `development-portsip/rest-apis/version-22.1/api-reference/dealers/destroy.md`
    (the vendor's operationId is `deleteDealer`).

    Args:
        id (str): The unique ID of the dealer, opaque to clients: never build or parse one. (The
            vendor's example is base64 of a decimal snowflake, but nothing promises a form.)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed

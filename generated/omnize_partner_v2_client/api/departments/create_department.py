from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.department_request import DepartmentRequest
from ...models.department_success import DepartmentSuccess
from ...models.omnize_failure import OmnizeFailure
from ...types import Response


def _get_kwargs(
    *,
    body: DepartmentRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/departments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DepartmentSuccess | OmnizeFailure | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> DepartmentSuccess | OmnizeFailure:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = DepartmentSuccess.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = OmnizeFailure.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DepartmentSuccess | OmnizeFailure]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: DepartmentRequest,
) -> Response[DepartmentSuccess | OmnizeFailure]:
    """Create a department

     Creates a department in an account, with the agents `agent_ids` (of that account) and
    the `channels`. The partner token is `token` in the JSON body (x-token-location: body).

    Args:
        body (DepartmentRequest): The body of createDepartment and updateDepartment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DepartmentSuccess | OmnizeFailure]
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
    client: AuthenticatedClient,
    body: DepartmentRequest,
) -> DepartmentSuccess | OmnizeFailure | None:
    """Create a department

     Creates a department in an account, with the agents `agent_ids` (of that account) and
    the `channels`. The partner token is `token` in the JSON body (x-token-location: body).

    Args:
        body (DepartmentRequest): The body of createDepartment and updateDepartment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DepartmentSuccess | OmnizeFailure
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DepartmentRequest,
) -> Response[DepartmentSuccess | OmnizeFailure]:
    """Create a department

     Creates a department in an account, with the agents `agent_ids` (of that account) and
    the `channels`. The partner token is `token` in the JSON body (x-token-location: body).

    Args:
        body (DepartmentRequest): The body of createDepartment and updateDepartment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DepartmentSuccess | OmnizeFailure]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: DepartmentRequest,
) -> DepartmentSuccess | OmnizeFailure | None:
    """Create a department

     Creates a department in an account, with the agents `agent_ids` (of that account) and
    the `channels`. The partner token is `token` in the JSON body (x-token-location: body).

    Args:
        body (DepartmentRequest): The body of createDepartment and updateDepartment.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DepartmentSuccess | OmnizeFailure
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

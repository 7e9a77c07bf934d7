"""One call a hooks module makes to register the checks that apply to its API.

    install(API, ...)

registers ``auth_enforced``, ``tenant_isolation`` (when the API has other identities), ``read_after_write``,
``paging_is_sound`` (when a list pages), ``field_selection`` (when a parameter selects
fields) and ``token_lifetime`` (when the hooks module can log in afresh). Which apply is
read from the spec model; the hooks module says only how to sign in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from partner_apis.specs import ApiSpec
from tests.contract.hooks.oauth import TOKEN_OPERATION, login_form, token_post
from tests.contract.hooks.shared import optional_variable
from tests.contract.plan import token_url

from .auth import auth_check
from .common import Api, bearer, register
from .field_selection import field_selection_check
from .isolation import isolation_check
from .paging import find_paging, paging_check
from .read_after_write import read_after_write_check
from .token_lifetime import Login, Refresh, token_lifetime_check

__all__ = ["install", "token_answer", "token_refresher"]


def token_answer(spec: ApiSpec, grant: str, credentials: Callable[[], Mapping[str, str]]) -> Login:
    """A login returning the whole token answer of the spec's token operation for ``grant`` (at ``TOKEN_URL`` if set).

    ``credentials()`` is called at each login (the variables are read then, not at import).
    The login raises ``RuntimeError`` when it is refused (an injected fault is asked again).
    """

    def login(base_url: str) -> Mapping[str, Any]:
        url = token_url(spec, base_url, optional_variable("TOKEN_URL"))
        response = token_post(url, login_form(spec, grant, credentials()), attempts=1, who="the contract checks'")
        answer: Mapping[str, Any] = response.json()
        return answer

    return login


def token_refresher(spec: ApiSpec) -> Refresh | None:
    """The refresh grant of the spec's token operation, or None when it has none."""
    if not any(fixed.get("grant_type") == "refresh_token" for fixed in spec.request_constants(TOKEN_OPERATION)):
        return None

    def refresh(base_url: str, refresh_token: str) -> Mapping[str, Any]:
        return token_answer(spec, "refresh_token", lambda: {"refresh_token": refresh_token})(base_url)

    return refresh


def install(
    api: Api,
    *,
    login: Login | None = None,
    place: Callable[[Any, str | None], None] = bearer,
    auth: bool = True,
) -> list[Callable[..., Any]]:
    """Register the checks that apply to ``api`` with Schemathesis; returns them.

    ``login``: a fresh login's
    whole token answer (for ``token_lifetime``; None leaves it out); ``place``: where a
    token goes on a case, None removing it (default: a bearer header); ``auth``: False
    where the hooks module already checks auth its own way.
    """
    checks: list[Callable[..., Any]] = [read_after_write_check(api)]
    if auth:
        checks.append(auth_check(api, place))
    if api.others:
        checks.append(isolation_check(api))
    if any(find_paging(operation) for operation in api.spec if operation.method == "GET"):
        checks.append(paging_check(api))
    if any(p.selectable_fields for operation in api.spec for p in operation.parameters):
        checks.append(field_selection_check(api))
    if login is not None:
        checks.append(token_lifetime_check(api, login, token_refresher(api.spec), place))
    return [register(check) for check in checks]

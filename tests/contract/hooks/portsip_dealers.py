"""Schemathesis hooks for the PortSIP PBX dealers API: sign in at the token endpoint; destroy is a delete.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

- Auth (oauth.py): the password grant at the spec's token operation, with the fields its
  request schema fixes (``scope``, the fixed ``client_id``); the token as a bearer.
- PortSIP deletes a dealer with ``POST /dealers/{id}/destroy`` (about.md: only GET and
  POST exist). Schemathesis's stateful checks know a removal only as ``DELETE`` (or an
  unsafe call on the very same URI), so after a destroy they would take the dealer's 404
  on ``/dealers/{id}/password`` for "a created resource not found"
  (``ensure_resource_availability``; seen with seed 3) and would never look for a use
  after free. The spec marks destroyDealer ``x-deletes``, so the ledger (ledger.py) counts it
  as a delete: that failure is
  excused for a dealer the run destroyed, and ``portsip_destroyed_dealer_stays_gone``
  fails any later success on it, as ``use_after_free`` does after a ``DELETE``.

- The vendor's other login operations (login, signInWithCredentials, refreshToken) take
  credentials: Schemathesis sends schema-valid ones that are not an account's, and PortSIP
  refuses them with 400 ``UNAUTHORIZED`` (a login) or ``UNKNOWN`` (a refresh), as the
  Authentication page shows for the token form. That refusal is the vendor's right answer,
  not a rejected valid input: ``positive_data_acceptance`` is excused for exactly it.

- The checks of tests/contract/checks: tenant isolation, read after write (destroy is no
  write to read back), auth enforced, token lifetime, paging (``skip``/``top``) at
  page-size boundaries. Isolation replays the administrator's calls as another
  installation's administrator and as a dealer of one branch (a DISTRIBUTOR), who must
  never reach the dealers the administrator made: the ``DEALER_*`` login, or else one
  the suite makes through the API once writes are allowed (again if the run disables,
  re-passwords or destroys it).

Variables (set by the target): ``USERNAME`` and ``PASSWORD`` (the system administrator's,
or a dealer's); optional: ``OTHER_USERNAME`` and ``OTHER_PASSWORD`` (another
installation's administrator), ``DEALER_USERNAME`` and ``DEALER_PASSWORD`` (a dealer of a
branch the administrator's dealers are not in).
"""

from __future__ import annotations

import secrets
import threading
from typing import Any

import httpx

from partner_apis.specs import api_spec
from tests.contract.checks.common import Api, Identity, judgeable, register, unjudgeable_drop, writes_allowed
from tests.contract.checks.install import install, token_answer
from tests.contract.compat import CREATED_RESOURCE_NOT_FOUND, REJECTED_POSITIVE_DATA
from tests.contract.hooks.ledger import Ledger
from tests.contract.hooks.oauth import authenticate, log_in
from tests.contract.hooks.shared import excuse, json_body, optional_variable, spec_operation, variable

SPEC = api_spec("portsip-dealers")
LEDGER = Ledger(SPEC)


def credentials(prefix: str = "") -> dict[str, str]:
    """The password grant's credentials whose variables start with ``prefix``."""
    return {"username": variable(prefix + "USERNAME"), "password": variable(prefix + "PASSWORD")}


ADMINISTRATOR = Identity("the administrator", lambda base_url: log_in(SPEC, base_url, "password", credentials()))
# Schemathesis asks again only when its token is refused; the checks share that one sign-in.
authenticate(SPEC, lambda base_url, role: ADMINISTRATOR.token(base_url, fresh=True))
LEDGER.track(lambda response: 200 <= response.status_code < 300)
excuse(
    CREATED_RESOURCE_NOT_FOUND,
    lambda case, response: any(LEDGER.deletion(case, resource) for resource in LEDGER.named(case)),
)


# The login forms and the refusal each documents for credentials that are not an account's.
_CREDENTIAL_REFUSALS = {"login": "UNAUTHORIZED", "signInWithCredentials": "UNAUTHORIZED", "refreshToken": "UNKNOWN"}


def _refused_credentials(case: Any, response: Any) -> bool:
    expected = _CREDENTIAL_REFUSALS.get(spec_operation(SPEC, case.operation).operation_id)
    body = json_body(response)
    errors = body.get("errors") if response.status_code == 400 and isinstance(body, dict) else None
    return expected is not None and isinstance(errors, list) and [e.get("code") for e in errors] == [expected]


excuse(REJECTED_POSITIVE_DATA, _refused_credentials)


@register
def portsip_destroyed_dealer_stays_gone(ctx: Any, response: Any, case: Any) -> bool | None:
    """After ``POST /dealers/{id}/destroy`` succeeded, nothing that names the dealer succeeds."""
    if 200 <= response.status_code < 300:
        LEDGER.check_gone(case)
    return None


# -- the checks of tests/contract/checks ----------------------------------------------------


class BranchDealer:
    """A dealer of one branch to sign in as: the ``DEALER_*`` login, else a DISTRIBUTOR the administrator makes.

    It is made once, through createDealer (only when the run may write), and made again
    when its login is refused (the run's own calls may disable, re-password or destroy
    it). Its password is random and never leaves this process.
    """

    def __init__(self, administrator: Identity) -> None:
        self.administrator = administrator
        self._login: dict[str, str] = {}
        self._lock = threading.Lock()

    def token(self, base_url: str) -> str:
        """An access token of the dealer; RuntimeError when it cannot be made or sign in."""
        given = optional_variable("DEALER_USERNAME")
        with self._lock:
            if given:
                return log_in(SPEC, base_url, "password", credentials("DEALER_"))
            for attempt in range(2):
                if not self._login:
                    self._login = self._make(base_url)
                try:
                    return log_in(SPEC, base_url, "password", self._login)
                except RuntimeError:
                    if attempt:
                        raise
                    self._login = {}  # disabled, re-passworded or destroyed by the run: make another
            raise AssertionError("unreachable")

    def _make(self, base_url: str) -> dict[str, str]:
        login = {"username": f"contract-branch-{secrets.token_hex(4)}", "password": secrets.token_urlsafe(18)}
        body: dict[str, Any] = {"name": login["username"], "password": login["password"], "level": "DISTRIBUTOR"}
        body |= {"max_tenants": 1, "max_extensions": 1}
        label = "the branch dealer's createDealer"
        for fresh in (False, True):  # again with a new token when the administrator's has expired meanwhile
            try:
                answer = httpx.post(
                    base_url + SPEC.operation("createDealer").path,
                    json=body,
                    headers={"Authorization": f"Bearer {self.administrator.token(base_url, fresh=fresh)}"},
                    timeout=10,
                )
            except httpx.TransportError as error:
                unjudgeable_drop(label, error)
                raise
            if judgeable(label, answer).status_code != 401:
                break
        if answer.status_code != 201:
            raise RuntimeError(f"the branch dealer could not be made: {answer.status_code}")
        return login


OTHERS: list[Identity] = []
if optional_variable("OTHER_USERNAME"):
    OTHERS.append(
        Identity(
            "another installation's administrator",
            lambda base_url: log_in(SPEC, base_url, "password", credentials("OTHER_")),
        )
    )
if optional_variable("DEALER_USERNAME") or writes_allowed():
    OTHERS.append(Identity("a dealer of another branch", BranchDealer(ADMINISTRATOR).token))
install(
    Api(SPEC, caller=lambda case: ADMINISTRATOR, others=tuple(OTHERS)),
    login=token_answer(SPEC, "password", credentials),
)

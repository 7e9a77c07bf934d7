"""Schemathesis hooks for an API without a hooks module of its own: its auth from the spec, and the shared checks.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` when
``tests/contract/hooks/<key with underscores>.py`` does not exist (targets.py,
:func:`~tests.contract.targets.hooks_module`). The API is the run's
(``PARTNER_APIS_CONTRACT__KEY``), its variables those of its target
(:func:`~tests.contract.targets.target`):

- **Auth.** When the target's variables are a grant of the spec's token operation
  (:func:`~tests.contract.targets.login_grant`: Comm100 v3's ``EMAIL`` and ``PASSWORD``,
  its password grant), each identity signs in there once (oauth.py, at ``TOKEN_URL``
  when set) and sends the token as a bearer; the token lifetime check gets that login.
  When the only variable is ``TOKEN``, it is the bearer token, and the run signs in
  nowhere. Any other sign-in stops the run at import, naming the module to write
  (:func:`~tests.contract.targets.generic_login`).
- Operations on their own server (a token endpoint on another host) are sent there
  (servers.py), derived from ``--url``.
- **Checks:** those of tests/contract/checks that the spec calls for
  (:func:`~tests.contract.checks.install.install`), with tenant isolation as the
  target's second tenant (``OTHER_*``) when it is given.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from partner_apis.specs import api_spec
from tests.contract.checks.common import Api, Identity
from tests.contract.checks.install import install, token_answer
from tests.contract.hooks.oauth import authenticate, log_in
from tests.contract.hooks.servers import route_own_servers
from tests.contract.hooks.shared import optional_variable, variable
from tests.contract.runner import KEY_VARIABLE
from tests.contract.targets import generic_login, target

TARGET = target(os.environ[KEY_VARIABLE])
SPEC = api_spec(TARGET.key)
GRANT = generic_login(TARGET)  # None: the TOKEN variable is a bearer token


def credentials(prefix: str = "") -> dict[str, str]:
    """The grant's credentials of the identity whose variables start with ``prefix`` (``EMAIL`` -> ``email``)."""
    return {name.lower(): variable(prefix + name) for name in TARGET.variables}


def login(prefix: str) -> Callable[[str], str]:
    """How the identity whose variables start with ``prefix`` gets a token for the API at a base URL."""
    grant = GRANT
    if grant is None:
        return lambda base_url: variable(prefix + "TOKEN")
    return lambda base_url: log_in(SPEC, base_url, grant, credentials(prefix))


CALLER = Identity("the first tenant", login(""))
# Schemathesis asks again only when its token is refused; the checks share that one sign-in.
authenticate(SPEC, lambda base_url, role: CALLER.token(base_url, fresh=GRANT is not None))
if any(operation.servers for operation in SPEC):
    route_own_servers(SPEC)
SECOND = TARGET.second_tenant
OTHERS = (
    (Identity("the second tenant", login(SECOND)),)
    if SECOND and all(optional_variable(SECOND + name) for name in TARGET.variables)
    else ()
)
CHECKS = install(
    Api(SPEC, caller=lambda case: CALLER, others=OTHERS),
    login=None if GRANT is None else token_answer(SPEC, GRANT, credentials),
)

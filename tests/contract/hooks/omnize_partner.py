"""Schemathesis hooks for the Omnize partner API: its spec, URL login's host, and Omnize's always-200 checks.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).
Omnize answers every call HTTP 200; a refusal is ``{"success": false, "errors": "..."}``
(URL login: ``{"message": "...", "status": <4xx>}``). The checks, registered by
:func:`.omnize_partner_answers.register` as ``omnize_*`` (v2's as ``omnize_v2_*``), judge
by the status a REST API would have answered, read from that body: the body-judged
``positive_data_acceptance`` and ``ignored_auth``, ``partner_isolation`` (the built-in
object-level check needs identities this suite lacks), ``use_after_free`` (a deleted
account takes its agents and departments with it) and ``resource_availability``. The
built-in ``ignored_auth``, ``use_after_free`` and ``ensure_resource_availability`` judge
by status alone; the target excludes them. Refusals are classified by their message, in
the simulator's words; against the live vendor an unfamiliar message counts as a 400.

Variables (set by the target): ``TOKEN`` (required), ``OTHER_TOKEN`` (another partner's;
isolation is skipped without it), ``LOGIN_URL`` (URL login's base URL, see servers.py).
"""

from __future__ import annotations

from partner_apis.specs import api_spec
from tests.contract.checks.common import Api, Identity
from tests.contract.checks.install import install
from tests.contract.hooks.omnize_partner_answers import register, rest_status
from tests.contract.hooks.servers import route_own_servers
from tests.contract.hooks.shared import variable

SPEC = api_spec("omnize-partner")
# Creating an account names no existing record: another partner may always do it; listing
# accounts names none either, and shows another partner only its own.
place_token = register("omnize", SPEC, unowned=("createAccount",), own_lists=("listAccounts",))
route_own_servers(SPEC, "LOGIN_URL")
# The checks of tests/contract/checks that register() has no counterpart of: read after
# write and paging at page-size boundaries (auth and isolation are register()'s).
PARTNER = Identity("the partner", lambda base_url: variable("TOKEN"), place=place_token)
install(Api(SPEC, caller=lambda case: PARTNER, status=rest_status), place=place_token, auth=False)

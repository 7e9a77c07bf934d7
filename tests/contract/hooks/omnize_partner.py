"""Schemathesis hooks for the Omnize partner API: its token placement, login host and always-200 checks.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

Omnize answers every call HTTP 200; a refusal is ``{"success": false, "errors": "..."}``
(URL login: ``{"message": "...", "status": <4xx>}``). omnize_partner_answers.py's
``rest_status`` reads the status a REST API would have answered from that body, and the
checks its ``register`` sets up (for v2 too) judge by it:

- ``negative_data_rejection`` (built-in), ``omnize_positive_data_acceptance`` and
  ``omnize_ignored_auth`` (in_body.py): refusals read from the body, not the HTTP status;
  without the token, or with a wrong one, an accepted call comes back "Invalid token";
- ``omnize_partner_isolation``: every accepted call, replayed with another partner's
  token, is refused (the built-in object-level check needs identities this suite lacks);
- ``omnize_use_after_free`` / ``omnize_resource_availability`` (ledger.py): nothing the
  run deleted (an account, with its agents and departments) is used successfully, and
  nothing it created and did not delete is "not found".

The built-in ``ignored_auth``, ``use_after_free`` and ``ensure_resource_availability``
judge by status alone; the target excludes them. Refusals are classified by their
message, in the simulator's words; against the live vendor an unfamiliar message counts
as a 400.

Variables (set by the target): ``TOKEN`` (required), ``OTHER_TOKEN`` (another partner's;
isolation is skipped without it), ``LOGIN_URL`` (URL login's base URL, see servers.py).
"""

from __future__ import annotations

from partner_apis.specs import api_spec
from tests.contract.hooks.omnize_partner_answers import register
from tests.contract.hooks.servers import route_own_servers

SPEC = api_spec("omnize-partner")
# Creating an account names no existing record: another partner may always do it; listing
# accounts names none either, and shows another partner only its own.
place_token = register("omnize", SPEC, unowned=("createAccount",), own_lists=("listAccounts",))
route_own_servers(SPEC, "LOGIN_URL")

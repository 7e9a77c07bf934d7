"""Schemathesis hooks for the Omnize partner API v2: v1's token placement and always-200 judgement, v2's spec.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).
v2 answers as v1 does (every call HTTP 200, a refusal ``{"success": false, "errors":
"..."}`` in v1's words), so the judgement and the checks are v1's
(:func:`.omnize_partner_answers.register`, imported without v1's hooks); only the spec,
and so where each operation takes the token, is v2's. Checks, each named ``omnize_v2_*``:

- ``negative_data_rejection`` (built-in), ``omnize_v2_positive_data_acceptance`` and
  ``omnize_v2_ignored_auth`` (in_body.py): refusals read from the body;
- ``omnize_v2_partner_isolation``: an accepted call replayed with another partner's token
  is refused;
- ``omnize_v2_use_after_free`` / ``omnize_v2_resource_availability`` (ledger.py): a deleted
  agent is never used successfully, and nothing created and not deleted is "not found".

Variables (set by the target): ``TOKEN`` (required), ``OTHER_TOKEN`` (another partner's;
isolation is skipped without it).
"""

from __future__ import annotations

from partner_apis.specs import api_spec
from tests.contract.hooks.omnize_partner_answers import register

SPEC = api_spec("omnize-partner-v2")
place_token = register("omnize_v2", SPEC)

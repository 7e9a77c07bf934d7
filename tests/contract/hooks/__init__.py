"""Schemathesis hooks modules, one per API that needs them (loaded through SCHEMATHESIS_HOOKS)."""

"""Thin hand-written overlays over the generated clients, one module per API.

``partner_apis.overlays.<api>.client(...)`` returns that API's generated client with the
shared runtime installed (``partner_apis.overlays.runtime``): auth, retries of idempotent
requests, a default timeout, typed errors and secret redaction.
"""

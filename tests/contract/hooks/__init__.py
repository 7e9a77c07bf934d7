"""Schemathesis hooks modules, one per API (loaded through SCHEMATHESIS_HOOKS), and what they share.

Per API: ``<key with underscores>.py`` registers its auth, hooks and checks on import;
an API without one loads ``generic.py`` (its auth read from the spec and its target, and
the shared checks).
Shared: ``shared.py`` (variables, the spec operation of a case, excuses), ``oauth.py``
(auth providers), ``servers.py`` (operations on their own server), ``ledger.py`` (what a
run created and deleted, for use-after-free and availability checks). Schemathesis
internals are used only through ``tests/contract/compat.py``.
"""

"""Stateful simulated partner-API servers, one per API, built on a shared spec-driven harness.

Start one in a test with the ``partner_api_simulator`` pytest fixture, from the shell with
``partner-apis-simulate <key> --port N``, or in code with ``partner_apis.testing.running(key)``
(whose ``sim.client()`` is that API's overlay client, signed in and aimed at it).
"""

"""partner-apis: typed clients, overlays, stateful simulators and a contract suite for resellers' partner APIs.

The package's parts, each imported on its own (the extras each needs are in the README):
``partner_apis.overlays`` (the clients' overlays and their shared runtime),
``partner_apis.simulators`` (needs the ``simulators`` extra), ``partner_apis.models``
(pydantic models; needs pydantic, which the ``simulators`` extra brings) and
``partner_apis.specs`` (the OpenAPI specs). The generated clients are top-level packages
of their own: ``comm100_v4_client``, ``omnize_partner_client``, ...
"""

from importlib.metadata import version as _version

__all__ = ["__version__"]

# The installed distribution's version: pyproject.toml is the one place it is written.
__version__: str = _version("partner-apis")

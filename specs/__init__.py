"""The hand-written OpenAPI specs, shipped as package data, and where to find each.

Every API is known by the same key in every folder (``comm100-v4``, ``omnize-partner``,
...): ``specs/<key>.yaml`` is its spec, ``<key>_client`` its generated client package
(hyphens become underscores), ``partner_apis.models.<key>`` its pydantic models.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = ["ApiSpec", "Operation", "Parameter", "RequestBody", "api_spec", "keys", "load_spec", "spec_path"]


def keys() -> list[str]:
    """List the keys of every API that has a spec, sorted."""
    folder = resources.files(__name__)
    return sorted(entry.name.removesuffix(".yaml") for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def spec_path(key: str) -> Path:
    """Return the path of the spec for ``key``; raises ``KeyError`` for an unknown key."""
    path = Path(str(resources.files(__name__).joinpath(f"{key}.yaml")))
    if not path.is_file():
        raise KeyError(f"no spec for API {key!r}; known: {', '.join(keys())}")
    return path


@functools.cache
def load_spec(key: str) -> dict[str, Any]:
    """Parse and cache the spec for ``key``; raises ``KeyError`` for an unknown key."""
    with spec_path(key).open(encoding="utf-8") as handle:
        spec: dict[str, Any] = yaml.safe_load(handle)
    return spec


# Imported last: the model reads specs through load_spec above.
from .model import ApiSpec, Operation, Parameter, RequestBody, api_spec  # noqa: E402

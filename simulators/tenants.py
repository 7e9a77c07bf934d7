"""Who can sign in to a simulator, described the way each API's overlay factory takes it.

Every simulator lists its tenants: the identities seeded into it (a partner, a company's
API client, a PBX administrator), each with the keyword arguments that API's
``partner_apis.overlays.<api>.client(...)`` factory takes to sign in as it. The pytest
fixture reads them so ``sim.client()`` works the same way for every API, and users read
them to follow the README's examples against a simulator.

Nothing here imports a client or an overlay: a tenant is data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol

__all__ = ["FULL", "READ_ONLY", "Tenant", "TenantDirectory", "frozen", "pick_tenant"]

FULL = "full"
READ_ONLY = "read-only"

# Keyword arguments whose values are secrets: shown masked in a tenant's repr.
_SECRET_ARGUMENTS = frozenset({"password", "token", "client_secret"})


@dataclass(frozen=True)
class Tenant:
    """One identity seeded into a simulator.

    ``name`` is how a user picks it (``"partner-b"``, ``"read-only"``); ``access`` is
    :data:`FULL` or :data:`READ_ONLY`; ``credentials`` are the overlay factory's keyword
    arguments that sign in as this tenant; ``description`` says who it is.
    """

    name: str
    credentials: Mapping[str, Any]
    access: str = FULL
    description: str = ""
    # Facts a test needs about the tenant (its partner id, company uid...), never secrets.
    facts: Mapping[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        shown = {key: ("***" if key in _SECRET_ARGUMENTS else value) for key, value in self.credentials.items()}
        return f"Tenant(name={self.name!r}, access={self.access!r}, credentials={shown!r}, facts={dict(self.facts)!r})"

    def arguments(self) -> dict[str, Any]:
        """A fresh copy of the factory's keyword arguments for this tenant."""
        return dict(self.credentials)


class TenantDirectory(Protocol):
    """What a simulator offers the fixture: its tenants and the seed data its examples use."""

    def tenants(self) -> Sequence[Tenant]:
        """Every tenant in a stable order, two full-permission ones (of different partners) first."""
        ...

    def seed_data(self) -> Mapping[str, Any]:
        """The records the simulator starts with that a user's test may refer to (uids, names)."""
        ...


def pick_tenant(tenants: Sequence[Tenant], tenant: int | str) -> Tenant:
    """The tenant ``tenant`` names: an index in the simulator's order, or a name.

    Every simulator lists two full-permission tenants first (``0`` and ``1``, of two
    different partners or companies), so those indexes mean the same for every API; a
    string picks by name (``"read-only"``). Raises ``LookupError`` naming the choices when
    there is no such tenant, ``TypeError`` for neither an index nor a name.
    """
    if isinstance(tenant, bool) or not isinstance(tenant, int | str):
        raise TypeError(f"tenant is an index or a name, not {tenant!r}")
    names = ", ".join(f"{index} {candidate.name}" for index, candidate in enumerate(tenants))
    if isinstance(tenant, int):
        if 0 <= tenant < len(tenants):
            return tenants[tenant]
        raise LookupError(f"no tenant {tenant}: this simulator has {names}")
    for candidate in tenants:
        if candidate.name == tenant:
            return candidate
    raise LookupError(f"no tenant named {tenant!r}: this simulator has {names}")


def frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only view of ``mapping`` (seed data handed to users must not change the simulator)."""
    return MappingProxyType(dict(mapping))

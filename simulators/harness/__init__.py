"""The simulator harness every API's simulator is built on: spec-driven app, validation, server."""

from .access import ACCESS_LOGGER, AccessLog
from .app import Call, Handler, Operation, Reply, Simulator, build_app, handler_name, query_values, spec_operations
from .auth import bearer_token
from .encoded import Encoded
from .errors import FieldProblem, SimError
from .server import RunningServer, serve

__all__ = [
    "ACCESS_LOGGER",
    "AccessLog",
    "Call",
    "Encoded",
    "FieldProblem",
    "Handler",
    "Operation",
    "Reply",
    "RunningServer",
    "SimError",
    "Simulator",
    "bearer_token",
    "build_app",
    "handler_name",
    "query_values",
    "serve",
    "spec_operations",
]

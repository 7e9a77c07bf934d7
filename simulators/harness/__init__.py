"""The simulator harness every API's simulator is built on: spec-driven app, validation, OAuth, server.

Also what the APIs' states share (``records``): tables of records owned by a party or by
another record (``Owned``), answers in the shape of a spec schema (``SchemaAnswer``),
encoded once per change (``Rendered``), and a keyword search (``every_word_in``).
"""

from .access import ACCESS_LOGGER, AccessLog
from .app import (
    Call,
    Handler,
    Operation,
    Reply,
    Simulator,
    build_app,
    handler_name,
    query_values,
    served_path,
    spec_operations,
)
from .auth import basic_credentials, bearer_token
from .encoded import Encoded
from .errors import FieldProblem, SimError
from .records import Owned, Rendered, SchemaAnswer, every_word_in
from .server import RunningServer, serve
from .simulator import (
    NO_STORE,
    OAUTH_ERRORS,
    TOKEN_OPERATION,
    OAuthSimulator,
    SpecSimulator,
    app_factory,
    oauth_error,
    same_secret,
    schema_enum,
    schema_properties,
    token_path,
)
from .tokens import TokenIssuer
from .validation import Body

__all__ = [
    "ACCESS_LOGGER",
    "NO_STORE",
    "OAUTH_ERRORS",
    "TOKEN_OPERATION",
    "AccessLog",
    "Body",
    "Call",
    "Encoded",
    "FieldProblem",
    "Handler",
    "OAuthSimulator",
    "Operation",
    "Owned",
    "Rendered",
    "Reply",
    "RunningServer",
    "SchemaAnswer",
    "SimError",
    "Simulator",
    "SpecSimulator",
    "TokenIssuer",
    "app_factory",
    "basic_credentials",
    "bearer_token",
    "build_app",
    "every_word_in",
    "handler_name",
    "oauth_error",
    "query_values",
    "same_secret",
    "schema_enum",
    "schema_properties",
    "serve",
    "served_path",
    "spec_operations",
    "token_path",
]

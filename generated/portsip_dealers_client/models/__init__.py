"""Contains all the data models used in inputs/outputs"""

from .access_token import AccessToken
from .dealer import Dealer
from .dealer_create import DealerCreate
from .dealer_created import DealerCreated
from .dealer_level import DealerLevel
from .dealer_list import DealerList
from .dealer_password import DealerPassword
from .dealer_update import DealerUpdate
from .error_item import ErrorItem
from .error_response import ErrorResponse
from .password_grant import PasswordGrant
from .refresh_token_grant import RefreshTokenGrant

__all__ = (
    "AccessToken",
    "Dealer",
    "DealerCreate",
    "DealerCreated",
    "DealerLevel",
    "DealerList",
    "DealerPassword",
    "DealerUpdate",
    "ErrorItem",
    "ErrorResponse",
    "PasswordGrant",
    "RefreshTokenGrant",
)

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
from .login_request import LoginRequest
from .login_status import LoginStatus
from .password_grant import PasswordGrant
from .refresh_token_grant import RefreshTokenGrant
from .refresh_token_request import RefreshTokenRequest
from .sign_in_token import SignInToken
from .two_factor_step import TwoFactorStep

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
    "LoginRequest",
    "LoginStatus",
    "PasswordGrant",
    "RefreshTokenGrant",
    "RefreshTokenRequest",
    "SignInToken",
    "TwoFactorStep",
)

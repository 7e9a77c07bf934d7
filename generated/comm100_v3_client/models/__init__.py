"""Contains all the data models used in inputs/outputs"""

from .access_token import AccessToken
from .error import Error
from .error_errors_item import ErrorErrorsItem
from .o_auth_error import OAuthError
from .password_grant import PasswordGrant
from .paying_form import PayingForm
from .plan import Plan
from .plan_selection import PlanSelection
from .refresh_token_grant import RefreshTokenGrant
from .site import Site
from .site_contact import SiteContact
from .site_contact_create import SiteContactCreate
from .site_contact_update import SiteContactUpdate
from .site_create import SiteCreate
from .site_page import SitePage
from .site_update import SiteUpdate

__all__ = (
    "AccessToken",
    "Error",
    "ErrorErrorsItem",
    "OAuthError",
    "PasswordGrant",
    "PayingForm",
    "Plan",
    "PlanSelection",
    "RefreshTokenGrant",
    "Site",
    "SiteContact",
    "SiteContactCreate",
    "SiteContactUpdate",
    "SiteCreate",
    "SitePage",
    "SiteUpdate",
)

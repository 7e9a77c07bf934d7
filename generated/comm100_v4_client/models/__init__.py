"""Contains all the data models used in inputs/outputs"""

from .access_token import AccessToken
from .changeable_site_status import ChangeableSiteStatus
from .company_size import CompanySize
from .datetime_format import DatetimeFormat
from .error import Error
from .field_error import FieldError
from .industry import Industry
from .language_id import LanguageId
from .o_auth_error import OAuthError
from .password_grant import PasswordGrant
from .refresh_token_grant import RefreshTokenGrant
from .site import Site
from .site_create import SiteCreate
from .site_created import SiteCreated
from .site_status import SiteStatus
from .site_status_change import SiteStatusChange
from .site_update import SiteUpdate
from .site_update_is_deleted_text import SiteUpdateIsDeletedText

__all__ = (
    "AccessToken",
    "ChangeableSiteStatus",
    "CompanySize",
    "DatetimeFormat",
    "Error",
    "FieldError",
    "Industry",
    "LanguageId",
    "OAuthError",
    "PasswordGrant",
    "RefreshTokenGrant",
    "Site",
    "SiteCreate",
    "SiteCreated",
    "SiteStatus",
    "SiteStatusChange",
    "SiteUpdate",
    "SiteUpdateIsDeletedText",
)

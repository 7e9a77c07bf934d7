"""Contains all the data models used in inputs/outputs"""

from .access_token import AccessToken
from .api_error import ApiError
from .client_credentials_grant import ClientCredentialsGrant
from .company_ref import CompanyRef
from .get_token_by_query_grant_type import GetTokenByQueryGrantType
from .o_auth_error import OAuthError
from .operation import Operation
from .operation_counter import OperationCounter
from .operation_entity import OperationEntity
from .operation_list import OperationList
from .operation_ref import OperationRef
from .operation_state import OperationState
from .partner import Partner
from .partner_edit import PartnerEdit
from .partner_list import PartnerList
from .partner_order_by import PartnerOrderBy
from .partner_profile import PartnerProfile
from .partnership_request import PartnershipRequest
from .password_grant import PasswordGrant
from .profile_ref import ProfileRef
from .refresh_token_grant import RefreshTokenGrant
from .request import Request
from .request_acceptance import RequestAcceptance
from .request_acceptance_data import RequestAcceptanceData
from .request_list import RequestList
from .request_rejection import RequestRejection
from .request_type import RequestType
from .task_state import TaskState

__all__ = (
    "AccessToken",
    "ApiError",
    "ClientCredentialsGrant",
    "CompanyRef",
    "GetTokenByQueryGrantType",
    "OAuthError",
    "Operation",
    "OperationCounter",
    "OperationEntity",
    "OperationList",
    "OperationRef",
    "OperationState",
    "Partner",
    "PartnerEdit",
    "PartnerList",
    "PartnerOrderBy",
    "PartnerProfile",
    "PartnershipRequest",
    "PasswordGrant",
    "ProfileRef",
    "RefreshTokenGrant",
    "Request",
    "RequestAcceptance",
    "RequestAcceptanceData",
    "RequestList",
    "RequestRejection",
    "RequestType",
    "TaskState",
)

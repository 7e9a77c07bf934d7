"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_activation import AccountActivation
from .account_activation_fields import AccountActivationFields
from .account_changes import AccountChanges
from .account_create import AccountCreate
from .account_delete_success import AccountDeleteSuccess
from .account_general_update import AccountGeneralUpdate
from .account_inactivation import AccountInactivation
from .account_inactivation_fields import AccountInactivationFields
from .account_license_code_update import AccountLicenseCodeUpdate
from .account_license_quantity_update import AccountLicenseQuantityUpdate
from .account_list_success import AccountListSuccess
from .account_success import AccountSuccess
from .account_summary import AccountSummary
from .account_update_success import AccountUpdateSuccess
from .active_flag import ActiveFlag
from .administrator import Administrator
from .agent import Agent
from .agent_create import AgentCreate
from .agent_delete_success import AgentDeleteSuccess
from .agent_detail import AgentDetail
from .agent_detail_success import AgentDetailSuccess
from .agent_list_success import AgentListSuccess
from .agent_success import AgentSuccess
from .agent_update import AgentUpdate
from .channel import Channel
from .channel_list_success import ChannelListSuccess
from .create_account_request import CreateAccountRequest
from .create_agent_request import CreateAgentRequest
from .create_department_request import CreateDepartmentRequest
from .delete_account_request import DeleteAccountRequest
from .delete_agent_request import DeleteAgentRequest
from .delete_agent_scope import DeleteAgentScope
from .department import Department
from .department_agents_request import DepartmentAgentsRequest
from .department_channels_request import DepartmentChannelsRequest
from .department_create import DepartmentCreate
from .department_list_success import DepartmentListSuccess
from .department_ref import DepartmentRef
from .department_success import DepartmentSuccess
from .department_update import DepartmentUpdate
from .list_accounts_column import ListAccountsColumn
from .list_accounts_direction import ListAccountsDirection
from .list_agents_column import ListAgentsColumn
from .list_agents_direction import ListAgentsDirection
from .login_partner_failure import LoginPartnerFailure
from .login_partner_request import LoginPartnerRequest
from .login_partner_success import LoginPartnerSuccess
from .omnize_failure import OmnizeFailure
from .omnize_success import OmnizeSuccess
from .profile import Profile
from .update_agent_profile_request import UpdateAgentProfileRequest
from .update_agent_request import UpdateAgentRequest
from .update_department_request import UpdateDepartmentRequest

__all__ = (
    "Account",
    "AccountActivation",
    "AccountActivationFields",
    "AccountChanges",
    "AccountCreate",
    "AccountDeleteSuccess",
    "AccountGeneralUpdate",
    "AccountInactivation",
    "AccountInactivationFields",
    "AccountLicenseCodeUpdate",
    "AccountLicenseQuantityUpdate",
    "AccountListSuccess",
    "AccountSuccess",
    "AccountSummary",
    "AccountUpdateSuccess",
    "ActiveFlag",
    "Administrator",
    "Agent",
    "AgentCreate",
    "AgentDeleteSuccess",
    "AgentDetail",
    "AgentDetailSuccess",
    "AgentListSuccess",
    "AgentSuccess",
    "AgentUpdate",
    "Channel",
    "ChannelListSuccess",
    "CreateAccountRequest",
    "CreateAgentRequest",
    "CreateDepartmentRequest",
    "DeleteAccountRequest",
    "DeleteAgentRequest",
    "DeleteAgentScope",
    "Department",
    "DepartmentAgentsRequest",
    "DepartmentChannelsRequest",
    "DepartmentCreate",
    "DepartmentListSuccess",
    "DepartmentRef",
    "DepartmentSuccess",
    "DepartmentUpdate",
    "ListAccountsColumn",
    "ListAccountsDirection",
    "ListAgentsColumn",
    "ListAgentsDirection",
    "LoginPartnerFailure",
    "LoginPartnerRequest",
    "LoginPartnerSuccess",
    "OmnizeFailure",
    "OmnizeSuccess",
    "Profile",
    "UpdateAgentProfileRequest",
    "UpdateAgentRequest",
    "UpdateDepartmentRequest",
)

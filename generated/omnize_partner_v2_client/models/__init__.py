"""Contains all the data models used in inputs/outputs"""

from .agent import Agent
from .agent_create import AgentCreate
from .agent_list_success import AgentListSuccess
from .agent_scope import AgentScope
from .agent_success import AgentSuccess
from .agent_update import AgentUpdate
from .channel import Channel
from .channel_name import ChannelName
from .create_agent_request import CreateAgentRequest
from .delete_agent_request import DeleteAgentRequest
from .delete_success import DeleteSuccess
from .department import Department
from .department_fields import DepartmentFields
from .department_list_success import DepartmentListSuccess
from .department_ref import DepartmentRef
from .department_request import DepartmentRequest
from .department_success import DepartmentSuccess
from .list_agents_column import ListAgentsColumn
from .list_agents_direction import ListAgentsDirection
from .list_departments_column import ListDepartmentsColumn
from .list_departments_direction import ListDepartmentsDirection
from .omnize_failure import OmnizeFailure
from .profile import Profile
from .update_agent_request import UpdateAgentRequest

__all__ = (
    "Agent",
    "AgentCreate",
    "AgentListSuccess",
    "AgentScope",
    "AgentSuccess",
    "AgentUpdate",
    "Channel",
    "ChannelName",
    "CreateAgentRequest",
    "DeleteAgentRequest",
    "DeleteSuccess",
    "Department",
    "DepartmentFields",
    "DepartmentListSuccess",
    "DepartmentRef",
    "DepartmentRequest",
    "DepartmentSuccess",
    "ListAgentsColumn",
    "ListAgentsDirection",
    "ListDepartmentsColumn",
    "ListDepartmentsDirection",
    "OmnizeFailure",
    "Profile",
    "UpdateAgentRequest",
)

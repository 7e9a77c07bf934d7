from enum import StrEnum


class TaskState(StrEnum):
    BEING_CANCELLED = "BEING_CANCELLED"
    CANCELLED = "CANCELLED"
    FAILURE = "FAILURE"
    IN_PROGRESS = "IN_PROGRESS"
    PENDING = "PENDING"
    SUCCESS = "SUCCESS"

    def __str__(self) -> str:
        return str(self.value)

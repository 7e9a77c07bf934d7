from enum import StrEnum


class OperationState(StrEnum):
    FINISHED = "FINISHED"
    INITIALIZING = "INITIALIZING"
    IN_PROGRESS = "IN_PROGRESS"
    SCHEDULED = "SCHEDULED"

    def __str__(self) -> str:
        return str(self.value)

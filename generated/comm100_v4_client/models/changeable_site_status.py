from enum import StrEnum


class ChangeableSiteStatus(StrEnum):
    CLOSED = "Closed"
    OPEN = "Open"
    SUSPENDED = "Suspended"

    def __str__(self) -> str:
        return str(self.value)

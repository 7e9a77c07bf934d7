from enum import StrEnum


class SiteStatus(StrEnum):
    CLOSED = "Closed"
    OPEN = "Open"
    PURGED = "Purged"
    SUSPENDED = "Suspended"

    def __str__(self) -> str:
        return str(self.value)

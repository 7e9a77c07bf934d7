from enum import StrEnum


class OperationEntity(StrEnum):
    ALERT = "ALERT"
    APPLICATION = "APPLICATION"
    GATEWAY = "GATEWAY"
    PARTNER = "PARTNER"
    SUBSCRIPTION = "SUBSCRIPTION"
    SYSTEM = "SYSTEM"

    def __str__(self) -> str:
        return str(self.value)

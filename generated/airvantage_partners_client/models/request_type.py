from enum import StrEnum


class RequestType(StrEnum):
    PARTNERSHIP = "PARTNERSHIP"
    TRANSFER_GATEWAY = "TRANSFER_GATEWAY"

    def __str__(self) -> str:
        return str(self.value)

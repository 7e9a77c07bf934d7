from enum import StrEnum


class DealerLevel(StrEnum):
    DISTRIBUTOR = "DISTRIBUTOR"
    RESELLER = "RESELLER"
    SUB_DISTRIBUTOR = "SUB_DISTRIBUTOR"

    def __str__(self) -> str:
        return str(self.value)

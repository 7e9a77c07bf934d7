from enum import StrEnum


class PartnerOrderBy(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ListAgentsColumn(StrEnum):
    EMAIL = "email"
    ID = "id"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)

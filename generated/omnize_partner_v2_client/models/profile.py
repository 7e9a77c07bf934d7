from enum import StrEnum


class Profile(StrEnum):
    ADMIN = "ADMIN"
    AGENT = "AGENT"

    def __str__(self) -> str:
        return str(self.value)

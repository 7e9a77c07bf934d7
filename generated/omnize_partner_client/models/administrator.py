from enum import StrEnum


class Administrator(StrEnum):
    NAO = "NAO"
    SIM = "SIM"

    def __str__(self) -> str:
        return str(self.value)

from enum import IntEnum


class ActiveFlag(IntEnum):
    INACTIVE = 0
    ACTIVE = 1

    def __str__(self) -> str:
        return str(self.value)

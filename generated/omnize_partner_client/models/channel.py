from enum import StrEnum


class Channel(StrEnum):
    AUDIO = "audio"
    CHAT = "chat"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ChannelName(StrEnum):
    AUDIO = "audio"
    CHAT = "chat"
    VIDEO = "video"
    VOICE = "voice"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class DatetimeFormat(StrEnum):
    DMY_DASH = "DD-MM-YYYY HH:mm:ss"
    DMY_SLASH = "DD/MM/YYYY HH:mm:ss"
    MDY_DASH = "MM-DD-YYYY HH:mm:ss"
    MDY_SLASH = "MM/DD/YYYY HH:mm:ss"
    YMD_DASH = "YYYY-MM-DD HH:mm:ss"
    YMD_SLASH = "YYYY/MM/DD HH:mm:ss"

    def __str__(self) -> str:
        return str(self.value)

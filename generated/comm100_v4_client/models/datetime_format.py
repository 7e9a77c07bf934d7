from enum import StrEnum


class DatetimeFormat(StrEnum):
    DDMMYYYY_HHMMSS = "DD/MM/YYYY HH:mm:ss"
    DD_MM_YYYY_HHMMSS = "DD-MM-YYYY HH:mm:ss"
    MMDDYYYY_HHMMSS = "MM/DD/YYYY HH:mm:ss"
    MM_DD_YYYY_HHMMSS = "MM-DD-YYYY HH:mm:ss"
    YYYYMMDD_HHMMSS = "YYYY/MM/DD HH:mm:ss"
    YYYY_MM_DD_HHMMSS = "YYYY-MM-DD HH:mm:ss"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class CompanySize(StrEnum):
    ABOVE_600 = "Above 600"
    SIZE_101_180 = "101-180"
    SIZE_181_310 = "181-310"
    SIZE_1_20 = "1-20"
    SIZE_21_50 = "21-50"
    SIZE_311_600 = "311-600"
    SIZE_51_100 = "51-100"

    def __str__(self) -> str:
        return str(self.value)

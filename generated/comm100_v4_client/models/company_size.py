from enum import StrEnum


class CompanySize(StrEnum):
    ABOVE_600 = "Above 600"
    VALUE_0 = "1-20"
    VALUE_1 = "21-50"
    VALUE_2 = "51-100"
    VALUE_3 = "101-180"
    VALUE_4 = "181-310"
    VALUE_5 = "311-600"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ListAccountsColumn(StrEnum):
    EMAIL = "email"
    ID = "id"
    MAIN_CONTACT = "main_contact"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)

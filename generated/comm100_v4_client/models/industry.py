from enum import StrEnum


class Industry(StrEnum):
    ACCOMMODATION_FOOD_SERVICES = "Accommodation & Food Services"
    ADMINISTRATION_BUSINESS_SUPPORT_SERVICES = (
        "Administration & Business Support Services"
    )
    AGRICULTURE_FORESTRY_FISHING_HUNTING = "Agriculture, Forestry, Fishing & Hunting"
    ARTS_ENTERTAINMENT_RECREATION = "Arts, Entertainment & Recreation"
    CONSTRUCTION = "Construction"
    EDUCATIONAL_SERVICES = "Educational Services"
    FINANCE_INSURANCE = "Finance & Insurance"
    HEALTHCARE_SOCIAL_ASSISTANCE = "Healthcare & Social Assistance"
    INFORMATION = "Information"
    MANUFACTURING = "Manufacturing"
    MINING = "Mining"
    OTHERS = "Others"
    PERSONAL_SERVICES = "Personal Services"
    PROFESSIONAL_SCIENTIFIC_TECHNICAL_SERVICES = (
        "Professional, Scientific & Technical Services"
    )
    PUBLIC_ADMINISTRATION_SAFETY = "Public Administration & Safety"
    REAL_ESTATE_RENTAL_LEASING = "Real Estate, Rental & Leasing"
    RETAIL_TRADE = "Retail Trade"
    THEMATIC_REPORTS = "Thematic Reports"
    TRANSPORTATION_WAREHOUSING = "Transportation & Warehousing"
    UTILITIES = "Utilities"
    WHOLESALE_TRADE = "Wholesale Trade"

    def __str__(self) -> str:
        return str(self.value)

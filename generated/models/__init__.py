"""Pydantic v2 models generated from specs/ by datamodel-code-generator: airvantage_partners, comm100_v3, comm100_v4, omnize_partner, omnize_partner_v2, portsip_dealers."""

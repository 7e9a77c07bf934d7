"""Pydantic v2 models generated from specs/ by datamodel-code-generator: comm100_v3, comm100_v4, omnize_partner."""

"""Planted bugs in the simulators (catalogue.toml) and the runner that measures the contract suite against them (run.py)."""

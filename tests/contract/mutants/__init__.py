"""Planted bugs in the simulators (catalogue.toml) and the runner measuring the contract suite on them (run.py)."""

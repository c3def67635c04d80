"""Benchmarks run by `make bench` (`python -m bench`); each is a module listed in MODULES."""

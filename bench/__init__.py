"""Benchmarks that print figures (run on demand with `make bench`; never part of the test suite)."""

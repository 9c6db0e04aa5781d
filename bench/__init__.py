"""Benchmarks: `make bench` runs bench/run.py; figures go to docs/benchmarks.md."""

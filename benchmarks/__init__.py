"""Performance benchmarks; run ``python -m benchmarks.rerun`` from the project root."""

#!/bin/sh
# The test run: lint, then the test suite.
set -e
ruff check src tests benchmarks
python -m pytest

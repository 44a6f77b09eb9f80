#!/bin/sh
# The test run: lint, then the test suite.
# The browser tests drive Debian's Chromium (/usr/bin/chromium); install it when we can,
# they skip with a reason where it is missing.
set -e
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium for the browser tests (best effort)"
    (apt-get install -y chromium >/dev/null 2>&1 ||
        (apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1)) || true
fi
ruff check src tests benchmarks
python -m pytest

#!/usr/bin/env bash
# Print the path of a headless-capable Chromium, installing Debian's `chromium` package
# when it is missing and we are root (as tests/postgres.sh does for PostgreSQL). Used by
# tests/run.sh before the suite; tests/test_report_browser.py fails under CI without it.
set -euo pipefail
for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; exit 0; fi
done
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    (apt-get install -y --no-install-recommends chromium || (apt-get update && apt-get install -y --no-install-recommends chromium)) >&2
    command -v chromium
    exit 0
fi
echo "chromium is not installed and cannot be installed here (not root, or no apt-get)" >&2
exit 1

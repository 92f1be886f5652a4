#!/usr/bin/env bash
# Run the whole suite twice with the active Python (the project installed with its test
# and postgres extras, as README.md's test command does): `python -m pytest` against
# SQLite, then against a throwaway PostgreSQL cluster (tests/postgres.sh; installed from
# Debian's packages when missing and run as root). Arguments go to both pytest runs.
# TRACKRECORD_TEST_BACKENDS=sqlite runs the first half only. Chromium (Debian's `chromium`) is
# installed the same way for the report's browser tests (tests/chromium.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
backends=${TRACKRECORD_TEST_BACKENDS:-sqlite postgresql}
# The report's browser tests need Chromium: installed here when missing and root (tests/chromium.sh).
bash tests/chromium.sh >/dev/null || echo "tests/chromium.sh: no Chromium; tests/test_report_browser.py will skip, or fail under CI" >&2
if [[ " $backends " == *" sqlite "* ]]; then
    echo "== the suite on SQLite"
    python -m pytest "$@"
fi
if [[ " $backends " == *" postgresql "* ]]; then
    cluster=$(mktemp -d /tmp/trackrecord-pg.XXXXXX)
    trap 'bash tests/postgres.sh stop "$cluster"' EXIT
    url=$(bash tests/postgres.sh start "$cluster")
    echo "== the suite on PostgreSQL ($url)"
    TRACKRECORD_TEST_DB="$url" python -m pytest "$@"
fi

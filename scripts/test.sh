#!/usr/bin/env bash
# The whole test run: lint, types, the suite on SQLite and, with
# BRIDGEWORK_TEST_POSTGRES=1, the suite again on a throwaway PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests…"
  apt_install chromium
fi

# WeasyPrint (the care team's PDF report) loads Debian's pango at run time.
if ! ldconfig -p | grep -q 'libpangoft2-1.0.so.0'; then
  echo "Installing pango for the PDF report…"
  apt_install libpango-1.0-0 libpangoft2-1.0-0
fi

echo "== ruff"
$BIN/ruff check .
echo "== mypy"
$BIN/mypy bridgework

mkdir -p test-output
export BRIDGEWORK_DATA_DIR
BRIDGEWORK_DATA_DIR="$(mktemp -d -t bridgework-test-XXXXXX)"
trap 'rm -rf "$BRIDGEWORK_DATA_DIR"' EXIT

PYTEST=($BIN/python -m pytest -n 2 --dist loadfile -q)

echo "== tests on SQLite"
"${PYTEST[@]}" "$@"

if [ "${BRIDGEWORK_TEST_POSTGRES:-0}" = 1 ]; then
  echo "== tests on PostgreSQL"
  scripts/with-postgres.sh "${PYTEST[@]}" "$@"
fi

#!/bin/sh
# Retake the screenshots in docs/screenshots/ (phone 390 × 844 and desktop 1280 × 900) of
# the demo person (`bridgework demo`, one year of data) in a real browser.
#   scripts/screenshots.sh              first screen of each page
#   FULL=1 scripts/screenshots.sh       whole pages (long images)
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
BRIDGEWORK_SCREENSHOTS="${OUT:-docs/screenshots}" BRIDGEWORK_SCREENSHOTS_FULL="${FULL:-0}" \
  "$PYTHON" -m pytest -q -n 0 -p no:randomly bridgework/core/tests/test_browser_phone.py -k screenshots

#!/bin/sh
# Regenerates docs/history-12-weeks.png: `candor history --format html` of twelve weekly
# responses to the example outcome measure (render/testdata/banks/outcome-measure.yaml, whose
# `change:` numbers are illustrative, not published norms), written by the browser test that
# also checks it (web/e2e TestHistoryAndCompareReports: no console message, axe-core), then
# drawn by headless Chromium. Needs Chromium and npm. Run from the repository root:
#   sh docs/screenshot.sh
set -eu
root="$(pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd web/e2e && npm ci --no-audit --no-fund >/dev/null)
CANDOR_REPORT="$tmp/history.html" go test ./web/e2e -run TestHistoryAndCompareReports -count=1
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,2400 \
	--screenshot="$root/docs/history-12-weeks.png" "file://$tmp/history.html" 2>/dev/null
echo "wrote docs/history-12-weeks.png"

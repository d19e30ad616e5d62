#!/usr/bin/env bash
# bench/form.sh: the page `candor form` writes, in headless Chromium: its size, and the
# median time from opening it to the first screen ("open") and to the first question after
# Begin, over RUNS fresh tabs (default 20): as it is, and with Chromium's CPU throttled 4x
# (BenchmarkFormOpenPhone: a mid-range phone, as DevTools emulates one). See BENCHMARKS.md.
#
#   bench/form.sh
#   RUNS=50 bench/form.sh
#
# Needs Chromium (chromium on the PATH, or CANDOR_CHROMIUM). Not part of `go test` or CI:
# its numbers depend on the machine and on what else runs on it.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
browser=${CANDOR_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [[ -z "$browser" ]]; then
	echo "bench/form.sh: no Chromium found; install chromium or set CANDOR_CHROMIUM" >&2
	exit 1
fi
echo "browser: $("$browser" --version 2>/dev/null || echo "$browser")"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
go test -run '^$' -bench 'BenchmarkFormOpen(Phone)?$' -benchtime "${RUNS}x" -count 1 ./web/e2e/ | grep -E '^(Benchmark|cpu|ok)'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"

#!/usr/bin/env bash
# bench/table.sh: `candor score --bank PHQ-9 TABLE.csv --format csv` against the same scoring
# in pandas (bench/pandas/phq9.py, Debian's python3-pandas), side by side in one run on one
# generated table. Checks that both give the same values, bands and flags on every row
# before timing. See BENCHMARKS.md.
#
#   bench/table.sh                    # 100,000 rows, 5 runs each
#   ROWS=10000 RUNS=3 bench/table.sh
#
# Environment: ROWS (default 100000), RUNS (default 5), WORK (folder for the binary and the
# table; default a new temporary folder, removed at the end), PYTHON (default
# /usr/bin/python3, where Debian's pandas is).
# Needs GNU time (/usr/bin/time) and python3-pandas: apt-get install -y time python3-pandas.
# Not part of `go test` or CI.
set -euo pipefail

cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
RUNS=${RUNS:-5}
PYTHON=${PYTHON:-/usr/bin/python3}
BANK=scoring/testdata/instruments/phq9.yaml
if [[ -z "${WORK:-}" ]]; then
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/candor-table.XXXXXX")
	trap 'rm -rf "$WORK"' EXIT
fi
TIME=/usr/bin/time
[[ -x $TIME ]] || { echo "bench/table.sh needs GNU time: apt-get install -y time" >&2; exit 1; }
"$PYTHON" -c 'import pandas' 2>/dev/null || { echo "bench/table.sh needs pandas for $PYTHON: apt-get install -y python3-pandas" >&2; exit 1; }

echo "== machine"
echo "cores: $(nproc)  cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1)  memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
echo "$(go version)  pandas $("$PYTHON" -c 'import pandas; print(pandas.__version__)')  load average: $(cut -d' ' -f1-3 /proc/loadavg)"

go build -o "$WORK/candor" ./cmd/candor
go run ./bench/gen -n "$ROWS" -bank "$BANK" -table "$WORK/table.csv"
echo "== table: $ROWS rows, $(du -h "$WORK/table.csv" | cut -f1)"

# The same answers, the same results: compare respondent, value, band and flags of every row.
"$WORK/candor" score --bank "$BANK" "$WORK/table.csv" --format csv >"$WORK/candor.csv" || true
"$PYTHON" bench/pandas/phq9.py "$WORK/table.csv" >"$WORK/pandas.csv"
"$PYTHON" - "$WORK/candor.csv" "$WORK/pandas.csv" <<'PY'
import csv, sys
c = list(csv.DictReader(open(sys.argv[1])))
p = list(csv.DictReader(open(sys.argv[2])))
assert len(c) == len(p), f"candor {len(c)} rows, pandas {len(p)}"
for i, (a, b) in enumerate(zip(c, p)):
    got = (a["respondent"], a["total_value"], a["total_band"], a["flags"])
    want = (b["respondent"], b["total_value"], b["total_band"], b["flags"])
    assert got == want, f"row {i+2}: candor {got} pandas {want}"
print(f"== checked: candor and pandas agree on all {len(c)} rows")
PY

measure() {
	local label=$1 start end
	shift
	start=$(date +%s%N)
	"$TIME" -f "%U %S %M" -o "$WORK/$label.one" "$@" >/dev/null 2>"$WORK/$label.err" || { echo "$label failed:"; cat "$WORK/$label.err"; exit 1; }
	end=$(date +%s%N)
	awk -v ns=$((end - start)) '{printf "%.3f %.2f %d\n", ns/1e9, $1+$2, $3}' "$WORK/$label.one" >>"$WORK/$label.times"
}
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

for _ in $(seq "$RUNS"); do
	# Alternate, so that both meet the same machine.
	measure candor "$WORK/candor" score --bank "$BANK" "$WORK/table.csv" --format csv
	measure pandas "$PYTHON" bench/pandas/phq9.py "$WORK/table.csv"
done
printf '\n== %s rows, median of %s runs (wall and CPU in seconds, peak RSS in MiB)\n' "$ROWS" "$RUNS"
printf '%-8s %8s %8s %8s %9s\n' who wall_s min_wall cpu_s rss_MiB
for who in candor pandas; do
	f="$WORK/$who.times"
	printf '%-8s %8s %8s %8s %9s\n' "$who" "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f1 "$f" | sort -n | head -1)" \
		"$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | sort -n | awk 'END {printf "%.1f", $1/1024}')"
done
c=$(cut -d' ' -f1 "$WORK/candor.times" | median)
p=$(cut -d' ' -f1 "$WORK/pandas.times" | median)
awk -v c="$c" -v p="$p" 'BEGIN {printf "candor takes %.2fx the wall time of pandas\n", c/p}'

#!/usr/bin/env bash
# bench/score.sh: how fast `candor score` is against a floor that merely reads and
# YAML-decodes the same files on all cores, and how long `candor list` and
# `candor validate` take. See BENCHMARKS.md for the numbers and what they mean.
#
#   bench/score.sh                  # 10,000 and 100,000 files, 5 runs each
#   SIZES="1000 5000" RUNS=5 bench/score.sh
#   KEEP=1 bench/score.sh           # keep the generated files (the folder is printed)
#
# Environment: SIZES (counts of response files, default "10000 100000"; N=... sets the
# largest, default 100000), RUNS (timed runs of each command per size, default 5), QUICK_RUNS
# (runs of list and validate, default 30), WORK (folder for binaries and files; default a new
# temporary folder, removed at the end unless KEEP=1; a WORK you name is kept, and response
# files already generated in it are reused), CANDOR (a candor binary to measure instead of building this checkout's, to compare
# with an older build).
#
# Not part of `go test` or CI: it takes a few minutes and its numbers depend on the machine.
set -euo pipefail

cd "$(dirname "$0")/.."
N=${N:-100000}
SIZES=${SIZES:-"10000 $N"}
RUNS=${RUNS:-5}
QUICK_RUNS=${QUICK_RUNS:-30}
KEEP=${KEEP:-0}
if [[ -z "${WORK:-}" ]]; then
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/candor-bench.XXXXXX")
	if [[ "$KEEP" != 1 ]]; then
		trap 'rm -rf "$WORK"' EXIT
	fi
fi
mkdir -p "$WORK"
TIME=/usr/bin/time
if [[ ! -x $TIME ]]; then
	echo "bench/score.sh needs GNU time at /usr/bin/time (apt-get install time)" >&2
	exit 1
fi

echo "== machine"
echo "cores: $(nproc)  cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1)  memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
echo "$(go version)  load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== building candor, floor and gen into $WORK"
if [[ -n "${CANDOR:-}" ]]; then
	cp "$CANDOR" "$WORK/candor"
else
	go build -o "$WORK/candor" ./cmd/candor
fi
go build -o "$WORK/floor" ./bench/floor
go build -o "$WORK/gen" ./bench/gen

# measure LABEL CMD...: runs CMD with GNU time, output to /dev/null; appends
# "wall_s cpu_s maxrss_kb" to $WORK/LABEL.times (wall from the clock in ns, CPU = user + sys).
measure() {
	local label=$1 start end
	shift
	start=$(date +%s%N)
	if ! "$TIME" -f "%U %S %M" -o "$WORK/$label.one" "$@" >/dev/null 2>"$WORK/$label.err"; then
		echo "$label failed:" >&2
		cat "$WORK/$label.err" >&2
		exit 1
	fi
	end=$(date +%s%N)
	awk -v ns=$((end - start)) '{printf "%.3f %.2f %d\n", ns/1e9, $1+$2, $3}' "$WORK/$label.one" >>"$WORK/$label.times"
}

# summary LABEL: median wall, median CPU, largest peak RSS (MiB), fastest wall over the runs.
# ("cores" in the table is CPU / wall: how many cores were busy on average. The fastest run is
# the one the rest of the machine disturbed least.)
summary() {
	local f="$WORK/$1.times"
	echo "$(cut -d' ' -f1 "$f" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')" \
		"$(cut -d' ' -f2 "$f" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')" \
		"$(cut -d' ' -f3 "$f" | sort -n | awk 'END {printf "%.1f", $1/1024}')" \
		"$(cut -d' ' -f1 "$f" | sort -n | head -1)"
}

printf '\n== candor score --format csv DIR > /dev/null  vs  floor DIR (read + YAML-decode only)\n'
printf '%-8s %-7s %9s %9s %9s %6s %9s\n' files what wall_s min_wall cpu_s cores rss_MiB
declare -a table
for n in $SIZES; do
	dir="$WORK/responses-$n"
	if [[ ! -d "$dir" ]]; then
		"$WORK/gen" -n "$n" "$dir"
	fi
	# Warm the page cache, and check that every file is scored without a word on stderr (a
	# folder kept from a run with another version of the bank would warn on every file).
	rows=$("$WORK/candor" score --format csv "$dir" 2>"$WORK/warm.err" | wc -l)
	if [[ "$rows" != $((n + 1)) || -s "$WORK/warm.err" ]]; then
		echo "candor printed $rows lines for $n files, and this on stderr:" >&2
		head -5 "$WORK/warm.err" >&2
		echo "(remove $dir to make the responses again)" >&2
		exit 1
	fi
	"$WORK/floor" "$dir" >/dev/null
	rm -f "$WORK"/{candor,floor}-"$n".times
	# Alternate the two, so a change in the machine's load hits both alike.
	for _ in $(seq "$RUNS"); do
		measure "candor-$n" "$WORK/candor" score --format csv "$dir"
		measure "floor-$n" "$WORK/floor" "$dir"
	done
	read -r cw cc cm cb < <(summary "candor-$n")
	read -r fw fc fm fb < <(summary "floor-$n")
	printf '%-8s %-7s %9s %9s %9s %6.2f %9s\n' "$n" candor "$cw" "$cb" "$cc" "$(awk -v c="$cc" -v w="$cw" 'BEGIN{print c/w}')" "$cm" \
		"$n" floor "$fw" "$fb" "$fc" "$(awk -v c="$fc" -v w="$fw" 'BEGIN{print c/w}')" "$fm"
	table+=("$(awk -v n="$n" -v cw="$cw" -v fw="$fw" -v cb="$cb" -v fb="$fb" -v cc="$cc" -v fc="$fc" -v cm="$cm" -v fm="$fm" \
		'BEGIN {printf "%-8s wall %.2fx (fastest runs %.2fx)  cpu %.2fx  (candor %s MiB, floor %s MiB peak RSS)", n, cw/fw, cb/fb, cc/fc, cm, fm}')")
done
printf '\n== ratio candor/floor (goal: at most 1.5x, with the same peak RSS whatever the count)\n'
printf '%s\n' "${table[@]}"

printf '\n== candor list, candor validate %s (goal: under 20 ms each)\n' trust-readiness
if [[ "${NO_HYPERFINE:-0}" != 1 ]] && ! command -v hyperfine >/dev/null && command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
	apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
fi
if [[ "${NO_HYPERFINE:-0}" != 1 ]] && command -v hyperfine >/dev/null; then
	hyperfine -N --warmup 3 --runs "$QUICK_RUNS" --style basic \
		"$WORK/candor list" "$WORK/candor validate trust-readiness" 2>&1 | grep -v '^ *$'
else
	for cmd in "list" "validate trust-readiness"; do
		rm -f "$WORK/quick.times"
		# shellcheck disable=SC2086 # the command's words are split on purpose
		for _ in $(seq "$QUICK_RUNS"); do measure quick "$WORK/candor" $cmd; done
		read -r w c m _ < <(summary quick)
		# GNU time counts CPU in hundredths of a second; the wall time includes starting it.
		printf 'candor %-26s median wall %5.1f ms  cpu %4s ms  peak RSS %s MiB (%s runs)\n' "$cmd" \
			"$(awk -v x="$w" 'BEGIN{print x*1000}')" "$(awk -v x="$c" 'BEGIN{if (x == 0) print "<10"; else print x*1000}')" "$m" "$QUICK_RUNS"
	done
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$KEEP" == 1 ]]; then
	echo "files kept in $WORK"
fi

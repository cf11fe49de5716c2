# Shared helpers for bench/bench_*.sh (sourced). A benchmark prints result rows as
#   ROW<TAB>what<TAB>dateline<TAB>peer name<TAB>peer<TAB>ratio<TAB>goal
# which bench/run.sh gathers into one table; every other line is a note shown as it runs.
# Times are in milliseconds: wall medians, and CPU (user + system, children included) where the
# row says "CPU", which a machine shared with other jobs disturbs far less than wall time.
ROOT="${DATELINE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
BIN="${DATELINE_BIN:-$ROOT/dateline}"
SHARED="${DATELINE_SHARED:-$ROOT/../shared}"
RUNS="${BENCH_RUNS:-10}"
BENCH_DIR="$ROOT/build/bench"   # harnesses (built by `make bench`) and the cached stores
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost

# measure [-r RUNS] [-w WARMUP] [-p PREPARE] 'COMMAND': prints "WALL CPU" in ms: the median wall
# time and the CPU time per run (hyperfine's mean user + system, or the median in the fallback).
# COMMAND and PREPARE are one string each, split into words like a shell would (no shell runs).
measure() {
	local runs=$RUNS warm=1 prep=
	while :; do
		case $1 in
		-r) runs=$2; shift 2 ;;
		-w) warm=$2; shift 2 ;;
		-p) prep=$2; shift 2 ;;
		*) break ;;
		esac
	done
	if command -v hyperfine >/dev/null 2>&1; then
		local j
		j=$(mktemp)
		if hyperfine -N --style none --warmup "$warm" --runs "$runs" ${prep:+--prepare "$prep"} \
			--export-json "$j" -- "$1" >/dev/null 2>"$j.err"; then
			python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]
print("%.2f %.2f" % (r["median"]*1e3, (r["user"]+r["system"])*1e3))' "$j"
		else
			sed 's/^/  hyperfine: /' "$j.err" >&2
			echo "NaN NaN"
		fi
		rm -f "$j" "$j.err"
	else
		python3 - "$runs" "$warm" "$prep" "$1" <<'PY'
import os, shlex, statistics, subprocess, sys, time
runs, warm, prep, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], shlex.split(sys.argv[4])
wall, cpu = [], []
for i in range(warm + runs):
    if prep: subprocess.run(shlex.split(prep), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t = time.perf_counter(); p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    if i >= warm: wall.append(time.perf_counter() - t); cpu.append(ru.ru_utime + ru.ru_stime)
print("%.2f %.2f" % (statistics.median(wall) * 1e3, statistics.median(cpu) * 1e3))
PY
	fi
}

# once CMD...: one run, prints "WALL_MS CPU_MS PEAK_MB" (for commands too slow to repeat)
once() {
	python3 - "$@" <<'PY'
import os, subprocess, sys, time
t = time.perf_counter(); p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, _, ru = os.wait4(p.pid, 0)
print("%.2f %.2f %.1f" % ((time.perf_counter() - t) * 1e3, (ru.ru_utime + ru.ru_stime) * 1e3, ru.ru_maxrss / 1024))
PY
}

# peak_mb CMD...: peak resident memory of one run, in MB
peak_mb() { once "$@" | cut -d' ' -f3; }

# row WHAT DATELINE [PEER_NAME PEER_VALUE [GOAL [CHECK]]]
# The ratio is peer / dateline (above 1: dateline is faster or smaller). CHECK is a Python
# expression over o (dateline), p (peer) and r (ratio); the goal then says met or MISSED.
row() {
	local what=$1 ours=$2 pname=${3:--} pval=${4:--} goal=${5:--} check=${6:-}
	python3 - "$what" "$ours" "$pname" "$pval" "$goal" "$check" <<'PY'
import math, sys
what, ours, pname, pval, goal, check = sys.argv[1:]
def num(s):
    try:
        v = float(s)
        return None if math.isnan(v) else v
    except ValueError:
        return None
o, p = num(ours), num(pval)
r = p / o if o and p is not None else None
ratio = "%.2fx" % r if r is not None else "-"
try:
    if check and o is not None:
        goal += " (met)" if eval(check, {}, {"o": o, "p": p, "r": r}) else " (MISSED)"
except TypeError:  # the check needs a peer that was skipped
    pass
def fmt(v, s):
    if v is None:
        return s
    return "%.3g" % v if abs(v) < 10 else "%.1f" % v if abs(v) < 100 else "%.0f" % v
print("ROW\t%s\t%s\t%s\t%s\t%s\t%s" % (what, fmt(o, ours), pname, fmt(p, pval), ratio, goal))
PY
}

# peer_missing PACKAGE: the value of a skipped peer, with the line that brings it
peer_missing() { echo "skipped (apt-get install $1)"; }

# wall / cpu: fields of a "WALL CPU" pair
wall() { echo "${1%% *}"; }
cpu() { echo "$1" | cut -d' ' -f2; }

# peer_lists DIR [SUFFIX]: the same $FEEDS URLs ($BASE/N.xml plus SUFFIX) for everyone: DIR/urls,
# dateline's feeds file DIR/dl/cfg/feeds, curl's DIR/curl.cfg (bodies to DIR/curl/N.xml),
# sfeed's DIR/sf/sfeedrc (maxjobs $JOBS) and newsboat's DIR/nb/config (reload-threads $JOBS)
peer_lists() {
	local d=$1 sfx=${2:-}
	mkdir -p "$d/dl/cfg" "$d/nb" "$d/sf" "$d/curl"
	{ echo "sfeedpath=\"$d/sf/feeds\""; echo "maxjobs=$JOBS"; echo "feeds() {"; } >"$d/sf/sfeedrc"
	for i in $(seq 0 $((FEEDS - 1))); do
		echo "$BASE/$i.xml$sfx" >>"$d/urls"
		printf 'url = "%s"\noutput = "%s/curl/%s.xml"\n' "$BASE/$i.xml$sfx" "$d" "$i" >>"$d/curl.cfg"
		echo "	feed \"f$i\" \"$BASE/$i.xml$sfx\"" >>"$d/sf/sfeedrc"
	done
	echo "}" >>"$d/sf/sfeedrc"
	cp "$d/urls" "$d/dl/cfg/feeds"
	printf 'reload-threads %s\nshow-read-feeds yes\n' "$JOBS" >"$d/nb/config"
}

# fulltext_server: serves the full-text set-up (FEEDS x ITEMS items of ~WORDS words, tests/httpd.py
# --bench-words) on 127.0.0.1 until the script exits (then W is removed too); sets BASE to its URL.
fulltext_server() {
	# one local server stands in for many sites: dateline's politeness limit per host (8) would make
	# it a different race from the peers', which have none
	export DATELINE_FETCH_PER_HOST=$JOBS
	python3 tests/httpd.py --lifetime 1200 --port-file "$W/port" --bench-feeds "$FEEDS" --bench-items "$ITEMS" \
		--bench-words "$WORDS" &
	HTTPD=$!
	trap 'kill $HTTPD 2>/dev/null; rm -rf "$W"' EXIT INT TERM
	for _ in $(seq 300); do [ -s "$W/port" ] && break; sleep 0.1; done
	BASE="http://127.0.0.1:$(cat "$W/port")/bench"
}

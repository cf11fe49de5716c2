# Shared helpers for bench/*.sh (sourced). A benchmark prints result rows as
#   ROW<TAB>what<TAB>dateline<TAB>peer name<TAB>peer<TAB>ratio<TAB>goal
# which bench/run.sh gathers into one table. Times are medians in milliseconds.
ROOT="${DATELINE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
BIN="${DATELINE_BIN:-$ROOT/dateline}"
SHARED="${DATELINE_SHARED:-$ROOT/../shared}"
RUNS="${BENCH_RUNS:-10}"

# median_ms CMD...: median wall time of RUNS runs (after one warm-up), hyperfine when installed
median_ms() {
	if command -v hyperfine >/dev/null 2>&1; then
		j=$(mktemp)
		hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$j" -- "$(printf '%q ' "$@")" >/dev/null 2>&1 \
			|| hyperfine --warmup 1 --runs "$RUNS" --export-json "$j" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
		python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$j"
		rm -f "$j"
	else
		python3 - "$RUNS" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
ts = []
for _ in range(runs):
    t = time.perf_counter(); subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); ts.append(time.perf_counter() - t)
print("%.2f" % (statistics.median(ts) * 1000))
PY
	fi
}

# peak_mb CMD...: peak resident memory of one run, in MB
peak_mb() {
	python3 - "$@" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("%.1f" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))
PY
}

# row WHAT DATELINE [PEER_NAME PEER_VALUE] GOAL
row() {
	what=$1 ours=$2 pname=${3:--} pval=${4:--} goal=${5:--}
	ratio=-
	case "$pval" in ''|-|skipped*) ;; *) ratio=$(python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print('%.2fx' % (b/a) if a else '-')" "$ours" "$pval") ;; esac
	printf 'ROW\t%s\t%s\t%s\t%s\t%s\t%s\n' "$what" "$ours" "$pname" "$pval" "$ratio" "$goal"
}

# peer_missing CMD PACKAGE: a skipped peer, with the line that brings it
peer_missing() { echo "skipped (apt-get install $2)"; }

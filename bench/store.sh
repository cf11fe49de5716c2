#!/bin/sh
# Store benchmark: builds stores of 10,000 and 100,000 articles (10 quotations each: 100,000 and
# 1,000,000) with bench/store_gen.c, then measures whole dateline processes on each:
# list, search (a common and a rare word), quote search by speaker, all quotations; median time
# (hyperfine when installed, else a timing loop) and peak memory (/usr/bin/time -v).
# usage: sh bench/store.sh [SIZES...]     (default: 10000 100000)
# Stores are kept in $BENCH_DIR (default /tmp/dateline-bench) and reused; BENCH_FRESH=1 rebuilds them;
# BENCH_RUNS sets hyperfine's runs (30); BENCH_NO_PEERS=1 skips newsboat (30 s a run at 100,000).
cd "$(dirname "$0")/.." || exit 1
make -s dateline >/dev/null || exit 1
dir=${BENCH_DIR:-/tmp/dateline-bench}
mkdir -p "$dir" || exit 1
gen="$dir/store_gen"
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$gen" bench/store_gen.c \
	build/libdateline.a $(pkg-config --libs sqlite3 json-c libxml-2.0 libcurl ncursesw) -lm -lpthread || exit 1
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$dir/store_inproc" bench/store_inproc.c \
	build/libdateline.a $(pkg-config --libs sqlite3 json-c libxml-2.0 libcurl ncursesw) -lm -lpthread || exit 1
sizes=${*:-10000 100000}
bin="$PWD/dateline"
runs=${BENCH_RUNS:-30}

# median_ms CMD...: median wall time and mean CPU time (user + system; -1 when unknown) in milliseconds.
# On a loaded machine the wall time includes waiting for a CPU; the CPU time does not.
median_ms() {
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N --warmup 1 --runs "$runs" --export-json "$dir/h.json" "$*" >/dev/null 2>&1 &&
			python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f\t%.1f" % (r["median"]*1000, (r["user"]+r["system"])*1000))' "$dir/h.json"
	else
		python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
n, cmd = int(sys.argv[1]), sys.argv[2:]
for _ in range(3): subprocess.run(cmd, stdout=subprocess.DEVNULL)
t = []
for _ in range(n):
    s = time.perf_counter(); subprocess.run(cmd, stdout=subprocess.DEVNULL); t.append(time.perf_counter() - s)
t.sort(); print("%.1f\t-1" % (t[len(t) // 2] * 1000))
PY
	fi
}

# peak_mb CMD...: maximum resident set size in MB
peak_mb() {
	/usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident set size/ {printf "%.1f\n", $6 / 1024}'
}

results="$dir/results.txt"
: >"$results"
for n in $sizes; do
	db="$dir/store-$n.db"
	if [ ! -f "$db" ] || [ -n "$BENCH_FRESH" ]; then
		rm -f "$db" "$db-wal" "$db-shm"
		start=$(date +%s.%N)
		"$gen" "$db" "$n" || exit 1
		end=$(date +%s.%N)
		printf 'generated %s articles, %s quotations in %.1f s: %s MB\n' "$n" "$((n * 10))" \
			"$(echo "$end - $start" | bc)" "$(($(stat -c %s "$db") / 1048576))"
	fi
	export DATELINE_DB="$db"
	# "--version": the process floor (loading the binary and its libraries), for comparison
	for c in "--version" "list --limit 50" "search ceasefire" "search kaloren" "search --rank ceasefire" \
	         "quotes --speaker Peskov" "quotes" "quotes --speaker Peskov --json"; do
		# shellcheck disable=SC2086
		printf '%s\t%s\t%s\t%s\n' "$n" "$c" "$(median_ms "$bin" $c)" "$(peak_mb "$bin" $c)" >>"$results"
	done
done
python3 - "$results" <<'PY'
import sys
rows = {}
sizes = []
for line in open(sys.argv[1]):
    n, cmd, ms, cpu, mb = line.rstrip("\n").split("\t")
    n = int(n)
    if n not in sizes: sizes.append(n)
    rows.setdefault(cmd, {})[n] = (float(ms), float(cpu), float(mb))
print("%-32s" % "dateline ..." + "".join("%22s" % ("%dk wall/cpu ms, MB" % (n // 1000)) for n in sizes) +
      ("  growth wall cpu  MB" if len(sizes) > 1 else "") + "   goal")
for cmd, r in rows.items():
    line = "%-32s" % cmd + "".join("%22s" % ("%.1f / %.1f, %.1f" % r[n]) for n in sizes)
    if len(sizes) > 1:
        a, b = r[sizes[0]], r[sizes[-1]]
        line += "%12.2fx%5.2fx%5.2fx" % (b[0] / a[0], b[1] / a[1] if a[1] > 0 else 0, b[2] / a[2])
    print(line + ("   (process floor)" if cmd == "--version" else "   <30 ms, <30 MB, growth <=1.5x"))
PY

# newsboat's start-up on the same articles, for contrast (its cache is filled from the dateline store)
if [ -n "$BENCH_NO_PEERS" ]; then
	echo "newsboat: skipped (BENCH_NO_PEERS)"
elif command -v newsboat >/dev/null 2>&1; then
	for n in $sizes; do
		nb="$dir/newsboat-$n"
		mkdir -p "$nb"
		if [ ! -f "$nb/cache.db" ] || [ -n "$BENCH_FRESH" ]; then
			rm -f "$nb/cache.db" && : >"$nb/urls"
			HOME="$nb" newsboat -u "$nb/urls" -c "$nb/cache.db" -x print-unread >/dev/null 2>&1
			python3 bench/newsboat_cache.py "$dir/store-$n.db" "$nb/cache.db" "$nb/urls" || exit 1
		fi
		printf 'newsboat -x print-unread, %s articles: %s ms wall / %s ms cpu, %s MB\n' "$n" \
			$(HOME="$nb" runs=3 median_ms newsboat -u "$nb/urls" -c "$nb/cache.db" -x print-unread) \
			"$(HOME="$nb" peak_mb newsboat -u "$nb/urls" -c "$nb/cache.db" -x print-unread)"
	done
else
	echo "newsboat: skipped (not installed: apt-get install newsboat)"
fi

# the store's own cost inside one process (the TUI's case): median and p95 per operation
for n in $sizes; do
	echo
	echo "in-process, $n articles (median ms, p95 ms):"
	"$dir/store_inproc" "$dir/store-$n.db" 50 | awk -F'\t' '{printf "  %-46s %8s %8s\n", $1, $2, $3}'
done

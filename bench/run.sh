#!/bin/bash
# `make bench`: runs every bench/bench_*.sh and prints one table of results (also written to
# build/bench/results.md). Installs nothing: a missing peer is a row saying how to install it.
cd "$(dirname "$0")/.." || exit 1
mkdir -p build/bench
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
start=$(date +%s) load0=$(load) loads=""
tools=""
for t in hyperfine newsboat sfeed_update curl xmllint valgrind; do
	if command -v "$t" >/dev/null 2>&1; then tools="$tools $t"
	else case $t in
		hyperfine) echo "hyperfine missing: timing with the Python fallback (apt-get install hyperfine)" ;;
		sfeed_update) echo "sfeed missing: its rows say skipped (apt-get install sfeed)" ;;
		xmllint) echo "xmllint missing: its rows say skipped (apt-get install libxml2-utils)" ;;
		*) echo "$t missing: its rows say skipped (apt-get install $t)" ;;
		esac
	fi
done
for b in bench/bench_*.sh; do
	[ -f "$b" ] || continue
	loads="$loads $(cut -d' ' -f1 /proc/loadavg)"
	echo "== $b (load average $(load))" >&2
	t0=$(date +%s)
	timeout 900 bash "$b" 2>&1 | tee -a "$out" | grep -v '^ROW' >&2
	echo "   $b: $(($(date +%s) - t0)) s" >&2
done
{
	echo
	echo "dateline $(./dateline --version | cut -d' ' -f2), $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores" \
		"($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
		"load average $load0 at the start, $(load) at the end (1-minute load at each benchmark's start:$loads);" \
		"whole run $(($(date +%s) - start)) s"
	echo "tools:$tools ($(hyperfine --version 2>/dev/null), $(newsboat --version 2>/dev/null | head -1 | cut -d' ' -f1-2))"
	grep -E '^store of|^newsboat cache of' "$out" | sed 's/^/cache: /'
	echo "wall = median elapsed time; CPU = user + system time of the process and its children (hyperfine's mean)"
	echo "or of the measuring thread (in process); ratio = peer / dateline (above 1: dateline is faster or smaller)."
	echo
	grep '^ROW' "$out" | python3 -c '
import sys
rows = [l.rstrip("\n").split("\t")[1:] for l in sys.stdin]
head = ["measure", "dateline", "peer", "peer value", "ratio", "goal"]
w = [max(len(r[i]) for r in rows + [head]) for i in range(6)]
fmt = lambda r: "| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |"
print(fmt(head)); print("|" + "|".join("-" * (x + 2) for x in w) + "|")
for r in rows: print(fmt(r))
'
} | tee build/bench/results.md

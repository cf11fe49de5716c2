#!/bin/sh
# `make bench`: runs every bench/bench_*.sh and prints one table of results.
cd "$(dirname "$0")/.." || exit 1
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
for b in bench/bench_*.sh; do
	[ -f "$b" ] || continue
	echo "== $b" >&2
	timeout 600 bash "$b" 2>&1 | tee -a "$out" | grep -v '^ROW' >&2
done
echo
echo "dateline $(./dateline --version | cut -d' ' -f2) on $(uname -m), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%d)"
grep '^ROW' "$out" | python3 -c '
import sys
rows = [l.rstrip("\n").split("\t")[1:] for l in sys.stdin]
head = ["measure", "dateline", "peer", "peer value", "peer/dateline", "goal"]
w = [max(len(r[i]) for r in rows + [head]) for i in range(6)]
fmt = lambda r: "| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |"
print(fmt(head)); print("|" + "|".join("-" * (x + 2) for x in w) + "|")
for r in rows: print(fmt(r))
'

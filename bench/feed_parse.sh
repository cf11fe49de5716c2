#!/bin/sh
# Feed parse throughput: dateline beside `xmllint --stream --noout` on the same large feed.
#
# usage: sh bench/feed_parse.sh [MEGABYTES] [RUNS]     (from the repository root, after `make`)
#
# Generates a ~20 MB RSS 2.0 feed (bench/gen_feed.py), then measures, whole
# process, `dateline feed --json` and `dateline feed` (text) beside xmllint's
# streaming parse, with hyperfine when installed, else a timing loop (median
# of RUNS). Then the in-process figure: feed_parse() beside libxml2's
# xmlReader on the same bytes (bench/feed_parse_bench.c). Prints MB/s and
# ratios; asserts nothing.
set -eu
cd "$(dirname "$0")/.."
MB=${1:-20}
RUNS=${2:-10}
command -v xmllint >/dev/null || { echo "xmllint not found (Debian: libxml2-utils)" >&2; exit 1; }
[ -x ./dateline ] && [ -f build/libdateline.a ] || { echo "build first: make" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
feed="$work/big.xml"
python3 bench/gen_feed.py "$feed" "$MB"
bytes=$(wc -c <"$feed")
xmllint --stream --noout "$feed" || { echo "xmllint rejects the generated feed" >&2; exit 1; }
echo "feed: $bytes bytes, $(grep -c '<item>' "$feed") items"

# median wall time in seconds of a command run RUNS times, output discarded
median() {
	i=0
	: >"$work/times"
	while [ "$i" -lt "$RUNS" ]; do
		s=$(date +%s%N)
		"$@" >/dev/null
		e=$(date +%s%N)
		echo $(((e - s) / 1000)) >>"$work/times"
		i=$((i + 1))
	done
	sort -n "$work/times" | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.6f\n", m/1e6}'
}

if command -v hyperfine >/dev/null; then
	hyperfine -N -w 2 -r "$RUNS" --export-json "$work/h.json" \
		"./dateline feed --json $feed" "./dateline feed $feed" "xmllint --stream --noout $feed" >/dev/null 2>"$work/hyperfine.err" ||
		{ cat "$work/hyperfine.err" >&2; exit 1; }
	python3 - "$work/h.json" "$bytes" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
mb = int(sys.argv[2]) / 1048576
base = r[2]["median"]
base_cpu = r[2]["user"] + r[2]["system"]
print("whole process (hyperfine, median of %d runs; mean user+sys CPU beside it, the steadier"
      " figure on a shared machine):" % len(r[0]["times"]))
for x in r:
    cpu = x["user"] + x["system"]
    print("  %-28s %7.1f ms %6.1f MB/s  ratio %.2f   cpu %6.1f ms  ratio %.2f" % (
        x["command"].split(" /")[0], x["median"] * 1e3, mb / x["median"], x["median"] / base,
        cpu * 1e3, cpu / base_cpu))
PY
else
	t1=$(median ./dateline feed --json "$feed")
	t2=$(median ./dateline feed "$feed")
	t3=$(median xmllint --stream --noout "$feed")
	echo "whole process (timing loop, median of $RUNS runs):"
	for p in "dateline feed --json:$t1" "dateline feed:$t2" "xmllint --stream --noout:$t3"; do
		awk -v n="${p%%:*}" -v t="${p##*:}" -v b="$bytes" -v base="$t3" \
			'BEGIN {printf "  %-44s %7.1f ms %7.1f MB/s  ratio %.2f\n", n, t*1e3, b/1048576/t, t/base}'
	done
fi

# in process: feed_parse() beside xmlReader
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude $(pkg-config --cflags libxml-2.0) \
	bench/feed_parse_bench.c -o "$work/feed_parse_bench" build/libdateline.a $(pkg-config --libs libxml-2.0 json-c) -lm
"$work/feed_parse_bench" "$feed" "$RUNS"
# the other common shape: content as escaped HTML instead of CDATA (libxml2 decodes every &lt;)
python3 bench/gen_feed.py "$work/escaped.xml" "$MB" --escaped
echo "escaped-HTML variant ($(wc -c <"$work/escaped.xml") bytes):"
"$work/feed_parse_bench" "$work/escaped.xml" "$RUNS" | sed 1d

# Instructions executed (valgrind's callgrind), which a busy machine does not
# disturb: on a 2 MB feed of the same shape, to keep valgrind's time short.
if command -v valgrind >/dev/null; then
	python3 bench/gen_feed.py "$work/small.xml" 2
	count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : *//p'; }
	i1=$(count ./dateline feed --json "$work/small.xml")
	i2=$(count ./dateline feed "$work/small.xml")
	i3=$(count xmllint --stream --noout "$work/small.xml")
	python3 bench/gen_feed.py "$work/small-esc.xml" 2 --escaped
	i4=$(count ./dateline feed --json "$work/small-esc.xml")
	i5=$(count xmllint --stream --noout "$work/small-esc.xml")
	echo "instructions on a $(($(wc -c <"$work/small.xml") / 1024)) KB feed (callgrind):"
	for p in "dateline feed --json:$i1:$i3" "dateline feed:$i2:$i3" "xmllint --stream --noout:$i3:$i3" \
		"dateline feed --json (escaped HTML):$i4:$i5" "xmllint --stream --noout (escaped HTML):$i5:$i5"; do
		echo "$p" | awk -F: '{printf "  %-44s %12d  ratio %.2f\n", $1, $2, $2/$3}'
	done
fi

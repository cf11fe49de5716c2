#!/bin/bash
# 2. Parse: a 20 MB RSS feed (bench/gen_feed.py: news-like items, CDATA bodies) beside
# `xmllint --stream --noout` (the libxml2 floor): whole process (wall and CPU), in process
# (feed_parse() beside libxml2's xmlReader, bench/feed_parse_bench.c), and instructions counted by
# callgrind on a 2 MB feed of the same shape (a figure a busy machine does not disturb).
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
MB=${BENCH_FEED_MB:-20}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT INT TERM
python3 bench/gen_feed.py "$W/big.xml" "$MB"
what="parse a $(awk -v b="$(wc -c <"$W/big.xml")" 'BEGIN {printf "%.1f", b / 1e6}') MB feed"
goal="dateline <= 1.5x xmllint (ratio >= 0.67)"
if ! command -v xmllint >/dev/null 2>&1; then
	row "$what, whole process: wall ms" "$(wall "$(measure "$BIN feed $W/big.xml")")" \
		"xmllint --stream --noout" "$(peer_missing libxml2-utils)" "$goal"
	exit 0
fi
echo "feed: $(wc -c <"$W/big.xml") bytes, $(grep -c '<item>' "$W/big.xml") items"
d=$(measure "$BIN feed $W/big.xml")
j=$(measure "$BIN feed --json $W/big.xml")
x=$(measure "xmllint --stream --noout $W/big.xml")
row "$what, whole process: wall ms" "$(wall "$d")" "xmllint --stream --noout" "$(wall "$x")" "$goal" "o <= 1.5 * p"
row "$what, whole process: CPU ms" "$(cpu "$d")" "xmllint --stream --noout" "$(cpu "$x")" "$goal" "o <= 1.5 * p"
row "$what, feed --json: CPU ms" "$(cpu "$j")" "xmllint --stream --noout" "$(cpu "$x")" "-"
# in process: "feed_parse() MS ... xmlReader MS"
"$BENCH_DIR/feed_parse_bench" "$W/big.xml" "$RUNS" >"$W/in.txt"
sed 's/^/  /' "$W/in.txt"
fp=$(awk '/feed_parse\(\) +[0-9]/ {print $2; exit}' "$W/in.txt")
xr=$(awk '/xmlReader stream only/ {print $4}' "$W/in.txt")
row "$what, in process: ms" "$fp" "libxml2 xmlReader" "$xr" "$goal" "o <= 1.5 * p"
if command -v valgrind >/dev/null 2>&1; then
	python3 bench/gen_feed.py "$W/small.xml" 2
	count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		sed -n 's/.*Collected : *//p' | awk '{printf "%.1f", $1 / 1e6}'; }
	row "parse a 2 MB feed, whole process: million instructions" "$(count "$BIN" feed "$W/small.xml")" \
		"xmllint --stream --noout" "$(count xmllint --stream --noout "$W/small.xml")" "$goal" "o <= 1.5 * p"
fi

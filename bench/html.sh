#!/bin/sh
# Extraction speed and memory on the shared article-extraction-benchmark pages.
# usage: sh bench/html.sh [ROUNDS]   (run from the repository root after `make`)
# Prints the in-process median and 95th percentile per page (bench/html_bench.c),
# then the peak memory of the harness over all pages and of `dateline show` on the
# largest page, both from /usr/bin/time -v.
set -e
cd "$(dirname "$0")/.."
SHARED="${DATELINE_SHARED:-../shared}"
PAGES="$SHARED/eval/extraction/aeb/html"
[ -d "$PAGES" ] || { echo "skip html bench: no $PAGES"; exit 0; }
[ -f build/libdateline.a ] || make -s dateline
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
for f in "$PAGES"/*.html.gz; do gunzip -c "$f" >"$TMP/$(basename "$f" .gz)"; done
PKGS="libxml-2.0 json-c sqlite3 libcurl ncursesw"
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -Ibuild $(pkg-config --cflags $PKGS) \
	-o "$TMP/html_bench" bench/html_bench.c build/libdateline.a $(pkg-config --libs $PKGS) -lm -lpthread
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
"$TMP/html_bench" -r "${1:-5}" "$TMP"/*.html
if [ -x /usr/bin/time ]; then
	peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
	echo "peak memory, harness over all pages: $(peak "$TMP/html_bench" -r 1 "$TMP"/*.html) KB"
	big=$(ls -S "$TMP"/*.html | head -1)
	echo "peak memory, dateline show on the largest page ($(($(wc -c <"$big") / 1024)) KB): $(peak ./dateline show --format json "$big") KB"
else
	echo "peak memory: skipped (/usr/bin/time missing: apt-get install time)"
fi

#!/bin/bash
# Where the full-text refresh's store bytes go: refreshes the bench_fulltext.sh set-up (100 feeds x
# 50 items of ~800 words from tests/httpd.py, 16 at a time) once into a fresh store and prints its
# bytes per feed byte (as bench_fulltext.sh computes it) and the bytes of each table and index
# (SQLite's dbstat), largest first. Not part of `make bench`: a tool for choosing the schema.
#   store_size.sh [KEEP_DIR]   keeps the store in KEEP_DIR/dateline.db (default: a temporary one)
#   BENCH_FT_FEEDS, BENCH_FT_ITEMS, BENCH_FT_WORDS change the set-up as for bench_fulltext.sh.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
FEEDS=${BENCH_FT_FEEDS:-100} ITEMS=${BENCH_FT_ITEMS:-50} WORDS=${BENCH_FT_WORDS:-800} JOBS=16
W=$(mktemp -d)
KEEP=${1:-$W/dl/data}
fulltext_server
peer_lists "$W"
curl -s -K "$W/curl.cfg" --parallel --parallel-max "$JOBS" 2>/dev/null
feed_bytes=$(cat "$W"/curl/*.xml | wc -c)
rm -rf "$KEEP" && mkdir -p "$KEEP"
r=$(DATELINE_CONFIG_DIR="$W/dl/cfg" DATELINE_DATA_DIR="$KEEP" once "$BIN" refresh --jobs "$JOBS" --no-progress)
store_bytes=$(du -cb "$KEEP"/dateline.db* | tail -1 | cut -f1)
set -- $r
echo "refresh: wall $1 ms, CPU $2 ms, peak $3 MB"
python3 -c 'import sys; f, s = int(sys.argv[1]), int(sys.argv[2]); print("feeds %d bytes, store %d bytes: %.2f store bytes per feed byte" % (f, s, s / f))' \
	"$feed_bytes" "$store_bytes"
sqlite3 "$KEEP/dateline.db" "SELECT printf('%-28s %10d', name, sum(pgsize)) FROM dbstat GROUP BY name ORDER BY sum(pgsize) DESC LIMIT 25"

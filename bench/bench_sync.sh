#!/bin/bash
# Reading from an aggregator (source greader): the first sync of 10,000 items (every item parsed,
# analysed and stored) and an incremental sync with nothing new, against tests/greader_server.py
# (the Google Reader API test server) on 127.0.0.1. BENCH_SYNC_ITEMS, BENCH_SYNC_FEEDS,
# BENCH_SYNC_RUNS (3) change the set-up. No peer: newsboat's greader-like backends need a real service.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
ITEMS=${BENCH_SYNC_ITEMS:-10000} FEEDS=${BENCH_SYNC_FEEDS:-50} SRUNS=${BENCH_SYNC_RUNS:-3}
W=$(mktemp -d)
python3 tests/greader_server.py --lifetime 900 --port-file "$W/port" --feeds "$FEEDS" --items "$ITEMS" &
SRV=$!
trap 'kill $SRV 2>/dev/null; rm -rf "$W"' EXIT INT TERM
for _ in $(seq 100); do [ -s "$W/port" ] && break; sleep 0.1; done
printf 'bench\n' >"$W/pw"
printf 'source greader\ngreader-url http://127.0.0.1:%s\ngreader-login alice\ngreader-password-eval printf "correct horse"\n' \
	"$(cat "$W/port")" >"$W/config"
echo "server: tests/greader_server.py on 127.0.0.1, $FEEDS feeds, $ITEMS items of ~1 KiB, $SRUNS runs"
SYNC="env DATELINE_CONFIG=$W/config DATELINE_DB=$W/store.db DATELINE_DATA_DIR=$W/data $BIN refresh --quiet"
first=$(measure -r "$SRUNS" -w 0 -p "rm -f $W/store.db $W/store.db-wal $W/store.db-shm" "$SYNC")
n=$(env DATELINE_DB="$W/store.db" "$BIN" status --json | python3 -c 'import json,sys; print(sum(f["items"] for f in json.load(sys.stdin)))')
echo "first sync stored $n items"
again=$(measure -r "$SRUNS" "$SYNC")
row "sync: first, $ITEMS items from the aggregator (ms wall)" "$(wall "$first")"
row "sync: first, $ITEMS items (ms CPU)" "$(cpu "$first")"
row "sync: incremental, nothing new (ms wall)" "$(wall "$again")"
row "sync: incremental, nothing new (ms CPU)" "$(cpu "$again")"

#!/bin/bash
# Moved feeds (issue 19, F5): a permanent redirect moves the feed in the store and in the feeds
# file together. A refresh killed mid-move, an old OPML imported again, or both addresses
# subscribed must not leave every later refresh failing with "another feed already has the URL".
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/netlib.sh"
if ! start_httpd 120; then
	skip net_moved "python3 or tests/httpd.py could not start"
	exit 0
fi
use_fresh_dirs
export DATELINE_DB="$TMP/store.db" DATELINE_FETCH_TIMEOUT=2 DATELINE_FETCH_LOW_SPEED_TIME=1
FEEDS="$DATELINE_CONFIG_DIR/feeds"

# refresh_ok NAME: one refresh that ends well and never complains about a taken URL
refresh_ok() {
	"$BIN" refresh --no-progress >"$TMP/$1.out" 2>"$TMP/$1.err"
	rc=$?
	if [ $rc -eq 0 ] && ! grep -q 'already has the URL' "$TMP/$1.err"; then ok "$1"; else not_ok "$1" "rc=$rc $(head -c 300 "$TMP/$1.err")"; fi
}
lines() { grep -cE "^$BASE/$1( |\$)" "$FEEDS"; }

# --- both addresses subscribed: the old line goes, the refresh keeps working ---
printf '%s\n' "$BASE/moved/both" "$BASE/feed/both" >"$FEEDS"
refresh_ok moved_both_first
refresh_ok moved_both_again
expect_eq moved_both_one_line "0 1" "$(lines moved/both) $(lines feed/both)"

# --- an old OPML imported again brings the old address back ---
printf '<opml version="2.0"><body><outline text="b" xmlUrl="%s"/></body></opml>\n' "$BASE/moved/both" >"$TMP/old.opml"
"$BIN" import "$TMP/old.opml" >/dev/null 2>&1
expect_eq moved_old_opml_imported 1 "$(lines moved/both)"
refresh_ok moved_old_opml_refresh
expect_eq moved_old_opml_one_line "0 1" "$(lines moved/both) $(lines feed/both)"

# --- the store moved, the feeds file did not (the state a kill between the two left on main) ---
printf '%s\n' "$BASE/moved/gap" >"$FEEDS"
cp "$FEEDS" "$TMP/feeds.before"
refresh_ok moved_gap_first
cp "$TMP/feeds.before" "$FEEDS"
refresh_ok moved_gap_after_stale_file
expect_eq moved_gap_file_reconciled "0 1" "$(lines moved/gap) $(lines feed/gap)"

# --- a refresh killed mid-move: the moved feeds are committed, a slow one keeps it running ---
printf '%s\n' "$BASE/moved/k1" "$BASE/moved/k2" "$BASE/drip" >"$FEEDS"
# the drip feed keeps this refresh running for up to 30 s: the kill lands after the moves, before the end
DATELINE_FETCH_TIMEOUT=30 DATELINE_FETCH_LOW_SPEED_TIME=30 "$BIN" refresh --no-progress >/dev/null 2>&1 &
pid=$!
moved=0
for _ in $(seq 1 300); do
	moved=$(python3 -c 'import sqlite3,sys
try:
    c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
    print(c.execute("select count(*) from feeds where url like ?", ("%/feed/k_",)).fetchone()[0])
except Exception:
    print(0)' "$DATELINE_DB" 2>/dev/null)
	[ "${moved:-0}" -ge 2 ] && break
	sleep 0.05
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
expect_eq moved_kill_store_moved 2 "$moved"
"$BIN" refresh --no-progress >"$TMP/kill.out" 2>"$TMP/kill.err"
if grep -q 'already has the URL' "$TMP/kill.err"; then not_ok moved_kill_next_refresh "$(head -c 300 "$TMP/kill.err")"; else ok moved_kill_next_refresh; fi
expect_eq moved_kill_file_follows "0 1 0 1" "$(lines moved/k1) $(lines feed/k1) $(lines moved/k2) $(lines feed/k2)"
"$BIN" refresh --no-progress >"$TMP/kill2.out" 2>"$TMP/kill2.err"
if grep -q 'already has the URL' "$TMP/kill2.err"; then not_ok moved_kill_stays_healed "$(head -c 300 "$TMP/kill2.err")"; else ok moved_kill_stays_healed; fi

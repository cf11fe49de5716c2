#!/bin/sh
# The interface on a store synced from an aggregator (source greader, tests/greader_server.py):
# reading and starring in the TUI go into the store's queue, and the TUI's own background
# refresh (a child `dateline refresh`) delivers them; the TUI itself never talks to the network.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/tui/tmux.sh"

if ! tui_have; then
	skip greader_tui "tmux or python3 missing (scripts/deps.sh installs them)"
	exit 0
fi
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
python3 "$ROOT/tests/greader_server.py" --lifetime 900 --port-file "$TMP/port" --feeds 2 --items 4 >"$TMP/srv.log" 2>&1 &
SRV=$!
trap 'kill $SRV 2>/dev/null; tui_cleanup' EXIT
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
URL="http://127.0.0.1:$(cat "$TMP/port")"
export DATELINE_DB="$TMP/store.db" DATELINE_CONFIG="$TMP/config"
printf 'source greader\ngreader-url %s\ngreader-login alice\ngreader-password-eval echo correct horse\n' "$URL" >"$TMP/config"
"$BIN" refresh >"$TMP/r1" 2>&1 || { not_ok greader_tui_setup "$(cat "$TMP/r1")"; exit 0; }
server() { python3 -c 'import json,sys,urllib.request; j=json.load(urllib.request.urlopen(sys.argv[1] + "/test/count")); print(eval(sys.argv[2]))' "$URL" "$1"; }

tui_start 140 30 "$BIN"
tui_expect greader_tui_feeds '^ Feeds \(2\)'
tui_expect greader_tui_unread '^ +All unread +4 *$'
# All unread, newest first: open item 4 (reading marks it read, so it leaves the list), back, star the next
tui_keys Enter
tui_expect greader_tui_articles 'Item 4 of feed 1'
tui_keys Enter
tui_wait 'Report 4' >/dev/null
tui_keys q
tui_keys '*'
tui_expect greader_tui_starred '^ N\* .*Item 3 of feed 0'
tui_keys q
tui_expect greader_tui_unread_after '^ +All unread +3 *$'
expect_eq greader_tui_nothing_sent_yet 0 "$(server 'len(j["edits"])')"
# the TUI's refresh (R) runs `dateline refresh`, which sends the queue
tui_keys R
if tui_wait 'refresh (done|ended with errors)' 150; then ok greader_tui_refresh; else not_ok greader_tui_refresh "$(tail -1 "$TMP/text")"; fi
tui_expect greader_tui_refresh_summary 'refresh done: .*2 changes sent'
expect_eq greader_tui_read_delivered "[[4]]" "$(server '[e["i"] for e in j["edits"] if e["a"] == ["user/-/state/com.google/read"]]')"
expect_eq greader_tui_star_delivered "[[3]]" "$(server '[e["i"] for e in j["edits"] if e["a"] == ["user/-/state/com.google/starred"]]')"
tui_keys q
tui_expect greader_tui_quits 'TUI-EXITED 0'

#!/bin/bash
# The command-line side of issue 16: remove (unsubscribe, saved and starred articles kept), add
# storing what it fetched, show URL read from the store when the network fails, quotes and
# search saying when they cut their results, and --speaker without a name.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/netlib.sh"
command -v python3 >/dev/null 2>&1 || { skip reader_cli "python3 missing"; exit 0; }
use_fresh_dirs
export DATELINE_FETCH_TIMEOUT=5 no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
FEEDS="$DATELINE_CONFIG_DIR/feeds"
mkdir -p "$TMP/www"
cp "$ROOT/tests/data/tui_feed.xml" "$TMP/www/feed.xml"
cat >"$TMP/www/story.html" <<'HTML'
<!DOCTYPE html><html><head><title>Breakwater Extended by Forty Metres</title></head><body>
<article><h1>Breakwater Extended by Forty Metres</h1>
<p>PORT ELLIOT, April 5, 2025 (Coastal Wire) – The harbour's breakwater grew by forty metres this spring.</p>
<p>"Storms will find the harbour much harder to reach," engineer Tomas Varga said on Saturday.</p>
<p>The works cost less than planned and finished two weeks early, the council said.</p>
</article></body></html>
HTML
python3 "$ROOT/tests/tui/slow_server.py" "$TMP/www" 0 "$TMP/port" &
srv=$!
trap 'kill $srv 2>/dev/null; rm -rf "$TMP"' EXIT
n=0
while [ ! -s "$TMP/port" ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
BASE="http://127.0.0.1:$(cat "$TMP/port")"

# add stores what it fetched: the articles are there before any refresh
out=$("$BIN" add "$BASE/feed.xml" 2>&1)
expect_match add_says_stored 'subscribed to .*feed.xml \(Coastal Wire\), 3 items stored' "$out"
expect_eq add_items_in_store 3 "$("$BIN" list --feed "$BASE/feed.xml" 2>/dev/null | grep -c .)"
# --no-check fetched nothing: it says what to run
out=$("$BIN" add --no-check "$BASE/later.xml" 2>&1)
expect_match add_no_check_hint "run 'dateline refresh'" "$out"

# remove: by title; the line leaves the feeds file, the feed the store, a starred article stays
id=$("$BIN" list --feed "$BASE/feed.xml" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])' 2>/dev/null)
"$BIN" mark "$id" star >/dev/null
out=$("$BIN" remove "Coastal Wire" 2>&1); rc=$?
expect_match remove_says "^removed Coastal Wire \(1 saved or starred article kept\)" "$out"
expect_eq remove_status 0 "$rc"
if grep -q "feed.xml" "$FEEDS"; then not_ok remove_feeds_file "$(cat "$FEEDS")"; else ok remove_feeds_file; fi
if "$BIN" status 2>&1 | grep -q "Coastal Wire"; then not_ok remove_from_store "$("$BIN" status 2>&1)"; else ok remove_from_store; fi
expect_eq remove_keeps_starred 1 "$("$BIN" list --starred 2>/dev/null | grep -c .)"
"$BIN" remove "No Such Feed" >/dev/null 2>"$TMP/err"; rc=$?
expect_match remove_unknown "^1 dateline: no feed is 'No Such Feed'" "$rc $(cat "$TMP/err")"
out=$("$BIN" remove "$BASE/later.xml" 2>&1)
expect_match remove_by_url "^removed $BASE/later.xml" "$out"

# show URL offline: the saved copy is read from the store, and the user is told
"$BIN" save "$BASE/story.html" >/dev/null 2>"$TMP/err" || not_ok show_offline_setup "$(cat "$TMP/err")"
kill $srv 2>/dev/null; wait $srv 2>/dev/null
"$BIN" show "$BASE/story.html" >"$TMP/out" 2>"$TMP/err"; rc=$?
expect_eq show_offline_status 0 "$rc"
expect_match show_offline_text 'Storms will find the harbour' "$(cat "$TMP/out")"
expect_match show_offline_says 'offline: showing the copy of .*story.html kept in the store' "$(cat "$TMP/err")"
"$BIN" show "$BASE/never-saved.html" >/dev/null 2>"$TMP/err"; rc=$?
expect_match show_offline_unknown_fails '^1 .*refused' "$rc $(cat "$TMP/err")"

# quotes and search say when they stop short
{
	echo "Harbour Council Hears Sixty Voices"
	echo
	echo "PORT ELLIOT, May 1, 2025 – The council heard from sixty residents on Tuesday."
	for i in $(seq 1 60); do
		echo
		echo "\"The harbour plan number $i needs another look,\" resident Alma Berg said."
	done
} >"$TMP/sixty.txt"
"$BIN" save "$TMP/sixty.txt" >/dev/null 2>&1
"$BIN" quotes harbour >"$TMP/out" 2>"$TMP/err"
expect_eq quotes_default_limit 50 "$(grep -c . "$TMP/out")"
expect_match quotes_says_cut 'showing the first 50 quotations; more match' "$(cat "$TMP/err")"
"$BIN" quotes harbour --limit 0 >"$TMP/out" 2>"$TMP/err"
if grep -q 'showing the first' "$TMP/err"; then not_ok quotes_all_not_cut "$(cat "$TMP/err")"; else ok quotes_all_not_cut; fi
python3 - "$TMP/many.xml" <<'PY'
import sys
items = "".join(f"<item><title>Tide table {i}</title><link>https://tides.example/{i}</link><guid>t{i}</guid>"
                f"<pubDate>Mon, 0{1 + i % 9} Sep 2025 10:00:00 GMT</pubDate><description>Tide table {i} for the harbour.</description></item>"
                for i in range(25))
open(sys.argv[1], "w").write(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tides</title>{items}</channel></rss>')
PY
"$BIN" import-feed "$TMP/many.xml" >/dev/null 2>&1
"$BIN" search tide >"$TMP/out" 2>"$TMP/err"
expect_match search_says_cut 'showing the first 20 matches; more match' "$(cat "$TMP/err")"
"$BIN" search --limit 100 tide >"$TMP/out" 2>"$TMP/err"
if grep -q 'showing the first' "$TMP/err"; then not_ok search_all_not_cut "$(cat "$TMP/err")"; else ok search_all_not_cut; fi

# --speaker with no name
"$BIN" quotes --speaker >/dev/null 2>"$TMP/err"; rc=$?
expect_match quotes_speaker_needs_name "^2 dateline: --speaker needs a value \(a speaker's name" "$rc $(cat "$TMP/err")"
"$BIN" quotes --speaker --json >/dev/null 2>"$TMP/err"; rc=$?
expect_match quotes_speaker_not_option "^2 dateline: --speaker needs a value" "$rc $(cat "$TMP/err")"

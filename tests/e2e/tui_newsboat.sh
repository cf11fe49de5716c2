#!/bin/bash
# Issue 16 in a real terminal (tmux): what a newsboat user reaches for on the first day.
# Each check names the defect or feature it covers; each fails on the build before the issue.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/tui/tmux.sh"
. "$ROOT/tests/netlib.sh"
if ! tui_have; then
	skip tui_newsboat "tmux or python3 missing (scripts/deps.sh installs them)"
	exit 0
fi
use_fresh_dirs
export TZ=UTC DATELINE_FETCH_TIMEOUT=5 no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
export DATELINE_CONFIG="$TMP/config"
: >"$DATELINE_CONFIG"
FEEDS="$DATELINE_CONFIG_DIR/feeds"
W="$TMP/www"
mkdir -p "$W"

# serve DELAY: (re)starts the page server on the same port when it can
serve() {
	[ -n "$srv" ] && kill "$srv" 2>/dev/null && wait "$srv" 2>/dev/null
	rm -f "$TMP/port"
	python3 "$ROOT/tests/tui/slow_server.py" "$W" "$1" "$TMP/port" &
	srv=$!
	n=0
	while [ ! -s "$TMP/port" ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
	BASE="http://127.0.0.1:$(cat "$TMP/port")"
}
trap 'kill $srv 2>/dev/null; tui_cleanup' EXIT

# 4: the empty Feeds screen says what to do
tui_start 100 30 "$BIN"
tui_expect tui_empty_feeds_hint 'No feeds yet\. Subscribe with `dateline add URL`'
# 1: Esc never quits, / filters the Feeds screen
tui_keys Escape
sleep 0.3
tui_text >/dev/null
if grep -q TUI-EXITED "$TMP/text"; then not_ok tui_esc_does_not_quit "Esc quit the program"; else ok tui_esc_does_not_quit; fi
tui_keys q
tui_expect tui_q_quits 'TUI-EXITED 0'

serve 0
cp "$ROOT/tests/data/tui_feed.xml" "$W/coastal.xml"
# a summary-only feed whose items link pages of our own
cp "$ROOT/tests/data/tui_tide.html" "$W/full.html"
summary_feed() {
	cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Zeta Harbour Notes</title><link>$BASE/</link>
<item><title>Tide Gauge Installed at the Breakwater</title><link>$BASE/full.html</link>
<guid>tide-gauge</guid><pubDate>Fri, 04 Apr 2025 10:00:00 GMT</pubDate>
<description>A short summary of the tide gauge story.</description></item>
<item><title>Pier Lights Replaced</title><link>$BASE/gone.html</link>
<guid>pier-lights</guid><pubDate>Fri, 04 Apr 2025 08:00:00 GMT</pubDate>
<description><![CDATA[<p>New lights along the pier, says the <a href="https://port.example/lights">lighting plan</a> of the council.</p>
<p>The full text is at <a href="https://port.example/raw">https://port.example/raw</a> for all to read.</p>]]></description></item>
</channel></rss>
XML
}
summary_feed >"$W/notes.xml"
# feeds-file order: Zeta first, though Coastal sorts first by title
"$BIN" add "$BASE/notes.xml" >/dev/null 2>&1
"$BIN" add "$BASE/coastal.xml" >/dev/null 2>&1

tui_start 100 30 "$BIN"
# 4: add stored what it fetched
tui_expect tui_add_stored '^ N +Zeta Harbour Notes +2/2 '
tui_keys q
# the rest does not lean on that: a refresh stores the same
"$BIN" refresh >/dev/null 2>&1
tui_start 100 30 "$BIN"
tui_wait '^ Feeds' >/dev/null
# feeds in the order of the feeds file
tui_text >"$TMP/feeds"
order=$(grep -oE 'Zeta Harbour Notes|Coastal Wire' "$TMP/feeds" | tr '\n' ',')
expect_eq tui_feeds_file_order "Zeta Harbour Notes,Coastal Wire," "$order"
# 1: / and F filter the Feeds screen; Esc clears the filter, and does not quit
tui_keys / c o a s
tui_expect tui_feeds_filter '^ Feeds \(1\) +filter: coas'
tui_keys Enter
tui_text >"$TMP/f"
if grep -q 'Zeta' "$TMP/f"; then not_ok tui_feeds_filter_hides "$(cat "$TMP/f")"; else ok tui_feeds_filter_hides; fi
tui_keys Escape
tui_expect tui_feeds_filter_esc_clears '^ Feeds \(2\) *$'
tui_keys F z e
tui_expect tui_feeds_filter_F '^ Feeds \(1\) +filter: ze'
tui_keys Escape Escape Escape
sleep 0.3
tui_expect tui_feeds_esc_stays '^ Feeds \(2\) *$'

# 6: count prefixes, o in the Articles list
cat >"$TMP/browser.sh" <<SH
#!/bin/sh
printf '%s\n' "\$1" >>"$TMP/opened"
SH
chmod +x "$TMP/browser.sh"
printf 'browser %s %%u\n' "$TMP/browser.sh" >"$DATELINE_CONFIG"
tui_start 100 30 "$BIN"
tui_wait '^ Feeds' >/dev/null
tui_keys 4 j
sleep 0.3   # 4j from All unread lands on the fifth row, Coastal Wire
tui_expect_style tui_count_feeds "Coastal Wire" 'bg=[0-9]'
tui_keys Enter
tui_wait '^ Coastal Wire \(3\)' >/dev/null
tui_keys 2 j
tui_expect tui_count_articles ' 3/3 *$'
tui_keys o
if tui_wait 'opened in the browser'; then ok tui_articles_o_message; else not_ok tui_articles_o_message "$(tail -2 "$TMP/text")"; fi
expect_eq tui_articles_o_opens "https://coastal.example/2025/04/market" "$(cat "$TMP/opened" 2>/dev/null)"
# N toggles read, u goes to the next unread, n too in lists
tui_keys N
tui_expect tui_N_toggles_read 'marked unread'
tui_keys g j m
tui_wait 'marked read' >/dev/null
tui_keys g u
tui_expect tui_next_unread_u ' 3/3 *$'
tui_keys g n
tui_expect tui_next_unread_n ' 3/3 *$'
# unread-only view
tui_keys U
tui_expect tui_unread_only '^ Coastal Wire \(2\) +unread only'
tui_keys U
tui_expect tui_unread_only_off '^ Coastal Wire \(3\) *$'
# 9: dates in local time, readable
tui_keys g Enter
tui_expect tui_reader_date 'Thu 03 Apr 2025 09:00'
tui_text >"$TMP/r"
if grep -q '2025-04-03T09:00' "$TMP/r"; then not_ok tui_reader_date_not_raw "$(grep 2025 "$TMP/r")"; else ok tui_reader_date_not_raw; fi
# A marks the article's feed read, from the reader
tui_keys A
tui_expect tui_mark_feed_read 'marked every article of Coastal Wire read'
tui_keys q q
tui_expect tui_mark_feed_read_count '^ +Coastal Wire +0/3 '
tui_keys q

# 9: datetime-format and list-date-format
printf 'datetime-format %%d.%%m.%%Y at %%H.%%M\nlist-date-format %%d/%%m\n' >"$DATELINE_CONFIG"
tui_start 100 30 "$BIN"
tui_wait '^ Feeds' >/dev/null
tui_keys j j j j Enter
tui_expect tui_list_date_format '^ +03/04  +Coastal Wire'
tui_keys Enter
tui_expect tui_datetime_format '03\.04\.2025 at 09\.00'
tui_keys q q q
: >"$DATELINE_CONFIG"

# 8: links marked inline once, the address not twice
tui_start 100 40 "$BIN"
tui_wait '^ Feeds' >/dev/null
tui_keys j j j Enter
tui_wait 'Pier Lights' >/dev/null
tui_keys j Enter
tui_wait '^ +Links' >/dev/null
tui_text | sed 's/\xc2\xa0/ /g' >"$TMP/links"
if grep -q 'lighting plan \[1\] of' "$TMP/links"; then ok tui_link_marked_inline; else not_ok tui_link_marked_inline "$(grep -i lighting "$TMP/links")"; fi
if grep -qE '^ \[2\] https://port\.example/raw +│' "$TMP/links" && ! grep -qE 'raw( —)? https://port.example/raw' "$TMP/links"; then
	ok tui_link_url_once; else not_ok tui_link_url_once "$(grep -F '[2]' "$TMP/links")"; fi
# 7: the reason of a failure stays in sight; 2: s keeps the full article
tui_keys f
if tui_wait 'fetch failed: .*(404|Not Found)' 150; then ok tui_status_keeps_reason; else not_ok tui_status_keeps_reason "$(tail -1 "$TMP/text")"; fi
tui_keys q k s
tui_expect tui_save_fetches 'saved; fetching the full article|fetching [0-9]+s|full article stored: Tide Gauge' # a quick fetch may already be done
if tui_wait 'full article stored: Tide Gauge' 150; then ok tui_status_no_internal_id; else not_ok tui_status_no_internal_id "$(tail -1 "$TMP/text")"; fi
tui_keys q q
kill $srv 2>/dev/null; wait $srv 2>/dev/null; srv=
# offline now: the saved article is the full page
tui_start 100 30 "$BIN"
tui_wait '^ Feeds' >/dev/null
tui_keys j Enter
tui_wait 'Tide Gauge' >/dev/null
tui_keys Enter
tui_expect tui_saved_full_offline 'Engineers fixed a'
tui_keys q q q
# 3: dateline URL offline reads the store's copy and says so
tui_start 100 30 "$BIN" "$BASE/full.html"
tui_expect tui_url_offline_from_store 'Engineers fixed a'
tui_keys q
tui_text >"$TMP/t"
if grep -q 'offline: showing the copy of' "$TMP/t"; then ok tui_url_offline_says; else not_ok tui_url_offline_says "$(cat "$TMP/t")"; fi

# 12: back from an article opened from quote search, q leaves the search
tui_start 100 30 "$BIN"
tui_wait '^ Feeds' >/dev/null
tui_keys Q
tui_keys w a i t e d
tui_wait 'islanders have waited' >/dev/null
tui_keys Enter
tui_wait 'Ferry Service' >/dev/null
tui_keys q
tui_expect tui_qsearch_back_browse 'q or Esc closes'
tui_keys q
tui_expect tui_qsearch_q_leaves '^ Feeds \(2\)'
tui_text >"$TMP/t"
if grep -q '^ Q waitedq' "$TMP/t"; then not_ok tui_qsearch_q_not_typed; else ok tui_qsearch_q_not_typed; fi

# 11: help follows the bindings: with q unbound it does not offer q
printf 'unbind q\n' >"$DATELINE_CONFIG"
tui_start 120 30 "$BIN"
tui_wait '^ Feeds' >/dev/null
tui_keys '?'
tui_expect tui_help_title_follows_binds 'keys \(h Left or \? F1 or Esc to close'
tui_text >"$TMP/h"
if grep -q 'keys (q' "$TMP/h"; then not_ok tui_help_no_unbound_q "$(head -1 "$TMP/h")"; else ok tui_help_no_unbound_q; fi
tui_keys G
tui_expect tui_help_lists_extra_keys 'answer a question'
tui_keys Escape X
: >"$DATELINE_CONFIG"
if grep -q 'every feed for now' "$ROOT/config.example"; then not_ok tui_config_example_r "config.example misdescribes r"; else ok tui_config_example_r; fi

# tags (t), query feeds (@speaker and words), the killfile, export (E), mouse clicks
sed -i -e "s|^\($BASE/coastal.xml.*\)$|\1 coast|" -e "s|^\($BASE/notes.xml.*\)$|\1 harbour|" "$FEEDS"
"$BIN" refresh >/dev/null 2>&1   # the server is gone: the feeds fail, their tags are stored all the same
cat >"$DATELINE_CONFIG" <<'CFG'
query-feed Abernathy quoted: @Abernathy
query-feed Lighthouse: lighthouse
ignore-article title fish market
CFG
tui_start 100 30 "$BIN"
tui_wait '^ Feeds' >/dev/null
tui_expect tui_query_feed_row '^ \? +Abernathy quoted +query: @Abernathy'
tui_keys j j j Enter
tui_expect tui_query_feed_speaker '^ Abernathy quoted \(1\)'
tui_expect tui_query_feed_speaker_item 'Ferry Service to Gull Island'
tui_keys q j Enter
tui_expect tui_query_feed_words '^ Lighthouse \(1\)'
tui_keys q G Enter
tui_expect tui_killfile_hides '^ Coastal Wire \(2\)'
tui_text >"$TMP/k"
if grep -q 'Fish Market' "$TMP/k"; then not_ok tui_killfile_hides_row "$(cat "$TMP/k")"; else ok tui_killfile_hides_row; fi
tui_keys g E
tui_expect tui_export_asks 'export to \(Enter writes, Esc cancels\): .*/dateline-[0-9]+\.md'
tui_keys Enter
if tui_wait 'exported to .*dateline-[0-9]+\.md' 100; then ok tui_export_done; else not_ok tui_export_done "$(tail -1 "$TMP/text")"; fi
if grep -q '^# Ferry Service to Gull Island' "$HOME"/dateline-*.md 2>/dev/null; then ok tui_export_markdown; else
	not_ok tui_export_markdown "$(head -3 "$HOME"/dateline-*.md 2>&1)"; fi
tui_keys q t
tui_expect tui_tag_first '^ Feeds \(1\) +tag: coast'
tui_text >"$TMP/t1"
if grep -q 'Zeta' "$TMP/t1"; then not_ok tui_tag_filters "$(cat "$TMP/t1")"; else ok tui_tag_filters; fi
tui_keys t
tui_expect tui_tag_next '^ Feeds \(1\) +tag: harbour'
tui_keys t
tui_expect tui_tag_all '^ Feeds \(2\) *$'
# a click selects the row (Saved: the fourth line), a second click opens it
tui_keys g
tmux -L "$TUI_SOCK" send-keys -t t -l $'\e[<0;10;4M'
tmux -L "$TUI_SOCK" send-keys -t t -l $'\e[<0;10;4m'
sleep 0.3
tui_expect_style tui_mouse_click_selects "Saved" 'bg=[0-9]'
tmux -L "$TUI_SOCK" send-keys -t t -l $'\e[<0;10;4M'
tmux -L "$TUI_SOCK" send-keys -t t -l $'\e[<0;10;4m'
tui_expect tui_mouse_click_opens '^ Saved \([0-9]+\)'
tui_keys q q
: >"$DATELINE_CONFIG"

# C marks everything read, after asking
tui_start 100 30 "$BIN"
tui_wait '^ Feeds' >/dev/null
tui_keys j j j m 2>/dev/null
tui_keys C
tui_expect tui_mark_all_asks 'Mark every article of every feed read\? \(y/n\)'
tui_keys n
tui_expect tui_mark_all_cancel 'cancelled'
tui_keys C y
tui_expect tui_mark_all_read '^ +All unread +0 *$'

# 5: D unsubscribes from the Feeds screen; the starred article stays
"$BIN" list --feed "$BASE/coastal.xml" --json >"$TMP/items.json" 2>/dev/null
sid=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["id"])' "$TMP/items.json" 2>/dev/null)
"$BIN" mark "$sid" star >/dev/null 2>&1
tui_keys g j j j j
tui_wait 'Coastal' >/dev/null
tui_keys D
tui_expect tui_remove_asks 'Unsubscribe from Coastal Wire\? Saved and starred articles stay\. \(y/n\)'
tui_keys y
tui_expect tui_remove_done 'removed Coastal Wire \(its saved and starred articles stay\)'
tui_expect tui_remove_leaves_screen '^ Feeds \(1\)'
tui_expect tui_remove_starred_stays '^ +Starred +1 *$'
if grep -q coastal.xml "$FEEDS"; then not_ok tui_remove_feeds_file "$(cat "$FEEDS")"; else ok tui_remove_feeds_file; fi
tui_keys q
# 5: a line removed from the feeds file takes its feed off the screen (and out of the store)
"$BIN" add --no-check "$BASE/coastal.xml" >/dev/null 2>&1
"$BIN" refresh >/dev/null 2>&1   # the server is gone: the feed is in the store, with its error
tui_start 100 30 "$BIN"
tui_wait '^ Feeds \(2\)' >/dev/null
tui_keys q
grep -v coastal.xml "$FEEDS" >"$TMP/feeds.new" && cp "$TMP/feeds.new" "$FEEDS"
tui_start 100 30 "$BIN"
tui_expect tui_feeds_file_line_removed '^ Feeds \(1\)'
tui_expect tui_feeds_file_line_removed_other_stays '^ [ !N] +Zeta Harbour Notes'
tui_keys q
if "$BIN" status 2>&1 | grep -q coastal; then not_ok tui_feeds_file_line_removed_store "$("$BIN" status 2>&1)"; else ok tui_feeds_file_line_removed_store; fi

# 13: the refresh shows its full-text stage; refresh-on-startup starts it unasked
serve 2
summary_feed >"$W/notes.xml"
"$BIN" add --tag fulltext "$BASE/notes.xml" >/dev/null 2>&1
printf 'refresh-on-startup yes\n' >"$DATELINE_CONFIG"
tui_start 100 30 "$BIN"
tui_expect tui_refresh_on_startup 'refreshing [0-9]+s'
if tui_wait 'refreshing [0-9]+s: full text' 150; then ok tui_refresh_fulltext_progress; else not_ok tui_refresh_fulltext_progress "$(tail -1 "$TMP/text")"; fi
tui_wait 'refresh (done|ended)' 150 >/dev/null
# reload-time: a refresh comes by itself while the screen is open
printf 'reload-time 0.05\n' >"$DATELINE_CONFIG"
tui_start 100 30 "$BIN"
tui_wait '^ Feeds' >/dev/null
tui_keys j
if tui_wait 'refreshing [0-9]+s' 100; then ok tui_reload_time; else not_ok tui_reload_time "$(tail -1 "$TMP/text")"; fi
tui_wait 'refresh (done|ended)' 150 >/dev/null
tui_expect_style tui_reload_keeps_cursor "Saved" 'bg=[0-9]'
tui_keys q

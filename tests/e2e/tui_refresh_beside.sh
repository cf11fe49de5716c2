#!/bin/bash
# Two processes at once (issue 13): the interface open on a store while `dateline refresh` runs in
# another process against feeds with new items. The user keeps writing (m toggles read, * stars)
# while the refresh commits: no "database is locked" (nor "busy") ever shows on the screen, the
# refresh ends well, and the interface sees the new items: the Feeds screen by itself (it watches
# for other processes' commits), a feed's list when opened again.
#   TUI_BESIDE_FEEDS (default 40) sets how many full-text feeds the refresh brings.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/netlib.sh"
. "$ROOT/tests/tui/tmux.sh"

if ! tui_have; then
	skip tui_refresh_beside "tmux or python3 missing (scripts/deps.sh installs them)"
	exit 0
fi
if ! start_httpd 600 --bench-feeds 8 --bench-items 20 --bench-words 300; then
	skip tui_refresh_beside "python3 or tests/httpd.py could not start"
	exit 0
fi
trap 'kill "$HTTPD_PID" 2>/dev/null; tui_cleanup' EXIT
use_fresh_dirs beside
export DATELINE_DB="$DATELINE_DATA_DIR/dateline.db" DATELINE_CONFIG=/dev/null

# the store as the user left it: one feed, three items ("Feed wire"; each fetch adds an item)
echo "$BASE/changing/wire" >"$DATELINE_CONFIG_DIR/feeds"
if ! "$BIN" refresh --quiet >/dev/null 2>"$TMP/err"; then
	not_ok tui_beside_setup "$(cat "$TMP/err")"
	exit 0
fi
# then subscribed to 40 full-text feeds more (8 feeds under five addresses): a refresh of some seconds
{
	echo "$BASE/changing/wire"
	for k in $(seq 1 $(((${TUI_BESIDE_FEEDS:-40} + 7) / 8))); do
		for i in 0 1 2 3 4 5 6 7; do echo "$BASE/bench/$i.xml?copy=$k"; done
	done
} >"$DATELINE_CONFIG_DIR/feeds"
nfeeds=$(wc -l <"$DATELINE_CONFIG_DIR/feeds")

tui_start 120 40 "$BIN"
tui_expect tui_beside_feeds '^ Feeds \(1\)'
tui_expect tui_beside_wire_before '^ N +Feed wire +3/3 '
tui_keys j j j Enter
tui_expect tui_beside_articles '^ Feed wire \(3\)'

# the refresh in another process; meanwhile the user writes, and every screen is looked at
: >"$TMP/screens"
"$BIN" refresh --quiet --jobs 4 >/dev/null 2>"$TMP/refresh.err" &
rpid=$!
rounds=0
while kill -0 "$rpid" 2>/dev/null && [ $rounds -lt 600 ]; do
	rounds=$((rounds + 1))
	case $((rounds % 3)) in
	0) tui_keys m ;;
	1) tui_keys '*' ;;
	2) tui_keys j ;;
	esac
	sleep 0.02
	# the plain text (no styles): fast enough to see each answer before the next key replaces it
	tmux -L "$TUI_SOCK" capture-pane -p -t t >>"$TMP/screens"
done
wait "$rpid"
expect_eq tui_beside_refresh_exit 0 $?
tui_text >>"$TMP/screens"
shown=$(grep -ciE 'locked|busy' "$TMP/screens")
said=$(grep -ciE 'locked|busy' "$TMP/refresh.err")
if [ "$shown" = 0 ] && [ "$said" = 0 ]; then
	ok tui_beside_never_locked
else
	not_ok tui_beside_never_locked "screen: $(grep -iE 'locked|busy' "$TMP/screens" | sort -u | head -3 | tr -s ' '); refresh: $(head -3 "$TMP/refresh.err")"
fi
echo "# $rounds writes and screens beside the refresh"
writes=$(grep -cE 'marked (un)?read|starred|unstarred' "$TMP/screens")
if [ "$writes" -gt 0 ]; then ok tui_beside_user_wrote; else not_ok tui_beside_user_wrote "no mark confirmed on screen in $rounds rounds"; fi

# back on the Feeds screen: every new feed with its items, and the wire's new item
tui_keys q
tui_expect tui_beside_new_feeds "^ Feeds \\($nfeeds\\)"
tui_expect tui_beside_new_items '^ N +Full bench[0-9] +20/20 '
tui_expect tui_beside_wire_after ' +Feed wire +[0-9]+/4 '
tui_keys g j j j Enter
tui_expect tui_beside_wire_list '^ Feed wire \(4\)'
tui_expect tui_beside_wire_new_item 'wire item 3 v1'
tui_keys q

# sitting on the Feeds screen, no key pressed: another refresh's new item shows by itself
tui_wait '^ Feeds' >/dev/null
"$BIN" refresh --quiet --jobs 4 >/dev/null 2>"$TMP/err"
tui_expect tui_beside_feeds_watch ' +Feed wire +[0-9]+/5 '
tui_text >"$TMP/last"
if grep -qiE 'locked|busy' "$TMP/last"; then not_ok tui_beside_never_locked_after "$(grep -iE 'locked|busy' "$TMP/last")"; else ok tui_beside_never_locked_after; fi
tui_keys q
tui_expect tui_beside_quits 'TUI-EXITED 0'

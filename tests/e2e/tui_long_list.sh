#!/bin/bash
# A long list in the interface: a feed of 450 items opens with its first rows at once and the rest
# read right after (a feed of 10,000 items in a store of a million is a read per item). The whole
# list must be there, each item once, in order: its count, the last row (G), the filter finding the
# oldest item, and the item after the first part (row 201) are what a list read in one go shows.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/tui/tmux.sh"

if ! tui_have; then
	skip tui_long_list "tmux or python3 missing (scripts/deps.sh installs them)"
	exit 0
fi
export DATELINE_DB="$TMP/store.db" DATELINE_CONFIG=/dev/null
N=450
python3 - "$N" >"$TMP/long.xml" <<'PY'
import email.utils, sys
n = int(sys.argv[1])
print('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Long Wire</title>'
      '<link>https://long.example.org/</link>')
# one day apart, newest first, but items 2k and 2k+1 share their time: the order rests on the id too
for i in range(n, 0, -1):
    when = email.utils.formatdate(1600000000 + (i // 2) * 86400, usegmt=True)
    print('<item><title>Harbour report number %d</title><link>https://long.example.org/%d</link>'
          '<guid>long-%d</guid><pubDate>%s</pubDate>'
          '<description>The harbour council met for the %dth time.</description></item>' % (i, i, i, when, i))
print('</channel></rss>')
PY
if ! "$BIN" import-feed "$TMP/long.xml" >/dev/null 2>"$TMP/err"; then
	not_ok tui_long_setup "$(cat "$TMP/err")"
	exit 0
fi
stored=$("$BIN" list --limit 0 | wc -l)
expect_eq tui_long_stored "$N" "$stored"

tui_start 120 40 "$BIN"
tui_wait '^ Feeds' >/dev/null
tui_keys j j j Enter
tui_expect tui_long_whole_count "^ Long Wire \\($N\\)"
tui_keys G
tui_expect tui_long_last_row " $N/$N"
tui_expect tui_long_oldest_last 'Harbour report number 1 *$'
# row 201, the first after the first part: the same item as in the list read in one go
tui_keys g
tui_keys 2 0 0 j
tui_expect tui_long_row_201 " 201/$N"
want=$("$BIN" list --limit 0 | sed -n 201p | grep -o 'Harbour report number [0-9]*')
tui_keys Enter
tui_expect tui_long_row_201_item "^ $want( |$)"
tui_keys q
tui_wait '^ Long Wire' >/dev/null
tui_keys / n u m b e r ' ' 3 Enter
tui_expect tui_long_filter_finds_old '^ Long Wire \([0-9]+\) +filter: number 3'
tui_expect tui_long_filter_oldest 'Harbour report number 3 *$'
tui_keys Escape q q
tui_expect tui_long_quits 'TUI-EXITED 0'

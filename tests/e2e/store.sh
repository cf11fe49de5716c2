#!/bin/bash
# End-to-end: the store commands on real database files (save, import-feed, list, search, quotes,
# export, mark, purge), and a corrupt, read-only and full store giving clear errors, losing nothing.
. "$(dirname "$0")/lib.sh"

DB="$TMP/store/dateline.db"
export DATELINE_DB="$DB"

# make_feed FILE NAME N [FIRST]: an RSS file of N items
make_feed() {
	python3 - "$@" <<'PY'
import sys
path, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
out = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>%s</title>'
       '<link>https://example.org/%s</link><description>test</description>' % (name, name)]
for i in range(first, first + n):
    out.append('<item><title>%s story %d on the harbour ferry</title><link>https://example.org/%s/%d</link>'
               '<guid>%s-%d</guid><pubDate>Mon, %02d Mar 2025 10:00:00 GMT</pubDate>'
               '<description>The council met about the ferry number %d. Residents said the timetable '
               'changed twice in a month, and the mayor promised a review.</description></item>'
               % (name, i, name, i, name, i, 1 + i % 28, i))
out.append('</channel></rss>')
open(path, 'w').write(''.join(out))
PY
}

cat >"$TMP/article.txt" <<'TXT'
Harbour Board Approves New Ferry Timetable

PORTSMOUTH, England (Reuters) — The harbour board on Tuesday approved a new ferry timetable after months of complaints.

"This timetable gives families their evenings back," said Margaret Ellison, the board's chair.

Operators warned that the changes would cost money. "We will need more crews," said Tom Brady, a union official.
TXT

out=$("$BIN" save "$TMP/article.txt" 2>&1)
expect_match store-save '^[0-9]+  Harbour Board' "$out"
art_id=${out%% *}
mode=$(stat -c %a "$DB" 2>/dev/null)
expect_eq store-file-mode 600 "$mode"
expect_eq store-dir-mode 700 "$(stat -c %a "$TMP/store")"

"$BIN" list --json >"$TMP/list.json"
expect_eq store-list-saved "Harbour Board Approves New Ferry Timetable" "$(jget "$TMP/list.json" 'j[0]["title"]')"
expect_eq store-list-saved-flag true "$(jget "$TMP/list.json" 'j[0]["saved"]')"

"$BIN" export "$art_id" --format json >"$TMP/export.json"
"$BIN" show --json "$TMP/article.txt" >"$TMP/show.json"
same=$(python3 - "$TMP/export.json" "$TMP/show.json" <<'PY'
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
keys = ["headline", "byline", "dateline", "sections", "quotes", "entities", "links"]
print("same" if all(a[k] == b[k] for k in keys) else "differ: " + ",".join(k for k in keys if a[k] != b[k]))
PY
)
expect_eq store-export-json-matches-show same "$same"
md=$("$BIN" export "$art_id" --format markdown)
expect_match store-export-markdown '^# Harbour Board Approves New Ferry Timetable' "$md"
expect_match store-export-markdown-dateline 'Portsmouth' "$md"
txt=$("$BIN" export "$art_id")
expect_match store-export-text 'Harbour Board Approves' "$txt"
"$BIN" export 99999 >/dev/null 2>"$TMP/err"
expect_eq store-export-missing-status 1 $?
expect_match store-export-missing-message 'no item 99999' "$(cat "$TMP/err")"

# feeds through the same path as a refresh, with --db given per command and globally
make_feed "$TMP/a.xml" alpha 8
out=$("$BIN" import-feed --db "$DB" "$TMP/a.xml")
expect_match store-import-feed '8 new, 0 changed' "$out"
out=$("$BIN" --db "$DB" import-feed "$TMP/a.xml")
expect_match store-import-again-unchanged '0 new, 0 changed, 8 unchanged' "$out"
n=$("$BIN" list --feed alpha --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_eq store-list-feed 8 "$n"
n=$("$BIN" list --limit 3 --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_eq store-list-limit 3 "$n"
first=$("$BIN" list --feed alpha --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$BIN" mark "$first" read && "$BIN" mark "$first" star
n=$("$BIN" list --feed alpha --unread --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_eq store-mark-read 7 "$n"
"$BIN" mark "$first" bogus 2>/dev/null
expect_eq store-mark-usage 2 $?
"$BIN" mark 99999 read 2>/dev/null
expect_eq store-mark-missing 1 $?
"$BIN" list --feed nosuchfeed 2>"$TMP/err" >/dev/null
expect_match store-list-unknown-feed "no feed 'nosuchfeed'" "$(cat "$TMP/err")"

# search: words, prefixes, phrases, snippets; a query FTS5 cannot read gets a clear message
"$BIN" search timetable --json >"$TMP/s.json"
expect_eq store-search-word "$art_id" "$(jget "$TMP/s.json" 'j[0]["id"]')"
expect_match store-search-snippet 'timetable' "$(jget "$TMP/s.json" 'j[0]["snippet"]')"
n=$("$BIN" search 'ferr*' --json --limit 100 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_eq store-search-prefix 9 "$n"
n=$("$BIN" search '"ferry number 3"' --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_eq store-search-phrase 1 "$n"
"$BIN" search '(((' >/dev/null 2>"$TMP/err"
expect_eq store-search-bad-status 1 $?
expect_match store-search-bad-message "cannot search for '\(\(\('" "$(cat "$TMP/err")"
"$BIN" search 'Reuters)' >/dev/null 2>&1
expect_eq store-search-literal-retry 0 $?

# quotations: only as good as the quote finder on this branch
nq=$(jget "$TMP/show.json" 'len(j["quotes"])')
if [ "$nq" -gt 0 ]; then
	speaker=$(jget "$TMP/show.json" '[q["speaker"] for q in j["quotes"] if q["speaker"]][0]')
	last=${speaker##* }
	"$BIN" quotes --speaker "$last" --json >"$TMP/q.json"
	expect_eq store-quotes-speaker "$speaker" "$(jget "$TMP/q.json" 'j[0]["speaker"]')"
	expect_eq store-quotes-item "$art_id" "$(jget "$TMP/q.json" 'j[0]["item"]')"
	n=$("$BIN" quotes --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
	expect_eq store-quotes-all "$nq" "$n"
else
	skip store-quotes-speaker "the quote finder on this branch finds no quotation in the sample"
fi
"$BIN" quotes --since yesterday 2>/dev/null
expect_eq store-quotes-bad-since 2 $?

# retention: starred items stay
out=$("$BIN" purge --feed alpha --max-items 2)
expect_eq store-purge "5 items purged" "$out"
n=$("$BIN" list --feed alpha --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_eq store-purge-kept 3 "$n"
n=$("$BIN" list --starred --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_eq store-purge-starred-kept 1 "$n"

# a saved retention applies to every later refresh of every feed
"$BIN" purge --max-items 4 --save >/dev/null
make_feed "$TMP/b.xml" beta 9
out=$("$BIN" import-feed "$TMP/b.xml")
expect_match store-retention-saved '9 new, 0 changed, 0 unchanged, 5 purged' "$out"
"$BIN" purge >/dev/null
expect_eq store-purge-uses-saved 0 $?

# a corrupt store: a clear error, the file untouched
cp "$DB" "$TMP/good.db"
printf 'garbage, not a database %.0s' $(seq 1 300) >"$TMP/junk.db"
sum_before=$(md5sum <"$TMP/junk.db")
"$BIN" --db "$TMP/junk.db" list >/dev/null 2>"$TMP/err"
expect_eq store-corrupt-status 1 $?
expect_match store-corrupt-message 'damaged or not a database' "$(cat "$TMP/err")"
expect_eq store-corrupt-untouched "$sum_before" "$(md5sum <"$TMP/junk.db")"

# a read-only store: reading works, writing says why not (as another user when we are root)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	ro="$TMP/ro"
	mkdir -p "$ro" && cp "$TMP/good.db" "$ro/dateline.db" && chmod 755 "$TMP" "$ro" && chmod 644 "$ro/dateline.db"
	as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups env DATELINE_DB="$ro/dateline.db" "$BIN" "$@"; }
	n=$(as_nobody list --json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
	expect_eq store-readonly-list "$("$BIN" --db "$TMP/good.db" list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" "$n"
	as_nobody mark "$art_id" star 2>"$TMP/err"
	expect_eq store-readonly-write-status 1 $?
	expect_match store-readonly-write-message 'read-only' "$(cat "$TMP/err")"
else
	chmod 444 "$DB"
	if [ -w "$DB" ]; then
		skip store-readonly "cannot make a file read-only for this user"
	fi
	chmod 600 "$DB"
fi

# a full disk (a small tmpfs): a clear error, nothing stored before is lost
mnt="$TMP/full"
trap 'umount "$mnt" 2>/dev/null; rm -rf "$TMP"' EXIT
mkdir -p "$mnt"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=400k tmpfs "$mnt" 2>/dev/null; then
	fdb="$mnt/dateline.db"
	make_feed "$TMP/small.xml" small 5
	"$BIN" --db "$fdb" import-feed "$TMP/small.xml" >/dev/null
	status=0
	for i in $(seq 1 40); do
		make_feed "$TMP/big.xml" "big$i" 60
		"$BIN" --db "$fdb" import-feed "$TMP/big.xml" >/dev/null 2>"$TMP/err" || { status=$?; break; }
	done
	expect_eq store-full-status 1 "$status"
	expect_match store-full-message 'disk is full' "$(cat "$TMP/err")"
	n=$("$BIN" --db "$fdb" list --feed small --json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
	expect_eq store-full-nothing-lost 5 "$n"
	ic=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma integrity_check").fetchone()[0])' "$fdb")
	expect_eq store-full-integrity ok "$ic"
	umount "$mnt"
else
	skip store-full-disk "cannot mount a small tmpfs here (needs root); the unit test covers it with max_page_count"
fi

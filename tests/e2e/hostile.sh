#!/bin/bash
# Hostile feeds and pages (tests/hostile/make.py writes them): terminal escape tricks never act in
# text output or on the screen, XML entity attacks read no file and stay small, a link built to
# run a shell reaches the browser as one argument, and OPML import takes http(s) only.
. "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
	skip hostile "python3 missing (scripts/deps.sh installs it)"
	exit 0
fi
H="$TMP/h"
mkdir -p "$H"
python3 "$ROOT/tests/hostile/make.py" "$H" || { not_ok hostile_inputs; exit 0; }
export DATELINE_DB="$TMP/store.db" DATELINE_CONFIG_DIR="$TMP/cfg" DATELINE_DATA_DIR="$TMP/data"
mkdir -p "$DATELINE_CONFIG_DIR"

# run NAME [args]: dateline ARGS into $TMP/NAME.out, an exit status other than 0 fails NAME_runs
run() {
	name=$1; shift
	if "$BIN" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"; then ok "${name}_runs"; else not_ok "${name}_runs" "$(head -c 300 "$TMP/$name.err")"; fi
}
# the words around each trick are kept: a sanitiser that dropped whole lines would pass no_tricks
keeps_text() {
	if grep -q 'Safe.\{0,2\}OVERWRITE back.\{0,3\}space .\{0,3\}reversed' "$2"; then ok "$1"; else not_ok "$1" "$(head -c 400 "$2")"; fi
}

# --- text output of feed, show and list, from files ---
for f in hostile.json hostile.xml; do
	n=${f/./_}
	run "feed_$n" feed "$H/$f"
	no_tricks "feed_${n}_clean" "$TMP/feed_$n.out"
	no_tricks "feed_${n}_stderr_clean" "$TMP/feed_$n.err"
done
keeps_text feed_json_keeps_text "$TMP/feed_hostile_json.out"
for f in hostile.html hostile.txt; do
	for fmt in text body; do
		n=show_${f/./_}_$fmt
		run "$n" show --format "$fmt" "$H/$f"
		no_tricks "${n}_clean" "$TMP/$n.out"
	done
done
keeps_text show_text_keeps_text "$TMP/show_hostile_txt_text.out"
# JSON escapes instead of stripping: the control characters come back intact once decoded
run feed_json_json feed --json "$H/hostile.json"
no_tricks feed_json_json_raw_clean "$TMP/feed_json_json.out"
got=$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print("\x1b]8;;" in j["items"][0]["title"] and "\r" in j["items"][0]["title"])' "$TMP/feed_json_json.out" 2>&1)
expect_eq feed_json_escapes_not_strips True "$got"

# --- the store: list, quotes and status print what the feed said ---
run import_hostile import-feed "$H/hostile.json" "$H/hostile.xml"
for c in list status quotes; do
	run "store_$c" "$c"
	no_tricks "store_${c}_clean" "$TMP/store_$c.out"
done
expect_match store_list_has_items 'Title .*RED' "$(cat "$TMP/store_list.out")"
id=$("$BIN" list --json 2>/dev/null | python3 -c 'import json,sys; j=json.load(sys.stdin); print(next(a["id"] for a in j if a["title"].startswith("Title")))' 2>/dev/null)
if [ -n "$id" ]; then
	run store_export export "$id" --format text
	no_tricks store_export_clean "$TMP/store_export.out"
else
	not_ok store_export_runs "no id for the hostile item in list --json"
fi

# --- the same feed and page from the local test server ---
mkdir -p "$TMP/www"
cp "$H"/hostile.* "$TMP/www/"
python3 "$ROOT/tests/tui/slow_server.py" "$TMP/www" 0 "$TMP/port" &
srv=$!
trap 'kill $srv 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
url="http://127.0.0.1:$(cat "$TMP/port" 2>/dev/null)"
run net_feed feed "$url/hostile.json"
no_tricks net_feed_clean "$TMP/net_feed.out"
keeps_text net_feed_keeps_text "$TMP/net_feed.out"
run net_show show "$url/hostile.html"
no_tricks net_show_clean "$TMP/net_show.out"

# --- XML attacks: nothing from secret.txt, entities left as written, memory small ---
# maxrss COMMAND...: peak resident KiB of the command (its output kept in $TMP/rss.out)
maxrss() {
	python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], "wb"), stderr=subprocess.STDOUT)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$TMP/rss.out" "$@"
}
# A billion laughs expanded is 3 GB; 400 MB leaves room for sanitizer and valgrind runs.
for t in "feed xxe.xml" "feed laughs.xml" "show xxe.html" "feed --json xxe.xml"; do
	set -- $t
	n=xml_$(echo "$t" | tr -c 'a-z0-9\n' _)
	kb=$(maxrss "$BIN" "$1" ${3:+"$2"} "$H/${3:-$2}")
	if grep -q SECRET-MARKER "$TMP/rss.out"; then not_ok "${n}_no_file" "$(grep SECRET "$TMP/rss.out" | head -2)"; else ok "${n}_no_file"; fi
	if [ "${kb:-999999}" -lt 409600 ]; then ok "${n}_memory"; else not_ok "${n}_memory" "${kb} KiB"; fi
	if grep -q 'lollollol' "$TMP/rss.out"; then not_ok "${n}_no_expansion"; else ok "${n}_no_expansion"; fi
done
expect_match xml_xxe_entity_kept '&xxe;' "$(grep -m1 XXE "$TMP/feed_xxe_xml.out" 2>/dev/null || "$BIN" feed "$H/xxe.xml" 2>&1)"
# OPML with the same DOCTYPE: nothing read, nothing subscribed from the file's text
"$BIN" import "$H/xxe.opml" >"$TMP/opml_xxe.out" 2>&1
"$BIN" feeds >>"$TMP/opml_xxe.out" 2>&1
if grep -q SECRET-MARKER "$TMP/opml_xxe.out" "$DATELINE_CONFIG_DIR/feeds" 2>/dev/null; then not_ok opml_xxe_no_file; else ok opml_xxe_no_file; fi
no_tricks opml_xxe_clean "$TMP/opml_xxe.out"

# --- OPML import: http and https only, the rest refused with a message ---
rm -f "$DATELINE_CONFIG_DIR/feeds"
"$BIN" import "$H/schemes.opml" >"$TMP/schemes.out" 2>&1
expect_match opml_schemes_message 'imported 1 feed, 5 skipped \(only http and https URLs: javascript:alert\(1\)\)' "$(cat "$TMP/schemes.out")"
expect_eq opml_schemes_only_https "https://good.example/feed \"~good\"" "$(grep -v '^#' "$DATELINE_CONFIG_DIR/feeds")"
if [ -e "$H/pwned3" ]; then not_ok opml_exec_not_run; else ok opml_exec_not_run; fi
# add refuses the same schemes
for u in 'javascript:alert(1)' 'file:///etc/passwd' "exec:touch $H/pwned4"; do
	"$BIN" add "$u" >/dev/null 2>"$TMP/add.err"
	rc=$?
	expect_match "add_refuses_${u%%:*}" 'http' "rc=$rc $(cat "$TMP/add.err")"
done
if [ -e "$H/pwned4" ]; then not_ok add_exec_not_run; else ok add_exec_not_run; fi

# --- the interface, through tmux: the stored hostile feed, and `o` on its shell-bait link ---
if ! command -v tmux >/dev/null 2>&1; then
	skip hostile_tui "tmux missing (scripts/deps.sh installs it)"
	exit 0
fi
. "$ROOT/tests/tui/tmux.sh"
trap 'kill $srv 2>/dev/null; tui_cleanup' EXIT
cat >"$TMP/browser" <<'SH'
#!/bin/sh
printf '%s\n' "$#" >"$BROWSER_LOG"
for a in "$@"; do printf '[%s]\n' "$a" >>"$BROWSER_LOG"; done
SH
chmod +x "$TMP/browser"
printf 'browser %s %%u\n' "$TMP/browser" >"$TMP/config"
export DATELINE_CONFIG="$TMP/config"
# screen_clean NAME: the captured screen carries no sequence but colours (SGR), and no bidi controls
screen_clean() {
	tui_capture
	bad=$(python3 - "$TMP/cap" <<'PY'
import re, sys
t = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
t = re.sub("\x1b\\[[0-9;:]*m", "", t)  # capture-pane -e writes the cells' colours as SGR
m = re.search("[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]", t)
print(repr(t[max(0, m.start() - 30):m.end() + 10]) if m else "")
PY
)
	if [ -n "$bad" ]; then not_ok "$1" "$bad"; else ok "$1"; fi
}
tui_start 160 40 "BROWSER_LOG=$TMP/browser.log $BIN"
tui_expect tui_hostile_feeds 'Feed .*RED'
screen_clean tui_hostile_feeds_clean
tui_keys Enter
tui_expect tui_hostile_articles 'Title .*RED'
screen_clean tui_hostile_articles_clean
# the JSON Feed's first item carries the shell-bait link: the filter line finds it
tui_keys / T i t l e Enter
tui_expect tui_hostile_filter 'filter: [Tt]itle'
tui_keys Enter
tui_expect tui_hostile_reader 'Safe.?OVERWRITE back.{0,3}space .?reversed'
screen_clean tui_hostile_reader_clean
tui_expect_style tui_hostile_no_colour_from_text "RED" 'fg=(d|231|15|7|252|253|254|255) '
tui_keys o
tui_expect tui_open_link_message 'opened in the browser'
link="https://hostile.example/a?x=\$(touch $H/pwned)&y=\`touch $H/pwned2\`;z \"q\" it's"
expect_eq tui_open_link_one_argument "1
[$link]" "$(cat "$TMP/browser.log" 2>/dev/null)"
if [ -e "$H/pwned" ] || [ -e "$H/pwned2" ]; then not_ok tui_open_link_no_shell; else ok tui_open_link_no_shell; fi
tui_keys q q q

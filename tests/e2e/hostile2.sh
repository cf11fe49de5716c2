#!/bin/bash
# Hostile input, round two (issue 19): every text the program prints passes the sanitiser (file
# names and config values in errors, the OPML export), URLs with controls are refused at import,
# and the sanitiser drops the invisible characters that reorder or hide text.
. "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
	skip hostile2 "python3 missing (scripts/deps.sh installs it)"
	exit 0
fi
export DATELINE_DB="$TMP/store.db" DATELINE_CONFIG_DIR="$TMP/cfg" DATELINE_DATA_DIR="$TMP/data"
mkdir -p "$DATELINE_CONFIG_DIR" "$TMP/d"

# --- F7: file names in error messages (a crafted name must not set the title or clear the screen) ---
bad="$TMP/d/$(printf 'news\033]0;pwned\007\033[2J\302\233""31m.html')"
for c in show read save import import-feed; do
	"$BIN" $c "$bad" >"$TMP/name_$c.out" 2>"$TMP/name_$c.err" </dev/null
	no_tricks "error_file_name_${c//-/_}_clean" "$TMP/name_$c.err"
done
expect_match error_file_name_kept 'd/news' "$(cat "$TMP/name_show.err")"
"$BIN" --db "$TMP/nodir/$(printf '\033[2Jx')/s.db" list >/dev/null 2>"$TMP/name_db.err"
no_tricks error_db_name_clean "$TMP/name_db.err"
"$BIN" search "$(printf 'zzqq\033]0;t\007')" >/dev/null 2>"$TMP/search.err"
no_tricks error_search_query_clean "$TMP/search.err"

# --- F8: config and theme values echoed in errors ---
echo "plain text" >"$TMP/a.txt"
printf 'theme \033]0;pwned\007x\n' >"$TMP/config_theme"
DATELINE_CONFIG="$TMP/config_theme" "$BIN" read "$TMP/a.txt" </dev/null >/dev/null 2>"$TMP/theme.err"
no_tricks error_theme_value_clean "$TMP/theme.err"
expect_match error_theme_value_reported "theme 'x' not found" "$(cat "$TMP/theme.err")"
printf '\033[31mcolour red\n' >"$TMP/config_key"
DATELINE_CONFIG="$TMP/config_key" "$BIN" read "$TMP/a.txt" </dev/null >/dev/null 2>"$TMP/key.err"
no_tricks error_config_key_clean "$TMP/key.err"
expect_match error_config_key_reported 'line 1: colour: unknown option' "$(cat "$TMP/key.err")"
"$BIN" refresh --timeout "$(printf '\033[2J5x')" >/dev/null 2>"$TMP/opt.err"
no_tricks error_option_value_clean "$TMP/opt.err"

# --- F6: OPML export prints no controls; URLs with controls are refused at import ---
python3 - "$TMP/in.opml" <<'PY'
import sys
c1, rlo, esc = "\u009b", "\u202e", "\x1b"
opml = f"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>t</title></head><body>
<outline text="Folder{c1}2J{rlo}x">
  <outline text="Title{c1}31m{rlo}gnp.exe" xmlUrl="https://a.example/feed" category="/cat{c1}2J,/news"/>
</outline>
<outline text="c1 in url" xmlUrl="https://b.example/{c1}2J/feed"/>
<outline text="bidi in url" xmlUrl="https://c.example/{rlo}deef"/>
<outline text="lrm in url" xmlUrl="https://d.example/\u200efeed"/>
<outline text="bad utf-8 neighbour" xmlUrl="https://e.example/caf\u00e9/feed"/>
</body></opml>"""
open(sys.argv[1], "w", encoding="utf-8").write(opml.replace("&", "&amp;"))
PY
"$BIN" import "$TMP/in.opml" >"$TMP/import.out" 2>&1
expect_match opml_import_refuses_control_urls 'imported 2 feeds, 3 skipped' "$(cat "$TMP/import.out")"
no_tricks opml_import_message_clean "$TMP/import.out"
if grep -q 'b.example\|c.example\|d.example' "$DATELINE_CONFIG_DIR/feeds"; then
	not_ok opml_import_no_control_url "$(cat "$DATELINE_CONFIG_DIR/feeds")"
else
	ok opml_import_no_control_url
fi
# a title with a raw ESC written into the feeds file by hand
printf 'https://f.example/feed "~Red\033[31mTitle\033]0;x\007"\n' >>"$DATELINE_CONFIG_DIR/feeds"
"$BIN" export >"$TMP/export.opml" 2>"$TMP/export.err"
no_tricks opml_export_clean "$TMP/export.opml"
expect_match opml_export_keeps_words 'RedTitle.*Titlegnp.exe.*category="/Folderx,/cat,/news"' "$(tr -d '\n' <"$TMP/export.opml")"
"$BIN" feeds >"$TMP/feeds.out" 2>&1
no_tricks feeds_list_clean "$TMP/feeds.out"

# --- the sanitiser: LRM/RLM/ALM, U+2028/9, tag and interlinear characters never reach the output ---
python3 - "$TMP/invisible.xml" <<'PY'
import sys
title = "Safe\u200etext\u200f \u061cmarks\u2028line\u2029para \U000e0041\U000e0042hidden \ufff9base\ufffaruby\ufffb end"
rss = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>c</title>
<item><title>{title}</title><description>{title}</description><link>https://g.example/1</link></item>
</channel></rss>"""
open(sys.argv[1], "w", encoding="utf-8").write(rss)
PY
"$BIN" feed "$TMP/invisible.xml" >"$TMP/invisible.out" 2>&1
no_tricks sanitize_invisible_clean "$TMP/invisible.out"
expect_match sanitize_invisible_keeps_text 'Safetext marks line para hidden baseruby end' "$(cat "$TMP/invisible.out")"

# --- the store and the user's files ---
S="$TMP/s2"
mkdir -p "$S"
cat >"$S/future.xml" <<'XML'
<?xml version="1.0"?><rss version="2.0"><channel><title>Dates</title>
<item><title>From the future</title><link>https://h.example/future</link><guid>future</guid><pubDate>Mon, 01 Jan 2099 10:00:00 GMT</pubDate></item>
<item><title>From today</title><link>https://h.example/today</link><guid>today</guid></item>
</channel></rss>
XML
"$BIN" --db "$S/dates.db" import-feed "$S/future.xml" >/dev/null 2>&1
ahead=$(python3 -c 'import sqlite3,sys,time
c = sqlite3.connect(sys.argv[1])
print(c.execute("select count(*) from items where date > ?", (int(time.time()) + 2 * 86400,)).fetchone()[0])' "$S/dates.db" 2>&1)
expect_eq store_future_date_not_ahead 0 "$ahead"

# an existing store we own, made 0644 by hand, is tightened to 0600
"$BIN" --db "$S/wide.db" import-feed "$S/future.xml" >/dev/null 2>&1
chmod 644 "$S/wide.db"
"$BIN" --db "$S/wide.db" list >/dev/null 2>&1
expect_eq store_mode_tightened 600 "$(stat -c %a "$S/wide.db")"

# an empty file named as the store: a reader leaves it empty
: >"$S/empty.txt"
"$BIN" --db "$S/empty.txt" list >/dev/null 2>"$S/empty.err"
expect_eq store_empty_file_untouched 0 "$(stat -c %s "$S/empty.txt")"
expect_match store_empty_file_message 'no store at' "$(cat "$S/empty.err")"

# a read-only store whose newest rows are still in its -wal: never the stale rows in silence
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	ro="$S/ro"
	mkdir -p "$ro"
	"$BIN" --db "$ro/d.db" import-feed "$S/future.xml" >/dev/null 2>&1
	python3 - "$ro/d.db" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("UPDATE items SET title = 'Newest title' WHERE guid = 'today'")
c.commit()
os._exit(0)  # no checkpoint: the change stays in the -wal
PY
	rm -f "$ro/d.db-shm"
	chmod 755 "$TMP" "$S" "$ro"
	chmod 644 "$ro/d.db" "$ro/d.db-wal"
	out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" --db "$ro/d.db" list 2>&1)
	if printf '%s' "$out" | grep -q 'From today'; then
		not_ok store_readonly_wal_not_stale "$out"
	else
		ok store_readonly_wal_not_stale
	fi
else
	skip store_readonly_wal_not_stale "needs root and setpriv to read as another user"
fi

# the feeds file as a symbolic link into the user's dotfiles: the link stays, the target changes
mkdir -p "$S/dotfiles" "$S/cfg"
printf 'https://i.example/feed\n' >"$S/dotfiles/feeds"
ln -s ../dotfiles/feeds "$S/cfg/feeds"
DATELINE_CONFIG_DIR="$S/cfg" "$BIN" add --no-check https://j.example/feed >/dev/null 2>&1
if [ -L "$S/cfg/feeds" ] && grep -q 'j.example' "$S/dotfiles/feeds"; then ok feeds_symlink_kept; else not_ok feeds_symlink_kept "$(ls -l "$S/cfg")"; fi

# Markdown export never turns a javascript: source into a link
cat >"$S/js.json" <<'JSON'
{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"js1","url":"javascript:alert(1)","title":"Click","content_text":"Body text of the item."}]}
JSON
"$BIN" --db "$S/js.db" import-feed "$S/js.json" >/dev/null 2>&1
id=$("$BIN" --db "$S/js.db" list --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])' 2>/dev/null)
md=$("$BIN" --db "$S/js.db" export "${id:-0}" --format markdown 2>&1)
if printf '%s' "$md" | grep -q '<javascript:'; then not_ok markdown_no_javascript_link "$md"; else ok markdown_no_javascript_link; fi

# --- charsets as feeds label them: byte 0x80 under each label reads as Python's codec reads it ---
# (EBCDIC labels: the whole document in that code page, as XML 1.0 appendix F expects them)
python3 - "$BIN" "$TMP/x80.xml" >"$TMP/x80.out" 2>&1 <<'PY'
import codecs, json, subprocess, sys
labels = """437 850 852 855 857 860 861 862 863 865 866 cp037 cp1125 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255
cp1256 cp1257 cp1258 cp437 cp500 cp737 cp775 cp850 cp852 cp855 cp856 cp857 cp860 cp861 cp862 cp863 cp864 cp865
cp866 cp874 cp875 cp_is csibm037 csibm500 csibm855 csibm857 csibm860 csibm861 csibm863 csibm864 csibm865 csibm866
cskoi8r cspc775baltic cspc850multilingual cspc862latinhebrew cspc8codepage437 cspcp852 ebcdic-cp-be ebcdic-cp-ca
ebcdic-cp-ch ebcdic-cp-nl ebcdic-cp-us ebcdic-cp-wt ebcdic_cp_be ebcdic_cp_us ibm037 ibm039 ibm1140 ibm437 ibm500
ibm775 ibm850 ibm852 ibm855 ibm857 ibm860 ibm861 ibm862 ibm863 ibm864 ibm865 ibm866 koi8-r koi8-t koi8-u mac-cyrillic
maccentraleurope maccyrillic macgreek maciceland macintosh maclatin2 macroman macturkish windows-1250 windows_1251
windows-1252 windows-1253 windows-1254 windows-1255 windows-1256 windows-1257 windows-1258""".split()
wrong = []
for label in labels:
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        continue
    want = b"\x80".decode(codec, "replace")
    head = '<?xml version="1.0" encoding="%s"?>\n<feed version="0.3" xmlns="http://purl.org/atom/ns#">\n<title>' % label
    open(sys.argv[2], "wb").write(head.encode(codec) + b"\x80" + "</title>\n</feed>".encode(codec))
    r = subprocess.run([sys.argv[1], "feed", "--json", sys.argv[2]], capture_output=True)
    try:
        got = json.loads(r.stdout).get("title")
    except ValueError:
        got = r.stderr.decode("utf-8", "replace").strip()
    if got != want:
        wrong.append("%s: %r not %r" % (label, got, want))
print("; ".join(wrong[:6]) + (" (%d wrong)" % len(wrong) if wrong else ""))
PY
if [ -s "$TMP/x80.out" ] && [ "$(tr -d '\n' <"$TMP/x80.out")" != "" ]; then not_ok charset_labels_as_python "$(head -c 400 "$TMP/x80.out")"; else ok charset_labels_as_python; fi

# --- the interface: a character the locale cannot print (wcwidth -1) takes the one column it was counted as ---
if ! command -v tmux >/dev/null 2>&1; then
	skip tui_unprintable_one_column "tmux missing (scripts/deps.sh installs it)"
	exit 0
fi
. "$ROOT/tests/tui/tmux.sh"
printf 'Port news A\315\270\315\270\315\270B end\n\nThe harbour opened on Tuesday, officials said.\n' >"$TMP/wc.txt"
tui_start 80 20 "$BIN" read "$TMP/wc.txt"
if tui_wait 'Port news' >/dev/null; then
	# U+0378 (unassigned) three times: three U+FFFD, each one column, and "B end" right after them
	line=$(grep -m1 'Port news' "$TMP/text")
	expect_match tui_unprintable_one_column "Port news A$(printf '\357\277\275\357\277\275\357\277\275')B end" "$line"
else
	not_ok tui_unprintable_one_column "$(tui_text | head -3)"
fi
tui_keys q

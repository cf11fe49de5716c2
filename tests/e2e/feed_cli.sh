#!/bin/bash
# dateline feed: the JSON contract, the readable list, errors, and the JSON Feed spec examples.
. "$(dirname "$0")/lib.sh"
D="$ROOT/tests/data/feeds"

"$BIN" feed --json "$D/rss2.xml" >"$TMP/rss2.json" 2>"$TMP/err"
expect_eq feed_json_exit 0 "$?"
expect_eq feed_json_keys "format,encoding,title,link,description,language,updated,items" \
	"$(jget "$TMP/rss2.json" '",".join(j.keys())')"
expect_eq feed_json_item_keys "id,title,link,author,published,updated,summary,content,categories,enclosures" \
	"$(jget "$TMP/rss2.json" '",".join(j["items"][0].keys())')"
expect_eq feed_json_absent_is_null "null" "$(jget "$TMP/rss2.json" 'j["items"][1]["content"]')"
expect_eq feed_json_enclosure '{"url": "https://news.example.org/world/audio/cafe.mp3", "type": "audio/mpeg", "length": 123456}' \
	"$(jget "$TMP/rss2.json" 'j["items"][0]["enclosures"][0]')"

"$BIN" feed --json --content-type 'text/xml; charset=windows-1251' "$D/charset-http-overrides.xml" >"$TMP/cs.json"
expect_eq feed_content_type_charset "windows-1251 Новости дня" "$(jget "$TMP/cs.json" 'j["encoding"]+" "+j["title"]')"

"$BIN" feed --json - <"$D/atom10.xml" >"$TMP/stdin.json"
expect_eq feed_stdin "atom1.0" "$(jget "$TMP/stdin.json" 'j["format"]')"

# the readable list: every string through the sanitiser
printf '<rss><channel><title>Evil\033]0;pwned\007 \033[31mred\342\200\256</title><item><title>One</title><link>http://x.example/1</link></item></channel></rss>' >"$TMP/evil.xml"
out=$("$BIN" feed "$TMP/evil.xml")
if printf '%s' "$out" | LC_ALL=C grep -q "$(printf '\033')"; then not_ok feed_text_sanitised "escape reached the output"; else ok feed_text_sanitised; fi
expect_match feed_text_lists_items '1\. +One' "$out"

# errors a user can act on, exit 1; usage errors exit 2
"$BIN" feed "$D/not-a-feed.html" >/dev/null 2>"$TMP/err"; rc=$?
expect_eq feed_html_refused "1 dateline: $D/not-a-feed.html: not a feed: HTML page" "$rc $(cat "$TMP/err")"
"$BIN" feed "$D/broken.xml" >/dev/null 2>"$TMP/err"; rc=$?
expect_match feed_xml_error "^1 dateline: .*XML error line 2: " "$rc $(cat "$TMP/err")"
# feed URL fetches now: tested against the local server in net_feeds.sh (tests never leave 127.0.0.1)
"$BIN" feed >/dev/null 2>&1
expect_eq feed_usage_no_file 2 "$?"
"$BIN" feed --bogus x >/dev/null 2>&1
expect_eq feed_usage_bad_option 2 "$?"
"$BIN" feed "$TMP/missing.xml" >/dev/null 2>&1
expect_eq feed_missing_file 1 "$?"

# XXE: nothing from the file reaches the output
"$BIN" feed --json "$D/xxe.xml" >"$TMP/xxe.json"
if grep -q 'root:' "$TMP/xxe.json"; then not_ok feed_xxe_inert; else ok feed_xxe_inert; fi

# The JSON Feed specification's examples (shared evaluation material)
J="$SHARED/eval/feeds/jsonfeed"
if [ ! -d "$J" ]; then
	skip feed_jsonfeed_examples "$J not found"
else
	for f in "$J"/*.json; do
		name=feed_jsonfeed_$(basename "$f" .json)
		if "$BIN" feed --json "$f" >"$TMP/jf.json" 2>"$TMP/err"; then
			fmt=$(jget "$TMP/jf.json" 'j["format"]')
			n=$(jget "$TMP/jf.json" 'len(j["items"])')
			case "$(basename "$f")" in spec-1.1-*) want=jsonfeed1.1 ;; *) want=jsonfeed1.0 ;; esac
			if [ "$fmt" = "$want" ] && [ "$n" -gt 0 ]; then ok "$name"; else not_ok "$name" "format $fmt, $n items"; fi
		else
			not_ok "$name" "$(cat "$TMP/err")"
		fi
	done
fi

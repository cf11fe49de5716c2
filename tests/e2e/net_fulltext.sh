# Feeds tagged "fulltext": after a refresh, the pages behind summary-only items are fetched,
# extracted and stored in place of the summary. A static server on 127.0.0.1 serves the feed and pages.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { skip fulltext "python3 missing"; exit 0; }
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
export DATELINE_CONFIG_DIR="$TMP/cfg" DATELINE_DATA_DIR="$TMP/data" DATELINE_DB="$TMP/data/dateline.db"
mkdir -p "$TMP/www" "$TMP/cfg"

# a static server that logs every path it serves, and exits by itself
python3 - "$TMP/www" "$TMP/port" "$TMP/served" <<'PY' &
import functools, http.server, sys, threading
root, portfile, served = sys.argv[1:4]
class H(http.server.SimpleHTTPRequestHandler):
    def log_message(self, fmt, *a):
        pass
    def log_request(self, code="-", size="-"):  # once per request
        with open(served, "a") as f: f.write(self.path + "\n")
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(H, directory=root))
open(portfile, "w").write(str(srv.server_address[1]))
threading.Timer(60, srv.shutdown).start()
srv.serve_forever()
PY
SRV=$!
trap 'kill $SRV 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.05; done
B="http://127.0.0.1:$(cat "$TMP/port")"

feed() { # NAME ITEM-PAGES...
	name=$1; shift
	{
		echo "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>$name</title><link>$B/</link>"
		for p in "$@"; do
			echo "<item><title>Story $p</title><link>$B/$p.html</link><guid>$name-$p</guid>"
			echo "<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate><description>Only a summary of $p.</description></item>"
		done
		echo "</channel></rss>"
	} >"$TMP/www/$name.xml"
}
feed harbour a1 a2
feed plain a3
cat >"$TMP/www/a1.html" <<'HTML'
<!DOCTYPE html><html><head><title>Ferry Service Resumes After Storm</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry Service Resumes After Storm</h1>
<p>HARBOUR TOWN, March 3, 2025 (Coastal Wire) – Ferries returned to the island route on Monday after a storm closed the harbour for three days.</p>
<p>"We are glad to be sailing again," said captain Lena Marsh, who has run the route for a decade.</p>
<p>Operators said timetables would be back to normal by Wednesday.</p>
</article><footer>Copyright Coastal Wire</footer></body></html>
HTML
cp "$TMP/www/a1.html" "$TMP/www/a3.html"
printf '%s "~Harbour" fulltext\n%s "~Plain"\n' "$B/harbour.xml" "$B/plain.xml" >"$TMP/cfg/feeds"

"$BIN" refresh --no-progress >"$TMP/out" 2>"$TMP/err"; rc=$?
expect_eq fulltext_failure_sets_status 1 "$rc"
expect_match fulltext_summary_line 'full text: 1 of 2 articles fetched' "$(cat "$TMP/out")"
expect_match fulltext_failure_named "fulltext: $B/a2.html: HTTP 404" "$(cat "$TMP/err")"

"$BIN" list --json >"$TMP/list.json"
expect_eq fulltext_item_is_full "true" "$(jget "$TMP/list.json" '[i["full"] for i in j if i["link"].endswith("/a1.html")][0]')"
expect_eq fulltext_failed_item_keeps_summary "false" "$(jget "$TMP/list.json" '[i["full"] for i in j if i["link"].endswith("/a2.html")][0]')"
expect_eq fulltext_untagged_feed_untouched "false" "$(jget "$TMP/list.json" '[i["full"] for i in j if i["link"].endswith("/a3.html")][0]')"
id=$(jget "$TMP/list.json" '[i["id"] for i in j if i["link"].endswith("/a1.html")][0]')
"$BIN" export "$id" --format json >"$TMP/a1.json"
expect_match fulltext_body_stored 'Ferries returned to the island route' "$(jget "$TMP/a1.json" 'j["sections"][0]["paragraphs"][0]')"
expect_eq fulltext_quote_found "Lena Marsh" "$(jget "$TMP/a1.json" 'j["quotes"][0]["speaker"]')"
if grep -q 'Home' "$TMP/a1.json"; then not_ok fulltext_navigation_dropped; else ok fulltext_navigation_dropped; fi
expect_eq fulltext_untagged_page_not_fetched 0 "$(grep -c '^/a3.html' "$TMP/served")"

# a second refresh fetches only what still lacks its full text
"$BIN" refresh --no-progress >/dev/null 2>&1
expect_eq fulltext_full_not_fetched_again 1 "$(grep -c '^/a1.html' "$TMP/served")"
expect_eq fulltext_failed_tried_again 2 "$(grep -c '^/a2.html' "$TMP/served")"

# refresh of named feeds only (the TUI's r on one feed runs this)
before_h=$(grep -c '^/harbour.xml' "$TMP/served"); before_p=$(grep -c '^/plain.xml' "$TMP/served")
"$BIN" refresh --no-progress Plain >/dev/null 2>&1; rc=$?
expect_eq refresh_one_by_title_status 0 "$rc"
expect_eq refresh_one_fetches_it $((before_p + 1)) "$(grep -c '^/plain.xml' "$TMP/served")"
expect_eq refresh_one_leaves_others "$before_h" "$(grep -c '^/harbour.xml' "$TMP/served")"
"$BIN" refresh --no-progress "$B/harbour.xml" >/dev/null 2>&1
expect_eq refresh_one_by_url $((before_h + 1)) "$(grep -c '^/harbour.xml' "$TMP/served")"
"$BIN" refresh --no-progress "No Such Feed" >/dev/null 2>"$TMP/err"; rc=$?
expect_eq refresh_unknown_feed_fails 1 "$rc"
expect_match refresh_unknown_feed_named "no subscription is 'No Such Feed'" "$(cat "$TMP/err")"

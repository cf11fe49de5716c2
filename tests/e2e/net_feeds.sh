#!/bin/bash
# Subscriptions over the network: add (with discovery), feeds, import/export OPML (newsboat and
# newsraft style, round trip), and show/feed fetching a URL.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/netlib.sh"
if ! start_httpd 60; then
	skip net_feeds "python3 or tests/httpd.py could not start"
	exit 0
fi
use_fresh_dirs
export DATELINE_FETCH_TIMEOUT=5
FEEDS="$DATELINE_CONFIG_DIR/feeds"

# add: a feed URL is taken as it is, with the feed's title.
out=$("$BIN" add --tag news "$BASE/feed/direct?items=2" 2>&1)
expect_match add_feed 'subscribed to .*/feed/direct\?items=2 \(Feed direct\), 2 items' "$out"
expect_eq add_feed_line "$BASE/feed/direct?items=2 \"~Feed direct\" news" "$(tail -1 "$FEEDS")"
# add: a web page is searched for <link rel="alternate">; its relative href is resolved.
out=$("$BIN" add "$BASE/page" 2>&1)
expect_match add_discovers_relative 'subscribed to http://127.0.0.1:[0-9]+/feed/discovered ' "$out"
out=$("$BIN" add "$BASE/page?href=/atom/abs" 2>&1)
expect_match add_discovers_absolute_path "subscribed to $BASE/atom/abs " "$out"
# Twice is once.
out=$("$BIN" add "$BASE/page" 2>&1)
expect_match add_twice 'already subscribed' "$out"
expect_eq add_twice_one_line 1 "$(grep -c '/feed/discovered' "$FEEDS")"
# A page without a feed, an error page and a non-HTTP URL are refused with a reason.
"$BIN" add "$BASE/html" >/dev/null 2>"$TMP/e1"; rc=$?
expect_eq add_page_without_feed_status 1 "$rc"
expect_match add_page_without_feed 'names no feed' "$(cat "$TMP/e1")"
"$BIN" add "$BASE/status/404" >/dev/null 2>"$TMP/e2"; rc=$?
expect_match add_404 "^1 dateline: .*: HTTP 404" "$rc $(cat "$TMP/e2")"
"$BIN" add "file:///etc/passwd" >/dev/null 2>"$TMP/e3"; rc=$?
expect_eq add_file_url "2" "$rc"
"$BIN" add --no-check "$BASE/feed/later" >/dev/null 2>&1
expect_eq add_no_check "$BASE/feed/later" "$(tail -1 "$FEEDS")"
expect_eq feeds_list 4 "$("$BIN" feeds | grep -c '^http')"

# show URL and feed URL fetch what they are given.
"$BIN" feed --json "$BASE/redirect/2/viaredirect?items=3" >"$TMP/feed.json" 2>"$TMP/fe"
expect_eq feed_url_items 3 "$(jget "$TMP/feed.json" 'len(j["items"])')"
expect_eq feed_url_title "Feed viaredirect" "$(jget "$TMP/feed.json" 'j["title"]')"
"$BIN" feed "$BASE/status/500" >/dev/null 2>"$TMP/fe2"; rc=$?
expect_match feed_url_error '^1 dateline: .*/status/500: HTTP 500$' "$rc $(cat "$TMP/fe2")"
"$BIN" show --format json "$BASE/article" >"$TMP/show.json" 2>"$TMP/se"; rc=$?
expect_eq show_url_status 0 "$rc"
expect_match show_url_body 'harbour master' "$(cat "$TMP/show.json")"
expect_eq show_url_source "$BASE/article" "$(jget "$TMP/show.json" 'j.get("url") or j.get("source")')"
DATELINE_FETCH_TIMEOUT=1 "$BIN" show "$BASE/stall" >/dev/null 2>"$TMP/se3"; rc=$?
expect_match show_url_timeout '^1 dateline: .*: timed out after' "$rc $(cat "$TMP/se3")"

# What every request carries: our User-Agent, compression, feeds first in Accept.
"$BIN" feed --json "$BASE/echo" >"$TMP/echo.json" 2>/dev/null
expect_match request_user_agent '^dateline/[0-9.]+ \(\+https://' "$(jget "$TMP/echo.json" 'j["title"]')"
expect_match request_accept_encoding 'gzip' "$(jget "$TMP/echo.json" 'j["description"]')"
expect_match request_accept_feeds '^application/rss\+xml' "$(jget "$TMP/echo.json" 'j["items"][0]["title"]')"

# Proxies come from the environment: a host that does not resolve is reached through the
# proxy (our server, which answers absolute-form requests), and no_proxy is respected.
out=$(http_proxy="$BASE" no_proxy= NO_PROXY= "$BIN" feed --json "http://feeds.invalid/feed/viaproxy?items=1" 2>&1)
expect_match proxy_from_env '"title": ?"Feed viaproxy"' "$out"
expect_match proxy_counted '^proxied [1-9]' "$(python3 -c 'import sys,urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' "$BASE/count" | grep '^proxied')"

# import: newsboat's export (flat, title + htmlUrl) and newsraft's (sections as outlines),
# with junk that must not get in: exec:, file:, an external entity.
cat >"$TMP/newsboat.opml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE opml [ <!ENTITY leak SYSTEM "file:///etc/passwd"> ]>
<opml version="1.0">
  <head><title>newsboat - Exported Feeds</title></head>
  <body>
    <outline type="rss" xmlUrl="$BASE/feed/nb1" htmlUrl="http://site.example/nb1" title="NB One &amp; Co"/>
    <outline type="rss" xmlUrl="$BASE/feed/nb2" htmlUrl="http://site.example/nb2" title="&leak;"/>
    <outline type="rss" xmlUrl="exec:touch $TMP/pwned" title="Exec"/>
    <outline type="rss" xmlUrl="file:///etc/passwd" title="File"/>
  </body>
</opml>
EOF
cat >"$TMP/newsraft.opml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
<head><title>newsraft</title></head>
<body>
<outline text="World">
  <outline text="Wire" xmlUrl="$BASE/feed/nr1"/>
  <outline text="Europe">
    <outline text="Deep" xmlUrl="$BASE/feed/nr2" category="/analysis"/>
  </outline>
</outline>
<outline text="Direct again" xmlUrl="$BASE/feed/direct?items=2"/>
</body>
</opml>
EOF
use_fresh_dirs imp
FEEDS="$DATELINE_CONFIG_DIR/feeds"
out=$("$BIN" import "$TMP/newsboat.opml" 2>&1)
expect_match import_newsboat 'imported 2 feeds, 2 skipped \(only http and https URLs' "$out"
expect_eq import_title "$BASE/feed/nb1 \"~NB One & Co\"" "$(grep -F "/feed/nb1" "$FEEDS")"
if grep -q 'root:' "$FEEDS"; then not_ok import_no_xxe; else ok import_no_xxe; fi
if [ -e "$TMP/pwned" ]; then not_ok import_no_exec; else ok import_no_exec; fi
out=$("$BIN" import "$TMP/newsraft.opml" 2>&1)
expect_match import_newsraft 'imported 3 feeds' "$out"
expect_eq import_nested_tags "$BASE/feed/nr2 \"~Deep\" World Europe analysis" "$(grep -F "/feed/nr2" "$FEEDS")"
out=$("$BIN" import "$TMP/newsraft.opml" 2>&1)
expect_match import_again_adds_nothing 'imported 0 feeds, 3 already subscribed' "$out"
"$BIN" import "$TMP/e1" >/dev/null 2>"$TMP/ie"; rc=$?
expect_match import_not_opml '^1 dateline: ' "$rc $(cat "$TMP/ie")"

# export, then import the export elsewhere: the same feeds, titles, tags and site URLs.
"$BIN" export >"$TMP/out.opml"; rc=$?
expect_eq export_status 0 "$rc"
if xmllint --noout "$TMP/out.opml" 2>/dev/null; then ok export_well_formed; else not_ok export_well_formed; fi
expect_match export_html_url 'htmlUrl="http://site.example/nb1"' "$(cat "$TMP/out.opml")"
expect_match export_nested 'outline text="World" title="World"' "$(cat "$TMP/out.opml")"
cp "$FEEDS" "$TMP/feeds.before"
use_fresh_dirs back
"$BIN" import "$TMP/out.opml" >/dev/null 2>&1
expect_eq opml_round_trip "$(sort "$TMP/feeds.before")" "$(sort "$DATELINE_CONFIG_DIR/feeds")"
"$BIN" export >"$TMP/out2.opml"
expect_eq opml_round_trip_stable "$(cat "$TMP/out.opml")" "$(cat "$TMP/out2.opml")"

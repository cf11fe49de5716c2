#!/bin/bash
# Every limit on hostile input from the command line, each with its own message: download size
# (show and feed from the fault-injecting server), input file size, items per feed, nesting depth
# (feed, JSON Feed, OPML, HTML), and the analysis limits (text analysed, quotations and entities
# kept), which keep the article and print a note. tests/unit/test_limits.c checks the same in process.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/netlib.sh"
if ! command -v python3 >/dev/null 2>&1; then
	skip limits "python3 missing (scripts/deps.sh installs it)"
	exit 0
fi
use_fresh_dirs
# err_of NAME REGEX ARGS...: dateline ARGS exits 1 with a message matching REGEX
err_of() {
	name=$1 re=$2; shift 2
	"$BIN" "$@" >/dev/null 2>"$TMP/err"
	rc=$?
	expect_match "$name" "$re" "rc=$rc $(head -c 300 "$TMP/err")"
}

python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
w = lambda n, t: open(d + "/" + n, "w").write(t)
w("items.xml", '<rss version="2.0"><channel><title>Many</title>' + "<item><title>i</title></item>" * 10001 + "</channel></rss>")
w("items.json", '{"version":"https://jsonfeed.org/version/1.1","title":"Many","items":[' + ",".join('{"id":"%d"}' % i for i in range(10001)) + "]}")
w("deep.xml", '<rss version="2.0"><channel><title>Deep</title><item><title>t</title>' + "<x>" * 200 + "y" + "</x>" * 200 + "</item></channel></rss>")
w("deep.json", '{"version":"https://jsonfeed.org/version/1.1","title":"D","items":[{"id":"1","_x":' + "[" * 40 + "]" * 40 + "}]}")
w("deep.opml", '<opml version="2.0"><body>' + '<outline text="f">' * 40 + '<outline text="a" xmlUrl="https://a.example/f"/>' + "</outline>" * 40 + "</body></opml>")
w("deep.html", "<html><body>" + "<div>" * 3000 + "<p>PARIS (AP) - The mayor opened the bridge on Tuesday, officials said, after four years of work.</p>" + "</div>" * 3000 + "</body></html>")
q = '"We will rebuild the bridge," the mayor said.\n\n'
w("quotes.txt", "Bridge\n\n" + q * 2500)
w("long.txt", "Long\n\n" + ("word " * 16 + "\n\n") * 60000)
PY

if start_httpd 60; then
	DATELINE_FETCH_MAX_BYTES=1M err_of limit_download_show 'rc=1 .*/huge: response larger than 1 MiB$' show "$BASE/huge"
	DATELINE_FETCH_MAX_BYTES=1M err_of limit_download_feed 'rc=1 .*/endless: response larger than 1 MiB$' feed "$BASE/endless"
	DATELINE_FETCH_MAX_BYTES=1M err_of limit_download_gzip_bomb 'rc=1 .*/bomb: response larger than 1 MiB$' feed "$BASE/bomb"
	err_of limit_download_default 'rc=1 .*/huge: response larger than 16 MiB$' show "$BASE/huge"
else
	skip limit_download "tests/httpd.py could not start"
fi
truncate -s 65M "$TMP/big.txt" 2>/dev/null || head -c $((65 << 20)) /dev/zero >"$TMP/big.txt"
err_of limit_input_file 'rc=1 .*(limit|larger|too large)' show "$TMP/big.txt"
err_of limit_items_rss 'rc=1 .*the feed has more than 10000 items$' feed "$TMP/items.xml"
err_of limit_items_json 'rc=1 .*the feed has more than 10000 items$' feed "$TMP/items.json"
err_of limit_depth_feed 'rc=1 .*the feed nests elements too deeply$' feed "$TMP/deep.xml"
err_of limit_depth_json 'rc=1 .*nesting too deep' feed "$TMP/deep.json"
err_of limit_depth_opml 'rc=1 .*the outlines nest more than 32 folders deep$' import "$TMP/deep.opml"
err_of limit_depth_html 'rc=1 .*no article found: the page nests elements more than 256 deep$' show "$TMP/deep.html"
# analysis limits: the article is shown, whole, with a note on stderr
"$BIN" show --json "$TMP/quotes.txt" >"$TMP/q.json" 2>"$TMP/err"
expect_match limit_quotes_note 'rc=0 .*only the first 2000 quotations are kept$' "rc=$? $(cat "$TMP/err")"
expect_eq limit_quotes_kept "2000 2500" "$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(len(j["quotes"]), sum(len(s["paragraphs"]) for s in j["sections"]))' "$TMP/q.json")"
"$BIN" show --format body "$TMP/long.txt" >"$TMP/long.out" 2>"$TMP/err"
expect_match limit_text_note 'rc=0 .*only the first 4096 KiB of [0-9]+ KiB of text were analysed$' "rc=$? $(cat "$TMP/err")"
expect_eq limit_text_kept_whole 60000 "$(grep -c '^word' "$TMP/long.out")"

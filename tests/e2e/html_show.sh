#!/bin/bash
# dateline show on web pages: every format of the CLI contract, errors, and the shared benchmark pages when present.
. "$(dirname "$0")/lib.sh"
D="$ROOT/tests/data/html"

out=$("$BIN" show --format body --url https://gazette.example/bridge.html "$D/comments.html" 2>&1)
expect_match html_body_has_text 'The old harbour bridge reopened' "$out"
if printf '%s' "$out" | grep -q 'harbourfan\|industrial estate'; then not_ok html_body_no_comments; else ok html_body_no_comments; fi

"$BIN" show --json --url https://gazette.example/bridge.html "$D/comments.html" >"$TMP/c.json" 2>"$TMP/err"
expect_eq html_json_headline "Harbour bridge reopens after repairs" "$(jget "$TMP/c.json" 'j["headline"]')"
expect_eq html_json_byline "Mara Lindqvist" "$(jget "$TMP/c.json" 'j["byline"]')"
expect_eq html_json_published "2025-03-14T08:30:00Z" "$(jget "$TMP/c.json" 'j["published"]')"
expect_eq html_json_site "The Coastal Gazette" "$(jget "$TMP/c.json" 'j["site"]')"
expect_eq html_json_url "https://gazette.example/bridge.html" "$(jget "$TMP/c.json" 'j["url"]')"

out=$("$BIN" show "$D/related.html" 2>&1)
expect_match html_text_links 'https://example.org/coop/report' "$out"

"$BIN" show --format json "$D/dateline.html" >"$TMP/d.json" 2>/dev/null
expect_eq html_dateline_agency "AP" "$(jget "$TMP/d.json" '(j.get("dateline") or {}).get("agency")')"

out=$("$BIN" show < "$D/structure.html" - 2>&1)
expect_match html_from_stdin 'Reading the gauge' "$out"

out=$("$BIN" show --format body --content-type 'text/html; charset=windows-1252' "$D/cp1252.html" 2>&1)
expect_match html_content_type_charset 'Café owners' "$out"

# A saved page compressed with gzip reads as the page itself; a damaged one says so.
gzip -c "$D/comments.html" >"$TMP/saved.html.gz"
out=$("$BIN" show --format body "$TMP/saved.html.gz" 2>&1)
expect_match html_gzip_page_body 'The old harbour bridge reopened' "$out"
head -c 200 "$TMP/saved.html.gz" >"$TMP/cut.html.gz"
"$BIN" show "$TMP/cut.html.gz" >"$TMP/out" 2>"$TMP/err"; rc=$?
expect_eq html_gzip_cut_status 1 "$rc"
expect_match html_gzip_cut_message 'compressed page is cut short' "$(cat "$TMP/err")"

"$BIN" show "$D/noarticle.html" >"$TMP/out" 2>"$TMP/err"; rc=$?
expect_eq html_no_article_status 1 "$rc"
expect_match html_no_article_message 'no article found' "$(cat "$TMP/err")"

# The shared benchmark pages: every one must give an article (no crash, no empty output).
if [ -d "$SHARED/eval/extraction/aeb/html" ]; then
	bad=0 n=0
	for f in "$SHARED"/eval/extraction/aeb/html/*.html.gz; do
		n=$((n + 1))
		gunzip -c "$f" >"$TMP/p.html"
		"$BIN" show --format json "$TMP/p.html" >"$TMP/p.json" 2>/dev/null || { bad=$((bad + 1)); continue; }
		python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/p.json" 2>/dev/null || bad=$((bad + 1))
	done
	expect_eq "html_shared_pages_all_parse ($n pages)" 0 "$bad"
else
	skip html_shared_pages_all_parse "no ../shared/eval/extraction/aeb"
fi

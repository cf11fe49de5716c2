#!/bin/bash
# dateline refresh against the fault-injecting server: every fault in one refresh, each with its
# clear error, the good feeds still fetched; then a second refresh that costs only 304s.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/netlib.sh"
if ! start_httpd 90; then
	skip net_refresh "python3 or tests/httpd.py could not start"
	exit 0
fi
use_fresh_dirs
# Short limits so the faults show in seconds: 1 MiB cap, 2 s total, 1 s without progress.
export DATELINE_FETCH_TIMEOUT=2 DATELINE_FETCH_LOW_SPEED_TIME=1 DATELINE_FETCH_MAX_BYTES=1M

good="feed/ok?items=4 etag/e lastmod/l gzip/g?items=30 atom/a redirect/3/r moved/m"
bad="status/404 status/500 loop tofile stall truncated reset huge endless bomb html invalid drip badchunk"
{
	echo "# test subscriptions"
	for p in $good $bad; do echo "$BASE/$p"; done
	echo "https://127.0.0.1:$PORT/feed/tls \"~TLS to a plain port\""
} >"$DATELINE_CONFIG_DIR/feeds"
n_good=$(echo $good | wc -w)
n_bad=$(( $(echo $bad | wc -w) + 1 ))

start=$(date +%s)
"$BIN" refresh --jobs 16 >"$TMP/out1" 2>"$TMP/err1"
rc=$?
took=$(( $(date +%s) - start ))
expect_eq refresh_fails_when_feeds_fail 1 "$rc"
# Bounded: the slowest fault is cut at the 2 s total timeout, whatever the server does.
if [ "$took" -le 10 ]; then ok refresh_bounded_time; else not_ok refresh_bounded_time "took ${took}s"; fi

line() { grep -F "$BASE/$1: " "$TMP/err1" | head -1; }
expect_match err_404 ': HTTP 404$' "$(line status/404)"
expect_match err_500 ': HTTP 500$' "$(line status/500)"
expect_match err_redirect_loop 'too many redirects' "$(line loop)"
expect_match err_redirect_file 'redirect to file:// refused' "$(line tofile)"
expect_match err_stall 'timed out after [0-9.]+ s' "$(line stall)"
expect_match err_truncated 'truncated: the connection closed after [0-9]+ of 20000 bytes' "$(line truncated)"
expect_match err_reset 'connection reset$' "$(line reset)"
expect_match err_huge_body 'response larger than 1 MiB$' "$(line huge)"
expect_match err_endless_chunked 'response larger than 1 MiB$' "$(line endless)"
expect_match err_gzip_bomb 'response larger than 1 MiB$' "$(line bomb)"
expect_match err_html_as_feed 'not a feed: text/html$' "$(line html)"
expect_match err_invalid_xml 'XML error line 3' "$(line invalid)"
expect_match err_slow_drip '(too slow|timed out)' "$(line drip)"
expect_match err_bad_chunking 'malformed chunked encoding$' "$(line badchunk)"
expect_match err_tls_plain_port 'TLS handshake failed' "$(grep -F "https://127.0.0.1:$PORT/feed/tls: " "$TMP/err1")"
# One line per failed feed, nothing for the good ones.
expect_eq one_line_per_failure "$n_bad" "$(grep -c '^dateline: ' "$TMP/err1")"
for p in $good; do
	if grep -qF "$BASE/$p:" "$TMP/err1"; then not_ok "good_feed_$p" "$(line "$p")"; else ok "good_feed_${p%%\?*}"; fi
done
total=$((n_good + n_bad))
expect_match summary_first "^$total feeds: $n_good updated, 0 unchanged, $n_bad failed.*; 59 new items, 0 changed" "$(cat "$TMP/out1")"
# The gigabyte routes were cut at the cap: nothing near a gigabyte crossed.
expect_match summary_small_bytes '; [0-9.]+ KiB in' "$(cat "$TMP/out1")"
# The permanent redirect moved the subscription; the temporary ones did not.
expect_eq moved_feed_renamed 1 "$(grep -c "^$BASE/feed/m\$" "$DATELINE_CONFIG_DIR/feeds")"
expect_eq temporary_redirect_kept 1 "$(grep -c "^$BASE/redirect/3/r\$" "$DATELINE_CONFIG_DIR/feeds")"
expect_eq comment_kept 1 "$(grep -c '^# test subscriptions$' "$DATELINE_CONFIG_DIR/feeds")"

# Second run: the validators go back; the five feeds with ETag or Last-Modified (ok, e, l, m, and r
# behind its temporary redirects) answer 304, gzip and atom have none and come again.
"$BIN" refresh >"$TMP/out2" 2>"$TMP/err2"
expect_match summary_second "^$total feeds: [0-9]+ updated, 5 unchanged, $n_bad failed.*; 0 new items, 0 changed" "$(cat "$TMP/out2")"
python3 -c 'import sys,urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' "$BASE/count" >"$TMP/count"
expect_eq etag_304 "304 /etag/e 1" "$(grep '^304 /etag/e ' "$TMP/count")"
expect_eq last_modified_304 "304 /lastmod/l 1" "$(grep '^304 /lastmod/l ' "$TMP/count")"
expect_eq both_validators_304 "304 /feed/ok 1" "$(grep '^304 /feed/ok ' "$TMP/count")"
expect_eq moved_feed_304_at_new_url "304 /feed/m 1" "$(grep '^304 /feed/m ' "$TMP/count")"
# the store keeps what refresh learnt: every feed that sent a validator has it stored
n_validators=$("$BIN" status --json | python3 -c 'import json,sys; print(sum(1 for f in json.load(sys.stdin) if f["etag"] or f["last_modified"]))')
expect_eq validators_stored 5 "$n_validators"

# The state file is replaced atomically: no temporary files left behind.
expect_eq no_temp_files "" "$(ls "$DATELINE_DATA_DIR" | grep -v '^refresh-state$' | grep -v '^dateline\.db$')"

# Usage errors are exit 2 with one line.
"$BIN" refresh --jobs 0 >/dev/null 2>"$TMP/err3"
rc=$?
expect_eq jobs_usage "2 1" "$rc $(wc -l <"$TMP/err3")"

# An empty list is not an error.
use_fresh_dirs empty
expect_match empty_list 'no feeds yet' "$("$BIN" refresh 2>&1)"

# New and changed items are told apart between runs.
use_fresh_dirs changing
echo "$BASE/changing/c" >"$DATELINE_CONFIG_DIR/feeds"
"$BIN" refresh >"$TMP/c1" 2>&1
"$BIN" refresh >"$TMP/c2" 2>&1
expect_match changing_first '^1 feed: 1 updated, 0 unchanged, 0 failed; 3 new items, 0 changed' "$(cat "$TMP/c1")"
expect_match changing_second '^1 feed: 1 updated, 0 unchanged, 0 failed; 1 new item, 1 changed' "$(cat "$TMP/c2")"

# A 304 without validators keeps the ones we have: the third run is conditional too.
use_fresh_dirs bare
echo "$BASE/bare304/b" >"$DATELINE_CONFIG_DIR/feeds"
"$BIN" refresh >/dev/null 2>&1; "$BIN" refresh >/dev/null 2>&1; "$BIN" refresh >"$TMP/b3" 2>&1
expect_match bare_304_keeps_validators '^1 feed: 0 updated, 1 unchanged' "$(cat "$TMP/b3")"

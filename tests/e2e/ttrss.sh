#!/bin/sh
# Reading from a real Tiny Tiny RSS (source ttrss): subscriptions, categories, items, read and
# starred state both ways, the offline queue, the conflict rule, errors. The aggregator runs here
# on 127.0.0.1 (tests/ttrss_lib.sh); its articles link to pages of tests/httpd.py for full text.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/netlib.sh"
. "$ROOT/tests/ttrss_lib.sh"

missing=$(ttrss_missing)
if [ -n "$missing" ]; then
	skip ttrss "not installed:$missing (scripts/test-deps.sh installs them as root)"
	exit 0
fi
start_httpd 300 || { skip ttrss "python3 or tests/httpd.py missing"; exit 0; }
trap 'ttrss_stop; kill "$HTTPD_PID" 2>/dev/null; rm -rf "$TMP"' EXIT
trap 'exit 1' INT TERM
if ! ttrss_start; then
	not_ok ttrss_start "$(tail -3 "$TMP/tt-why" | tr '\n' ' ')"
	exit 0
fi
ok ttrss_start

# Seed the aggregator as its updater would have: two categories, three feeds.
world=$(ttrss_add_feed "World" "$BASE/feed/world" "World News")
briefs=$(ttrss_add_feed "Briefs" "$BASE/feed/briefs" "Short")
long='<p>GENEVA (Reuters) — The talks resumed on Monday after a week of pauses, officials said.</p><p>"We are closer than we have ever been," the mediator Anna Berg told reporters outside the hall, adding that the final text would take days.</p><p>Delegates from both sides met for six hours. The agenda covered water rights, border crossings and the release of prisoners, according to a statement.</p><p>The next round is planned for the spring, when the working groups on trade and on energy report back to the plenary.</p><p>Observers said the pace of the talks had surprised them. "Nobody expected a draft this early," said Paul Mercer, a researcher who follows the process.</p>'
a1=$(ttrss_add_entry "$world" g-a1 "Talks resume in Geneva" "$BASE/world/1" "$long")
a2=$(ttrss_add_entry "$world" g-a2 "Second day of talks" "$BASE/world/2" "$long")
a3=$(ttrss_add_entry "$briefs" g-a3 "Storm closes the port" "$BASE/article" "The port was closed.")

export DATELINE_DB="$TMP/store.db"
use_fresh_dirs cfg
printf 'password\n' >"$TMP/pw"
cat >"$TMP/config" <<CFG
source ttrss
ttrss-url $TTRSS_URL
ttrss-login admin
ttrss-password-eval cat $TMP/pw
CFG
export DATELINE_CONFIG="$TMP/config"

# id_of TITLE: the local item id of the article with that title
id_of() { "$BIN" list --json | python3 -c 'import json,sys; print([i["id"] for i in json.load(sys.stdin) if i["title"]==sys.argv[1]][0])' "$1"; }
field_of() { "$BIN" list --json | python3 -c 'import json,sys; print([str(i[sys.argv[2]]).lower() for i in json.load(sys.stdin) if i["title"]==sys.argv[1]][0])' "$1" "$2"; }
unread_on_server() { ttrss_sql "select unread from ttrss_user_entries where ref_id = $1"; }
marked_on_server() { ttrss_sql "select marked from ttrss_user_entries where ref_id = $1"; }
# api OP JSON-PARAMS: another machine using the API
api() {
	python3 - "$TTRSS_URL" "$1" "$2" <<'PY'
import json, sys, urllib.request
url, op, params = sys.argv[1] + "api/", sys.argv[2], json.loads(sys.argv[3])
def call(d):
    return json.load(urllib.request.urlopen(urllib.request.Request(url, data=json.dumps(d).encode()), timeout=10))
sid = call({"op": "login", "user": "admin", "password": "password"})["content"]["session_id"]
params.update(op=op, sid=sid)
r = call(params)
sys.exit(r["status"])
PY
}

t0=$(date +%s)
if "$BIN" refresh >"$TMP/r1.out" 2>"$TMP/r1.err"; then ok ttrss_first_refresh; else not_ok ttrss_first_refresh "$(cat "$TMP/r1.err")"; fi
expect_eq ttrss_items "3" "$("$BIN" list --json | jget /dev/stdin 'len(j)')"
"$BIN" status --json >"$TMP/status.json"
expect_eq ttrss_categories_as_tags "Short World-News" \
	"$(jget "$TMP/status.json" '" ".join(sorted(f["tags"] or "" for f in j))')"
expect_eq ttrss_analysis_quotes "yes" "$("$BIN" quotes --speaker Berg --json | jget /dev/stdin '"yes" if any("closer than we have ever been" in q["text"] for q in j) else "no"')"
# the summary-only feed got its page fetched, extracted and analysed
expect_eq ttrss_fulltext "true" "$(field_of "Storm closes the port" full)"
expect_match ttrss_fulltext_text "Luis Soto" "$("$BIN" export "$(id_of "Storm closes the port")" --format text 2>&1)"
if grep -aq password "$DATELINE_DB" "$TMP/r1.out" "$TMP/r1.err"; then not_ok ttrss_no_password_kept; else ok ttrss_no_password_kept; fi

# read in dateline -> read on the server (dateline mark goes through the store's queue as the TUI does)
"$BIN" mark "$(id_of "Talks resume in Geneva")" read >/dev/null
expect_eq ttrss_unread_before_refresh "t" "$(unread_on_server "$a1")"
"$BIN" refresh >"$TMP/r2.out" 2>&1
expect_eq ttrss_read_here_read_there "f" "$(unread_on_server "$a1")"
expect_match ttrss_sent_count "1 changes sent" "$(cat "$TMP/r2.out")"

# star on the server -> starred in dateline; read on another machine -> read here
api updateArticle "{\"article_ids\": \"$a2\", \"mode\": 1, \"field\": 0}"
api updateArticle "{\"article_ids\": \"$a3\", \"mode\": 0, \"field\": 2}"
"$BIN" refresh >/dev/null 2>&1
expect_eq ttrss_star_there_starred_here "true" "$(field_of "Second day of talks" starred)"
expect_eq ttrss_read_there_read_here "true" "$(field_of "Storm closes the port" read)"

# offline: the server is down, changes wait in the queue; the store stays as it was
kill "$TT_PHP_PID"; wait "$TT_PHP_PID" 2>/dev/null
"$BIN" mark "$(id_of "Storm closes the port")" unread >/dev/null
"$BIN" mark "$(id_of "Talks resume in Geneva")" star >/dev/null
"$BIN" mark "$(id_of "Talks resume in Geneva")" unstar >/dev/null
"$BIN" mark "$(id_of "Talks resume in Geneva")" star >/dev/null
"$BIN" list --json >"$TMP/before.json"
if "$BIN" refresh >"$TMP/off.out" 2>"$TMP/off.err"; then not_ok ttrss_offline_fails "refresh succeeded"; else ok ttrss_offline_fails; fi
expect_eq ttrss_offline_one_message "1" "$(grep -c . "$TMP/off.err")"
expect_match ttrss_offline_message "cannot reach Tiny Tiny RSS at .*stay queued" "$(cat "$TMP/off.err")"
"$BIN" list --json >"$TMP/after.json"
if cmp -s "$TMP/before.json" "$TMP/after.json"; then ok ttrss_offline_store_intact; else not_ok ttrss_offline_store_intact; fi
expect_match ttrss_offline_waiting "^2 changes wait for the aggregator" "$("$BIN" status | tail -1)"
(cd "$TT_DIR/www" && exec php -S "127.0.0.1:$TT_PORT") >>"$TT_DIR/php.log" 2>&1 &
TT_PHP_PID=$!
sleep 1
"$BIN" refresh >"$TMP/on.out" 2>&1
expect_match ttrss_offline_sent "2 changes sent" "$(cat "$TMP/on.out")"
expect_eq ttrss_offline_unread_delivered "t" "$(unread_on_server "$a3")"
expect_eq ttrss_offline_star_delivered "t" "$(marked_on_server "$a1")"
# delivered once: another machine reads it again; the next refresh does not send the old change
api updateArticle "{\"article_ids\": \"$a3\", \"mode\": 0, \"field\": 2}"
"$BIN" refresh >"$TMP/again.out" 2>&1
expect_match ttrss_delivered_once "0 changes sent" "$(cat "$TMP/again.out")"
expect_eq ttrss_delivered_once_server "f" "$(unread_on_server "$a3")"
expect_eq ttrss_delivered_once_here "true" "$(field_of "Storm closes the port" read)"

# conflict: changed here since the last refresh AND on the server -> the change made here wins
# (it reaches the server first); the other flag of the item follows the server
"$BIN" mark "$(id_of "Second day of talks")" read >/dev/null
api updateArticle "{\"article_ids\": \"$a2\", \"mode\": 1, \"field\": 2}"   # unread there
api updateArticle "{\"article_ids\": \"$a2\", \"mode\": 0, \"field\": 0}"   # unstarred there
"$BIN" refresh >/dev/null 2>&1
expect_eq ttrss_conflict_here_wins "true/f" "$(field_of "Second day of talks" read)/$(unread_on_server "$a2")"
expect_eq ttrss_conflict_other_flag "false" "$(field_of "Second day of talks" starred)"

# new articles arrive incrementally
a4=$(ttrss_add_entry "$briefs" g-a4 "Port reopens" "$BASE/article" "$long")
"$BIN" refresh >"$TMP/inc.out" 2>&1
expect_match ttrss_incremental "1 new items" "$(cat "$TMP/inc.out")"

# a subscription added on the server arrives; one dropped there goes here too
extra=$(ttrss_add_feed "Science" "$BASE/feed/science")
ttrss_add_entry "$extra" g-s1 "Comet seen" "$BASE/science/1" "$long" >/dev/null
"$BIN" refresh >/dev/null 2>&1
expect_eq ttrss_new_subscription "Briefs Science World" "$("$BIN" status --json | jget /dev/stdin '" ".join(sorted(f["title"] for f in j))')"
api unsubscribeFeed "{\"feed_id\": $extra}"
"$BIN" refresh >"$TMP/unsub.out" 2>&1
expect_eq ttrss_unsubscribed_removed "Briefs World" "$("$BIN" status --json | jget /dev/stdin '" ".join(sorted(f["title"] for f in j))')"
expect_match ttrss_unsubscribed_said "1 feeds gone" "$(cat "$TMP/unsub.out")"

# the API's own address works as ttrss-url too (same aggregator, same store)
sed "s|^ttrss-url .*|ttrss-url ${TTRSS_URL}api/|" "$TMP/config" >"$TMP/config-api"
if DATELINE_CONFIG="$TMP/config-api" "$BIN" refresh >"$TMP/api.out" 2>&1; then ok ttrss_url_with_api; else not_ok ttrss_url_with_api "$(cat "$TMP/api.out")"; fi

# errors: each one message, the store untouched
"$BIN" list --json >"$TMP/before.json"
printf 'Wr0ngPass\n' >"$TMP/pw"
"$BIN" refresh >/dev/null 2>"$TMP/e1"; rc=$?
expect_eq ttrss_wrong_password_status 1 "$rc"
expect_match ttrss_wrong_password "wrong user name or password" "$(cat "$TMP/e1")"
expect_eq ttrss_wrong_password_one_line 1 "$(grep -c . "$TMP/e1")"
if grep -q Wr0ngPass "$TMP/e1"; then not_ok ttrss_error_no_password; else ok ttrss_error_no_password; fi
printf 'password\n' >"$TMP/pw"
ttrss_sql "update ttrss_user_prefs set value = 'false' where pref_name = 'ENABLE_API_ACCESS'" >/dev/null
"$BIN" refresh >/dev/null 2>"$TMP/e2"
expect_match ttrss_api_disabled "API is off for this user" "$(cat "$TMP/e2")"
ttrss_sql "update ttrss_user_prefs set value = 'true' where pref_name = 'ENABLE_API_ACCESS'" >/dev/null
sed "s|^ttrss-url .*|ttrss-url http://127.0.0.1:$(free_port)/|" "$TMP/config" >"$TMP/config2"
DATELINE_CONFIG="$TMP/config2" DATELINE_DB="$TMP/other.db" "$BIN" refresh >/dev/null 2>"$TMP/e3"
expect_match ttrss_unreachable "cannot reach Tiny Tiny RSS" "$(cat "$TMP/e3")"
expect_eq ttrss_unreachable_nothing_stored 0 "$(DATELINE_DB="$TMP/other.db" "$BIN" list --json | jget /dev/stdin 'len(j)')"
"$BIN" list --json >"$TMP/after.json"
if cmp -s "$TMP/before.json" "$TMP/after.json"; then ok ttrss_errors_store_intact; else not_ok ttrss_errors_store_intact; fi
printf 'ttrss-password secret\n' >>"$TMP/config"
"$BIN" refresh >/dev/null 2>"$TMP/e4"
expect_match ttrss_clear_password_refused "never written in the config" "$(cat "$TMP/e4")"
echo "# ttrss: $(( $(date +%s) - t0 )) s after the server was up" >&2

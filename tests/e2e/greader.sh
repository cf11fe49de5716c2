#!/bin/sh
# Reading from a Google Reader API server (source greader), against tests/greader_server.py,
# which implements the documented endpoints (login, subscription list, stream contents,
# item ids, edit-tag): items and state in, changes out in batches, the queue, errors, TLS.
. "$(dirname "$0")/lib.sh"

command -v python3 >/dev/null 2>&1 || { skip greader "python3 missing"; exit 0; }
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
# start_gr NAME ARGS...: a server; sets GR_PID_NAME and prints its port
start_gr() {
	name=$1; shift
	python3 "$ROOT/tests/greader_server.py" --lifetime 900 --port-file "$TMP/$name.port" "$@" >"$TMP/$name.log" 2>&1 &
	echo $! >"$TMP/$name.pid"
	i=0
	while [ ! -s "$TMP/$name.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	cat "$TMP/$name.port"
}
PORT=$(start_gr gr --feeds 3 --items 12 --cmdlines "$TMP/cmdlines")
[ -n "$PORT" ] || { not_ok greader_server "did not start: $(cat "$TMP/gr.log")"; exit 0; }
trap 'kill $(cat "$TMP"/*.pid 2>/dev/null) 2>/dev/null; rm -rf "$TMP"' EXIT
URL="http://127.0.0.1:$PORT"

export DATELINE_DB="$TMP/store.db" DATELINE_CONFIG="$TMP/config" DATELINE_DATA_DIR="$TMP/data"
printf 'correct horse\n' >"$TMP/pw"
cat >"$TMP/config" <<CFG
source greader
greader-url $URL/
greader-login alice
greader-password-file $TMP/pw
CFG
# http METHOD URL [BODY] [AUTH-TOKEN]: one request (python3, no curl needed); prints the body
http() {
	python3 - "$@" <<'PY'
import sys, urllib.request
m, url = sys.argv[1], sys.argv[2]
body = sys.argv[3].encode() if len(sys.argv) > 3 else (b"" if m == "POST" else None)
r = urllib.request.Request(url, data=body, method=m)
if len(sys.argv) > 4:
    r.add_header("Authorization", "GoogleLogin auth=" + sys.argv[4])
print(urllib.request.urlopen(r, timeout=10).read().decode())
PY
}
count() { python3 -c 'import json,sys,urllib.request; print(eval(sys.argv[2], {"j": json.load(urllib.request.urlopen(sys.argv[1] + "/test/count"))}))' "$URL" "$1"; }
edit() { http POST "$URL/reader/api/0/edit-tag" "T=actiontoken$(printf %s "$TOKEN" | cut -c1-8)&$1" "$TOKEN" >/dev/null; }
TOKEN=$(http POST "$URL/accounts/ClientLogin" 'Email=alice&Passwd=correct%20horse' | sed -n 's/^Auth=//p')
field_of() { "$BIN" list --json | python3 -c 'import json,sys; print([str(i[sys.argv[2]]).lower() for i in json.load(sys.stdin) if i["title"]==sys.argv[1]][0])' "$1" "$2"; }
id_of() { "$BIN" list --json | python3 -c 'import json,sys; print([i["id"] for i in json.load(sys.stdin) if i["title"]==sys.argv[1]][0])' "$1"; }

# another machine read item 1 and starred item 2 before the first sync
edit "a=user/-/state/com.google/read&i=1"
edit "a=user/-/state/com.google/starred&i=tag:google.com,2005:reader/item/0000000000000002"
if "$BIN" refresh >"$TMP/r1" 2>&1; then ok greader_first_refresh; else not_ok greader_first_refresh "$(cat "$TMP/r1")"; fi
expect_eq greader_items 12 "$("$BIN" list --json | jget /dev/stdin 'len(j)')"
expect_eq greader_feeds_tags "Group-0 Group-1 Group-2" "$("$BIN" status --json | jget /dev/stdin '" ".join(sorted(f["tags"] for f in j))')"
expect_eq greader_read_in "true" "$(field_of "Item 1 of feed 0" read)"
expect_eq greader_star_in "true" "$(field_of "Item 2 of feed 1" starred)"
expect_eq greader_unread_in "false" "$(field_of "Item 3 of feed 2" read)"
expect_eq greader_quotes_analysed "yes" "$("$BIN" quotes --speaker Weber --json | jget /dev/stdin '"yes" if len(j) >= 12 else "no %d" % len(j)')"

# changes here go out batched: 5 reads and a star are two edit-tag requests
before=$(count 'j["paths"].get("/reader/api/0/edit-tag", 0)')
for n in 4 5 6 7 8; do "$BIN" mark "$(id_of "Item $n of feed $(( (n - 1) % 3 ))")" read >/dev/null; done
"$BIN" mark "$(id_of "Item 9 of feed 2")" star >/dev/null
"$BIN" refresh >"$TMP/r2" 2>&1
expect_match greader_sent "6 changes sent" "$(cat "$TMP/r2")"
expect_eq greader_batched 2 "$(( $(count 'j["paths"].get("/reader/api/0/edit-tag", 0)') - before ))"
expect_eq greader_edit_ids "[4, 5, 6, 7, 8]" "$(count 'sorted(j["edits"][-2]["i"])')"

# offline: the server answers 503; changes stay queued, the store as it was
http GET "$URL/test/fail?code=503" >/dev/null
"$BIN" mark "$(id_of "Item 10 of feed 0")" read >/dev/null
"$BIN" list --json >"$TMP/b.json"
"$BIN" refresh >/dev/null 2>"$TMP/e1"; rc=$?
expect_eq greader_api_error_status 1 "$rc"
expect_match greader_api_error "answered HTTP 503.*stay queued" "$(cat "$TMP/e1")"
expect_eq greader_api_error_one_line 1 "$(grep -c . "$TMP/e1")"
"$BIN" list --json >"$TMP/a.json"
if cmp -s "$TMP/b.json" "$TMP/a.json"; then ok greader_error_store_intact; else not_ok greader_error_store_intact; fi
http GET "$URL/test/fail?code=0" >/dev/null
"$BIN" refresh >"$TMP/r3" 2>&1
expect_match greader_queue_delivered "1 changes sent" "$(cat "$TMP/r3")"
expect_eq greader_queue_on_server "[10]" "$(count 'j["edits"][-1]["i"]')"
"$BIN" refresh >"$TMP/r4" 2>&1
expect_match greader_delivered_once "0 changes sent" "$(cat "$TMP/r4")"

# incremental: two new items arrive
http POST "$URL/test/add?feed=1&n=2" >/dev/null
"$BIN" refresh >"$TMP/r5" 2>&1
expect_match greader_incremental "2 new items" "$(cat "$TMP/r5")"

# errors
printf 'wrong\n' >"$TMP/pw"
"$BIN" refresh >/dev/null 2>"$TMP/e2"
expect_match greader_wrong_password "refused the login: wrong user name or password" "$(cat "$TMP/e2")"
printf 'correct horse\n' >"$TMP/pw"
sed "s|^greader-url .*|greader-url $URL/nothing-here|" "$TMP/config" >"$TMP/config2"
DATELINE_CONFIG="$TMP/config2" DATELINE_DB="$TMP/o.db" "$BIN" refresh >/dev/null 2>"$TMP/e3"
expect_match greader_wrong_url "accounts/ClientLogin is not there" "$(cat "$TMP/e3")"
# a redirect is not followed with the password: the message names where the server points
sed "s|^greader-url .*|greader-url $URL/moved|" "$TMP/config" >"$TMP/config4"
logins=$(count 'j["paths"].get("/accounts/ClientLogin", 0)')
DATELINE_CONFIG="$TMP/config4" DATELINE_DB="$TMP/o.db" "$BIN" refresh >/dev/null 2>"$TMP/e5"
expect_match greader_redirect_not_followed "HTTP 301: the server sends this request to $URL/accounts/ClientLogin \(use that URL\)" "$(cat "$TMP/e5")"
expect_eq greader_redirect_no_login "$logins" "$(count 'j["paths"].get("/accounts/ClientLogin", 0)')"
if grep -aq "correct horse" "$DATELINE_DB" "$TMP"/r* "$TMP"/e*; then not_ok greader_no_password_kept; else ok greader_no_password_kept; fi
# the process list while dateline logs in (the server took it as the login arrived)
if [ -s "$TMP/cmdlines" ] && grep -q "refresh" "$TMP/cmdlines"; then
	if grep -q "correct horse" "$TMP/cmdlines"; then not_ok greader_password_not_in_ps; else ok greader_password_not_in_ps; fi
else
	not_ok greader_password_not_in_ps "no process list taken at login"
fi

# what the aggregator says is untrusted: no escape sequence reaches the terminal
HPORT=$(start_gr hostile --feeds 2 --items 2 --hostile)
sed "s|^greader-url .*|greader-url http://127.0.0.1:$HPORT|" "$TMP/config" >"$TMP/config5"
DATELINE_CONFIG="$TMP/config5" DATELINE_DB="$TMP/h.db" "$BIN" refresh >"$TMP/h1" 2>&1
DATELINE_DB="$TMP/h.db" "$BIN" status >>"$TMP/h1" 2>&1
DATELINE_DB="$TMP/h.db" "$BIN" list >>"$TMP/h1" 2>&1
expect_match greader_hostile_stored "Bad.*title" "$(cat "$TMP/h1")"
if LC_ALL=C grep -q "$(printf '\033')\|$(printf '\007')\|$(printf '\302\233')\|$(printf '\342\200\256')" "$TMP/h1"; then
	not_ok greader_hostile_sanitised "escape or control bytes in: $(od -c "$TMP/h1" | head -5)"
else
	ok greader_hostile_sanitised
fi

# TLS verified: a self-signed server is refused, and accepted with its certificate as the CA bundle
if command -v openssl >/dev/null 2>&1 && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
	-addext "subjectAltName=IP:127.0.0.1" -keyout "$TMP/key.pem" -out "$TMP/cert.pem" >/dev/null 2>&1; then
	TPORT=$(start_gr tls --tls "$TMP/cert.pem" "$TMP/key.pem")
	sed "s|^greader-url .*|greader-url https://127.0.0.1:$TPORT|" "$TMP/config" >"$TMP/config3"
	DATELINE_CONFIG="$TMP/config3" DATELINE_DB="$TMP/t.db" "$BIN" refresh >/dev/null 2>"$TMP/e4"
	expect_match greader_tls_refused "cannot reach .*TLS certificate not trusted" "$(cat "$TMP/e4")"
	DATELINE_CA_BUNDLE="$TMP/cert.pem" DATELINE_CONFIG="$TMP/config3" DATELINE_DB="$TMP/t.db" "$BIN" refresh >"$TMP/r6" 2>&1
	expect_match greader_tls_trusted "3 feeds from the aggregator: 9 new items" "$(cat "$TMP/r6")"
else
	skip greader_tls "openssl could not make a test certificate"
fi

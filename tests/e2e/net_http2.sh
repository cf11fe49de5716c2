#!/bin/bash
# HTTP/2 where offered: nghttpd (nghttp2-server) on 127.0.0.1 over TLS serves 20 feeds; a refresh
# gets every one over HTTP/2 (--verbose names the version). Skips without nghttpd or openssl.
. "$(dirname "$0")/lib.sh"
for tool in nghttpd openssl python3; do
	if ! command -v $tool >/dev/null 2>&1; then
		skip net_http2 "no $tool (apt-get install nghttp2-server openssl)"
		exit 0
	fi
done
if ! openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
	-addext "subjectAltName=IP:127.0.0.1" -keyout "$TMP/key.pem" -out "$TMP/cert.pem" >/dev/null 2>&1; then
	skip net_http2 "openssl could not make a test certificate"
	exit 0
fi
mkdir -p "$TMP/h2"
python3 - "$TMP/h2" <<'PY'
import sys
for n in range(20):
    items = "".join('<item><title>h2 %d item %d</title><link>https://127.0.0.1/%d/%d</link><guid>%d-%d</guid></item>'
                    % (n, i, n, i, n, i) for i in range(10))
    open("%s/f%d.xml" % (sys.argv[1], n), "w").write(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>H2 %d</title>%s</channel></rss>' % (n, items))
PY
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
timeout 30 nghttpd -a 127.0.0.1 -d "$TMP/h2" "$PORT" "$TMP/key.pem" "$TMP/cert.pem" >/dev/null 2>&1 &
H2PID=$!
trap 'kill $H2PID 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 50); do
	python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2)' "$PORT" 2>/dev/null && break
	sleep 0.1
done
export no_proxy=127.0.0.1 NO_PROXY=127.0.0.1 DATELINE_CONFIG_DIR="$TMP/cfg" DATELINE_DATA_DIR="$TMP/data"
export DATELINE_CA_BUNDLE="$TMP/cert.pem" DATELINE_FETCH_TIMEOUT=10
mkdir -p "$DATELINE_CONFIG_DIR"
for n in $(seq 0 19); do echo "https://127.0.0.1:$PORT/f$n.xml"; done >"$DATELINE_CONFIG_DIR/feeds"
"$BIN" refresh --verbose >"$TMP/out" 2>"$TMP/err"; rc=$?
expect_eq http2_refresh_status 0 "$rc"
expect_match http2_summary '^20 feeds: 20 updated, 0 unchanged, 0 failed; 200 new items' "$(cat "$TMP/out")"
expect_eq http2_every_feed 20 "$(grep -c ': 200 HTTP/2, ' "$TMP/err")"

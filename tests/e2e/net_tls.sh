#!/bin/bash
# TLS is verified: a self-signed server is refused with a clear error, and accepted once its
# certificate is the CA bundle (DATELINE_CA_BUNDLE). Needs the openssl command to make the certificate.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/netlib.sh"
if ! command -v openssl >/dev/null 2>&1; then
	skip net_tls "no openssl command to make a test certificate (apt-get install openssl)"
	exit 0
fi
if ! openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
	-addext "subjectAltName=IP:127.0.0.1" -keyout "$TMP/key.pem" -out "$TMP/cert.pem" >/dev/null 2>&1; then
	skip net_tls "openssl could not make a test certificate"
	exit 0
fi
if ! start_httpd 30 --tls-cert "$TMP/cert.pem" --tls-key "$TMP/key.pem" --tls-port-file "$TMP/tlsport"; then
	skip net_tls "python3 or tests/httpd.py could not start"
	exit 0
fi
for _ in $(seq 50); do [ -s "$TMP/tlsport" ] && break; sleep 0.1; done
TLS="https://127.0.0.1:$(cat "$TMP/tlsport")"
export DATELINE_FETCH_TIMEOUT=5
"$BIN" feed "$TLS/feed/secure" >/dev/null 2>"$TMP/e1"; rc=$?
expect_match tls_self_signed_refused '^1 dateline: .*: TLS certificate not trusted' "$rc $(cat "$TMP/e1")"
DATELINE_CA_BUNDLE="$TMP/cert.pem" "$BIN" feed --json "$TLS/feed/secure?items=2" >"$TMP/ok.json" 2>"$TMP/e2"; rc=$?
expect_eq tls_trusted_ca_ok 0 "$rc"
expect_eq tls_trusted_ca_items 2 "$(jget "$TMP/ok.json" 'len(j["items"])')"
# A certificate for another name is refused even when trusted.
use_fresh_dirs
echo "https://localhost:$(cat "$TMP/tlsport")/feed/byname" >"$DATELINE_CONFIG_DIR/feeds"
DATELINE_CA_BUNDLE="$TMP/cert.pem" "$BIN" refresh >/dev/null 2>"$TMP/e3"
expect_match tls_wrong_name_refused 'TLS certificate not trusted' "$(cat "$TMP/e3")"

#!/bin/bash
# 1. Refresh: 200 feeds x 50 items from a local server (tests/httpd.py on 127.0.0.1), whole process,
# first fetch with the server answering at once and after 50 ms (a distant server), and an all-304
# refresh, beside newsboat -x reload (reload-threads 16), sfeed_update (maxjobs=16) and curl --parallel
# --parallel-max 16 writing the same URLs to files (the network floor; for the 304s, sending the same
# If-None-Match and If-Modified-Since as dateline).
#   BENCH_FEEDS, BENCH_ITEMS, BENCH_JOBS, BENCH_REFRESH_RUNS (5), BENCH_DELAYS ("0 50") change the set-up;
#   BENCH_TLS=1 adds HTTPS (a TLS connection per feed) and HTTP/2 (nghttpd) beside curl.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
FEEDS=${BENCH_FEEDS:-200} ITEMS=${BENCH_ITEMS:-50} JOBS=${BENCH_JOBS:-16} RUNS=${BENCH_REFRESH_RUNS:-5}
FETCHONLY="$BENCH_DIR/fetchonly"
# one local server stands in for many sites: dateline's politeness limit per host (8) would make it
# a different race from the peers', which have none
export DATELINE_FETCH_PER_HOST=$JOBS
W=$(mktemp -d)
python3 tests/httpd.py --lifetime 900 --port-file "$W/port" --bench-feeds "$FEEDS" --bench-items "$ITEMS" &
HTTPD=$! H2PID= TLSPID=
trap 'kill $HTTPD $H2PID $TLSPID 2>/dev/null; rm -rf "$W"' EXIT INT TERM
for _ in $(seq 100); do [ -s "$W/port" ] && break; sleep 0.1; done
PORT=$(cat "$W/port")
BASE="http://127.0.0.1:$PORT/bench"

# the same URL list for everyone, once per answer delay (?delay=MS: the server waits that long)
have() { command -v "$1" >/dev/null 2>&1; }
bytes=$(python3 -c 'import sys,urllib.request; print(len(urllib.request.urlopen(sys.argv[1]).read()))' "$BASE/0.xml")
echo "server: tests/httpd.py on 127.0.0.1, $FEEDS feeds x $ITEMS items (~$((bytes / 1024)) KiB each), $JOBS transfers at once, $RUNS runs each"

# one row per peer; GOAL and CHECK go on the row of the fastest peer (by wall time) only
peer_rows() { # WHAT OURS FIELD(wall|cpu) NB SF GOAL CHECK
	local what=$1 ours=$2 f=$3 nbv=$4 sfv=$5 goal=$6 check=$7 g c fastest
	fastest=$(python3 -c 'import sys; v=[(float(x.split()[0]), n) for n, x in zip(("nb", "sf"), sys.argv[1:]) if x]
print(min(v)[1] if v else "")' "$nbv" "$sfv")
	if have newsboat; then
		g="-" c=""; [ "$fastest" = nb ] && g=$goal c=$check
		row "$what" "$ours" "newsboat -x reload" "$($f "$nbv")" "$g" "$c"
	else row "$what" "$ours" "newsboat -x reload" "$(peer_missing newsboat)" "$goal"; fi
	if have sfeed_update; then
		g="-" c=""; [ "$fastest" = sf ] && g=$goal c=$check
		row "$what" "$ours" "sfeed_update" "$($f "$sfv")" "$g" "$c"
	else row "$what" "$ours" "sfeed_update" "$(peer_missing sfeed)" "$goal"; fi
}

# first fetch: no state, every feed downloaded and parsed (the prepare step removes the state)
for delay in ${BENCH_DELAYS:-0 50}; do
	d="$W/d$delay" sfx=""
	[ "$delay" = 0 ] || sfx="?delay=$delay"
	peer_lists "$d" "$sfx"
	DL="env DATELINE_CONFIG_DIR=$d/dl/cfg DATELINE_DATA_DIR=$d/dl/data $BIN refresh --jobs $JOBS --quiet"
	NB="env HOME=$d/nb newsboat -u $d/dl/cfg/feeds -c $d/nb/cache.db -C $d/nb/config -x reload"
	dl=$(measure -r "$RUNS" -p "rm -rf $d/dl/data" "$DL")
	cu=$(measure -r "$RUNS" "curl -s --compressed --parallel --parallel-max $JOBS -K $d/curl.cfg")
	fo=$(measure -r "$RUNS" "$FETCHONLY $d/urls $JOBS")
	nb= sf=
	if have newsboat; then nb=$(measure -r "$RUNS" -p "rm -f $d/nb/cache.db $d/nb/cache.db.lock" "$NB"); fi
	if have sfeed_update; then sf=$(measure -r "$RUNS" -p "rm -rf $d/sf/feeds" "sfeed_update $d/sf/sfeedrc"); fi
	what="refresh ${FEEDS}x${ITEMS}, ${delay} ms answer delay, first fetch: wall ms"
	peer_rows "$what" "$(wall "$dl")" wall "$nb" "$sf" ">= 2x faster than the fastest peer" "r >= 2"
	if [ "$delay" = 0 ]; then
		row "$what" "$(wall "$dl")" "curl --parallel (fetch only)" "$(wall "$cu")" "dateline <= 1.3x curl (ratio >= 0.77)" "o <= 1.3 * p"
	else
		row "$what" "$(wall "$dl")" "curl --parallel (fetch only)" "$(wall "$cu")" "dateline <= 1.5x curl (ratio >= 0.67)" "o <= 1.5 * p"
	fi
	row "$what" "$(wall "$dl")" "dateline's fetcher alone" "$(wall "$fo")" "- (fetch share of the refresh)"
	what="refresh ${FEEDS}x${ITEMS}, ${delay} ms answer delay, first fetch: CPU ms"
	peer_rows "$what" "$(cpu "$dl")" cpu "$nb" "$sf" "-"
	row "$what" "$(cpu "$dl")" "curl --parallel (fetch only)" "$(cpu "$cu")" "-"
done

# second refresh: state kept, every feed answers 304 to the validators it sent; curl sends the
# same validators (If-None-Match and If-Modified-Since, read from a first answer's headers)
d="$W/d0"
DL="env DATELINE_CONFIG_DIR=$d/dl/cfg DATELINE_DATA_DIR=$d/dl/data $BIN refresh --jobs $JOBS --quiet"
NB="env HOME=$d/nb newsboat -u $d/dl/cfg/feeds -c $d/nb/cache.db -C $d/nb/config -x reload"
SF="sfeed_update $d/sf/sfeedrc"
# per transfer, each its own headers: "next" starts the next transfer's options
python3 - "$BASE" "$FEEDS" >"$W/curl304.cfg" <<'PY'
import sys, urllib.request
base, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    h = urllib.request.urlopen("%s/%d.xml" % (base, i)).headers
    q = lambda v: (v or "").replace("\\", "\\\\").replace('"', '\\"')
    print('url = "%s/%d.xml"\noutput = "/dev/null"' % (base, i))
    print('header = "If-None-Match: %s"\nheader = "If-Modified-Since: %s"' % (q(h.get("ETag")), q(h.get("Last-Modified"))))
    if i + 1 < n:
        print("next")
PY
count304() { python3 -c 'import sys,urllib.request; t=urllib.request.urlopen(sys.argv[1]).read().decode()
print(sum(int(l.split()[-1]) for l in t.splitlines() if l.startswith("304 ")))' "http://127.0.0.1:$PORT/count"; }
sh -c "rm -rf $d/dl/data; $DL" >/dev/null 2>&1
n0=$(count304)
dl3=$(measure -r "$RUNS" "$DL")
n1=$(count304)
cu3=$(measure -r "$RUNS" "curl -s --parallel --parallel-max $JOBS -K $W/curl304.cfg")
n2=$(count304)
nb3= sf3=
if have newsboat; then sh -c "rm -f $d/nb/cache.db; $NB" >/dev/null 2>&1; nb3=$(measure -r "$RUNS" "$NB"); fi
if have sfeed_update; then sh -c "rm -rf $d/sf/feeds; $SF" >/dev/null 2>&1; sf3=$(measure -r "$RUNS" "$SF"); fi
echo "304 answers: dateline $((n1 - n0)), curl $((n2 - n1)) ($FEEDS per run, warm-up run included; sfeed_update sends no validators)"

what="refresh ${FEEDS}x${ITEMS}, all 304: wall ms"
row "$what" "$(wall "$dl3")" "curl --parallel, same conditional requests" "$(wall "$cu3")" "<= 1.2x curl (ratio >= 0.83)" "o <= 1.2 * p"
peer_rows "$what" "$(wall "$dl3")" wall "${nb3:-}" "${sf3:-}" "-"
row "refresh ${FEEDS}x${ITEMS}, all 304: CPU ms" "$(cpu "$dl3")" "curl --parallel, same conditional requests" "$(cpu "$cu3")" "-"

[ -n "${BENCH_TLS:-}" ] || { echo "HTTPS and HTTP/2 rows: run with BENCH_TLS=1"; exit 0; }
# The same feeds over HTTPS and HTTP/2 from nghttpd (a C server, so the server is not the floor).
if have nghttpd && have openssl && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
	-addext "subjectAltName=IP:127.0.0.1" -keyout "$W/key.pem" -out "$W/cert.pem" >/dev/null 2>&1; then
	mkdir -p "$W/h2" "$W/h2cfg"
	cp "$W"/d0/curl/*.xml "$W/h2/"
	H2PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	timeout 600 nghttpd -a 127.0.0.1 -d "$W/h2" "$H2PORT" "$W/key.pem" "$W/cert.pem" >/dev/null 2>&1 &
	H2PID=$!
	sleep 0.5
	for i in $(seq 0 $((FEEDS - 1))); do
		echo "https://127.0.0.1:$H2PORT/$i.xml" >>"$W/h2cfg/feeds"
		printf 'url = "https://127.0.0.1:%s/%s.xml"\noutput = "/dev/null"\n' "$H2PORT" "$i" >>"$W/h2curl.cfg"
	done
	h2=$(measure -r "$RUNS" -p "rm -rf $W/h2data" "env DATELINE_CONFIG_DIR=$W/h2cfg DATELINE_DATA_DIR=$W/h2data DATELINE_CA_BUNDLE=$W/cert.pem $BIN refresh --jobs $JOBS --quiet")
	h2c=$(measure -r "$RUNS" "curl -s --compressed --http2 --cacert $W/cert.pem --parallel --parallel-max $JOBS -K $W/h2curl.cfg")
	row "refresh, HTTPS + HTTP/2 (nghttpd), first fetch: wall ms" "$(wall "$h2")" "curl --parallel --http2" "$(wall "$h2c")" "ratio >= 0.77" "o <= 1.3 * p"
else
	echo "HTTP/2 rows skipped: needs nghttpd and openssl (apt-get install nghttp2-server openssl)"
fi
# HTTPS with one TLS connection per feed and a CA bundle the size of the system's
if [ -f "$W/cert.pem" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
	cat /etc/ssl/certs/ca-certificates.crt "$W/cert.pem" >"$W/bundle.pem"
	python3 tests/httpd.py --lifetime 600 --port-file "$W/tport0" --tls-cert "$W/cert.pem" --tls-key "$W/key.pem" \
		--tls-port-file "$W/tport" &
	TLSPID=$!
	for _ in $(seq 100); do [ -s "$W/tport" ] && break; sleep 0.1; done
	TPORT=$(cat "$W/tport") TLSN=$((FEEDS < 100 ? FEEDS : 100))
	mkdir -p "$W/tlscfg"
	for i in $(seq 1 "$TLSN"); do
		echo "https://127.0.0.1:$TPORT/feed/t$i?items=$ITEMS&close=1" >>"$W/tlscfg/feeds"
		printf 'url = "https://127.0.0.1:%s/feed/t%s?items=%s&close=1"\noutput = "/dev/null"\n' "$TPORT" "$i" "$ITEMS" >>"$W/tlscurl.cfg"
	done
	t=$(measure -r "$RUNS" -p "rm -rf $W/tlsdata" "env DATELINE_CONFIG_DIR=$W/tlscfg DATELINE_DATA_DIR=$W/tlsdata DATELINE_CA_BUNDLE=$W/bundle.pem $BIN refresh --jobs $JOBS --quiet")
	tc=$(measure -r "$RUNS" "curl -s --compressed --cacert $W/bundle.pem --parallel --parallel-max $JOBS -K $W/tlscurl.cfg")
	row "refresh, HTTPS, a TLS connection per feed ($TLSN): wall ms" "$(wall "$t")" "curl --parallel" "$(wall "$tc")" "ratio >= 0.77" "o <= 1.3 * p"
fi

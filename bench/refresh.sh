#!/bin/bash
# Refresh benchmark: 200 feeds x 50 items from a local server (tests/httpd.py on 127.0.0.1),
# whole process, first fetch and an all-304 refresh, beside:
#   curl --parallel --parallel-max 16   (the network floor: fetch only, no parsing, no state)
#   newsboat -x reload (reload-threads 16) and sfeed_update (maxjobs=16), when installed.
# Uses hyperfine when installed (medians of --runs), else a plain timing loop.
#
#   bench/refresh.sh [--feeds N] [--items N] [--runs N] [--jobs N] [--no-peers]
#
# Figures are reported, never asserted.
set -u
cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD
FEEDS=200 ITEMS=50 RUNS=10 JOBS=16 PEERS=1
while [ $# -gt 0 ]; do
	case $1 in
	--feeds) FEEDS=$2; shift 2 ;;
	--items) ITEMS=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--jobs) JOBS=$2; shift 2 ;;
	--no-peers) PEERS=0; shift ;;
	*) echo "usage: bench/refresh.sh [--feeds N] [--items N] [--runs N] [--jobs N] [--no-peers]" >&2; exit 2 ;;
	esac
done
make -s dateline build/libdateline.a || exit 1
W=$(mktemp -d)
# The fetcher alone, to tell network cost from parsing and state.
${CC:-cc} -O2 -Iinclude -o "$W/fetchonly" bench/fetchonly.c build/libdateline.a \
	$(pkg-config --libs libcurl libxml-2.0 json-c sqlite3 ncursesw) -lm -lpthread || exit 1
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
python3 tests/httpd.py --lifetime 900 --port-file "$W/port" --bench-feeds "$FEEDS" --bench-items "$ITEMS" &
HTTPD=$!
trap 'kill $HTTPD 2>/dev/null; rm -rf "$W"' EXIT INT TERM
for _ in $(seq 100); do [ -s "$W/port" ] && break; sleep 0.1; done
PORT=$(cat "$W/port")
BASE="http://127.0.0.1:$PORT/bench"

# The same URL list for everyone.
mkdir -p "$W/dl/cfg" "$W/dl/data" "$W/nb" "$W/sf"
: >"$W/urls"
: >"$W/curl.cfg"
{
	echo "sfeedpath=\"$W/sf/feeds\""
	echo "maxjobs=$JOBS"
	echo "feeds() {"
} >"$W/sf/sfeedrc"
for i in $(seq 0 $((FEEDS - 1))); do
	u="$BASE/$i.xml"
	echo "$u" >>"$W/urls"
	printf 'url = "%s"\noutput = "/dev/null"\n' "$u" >>"$W/curl.cfg"
	echo "	feed \"f$i\" \"$u\"" >>"$W/sf/sfeedrc"
done
echo "}" >>"$W/sf/sfeedrc"
cp "$W/urls" "$W/dl/cfg/feeds"
cp "$W/urls" "$W/nb/urls"
printf 'reload-threads %s\nshow-read-feeds yes\n' "$JOBS" >"$W/nb/config"
bytes=$(python3 -c 'import sys,urllib.request; print(len(urllib.request.urlopen(sys.argv[1]).read()))' "$BASE/0.xml")
echo "server: tests/httpd.py on 127.0.0.1:$PORT, $FEEDS feeds x $ITEMS items (~$((bytes / 1024)) KiB each), $JOBS at once"
echo "machine: $(nproc) cores; $(./dateline --version); $(curl --version | head -1 | cut -d' ' -f1-2)"

DL="env DATELINE_CONFIG_DIR=$W/dl/cfg DATELINE_DATA_DIR=$W/dl/data $ROOT/dateline refresh --jobs $JOBS --quiet"
DL_FIRST_PREP="rm -rf $W/dl/data"
CURL="curl -s --compressed --parallel --parallel-max $JOBS -K $W/curl.cfg"
NB="newsboat -u $W/nb/urls -c $W/nb/cache.db -C $W/nb/config -x reload"
NB_FIRST_PREP="rm -f $W/nb/cache.db $W/nb/cache.db.lock"
SF="sfeed_update $W/sf/sfeedrc"
SF_FIRST_PREP="rm -rf $W/sf/feeds"

# have TOOL: installed (and, for the peers, not left out with --no-peers)
have() { { [ "$PEERS" = 1 ] || [ "$1" = hyperfine ]; } && command -v "$1" >/dev/null 2>&1; }
results=()

# bench NAME PREPARE COMMAND: median wall seconds into $median.
bench() {
	local name=$1 prep=$2 cmd=$3
	if have hyperfine; then
		hyperfine -N --style none --warmup 1 --runs "$RUNS" ${prep:+--prepare "$prep"} \
			--export-json "$W/h.json" "$cmd" >/dev/null 2>"$W/h.err" || { cat "$W/h.err" >&2; median=NaN; return; }
		median=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.4f" % r["median"])' "$W/h.json")
	else
		local t=()
		for _ in $(seq "$RUNS"); do
			[ -n "$prep" ] && sh -c "$prep"
			local s=$(date +%s.%N)
			sh -c "$cmd" >/dev/null 2>&1
			t+=("$(echo "$(date +%s.%N) - $s" | bc)")
		done
		median=$(printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
	fi
	results+=("$name $median")
	printf '%-34s %8.1f ms\n' "$name" "$(echo "$median * 1000" | bc -l)"
}

echo
echo "== first fetch (no state: every feed downloaded and parsed)"
bench "dateline refresh" "$DL_FIRST_PREP" "$DL"
dl_first=$median
bench "curl --parallel (fetch only)" "" "$CURL"
curl_first=$median
bench "dateline fetcher alone (no parse)" "" "$W/fetchonly $W/urls $JOBS"
fo_first=$median
peer_first=""
if have newsboat; then
	bench "newsboat -x reload" "$NB_FIRST_PREP" "$NB"
	peer_first="$peer_first newsboat=$median"
else
	echo "skip newsboat: not installed or --no-peers (apt-get install -y newsboat)"
fi
if have sfeed_update; then
	bench "sfeed_update" "$SF_FIRST_PREP" "$SF"
	peer_first="$peer_first sfeed=$median"
else
	echo "skip sfeed_update: not installed or --no-peers (apt-get install -y sfeed)"
fi

echo
echo "== second refresh (state kept: conditional requests, all 304 where the tool sends validators)"
sh -c "$DL_FIRST_PREP"; sh -c "$DL" >/dev/null 2>&1
bench "dateline refresh (all 304)" "" "$DL"
dl_304=$median
peer_304=""
if have newsboat; then
	sh -c "$NB_FIRST_PREP"; sh -c "$NB" >/dev/null 2>&1
	bench "newsboat -x reload (again)" "" "$NB"
	peer_304="$peer_304 newsboat=$median"
fi
if have sfeed_update; then
	sh -c "$SF_FIRST_PREP"; sh -c "$SF" >/dev/null 2>&1
	bench "sfeed_update (again)" "" "$SF"
	peer_304="$peer_304 sfeed=$median"
fi
# Did the server really answer 304? (the /count route tells)
n304=$(python3 -c 'import sys,urllib.request; t=urllib.request.urlopen(sys.argv[1]).read().decode(); print(sum(int(l.split()[-1]) for l in t.splitlines() if l.startswith("304 ")))' "http://127.0.0.1:$PORT/count")
echo "(server sent $n304 answers 304 in all)"

# The same feeds over HTTPS and HTTP/2 from nghttpd (a C server, so the server is not the floor),
# dateline beside curl --parallel --http2. First fetch only: nghttpd answers no conditional requests.
h2_dl="" h2_curl=""
if command -v nghttpd >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1 &&
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
		-keyout "$W/key.pem" -out "$W/cert.pem" >/dev/null 2>&1; then
	mkdir -p "$W/h2" "$W/h2cfg"
	for i in $(seq 0 $((FEEDS - 1))); do
		python3 -c 'import sys,urllib.request; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1]).read())' \
			"$BASE/$i.xml" >"$W/h2/$i.xml"
	done
	H2PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	timeout 600 nghttpd -a 127.0.0.1 -d "$W/h2" "$H2PORT" "$W/key.pem" "$W/cert.pem" >/dev/null 2>&1 &
	H2PID=$!
	trap 'kill $HTTPD $H2PID 2>/dev/null; rm -rf "$W"' EXIT INT TERM
	sleep 0.5
	: >"$W/h2curl.cfg"
	for i in $(seq 0 $((FEEDS - 1))); do
		echo "https://127.0.0.1:$H2PORT/$i.xml" >>"$W/h2cfg/feeds"
		printf 'url = "https://127.0.0.1:%s/%s.xml"\noutput = "/dev/null"\n' "$H2PORT" "$i" >>"$W/h2curl.cfg"
	done
	echo
	echo "== HTTPS, HTTP/2 (nghttpd), first fetch"
	bench "dateline refresh (h2)" "rm -rf $W/h2data" \
		"env DATELINE_CONFIG_DIR=$W/h2cfg DATELINE_DATA_DIR=$W/h2data DATELINE_CA_BUNDLE=$W/cert.pem $ROOT/dateline refresh --jobs $JOBS --quiet"
	h2_dl=$median
	bench "curl --parallel --http2 (h2)" "" "curl -s --compressed --http2 --cacert $W/cert.pem --parallel --parallel-max $JOBS -K $W/h2curl.cfg"
	h2_curl=$median
	bench "dateline fetcher alone (h2)" "" "env DATELINE_CA_BUNDLE=$W/cert.pem $W/fetchonly $W/h2cfg/feeds $JOBS"
else
	echo "skip HTTP/2: needs nghttpd and openssl (apt-get install -y nghttp2-server openssl)"
fi

# HTTPS with one TLS connection per feed (what a refresh over many hosts does), the CA bundle the
# size of the system's: certificate handling, not the network, is what this measures.
tls_dl="" tls_curl=""
if command -v openssl >/dev/null 2>&1 && [ -f "$W/cert.pem" ] && [ -r /etc/ssl/certs/ca-certificates.crt ]; then
	cat /etc/ssl/certs/ca-certificates.crt "$W/cert.pem" >"$W/bundle.pem"
	python3 tests/httpd.py --lifetime 600 --port-file "$W/tport0" --tls-cert "$W/cert.pem" --tls-key "$W/key.pem" \
		--tls-port-file "$W/tport" &
	TLSPID=$!
	trap 'kill $HTTPD $H2PID $TLSPID 2>/dev/null; rm -rf "$W"' EXIT INT TERM
	for _ in $(seq 100); do [ -s "$W/tport" ] && break; sleep 0.1; done
	TPORT=$(cat "$W/tport")
	mkdir -p "$W/tlscfg"
	: >"$W/tlscurl.cfg"
	TLSN=$((FEEDS < 100 ? FEEDS : 100))
	for i in $(seq 1 "$TLSN"); do
		echo "https://127.0.0.1:$TPORT/feed/t$i?items=$ITEMS&close=1" >>"$W/tlscfg/feeds"
		printf 'url = "https://127.0.0.1:%s/feed/t%s?items=%s&close=1"\noutput = "/dev/null"\n' "$TPORT" "$i" "$ITEMS" >>"$W/tlscurl.cfg"
	done
	echo
	echo "== HTTPS, a new TLS connection for each of $TLSN feeds (CA bundle of $(grep -c 'BEGIN CERT' "$W/bundle.pem") certificates)"
	bench "dateline refresh (tls)" "rm -rf $W/tlsdata" \
		"env DATELINE_CONFIG_DIR=$W/tlscfg DATELINE_DATA_DIR=$W/tlsdata DATELINE_CA_BUNDLE=$W/bundle.pem $ROOT/dateline refresh --jobs $JOBS --quiet"
	tls_dl=$median
	bench "curl --parallel (tls)" "" "curl -s --compressed --cacert $W/bundle.pem --parallel --parallel-max $JOBS -K $W/tlscurl.cfg"
	tls_curl=$median
fi

echo
echo "== ratios (medians)"
python3 - "$dl_first" "$curl_first" "$dl_304" "$peer_first" "$peer_304" "$fo_first" "$h2_dl" "$h2_curl" "$tls_dl" "$tls_curl" <<'EOF'
import sys
dl_first, curl_first, dl_304 = (float(x) for x in sys.argv[1:4])
fo_first = float(sys.argv[6])
if sys.argv[9] and sys.argv[10]:
    print("TLS, connection per feed: curl --parallel / dateline: %.2fx" % (float(sys.argv[10]) / float(sys.argv[9])))
if sys.argv[7] and sys.argv[8]:
    print("HTTP/2: dateline first fetch / curl --parallel --http2: %.2fx" % (float(sys.argv[7]) / float(sys.argv[8])))
def peers(s):
    return {k: float(v) for k, v in (p.split("=") for p in s.split())}
pf, p3 = peers(sys.argv[4]), peers(sys.argv[5])
print("dateline first fetch / curl --parallel: %.2fx (goal: within 1.3x)" % (dl_first / curl_first))
print("dateline fetcher alone / curl --parallel: %.2fx (the rest is parsing, state, start-up)" % (fo_first / curl_first))
for name, t in sorted(pf.items(), key=lambda kv: kv[1]):
    print("%s first fetch / dateline: %.2fx" % (name, t / dl_first))
if pf:
    best = min(pf, key=pf.get)
    print("fastest peer first fetch (%s) / dateline: %.2fx (goal: >= 2x)" % (best, pf[best] / dl_first))
for name, t in sorted(p3.items(), key=lambda kv: kv[1]):
    print("%s second refresh / dateline all-304: %.2fx" % (name, t / dl_304))
print("dateline all-304 refresh of %s: %.0f ms (goal: under 500 ms)" % ("the feeds", dl_304 * 1000))
EOF

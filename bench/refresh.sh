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

echo
echo "== ratios (medians)"
python3 - "$dl_first" "$curl_first" "$dl_304" "$peer_first" "$peer_304" "$fo_first" <<'EOF'
import sys
dl_first, curl_first, dl_304 = (float(x) for x in sys.argv[1:4])
fo_first = float(sys.argv[6])
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

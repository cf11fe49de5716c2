#!/bin/bash
# 1b. Full-text refresh: 100 feeds x 50 items, each item a whole ~800-word article in
# content:encoded (tests/httpd.py --bench-words: deterministic text with datelines, quotations
# and names), from 127.0.0.1, 16 transfers at once. dateline's two moments (items browsable,
# analysis done, from its own report), its whole-process wall and CPU time, and the store's bytes
# per byte of feed, beside newsboat -x reload, sfeed_update and curl --parallel on the same URLs.
#   BENCH_FT_FEEDS, BENCH_FT_ITEMS, BENCH_FT_WORDS, BENCH_FT_RUNS (3) change the set-up.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
FEEDS=${BENCH_FT_FEEDS:-100} ITEMS=${BENCH_FT_ITEMS:-50} WORDS=${BENCH_FT_WORDS:-800} RUNS=${BENCH_FT_RUNS:-3} JOBS=16
W=$(mktemp -d)
fulltext_server
have() { command -v "$1" >/dev/null 2>&1; }

peer_lists "$W"
curl -s -K "$W/curl.cfg" --parallel --parallel-max "$JOBS" 2>/dev/null
feed_bytes=$(cat "$W"/curl/*.xml | wc -c)
echo "full-text feeds: $FEEDS x $ITEMS items of ~$WORDS words, $((feed_bytes / 1048576)) MiB in all, $RUNS runs each"

# dateline: its report gives both moments; the process's wall and CPU time come from the same run
runs_b="" runs_a="" runs_w="" runs_c=""
for r in $(seq 1 "$RUNS"); do
	rm -rf "$W/dl/data"
	line=$(python3 - "$W" "$BIN" "$JOBS" <<'PY'
import os, re, subprocess, sys, time
w, binary, jobs = sys.argv[1:4]
env = dict(os.environ, DATELINE_CONFIG_DIR=w + "/dl/cfg", DATELINE_DATA_DIR=w + "/dl/data")
t = time.perf_counter()
p = subprocess.Popen([binary, "refresh", "--jobs", jobs, "--no-progress"], env=env, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL, text=True)
out = p.stdout.read()
_, _, ru = os.wait4(p.pid, 0)
wall = (time.perf_counter() - t) * 1e3
m = re.search(r"browsable after ([0-9.]+) s, analysed after ([0-9.]+) s", out)
b, a = (float(m.group(1)) * 1e3, float(m.group(2)) * 1e3) if m else (float("nan"), float("nan"))
print("%.1f %.1f %.1f %.1f" % (b, a, wall, (ru.ru_utime + ru.ru_stime) * 1e3))
PY
)
	set -- $line
	runs_b="$runs_b $1" runs_a="$runs_a $2" runs_w="$runs_w $3" runs_c="$runs_c $4"
done
med() { python3 -c 'import statistics, sys; print("%.1f" % statistics.median(map(float, sys.argv[1:])))' $1; }
browsable=$(med "$runs_b") analysed=$(med "$runs_a") dlwall=$(med "$runs_w") dlcpu=$(med "$runs_c")
store_bytes=$(du -cb "$W/dl/data"/dateline.db* | tail -1 | cut -f1)
echo "dateline: items browsable after $browsable ms, analysed after $analysed ms (medians); store $((store_bytes / 1048576)) MiB"

cu=$(measure -r "$RUNS" "curl -s --compressed --parallel --parallel-max $JOBS -K $W/curl.cfg")
NB="env HOME=$W/nb newsboat -u $W/dl/cfg/feeds -c $W/nb/cache.db -C $W/nb/config -x reload"
if have newsboat; then
	nb=$(measure -r "$RUNS" -p "rm -f $W/nb/cache.db $W/nb/cache.db.lock" "$NB")
	nb_bytes=$(stat -c %s "$W/nb/cache.db" 2>/dev/null || echo NaN)
fi
if have sfeed_update; then
	sf=$(measure -r "$RUNS" -p "rm -rf $W/sf/feeds" "sfeed_update $W/sf/sfeedrc")
fi
fastest=$(python3 -c 'import sys; v=[float(x.split()[0]) for x in sys.argv[1:] if x]; print(min(v) if v else "")' \
	"${nb:-}" "${sf:-}")
[ -n "$fastest" ] || fastest=$(peer_missing "newsboat sfeed") # neither peer: the rows say so

what="full-text refresh ${FEEDS}x${ITEMS} (~${WORDS} words)"
row "$what: items browsable, wall ms" "$browsable" "fastest of newsboat, sfeed_update (plain refresh)" "$fastest" \
	">= 2x faster than the fastest peer" "r >= 2"
row "$what: analysis done, wall ms" "$analysed" "fastest of newsboat, sfeed_update (plain refresh)" "$fastest" \
	"no later than the fastest peer" "o <= p"
if have newsboat; then row "$what: whole process, wall ms" "$dlwall" "newsboat -x reload" "$(wall "$nb")" "-"
else row "$what: whole process, wall ms" "$dlwall" "newsboat -x reload" "$(peer_missing newsboat)" "-"; fi
if have sfeed_update; then row "$what: whole process, wall ms" "$dlwall" "sfeed_update" "$(wall "$sf")" "-"
else row "$what: whole process, wall ms" "$dlwall" "sfeed_update" "$(peer_missing sfeed)" "-"; fi
row "$what: whole process, wall ms" "$dlwall" "curl --parallel (fetch only)" "$(wall "$cu")" "-"
row "$what: whole process, CPU ms" "$dlcpu" "curl --parallel (fetch only)" "$(cpu "$cu")" "-"
ratio=$(python3 -c 'import sys; print("%.2f" % (int(sys.argv[1]) / int(sys.argv[2])))' "$store_bytes" "$feed_bytes")
if have newsboat; then
	nbratio=$(python3 -c 'import sys; print("%.2f" % (int(sys.argv[1]) / int(sys.argv[2])) if sys.argv[1] != "NaN" else "NaN")' \
		"$nb_bytes" "$feed_bytes")
	row "$what: store bytes per feed byte" "$ratio" "newsboat cache" "$nbratio" "<= 2" "o <= 2"
else
	row "$what: store bytes per feed byte" "$ratio" "newsboat cache" "$(peer_missing newsboat)" "<= 2" "o <= 2"
fi

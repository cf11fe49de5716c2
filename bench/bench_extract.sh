#!/bin/bash
# 3. Extraction and analysis per article, in process, on the shared material:
#   - the article-extraction-benchmark pages (eval/extraction/aeb): html_parse() alone and with the
#     analysis (bench/html_bench.c: each page's time is its fastest of BENCH_ROUNDS runs), peak memory;
#   - the tree html_tree_parse() builds per page byte on those pages, and `dateline show --json`'s
#     peak memory on 8 MB hostile pages (bench/gen_hostile_html.py) per page byte;
#   - analysis_run() on the seed and the PolNeAR articles (bench/analysis_bench.c), per article and
#     per 1,000 words; and `dateline show --json` on the seed, whole process.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
ROUNDS=${BENCH_ROUNDS:-5}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT INT TERM
PAGES="$SHARED/eval/extraction/aeb/html"
if [ -d "$PAGES" ]; then
	for f in "$PAGES"/*.html.gz; do gunzip -c "$f" >"$W/$(basename "$f" .gz)"; done
	"$BENCH_DIR/html_bench" -r "$ROUNDS" "$W"/*.html >"$W/x.txt"
	sed 's/^/  /' "$W/x.txt"
	n=$(ls "$W"/*.html | wc -l)
	# "extraction (html_parse)      pages N  median M ms  p95 P ms ..."
	field() { awk -v k="$1" -v f="$2" 'index($0, k) == 1 { for (i = 1; i <= NF; i++) if ($i == f) { print $(i + 1); exit } }' "$W/x.txt"; }
	row "extraction per page ($n aeb pages, in process): CPU median ms" "$(field "extraction CPU" median)" - - "< 5 ms" "o < 5"
	row "extraction per page: CPU p95 ms" "$(field "extraction CPU" p95)" - - "-"
	row "extraction per page: wall median ms" "$(field "extraction (html_parse)" median)" - - "< 5 ms" "o < 5"
	row "extraction + analysis per page: CPU median ms" "$(field "extraction + analysis CPU" median)" - - "-"
	row "extraction + analysis per page: CPU p95 ms" "$(field "extraction + analysis CPU" p95)" - - "-"
	row "extraction, all $n pages in one process: peak MB" "$(peak_mb "$BENCH_DIR/html_bench" -r 1 "$W"/*.html)" - - "-"
	big=$(ls -S "$W"/*.html | head -1)
	row "show --json on the largest page ($(($(wc -c <"$big") / 1024)) KB): peak MB" "$(peak_mb "$BIN" show --json "$big")" - - "-"
	# the tree builder's budget (3x the page + 8 MB) must never touch a normal page
	"$BENCH_DIR/html_tree_bench" "$W"/*.html | tail -1 >"$W/tree.txt"
	sed 's/^/  tree: /' "$W/tree.txt"
	row "extraction tree bytes per page byte, largest of the $n aeb pages" "$(awk '{print $9}' "$W/tree.txt")" - - "-"
	row "aeb pages cut by the tree budget" "$(awk '{print $6}' "$W/tree.txt")" - - "0" "o == 0"
else
	row "extraction per page" "skipped (no $PAGES)" - - "< 5 ms"
fi

# Peak memory on hostile pages: markup that makes a tree builder spend the most per page byte
# (bench/gen_hostile_html.py), above the program's baseline on an empty page.
printf '<html><body><p>The council met.</p></body></html>' >"$W/small.html"
base=$(peak_mb "$BIN" show --json "$W/small.html")
for kind in spans attrs tiny; do
	python3 bench/gen_hostile_html.py "$kind" "$W/$kind.html" 8
	mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1048576)" "$W/$kind.html")
	peak=$(peak_mb "$BIN" show --json "$W/$kind.html")
	row "show --json on an 8 MB hostile page ($kind): peak MB" "$peak" - - "-"
	row "  same: peak bytes per page byte above the baseline ($base MB)" \
		"$(python3 -c "import sys; print('%.2f' % ((float(sys.argv[1]) - float(sys.argv[2])) / float(sys.argv[3])))" "$peak" "$base" "$mb")" \
		- - "<= 8" "o <= 8"
done

TEXTS="$SHARED/eval/quotes/polnear-dev/text"
if [ -d "$TEXTS" ]; then
	"$BENCH_DIR/analysis_bench" -n "${BENCH_ANALYSIS_RUNS:-10}" -b "$BIN" "$SHARED/seeds" "$TEXTS" >"$W/a.txt"
	sed 's/^/  /' "$W/a.txt"
	arts=$(awk '/^articles/ {print $2 " articles, mean " $4 " words"; exit}' "$W/a.txt" | tr -d '(')
	get() { awk -v k="$1" -v f="$2" 'index($0, k) == 1 { for (i = 1; i <= NF; i++) if ($i == f) { print $(i + 1); exit } }' "$W/a.txt"; }
	row "analysis per article ($arts, in process): CPU median ms" "$(get "CPU per article:" median)" - - "-"
	row "analysis per article: CPU p95 ms" "$(get "CPU per article:" p95)" - - "-"
	row "analysis per 1,000 words: CPU median ms" "$(get "CPU per 1,000 words:" median)" - - "< 1 ms" "o < 1"
	row "analysis per 1,000 words: CPU p95 ms" "$(get "CPU per 1,000 words:" p95)" - - "-"
	row "analysis per 1,000 words: wall median ms" "$(get "per 1,000 words:" median)" - - "< 1 ms" "o < 1"
else
	row "analysis per article" "skipped (no $TEXTS)" - - "< 1 ms"
fi
f="$SHARED/seeds/000_3b5eb6d7dac60fdc.txt"
[ -f "$f" ] || f="$ROOT/samples/articles/01-port-strike.txt"
s=$(measure "$BIN show --json $f")
row "show --json, one article, whole process: wall ms" "$(wall "$s")" - - "-"
row "show --json, one article, whole process: CPU ms" "$(cpu "$s")" - - "-"
row "show --json, one article: peak MB" "$(peak_mb "$BIN" show --json "$f")" - - "-"

#!/bin/bash
# 4. Store at 10,000, 100,000 and 1,000,000 articles (bench/store_gen.c: summaries and whole articles,
# 1.2 quotations an article on average), whole process: list --limit 50, search WORD,
# quotes --speaker NAME, the interface's first screen (bench/first_screen.py), peak memory; each size's
# figure beside the next smaller one's, and the growth between them; newsboat's start-up
# (-x print-unread) on a cache of the same articles beside it (up to BENCH_NEWSBOAT_MAX articles,
# default 100,000: at a million its cache takes minutes to build and to start); and the store's own
# cost in process (bench/store_inproc.c) on the two largest, which is what the interface pays per
# keystroke. The stores are generated once (bench/store_gen.c) into build/bench/stores/ and reused
# while the generator and the schema are unchanged; BENCH_FRESH=1 rebuilds them. BENCH_STORE_SIZES
# changes the sizes (the million-article store: 2.6 GB and under 4 minutes of CPU to generate once).
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
SIZES=${BENCH_STORE_SIZES:-10000 100000 1000000}
NB_MAX=${BENCH_NEWSBOAT_MAX:-100000}
key=$(cat bench/store_gen.c src/store/store_schema.c bench/newsboat_cache.py | md5sum | cut -c1-12)
dir="$BENCH_DIR/stores"
if [ -n "${BENCH_FRESH:-}" ] || [ "$(cat "$dir/key" 2>/dev/null)" != "$key" ]; then
	rm -rf "$dir"
fi
mkdir -p "$dir" && echo "$key" >"$dir/key"
have() { command -v "$1" >/dev/null 2>&1; }

for n in $SIZES; do
	db="$dir/store-$n.db"
	if [ -f "$db" ]; then
		echo "store of $n articles: reused $db (BENCH_FRESH=1 rebuilds it)"
	else
		t0=$(date +%s)
		"$BENCH_DIR/store_gen" "$db.tmp" "$n" || exit 1
		mv "$db.tmp" "$db" && rm -f "$db.tmp-wal" "$db.tmp-shm"
		nq=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM quotes").fetchone()[0])' "$db")
		echo "store of $n articles, $nq quotations: generated in $(($(date +%s) - t0)) s ($(($(stat -c %s "$db") / 1048576)) MB)"
	fi
	if have newsboat && [ "$n" -le "$NB_MAX" ]; then
		nb="$dir/newsboat-$n"
		if [ -f "$nb/cache.db" ]; then
			echo "newsboat cache of $n articles: reused"
		else
			t0=$(date +%s)
			mkdir -p "$nb" && : >"$nb/urls"
			HOME="$nb" newsboat -u "$nb/urls" -c "$nb/cache.db.tmp" -x print-unread >/dev/null 2>&1
			python3 bench/newsboat_cache.py "$db" "$nb/cache.db.tmp" "$nb/urls" || exit 1
			mv "$nb/cache.db.tmp" "$nb/cache.db"
			echo "newsboat cache of $n articles: generated in $(($(date +%s) - t0)) s"
		fi
	fi
done

declare -A CPU WALL MB
ops=("list --limit 50" "search ceasefire" "quotes --speaker Peskov" "first screen")
for n in $SIZES; do
	export DATELINE_DB="$dir/store-$n.db" DATELINE_CONFIG=/dev/null
	for op in "${ops[@]}"; do
		if [ "$op" = "first screen" ]; then
			r=$(python3 bench/first_screen.py "${BENCH_SCREEN_RUNS:-5}" "$BIN") || exit 1
			set -- $r
			WALL[$n/$op]=$1 CPU[$n/$op]=$2 MB[$n/$op]=$3
		else
			r=$(measure "$BIN $op")
			WALL[$n/$op]=$(wall "$r") CPU[$n/$op]=$(cpu "$r")
			# shellcheck disable=SC2086
			MB[$n/$op]=$(peak_mb "$BIN" $op)
		fi
	done
	if have newsboat && [ "$n" -le "$NB_MAX" ]; then
		nb="$dir/newsboat-$n"
		# one run (about 30 s at 100,000 articles on a busy 2-core machine): wall, CPU and peak together
		set -- $(HOME="$nb" once newsboat -u "$nb/urls" -c "$nb/cache.db" -C /dev/null -x print-unread)
		WALL[$n/nb]=$1 CPU[$n/nb]=$2 MB[$n/nb]=$3
	fi
done
unset DATELINE_DB

# each size's row carries the next smaller size's figure in the peer columns (ratio: smaller / this)
k() { local n=$1; if [ "$n" -ge 1000000 ]; then echo "$((n / 1000000))M"; else echo "$((n / 1000))k"; fi; }
growth() { python3 -c "import sys; print('%.2f' % (float(sys.argv[2]) / float(sys.argv[1])))" "$1" "$2"; }
# growth goal: <= 1.3x from 100,000 to 1,000,000 (issue 13), <= 1.5x from 10,000 to 100,000
growth_goal() { if [ "$1" -ge 1000000 ]; then echo "<= 1.3x|o <= 1.3"; else echo "<= 1.5x|o <= 1.5"; fi; }
sizes=($SIZES)
last=${sizes[${#sizes[@]} - 1]}
for op in "${ops[@]}"; do
	label=$op; [ "$op" = "first screen" ] && label="interface: start-up to first screen"
	prev=
	for n in "${sizes[@]}"; do
		if [ -n "$prev" ]; then
			row "store $(k "$n"): $label, CPU ms" "${CPU[$n/$op]}" "store $(k "$prev")" "${CPU[$prev/$op]}" "< 30 ms" "o < 30"
			row "store $(k "$n"): $label, wall ms" "${WALL[$n/$op]}" "store $(k "$prev")" "${WALL[$prev/$op]}" "< 30 ms" "o < 30"
			g=$(growth_goal "$n")
			row "store $(k "$prev")->$(k "$n") growth: $label, CPU" "$(growth "${CPU[$prev/$op]}" "${CPU[$n/$op]}")" \
				- - "${g%%|*}" "${g#*|}"
		else
			row "store $(k "$n"): $label, CPU ms" "${CPU[$n/$op]}" - - "< 30 ms" "o < 30"
		fi
		prev=$n
	done
done
declare -A PEAK
prev=
for n in "${sizes[@]}"; do
	PEAK[$n]=$(for op in "${ops[@]}"; do echo "${MB[$n/$op]}"; done | sort -n | tail -1)
	if [ -n "$prev" ]; then
		row "store $(k "$n"): peak MB (largest of the four)" "${PEAK[$n]}" "store $(k "$prev")" "${PEAK[$prev]}" "< 30 MB" "o < 30"
		g=$(growth_goal "$n")
		row "store $(k "$prev")->$(k "$n") growth: peak MB" "$(growth "${PEAK[$prev]}" "${PEAK[$n]}")" - - "${g%%|*}" "${g#*|}"
	else
		row "store $(k "$n"): peak MB (largest of the four)" "${PEAK[$n]}" - - "< 30 MB" "o < 30"
	fi
	prev=$n
done
for n in "${sizes[@]}"; do
	if have newsboat && [ "$n" -le "$NB_MAX" ]; then
		row "store $(k "$n"): peak MB (largest of the four)" "${PEAK[$n]}" "newsboat -x print-unread" "${MB[$n/nb]}" "- (contrast)"
		row "store $(k "$n"): start-up to first screen, wall ms" "${WALL[$n/first screen]}" "newsboat -x print-unread" "${WALL[$n/nb]}" "- (contrast)"
		row "store $(k "$n"): start-up to first screen, CPU ms" "${CPU[$n/first screen]}" "newsboat -x print-unread" "${CPU[$n/nb]}" "- (contrast)"
	elif ! have newsboat; then
		row "store $(k "$n"): peak MB (largest of the four)" "${PEAK[$n]}" "newsboat -x print-unread" "$(peer_missing newsboat)" "- (contrast)"
	fi
done

# in process, on the two largest stores: "NAME<TAB>median<TAB>p95" per operation
inproc=("${sizes[@]: -2}")
[ "${#sizes[@]}" -lt 2 ] && inproc=("$last")
declare -A MED
for n in "${inproc[@]}"; do
	"$BENCH_DIR/store_inproc" "$dir/store-$n.db" 30 >"$dir/inproc-$n.txt" || exit 1
	sed "s/^/  in process, $(k "$n"): /" "$dir/inproc-$n.txt"
	while IFS=$'\t' read -r name med _; do MED[$n/$name]=$med; done <"$dir/inproc-$n.txt"
done
small=${inproc[0]}
while IFS=$'\t' read -r name med _; do
	peer=-; pval=-
	[ "$small" != "$last" ] && peer="store $(k "$small")" && pval=${MED[$small/$name]}
	case $name in
	type-ahead*) row "store $(k "$last") in process: quote type-ahead, 4 keys, median ms" "$med" "$peer" "$pval" "a few ms a key" "o / 4 < 5" ;;
	"list one feed, every item") # grows with the feed (10,000 items at 1M); the interface reads it after its first draw
		row "store $(k "$last") in process: $name, median ms" "$med" "$peer" "$pval" "- (read after the first 200 are drawn)" ;;
	"list 50 newest" | "list every unread"* | "list one feed"* | "search ceasefire (newest)" | "quotes, speaker Peskov" | \
		"quotes, all (newest 50)" | "load one article"*)
		row "store $(k "$last") in process: $name, median ms" "$med" "$peer" "$pval" "< 30 ms" "o < 30" ;;
	esac
done <"$dir/inproc-$last.txt"

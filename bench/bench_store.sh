#!/bin/bash
# 4. Store at 10,000 and 100,000 articles (10 quotations each), whole process: list --limit 50,
# search WORD, quotes --speaker NAME, the interface's first screen (bench/first_screen.py), peak
# memory; newsboat's start-up (-x print-unread) on a cache of the same articles beside it; and the
# store's own cost in process (bench/store_inproc.c), which is what the interface pays per keystroke.
# The stores are generated once (bench/store_gen.c) into build/bench/stores/ and reused while the
# generator and the schema are unchanged; BENCH_FRESH=1 rebuilds them. BENCH_STORE_SIZES changes sizes:
# "10000 100000 1000000" adds the million-article store (at about 10 KB an article, ~10 GB and, from
# the 100,000 one's 90 s of CPU, some 15 minutes of CPU to generate once).
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
SIZES=${BENCH_STORE_SIZES:-10000 100000}
key=$(cat bench/store_gen.c src/store/store_schema.c bench/newsboat_cache.py | md5sum | cut -c1-12)
dir="$BENCH_DIR/stores"
if [ -n "${BENCH_FRESH:-}" ] || [ "$(cat "$dir/key" 2>/dev/null)" != "$key" ]; then
	rm -rf "$dir"
fi
mkdir -p "$dir" && echo "$key" >"$dir/key"
have() { command -v "$1" >/dev/null 2>&1; }
k() { echo "$(($1 / 1000))k"; }

for n in $SIZES; do
	db="$dir/store-$n.db"
	if [ -f "$db" ]; then
		echo "store of $n articles: reused $db (BENCH_FRESH=1 rebuilds it)"
	else
		t0=$(date +%s)
		"$BENCH_DIR/store_gen" "$db.tmp" "$n" || exit 1
		mv "$db.tmp" "$db" && rm -f "$db.tmp-wal" "$db.tmp-shm"
		echo "store of $n articles, $((n * 10)) quotations: generated in $(($(date +%s) - t0)) s ($(($(stat -c %s "$db") / 1048576)) MB)"
	fi
	if have newsboat; then
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
	if have newsboat; then
		nb="$dir/newsboat-$n"
		# one run (about 30 s at 100,000 articles on a busy 2-core machine): wall, CPU and peak together
		set -- $(HOME="$nb" once newsboat -u "$nb/urls" -c "$nb/cache.db" -C /dev/null -x print-unread)
		WALL[$n/nb]=$1 CPU[$n/nb]=$2 MB[$n/nb]=$3
	fi
done
unset DATELINE_DB

first=${SIZES%% *} last=${SIZES##* }
for op in "${ops[@]}"; do
	label=$op; [ "$op" = "first screen" ] && label="interface: start-up to first screen"
	for n in $SIZES; do
		row "store $(k "$n"): $label, CPU ms" "${CPU[$n/$op]}" - - "< 30 ms" "o < 30"
	done
	row "store $(k "$last"): $label, wall ms" "${WALL[$last/$op]}" - - "< 30 ms" "o < 30"
	[ "$first" != "$last" ] && row "store $(k "$first")->$(k "$last") growth: $label, CPU" \
		"$(python3 -c "import sys; print('%.2f' % (float(sys.argv[2]) / float(sys.argv[1])))" "${CPU[$first/$op]}" "${CPU[$last/$op]}")" \
		- - "<= 1.5x" "o <= 1.5"
done
for n in $SIZES; do
	peak=$(for op in "${ops[@]}"; do echo "${MB[$n/$op]}"; done | sort -n | tail -1)
	if have newsboat; then
		row "store $(k "$n"): peak MB (largest of the four)" "$peak" "newsboat -x print-unread" "${MB[$n/nb]}" "< 30 MB" "o < 30"
		row "store $(k "$n"): start-up to first screen, wall ms" "${WALL[$n/first screen]}" "newsboat -x print-unread" "${WALL[$n/nb]}" "- (contrast)"
		row "store $(k "$n"): start-up to first screen, CPU ms" "${CPU[$n/first screen]}" "newsboat -x print-unread" "${CPU[$n/nb]}" "- (contrast)"
	else
		row "store $(k "$n"): peak MB (largest of the four)" "$peak" "newsboat -x print-unread" "$(peer_missing newsboat)" "< 30 MB" "o < 30"
	fi
done
[ "$first" != "$last" ] && row "store $(k "$first")->$(k "$last") growth: peak MB" \
	"$(python3 -c "import sys; print('%.2f' % (max(map(float, sys.argv[2:6])) / max(map(float, sys.argv[6:10]))))" \
		"x" "${MB[$last/list --limit 50]}" "${MB[$last/search ceasefire]}" "${MB[$last/quotes --speaker Peskov]}" "${MB[$last/first screen]}" \
		"${MB[$first/list --limit 50]}" "${MB[$first/search ceasefire]}" "${MB[$first/quotes --speaker Peskov]}" "${MB[$first/first screen]}")" \
	- - "<= 1.5x" "o <= 1.5"

# in process, on the largest store: "NAME<TAB>median<TAB>p95" per operation
"$BENCH_DIR/store_inproc" "$dir/store-$last.db" 30 >"$dir/inproc.txt" || exit 1
sed 's/^/  in process: /' "$dir/inproc.txt"
while IFS=$'\t' read -r name med p95; do
	case $name in
	type-ahead*) row "store $(k "$last") in process: quote type-ahead, 4 keys, median ms" "$med" - - "a few ms a key" "o / 4 < 5" ;;
	"list 50 newest" | "search ceasefire (newest)" | "quotes, speaker Peskov" | "load one article"*)
		row "store $(k "$last") in process: $name, median ms" "$med" - - "-" ;;
	esac
done <"$dir/inproc.txt"

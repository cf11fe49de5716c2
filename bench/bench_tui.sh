#!/bin/bash
# 5. Interface: keystroke-to-redraw, in process (bench/tui_bench.c): keys replayed through tui_key()
# and each followed by a full draw and ncurses' screen update (to /dev/null), in a 20,000-word
# article and in a list of 100,000 articles, on a 200x50 terminal. CPU time per key (the thread's)
# is reported beside wall time at the median, p95 from CPU time.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1
W=$(mktemp)
trap 'rm -f "$W"' EXIT INT TERM
TERM=${BENCH_TERM:-xterm-256color} "$BENCH_DIR/tui_bench" >"$W" || exit 1
sed 's/^/  /' "$W"
# "NAME  N keys  wall median A p95 B max C ms   cpu median D p95 E max F ms"
while IFS= read -r line; do
	case $line in
	reader:* | list*) ;;
	*) continue ;;
	esac
	name=$(echo "$line" | sed 's/ *[0-9]* keys.*//')
	case $line in
	*"cpu median"*)
		set -- $(echo "$line" | sed 's/.*wall median *\([0-9.]*\) p95 *\([0-9.]*\).*cpu median *\([0-9.]*\) p95 *\([0-9.]*\).*/\1 \2 \3 \4/')
		case $name in
		"reader: j"* | "list 100k: j"* | "list 100k: PgDn" | "reader: PgDn" | *typing*)
			row "key to redraw, $name: CPU median ms" "$3" - - "< 10 ms" "o < 10"
			row "key to redraw, $name: CPU p95 ms" "$4" - - "< 10 ms" "o < 10"
			case $name in *typing*) row "key to redraw, $name: wall median ms" "$1" - - "< 10 ms" "o < 10" ;; esac ;;
		esac ;;
	*resize*)
		row "reader: terminal resize (re-wraps 20,000 words), wall median ms" \
			"$(echo "$line" | sed 's/.*median *\([0-9.]*\) ms.*/\1/')" - - "-" ;;
	esac
done <"$W"

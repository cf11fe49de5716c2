#!/bin/bash
# Crash safety of the store under `dateline refresh`: refreshes killed with SIGKILL at random
# moments leave a store that passes integrity_check in which every feed's refresh is wholly there
# or wholly absent; two refreshes at once both succeed.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/netlib.sh"
if ! start_httpd 240; then
	skip store_crash "python3 or tests/httpd.py could not start"
	exit 0
fi
use_fresh_dirs crash
# /changing/NAME: each fetch edits item 0 ("item 0 edit N") and adds an item (N + 2 items in all),
# so a refresh stored whole has exactly N + 2 items for the N its item 0 names.
for i in $(seq 1 40); do echo "$BASE/changing/c$i"; done >"$DATELINE_CONFIG_DIR/feeds"
DB="$DATELINE_DATA_DIR/dateline.db"

# check_store [whole]: the store is sound (tests/store_check.py); with "whole", it holds whole
# refreshes only
check_store() {
	# a refresh killed while creating the store leaves the next dateline to finish it
	"$BIN" status >/dev/null 2>&1 || { echo "dateline cannot open the store after the kill"; return; }
	python3 "$ROOT/tests/store_check.py" "$DB" ${1:+--whole}
}

# one refresh left alone tells how long a refresh takes here; the kills fall anywhere within it
start=$(date +%s%N)
"$BIN" refresh --quiet --jobs 4 >/dev/null 2>&1
span=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$span" -lt 20 ] && span=20
echo "# a whole refresh takes $span ms"
rounds=12 killed_while_writing=0
for r in $(seq 1 $rounds); do
	"$BIN" refresh --quiet --jobs 4 >/dev/null 2>&1 &
	pid=$!
	ms=$((RANDOM % span + 1))
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid" 2>/dev/null && killed_while_writing=$((killed_while_writing + 1))
	fi
	wait "$pid" 2>/dev/null
	[ -f "$DB" ] || continue
	res=$(check_store whole)
	if [ "$res" != ok ]; then
		not_ok "store_crash_round_$r" "$res"
		exit 0
	fi
done
ok store_crash_consistent_after_kills
echo "# $killed_while_writing of $rounds refreshes were killed while running"
if [ "$killed_while_writing" -gt 0 ]; then ok store_crash_killed_mid_refresh; else not_ok store_crash_killed_mid_refresh "no refresh was still running when killed"; fi

# the store still works, and two refreshes at once both succeed
"$BIN" refresh --quiet >/dev/null 2>"$TMP/e0"
expect_eq store_crash_refresh_after 0 $?
expect_eq store_crash_whole_after ok "$(check_store whole)"
"$BIN" refresh --quiet >/dev/null 2>"$TMP/e1" &
p1=$!
"$BIN" refresh --quiet >/dev/null 2>"$TMP/e2" &
p2=$!
wait $p1; s1=$?
wait $p2; s2=$?
expect_eq store_two_refreshes_at_once "0 0" "$s1 $s2"
expect_eq store_crash_final_check ok "$(check_store whole)"

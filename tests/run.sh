#!/bin/bash
# Runs every test program and script, then prints one line: N passed, N failed.
# Unit tests: build/tests/* (cmocka). End-to-end tests: tests/e2e/*.sh, which
# print TAP-style lines "ok NAME", "not ok NAME", "skip NAME: why".
# Tests run JOBS at a time (default: the number of cores), each with its own
# HOME; their results are counted and printed in a fixed order once all end,
# so the log reads the same whatever finished first.
cd "$(dirname "$0")/.." || exit 1
passed=0 failed=0 skipped=0
logs=$(mktemp -d) || exit 1
trap 'rm -rf "$logs"' EXIT INT TERM
export DATELINE_ROOT="$PWD" DATELINE_BIN="${DATELINE_BIN:-$PWD/dateline}" DATELINE_SHARED="${DATELINE_SHARED:-$PWD/../shared}"
tests_dir="${DATELINE_TESTS:-build/tests}"
export DATELINE_FIXTURES="${DATELINE_FIXTURES:-$PWD/build/fixtures}"
# tests never touch the user's files
export XDG_CONFIG_HOME= XDG_DATA_HOME= XDG_CACHE_HOME= DATELINE_DB=
only="${TESTS:-}"
jobs_max="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

count() { # $1 file with the output, $2 exit status, $3 name
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')
	s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')
	p=$((p + $(grep -c '^ok ' "$1")))
	f=$((f + $(grep -c '^not ok ' "$1")))
	s=$((s + $(grep -c '^skip ' "$1")))
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok $3 exited with status $2"
	fi
	grep -E '^(not ok |skip |\[  FAILED  \]|\[  ERROR   \]|\[  SKIPPED \])' "$1" | sed "s|^|  $3: |"
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	printf '%-28s %4d passed %3d failed %3d skipped\n' "$3" "$p" "$f" "$s"
}

wanted() { [ -z "$only" ] || case " $only " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# start NAME LIMIT COMMAND...: runs the test in the background once a slot is free
order=()
start() {
	name=$1 limit=$2
	shift 2
	while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
	order+=("$name")
	(
		HOME=$(mktemp -d) && export HOME
		timeout "$limit" "$@" >"$logs/$name.log" 2>&1
		echo $? >"$logs/$name.rc"
		rm -rf "$HOME"
	) &
}

# the end-to-end scripts first: they are the long ones
for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	[ "$name" = lib ] && continue
	wanted "$name" && start "$name" 900 bash "$t"
done
for t in "$tests_dir"/*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	wanted "$name" && start "$name" 600 "$t"
done
wait

# units before scripts in the report, each group by name
mapfile -t sorted < <(printf '%s\n' "${order[@]}" | LC_ALL=C sort | grep '^test_'; printf '%s\n' "${order[@]}" | LC_ALL=C sort | grep -v '^test_')
for name in "${sorted[@]}"; do
	[ -n "$name" ] || continue
	count "$logs/$name.log" "$(cat "$logs/$name.rc" 2>/dev/null || echo 1)" "$name"
done
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]

#!/bin/sh
# Runs every test program and script, then prints one line: N passed, N failed.
# Unit tests: build/tests/* (cmocka). End-to-end tests: tests/e2e/*.sh, which
# print TAP-style lines "ok NAME", "not ok NAME", "skip NAME: why".
cd "$(dirname "$0")/.." || exit 1
passed=0 failed=0 skipped=0
log=$(mktemp) || exit 1
trap 'rm -f "$log"' EXIT INT TERM
export DATELINE_ROOT="$PWD" DATELINE_BIN="${DATELINE_BIN:-$PWD/dateline}" DATELINE_SHARED="${DATELINE_SHARED:-$PWD/../shared}"
tests_dir="${DATELINE_TESTS:-build/tests}"
export DATELINE_FIXTURES="${DATELINE_FIXTURES:-$PWD/build/fixtures}"
# tests never touch the user's files
export HOME="$(mktemp -d)" XDG_CONFIG_HOME= XDG_DATA_HOME= XDG_CACHE_HOME= DATELINE_DB=
only="${TESTS:-}"

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

for t in "$tests_dir"/*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	[ -n "$only" ] && case " $only " in *" $name "*) ;; *) continue ;; esac
	timeout 600 "$t" >"$log" 2>&1
	count "$log" $? "$name"
done
for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	[ "$name" = lib ] && continue
	[ -n "$only" ] && case " $only " in *" $name "*) ;; *) continue ;; esac
	timeout 900 bash "$t" >"$log" 2>&1
	count "$log" $? "$name"
done
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]

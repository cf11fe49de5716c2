#!/bin/sh
# Runs every built fuzz target for a bounded time on seeds from the project's own
# tests and samples. Usage: fuzz/smoke.sh [TOTAL_SECONDS]. Exits non-zero on a crash.
cd "$(dirname "$0")/.." || exit 1
total=${1:-60}
targets=""
for t in build/fuzz/fuzz_*; do
	case $t in *.*) continue ;; esac
	[ -x "$t" ] && targets="$targets $t"
done
[ -n "$targets" ] || { echo "fuzz: no targets built (make fuzz)"; exit 1; }
set -- $targets
each=$((total / $#)); [ "$each" -lt 3 ] && each=3
# Per input: a linear pass over 64 KiB takes under 0.4 s in this sanitizer build (fuzz_text, the
# slowest, 0.18 s), a quadratic one minutes (the quotation run of issue 19: 436 s for 48 KB), so
# 5 s fails a quadratic path without failing a slow machine. FUZZ_TIMEOUT overrides it.
timeout=${FUZZ_TIMEOUT:-5}
status=0
# a UBSan report stops the run (the fuzz build recovers from them by default)
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
for t in "$@"; do
	name=$(basename "$t")
	corpus=build/fuzz/corpus-$name
	mkdir -p "$corpus"
	# seeds: fuzz/seeds/NAME/ if present, else the project's sample and test inputs
	for d in "fuzz/seeds/${name#fuzz_}" $(sed -n 's/^# seeds: //p' "fuzz/$name.c" 2>/dev/null) samples/articles tests/data; do
		[ -d "$d" ] && find "$d" -type f -size -256k -exec cp {} "$corpus/" \; 2>/dev/null
	done
	out=build/fuzz/$name.log
	if "$t" -max_total_time="$each" -max_len=65536 -rss_limit_mb=2048 -timeout="$timeout" \
		-artifact_prefix=build/fuzz/crash-$name- "$corpus" >"$out" 2>&1; then
		echo "ok fuzz $name: $(grep -o 'stat::number_of_executed_units: [0-9]*' "$out" | awk '{print $2}')$(tail -1 "$out" | grep -o 'Done [0-9]* runs' | sed 's/Done //') in ${each}s"
	else
		echo "not ok fuzz $name: see $out"; tail -30 "$out"; status=1
	fi
done
exit $status

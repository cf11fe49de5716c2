#!/bin/sh
# Times the analysis stage on the shared corpora (make bench-analysis).
cd "$(dirname "$0")/.." || exit 1
shared=${DATELINE_SHARED:-../shared}
if [ ! -d "$shared/eval/quotes/polnear-dev/text" ]; then
	echo "skip bench-analysis: no $shared (evaluation material)"
	exit 0
fi
exec build/bench/analysis_bench -n "${RUNS:-20}" -b ./dateline "$shared/seeds" "$shared/eval/quotes/polnear-dev/text"

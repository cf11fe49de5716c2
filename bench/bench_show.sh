# Whole-process time of `dateline show --json` on the seed and a bundled sample.
. "$(dirname "$0")/lib.sh"
f="$SHARED/seeds/000_3b5eb6d7dac60fdc.txt"
[ -f "$f" ] || f="$ROOT/samples/articles/01-port-strike.txt"
row "show --json, one article (ms, whole process)" "$(median_ms "$BIN" show --json "$f")" - - -
row "show --json peak memory (MB)" "$(peak_mb "$BIN" show --json "$f")" - - -

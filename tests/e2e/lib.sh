# Shared helpers for end-to-end tests (sourced). Each check prints a TAP-style line.
BIN="${DATELINE_BIN:-$PWD/dateline}"
ROOT="${DATELINE_ROOT:-$PWD}"
SHARED="${DATELINE_SHARED:-$ROOT/../shared}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ok() { echo "ok $1"; }
not_ok() { echo "not ok $1${2:+: $2}"; }
skip() { echo "skip $1: $2"; }

# check NAME COMMAND...: passes when the command succeeds
check() {
	name=$1; shift
	if "$@" >/dev/null 2>&1; then ok "$name"; else not_ok "$name"; fi
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected [$2] got [$3]"; fi
}

# expect_match NAME REGEX TEXT
expect_match() {
	if printf '%s' "$3" | grep -Eq -- "$2"; then ok "$1"; else not_ok "$1" "[$3] does not match /$2/"; fi
}

# jq-like field read with python3: jget JSONFILE EXPR (python expression on j)
jget() {
	python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); v=eval(sys.argv[2]); print(json.dumps(v) if not isinstance(v,str) else v)' "$1" "$2"
}

# no_tricks NAME FILE: no ESC, CR, BS, other C0 but tab and newline, DEL, C1, bidi controls and marks,
# line separators, tag or interlinear annotation characters, U+FFFD
no_tricks() {
	bad=$(python3 - "$2" <<'PY'
import re, sys
t = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
m = re.search("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
              "\ufff9-\ufffb\ufffd\U000e0000-\U000e007f]", t)
print(repr(t[max(0, m.start() - 30):m.end() + 10]) if m else "")
PY
)
	if [ -n "$bad" ]; then not_ok "$1" "$bad"; else ok "$1"; fi
}

# Network test helpers (sourced by tests/e2e/net_*.sh after lib.sh): the fault-injecting server on 127.0.0.1.

# start_httpd [LIFETIME] [EXTRA ARGS...]: starts tests/httpd.py; sets HTTPD_PID, PORT and BASE.
# Returns 1 when python3 or the server is missing, so the caller can skip.
start_httpd() {
	life=${1:-90}
	[ $# -gt 0 ] && shift
	command -v python3 >/dev/null 2>&1 || return 1
	python3 "$ROOT/tests/httpd.py" --lifetime "$life" --port-file "$TMP/port" "$@" >"$TMP/httpd.log" 2>&1 &
	HTTPD_PID=$!
	i=0
	while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	[ -s "$TMP/port" ] || return 1
	PORT=$(cat "$TMP/port")
	BASE="http://127.0.0.1:$PORT"
	# Nothing of ours may go through a proxy from the environment.
	export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
	trap 'kill "$HTTPD_PID" 2>/dev/null; rm -rf "$TMP"' EXIT
	return 0
}

# A clean config and data directory for dateline.
use_fresh_dirs() {
	export DATELINE_CONFIG_DIR="$TMP/${1:-cfg}" DATELINE_DATA_DIR="$TMP/${1:-cfg}-data"
	rm -rf "$DATELINE_CONFIG_DIR" "$DATELINE_DATA_DIR"
	mkdir -p "$DATELINE_CONFIG_DIR"
}

# tmux helpers for the interface tests (sourced after tests/e2e/lib.sh).
# Each test file runs its own private tmux server (-L), killed on exit.
TUI_SOCK="dateline-test-$$"
# never the user's files, even when a test runs on its own (tests/run.sh does the same)
export HOME="$TMP/home" XDG_CONFIG_HOME= XDG_DATA_HOME= XDG_CACHE_HOME=
mkdir -p "$HOME"
TUI_CELLS="$ROOT/tests/tui/cells.py"

tui_cleanup() { tmux -L "$TUI_SOCK" kill-server >/dev/null 2>&1; rm -rf "$TMP"; }
trap tui_cleanup EXIT

# tui_have: tmux and python3 are there
tui_have() { command -v tmux >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; }

# tui_start COLS ROWS COMMAND...: starts the program in a fresh session named t
tui_start() {
	cols=$1 rows=$2; shift 2
	# a second session keeps the server alive while t is replaced (a server left with no
	# session exits, and a new-session racing with that exit fails)
	tmux -L "$TUI_SOCK" has-session -t keep >/dev/null 2>&1 ||
		tmux -L "$TUI_SOCK" -f /dev/null new-session -d -s keep -x 20 -y 5 "sleep 900"
	tmux -L "$TUI_SOCK" kill-session -t t >/dev/null 2>&1
	tmux -L "$TUI_SOCK" new-session -d -s t -x "$cols" -y "$rows" \
		"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $*; echo TUI-EXITED \$?; sleep 30"
	tmux -L "$TUI_SOCK" set-option -t t status off >/dev/null
}

tui_keys() { tmux -L "$TUI_SOCK" send-keys -t t "$@"; }
tui_capture() { tmux -L "$TUI_SOCK" capture-pane -p -e -t t >"$TMP/cap"; }
tui_text() { tui_capture; python3 "$TUI_CELLS" text "$TMP/cap" >"$TMP/text"; cat "$TMP/text"; }
tui_resize() { tmux -L "$TUI_SOCK" resize-window -t t -x "$1" -y "$2"; }

# tui_wait REGEX [TENTHS]: polls the screen until a line matches (default 5 s); 1 on time-out
tui_wait() {
	tries=${2:-50}
	while [ "$tries" -gt 0 ]; do
		tui_text >/dev/null
		grep -Eq -- "$1" "$TMP/text" && return 0
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}

# tui_wait_gone REGEX: polls until no line matches
tui_wait_gone() {
	tries=${2:-50}
	while [ "$tries" -gt 0 ]; do
		tui_text >/dev/null
		grep -Eq -- "$1" "$TMP/text" || return 0
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}

# tui_style TEXT [N]: style of the Nth occurrence of TEXT on the screen now
tui_style() { tui_capture; python3 "$TUI_CELLS" style "$TMP/cap" "$@"; }

# tui_expect_style NAME TEXT REGEX [N]: the occurrence's style matches REGEX
tui_expect_style() {
	s=$(tui_style "$2" "${4:-1}")
	if printf '%s' "$s" | grep -Eq -- "$3"; then ok "$1"; else not_ok "$1" "'$2' has style [$s], wanted /$3/"; fi
}

# tui_expect NAME REGEX: the screen shows a line matching REGEX (waits up to 5 s)
tui_expect() {
	if tui_wait "$2"; then ok "$1"; else not_ok "$1" "no line matches /$2/; screen: $(tui_text | head -c 1500)"; fi
}

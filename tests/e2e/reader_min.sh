# The reader opened with `dateline FILE` in a real terminal (tmux): shows, scrolls, quits.
. "$(dirname "$0")/lib.sh"
if ! command -v tmux >/dev/null; then skip "reader opens" "tmux missing"; exit 0; fi
SOCK="dl-min-$$"
T="tmux -L $SOCK"
trap '$T kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

# wait_for PATTERN: polls the screen up to 5 s
wait_for() {
	for _ in $(seq 50); do
		$T capture-pane -p -t dl 2>/dev/null | grep -q -- "$1" && return 0
		sleep 0.1
	done
	return 1
}

$T new-session -d -s dl -x 80 -y 24 "TERM=xterm-256color $BIN $ROOT/samples/articles/03-comet.txt; echo EXITED \$?; sleep 5"
if wait_for "Amateur Astronomer Spots Comet"; then ok "reader shows the headline"; else not_ok "reader shows the headline"; fi
if wait_for "Tucson, Ariz. · Dateline Wire"; then ok "reader shows the dateline"; else not_ok "reader shows the dateline"; fi
$T send-keys -t dl G
if wait_for "Comets are like cats"; then ok "G goes to the end"; else not_ok "G goes to the end"; fi
$T send-keys -t dl g
if wait_for "Amateur Astronomer Spots Comet"; then ok "g goes back to the top"; else not_ok "g goes back to the top"; fi
$T resize-window -t dl -x 40 -y 10 2>/dev/null
if wait_for "Amateur Astronomer"; then ok "reader survives a resize to 40x10"; else not_ok "reader survives a resize to 40x10"; fi
$T send-keys -t dl q
if wait_for "EXITED 0"; then ok "q quits with status 0"; else not_ok "q quits with status 0"; fi

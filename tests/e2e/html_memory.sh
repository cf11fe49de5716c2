#!/bin/bash
# dateline show on hostile web pages: peak memory a small multiple of the page, whatever the markup
# (spans, divs, attributes, tiny text nodes, nesting, processing instructions, huge comments and
# scripts), and the article
# still found. Pages come from bench/gen_hostile_html.py.
. "$(dirname "$0")/lib.sh"

# maxrss COMMAND...: peak resident KiB of the command (its output in $TMP/rss.out)
maxrss() {
	python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], "wb"), stderr=subprocess.STDOUT)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$TMP/rss.out" "$@"
}

# What the program needs for a page of nothing: the baseline the multiple is counted above.
printf '<html><body><p>The council met.</p></body></html>' >"$TMP/small.html"
# The goal: at most 8 bytes of memory per page byte above that. Sanitizer builds pad every block
# (three times as much allowed) and keep freed blocks in a quarantine of up to 256 MB, which
# would measure what the parser freed, not what it holds: capped at 16 MB for these runs.
per_byte=8
case "$BIN" in *asan*)
	per_byte=24
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=16" ;;
esac
base=$(maxrss "$BIN" show --json "$TMP/small.html")
mb=8
for kind in spans divs attrs tiny nested pis comments mixed; do
	page="$TMP/$kind.html"
	python3 "$ROOT/bench/gen_hostile_html.py" "$kind" "$page" "$mb"
	size_kb=$(($(wc -c <"$page") / 1024))
	kb=$(maxrss "$BIN" show --json "$page")
	allowed=$((base + per_byte * size_kb))
	if [ "${kb:-999999999}" -le "$allowed" ]; then
		ok "html_memory_$kind"
	else
		not_ok "html_memory_$kind" "peak ${kb} KiB for a ${size_kb} KiB page: over ${allowed} KiB (baseline ${base} + ${per_byte} x page)"
	fi
	expect_match "html_memory_${kind}_article" '"headline":"Harbour talks resume".*talks with the dock workers' "$(head -c 4000 "$TMP/rss.out")"
done

# The tree keeps only the attributes some stage reads: every name read in src/html is on its list.
kept=$(sed -n '/kept_attrs\[\] = {/,/};/p' "$ROOT/src/html/html_tree.c")
missing=
for name in $(grep -oh 'dom_attr([^,]*, "[a-z-]*")' "$ROOT"/src/html/*.c | sed 's/.*"\(.*\)")/\1/' | sort -u); do
	case "$kept" in *"\"$name\""*) ;; *) missing="$missing $name" ;; esac
done
if [ -z "$missing" ]; then ok html_tree_keeps_read_attributes; else not_ok html_tree_keeps_read_attributes "not kept:$missing"; fi

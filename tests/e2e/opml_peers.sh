#!/bin/bash
# OPML round trips through the real newsboat when it is installed: our export imported by
# newsboat (folders become its tags), newsboat's export imported by us (same feeds).
. "$(dirname "$0")/lib.sh"
if ! command -v newsboat >/dev/null 2>&1; then
	skip opml_newsboat "newsboat not installed (apt-get install -y newsboat)"
	exit 0
fi
export DATELINE_CONFIG_DIR="$TMP/cfg" DATELINE_DATA_DIR="$TMP/data"
mkdir -p "$DATELINE_CONFIG_DIR"
printf '%s\n' 'https://a.example/feed "~Alpha News" world politics' 'https://b.example/rss' \
	'https://c.example/atom "~Gamma" tech' >"$DATELINE_CONFIG_DIR/feeds"
"$BIN" export >"$TMP/dl.opml"
: >"$TMP/urls"
if ! HOME="$TMP" newsboat -u "$TMP/urls" -c "$TMP/cache.db" -C /dev/null -i "$TMP/dl.opml" >/dev/null 2>&1; then
	not_ok opml_newsboat_imports_ours "newsboat -i failed"
	exit 0
fi
expect_eq opml_newsboat_imports_ours 3 "$(grep -c '^https://' "$TMP/urls")"
expect_match opml_newsboat_gets_folder_tag '^https://a.example/feed "world"' "$(grep a.example "$TMP/urls")"
HOME="$TMP" newsboat -u "$TMP/urls" -c "$TMP/cache.db" -C /dev/null -e >"$TMP/nb.opml" 2>/dev/null
export DATELINE_CONFIG_DIR="$TMP/cfg2" DATELINE_DATA_DIR="$TMP/data2"
mkdir -p "$DATELINE_CONFIG_DIR"
expect_match opml_we_import_newsboat 'imported 3 feeds' "$("$BIN" import "$TMP/nb.opml" 2>&1)"
expect_eq opml_same_feeds "$(printf '%s\n' https://a.example/feed https://b.example/rss https://c.example/atom)" \
	"$(cut -d' ' -f1 "$DATELINE_CONFIG_DIR/feeds" | sort)"

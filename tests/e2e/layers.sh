#!/bin/bash
# End-to-end: `make check-layers` keeps to the pipeline's rules on the real tree, and fails on
# each kind of planted violation: an include up the pipeline, another stage's private header,
# a third-party header outside its stage, a call up the pipeline, a library call outside its
# stage, and an include cycle.
. "$(dirname "$0")/lib.sh"

CHECK="$ROOT/scripts/check-layers.py"
OBJS="$ROOT/build/obj"
if [ ! -d "$OBJS/base" ]; then
	skip layers_objects "no objects in $OBJS (make builds them)"
	OBJS=""
fi

out=$(python3 "$CHECK" --root "$ROOT" ${OBJS:+--objs "$OBJS"} 2>&1)
expect_match layers_main_clean 'keep to the layers' "$out"

# plant NAME: a fresh copy of the tree to plant one violation in
plant() {
	rm -rf "$TMP/t"
	mkdir -p "$TMP/t"
	cp -R "$ROOT/src" "$ROOT/include" "$TMP/t/"
}
# fails NAME REGEX [--objs DIR]: the check on the planted copy exits 1 and says REGEX
fails() {
	name=$1 re=$2; shift 2
	out=$(python3 "$CHECK" --root "$TMP/t" "$@" 2>&1)
	rc=$?
	if [ "$rc" -eq 1 ] && printf '%s' "$out" | grep -Eq -- "$re"; then ok "$name"; else not_ok "$name" "rc=$rc: $out"; fi
}

plant; echo '#include "store.h"' >>"$TMP/t/src/html/html.c"
fails layers_include_up 'html may not depend on store'

plant; echo '#include "model.h"' >>"$TMP/t/src/base/buf.c"
fails layers_base_knows_nothing 'base may not depend on model'

plant; echo '#include "decode.h"' >>"$TMP/t/src/model/feed.c"
fails layers_model_only_base 'model may not depend on decode'

plant; echo '#include "tui.h"' >>"$TMP/t/src/store/store.c"
fails layers_store_knows_nothing_above 'store may not depend on tui'

plant; echo '#include "html_dom.h"' >>"$TMP/t/src/analysis/quotes.c"
fails layers_private_header 'private to src/html/'

plant; echo '#include <sqlite3.h>' >>"$TMP/t/src/tui/tui.c"
fails layers_third_party_header 'sqlite3 belongs to store'

plant; echo '#include <curl/curl.h>' >>"$TMP/t/src/pipeline/refresh.c"
fails layers_curl_header 'libcurl belongs to net'

plant; echo '#include "sentence.h"' >>"$TMP/t/src/analysis/speakers.h"
fails layers_include_cycle 'include cycle'

if [ -n "$OBJS" ] && command -v cc >/dev/null; then
	plant; cp -R "$OBJS" "$TMP/t/obj"
	printf 'int store_open(void);\nint planted(void) { return store_open(); }\n' >"$TMP/p.c"
	cc -c "$TMP/p.c" -o "$TMP/t/obj/model/planted.o"
	fails layers_call_up 'model may not depend on store' --objs "$TMP/t/obj"

	plant; cp -R "$OBJS" "$TMP/t/obj"
	printf 'int sqlite3_libversion_number(void);\nint planted(void) { return sqlite3_libversion_number(); }\n' >"$TMP/p.c"
	cc -c "$TMP/p.c" -o "$TMP/t/obj/html/planted.o"
	fails layers_library_call 'sqlite3_libversion_number.*belongs to store' --objs "$TMP/t/obj"
else
	skip layers_call_up "no objects or no compiler"
	skip layers_library_call "no objects or no compiler"
fi

#!/bin/sh
# Keystroke-to-redraw of the interface: builds bench/tui_bench.c against build/libdateline.a and
# runs it (a 20,000-word article and a list of 100,000 articles, drawn to a newterm() on /dev/null).
# usage: sh bench/tui.sh [COLS ROWS]     (run `make` first)
# BENCH_DB=PATH adds the same screens on a real store (bench/store_gen.c makes one:
#   store_gen /tmp/x.db 100000 200), read and marked read by the run (use a copy).
cd "$(dirname "$0")/.." || exit 1
[ -f build/libdateline.a ] || make --no-print-directory >/dev/null || exit 1
out=build/bench/tui_bench
mkdir -p build/bench
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Ibuild bench/tui_bench.c build/libdateline.a \
	$(pkg-config --cflags --libs ncursesw libcurl libxml-2.0 sqlite3 json-c) -lm -lpthread -o "$out" || exit 1
TERM=${BENCH_TERM:-xterm-256color} "$out" "$@"

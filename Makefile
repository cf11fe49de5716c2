# dateline: a terminal news reader. `make` builds ./dateline; `make check` runs every test.
PREFIX  ?= /usr/local
CC      ?= cc
PKGS     = ncursesw libcurl libxml-2.0 sqlite3 json-c
WERROR  ?= $(if $(CI),-Werror,)
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Wpedantic $(WERROR) -Iinclude -Ibuild
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS  += $(PKG_LIBS) -lm -lpthread

SRC     = $(wildcard src/*.c)
OBJ     = $(SRC:src/%.c=build/%.o)
LIBOBJ  = $(filter-out build/main.o,$(OBJ))
GEN     = $(wildcard data/*.gen)
UNIT    = $(patsubst tests/unit/%.c,build/tests/%,$(wildcard tests/unit/*.c))

.PHONY: all deps run check check-asan install clean bench bench-analysis fuzz fuzz-smoke
all: dateline

deps:
	@sh scripts/deps.sh

build/%.o: src/%.c $(wildcard include/*.h) | build/gen.stamp
	@mkdir -p build
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c $< -o $@

# Generated tables (gazetteers, word lists) are built from data/ and system data packages.
build/gen.stamp: $(wildcard data/*) $(wildcard scripts/gen-*.sh)
	@mkdir -p build
	@for g in scripts/gen-*.sh; do [ -f "$$g" ] || continue; sh "$$g" build || exit 1; done; touch $@

# Code that includes generated tables is rebuilt when they change.
build/lexicon.o: build/gen.stamp

build/libdateline.a: $(LIBOBJ)
	ar rcs $@ $^

dateline: build/main.o build/libdateline.a
	$(CC) $(CFLAGS) -o $@ build/main.o build/libdateline.a $(LDFLAGS) $(LDLIBS)

build/tests/%: tests/unit/%.c build/libdateline.a
	@mkdir -p build/tests
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(shell pkg-config --cflags cmocka) -o $@ $< build/libdateline.a $(LDFLAGS) $(LDLIBS) $(shell pkg-config --libs cmocka)

run: deps dateline
	./dateline --demo

check: deps
	@$(MAKE) --no-print-directory dateline $(UNIT)
	@sh tests/run.sh

check-asan: deps
	@$(MAKE) --no-print-directory clean
	@$(MAKE) --no-print-directory CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer" dateline $(UNIT)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 sh tests/run.sh

install: dateline
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dateline/themes $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 dateline $(DESTDIR)$(PREFIX)/bin/dateline
	for t in themes/*; do [ -f "$$t" ] && install -m 644 "$$t" $(DESTDIR)$(PREFIX)/share/dateline/themes/; done; true
	for m in man/*.1; do [ -f "$$m" ] && install -m 644 "$$m" $(DESTDIR)$(PREFIX)/share/man/man1/; done; true

# Analysis time per article in process, and `dateline show --json` whole process.
build/bench/analysis_bench: bench/analysis_bench.c build/libdateline.a
	@mkdir -p build/bench
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< build/libdateline.a $(LDFLAGS) $(LDLIBS)

bench-analysis: dateline build/bench/analysis_bench
	@sh bench/analysis.sh

clean:
	rm -rf build dateline

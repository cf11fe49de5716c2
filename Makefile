# dateline: a terminal news reader. `make` builds ./dateline; `make check` runs every test.
PREFIX  ?= /usr/local
CC      ?= cc
PKGS     = ncursesw libcurl libxml-2.0 sqlite3 json-c zlib
WERROR  ?= $(if $(CI),-Werror,)
CFLAGS  ?= -O2 -g
override CFLAGS += -DDATADIR=\"$(PREFIX)/share/dateline\" -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Wpedantic $(WERROR) -Iinclude -I$(B)
# `make V=1` shows every command
Q        = $(if $(filter 1,$(V)),,@)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libcurl is not linked: src/net/curl_dl.c loads it on first use (start-up cost; see there)
PKG_LIBS   = $(shell pkg-config --libs $(filter-out libcurl,$(PKGS)) 2>/dev/null)
LDLIBS  += $(PKG_LIBS) -lm -lpthread -ldl

B      ?= build
BIN    ?= dateline
# one folder per pipeline stage (ARCHITECTURE.md); tests, fuzz targets and benchmarks
# also reach the stages' private headers
SRC     = $(wildcard src/*/*.c)
OBJ     = $(SRC:src/%.c=$(B)/obj/%.o)
MAINOBJ = $(B)/obj/cli/main.o
LIBOBJ  = $(filter-out $(MAINOBJ),$(OBJ))
PRIV_INC = $(addprefix -I,$(wildcard src/*))
GEN     = $(wildcard data/*.gen)
UNIT    = $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/*.c))
# helper programs the end-to-end tests drive (not tests themselves)
FIXTURES = $(patsubst tests/tui/%.c,$(B)/fixtures/%,$(wildcard tests/tui/*.c))

.PHONY: all deps run check check-layers check-asan check-valgrind install clean bench fuzz fuzz-smoke
all: $(BIN)

deps:
	@sh scripts/deps.sh

# every object waits for the generated tables; -MMD -MP: editing a header rebuilds what includes it
$(B)/obj/%.o: src/%.c $(B)/gen.stamp
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

-include $(OBJ:.o=.d)

# Generated tables (gazetteers, word lists) are built from data/ and system data packages.
$(B)/gen.stamp: $(wildcard data/*) $(wildcard scripts/gen-*.sh)
	@mkdir -p $(B)
	@for g in scripts/gen-*.sh; do [ -f "$$g" ] || continue; sh "$$g" $(B) || exit 1; done; touch $@

$(B)/libdateline.a: $(LIBOBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(BIN): $(MAINOBJ) $(B)/libdateline.a
	@echo "  LINK    $@"
	$(Q)$(CC) $(CFLAGS) -o $@ $(MAINOBJ) $(B)/libdateline.a $(LDFLAGS) $(LDLIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libdateline.a
	@mkdir -p $(B)/tests
	@echo "  TEST    $@"
	$(Q)$(CC) $(CFLAGS) $(PRIV_INC) $(PKG_CFLAGS) $(shell pkg-config --cflags cmocka) -o $@ $< $(B)/libdateline.a $(LDFLAGS) $(LDLIBS) $(shell pkg-config --libs cmocka)

run: deps dateline
	./dateline --demo

$(B)/fixtures/%: tests/tui/%.c $(B)/libdateline.a
	@mkdir -p $(B)/fixtures
	@echo "  FIXTURE $@"
	$(Q)$(CC) $(CFLAGS) $(PRIV_INC) $(PKG_CFLAGS) -o $@ $< $(B)/libdateline.a $(LDFLAGS) $(LDLIBS)

# dependencies point down the pipeline; third-party libraries stay in their stage (ARCHITECTURE.md)
check-layers: $(OBJ)
	$(Q)python3 scripts/check-layers.py --objs $(B)/obj

check: deps
	@$(MAKE) --no-print-directory $(BIN) $(UNIT) $(FIXTURES)
	@sh tests/run.sh

# The same suite with AddressSanitizer and UBSan, built apart in build-asan/.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
check-asan: deps
	@$(MAKE) --no-print-directory B=build-asan BIN=build-asan/dateline CC=clang CFLAGS="$(ASAN_FLAGS)" \
		build-asan/dateline $(patsubst $(B)/%,build-asan/%,$(UNIT) $(FIXTURES))
	@DATELINE_BIN=$(CURDIR)/build-asan/dateline DATELINE_TESTS=build-asan/tests DATELINE_FIXTURES=$(CURDIR)/build-asan/fixtures \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 sh tests/run.sh

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dateline/themes $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 dateline $(DESTDIR)$(PREFIX)/bin/dateline
	for t in themes/*; do [ -f "$$t" ] && install -m 644 "$$t" $(DESTDIR)$(PREFIX)/share/dateline/themes/; done; true
	cp -R samples $(DESTDIR)$(PREFIX)/share/dateline/
	for m in man/*.1; do [ -f "$$m" ] && install -m 644 "$$m" $(DESTDIR)$(PREFIX)/share/man/man1/; done; true

# Fuzzing (clang libFuzzer): `make fuzz` builds fuzz/fuzz_*.c; `make fuzz-smoke` runs them ~1 minute.
FUZZ_CFLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -I$(B) $(PRIV_INC)
FUZZ_OBJ = $(patsubst src/%.c,build/fuzz/obj/%.o,$(filter-out src/cli/main.c,$(SRC)))
FUZZ_BIN = $(patsubst fuzz/%.c,build/fuzz/%,$(wildcard fuzz/fuzz_*.c))

# kept between runs: make would delete them as intermediates and rebuild all for each target
.SECONDARY: $(FUZZ_OBJ)

build/fuzz/obj/%.o: src/%.c $(B)/gen.stamp
	@mkdir -p $(@D)
	@echo "  FUZZCC  $<"
	$(Q)clang $(FUZZ_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

-include $(FUZZ_OBJ:.o=.d)

build/fuzz/%: fuzz/%.c $(FUZZ_OBJ)
	@echo "  FUZZ    $@"
	@clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -o $@ $< $(FUZZ_OBJ) $(LDLIBS)

fuzz: deps
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

fuzz-smoke: fuzz
	@sh fuzz/smoke.sh $(or $(FUZZ_SECONDS),60)

# The end-to-end CLI tests with dateline under valgrind (no errors, no definite leaks): the quick
# ones (about 3 minutes together on 2 busy cores); VALGRIND_TESTS="..." picks others.
VALGRIND_DEFAULT = cli feed_cli analysis opml_peers reader_min limits hostile
check-valgrind: deps $(BIN)
	@DATELINE_REAL_BIN=$(CURDIR)/$(BIN) DATELINE_BIN=$(CURDIR)/tests/valgrind-wrap.sh \
		TESTS="$(or $(VALGRIND_TESTS),$(VALGRIND_DEFAULT))" sh tests/run.sh

# `make bench`: every bench/bench_*.sh, one table (bench/run.sh); the in-process harnesses are bench/*.c
BENCH_HARNESS = $(patsubst bench/%.c,$(B)/bench/%,$(wildcard bench/*.c))
bench: $(BIN) $(BENCH_HARNESS)
	@bash bench/run.sh

$(B)/bench/%: bench/%.c $(B)/libdateline.a
	@mkdir -p $(B)/bench
	@echo "  BENCH   $@"
	$(Q)$(CC) $(CFLAGS) $(PRIV_INC) $(PKG_CFLAGS) -o $@ $< $(B)/libdateline.a $(LDFLAGS) $(LDLIBS)

clean:
	rm -rf build build-asan dateline

# dateline: a terminal news reader. `make` builds ./dateline; `make check` runs every test.
PREFIX  ?= /usr/local
CC      ?= cc
PKGS     = ncursesw libcurl libxml-2.0 sqlite3 json-c zlib
WERROR  ?= $(if $(CI),-Werror,)
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Wpedantic $(WERROR) -Iinclude -I$(B)
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

.PHONY: all deps deps-run run check test-deps check-layers lint uninstall check-asan check-valgrind install clean bench fuzz fuzz-smoke
all: $(BIN)

# what building and running need (make run), and that plus the test tools (make check)
deps-run:
	@sh scripts/deps.sh run
deps:
	@sh scripts/deps.sh check

# what only the tests need (a real Tiny Tiny RSS: tt-rss, PostgreSQL, PHP); never fatal
test-deps:
	@sh scripts/test-deps.sh

# every object waits for the generated tables; -MMD -MP: editing a header rebuilds what includes it
$(B)/obj/%.o: src/%.c $(B)/gen.stamp
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

-include $(OBJ:.o=.d)

# The installed data folder, for src/base/appdirs.c: rewritten only when PREFIX changes, so
# `make && make install PREFIX=/opt/x` rebuilds that one object with the right path.
DATADIR = $(PREFIX)/share/dateline
$(B)/prefix.h: FORCE
	@mkdir -p $(B)
	@printf '#define DATELINE_DATADIR "%s"\n' '$(DATADIR)' >$@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi
$(B)/obj/base/appdirs.o: $(B)/prefix.h
.PHONY: FORCE
FORCE:

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

run: deps-run dateline
	./dateline --demo

$(B)/fixtures/%: tests/tui/%.c $(B)/libdateline.a
	@mkdir -p $(B)/fixtures
	@echo "  FIXTURE $@"
	$(Q)$(CC) $(CFLAGS) $(PRIV_INC) $(PKG_CFLAGS) -o $@ $< $(B)/libdateline.a $(LDFLAGS) $(LDLIBS)

# dependencies point down the pipeline; third-party libraries stay in their stage (ARCHITECTURE.md)
check-layers: $(OBJ)
	$(Q)python3 scripts/check-layers.py --objs $(B)/obj

# Static analysis: cppcheck's warning and portability checks, clean on main and run by .ci/run.
# lexicon.c is left out: it is a lookup over the generated word tables, which cppcheck takes
# minutes to read and finds nothing in.
lint: $(B)/gen.stamp $(B)/prefix.h
	$(Q)cppcheck -q -j2 --max-configs=1 --std=c11 --enable=warning,portability --inline-suppr \
		--error-exitcode=1 -Iinclude $(PRIV_INC) -I$(B) -isrc/analysis/lexicon.c src
	@echo "lint: cppcheck clean"

check: deps test-deps
	@$(MAKE) --no-print-directory $(BIN) $(UNIT) $(FIXTURES)
	@bash tests/run.sh

# The same suite with AddressSanitizer and UBSan, built apart in build-asan/.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
check-asan: deps
	@$(MAKE) --no-print-directory B=build-asan BIN=build-asan/dateline CC=clang CFLAGS="$(ASAN_FLAGS)" \
		build-asan/dateline $(patsubst $(B)/%,build-asan/%,$(UNIT) $(FIXTURES))
	@DATELINE_BIN=$(CURDIR)/build-asan/dateline DATELINE_TESTS=build-asan/tests DATELINE_FIXTURES=$(CURDIR)/build-asan/fixtures \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 bash tests/run.sh

# `make install PREFIX=/opt/x` (after a plain `make` too: the data path follows PREFIX); DESTDIR for packaging
MANDIR = $(PREFIX)/share/man
install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/themes $(DESTDIR)$(DATADIR)/samples/articles \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/dateline
	install -m 644 $(wildcard themes/*.theme) $(DESTDIR)$(DATADIR)/themes/
	install -m 644 $(wildcard samples/articles/*) $(DESTDIR)$(DATADIR)/samples/articles/
	install -m 644 $(wildcard man/*.1) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(wildcard man/*.5) $(DESTDIR)$(MANDIR)/man5/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/dateline $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(wildcard man/*.1))) \
		$(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(wildcard man/*.5)))
	rm -rf $(DESTDIR)$(DATADIR)

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
		TESTS="$(or $(VALGRIND_TESTS),$(VALGRIND_DEFAULT))" bash tests/run.sh

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

#!/bin/sh
# Runs dateline under valgrind for `make check-valgrind`: any memory error or
# definite leak makes the command exit 99, which the calling test reports.
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite "$DATELINE_REAL_BIN" "$@"

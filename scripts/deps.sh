#!/bin/sh
# Installs what dateline needs, or prints the exact command when not root.
#   deps.sh run     what building and running need (make run)
#   deps.sh check   that and the test tools: tmux, clang, valgrind, servers (make check; the default)
# Each entry: a test that succeeds when the thing is present, and the Debian package that brings it.
mode=${1:-check}
case $mode in run | check) ;; *) echo "usage: deps.sh [run|check]" >&2; exit 2 ;; esac
missing=""
need() { eval "$1" >/dev/null 2>&1 || missing="$missing $2"; }

need 'command -v pkg-config'            pkg-config
need 'command -v cc'                    gcc
need 'command -v python3'               python3
need 'pkg-config --exists ncursesw'     libncurses-dev
need 'pkg-config --exists libcurl'      libcurl4-openssl-dev
need 'pkg-config --exists libxml-2.0'   libxml2-dev
need 'pkg-config --exists sqlite3'      libsqlite3-dev
need 'pkg-config --exists json-c'       libjson-c-dev
need 'pkg-config --exists zlib'         zlib1g-dev
need 'test -f /usr/share/dict/american-english' wamerican
need 'test -f /usr/share/iso-codes/json/iso_3166-1.json' iso-codes
need 'test -f /usr/share/zoneinfo/tzdata.zi' tzdata
need 'test -f /usr/share/libgweather-4/Locations.xml' libgweather-4-common
need 'test -f /usr/share/locale/en/LC_MESSAGES/geonames.mo' libgeonames-common
need 'test -d /usr/lib/python3/dist-packages/faker/providers/person' python3-fake-factory

if [ "$mode" = check ]; then
need 'pkg-config --exists cmocka'       libcmocka-dev
need 'command -v tmux'                  tmux
need 'infocmp xterm-direct'            ncurses-term
need 'command -v xmllint'               libxml2-utils
need 'command -v clang'                 clang
need 'command -v valgrind'              valgrind
need 'test -f "$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null)"' libclang-rt-dev
need 'command -v openssl'               openssl
need 'test -x /usr/bin/time'            time
need 'command -v nghttpd'               nghttp2-server
need 'command -v cppcheck'              cppcheck
fi

[ -z "$missing" ] && exit 0
cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null && $cmd >/dev/null || { echo "deps: '$cmd' failed" >&2; exit 1; }
	exit 0
fi
echo "deps: missing$missing" >&2
echo "deps: run as root:  apt-get update && $cmd" >&2
exit 1

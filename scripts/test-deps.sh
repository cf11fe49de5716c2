#!/bin/sh
# Installs what the aggregator tests need beyond scripts/deps.sh: a real Tiny Tiny RSS
# (tests/e2e/ttrss.sh runs it on 127.0.0.1 over a throw-away PostgreSQL cluster and PHP's
# built-in server). Called by `make check` (not `make run`); never fatal: the tests that need
# these packages skip, saying why, when they cannot be installed.
missing=""
need() { eval "$1" >/dev/null 2>&1 || missing="$missing $2"; }

need 'test -f /usr/share/tt-rss/www/api/index.php'            tt-rss
need 'test -x /usr/lib/postgresql/15/bin/initdb'               postgresql
need 'command -v php'                                          php-cli
need 'php -m | grep -qx pgsql'                                 php-pgsql
need 'command -v runuser'                                      util-linux

[ -z "$missing" ] && exit 0
# php-cgi satisfies tt-rss's "a PHP server" need without pulling in apache2
cmd="apt-get install -y --no-install-recommends$missing php-cgi"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "test-deps: installing$missing (for the Tiny Tiny RSS tests)" >&2
	export DEBIAN_FRONTEND=noninteractive
	# the package must not create a database of its own: the tests make a throw-away one
	echo "tt-rss tt-rss/dbconfig-install boolean false" | debconf-set-selections 2>/dev/null
	if apt-get update -qq >/dev/null && $cmd >/dev/null 2>&1; then
		exit 0
	fi
	echo "test-deps: '$cmd' failed: the Tiny Tiny RSS tests will skip" >&2
	exit 0
fi
echo "test-deps: missing$missing: the Tiny Tiny RSS tests will skip (as root: apt-get update && $cmd)" >&2
exit 0

# A real Tiny Tiny RSS on 127.0.0.1 for the aggregator tests (sourced after tests/e2e/lib.sh).
# Debian's tt-rss (API level 15) over a throw-away PostgreSQL cluster (run as the postgres
# user: PostgreSQL refuses root) and PHP's built-in server, from a copy of its www folder
# whose config.php points at them; nothing of the system's own tt-rss configuration is touched.
# Tiny Tiny RSS refuses to fetch from loopback addresses, so tests seed its tables as its
# updater would (ttrss_add_feed, ttrss_add_entry) and read back what the API changed (ttrss_sql).

PG_BIN=/usr/lib/postgresql/15/bin
TTRSS_WWW=/usr/share/tt-rss/www

# ttrss_missing: prints what is missing (empty when everything is there).
ttrss_missing() {
	m=""
	[ -f "$TTRSS_WWW/api/index.php" ] || m="$m tt-rss"
	[ -x "$PG_BIN/initdb" ] || m="$m postgresql"
	command -v php >/dev/null 2>&1 || m="$m php-cli"
	php -m 2>/dev/null | grep -qx pgsql || m="$m php-pgsql"
	id postgres >/dev/null 2>&1 || m="$m (user postgres)"
	command -v runuser >/dev/null 2>&1 || [ "$(id -un)" = postgres ] || m="$m runuser"
	echo "$m"
}

# as_pg CMD...: runs a command as the postgres user.
as_pg() {
	if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# ttrss_sql SQL: runs SQL in the aggregator's database, prints the rows (unaligned, no header).
ttrss_sql() {
	as_pg "$PG_BIN/psql" -qAt -h "$TT_DIR" -p "$TT_PGPORT" -U postgres -d ttrss -c "$1"
}

# ttrss_start: PostgreSQL + Tiny Tiny RSS in $TMP/tt; sets TTRSS_URL. Returns 1 on failure ($TMP/tt/why).
ttrss_start() {
	TT_DIR="$TMP/tt"
	mkdir -p "$TT_DIR"
	chmod 755 "$TMP"
	chown postgres "$TT_DIR" 2>/dev/null || [ "$(id -un)" = postgres ] || { echo "cannot chown to postgres" >"$TMP/tt-why"; return 1; }
	TT_PGPORT=$(free_port)
	TT_PORT=$(free_port)
	as_pg "$PG_BIN/initdb" -D "$TT_DIR/pg" -A trust -U postgres >"$TMP/tt-why" 2>&1 || return 1
	as_pg "$PG_BIN/pg_ctl" -D "$TT_DIR/pg" -l "$TT_DIR/pg.log" -w -t 60 \
		-o "-k $TT_DIR -p $TT_PGPORT -c listen_addresses=127.0.0.1 -c fsync=off" start >>"$TMP/tt-why" 2>&1 || return 1
	TT_PG_UP=1
	as_pg "$PG_BIN/createdb" -h "$TT_DIR" -p "$TT_PGPORT" -U postgres ttrss >>"$TMP/tt-why" 2>&1 || return 1
	as_pg "$PG_BIN/psql" -q -h "$TT_DIR" -p "$TT_PGPORT" -U postgres -d ttrss \
		-f /usr/share/tt-rss/schema/ttrss_schema_pgsql.sql >/dev/null 2>>"$TMP/tt-why" || return 1
	ttrss_sql "insert into ttrss_user_prefs (owner_uid, pref_name, profile, value)
		values (1, 'ENABLE_API_ACCESS', null, 'true')" >/dev/null || return 1
	# the web root: a copy whose links point where the package's did, and our own config.php
	W="$TT_DIR/www"
	cp -r "$TTRSS_WWW" "$W" && rm -f "$W/config.php" "$W/feed-icons" || return 1
	(cd "$TTRSS_WWW" && find . -type l ! -name config.php ! -name feed-icons) | while read -r l; do
		ln -sfn "$(readlink -f "$TTRSS_WWW/$l")" "$W/$l"
	done
	mkdir -p "$W/feed-icons" "$TT_DIR/lock" "$TT_DIR/cache/images" "$TT_DIR/cache/upload" "$TT_DIR/cache/export"
	cat >"$W/config.php" <<PHP
<?php
	define('DB_TYPE', 'pgsql');
	define('DB_HOST', '127.0.0.1');
	define('DB_PORT', '$TT_PGPORT');
	define('DB_USER', 'postgres');
	define('DB_NAME', 'ttrss');
	define('DB_PASS', '');
	define('MYSQL_CHARSET', 'UTF8');
	define('SELF_URL_PATH', 'http://127.0.0.1:$TT_PORT/');
	define('SINGLE_USER_MODE', false);
	define('SIMPLE_UPDATE_MODE', false);
	define('PHP_EXECUTABLE', '/usr/bin/php');
	define('LOCK_DIRECTORY', '$TT_DIR/lock');
	define('CACHE_DIR', '$TT_DIR/cache');
	define('ICONS_DIR', 'feed-icons');
	define('ICONS_URL', 'feed-icons');
	define('AUTH_AUTO_CREATE', true);
	define('AUTH_AUTO_LOGIN', true);
	define('FORCE_ARTICLE_PURGE', 0);
	define('ENABLE_REGISTRATION', false);
	define('REG_NOTIFY_ADDRESS', 'nobody@example.org');
	define('REG_MAX_USERS', 10);
	define('SESSION_COOKIE_LIFETIME', 86400);
	define('SMTP_FROM_NAME', 'Tiny Tiny RSS');
	define('SMTP_FROM_ADDRESS', 'nobody@example.org');
	define('DIGEST_SUBJECT', 'digest');
	define('CHECK_FOR_UPDATES', false);
	define('ENABLE_GZIP_OUTPUT', false);
	define('PLUGINS', 'auth_internal, note');
	define('LOG_DESTINATION', '');
	define('CONFIG_VERSION', 26);
PHP
	(cd "$W" && exec php -S "127.0.0.1:$TT_PORT") >"$TT_DIR/php.log" 2>&1 &
	TT_PHP_PID=$!
	TTRSS_URL="http://127.0.0.1:$TT_PORT/"
	i=0
	while [ $i -lt 100 ]; do
		if python3 - "$TTRSS_URL" <<'PY' 2>/dev/null
import json, sys, urllib.request
r = urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "api/", data=b'{"op":"getApiLevel"}'), timeout=2)
json.load(r)
PY
		then return 0; fi
		sleep 0.1; i=$((i + 1))
	done
	echo "PHP server did not answer" >>"$TMP/tt-why"
	return 1
}

ttrss_stop() {
	[ -n "$TT_PHP_PID" ] && kill "$TT_PHP_PID" 2>/dev/null
	[ -n "$TT_PG_UP" ] && as_pg "$PG_BIN/pg_ctl" -D "$TT_DIR/pg" -m immediate stop >/dev/null 2>&1
	TT_PHP_PID="" TT_PG_UP=""
}

# ttrss_add_feed TITLE URL [CATEGORY]: subscribes admin to a feed; prints its id.
ttrss_add_feed() {
	cat_id=null
	if [ -n "$3" ]; then
		cat_id=$(ttrss_sql "insert into ttrss_feed_categories (owner_uid, title) values (1, '$3') returning id" | head -1)
	fi
	ttrss_sql "insert into ttrss_feeds (owner_uid, title, feed_url, site_url, cat_id)
		values (1, '$1', '$2', '$2', $cat_id) returning id" | head -1
}

# ttrss_add_entry FEED_ID GUID TITLE LINK CONTENT: an article of that feed, unread; prints its id.
ttrss_add_entry() {
	id=$(ttrss_sql "insert into ttrss_entries (title, guid, link, updated, content, content_hash,
		date_entered, date_updated) values ('$3', '$2', '$4', now(), '$5', md5('$5'), now(), now())
		returning id" | head -1)
	ttrss_sql "insert into ttrss_user_entries (ref_id, feed_id, owner_uid, unread, marked, published,
		tag_cache, label_cache, uuid) values ($id, $1, 1, true, false, false, '', '', '')" >/dev/null
	echo "$id"
}

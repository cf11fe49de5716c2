/* store.c: opening, creating and closing the SQLite store; errors, statements, transactions. */
#include "store_int.h"
#include "base.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int store_default_path(char *out, size_t cap, char *err, size_t errlen)
{
	const char *env = getenv("DATELINE_DB");
	char dir[4096];
	if (env && *env) {
		if (snprintf(out, cap, "%s", env) >= (int)cap) {
			snprintf(err, errlen, "the store's path is too long");
			return -1;
		}
		return 0;
	}
	/* the data directory every part of dateline uses (appdirs.h) */
	if (appdirs_data(dir, sizeof dir, err, errlen))
		return -1;
	return appdirs_join(out, cap, dir, "dateline.db", err, errlen);
}

/* mkdir -p of path's parent directory, new directories 0700. */
static int make_parent(const char *path, char *err, size_t errlen)
{
	char *dir = strdup(path);
	if (!dir) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *p = dir + 1;; p++) {
		if (*p && *p != '/')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) && errno != EEXIST) {
			snprintf(err, errlen, "cannot create the directory %s: %s", dir, strerror(errno));
			free(dir);
			return -1;
		}
		if (!c)
			break;
		*p = c;
	}
	free(dir);
	return 0;
}

/* Takes group and other access off the store and its -wal and -shm (SQLite gives those the store's mode). */
static void tighten(const char *path, mode_t mode)
{
	char side[4096];
	chmod(path, mode & 0700);
	for (int i = 0; i < 2; i++)
		if ((size_t)snprintf(side, sizeof side, "%s%s", path, i ? "-shm" : "-wal") < sizeof side)
			chmod(side, mode & 0700); /* absent files: nothing to do */
}

/* Creates an empty file with mode 0600 so SQLite (and its -wal/-shm, which copy it) never make it wider. */
static int create_private(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		snprintf(err, errlen, "cannot create the store %s: %s", path, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

int store_fail(struct store *s, const char *what, char *err, size_t errlen)
{
	int code = s && s->db ? sqlite3_extended_errcode(s->db) & 0xff : SQLITE_ERROR;
	const char *msg = s && s->db ? sqlite3_errmsg(s->db) : "unknown error";
	const char *path = s && s->path ? s->path : "the store";
	switch (code) {
	case SQLITE_FULL:
		snprintf(err, errlen, "%s: the disk is full (or the store reached its size limit); nothing of "
		         "this change was written: free some space and try again", what);
		break;
	case SQLITE_READONLY:
		snprintf(err, errlen, "%s: the store %s is read-only (check its permissions and those of its directory)",
		         what, path);
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		snprintf(err, errlen, "%s: %s is damaged or not a database (%s); dateline leaves it untouched: "
		         "move it aside to start a new store, or try `sqlite3 %s .recover`", what, path, msg, path);
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		snprintf(err, errlen, "%s: the store is busy (another dateline kept it locked too long); try again", what);
		break;
	case SQLITE_IOERR:
		snprintf(err, errlen, "%s: input/output error on %s (%s)", what, path, msg);
		break;
	case SQLITE_CANTOPEN:
		snprintf(err, errlen, "%s: cannot open %s (%s)", what, path, msg);
		break;
	case SQLITE_NOMEM:
		snprintf(err, errlen, "%s: out of memory", what);
		break;
	default:
		snprintf(err, errlen, "%s: %s", what, msg);
	}
	return -1;
}

sqlite3_stmt *store_stmt(struct store *s, const char *sql, char *err, size_t errlen)
{
	for (size_t i = 0; i < s->n_stmt; i++)
		if (s->sql[i] == sql) {
			sqlite3_reset(s->stmt[i]);
			sqlite3_clear_bindings(s->stmt[i]);
			return s->stmt[i];
		}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		store_fail(s, "preparing a query", err, errlen);
		return NULL;
	}
	if (s->n_stmt == STORE_MAX_STMTS) { /* a full cache only costs speed: drop the oldest */
		sqlite3_finalize(s->stmt[0]);
		memmove(s->sql, s->sql + 1, (STORE_MAX_STMTS - 1) * sizeof *s->sql);
		memmove(s->stmt, s->stmt + 1, (STORE_MAX_STMTS - 1) * sizeof *s->stmt);
		s->n_stmt--;
	}
	s->sql[s->n_stmt] = sql;
	s->stmt[s->n_stmt++] = st;
	return st;
}

int store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

char *store_col_dup(sqlite3_stmt *st, int i, int *oom)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (!t)
		return NULL;
	size_t n = (size_t)sqlite3_column_bytes(st, i);
	char *p = malloc(n + 1);
	if (!p) {
		*oom = 1;
		return NULL;
	}
	memcpy(p, t, n);
	p[n] = '\0';
	return p;
}

int store_writable(struct store *s, char *err, size_t errlen)
{
	if (!s->readonly && !sqlite3_db_readonly(s->db, "main"))
		return 0;
	snprintf(err, errlen, "the store %s is open read-only; nothing can be changed", s->path);
	return -1;
}

int store_tx_begin(struct store *s, char *err, size_t errlen)
{
	if (s->tx_depth++)
		return 0;
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	s->tx_depth = 0;
	return store_fail(s, "starting a transaction", err, errlen);
}

int store_tx_commit(struct store *s, char *err, size_t errlen)
{
	if (s->tx_depth > 1) {
		s->tx_depth--;
		return 0;
	}
	if (store_fts_flush(s, err, errlen)) {
		store_tx_rollback(s);
		return -1;
	}
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
		s->tx_depth = 0;
		return 0;
	}
	store_fail(s, "saving the changes", err, errlen);
	store_tx_rollback(s);
	return -1;
}

void store_tx_rollback(struct store *s)
{
	if (!s->tx_depth)
		return;
	/* an inner failure dooms the whole transaction: roll back at once, outer calls find nothing to do */
	s->tx_depth = 0;
	s->batch = 0;
	store_fts_discard(s, 0);
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_batch_begin(struct store *s, char *err, size_t errlen)
{
	if (s->batch)
		return 0;
	if (store_writable(s, err, errlen) || store_tx_begin(s, err, errlen))
		return -1;
	s->batch = 1;
	return 0;
}

int store_batch_commit(struct store *s, char *err, size_t errlen)
{
	if (!s->batch)
		return 0;
	s->batch = 0;
	return store_tx_commit(s, err, errlen);
}

int store_batch_open(const struct store *s)
{
	return s->batch;
}

/* The retention the user saved in the store (`dateline purge --save`) applies to every refresh. */
static int load_retention(struct store *s, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT key, value FROM settings WHERE key IN ('retention-days', 'max-items-per-feed')",
	                       -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, "reading the settings", err, errlen);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		int v = sqlite3_column_int(st, 1);
		if (k && v >= 0)
			*(!strcmp(k, "retention-days") ? &s->retention.days : &s->retention.max_items) = v;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, "reading the settings", err, errlen);
}

/*
 * -1 with a message when s->path has a write-ahead log with content: read as
 * an immutable file the store would silently show its rows from before the
 * last checkpoint.
 */
static int wal_pending(struct store *s, char *err, size_t errlen)
{
	char wal[4096];
	struct stat sb;
	if ((size_t)snprintf(wal, sizeof wal, "%s-wal", s->path) >= sizeof wal || stat(wal, &sb) || sb.st_size == 0)
		return 0;
	snprintf(err, errlen, "the store %s has changes still in its %s-wal file, which this user cannot read without "
	         "creating its -shm index: open it once as its owner (any dateline command does)", s->path, s->path);
	return -1;
}

/* Reopens s->path read-only as an immutable file (URI with the path percent-encoded). */
static int reopen_immutable(struct store *s, char *err, size_t errlen)
{
	size_t n = strlen(s->path);
	char *uri = malloc(n * 3 + 32);
	if (!uri) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	char *w = uri + sprintf(uri, "file:");
	for (const char *p = s->path; *p; p++)
		w += (*p == '?' || *p == '#' || *p == '%') ? sprintf(w, "%%%02X", (unsigned char)*p) : (*w = *p, 1);
	strcpy(w, "?immutable=1");
	sqlite3_close(s->db);
	s->db = NULL;
	int rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return store_fail(s, "opening the store", err, errlen);
	sqlite3_extended_result_codes(s->db, 1);
	return 0;
}

int store_open(const char *path, int flags, struct store **out, char *err, size_t errlen)
{
	char def[4096];
	*out = NULL;
	if (!path) {
		if (store_default_path(def, sizeof def, err, errlen))
			return -1;
		path = def;
	}
	if (!*path) {
		snprintf(err, errlen, "the store's path is empty");
		return -1;
	}
	struct store *s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		free(s);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	s->readonly = !!(flags & STORE_READONLY);
	struct stat sb;
	int exists = stat(path, &sb) == 0;
	if (exists && !S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, "%s is not a regular file", path);
		goto fail;
	}
	if ((!exists || sb.st_size == 0) && s->readonly) { /* an empty file is no store yet: a reader leaves it empty */
		snprintf(err, errlen, "no store at %s yet (save or refresh something first)", path);
		goto fail;
	}
	/* a store made wider by hand or by an older dateline: articles and reading history are the user's own */
	if (exists && !s->readonly && sb.st_uid == geteuid() && (sb.st_mode & 077))
		tighten(path, sb.st_mode);
	if (!exists && (make_parent(path, err, errlen) || create_private(path, err, errlen)))
		goto fail;
	int oflags = (s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
		store_fail(s, "opening the store", err, errlen);
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 10000);
	if (!s->readonly && sqlite3_db_readonly(s->db, "main"))
		s->readonly = 1; /* no write permission: reading still works, writes say why they cannot */
	int wal = 0;
	if (!s->readonly) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode=WAL", -1, &st, NULL) == SQLITE_OK) {
			/*
			 * Another dateline creating the store holds it in rollback mode, and
			 * SQLite answers this pragma BUSY then without waiting: wait here,
			 * as the busy timeout would (two processes started on a new store).
			 */
			int rc, tries = 0;
			while ((rc = sqlite3_step(st)) == SQLITE_BUSY && tries++ < 200) {
				sqlite3_reset(st);
				struct timespec ts = {0, 50 * 1000000L};
				nanosleep(&ts, NULL);
			}
			if (rc == SQLITE_ROW) {
				const unsigned char *m = sqlite3_column_text(st, 0);
				wal = m && !strcmp((const char *)m, "wal");
			}
			sqlite3_finalize(st);
		}
		if (!wal) {
			store_fail(s, "opening the store", err, errlen);
			goto fail;
		}
		sqlite3_exec(s->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
	}
	sqlite3_exec(s->db, "PRAGMA temp_store=MEMORY", NULL, NULL, NULL);
	int rc = store_schema_check(s, err, errlen);
	/*
	 * A WAL store nobody may write (a read-only directory, another user's
	 * file) cannot make its -shm index: read it as immutable, which is true
	 * of it for us, rather than not at all.
	 */
	if (rc == -2 && s->readonly && !wal_pending(s, err, errlen) && !reopen_immutable(s, err, errlen))
		rc = store_schema_check(s, err, errlen);
	if (rc || load_retention(s, err, errlen) || store_snippet_register(s, err, errlen))
		goto fail;
	*out = s;
	return 0;
fail:
	store_close(s);
	return -1;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	store_tx_rollback(s);
	store_fts_discard(s, 0);
	for (size_t i = 0; i < s->n_stmt; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

static const char sql_data_version[] = "PRAGMA data_version";

int store_changed_elsewhere(struct store *s)
{
	char err[8];
	sqlite3_stmt *st = store_stmt(s, sql_data_version, err, sizeof err);
	if (!st)
		return 0;
	int changed = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		long long v = sqlite3_column_int64(st, 0);
		changed = s->data_version && v != s->data_version;
		s->data_version = v;
	}
	sqlite3_reset(st);
	return changed;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

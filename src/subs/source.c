/*
 * source.c: where the subscriptions come from: the feeds file (the default)
 * or an aggregator, as the config file says (newsboat's names):
 *
 *     source ttrss
 *     ttrss-url https://rss.example.org/tt-rss/
 *     ttrss-login alice
 *     ttrss-password-eval pass show ttrss
 *
 * The password is never written in the config: it comes from a command's
 * output (run with /bin/sh, so a password manager pipeline works) or from
 * the first line of a file, and only when a sync needs it.
 */
#include "subs.h"
#include "base.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#define SOURCE_FILE_LIMIT ((size_t)1 << 20)

const char *source_kind_name(enum source_kind k)
{
	return k == SOURCE_TTRSS ? "ttrss" : k == SOURCE_GREADER ? "greader" : "feeds";
}

/* The account field an option (ttrss-url, greader-login, ...) sets, or NULL. */
static char *field_of(struct source_config *c, const char *name)
{
	static const char *const prefixes[] = {"ttrss-", "greader-"};
	for (size_t k = 0; k < 2; k++) {
		size_t pl = strlen(prefixes[k]);
		if (strncmp(name, prefixes[k], pl))
			continue;
		const char *rest = name + pl;
		struct source_account *a = k ? &c->greader : &c->ttrss;
		if (!strcmp(rest, "url"))
			return a->url;
		if (!strcmp(rest, "login"))
			return a->login;
		if (!strcmp(rest, "password-eval") || !strcmp(rest, "passwordeval"))
			return a->password_eval;
		if (!strcmp(rest, "password-file") || !strcmp(rest, "passwordfile"))
			return a->password_file;
	}
	return NULL;
}

int source_config_name(const char *name)
{
	struct source_config probe;
	return !strcmp(name, "source") || !strcmp(name, "urls-source") || !strcmp(name, "aggregator-fulltext") ||
	       !strcmp(name, "ttrss-password") || !strcmp(name, "greader-password") || field_of(&probe, name);
}

void source_config_init(struct source_config *c)
{
	memset(c, 0, sizeof *c);
	c->kind = SOURCE_FEEDS;
	c->fulltext = 1;
}

/* One "name value" line of ours. NULL, or what is wrong. */
static const char *apply(struct source_config *c, const char *name, const char *v)
{
	if (!strcmp(name, "source") || !strcmp(name, "urls-source")) {
		if (!strcasecmp(v, "ttrss"))
			c->kind = SOURCE_TTRSS;
		else if (!strcasecmp(v, "greader") || !strcasecmp(v, "freshrss") || !strcasecmp(v, "miniflux"))
			c->kind = SOURCE_GREADER;
		else if (!strcasecmp(v, "feeds") || !strcasecmp(v, "local"))
			c->kind = SOURCE_FEEDS;
		else
			return "source is feeds, ttrss or greader";
		return NULL;
	}
	if (!strcmp(name, "aggregator-fulltext")) {
		if (!strcasecmp(v, "yes") || !strcasecmp(v, "on") || !strcmp(v, "1"))
			return c->fulltext = 1, NULL;
		if (!strcasecmp(v, "no") || !strcasecmp(v, "off") || !strcmp(v, "0"))
			return c->fulltext = 0, NULL;
		return "aggregator-fulltext is yes or no";
	}
	if (!strcmp(name, "ttrss-password") || !strcmp(name, "greader-password"))
		return "a password is never written in the config: give a command that prints it "
		       "(ttrss-password-eval pass show ttrss) or a file that holds it (ttrss-password-file)";
	char *f = field_of(c, name);
	if (!f)
		return NULL; /* not ours: the interface's options */
	size_t n = strlen(v);
	if (!n)
		return "needs a value";
	if (n >= SOURCE_FIELD_MAX)
		return "value too long";
	memcpy(f, v, n + 1);
	return NULL;
}

int source_config_parse(struct source_config *c, const char *s, size_t len, char *err, size_t errlen)
{
	int lineno = 0;
	for (size_t pos = 0; pos < len;) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - s) : len, n = end - pos;
		char line[SOURCE_FIELD_MAX + 64];
		lineno++;
		if (n >= sizeof line) {
			pos = end + 1;
			continue; /* the interface's parser reports it */
		}
		memcpy(line, s + pos, n);
		line[n] = 0;
		pos = end + 1;
		char *p, *v;
		if (!conf_split_line(line, &p, &v))
			continue;
		if (!source_config_name(p))
			continue;
		const char *why = apply(c, p, v);
		if (why) {
			snprintf(err, errlen, "line %d: %s: %s", lineno, p, why);
			return -1;
		}
	}
	return 0;
}

int source_config_load(struct source_config *c, char *err, size_t errlen)
{
	source_config_init(c);
	char dir[4096];
	const char *env = getenv("DATELINE_CONFIG");
	int must_exist = env && *env;
	if (must_exist)
		snprintf(c->path, sizeof c->path, "%s", env);
	else if (appdirs_config(dir, sizeof dir, err, errlen) ||
	         appdirs_join(c->path, sizeof c->path, dir, "config", err, errlen))
		return -1;
	char *data;
	size_t len;
	if (access(c->path, F_OK) && errno == ENOENT && !must_exist)
		return 0;
	if (file_read(c->path, SOURCE_FILE_LIMIT, &data, &len, err, errlen))
		return -1;
	char perr[400];
	int rc = source_config_parse(c, data, len, perr, sizeof perr);
	free(data);
	if (rc)
		snprintf(err, errlen, "%s: %s", c->path, perr);
	return rc;
}

const struct source_account *source_account(const struct source_config *c)
{
	return c->kind == SOURCE_TTRSS ? &c->ttrss : c->kind == SOURCE_GREADER ? &c->greader : NULL;
}

/* Strips the line end and checks something is left. */
static int finish_password(char *out, size_t n, const char *what, char *err, size_t errlen)
{
	out[n] = 0;
	out[strcspn(out, "\r\n")] = 0;
	if (!*out) {
		snprintf(err, errlen, "%s gave an empty password", what);
		return -1;
	}
	return 0;
}

/* Runs cmd with /bin/sh, its output (first line) into out. */
static int password_from_command(const char *cmd, const char *what, char *out, size_t cap,
                                 char *err, size_t errlen)
{
	int fd[2];
	if (pipe(fd)) {
		snprintf(err, errlen, "%s: cannot run the command: %s", what, strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		snprintf(err, errlen, "%s: cannot run the command: %s", what, strerror(errno));
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);
		if (null >= 0)
			dup2(null, STDIN_FILENO);
		dup2(fd[1], STDOUT_FILENO);
		close(fd[0]);
		close(fd[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	size_t n = 0;
	ssize_t r;
	while ((r = read(fd[0], out + n, cap - 1 - n)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		n += (size_t)r;
		if (n == cap - 1) { /* drain the rest so the command can finish */
			char sink[256];
			while (read(fd[0], sink, sizeof sink) > 0)
				;
			break;
		}
	}
	close(fd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		memset(out, 0, cap);
		snprintf(err, errlen, "%s: the command failed (%s %d)", what,
		         WIFEXITED(status) ? "exit status" : "signal",
		         WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		return -1;
	}
	return finish_password(out, n, what, err, errlen);
}

int source_password(const struct source_config *c, char *out, size_t cap, char *err, size_t errlen)
{
	const struct source_account *a = source_account(c);
	const char *kind = source_kind_name(c->kind);
	char what[64];
	if (!a || cap < 2) {
		snprintf(err, errlen, "no aggregator is configured");
		return -1;
	}
	if (a->password_eval[0]) {
		snprintf(what, sizeof what, "%s-password-eval", kind);
		return password_from_command(a->password_eval, what, out, cap, err, errlen);
	}
	if (a->password_file[0]) {
		char *data, path[SOURCE_FIELD_MAX + 512];
		size_t len;
		const char *home = getenv("HOME");
		snprintf(what, sizeof what, "%s-password-file", kind);
		if (!strncmp(a->password_file, "~/", 2) && home && *home)
			snprintf(path, sizeof path, "%s/%s", home, a->password_file + 2);
		else
			snprintf(path, sizeof path, "%s", a->password_file);
		if (file_read(path, 65536, &data, &len, err, errlen))
			return -1;
		size_t n = len < cap - 1 ? len : cap - 1;
		memcpy(out, data, n);
		memset(data, 0, len);
		free(data);
		return finish_password(out, n, what, err, errlen);
	}
	snprintf(err, errlen, "%s: set %s-password-eval (a command that prints the password) or %s-password-file",
	         c->path, kind, kind);
	return -1;
}

int source_check(const struct source_config *c, char *err, size_t errlen)
{
	const struct source_account *a = source_account(c);
	const char *kind = source_kind_name(c->kind);
	if (!a)
		return 0;
	if (!a->url[0] || !feedlist_url_ok(a->url)) {
		snprintf(err, errlen, "%s: source %s needs %s-url, the aggregator's http(s) address", c->path, kind, kind);
		return -1;
	}
	if (!a->login[0]) {
		snprintf(err, errlen, "%s: source %s needs %s-login, your user name there", c->path, kind, kind);
		return -1;
	}
	if (!a->password_eval[0] && !a->password_file[0]) {
		snprintf(err, errlen, "%s: source %s needs %s-password-eval (a command that prints the password) "
		         "or %s-password-file", c->path, kind, kind, kind);
		return -1;
	}
	return 0;
}

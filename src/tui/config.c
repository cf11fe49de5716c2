/* config.c: the config file parser. Line based, no quoting beyond "rest of the line". */
#include "config.h"
#include "base.h"
#include "subs.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CONFIG_FILE_LIMIT ((size_t)1 << 20)

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->theme, sizeof c->theme, "default");
	c->colors = CONFIG_COLORS_AUTO;
	c->panel = 1;
	c->panel_width = 36;
	c->max_width = 0;
	c->mouse = 1;
	c->speakers = 1;
	c->feed_sort = FEED_SORT_FILE;
	snprintf(c->datetime_format, sizeof c->datetime_format, "%%a %%d %%b %%Y %%H:%%M");
	snprintf(c->list_date_format, sizeof c->list_date_format, "%%Y-%%m-%%d");
}

void config_free(struct config *c)
{
	free(c->binds);
	config_defaults(c);
}

static int parse_bool(const char *v, int *out)
{
	if (!strcasecmp(v, "yes") || !strcasecmp(v, "on") || !strcasecmp(v, "true") || !strcmp(v, "1"))
		return *out = 1, 0;
	if (!strcasecmp(v, "no") || !strcasecmp(v, "off") || !strcasecmp(v, "false") || !strcmp(v, "0"))
		return *out = 0, 0;
	return -1;
}

static int parse_int(const char *v, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < lo || n > hi)
		return -1;
	*out = (int)n;
	return 0;
}

static int copy_value(char *dst, size_t cap, const char *v)
{
	size_t n = strlen(v);
	if (n >= cap)
		return -1;
	memcpy(dst, v, n + 1);
	return 0;
}

/* One "name value" line (both already trimmed). Returns NULL or what is wrong. */
static const char *config_apply(struct config *c, const char *name, const char *v, int lineno)
{
	if (!strcmp(name, "theme"))
		return *v && !copy_value(c->theme, sizeof c->theme, v) ? NULL : "theme needs a name or a path";
	if (!strcmp(name, "browser"))
		return !copy_value(c->browser, sizeof c->browser, v) ? NULL : "browser command too long";
	if (!strcmp(name, "colors") || !strcmp(name, "colours")) {
		static const char *const names[] = {"auto", "none", "8", "256", "truecolor"};
		for (size_t i = 0; i < sizeof names / sizeof *names; i++)
			if (!strcasecmp(v, names[i]))
				return c->colors = (enum config_colors)i, NULL;
		if (!strcasecmp(v, "24bit") || !strcasecmp(v, "true"))
			return c->colors = CONFIG_COLORS_TRUE, NULL;
		return "colors is one of auto, none, 8, 256, truecolor";
	}
	if (!strcmp(name, "panel"))
		return parse_bool(v, &c->panel) ? "panel is yes or no" : NULL;
	if (!strcmp(name, "mouse"))
		return parse_bool(v, &c->mouse) ? "mouse is yes or no" : NULL;
	if (!strcmp(name, "speakers"))
		return parse_bool(v, &c->speakers) ? "speakers is yes or no" : NULL;
	if (!strcmp(name, "panel-width"))
		return parse_int(v, 16, 200, &c->panel_width) ? "panel-width is a number from 16 to 200" : NULL;
	if (!strcmp(name, "max-width"))
		return parse_int(v, 0, 10000, &c->max_width) ? "max-width is 0 or a number of columns" : NULL;
	if (!strcmp(name, "feed-sort")) {
		static const char *const names[] = {"file", "title", "unread"};
		for (size_t i = 0; i < sizeof names / sizeof *names; i++)
			if (!strcasecmp(v, names[i]))
				return c->feed_sort = (enum config_feed_sort)i, NULL;
		return "feed-sort is one of file, title, unread";
	}
	if (!strcmp(name, "unread-only"))
		return parse_bool(v, &c->unread_only) ? "unread-only is yes or no" : NULL;
	if (!strcmp(name, "refresh-on-startup"))
		return parse_bool(v, &c->refresh_on_startup) ? "refresh-on-startup is yes or no" : NULL;
	if (!strcmp(name, "reload-time")) {
		char *end;
		errno = 0;
		double m = strtod(v, &end);
		if (errno || end == v || *end || !(m >= 0) || m > 10080 || (m > 0 && m < 0.01))
			return "reload-time is minutes (0 for never, else 0.01 to 10080)";
		c->reload_time = m;
		return NULL;
	}
	if (!strcmp(name, "datetime-format") || !strcmp(name, "list-date-format")) {
		char *dst = name[0] == 'd' ? c->datetime_format : c->list_date_format;
		/* strftime never reads past its format: any text is safe, only its length is bounded */
		return *v && !copy_value(dst, sizeof c->datetime_format, v) ? NULL
		       : "a date format is strftime text such as %Y-%m-%d %H:%M (at most 63 bytes)";
	}
	if (!strcmp(name, "query-feed")) {
		const char *colon = strchr(v, ':');
		const char *q = colon ? colon + 1 : NULL;
		while (q && (*q == ' ' || *q == '\t'))
			q++;
		if (!colon || colon == v || !*q)
			return "query-feed needs a name and a query: query-feed Peskov: @Peskov";
		if (c->n_query_feeds == CONFIG_MAX_QUERY_FEEDS)
			return "at most 16 query feeds";
		struct config_query_feed *f = &c->query_feeds[c->n_query_feeds];
		if ((size_t)(colon - v) >= sizeof f->name || copy_value(f->query, sizeof f->query, q))
			return "query-feed name (63 bytes) or query (191 bytes) too long";
		memcpy(f->name, v, (size_t)(colon - v));
		f->name[colon - v] = 0;
		c->n_query_feeds++;
		return NULL;
	}
	if (!strcmp(name, "ignore-article")) {
		static const char *const fields[] = {"any", "title", "author", "feed"};
		char field[16] = "";
		int used = 0;
		if (sscanf(v, "%15s %n", field, &used) < 1 || !v[used])
			return "ignore-article needs a field and words: ignore-article title sponsored";
		if (c->n_ignores == CONFIG_MAX_IGNORES)
			return "at most 32 ignore-article lines";
		struct config_ignore *g = &c->ignores[c->n_ignores];
		g->field = -1;
		for (int i = 0; i < 4; i++)
			if (!strcasecmp(field, fields[i]))
				g->field = i;
		if (g->field < 0)
			return "ignore-article's field is any, title, author or feed";
		if (copy_value(g->words, sizeof g->words, v + used))
			return "ignore-article words too long (127 bytes)";
		for (char *p = g->words; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p += 32;
		c->n_ignores++;
		return NULL;
	}
	if (!strcmp(name, "bind") || !strcmp(name, "unbind")) {
		char key[64] = "", action[64] = "none";
		int n = sscanf(v, "%63s %63s", key, action);
		if (n < 1 || (name[0] == 'b' && n < 2))
			return "bind needs a key and an action: bind KEY ACTION";
		if (name[0] == 'u')
			snprintf(action, sizeof action, "none");
		if (array_grow((void **)&c->binds, &c->cap_binds, c->n_binds + 1, sizeof *c->binds))
			return "out of memory";
		struct config_bind *b = &c->binds[c->n_binds];
		if (copy_value(b->key, sizeof b->key, key) || copy_value(b->action, sizeof b->action, action))
			return "key or action name too long";
		b->line = lineno;
		c->n_binds++;
		return NULL;
	}
	if (source_config_name(name))
		return NULL; /* where subscriptions come from: read by refresh (subs.h) */
	return "unknown option (see config.example)";
}

int config_parse(struct config *c, const char *s, size_t len, char *err, size_t errlen)
{
	int lineno = 0;
	for (size_t pos = 0; pos < len;) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - s) : len;
		char line[1024];
		size_t n = end - pos;
		lineno++;
		if (n >= sizeof line) {
			snprintf(err, errlen, "line %d: too long", lineno);
			return -1;
		}
		memcpy(line, s + pos, n);
		line[n] = 0;
		pos = end + 1;
		if (memchr(line, 0, n)) {
			snprintf(err, errlen, "line %d: NUL byte", lineno);
			return -1;
		}
		char *p, *v;
		if (!conf_split_line(line, &p, &v))
			continue;
		const char *why = config_apply(c, p, v, lineno);
		if (why) {
			snprintf(err, errlen, "line %d: %s: %s", lineno, p, why);
			return -1;
		}
	}
	return 0;
}

int config_load(struct config *c, const char *path, char *err, size_t errlen)
{
	char buf[PATH_MAX];
	int must_exist = 1;
	const char *env = getenv("DATELINE_CONFIG");
	if (!path && env && *env)
		path = env;
	if (!path) {
		const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
		must_exist = 0;
		if (xdg && *xdg)
			snprintf(buf, sizeof buf, "%s/dateline/config", xdg);
		else if (home && *home)
			snprintf(buf, sizeof buf, "%s/.config/dateline/config", home);
		else
			return 0;
		path = buf;
	}
	char *data;
	size_t len;
	char ferr[256];
	FILE *probe = fopen(path, "r");
	if (!probe) {
		if (!must_exist && errno == ENOENT)
			return 0;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	fclose(probe);
	if (file_read(path, CONFIG_FILE_LIMIT, &data, &len, ferr, sizeof ferr)) {
		snprintf(err, errlen, "%s", ferr);
		return -1;
	}
	char perr[300];
	int rc = config_parse(c, data, len, perr, sizeof perr);
	free(data);
	if (rc)
		snprintf(err, errlen, "%s: %s", path, perr);
	return rc;
}

/* fetch_sched.c: the per-host limit, applied before a transfer starts (see fetch_internal.h). */
#include "fetch_internal.h"
#include "base.h"

#include <stdlib.h>
#include <string.h>

/* "Example.org:8080" from "https://user@Example.org:8080/x?y", lower-cased, into out. */
static void host_key(const char *url, char *out, size_t outlen)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t len = strcspn(p, "/?#");
	const char *at = memchr(p, '@', len);
	if (at) {
		len -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	if (len >= outlen)
		len = outlen - 1;
	for (size_t i = 0; i < len; i++)
		out[i] = (p[i] >= 'A' && p[i] <= 'Z') ? (char)(p[i] + 32) : p[i];
	out[len] = '\0';
}

int fetch_sched_init(struct fetch_sched *s, const struct fetch_request *reqs, size_t n, int per_host)
{
	memset(s, 0, sizeof *s);
	s->n = n;
	s->per_host = per_host > 0 ? per_host : 1;
	s->host = calloc(n ? n : 1, sizeof *s->host);
	s->started = calloc(n ? n : 1, 1);
	s->names = calloc(n ? n : 1, sizeof *s->names);
	s->busy = calloc(n ? n : 1, sizeof *s->busy);
	struct strmap ix = STRMAP_EXACT;
	if (!s->host || !s->started || !s->names || !s->busy)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		char key[256];
		host_key(reqs[i].url, key, sizeof key);
		long id = strmap_find(&ix, key);
		if (id < 0) {
			id = (long)s->n_hosts;
			if (!(s->names[id] = strdup(key)) || strmap_set(&ix, key, (int)id))
				goto fail;
			s->n_hosts++;
		}
		s->host[i] = (size_t)id;
	}
	strmap_free(&ix);
	return 0;
fail:
	strmap_free(&ix);
	fetch_sched_free(s);
	return -1;
}

long fetch_sched_next(struct fetch_sched *s)
{
	while (s->cursor < s->n && s->started[s->cursor])
		s->cursor++;
	for (size_t i = s->cursor; i < s->n; i++) {
		if (s->started[i] || s->busy[s->host[i]] >= s->per_host)
			continue;
		s->started[i] = 1;
		s->busy[s->host[i]]++;
		return (long)i;
	}
	return -1;
}

void fetch_sched_done(struct fetch_sched *s, size_t i)
{
	if (i < s->n && s->busy[s->host[i]] > 0)
		s->busy[s->host[i]]--;
}

void fetch_sched_free(struct fetch_sched *s)
{
	if (s->names)
		for (size_t i = 0; i < s->n_hosts; i++)
			free(s->names[i]);
	free(s->names);
	free(s->host);
	free(s->busy);
	free(s->started);
	memset(s, 0, sizeof *s);
}

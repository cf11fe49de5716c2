/* html_title.c: cleaning page titles of site names, in the manner of Mozilla Readability. */
#include "html_title.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#define TITLE_MAX 1024

static int words(const char *s)
{
	int n = 0, in = 0;
	for (; *s; s++) {
		if (isspace((unsigned char)*s))
			in = 0;
		else if (!in++)
			n++;
	}
	return n;
}

/* Where a hierarchical separator (" | ", " - ", " » ", ...) starts at s, its length. */
static size_t separator_at(const char *s, int *hierarchical)
{
	static const char *const seps[] = {
		" | ", " - ", " \\ ", " / ", " > ", " \xC2\xBB ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
		NULL,
	};
	for (int i = 0; seps[i]; i++)
		if (!strncmp(s, seps[i], strlen(seps[i]))) {
			if (hierarchical)
				*hierarchical = i >= 2 && i <= 5;
			return strlen(seps[i]);
		}
	return 0;
}

static size_t copy_out(const char *s, size_t len, char *out, size_t cap)
{
	while (len && *s == ' ') {
		s++;
		len--;
	}
	while (len && s[len - 1] == ' ')
		len--;
	if (len >= cap)
		len = cap - 1;
	memcpy(out, s, len);
	out[len] = '\0';
	return len;
}

size_t html_title_clean(const char *title, const char *site, char *out, size_t cap)
{
	size_t tl = strlen(title);
	if (!cap)
		return 0;
	/* A title that ends with the site's own name loses it first. */
	if (site && *site) {
		size_t sl = strlen(site);
		for (size_t i = 0; i + sl < tl; i++) {
			size_t k = separator_at(title + i, NULL);
			if (k && i + k + sl == tl && !strcasecmp(title + i + k, site) && words(title) - words(site) >= 3)
				return copy_out(title, i, out, cap);
		}
	}
	size_t last = 0, lastlen = 0, first = 0, firstlen = 0;
	int hier = 0, any = 0;
	for (size_t i = 0; i < tl; i++) {
		int h = 0;
		size_t k = separator_at(title + i, &h);
		if (!k)
			continue;
		if (!any++) {
			first = i;
			firstlen = k;
		}
		last = i;
		lastlen = k;
		hier |= h;
	}
	size_t len;
	if (any) {
		len = copy_out(title, last, out, cap);
		if (words(out) < 3)
			len = copy_out(title + first + firstlen, tl - first - firstlen, out, cap);
		(void)lastlen;
	} else if (strstr(title, ": ")) {
		const char *lc = strrchr(title, ':'), *fc = strchr(title, ':');
		len = copy_out(lc + 1, strlen(lc + 1), out, cap);
		if (words(out) < 3) {
			len = copy_out(fc + 1, strlen(fc + 1), out, cap);
		} else {
			char before[TITLE_MAX];
			copy_out(title, (size_t)(fc - title), before, sizeof before);
			if (words(before) > 5)
				len = copy_out(title, tl, out, cap);
		}
	} else {
		len = copy_out(title, tl, out, cap);
	}
	/* Too little left: the separators were part of the title after all. */
	int wc = words(out);
	if (wc <= 4 && any) {
		char stripped[TITLE_MAX];
		size_t k = 0;
		for (size_t i = 0; i < tl && k < sizeof stripped - 1; i++) {
			size_t s = separator_at(title + i, NULL);
			if (s) {
				stripped[k++] = ' ';
				i += s - 1;
			} else {
				stripped[k++] = title[i];
			}
		}
		stripped[k] = '\0';
		if (!hier || wc != words(stripped) - 1)
			len = copy_out(title, tl, out, cap);
	} else if (wc <= 4 && !any) {
		len = copy_out(title, tl, out, cap);
	}
	return len;
}

int html_title_site(const char *title, const char *clean, char *out, size_t cap)
{
	size_t cl = strlen(clean);
	if (!cl || strncmp(title, clean, cl))
		return 0;
	const char *rest = title + cl;
	size_t k = separator_at(rest, NULL);
	if (!k || words(rest + k) < 1 || words(rest + k) > 4)
		return 0;
	copy_out(rest + k, strlen(rest + k), out, cap);
	return 1;
}

/* Token similarity of b to a (share of b's text made of words a also has). */
double html_title_similarity(const char *a, const char *b)
{
	size_t total = 0, unique = 0;
	for (const char *p = b; *p;) {
		while (*p && !isalnum((unsigned char)*p) && !((unsigned char)*p & 0x80))
			p++;
		const char *w = p;
		while (*p && (isalnum((unsigned char)*p) || ((unsigned char)*p & 0x80)))
			p++;
		size_t wl = (size_t)(p - w);
		if (!wl)
			continue;
		total += wl;
		int found = 0;
		for (const char *q = a; *q && !found; q++)
			found = !strncasecmp(q, w, wl) && (q == a || !isalnum((unsigned char)q[-1])) &&
			        !isalnum((unsigned char)q[wl]);
		if (!found)
			unique += wl;
	}
	return total ? 1.0 - (double)unique / (double)total : 0;
}


/* html.c: HTML article extraction (to be written: see the web articles issue). */
#include "html.h"
#include "article.h"

#include <stdio.h>

int html_parse(const char *data, size_t len, const char *url, const char *content_type,
               struct article *a, char *err, size_t errlen)
{
	(void)data, (void)len, (void)url, (void)content_type, (void)a;
	snprintf(err, errlen, "HTML pages are not yet supported");
	return -1;
}

/* confline.c: one "name value" line of a config file, shared by the interface's settings and the source's. */
#include "base.h"

#include <string.h>

int conf_split_line(char *line, char **name, char **value)
{
	char *p = line;
	while (*p == ' ' || *p == '\t')
		p++;
	char *q = p + strlen(p);
	while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r'))
		*--q = 0;
	if (!*p || *p == '#')
		return 0;
	char *v = p + strcspn(p, " \t");
	if (*v)
		*v++ = 0;
	while (*v == ' ' || *v == '\t')
		v++;
	*name = p;
	*value = v;
	return 1;
}

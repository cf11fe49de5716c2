/* array.c: the one checked growth step for growable arrays (see base.h). */
#include "base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int array_grow(void **v, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return 0;
	if (!elem)
		return -1;
	size_t ncap = *cap ? *cap : 8;
	while (ncap < need)
		ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
	if (ncap > SIZE_MAX / elem)
		return -1;
	void *p = realloc(*v, ncap * elem);
	if (!p)
		return -1;
	/* new slots start zeroed, so a half-filled element never holds garbage pointers */
	memset((char *)p + *cap * elem, 0, (ncap - *cap) * elem);
	*v = p;
	*cap = ncap;
	return 0;
}

/*
 * libFuzzer target: the feed date parser alone (RFC 822 with every variant
 * feeds get wrong, ISO 8601, time zone names), many more inputs a second
 * than through fuzz_feed_parse. What it writes must be a whole date.
# seeds: fuzz/seeds/feed_date
 */
#include <stdint.h>
#include <string.h>

#include "decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[512], out[FEED_DATE_LEN + 1];
	if (size >= sizeof s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	memset(out, 'x', sizeof out);
	if (feed_date_parse(s, out) == 0 && strnlen(out, sizeof out) != FEED_DATE_LEN)
		__builtin_trap();
	return 0;
}

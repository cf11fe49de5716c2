/*
 * libFuzzer target: the one date parser alone (RFC 822 with every variant
 * feeds get wrong, ISO 8601, time zone names, dates in words), many more
 * inputs a second than through fuzz_feed_parse. What it writes must be a
 * whole date, and the time must agree with the precision and with base's
 * ISO reader.
# seeds: fuzz/seeds/feed_date
 */
#include <stdint.h>
#include <string.h>

#include "base.h"
#include "decode.h"
#include "model.h"

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
	struct moment m;
	int rc = date_read(s, &m);
	if (rc ? m.precision != DATE_NONE || m.time != DATE_UNKNOWN
	       : m.precision == DATE_NONE || (m.time == DATE_UNKNOWN) != (m.precision == DATE_NO_YEAR))
		__builtin_trap();
	struct date_fields t;
	int64_t time;
	if (size < 100 && !calendar_iso_read(s, &t) && (rc || calendar_fields_time(&t, &time) || time != m.time))
		__builtin_trap(); /* what base reads as ISO the parser reads the same */
	return 0;
}

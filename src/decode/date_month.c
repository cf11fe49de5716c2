/*
 * date_month.c: month names in the languages news is written in, for the
 * one date parser (decode.h date_month_name()): English, German, French,
 * Spanish, Italian, Portuguese, Dutch and Polish.
 */
#include "decode.h"
#include "base.h"

#include <ctype.h>
#include <string.h>

/* Month names, full (genitive where a language declines them), lower case;
 * any prefix of three letters or more names the month too ("Sept", "janv"). */
static const struct {
	const char *name;
	int month;
} months[] = {
	/* English is the shared calendar's (base.h calendar_month()) */
	/* German */
	{"januar", 1}, {"j\xC3\xA4nner", 1}, {"februar", 2}, {"m\xC3\xA4rz", 3}, {"mrz", 3}, {"mai", 5},
	{"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12},
	/* French */
	{"janvier", 1}, {"f\xC3\xA9vrier", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
	{"juillet", 7}, {"ao\xC3\xBBt", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
	{"novembre", 11}, {"d\xC3\xA9" "cembre", 12}, {"decembre", 12},
	/* Spanish, Italian, Portuguese */
	{"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
	{"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
	{"noviembre", 11}, {"diciembre", 12}, {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4},
	{"maggio", 5}, {"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
	{"dicembre", 12}, {"janeiro", 1}, {"fevereiro", 2}, {"mar\xC3\xA7o", 3}, {"maio", 5},
	{"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
	/* Dutch */
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
	/* Polish, genitive then nominative */
	{"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6},
	{"lipca", 7}, {"sierpnia", 8}, {"wrze\xC5\x9Bnia", 9}, {"pa\xC5\xBA" "dziernika", 10},
	{"listopada", 11}, {"grudnia", 12}, {"stycze\xC5\x84", 1}, {"luty", 2}, {"marzec", 3},
	{"kwiecie\xC5\x84", 4}, {"maj", 5}, {"czerwiec", 6}, {"lipiec", 7}, {"sierpie\xC5\x84", 8},
	{"wrzesie\xC5\x84", 9}, {"pa\xC5\xBA" "dziernik", 10}, {"listopad", 11}, {"grudzie\xC5\x84", 12},
};

int date_month_name(const char *w, size_t len)
{
	char low[32];
	if (len < 3 || len >= sizeof low)
		return 0;
	int english = calendar_month(w, len);
	if (english)
		return english;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)w[i]);
	/* capital umlauts and accents in UTF-8: only the first letter is ever one */
	if (len >= 2 && (unsigned char)low[0] == 0xC3 && (unsigned char)low[1] >= 0x80 && (unsigned char)low[1] < 0xA0)
		low[1] = (char)((unsigned char)low[1] + 0x20);
	for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
		size_t nl = strlen(months[i].name);
		if (len <= nl && !strncmp(months[i].name, low, len))
			return months[i].month;
	}
	return 0;
}

/*
 * lexicon.h: the word tables of the analysis stage (reporting verbs, titles,
 * news organisations, organisations, demonyms, countries, cities, regions,
 * common English words), generated at build time by scripts/gen-lexicon.sh
 * from data/ and from Debian's iso-codes, tzdata, libgweather-4-common
 * (Locations.xml: towns) and wamerican.
 *
 * Lookups hash into a generated index over one read-only table; nothing is
 * allocated and nothing is kept between calls. Returned strings point into
 * that static table and live as long as the program.
 */
#ifndef DATELINE_LEXICON_H
#define DATELINE_LEXICON_H

#include <stddef.h>

enum {
	LEX_VERB = 1,         /* a reporting verb form: said, told, described */
	LEX_TITLE = 2,        /* an office that can head a role: president, spokesperson */
	LEX_HONORIFIC = 4,    /* Mr, Dr: marks a person, is never a role */
	LEX_MODIFIER = 8,     /* may stand inside a role: special, former, foreign */
	LEX_NEWS = 16,        /* a news organisation: Reuters, CNN */
	LEX_ORG = 32,         /* a known organisation: Kremlin, NATO */
	LEX_ORG_WORD = 64,    /* ends an organisation's name: Party, Ministry */
	LEX_DEMONYM = 128,    /* Russian, Ukrainians: qualifies, never an entity */
	LEX_COUNTRY = 256,    /* a country or one of its short names */
	LEX_CITY = 512,       /* a city from tzdata */
	LEX_REGION = 1024,    /* a country subdivision from iso-codes */
	LEX_PLACE = 2048,     /* a continent, region or city from data/places.txt */
	LEX_STOP = 4096,      /* a capitalised word that is never an entity alone */
	LEX_COMMON = 8192,    /* a common (lower-case) English word */
	LEX_PROPER = 16384,   /* a proper noun in the word list */
	LEX_PLACE_FIRST = 32768, /* opens a place's name: Lake, Mount */
	LEX_PLACE_LAST = 65536,  /* ends a place's name: Basin, Region, River */
	LEX_THING = 131072,      /* ends a law's, event's or award's name: Agreement, Prize */
	LEX_FEMALE = 262144,     /* a given name most often a woman's */
	LEX_MALE = 524288,       /* a given name most often a man's */
	LEX_TOWN = 1048576,      /* a town from libgweather's or GeoNames' list: a place when named alone, a
	                          * surname as often inside a longer name (so not in LEX_ANY_PLACE) */
	LEX_STATE_CODE = 2097152, /* a US state's postal code ("NJ"): a place only after "Camden," */
	LEX_GIVEN = 4194304,      /* a given name in some language, gender unknown (Faker's lists) */
	LEX_SURNAME = 8388608     /* a surname in some language (Faker's lists): "Robledo", "Alcocer" */
};

/* A given name, whatever the gender. */
#define LEX_ANY_GIVEN (LEX_FEMALE | LEX_MALE | LEX_GIVEN)

#define LEX_ANY_PLACE (LEX_COUNTRY | LEX_CITY | LEX_REGION | LEX_PLACE)
#define LEX_ANY_ORG (LEX_NEWS | LEX_ORG)

/*
 * Flags of the word or phrase s[0..len) (words separated by single spaces):
 * an all-capitals form ("US") matches only as written, anything else
 * without regard to ASCII case; ’ is read as '. When canon is not NULL it
 * receives the canonical name the table gives ("United States" for "U.S.",
 * "Russia" for "Russian"), or NULL. 0 when the phrase is unknown.
 */
unsigned lexicon_lookup(const char *s, size_t len, const char **canon);

#endif

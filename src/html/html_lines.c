/*
 * html_lines.c: lines of text that are page furniture whatever block holds
 * them, in the languages of the news: photo credits, tag and category
 * lists, a date or a byline standing alone, invitations to subscribe or
 * share, and the labels that open a list of teasers ("Mehr zum Thema").
 */
#include "html_lines.h"
#include "html_byline.h"
#include "html_date.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Longest line judged by its opening words alone. */
#define LINE_MAX_FURNITURE 90

static int opens_with(const char *p, const char *const *openings)
{
	for (const char *const *o = openings; *o; o++)
		if (!strncasecmp(p, *o, strlen(*o)))
			return 1;
	return 0;
}

int html_line_is_furniture(const char *p)
{
	static const char *const labels[] = {
		"foto:", "fotos:", "foto ", "bild:", "bilder:", "photo:", "photos:", "image:", "images:",
		"credit:", "credits:", "photo credit", "bildquelle", "fotocredit", "\xC2\xA9", "(c) ",
		"copyright ", "tags:", "tags ", "schlagw\xC3\xB6rter", "schlagworte", "stichw\xC3\xB6rter",
		"kategorie:", "kategorien:", "category:", "categories:", "filed under", "themen:",
		"etiquetas:", "cat\xC3\xA9gories", "tagi:", "kategoria:", NULL,
	};
	size_t len = strlen(p);
	if (len > LINE_MAX_FURNITURE)
		return 0;
	if (opens_with(p, labels))
		return 1;
	/* a date, a time or a "Posted on" alone */
	size_t digits = 0;
	for (const char *q = p; *q; q++)
		digits += isdigit((unsigned char)*q) != 0;
	if (len <= 60 && html_date_only(p) && (digits >= 4 || strpbrk(p, "abcdefghijklmnopqrstuvwxyz")))
		return 1;
	/* "Von Jane Doe", "By Jane Doe" alone */
	return len <= 60 && html_byline_line(p);
}

int html_line_is_call(const char *p)
{
	static const char *const openings[] = {
		"follow ", "subscribe", "sign up", "join our", "get the latest", "get access", "click here",
		"read more", "share this", "related:", "more:", "see also", "download the", "like us on",
		"have a tip", "want more", "don't miss", "do not miss", "copyright", "\xC2\xA9",
		/* German */
		"mehr zum thema", "mehr zu ", "zum weiterlesen", "weiterlesen", "lesen sie auch", "lesen sie mehr",
		"auch interessant", "das k\xC3\xB6nnte sie", "mehr aus ", "mehr kolumnen", "war der artikel",
		"war dieser artikel", "m\xC3\xB6" "chten sie den artikel", "artikel teilen", "kommentare",
		"kommentar schreiben", "jetzt abonnieren", "abonnieren sie", "folgen sie", "newsletter",
		"hier anmelden", "jetzt anmelden", "vorschau auf", "zum n\xC3\xA4" "chsten artikel",
		/* French, Spanish, Italian, Polish */
		"lire aussi", "\xC3\xA0 lire aussi", "a lire aussi", "lire la suite", "abonnez-vous",
		"partager", "suivez-nous", "lee tambi\xC3\xA9n", "lea tambi\xC3\xA9n", "mira:", "\xC3\xBAnete",
		"s\xC3\xADguenos", "suscr\xC3\xAD" "bete", "\xC2\xBFya sab\xC3\xAD" "as", "te puede interesar",
		"leggi anche", "seguici", "iscriviti", "czytaj tak\xC5\xBC" "e", "czytaj te\xC5\xBC",
		"zobacz te\xC5\xBC", "zobacz tak\xC5\xBC" "e", "subskrybuj",
		NULL,
	};
	return strlen(p) <= 300 && opens_with(p, openings);
}

int html_line_opens_teasers(const char *p)
{
	static const char *const labels[] = {
		"related", "more on this", "more from", "more stories", "you may also like", "you might also like",
		"recommended", "read next", "also read", "read also", "mehr zum thema", "mehr zu diesem thema",
		"das k\xC3\xB6nnte sie auch interessieren", "lesen sie auch", "auch interessant", "weitere artikel",
		"weitere beitr\xC3\xA4ge", "\xC3\xA4hnliche beitr\xC3\xA4ge", "verwandte artikel", "zum weiterlesen",
		"lire aussi", "\xC3\xA0 lire aussi", "sur le m\xC3\xAAme sujet", "lee tambi\xC3\xA9n",
		"noticias relacionadas", "art\xC3\xAD" "culos relacionados", "te puede interesar", "leggi anche",
		"articoli correlati", "czytaj tak\xC5\xBC" "e", "zobacz te\xC5\xBC", "podobne artyku\xC5\x82y", NULL,
	};
	return strlen(p) <= 50 && opens_with(p, labels);
}

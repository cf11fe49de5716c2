/*
 * charset_guess.c: the charset of text that names none and is not UTF-8.
 *
 * Each candidate legacy charset decodes a sample strictly; a decoding that
 * fails is out. The rest are scored by how much their non-ASCII characters
 * look like the language the charset usually carries: Japanese by its share
 * of kana, the others by the share of the language's most frequent
 * characters (data/charset_letters.txt), windows-1252 by accented letters
 * sitting inside otherwise ASCII words. Mojibake scores low on every count.
 * A clean multibyte decoding is strong evidence in itself and gets a bonus.
 */
#include "decode.h"
#include "base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charset_letters.h"

#define SAMPLE 65536   /* bytes looked at */
#define MIN_CHARS 4    /* non-ASCII characters needed to judge */
#define MIN_SCORE 0.10 /* below this, windows-1252 */

static const char *const multibyte[] = {"shift_jis", "euc-jp", "euc-kr", "gb2312", "big5"};
static const char *const singlebyte[] = {"windows-1251", "koi8-r", "iso-8859-7", "windows-1255", "tis-620"};

static int in_letters(const char *letters, uint32_t cp)
{
	size_t len = strlen(letters);
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t n = utf8_decode(letters + i, len - i, &c);
		if (!n)
			return 0;
		if (c == cp)
			return 1;
		i += n;
	}
	return 0;
}

static const char *letters_of(const char *charset)
{
	for (size_t i = 0; i < sizeof charset_letters / sizeof *charset_letters; i++)
		if (!strcmp(charset_letters[i].charset, charset))
			return charset_letters[i].letters;
	return NULL;
}

/* The score of one decoding (see the top of the file); -1 when it fails. */
static double score(const char *charset, const char *s, size_t len)
{
	char *u;
	size_t ul;
	if (charset_convert(charset, s, len, &u, &ul))
		return -1;
	const char *letters = letters_of(charset);
	int japanese = !strcmp(charset, "shift_jis") || !strcmp(charset, "euc-jp");
	size_t total = 0, hits = 0;
	for (size_t i = 0; i < ul;) {
		uint32_t cp;
		size_t n = utf8_decode(u + i, ul - i, &cp);
		if (!n)
			break;
		i += n;
		if (cp < 0x80)
			continue;
		total++;
		if (japanese ? (cp >= 0x3040 && cp <= 0x30FF) : letters && in_letters(letters, cp))
			hits++;
	}
	free(u);
	if (total < MIN_CHARS)
		return -1;
	double r = (double)hits / (double)total;
	/* kana are only ever Japanese: a real share of them settles it */
	return japanese && r >= 0.15 ? 1.0 + r : r;
}

/* Share of high bytes that sit next to an ASCII letter, as accents in Western words do. */
static double latin_score(const unsigned char *s, size_t len)
{
	size_t total = 0, inside = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < 0xC0)
			continue;
		total++;
		int before = i > 0 && ((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z');
		int after = i + 1 < len && ((s[i + 1] | 32) >= 'a' && (s[i + 1] | 32) <= 'z');
		inside += before || after;
	}
	return total ? (double)inside / (double)total : 0;
}

const char *charset_guess(const char *s, size_t len)
{
	if (len > SAMPLE) { /* cut at an ASCII '<' or newline: never inside a multibyte character */
		size_t cut = SAMPLE;
		while (cut > 0 && s[cut - 1] != '<' && s[cut - 1] != '\n')
			cut--;
		len = cut ? cut - 1 : SAMPLE;
	}
	const char *best = "windows-1252";
	double best_score = latin_score((const unsigned char *)s, len);
	if (best_score < MIN_SCORE)
		best_score = MIN_SCORE;
	for (size_t i = 0; i < sizeof multibyte / sizeof *multibyte; i++) {
		double sc = score(multibyte[i], s, len);
		/*
		 * Text in a single-byte charset almost never decodes strictly as a
		 * multibyte one (a lone lead byte before a space ends it), so a clean
		 * multibyte decoding that reads as its language outranks them.
		 */
		if (sc >= MIN_SCORE)
			sc += 0.5;
		if (sc > best_score) {
			best = multibyte[i];
			best_score = sc;
		}
	}
	for (size_t i = 0; i < sizeof singlebyte / sizeof *singlebyte; i++) {
		double sc = score(singlebyte[i], s, len);
		if (sc > best_score) {
			best = singlebyte[i];
			best_score = sc;
		}
	}
	return best;
}

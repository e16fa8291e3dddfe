/*
 * text_utf8.c: UTF-8 decoding and encoding.
 *
 * Coordinates are byte offsets into the caller's buffer. Decoding follows
 * the Unicode "maximal subpart" practice (W3C/WHATWG, Unicode ch. 3 U+FFFD
 * substitution): an ill-formed sequence yields one U+FFFD for the longest
 * prefix that could still have begun a well-formed character, and decoding
 * resumes at the first byte that breaks it. A lone continuation byte or a
 * byte that can never start a character (C0, C1, F5..FF) is one U+FFFD.
 * Invariant: text_utf8_decode always consumes at least one byte.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "gloss/text.h"

size_t
text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xbf;
	uint32_t c;
	size_t need, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		need = 1;
		c = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		need = 2;
		c = u[0] & 0x0f;
		if (u[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (u[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		need = 3;
		c = u[0] & 0x07;
		if (u[0] == 0xf0)
			lo = 0x90;	/* overlong */
		else if (u[0] == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
	} else {
		*cp = 0xfffd;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if (i >= len || u[i] < lo || u[i] > hi) {
			*cp = 0xfffd;
			return i;
		}
		c = (c << 6) | (u[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = c;
	return need + 1;
}

size_t
text_utf8_encode(uint32_t cp, char *buf)
{
	unsigned char *b = (unsigned char *)buf;

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		b[0] = cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = 0xc0 | (cp >> 6);
		b[1] = 0x80 | (cp & 0x3f);
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = 0xe0 | (cp >> 12);
		b[1] = 0x80 | ((cp >> 6) & 0x3f);
		b[2] = 0x80 | (cp & 0x3f);
		return 3;
	}
	b[0] = 0xf0 | (cp >> 18);
	b[1] = 0x80 | ((cp >> 12) & 0x3f);
	b[2] = 0x80 | ((cp >> 6) & 0x3f);
	b[3] = 0x80 | (cp & 0x3f);
	return 4;
}

size_t
text_utf8_ascii_run(const char *s, size_t len)
{
	size_t i = 0;
	uint64_t word;

	/* Eight bytes at a time, then the rest one by one. */
	while (len - i >= 8) {
		memcpy(&word, s + i, 8);
		if (word & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

size_t
text_utf8_invalid(const char *s, size_t len)
{
	size_t i = 0, n = 0, k;
	uint32_t cp;

	while (i < len) {
		i += text_utf8_ascii_run(s + i, len - i);
		if (i == len)
			break;
		k = text_utf8_decode(s + i, len - i, &cp);
		/* A real U+FFFD in the input is three bytes EF BF BD. */
		if (cp == 0xfffd && !(k == 3 &&
		    (unsigned char)s[i] == 0xef &&
		    (unsigned char)s[i + 1] == 0xbf &&
		    (unsigned char)s[i + 2] == 0xbd))
			n++;
		i += k;
	}
	return n;
}

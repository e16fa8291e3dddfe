/*
 * text_out.c: the text layer's edges: options for the current locale,
 * conversion of drawn text to the output charset, and search keys, with
 * the two rules quote links share with them: which marks are accents
 * (text_is_accent) and which Arabic-script letters are variants of one
 * letter (text_letter_fold).
 *
 * Coordinates: byte offsets into the caller's UTF-8. text_fold's map gives,
 * for every byte of the key, the byte offset in the source of the
 * character that produced it, so a match in the key maps back to a source
 * range (first byte's map .. last byte's map + that character's length).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <uniconv.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistring/localcharset.h>

#include "gloss/text.h"
#include "gloss/xmalloc.h"

void
text_opts_default(struct text_opts *o)
{
	const char *cs = locale_charset();

	memset(o, 0, sizeof *o);
	o->bidi = TEXT_BIDI_APP;
	o->ambiguous_wide = 0;
	o->out_utf8 = strcmp(cs, "UTF-8") == 0;
	o->out_charset = cs;
}

/* Convert s, or return NULL if a character cannot be represented. */
static char *
text_conv(const char *charset, const char *s, size_t len, size_t *n)
{
	*n = 0;
	return u8_conv_to_encoding(charset, iconveh_error,
	    (const uint8_t *)s, len, NULL, NULL, n);
}

/*
 * Character by character: each one the charset lacks becomes '?'. (The
 * iconveh_question_mark handler would let glibc transliterate, "€" to
 * "EUR", which changes widths.)
 */
static char *
text_to_output_slow(const char *charset, const char *s, size_t len,
    size_t *outlen)
{
	char *out = NULL, *c;
	size_t cap = 0, n = 0, i = 0, k, cn;
	uint32_t cp;

	out = xgrow(out, &cap, len + 1, 1);
	while (i < len) {
		k = text_utf8_decode(s + i, len - i, &cp);
		c = cp == 0xfffd && k != 3 ? NULL :
		    text_conv(charset, s + i, k, &cn);
		if (c == NULL) {
			out = xgrow(out, &cap, n + 2, 1);
			out[n++] = '?';
		} else {
			out = xgrow(out, &cap, n + cn + 1, 1);
			memcpy(out + n, c, cn);
			n += cn;
			free(c);
		}
		i += k;
	}
	out[n] = '\0';
	*outlen = n;
	return out;
}

char *
text_to_output(const struct text_opts *o, const char *s, size_t len,
    size_t *outlen)
{
	char *out, *conv;
	size_t n = 0;

	if (o->out_utf8 || o->out_charset == NULL || len == 0) {
		out = xmalloc(len + 1);
		memcpy(out, s, len);
		out[len] = '\0';
		*outlen = len;
		return out;
	}
	conv = text_conv(o->out_charset, s, len, &n);
	if (conv == NULL)
		return text_to_output_slow(o->out_charset, s, len, outlen);
	out = xmalloc(n + 1);
	memcpy(out, conv, n);
	out[n] = '\0';
	free(conv);
	*outlen = n;
	return out;
}

uint32_t
text_letter_fold(uint32_t c)
{
	if (c < 0x0622 || c > 0x06d3)
		return c;
	switch (c) {
	case 0x0622:	/* alef with madda above */
	case 0x0623:	/* alef with hamza above */
	case 0x0625:	/* alef with hamza below */
	case 0x0671:	/* alef wasla */
		return 0x0627;
	case 0x0624:	/* waw with hamza above */
		return 0x0648;
	case 0x0626:	/* yeh with hamza above */
	case 0x0649:	/* alef maksura (dotless yeh) */
	case 0x06cc:	/* Farsi yeh */
	case 0x06d2:	/* yeh barree */
	case 0x06d3:	/* yeh barree with hamza above */
		return 0x064a;
	case 0x06a9:	/* keheh */
		return 0x0643;
	case 0x0629:	/* teh marbuta */
	case 0x06c0:	/* heh with yeh above */
	case 0x06c1:	/* heh goal */
	case 0x06c2:	/* heh goal with hamza above */
		return 0x0647;
	default:
		return c;
	}
}

/* Room for the fold of one character: b1/b2 below hold 32 code points. */
#define TEXT_FOLD_ONE	(32 * 4)

int
text_is_accent(uint32_t c)
{
	if (c < 0x300)
		return 0;
	if (!(c <= 0x36f || (c >= 0x483 && c <= 0x489) ||
	    (c >= 0x591 && c <= 0x5c7) || (c >= 0x610 && c <= 0x61a) ||
	    (c >= 0x64b && c <= 0x65f) || c == 0x670 ||
	    (c >= 0x6d6 && c <= 0x6ed) || c == 0x711 ||
	    (c >= 0x730 && c <= 0x74a) || (c >= 0x898 && c <= 0x89f) ||
	    (c >= 0x8ca && c <= 0x8ff) || (c >= 0x1ab0 && c <= 0x1aff) ||
	    (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) ||
	    (c >= 0xfe20 && c <= 0xfe2f)))
		return 0;
	return uc_is_general_category(c, UC_CATEGORY_M);
}

/* Drop the accents of a[0..n); returns the new count. */
static size_t
text_drop_marks(uint32_t *a, size_t n)
{
	size_t i, m = 0;

	for (i = 0; i < n; i++)
		if (!text_is_accent(a[i]))
			a[m++] = a[i];
	return m;
}

/* The UTF-8 of a[0..n) into out (room for TEXT_FOLD_ONE); returns bytes. */
static size_t
text_fold_encode(const uint32_t *a, size_t n, char *out)
{
	size_t i, k = 0;

	for (i = 0; i < n && k + 4 <= TEXT_FOLD_ONE; i++)
		k += text_utf8_encode(a[i], out + k);
	return k;
}

/* A Hangul syllable, or a kana (it may carry a voicing mark). */
static int
text_fold_whole(uint32_t c)
{
	return (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3040 && c <= 0x30ff);
}

/* The key of one non-ASCII character into out; returns its bytes. */
static size_t
text_fold_char(uint32_t c, int keep_case, char *out)
{
	uint32_t b1[32], b2[32], *d, *f;
	size_t n1 = sizeof b1 / sizeof b1[0], n2 = sizeof b2 / sizeof b2[0];
	size_t k;

	/* Nobody types these: soft hyphen, ZWJ/ZWNJ, bidi marks, U+FEFF,
	 * and the tatweel that stretches Arabic letters. */
	if (uc_is_property_default_ignorable_code_point(c) || c == 0x640)
		return 0;
	c = text_letter_fold(c);
	/* Decomposed (canonical equivalents fold alike), but for a Hangul
	 * syllable or a kana, written composed, so that a search for 하 or
	 * か does not stop inside 한 or が. */
	d = text_fold_whole(c) ? NULL :
	    u32_normalize(UNINORM_NFD, &c, 1, b1, &n1);
	if (d == NULL) {
		b1[0] = c;
		d = b1;
		n1 = 1;
	}
	n1 = text_drop_marks(d, n1);
	f = !keep_case && n1 > 0 ?
	    u32_casefold(d, n1, NULL, NULL, b2, &n2) : NULL;
	if (f != NULL) {
		n2 = text_drop_marks(f, n2);
		k = text_fold_encode(f, n2, out);
		if (f != b2)
			free(f);
	} else
		k = text_fold_encode(d, n1, out);
	if (d != b1)
		free(d);
	return k;
}

/*
 * The memo of non-ASCII folds: direct-mapped by code point; a character
 * whose key is longer than an entry holds is folded every time.
 */
#define TEXT_FOLD_MEMO	1024
struct text_fold_memo {
	uint32_t cp;		/* 0: empty (ASCII is never memoised) */
	uint8_t len;
	char key[11];
};

void
text_folder_init(struct text_folder *f, int keep_case, int want_map)
{
	memset(f, 0, sizeof *f);
	f->keep_case = keep_case;
	f->want_map = want_map;
}

void
text_folder_free(struct text_folder *f)
{
	free(f->key);
	free(f->map);
	free(f->memo);
	memset(f, 0, sizeof *f);
}

/* Room for n more key bytes (and map entries). */
static void
text_folder_room(struct text_folder *f, size_t n)
{
	size_t cap = f->cap;

	if (f->len + n + 1 <= f->cap)
		return;
	f->key = xgrow(f->key, &cap, f->len + n + 1, 1);
	if (f->want_map)
		f->map = xreallocarray(f->map, cap, sizeof *f->map);
	f->cap = cap;
}

/* Append the key of the non-ASCII character c found at offset from. */
static void
text_folder_char(struct text_folder *f, uint32_t c, uint32_t from)
{
	struct text_fold_memo *m;
	char one[TEXT_FOLD_ONE];
	const char *k;
	size_t n, i;

	if (f->memo == NULL)
		f->memo = xcalloc(TEXT_FOLD_MEMO, sizeof *f->memo);
	m = &f->memo[(c * 2654435761u) >> 22];	/* 10 bits: TEXT_FOLD_MEMO */
	if (m->cp == c) {
		k = m->key;
		n = m->len;
	} else {
		n = text_fold_char(c, f->keep_case, one);
		k = one;
		if (n <= sizeof m->key) {
			m->cp = c;
			m->len = (uint8_t)n;
			memcpy(m->key, one, n);
		}
	}
	text_folder_room(f, n);
	memcpy(f->key + f->len, k, n);
	if (f->want_map)
		for (i = 0; i < n; i++)
			f->map[f->len + i] = from;
	f->len += n;
}

void
text_folder_add(struct text_folder *f, const char *s, size_t len,
    uint32_t base)
{
	size_t i = 0, run, k;
	uint32_t c, at, *mp;
	unsigned char b;
	char *kp;

	while (i < len) {
		run = text_utf8_ascii_run(s + i, len - i);
		if (run > 0) {
			text_folder_room(f, run);
			kp = f->key + f->len;	/* locals: no reloads */
			if (f->keep_case)
				memcpy(kp, s + i, run);
			else
				for (k = 0; k < run; k++) {
					b = (unsigned char)s[i + k];
					kp[k] = (char)((unsigned)(b - 'A') < 26u ?
					    b + ('a' - 'A') : b);
				}
			if (f->want_map) {
				mp = f->map + f->len;
				at = base + (uint32_t)i;
				for (k = 0; k < run; k++)
					mp[k] = at + (uint32_t)k;
			}
			f->len += run;
			i += run;
			continue;
		}
		k = text_utf8_decode(s + i, len - i, &c);
		text_folder_char(f, c, base + (uint32_t)i);
		i += k;
	}
	if (f->key != NULL)
		f->key[f->len] = '\0';
}

char *
text_fold(const char *s, size_t len, int keep_case, size_t *keylen,
    uint32_t **map)
{
	struct text_folder f;

	text_folder_init(&f, keep_case, map != NULL);
	text_folder_room(&f, len);
	text_folder_add(&f, s, len, 0);
	free(f.memo);
	*keylen = f.len;
	if (map != NULL)
		*map = f.map;
	return f.key;
}

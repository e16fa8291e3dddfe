/*
 * text_out.c: the text layer's edges: options for the current locale,
 * conversion of drawn text to the output charset, and search keys.
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

struct text_key {
	char *key;
	uint32_t *map;
	size_t len, cap, mapcap;
};

static void
text_key_add(struct text_key *k, uint32_t c, uint32_t from, int want_map)
{
	size_t n;

	k->key = xgrow(k->key, &k->cap, k->len + 5, 1);
	if (want_map)
		k->map = xgrow(k->map, &k->mapcap, k->len + 4,
		    sizeof *k->map);
	n = text_utf8_encode(c, k->key + k->len);
	if (want_map)
		while (n-- > 0)
			k->map[k->len++] = from;
	else
		k->len += n;
}

/* Drop the marks of a[0..n); returns the new count. */
static size_t
text_drop_marks(uint32_t *a, size_t n)
{
	size_t i, m = 0;

	for (i = 0; i < n; i++)
		if (!uc_is_general_category(a[i], UC_CATEGORY_M))
			a[m++] = a[i];
	return m;
}

/* Fold one non-ASCII character into k. */
static void
text_fold_char(struct text_key *k, uint32_t c, int keep_case,
    uint32_t from, int want_map)
{
	uint32_t b1[32], b2[32], *d, *f = NULL;
	size_t n1 = sizeof b1 / sizeof b1[0], n2 = sizeof b2 / sizeof b2[0];
	size_t i;

	/* Nobody types these: soft hyphen, ZWJ/ZWNJ, bidi marks, U+FEFF. */
	if (uc_is_property_default_ignorable_code_point(c))
		return;
	d = u32_normalize(UNINORM_NFD, &c, 1, b1, &n1);
	if (d == NULL) {
		b1[0] = c;
		d = b1;
		n1 = 1;
	}
	n1 = text_drop_marks(d, n1);
	if (!keep_case && n1 > 0) {
		f = u32_casefold(d, n1, NULL, UNINORM_NFD, b2, &n2);
		if (f != NULL) {
			n2 = text_drop_marks(f, n2);
			for (i = 0; i < n2; i++)
				text_key_add(k, f[i], from, want_map);
			if (f != b2)
				free(f);
			if (d != b1)
				free(d);
			return;
		}
	}
	for (i = 0; i < n1; i++)
		text_key_add(k, d[i], from, want_map);
	if (d != b1)
		free(d);
}

char *
text_fold(const char *s, size_t len, int keep_case, size_t *keylen,
    uint32_t **map)
{
	struct text_key k;
	size_t i = 0, n;
	uint32_t c;
	unsigned char b;

	memset(&k, 0, sizeof k);
	k.key = xgrow(NULL, &k.cap, len + 1, 1);
	if (map != NULL)
		k.map = xgrow(NULL, &k.mapcap, len + 1, sizeof *k.map);
	while (i < len) {
		b = s[i];
		if (b < 0x80) {
			if (!keep_case && b >= 'A' && b <= 'Z')
				b += 'a' - 'A';
			k.key = xgrow(k.key, &k.cap, k.len + 2, 1);
			if (map != NULL) {
				k.map = xgrow(k.map, &k.mapcap, k.len + 1,
				    sizeof *k.map);
				k.map[k.len] = i;
			}
			k.key[k.len++] = b;
			i++;
			continue;
		}
		n = text_utf8_decode(s + i, len - i, &c);
		text_fold_char(&k, c, keep_case, i, map != NULL);
		i += n;
	}
	k.key[k.len] = '\0';
	*keylen = k.len;
	if (map != NULL)
		*map = k.map;
	return k.key;
}

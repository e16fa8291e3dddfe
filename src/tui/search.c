/*
 * search.c: pattern matching over folded text (see search.h). Works in
 * bytes of the folded key; the folder's map takes key bytes back to byte
 * offsets of the original text. Memory is bounded by a piece of text
 * (SEARCH_PIECE bytes), whatever the length of the span searched.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>

#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "search.h"

/*
 * Whether s has a capital (upper or title case) letter: one that lower
 * casing changes. Folding changes more (final sigma, sharp s), and those
 * are lower case.
 */
static int
search_has_capital(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t c;

	while (i < len) {
		i += text_utf8_decode(s + i, len - i, &c);
		if (uc_tolower(c) != c)
			return 1;
	}
	return 0;
}

int
search_compile(struct search *s, const char *pattern)
{
	size_t len;

	memset(s, 0, sizeof *s);
	if (pattern == NULL || *pattern == '\0')
		return 0;
	len = strlen(pattern);
	s->keep_case = search_has_capital(pattern, len);
	s->key = text_fold(pattern, len, s->keep_case, &s->keylen, NULL);
	if (s->keylen == 0) {
		free(s->key);
		memset(s, 0, sizeof *s);
		return 0;
	}
	s->pattern = xstrdup(pattern);
	text_folder_init(&s->fold, s->keep_case, 1);
	return 1;
}

void
search_free(struct search *s)
{
	free(s->pattern);
	free(s->key);
	text_folder_free(&s->fold);
	memset(s, 0, sizeof *s);
}

/*
 * Text is folded a piece at a time (folding works character by
 * character, so pieces cut at character boundaries fold to the pieces of
 * the whole text's key), so a search in a huge paragraph needs memory for
 * one piece, not for the whole. The last keylen - 1 key bytes of a piece
 * are carried into the next, so a match across a cut is found; matches
 * never overlap (each starts after the one before ends), as with one
 * search over the whole key. The folded text is s->fold: key bytes with,
 * in map, the text offset each came from; done counts the key bytes
 * dropped before fold.key[0], resume is the key offset where the next
 * match may start.
 */
size_t
search_span_pieces(struct search *s, const char *text, size_t len,
    uint32_t base, size_t piece, struct search_match **m, size_t *n,
    size_t *cap)
{
	struct text_folder *f = &s->fold;
	char *p, *at;
	size_t left, k, off = 0, cut, keep, done = 0, resume = 0;

	if (s->keylen == 0 || len == 0)
		return *n;
	if (piece < 4)
		piece = 4;
	f->len = 0;
	while (off < len) {
		cut = len - off <= piece ? len - off : piece;
		while (cut > 1 && off + cut < len &&
		    ((unsigned char)text[off + cut] & 0xc0) == 0x80)
			cut--;	/* at a character boundary */
		text_folder_add(f, text + off, cut, (uint32_t)off);
		off += cut;
		k = resume > done ? resume - done : 0;
		p = f->key + k;
		left = f->len > k ? f->len - k : 0;
		while (left >= s->keylen &&
		    (at = memmem(p, left, s->key, s->keylen)) != NULL) {
			k = (size_t)(at - f->key);
			*m = xgrow(*m, cap, *n + 1, sizeof **m);
			(*m)[*n].start = base + f->map[k];
			(*m)[*n].end = base + f->map[k + s->keylen - 1] + 1;
			(*n)++;
			resume = done + k + s->keylen;
			left -= (size_t)(at - p) + s->keylen;
			p = at + s->keylen;
		}
		/* Keep the bytes a match across the next cut may start in. */
		keep = s->keylen - 1 < f->len ? s->keylen - 1 : f->len;
		if (keep > 0) {
			memmove(f->key, f->key + f->len - keep, keep);
			memmove(f->map, f->map + f->len - keep,
			    keep * sizeof *f->map);
		}
		done += f->len - keep;
		f->len = keep;
	}
	return *n;
}

size_t
search_span(struct search *s, const char *text, size_t len,
    uint32_t base, struct search_match **m, size_t *n, size_t *cap)
{
	return search_span_pieces(s, text, len, base, SEARCH_PIECE, m, n,
	    cap);
}

/*
 * search.c: pattern matching over folded text (see search.h). Works in
 * bytes of the folded key; text_fold's map takes key bytes back to byte
 * offsets of the original text. Memory is bounded by a piece of text
 * (SEARCH_PIECE bytes), whatever the length of the span searched.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "search.h"

int
search_compile(struct search *s, const char *pattern)
{
	char *lower, *kept;
	size_t llen, klen;

	memset(s, 0, sizeof *s);
	if (pattern == NULL || *pattern == '\0')
		return 0;
	lower = text_fold(pattern, strlen(pattern), 0, &llen, NULL);
	kept = text_fold(pattern, strlen(pattern), 1, &klen, NULL);
	if (llen == 0) {
		free(lower);
		free(kept);
		return 0;
	}
	s->pattern = xstrdup(pattern);
	/* Upper case in the pattern: folding case changed something. */
	if (llen != klen || memcmp(lower, kept, llen) != 0) {
		s->keep_case = 1;
		s->key = kept;
		s->keylen = klen;
		free(lower);
	} else {
		s->key = lower;
		s->keylen = llen;
		free(kept);
	}
	return 1;
}

void
search_free(struct search *s)
{
	free(s->pattern);
	free(s->key);
	memset(s, 0, sizeof *s);
}

/*
 * Text is folded a piece at a time (text_fold works character by
 * character, so pieces cut at character boundaries fold to the pieces of
 * the whole text's key), so a search in a huge paragraph needs memory for
 * one piece, not for the whole. The last keylen - 1 key bytes of a piece
 * are carried into the next, so a match across a cut is found; matches
 * never overlap (each starts after the one before ends), as with one
 * search over the whole key.
 */
struct search_scan {
	char *buf;		/* carried key bytes, then the piece's key */
	uint32_t *map;		/* text offset of each byte of buf */
	size_t len, cap;
	size_t done;		/* key bytes consumed before buf */
	size_t resume;		/* key offset where the next match may start */
};

/* Append key bytes k (map: offsets in their piece, plus off). */
static void
search_scan_add(struct search_scan *sc, const char *k, const uint32_t *map,
    size_t n, size_t off)
{
	size_t i, cap = sc->cap;

	if (n == 0)
		return;
	if (sc->len + n > sc->cap) {
		sc->buf = xgrow(sc->buf, &cap, sc->len + n, 1);
		sc->map = xreallocarray(sc->map, cap, sizeof *sc->map);
		sc->cap = cap;
	}
	memcpy(sc->buf + sc->len, k, n);
	for (i = 0; i < n; i++)
		sc->map[sc->len + i] = map[i] + (uint32_t)off;
	sc->len += n;
}

size_t
search_span_pieces(const struct search *s, const char *text, size_t len,
    uint32_t base, size_t piece, struct search_match **m, size_t *n,
    size_t *cap)
{
	struct search_scan sc;
	char *key, *p, *at;
	uint32_t *map;
	size_t keylen, left, k, off = 0, cut, keep;

	if (s->keylen == 0 || len == 0)
		return *n;
	if (piece < 4)
		piece = 4;
	memset(&sc, 0, sizeof sc);
	while (off < len) {
		cut = len - off <= piece ? len - off : piece;
		while (cut > 1 && off + cut < len &&
		    ((unsigned char)text[off + cut] & 0xc0) == 0x80)
			cut--;	/* at a character boundary */
		key = text_fold(text + off, cut, s->keep_case, &keylen, &map);
		search_scan_add(&sc, key, map, keylen, off);
		free(key);
		free(map);
		off += cut;
		k = sc.resume > sc.done ? sc.resume - sc.done : 0;
		p = sc.buf + k;
		left = sc.len > k ? sc.len - k : 0;
		while (left >= s->keylen &&
		    (at = memmem(p, left, s->key, s->keylen)) != NULL) {
			k = (size_t)(at - sc.buf);
			*m = xgrow(*m, cap, *n + 1, sizeof **m);
			(*m)[*n].start = base + sc.map[k];
			(*m)[*n].end = base + sc.map[k + s->keylen - 1] + 1;
			(*n)++;
			sc.resume = sc.done + k + s->keylen;
			left -= (size_t)(at - p) + s->keylen;
			p = at + s->keylen;
		}
		/* Keep the bytes a match across the next cut may start in. */
		keep = s->keylen - 1 < sc.len ? s->keylen - 1 : sc.len;
		if (keep > 0) {
			memmove(sc.buf, sc.buf + sc.len - keep, keep);
			memmove(sc.map, sc.map + sc.len - keep,
			    keep * sizeof *sc.map);
		}
		sc.done += sc.len - keep;
		sc.len = keep;
	}
	free(sc.buf);
	free(sc.map);
	return *n;
}

size_t
search_span(const struct search *s, const char *text, size_t len,
    uint32_t base, struct search_match **m, size_t *n, size_t *cap)
{
	return search_span_pieces(s, text, len, base, SEARCH_PIECE, m, n,
	    cap);
}

/*
 * search.c: pattern matching over folded text (see search.h). Works in
 * bytes of the folded key; text_fold's map takes key bytes back to byte
 * offsets of the original text.
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

size_t
search_span(const struct search *s, const char *text, size_t len,
    uint32_t base, struct search_match **m, size_t *n, size_t *cap)
{
	char *key, *p, *at;
	uint32_t *map;
	size_t keylen, left, k;

	if (s->keylen == 0 || len == 0)
		return *n;
	key = text_fold(text, len, s->keep_case, &keylen, &map);
	p = key;
	left = keylen;
	while (left >= s->keylen &&
	    (at = memmem(p, left, s->key, s->keylen)) != NULL) {
		k = (size_t)(at - key);
		*m = xgrow(*m, cap, *n + 1, sizeof **m);
		(*m)[*n].start = base + map[k];
		(*m)[*n].end = base + map[k + s->keylen - 1] + 1;
		(*n)++;
		left -= (size_t)(at - p) + s->keylen;
		p = at + s->keylen;
	}
	free(key);
	free(map);
	return *n;
}

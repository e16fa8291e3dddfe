/*
 * search.h: search in the document model (not the screen). A pattern is
 * folded with text_fold (accents removed, case folded unless the pattern
 * has upper case) and looked for in the folded text of one span at a
 * time. Matches are absolute byte ranges [start, end) of doc->buf, where
 * end is one past the first byte of the last matched character (enough to
 * mark every glyph whose cluster starts inside the match).
 */
#ifndef GLOSS_TUI_SEARCH_H
#define GLOSS_TUI_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "gloss/text.h"

struct search {
	char *pattern;		/* as typed */
	char *key;		/* folded */
	size_t keylen;
	int keep_case;
	struct text_folder fold;	/* the text searched, folded (search.c) */
};

/** Compile pattern; returns 0 if it is empty (nothing to search). */
int search_compile(struct search *s, const char *pattern);
void search_free(struct search *s);

/** A match [start, end) as absolute document offsets. */
struct search_match {
	uint32_t start, end;
};

/**
 * All matches in text (len bytes at document offset base), appended to
 * *m (grown with xgrow, *cap its capacity); returns the new count. s
 * keeps its buffers between calls, so searching many spans allocates
 * nothing per span.
 */
size_t search_span(struct search *s, const char *text, size_t len,
    uint32_t base, struct search_match **m, size_t *n, size_t *cap);

/** Text is folded SEARCH_PIECE bytes at a time (search.c). */
#define SEARCH_PIECE	(64 * 1024)
/** search_span with pieces of `piece` bytes (tests use tiny ones). */
size_t search_span_pieces(struct search *s, const char *text,
    size_t len, uint32_t base, size_t piece, struct search_match **m,
    size_t *n, size_t *cap);

#endif

/*
 * layout-private.h: what the paragraph layout files (layout_para.c and
 * its fast path, layout_plain.c) share, and nothing else uses.
 */
#ifndef GLOSS_LAYOUT_PRIVATE_H
#define GLOSS_LAYOUT_PRIVATE_H

#include "gloss/layout.h"

/* Where a range sweep stands: ranges before lo end before the cursor. */
struct lay_sweep {
	const struct lay_style *st;
	size_t lo;
};

/** Attributes of a cluster [src, src + len) from st->ranges. */
uint16_t lay_sweep_attr(struct lay_sweep *sw, uint32_t src, uint32_t len);

/** Append an empty line (indent 0) starting at document offset src. */
struct lay_line *lay_line_add(struct lay *out, uint32_t src);

/**
 * The fast path of lay_para_chunk (same arguments): lays out s[0, len)
 * if every character is plain (text_plain_cell) and its line breaks can
 * be found from short windows (layout_plain.c says how), appending
 * exactly the lines lay_para_chunk's full path would, and returns 1.
 * Otherwise appends nothing and returns 0.
 */
int lay_plain(struct lay *out, struct text_para *p,
    const struct text_opts *o, const char *s, size_t len, uint32_t base,
    struct lay_sweep *sw, int first);

#endif

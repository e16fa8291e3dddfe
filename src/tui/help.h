/*
 * help.h: the help screen's text, laid out for a width. The lines come
 * from the key table (keys_help_screen), so the screen shows what the keys
 * do. Each line is wrapped to the width: a description hangs under its
 * own first word when the width leaves it HELP_DESC_MIN cells beside the
 * keys, and otherwise goes on lines of its own under the keys. Nothing is
 * cropped at any width of at least one cell.
 *
 * Coordinates: the scroll position is a laid-out line (top); when the
 * width changes, top moves to the first laid-out line of the help line
 * that was at the top, so the reader keeps their place.
 */
#ifndef GLOSS_TUI_HELP_H
#define GLOSS_TUI_HELP_H

#include <stddef.h>

#include "gloss/layout.h"
#include "keys.h"

#define HELP_DESC_MIN	20	/* cells a description needs beside its keys */

struct help {
	struct keys_help_line *src;	/* NULL until first laid out */
	size_t nsrc;
	size_t *first;		/* first[i]: first line of src[i] in lay;
				 * first[nsrc] is lay.nlines */
	struct lay lay;		/* generated text: every src is LAY_NOSRC */
	int width;		/* what lay is laid out for; 0: nothing */
	size_t top;		/* line of lay at the top of the screen */
};

void help_init(struct help *h);
void help_free(struct help *h);
/** Lay out for width (>= 1), unless already; keeps the place (above). */
void help_layout(struct help *h, struct text_para *scratch,
    const struct text_opts *o, int width);
/** Scroll by delta lines on a screen of rows lines; top stays in range. */
void help_scroll(struct help *h, long delta, int rows);
/** Keep top in range for rows lines: the last screen is a full one. */
void help_clamp(struct help *h, int rows);

#endif

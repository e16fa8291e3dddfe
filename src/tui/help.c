/*
 * help.c: the help screen's text laid out for a width (help.h). Owns the
 * help lines (from keys.c) and their layout; knows nothing of curses.
 * Widths are cells; a help line's desc is a byte offset in its text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss/xmalloc.h"
#include "help.h"

#define HELP_DESC_INDENT	6	/* a description under its keys (at most) */

void
help_init(struct help *h)
{
	memset(h, 0, sizeof *h);
	lay_init(&h->lay);
}

void
help_free(struct help *h)
{
	if (h->src != NULL)
		keys_help_screen_free(h->src, h->nsrc);
	free(h->first);
	lay_free(&h->lay);
	memset(h, 0, sizeof *h);
}

/* Lay out s[0, len) as text gloss made: no glyph points into a document. */
static void
help_para(struct help *h, struct text_para *scratch,
    const struct text_opts *o, const char *s, size_t len,
    const struct lay_style *st)
{
	size_t line = h->lay.nlines, g = h->lay.nglyphs;

	lay_para(&h->lay, scratch, o, s, len, 0, st);
	for (; line < h->lay.nlines; line++)
		h->lay.lines[line].src = LAY_NOSRC;
	for (; g < h->lay.nglyphs; g++)
		h->lay.glyphs[g].src = LAY_NOSRC;
}

/* Cells taken by s[0, len) on one line (generated text, no tabs). */
static int
help_cells(struct text_para *scratch, const struct text_opts *o,
    const char *s, size_t len)
{
	struct lay tmp;
	char *t = xstrndup(s, len);
	int w;

	lay_init(&tmp);
	w = lay_label(&tmp, scratch, o, t, 1 << 20, 0);
	lay_free(&tmp);
	free(t);
	return w;
}

/* Append the lines of help line l at width. */
static void
help_line(struct help *h, struct text_para *scratch,
    const struct text_opts *o, const struct keys_help_line *l, int width)
{
	struct lay_style st;
	size_t len = strlen(l->text), kl;
	int keys, indent;

	memset(&st, 0, sizeof st);
	st.width = width;
	if (l->desc == 0) {
		help_para(h, scratch, o, l->text, len, &st);
		return;
	}
	keys = help_cells(scratch, o, l->text, l->desc);
	if (width - keys >= HELP_DESC_MIN) {
		st.indent_rest = keys;
		help_para(h, scratch, o, l->text, len, &st);
		return;
	}
	for (kl = l->desc; kl > 0 && l->text[kl - 1] == ' '; kl--)
		;
	indent = width / 4 < HELP_DESC_INDENT ? width / 4 : HELP_DESC_INDENT;
	st.indent_rest = indent;
	help_para(h, scratch, o, l->text, kl, &st);
	st.indent_first = st.indent_rest = indent;
	help_para(h, scratch, o, l->text + l->desc, len - l->desc, &st);
}

/* The help line whose lines hold line n of lay. */
static size_t
help_line_of(const struct help *h, size_t n)
{
	size_t lo = 0, hi = h->nsrc, mid;

	while (hi - lo > 1) {	/* first[lo] <= n < first[hi] */
		mid = lo + (hi - lo) / 2;
		if (h->first[mid] <= n)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void
help_layout(struct help *h, struct text_para *scratch,
    const struct text_opts *o, int width)
{
	size_t i, at = 0;

	if (width < 1)
		width = 1;
	if (h->src == NULL) {
		h->src = keys_help_screen(&h->nsrc);
		h->first = xcalloc(h->nsrc + 1, sizeof *h->first);
	} else if (h->width == width)
		return;
	else if (h->nsrc > 0)
		at = help_line_of(h, h->top);
	lay_clear(&h->lay);
	for (i = 0; i < h->nsrc; i++) {
		h->first[i] = h->lay.nlines;
		help_line(h, scratch, o, &h->src[i], width);
	}
	h->first[h->nsrc] = h->lay.nlines;
	h->width = width;
	h->top = h->nsrc > 0 ? h->first[at] : 0;
}

void
help_clamp(struct help *h, int rows)
{
	size_t n = h->lay.nlines, r = rows > 1 ? (size_t)rows : 1;

	if (h->top + r > n)
		h->top = n > r ? n - r : 0;
}

void
help_scroll(struct help *h, long delta, int rows)
{
	if (delta < 0)
		h->top = (size_t)-delta > h->top ? 0 : h->top - (size_t)-delta;
	else
		h->top += (size_t)delta;
	help_clamp(h, rows);
}

/*
 * view.c: lazy, cached layout of one pane's items (see view.h).
 *
 * Invariants: top < nitems unless nitems == 0 (then top == 0, part == 0,
 * line == 0); part < parts of the top item; 0 <= line < lines of that
 * part. The cache is direct-mapped by (item, part); any part's layout may
 * be evicted by a later lookup, so callers hold at most one
 * `const struct lay *` at a time. Every walk steps part by part and is
 * bounded by the number of lines it moves plus the pane height (and the
 * number of parts it passes, each laid out once).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss/xmalloc.h"
#include "view.h"

#define VIEW_EMPTY ((size_t)-1)

void
view_init(struct view *v, size_t nitems, const struct view_source *src,
    int width)
{
	size_t i;

	memset(v, 0, sizeof *v);
	v->nitems = nitems;
	v->src = *src;
	v->width = width < 1 ? 1 : width;
	v->cache = xcalloc(VIEW_CACHE, sizeof *v->cache);
	for (i = 0; i < VIEW_CACHE; i++) {
		v->cache[i].item = VIEW_EMPTY;
		lay_init(&v->cache[i].lay);
	}
}

void
view_free(struct view *v)
{
	size_t i;

	if (v->cache == NULL)
		return;
	for (i = 0; i < VIEW_CACHE; i++)
		lay_free(&v->cache[i].lay);
	free(v->cache);
	v->cache = NULL;
}

size_t
view_parts(struct view *v, size_t i)
{
	size_t n;

	if (v->src.parts == NULL)
		return 1;
	n = v->src.parts(v->src.arg, i);
	return n < 1 ? 1 : n;
}

const struct lay *
view_part(struct view *v, size_t i, size_t k)
{
	struct view_entry *e = &v->cache[(i + k * 7919) % VIEW_CACHE];

	if (e->item != i || e->part != k) {
		lay_clear(&e->lay);
		v->src.layout(v->src.arg, i, k, v->width, &e->lay);
		if (e->lay.nlines == 0)
			lay_new_line(&e->lay);
		e->item = i;
		e->part = k;
	}
	return &e->lay;
}

/* Lines of part k of item i. */
static int
view_lines(struct view *v, size_t i, size_t k)
{
	return (int)view_part(v, i, k)->nlines;
}

/* Clamp part and line of the top into the top item. */
static void
view_clamp(struct view *v)
{
	size_t n;
	int lines;

	if (v->nitems == 0) {
		v->top = 0;
		v->part = 0;
		v->line = 0;
		return;
	}
	n = view_parts(v, v->top);
	if (v->part >= n)
		v->part = n - 1;
	lines = view_lines(v, v->top, v->part);
	if (v->line >= lines)
		v->line = lines - 1;
	if (v->line < 0)
		v->line = 0;
}

void
view_invalidate(struct view *v)
{
	size_t i;

	for (i = 0; i < VIEW_CACHE; i++) {
		v->cache[i].item = VIEW_EMPTY;
		lay_clear(&v->cache[i].lay);
	}
	view_clamp(v);
}

/*
 * The line of l that holds offset off: the one whose source is the
 * greatest not after off (the last of equal ones), or -1 if none is.
 * Not simply the last line whose source is not after off: the rows of
 * the clause table are not in source order (a row's source is its
 * translation line, then the original's once the translation has run
 * out, and the original comes first in the document).
 */
static int
view_line_at(const struct lay *l, uint32_t off)
{
	size_t n;
	int best = -1;

	for (n = 0; n < l->nlines; n++) {
		if (l->lines[n].src == LAY_NOSRC || l->lines[n].src > off)
			continue;
		if (best < 0 || l->lines[n].src >= l->lines[best].src)
			best = (int)n;
	}
	return best;
}

/*
 * The top's place in the text: the first line from the top on that has
 * a source, *dy lines down; or, with none to the part's end, LAY_NOSRC
 * and *dy the lines from the top to that end.
 */
static void
view_anchor_find(struct view *v, uint32_t *anchor, int *dy)
{
	const struct lay *l = view_part(v, v->top, v->part);
	size_t n;

	for (n = (size_t)v->line; n < l->nlines; n++)
		if (l->lines[n].src != LAY_NOSRC) {
			*anchor = l->lines[n].src;
			*dy = (int)n - v->line;
			return;
		}
	*anchor = LAY_NOSRC;
	*dy = (int)l->nlines - v->line;
}

/*
 * Put the line of the top part that view_anchor_find's (anchor, dy)
 * describe at the top; if the part has no line with a source before
 * the anchor, line `other` instead.
 */
static void
view_anchor_apply(struct view *v, uint32_t anchor, int dy, int other)
{
	const struct lay *l = view_part(v, v->top, v->part);
	int at;

	if (anchor == LAY_NOSRC)
		v->line = (int)l->nlines - dy;
	else if ((at = view_line_at(l, anchor)) >= 0)
		v->line = at - dy;
	else
		v->line = other;
	view_clamp(v);
}

void
view_set_width(struct view *v, int width)
{
	int before, scaled;

	if (width < 1)
		width = 1;
	if (width == v->width)
		return;
	/* Take the top's place, unless a resize before this one took it
	 * and the view has not moved since. */
	if (v->nitems > 0 && !v->anchored) {
		view_anchor_find(v, &v->anchor, &v->anchor_dy);
		v->anchored = 1;
	}
	before = v->nitems ? view_lines(v, v->top, v->part) : 1;
	v->width = width;
	view_invalidate(v);
	if (v->nitems == 0)
		return;
	scaled = (int)((long long)v->line * view_lines(v, v->top, v->part) /
	    before);
	view_anchor_apply(v, v->anchor, v->anchor_dy, scaled);
}

void
view_goto(struct view *v, size_t item, size_t part, int line)
{
	if (v->nitems == 0) {
		view_clamp(v);
		return;
	}
	if (item >= v->nitems)
		item = v->nitems - 1;
	v->anchored = 0;
	v->top = item;
	v->part = part;
	v->line = line;
	view_clamp(v);
}

void
view_pos_get(struct view *v, struct view_pos *p)
{
	p->top = v->top;
	p->part = v->part;
	p->line = v->line;
	p->anchor = LAY_NOSRC;
	p->anchor_dy = 0;
	if (v->nitems > 0)
		view_anchor_find(v, &p->anchor, &p->anchor_dy);
}

void
view_pos_set(struct view *v, const struct view_pos *p)
{
	view_goto(v, p->top, p->part, p->line);
	if (v->nitems == 0 || v->top != p->top || v->part != p->part)
		return;
	view_anchor_apply(v, p->anchor, p->anchor_dy, v->line);
	/* A resize from here keeps this text, not the line it landed on. */
	v->anchored = 1;
	v->anchor = p->anchor;
	v->anchor_dy = p->anchor_dy;
}

int
view_top_cut(const struct view *v)
{
	return v->part > 0 || v->line > 0;
}

/* Step (*i, *k) to the next part of the list; 0 at the end. */
static int
view_next(struct view *v, size_t *i, size_t *k)
{
	if (*k + 1 < view_parts(v, *i)) {
		(*k)++;
		return 1;
	}
	if (*i + 1 >= v->nitems)
		return 0;
	(*i)++;
	*k = 0;
	return 1;
}

/* Step (*i, *k) to the previous part of the list; 0 at the start. */
static int
view_prev(struct view *v, size_t *i, size_t *k)
{
	if (*k > 0) {
		(*k)--;
		return 1;
	}
	if (*i == 0)
		return 0;
	(*i)--;
	*k = view_parts(v, *i) - 1;
	return 1;
}

/* Lines from the top position to the end, counting at most limit. */
static long
view_lines_below(struct view *v, long limit)
{
	size_t i = v->top, k = v->part;
	long n;

	if (v->nitems == 0)
		return 0;
	n = (long)view_lines(v, i, k) - v->line;
	while (n < limit && view_next(v, &i, &k))
		n += (long)view_lines(v, i, k);
	return n;
}

int
view_more_below(struct view *v, int height)
{
	return view_lines_below(v, (long)height + 1) > height;
}

static long
view_down(struct view *v, long n)
{
	long moved = 0, left;

	while (moved < n) {
		left = (long)view_lines(v, v->top, v->part) - v->line - 1;
		if (n - moved <= left) {
			v->line += (int)(n - moved);
			return n;
		}
		if (!view_next(v, &v->top, &v->part)) {
			v->line += (int)left;
			return moved + left;
		}
		moved += left + 1;
		v->line = 0;
	}
	return moved;
}

static long
view_up(struct view *v, long n)
{
	long moved = 0;

	while (moved < n) {
		if (n - moved <= v->line) {
			v->line -= (int)(n - moved);
			return n;
		}
		moved += v->line;
		v->line = 0;
		if (!view_prev(v, &v->top, &v->part))
			return moved;
		v->line = view_lines(v, v->top, v->part) - 1;
		moved++;
	}
	return moved;
}

long
view_scroll(struct view *v, long n, int height)
{
	long below, room, moved;

	if (v->nitems == 0 || n == 0)
		return 0;
	if (n < 0) {
		moved = -view_up(v, -n);
	} else {
		if (height < 1)
			height = 1;
		below = view_lines_below(v, n + height);
		room = below - height;
		moved = room <= 0 ? 0 : view_down(v, n < room ? n : room);
	}
	if (moved != 0)
		v->anchored = 0;
	return moved;
}

void
view_end(struct view *v, int height)
{
	if (v->nitems == 0)
		return;
	if (height < 1)
		height = 1;
	v->anchored = 0;
	v->top = v->nitems - 1;
	v->part = view_parts(v, v->top) - 1;
	v->line = view_lines(v, v->top, v->part) - 1;
	view_up(v, height - 1);
}

int
view_row(struct view *v, int row, size_t *item)
{
	size_t i = v->top, k = v->part;
	long r = row, n;

	if (v->nitems == 0 || row < 0)
		return 0;
	r += v->line;
	for (;;) {
		n = (long)view_lines(v, i, k);
		if (r < n) {
			*item = i;
			return 1;
		}
		r -= n;
		if (!view_next(v, &i, &k))
			return 0;
	}
}

void
view_locate(struct view *v, size_t i, uint32_t off, size_t *part,
    int *line)
{
	size_t k = 0, n;

	*part = 0;
	*line = 0;
	if (i >= v->nitems)
		return;
	if (v->src.part_at != NULL) {
		k = v->src.part_at(v->src.arg, i, off);
		n = view_parts(v, i);
		if (k >= n)
			k = n - 1;
	}
	*part = k;
	*line = view_line_at(view_part(v, i, k), off);
	if (*line < 0)
		*line = 0;
}

int
view_percent(struct view *v, int height)
{
	double at;

	if (v->nitems == 0 || !view_more_below(v, height))
		return 100;
	at = (double)v->top + (double)v->part / (double)view_parts(v, v->top);
	return (int)(at * 100.0 / (double)v->nitems);
}

/*
 * view.c: lazy, cached layout of one pane's items (see view.h).
 *
 * Invariants: top < nitems unless nitems == 0 (then top == 0); 0 <= line
 * < lines of the top item. The cache is direct-mapped by item index; any
 * item's layout may be evicted by a later lookup, so callers hold at most
 * one `const struct lay *` at a time. Every walk is bounded by the number
 * of lines it moves plus the pane height.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss/xmalloc.h"
#include "view.h"

#define VIEW_EMPTY ((size_t)-1)

void
view_init(struct view *v, size_t nitems, view_layout_fn fn, void *arg,
    int width)
{
	size_t i;

	memset(v, 0, sizeof *v);
	v->nitems = nitems;
	v->layout = fn;
	v->arg = arg;
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

void
view_invalidate(struct view *v)
{
	size_t i;

	for (i = 0; i < VIEW_CACHE; i++) {
		v->cache[i].item = VIEW_EMPTY;
		lay_clear(&v->cache[i].lay);
	}
	if (v->nitems != 0 && v->line >= (int)view_item_lines(v, v->top))
		v->line = (int)view_item_lines(v, v->top) - 1;
}

const struct lay *
view_item(struct view *v, size_t i)
{
	struct view_entry *e = &v->cache[i % VIEW_CACHE];

	if (e->item != i) {
		lay_clear(&e->lay);
		v->layout(v->arg, i, v->width, &e->lay);
		if (e->lay.nlines == 0)
			lay_new_line(&e->lay);
		e->item = i;
	}
	return &e->lay;
}

size_t
view_item_lines(struct view *v, size_t i)
{
	return view_item(v, i)->nlines;
}

void
view_set_width(struct view *v, int width)
{
	size_t before, after;

	if (width < 1)
		width = 1;
	if (width == v->width)
		return;
	before = v->nitems ? view_item_lines(v, v->top) : 1;
	v->width = width;
	view_invalidate(v);
	if (v->nitems == 0)
		return;
	after = view_item_lines(v, v->top);
	v->line = (int)((size_t)v->line * after / before);
	if (v->line >= (int)after)
		v->line = (int)after - 1;
}

void
view_goto(struct view *v, size_t item, int line)
{
	size_t n;

	if (v->nitems == 0) {
		v->top = 0;
		v->line = 0;
		return;
	}
	if (item >= v->nitems)
		item = v->nitems - 1;
	n = view_item_lines(v, item);
	if (line < 0)
		line = 0;
	if ((size_t)line >= n)
		line = (int)n - 1;
	v->top = item;
	v->line = line;
}

/* Lines from the top position to the end, counting at most limit. */
static long
view_lines_below(struct view *v, long limit)
{
	size_t i;
	long n;

	if (v->nitems == 0)
		return 0;
	n = (long)view_item_lines(v, v->top) - v->line;
	for (i = v->top + 1; i < v->nitems && n < limit; i++)
		n += (long)view_item_lines(v, i);
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
		left = (long)view_item_lines(v, v->top) - v->line - 1;
		if (n - moved <= left) {
			v->line += (int)(n - moved);
			return n;
		}
		if (v->top + 1 >= v->nitems) {
			v->line += (int)left;
			return moved + left;
		}
		moved += left + 1;
		v->top++;
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
		if (v->top == 0)
			return moved;
		v->top--;
		v->line = (int)view_item_lines(v, v->top) - 1;
		moved++;
	}
	return moved;
}

long
view_scroll(struct view *v, long n, int height)
{
	long below, room;

	if (v->nitems == 0 || n == 0)
		return 0;
	if (n < 0)
		return -view_up(v, -n);
	if (height < 1)
		height = 1;
	below = view_lines_below(v, n + height);
	room = below - height;
	if (room <= 0)
		return 0;
	return view_down(v, n < room ? n : room);
}

void
view_end(struct view *v, int height)
{
	if (v->nitems == 0)
		return;
	if (height < 1)
		height = 1;
	v->top = v->nitems - 1;
	v->line = (int)view_item_lines(v, v->top) - 1;
	view_up(v, height - 1);
}

int
view_row(struct view *v, int row, size_t *item, int *line)
{
	size_t i;
	long r = row, n;

	if (v->nitems == 0 || row < 0)
		return 0;
	r += v->line;
	for (i = v->top; i < v->nitems; i++) {
		n = (long)view_item_lines(v, i);
		if (r < n) {
			*item = i;
			*line = (int)r;
			return 1;
		}
		r -= n;
	}
	return 0;
}

int
view_line_of(struct view *v, size_t i, uint32_t off)
{
	const struct lay *l = view_item(v, i);
	size_t k;
	int best = 0;

	for (k = 0; k < l->nlines; k++) {
		if (l->lines[k].src == LAY_NOSRC)
			continue;
		if (l->lines[k].src <= off)
			best = (int)k;
	}
	return best;
}

int
view_percent(struct view *v, int height)
{
	if (v->nitems == 0 || !view_more_below(v, height))
		return 100;
	return (int)((double)v->top * 100.0 / (double)v->nitems);
}

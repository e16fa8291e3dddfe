/*
 * view.h: a scrollable, lazily laid out list of items (article blocks,
 * comments or clause rows) for one pane.
 *
 * Coordinates: a position is (item, line): an item index and a line
 * offset inside that item's layout; the pane shows lines from its top
 * position down. Nothing here ever lays out the whole list: each call
 * lays out only the items it walks over (O(lines moved + screen)), and
 * layouts are cached per item for the current width. Changing the width
 * drops the cache and keeps the top item, scaling its line offset.
 * No curses: the items come from a callback, so this is unit-testable.
 */
#ifndef GLOSS_TUI_VIEW_H
#define GLOSS_TUI_VIEW_H

#include <stddef.h>

#include "gloss/layout.h"

/** Lays out item i for width cells, appending to out (>= 1 line). */
typedef void (*view_layout_fn)(void *arg, size_t item, int width,
    struct lay *out);

#define VIEW_CACHE 512

struct view_entry {
	size_t item;		/* (size_t)-1: empty */
	struct lay lay;
};

struct view {
	size_t nitems;
	view_layout_fn layout;
	void *arg;
	int width;		/* layout width in cells (>= 1) */
	size_t top;		/* item at the top */
	int line;		/* its line at the top */
	struct view_entry *cache;	/* VIEW_CACHE entries, item % size */
};

void view_init(struct view *v, size_t nitems, view_layout_fn fn, void *arg,
    int width);
void view_free(struct view *v);
/** Drop cached layouts (after a change of what the callback produces). */
void view_invalidate(struct view *v);
/**
 * Set the width; if it changed, drop the cache and keep the top item,
 * scaling its line offset by the ratio of its new and old line counts.
 */
void view_set_width(struct view *v, int width);
/**
 * The layout of item i at the current width (cached). The pointer is
 * valid until the next view_* call on v.
 */
const struct lay *view_item(struct view *v, size_t i);
/** Number of lines item i takes. */
size_t view_item_lines(struct view *v, size_t i);
/** Put (item, line) at the top; line is clamped into the item. */
void view_goto(struct view *v, size_t item, int line);
/**
 * Scroll by n lines (positive: down). Scrolling down stops when the last
 * line of the list is at the bottom of a pane of height rows (or
 * further down already); up stops at the first line. Returns lines moved.
 */
long view_scroll(struct view *v, long n, int height);
/** Put the last line at the bottom of a pane of height rows. */
void view_end(struct view *v, int height);
/** Whether any line lies below a pane of height rows. */
int view_more_below(struct view *v, int height);
/**
 * Position of the row `row` lines below the top: *item and *line; returns
 * 0 if the list ends before it.
 */
int view_row(struct view *v, int row, size_t *item, int *line);
/** Line of item i containing document offset off (0 if none). */
int view_line_of(struct view *v, size_t i, uint32_t off);
/** Percent through the list, estimated from the top item. */
int view_percent(struct view *v, int height);

#endif

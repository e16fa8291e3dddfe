/*
 * view.h: a scrollable, lazily laid out list of items (article blocks,
 * comments or clause rows) for one pane.
 *
 * Coordinates: a position is (item, part, line): an item index, one of
 * the item's parts (layout.h: a huge paragraph comes in several; most
 * items have one) and a line offset inside that part's layout; the pane
 * shows lines from its top position down. Nothing here ever lays out the
 * whole list, nor all of a huge item: each call lays out only the parts
 * it walks over (O(lines moved + screen)), and layouts are cached per
 * (item, part) for the current width. Changing the width drops the cache
 * and keeps the top item and part, and the text at the top: the line
 * that holds the document offset the top line started with (or, above
 * the part's first line with text, the same number of lines above it).
 * That offset is kept while only the width changes, so a run of
 * resizes does not creep up the text; any other move forgets it.
 * No curses: the items come from callbacks, so this is unit-testable.
 */
#ifndef GLOSS_TUI_VIEW_H
#define GLOSS_TUI_VIEW_H

#include <stddef.h>

#include "gloss/layout.h"

/**
 * A place in a list that survives a change of width: the top item and
 * part, the line there at the width it was taken at, and the text at the
 * top as the anchor below holds it.
 */
struct view_pos {
	size_t top;
	size_t part;
	int line;
	uint32_t anchor;
	int anchor_dy;
};

/** Where a view's items come from. */
struct view_source {
	/** Lays out part `part` of item i for width cells, appending to
	 * out; an item's parts in order are its lines. */
	void (*layout)(void *arg, size_t item, size_t part, int width,
	    struct lay *out);
	/** Parts of item i (>= 1); NULL: every item has one. */
	size_t (*parts)(void *arg, size_t item);
	/** The part of item i that holds document offset off; NULL: 0. */
	size_t (*part_at)(void *arg, size_t item, uint32_t off);
	void *arg;
};

#define VIEW_CACHE 512

struct view_entry {
	size_t item;		/* (size_t)-1: empty */
	size_t part;
	struct lay lay;
};

struct view {
	size_t nitems;
	struct view_source src;
	int width;		/* layout width in cells (>= 1) */
	size_t top;		/* item at the top */
	size_t part;		/* its part at the top */
	int line;		/* that part's line at the top */
	struct view_entry *cache;	/* VIEW_CACHE entries */
	/* The top's place in the text, taken at the first of a run of
	 * width changes: anchor_dy lines above the line that holds
	 * document offset anchor, or, when anchor is LAY_NOSRC (no line
	 * with text from the top to the part's end), anchor_dy lines above
	 * the part's end. */
	int anchored;
	uint32_t anchor;
	int anchor_dy;
};

void view_init(struct view *v, size_t nitems, const struct view_source *src,
    int width);
void view_free(struct view *v);
/** Drop cached layouts (after a change of what the callback produces). */
void view_invalidate(struct view *v);
/**
 * Set the width; if it changed, drop the cache and keep the top item and
 * part and the text at the top (see above); a part without any source
 * offsets scales the line offset by the ratio of its new and old line
 * counts.
 */
void view_set_width(struct view *v, int width);
/** Number of parts of item i. */
size_t view_parts(struct view *v, size_t i);
/**
 * The layout of part k of item i at the current width (cached). The
 * pointer is valid until the next view_* call on v.
 */
const struct lay *view_part(struct view *v, size_t i, size_t k);
/** Put (item, part, line) at the top; part and line are clamped. */
void view_goto(struct view *v, size_t item, size_t part, int line);
/** Where the top is now (lays out the top part). */
void view_pos_get(struct view *v, struct view_pos *p);
/**
 * Go back to p: its item and part at the top, and the line that holds
 * its text at the current width (p's line if the part has no text).
 */
void view_pos_set(struct view *v, const struct view_pos *p);
/** Whether the first line of the top item is above the pane. */
int view_top_cut(const struct view *v);
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
 * The item on the row `row` lines below the top: *item; returns 0 if the
 * list ends before it.
 */
int view_row(struct view *v, int row, size_t *item);
/**
 * Where in item i document offset off is: the part that holds it and
 * the line of that part whose source is the greatest not after off
 * (line 0 if there is none; lines need not be in source order).
 */
void view_locate(struct view *v, size_t i, uint32_t off, size_t *part,
    int *line);
/** Percent through the list, estimated from the top item and part. */
int view_percent(struct view *v, int height);

#endif

/*
 * tui-private.h: the reader's state, shared by tui.c (keys and actions)
 * and draw.c (what the screen shows). No curses here.
 *
 * Coordinates: pane rectangles are screen cells; a pane's content starts
 * one cell right of its left edge (that column carries the selection
 * bar). Items are article parts (0: title, 1 + i: block i), comments, or
 * clause rows, indexed from 0; positions are (item, line) as in view.h.
 * The Comments pane's item i shows comment thread_order_comment(&order,
 * i): comment i itself unless the view is threaded (thread.h). Anything
 * that names a comment (links, parents, numbers, the jump list) names it
 * by its comment index and turns it into an item to show it.
 */
#ifndef GLOSS_TUI_PRIVATE_H
#define GLOSS_TUI_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "gloss/doc.h"
#include "gloss/layout.h"
#include "gloss/options.h"
#include "gloss/quotes_job.h"
#include "help.h"
#include "jump.h"
#include "keys.h"
#include "lineedit.h"
#include "search.h"
#include "thread.h"
#include "view.h"

#define TUI_ARTICLE	0
#define TUI_COMMENTS	1
#define TUI_CLAUSES	2
#define TUI_PANES	3

#define TUI_WIDE_COLS	150	/* auto layout: three panes from here */
#define TUI_THREAD_MAX	4	/* threaded view: deepest indent level */
#define TUI_MARKS	52	/* marks a-z and A-Z */

struct tui_pane {
	int kind;
	struct view view;
	size_t sel;		/* selected item */
	int shown;		/* on screen in the last draw */
	int y, x, h, w;		/* rectangle, title row included */
	int titled;		/* first row is a title */
	int cy, cx, ch, cw;	/* content rectangle */
	int headed;		/* clauses: rows of the table heading,
				 * above row cy */
	size_t *rowitem;	/* item on each content row, last draw */
	size_t rowcap;
	int hl;			/* a jump highlight is set */
	uint32_t hl_start, hl_end;
	int has_cur;		/* current search match */
	size_t cur_item;
	uint32_t cur_start;
};

struct tui {
	const struct doc *doc;
	struct doc *mdoc;	/* the same, to add quote links to */
	struct quotes_job *quotes;	/* links being found, or NULL */
	const struct gloss_options *opts;
	const char *name;
	struct layout_ctx lc;
	struct tui_pane pane[TUI_PANES];
	int focus;
	int wide;		/* three panes (else tabs) */
	int wide_forced;	/* user chose with w / config */
	int zoom;
	int threaded;		/* the Comments pane in reply order */
	struct thread_order order;	/* its items' comments: threaded,
				 * built from the parents (thread.h);
				 * else the identity */
	int rows, cols;
	struct jumplist jumps;
	long count;		/* -1: none */
	char *message;
	int message_error;
	struct search search;
	int search_pane;	/* -1: no search */
	int search_back;
	int help;		/* the help screen is shown */
	struct help help_view;
	int prompt;		/* 0, or '/', '?', ':' */
	struct lineedit ed_search;	/* the / and ? prompt, with history */
	struct lineedit ed_goto;	/* the : prompt, with history */
	int tab_x[TUI_PANES + 1];	/* tab bar: where each tab starts */
	int tab_y;		/* row of the tab bar, -1 if none */
	struct lay tmp;		/* scratch for chrome */
	uint32_t *reply_first;	/* per comment: its first reply (a comment
				 * whose parent it is), UINT32_MAX none;
				 * NULL until r needs it (tui_replies) */
	uint32_t *reply_next;	/* per comment: the next reply to its parent */
	int pasting;		/* between KEYC_PASTE_START and _END */
	size_t pasted_away;	/* keys of this paste dropped (no prompt) */
	enum key_action mark_pending;	/* ACT_MARK or ACT_MARK_GOTO after
					 * m or ', else ACT_NONE */
	struct jump marks[TUI_MARKS];	/* m a .. m z, m A .. m Z */
	unsigned char marked[TUI_MARKS];
	struct search_match *m;	/* scratch for matches */
	size_t nm, mcap;
	int quit;
};

/* draw.c */
/** Compute pane rectangles for the screen size and set view widths. */
void tui_geometry(struct tui *t);
/** Draw everything. */
void tui_draw(struct tui *t);
/** Layout width of a pane's items for its content width. */
int tui_pane_width(const struct tui *t, int kind, int cw);

/* tui.c */
/** Matches of the search in item i of pane kind into t->m / t->nm. */
/* All parts of an item (view.h), for tui_item_matches. */
#define TUI_ALL_PARTS	((size_t)-1)
/* Text searched around a part for its matches on screen (tui.c). */
#define TUI_MATCH_MARGIN	4096u
void tui_item_matches(struct tui *t, int kind, size_t i, size_t part);
/** What Enter would do for the focused pane's selection, or NULL. */
char *tui_hint(struct tui *t);
/** The line editor of the open prompt (t->prompt is '/', '?' or ':'). */
struct lineedit *tui_prompt_editor(struct tui *t);
/** Item count of a pane. */
size_t tui_nitems(const struct tui *t, int kind);

#endif

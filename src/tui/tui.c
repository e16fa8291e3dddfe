/*
 * tui.c: the reader's main loop: state of the three panes, the key
 * dispatcher (through the key table in keys.c), jumps, search and the
 * prompt. Drawing is in draw.c, curses in term.c.
 *
 * Coordinates: pane positions are (item, line) as in view.h; search and
 * highlight ranges are absolute offsets in doc->buf. A Comments pane item
 * is turned into its comment (tui_comment_at) and a comment into its item
 * (tui_comment_item) through the threaded order (thread.h), the identity
 * when flat: links, parents, replies, numbers and the jump list name
 * comments, keys and the view go by items. Invariants: every
 * pane's sel < its item count (or 0 when it has none); no action lays
 * out more than the lines it moves over plus a screen, except a search,
 * which reads the model text item by item until it finds a match.
 *
 * Quote links are found in a background thread (quotes_job.h) so the
 * first screen does not wait for them; until they arrive the model is
 * only read, Enter on a comment or quoted paragraph and p say so, and
 * when they arrive the views drop their layouts and keep their places.
 */
#include "config.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unictype.h>

#include "gloss/quotes.h"
#include "gloss/quotes_job.h"
#include "gloss/text.h"
#include "gloss/tui.h"
#include "gloss/xmalloc.h"
#include "keys.h"
#include "term.h"
#include "theme.h"
#include "tui-private.h"

#define TUI_JUMPS	100
#define TUI_COUNT_MAX	1000000000L
#define TUI_WHEEL	3
#define TUI_QUOTES_POLL_MS	50

size_t
tui_nitems(const struct tui *t, int kind)
{
	switch (kind) {
	case TUI_ARTICLE:
		return 1 + t->doc->nblocks;
	case TUI_COMMENTS:
		return t->doc->ncomments;
	default:
		return t->doc->nclauses;
	}
}

/* ---- Layout callbacks for the views ---- */

static void
tui_layout_article(void *arg, size_t item, size_t part, int width,
    struct lay *out)
{
	struct tui *t = arg;

	layout_article_part(&t->lc, item, part, width, out);
}

static size_t
tui_article_parts(void *arg, size_t item)
{
	struct tui *t = arg;

	return layout_article_parts(&t->lc, item);
}

static size_t
tui_article_part_at(void *arg, size_t item, uint32_t off)
{
	struct tui *t = arg;

	return layout_article_part_at(&t->lc, item, off);
}

/* The comment the Comments pane shows as item i (thread.h). O(1). */
static size_t
tui_comment_at(const struct tui *t, size_t item)
{
	return thread_order_comment(&t->order, item);
}

/* The Comments pane's item that shows comment c. O(1). */
static size_t
tui_comment_item(const struct tui *t, size_t c)
{
	return thread_order_item(&t->order, c);
}

static void
tui_layout_comment(void *arg, size_t item, size_t part, int width,
    struct lay *out)
{
	struct tui *t = arg;
	size_t c = tui_comment_at(t, item);
	int indent = t->threaded ? 2 * thread_order_depth(&t->order, c) : 0;

	layout_comment_part(&t->lc, c, part, width, indent, out);
}

static size_t
tui_comment_parts(void *arg, size_t item)
{
	struct tui *t = arg;

	return layout_comment_parts(&t->lc, tui_comment_at(t, item));
}

static size_t
tui_comment_part_at(void *arg, size_t item, uint32_t off)
{
	struct tui *t = arg;

	return layout_comment_part_at(&t->lc, tui_comment_at(t, item), off);
}

static void
tui_layout_clause(void *arg, size_t item, size_t part, int width,
    struct lay *out)
{
	struct tui *t = arg;

	layout_clause_part(&t->lc, item, part, width, out);
}

static size_t
tui_clause_parts(void *arg, size_t item)
{
	struct tui *t = arg;

	return layout_clause_parts(&t->lc, item);
}

static size_t
tui_clause_part_at(void *arg, size_t item, uint32_t off)
{
	struct tui *t = arg;

	return layout_clause_part_at(&t->lc, item, off);
}

/* ---- Messages ---- */

/* Show s (taken over) in the status line until the next key. */
static void
tui_say(struct tui *t, int error, char *s)
{
	free(t->message);
	t->message = s;
	t->message_error = error;
}

static void
tui_message_clear(struct tui *t)
{
	free(t->message);
	t->message = NULL;
}

/* ---- Positions, selection, jumps ---- */

static int
tui_height(const struct tui_pane *p)
{
	return p->ch > 0 ? p->ch : 1;
}

/* Keep the selection on screen after scrolling: else the first item
 * whose first line is visible (or the top item). */
static void
tui_sel_follow(struct tui *t, struct tui_pane *p)
{
	size_t n = tui_nitems(t, p->kind), last;

	if (n == 0)
		return;
	if (!view_row(&p->view, tui_height(p) - 1, &last))
		last = n - 1;
	if (p->sel >= p->view.top && p->sel <= last &&
	    !(p->sel == p->view.top && view_top_cut(&p->view) &&
	    p->sel < last))
		return;
	p->sel = p->view.top;
	if (view_top_cut(&p->view) && p->sel < last)
		p->sel++;
}

/*
 * Where the reader is, for the jump list. The Comments pane's top and
 * selection are kept as comments, not items, so that going back after
 * t (or after the links changed the threaded order) finds them.
 */
static void
tui_place(struct tui *t, struct jump *j)
{
	int k;

	j->focus = t->focus;
	for (k = 0; k < TUI_PANES; k++) {
		view_pos_get(&t->pane[k].view, &j->pane[k].pos);
		j->pane[k].sel = t->pane[k].sel;
	}
	if (t->doc->ncomments > 0) {
		j->pane[TUI_COMMENTS].pos.top = tui_comment_at(t,
		    j->pane[TUI_COMMENTS].pos.top);
		j->pane[TUI_COMMENTS].sel = tui_comment_at(t,
		    j->pane[TUI_COMMENTS].sel);
	}
}

static void
tui_push(struct tui *t)
{
	struct jump j;

	tui_place(t, &j);
	jump_push(&t->jumps, &j);
}

/* Go to a place taken by tui_place (a jump, or a mark). */
static void
tui_restore(struct tui *t, const struct jump *place)
{
	struct jump j = *place;
	int k;

	t->focus = j.focus;
	if (t->doc->ncomments > 0) {	/* comments again items (tui_place) */
		j.pane[TUI_COMMENTS].pos.top = tui_comment_item(t,
		    j.pane[TUI_COMMENTS].pos.top);
		j.pane[TUI_COMMENTS].sel = tui_comment_item(t,
		    j.pane[TUI_COMMENTS].sel);
	}
	for (k = 0; k < TUI_PANES; k++) {
		view_pos_set(&t->pane[k].view, &j.pane[k].pos);
		t->pane[k].sel = j.pane[k].sel;
		t->pane[k].hl = 0;
	}
}

static void
tui_back(struct tui *t)
{
	struct jump j;

	if (!jump_back(&t->jumps, &j)) {
		tui_say(t, 1, xstrdup("jump list is empty"));
		return;
	}
	tui_restore(t, &j);
}

/* Slot of a mark letter (a-z, then A-Z), or -1. */
static int
tui_mark_slot(int key)
{
	if (key >= 'a' && key <= 'z')
		return key - 'a';
	if (key >= 'A' && key <= 'Z')
		return 26 + key - 'A';
	return -1;
}

/*
 * The key after m or ' (t->mark_pending): a letter sets that mark to the
 * place the reader is at, or goes to it (the place left is pushed, so
 * Backspace returns); ' after ' goes back as Backspace does, as in less;
 * Esc cancels.
 */
static void
tui_mark_key(struct tui *t, int key)
{
	enum key_action a = t->mark_pending;
	int i = tui_mark_slot(key);

	t->mark_pending = ACT_NONE;
	tui_message_clear(t);
	if (key == KEYC_ESC)
		return;
	if (a == ACT_MARK_GOTO && keys_lookup(key) == ACT_MARK_GOTO) {
		tui_back(t);
		return;
	}
	if (i < 0) {
		tui_say(t, 1, xstrdup("marks are letters: a-z, A-Z"));
		return;
	}
	if (a == ACT_MARK) {
		tui_place(t, &t->marks[i]);
		t->marked[i] = 1;
		tui_say(t, 0, xasprintf("mark %c set", key));
	} else if (!t->marked[i])
		tui_say(t, 1, xasprintf("no mark %c", key));
	else {
		tui_push(t);
		tui_restore(t, &t->marks[i]);
	}
}

/* Select item i of pane k and put it at the top. */
static void
tui_select(struct tui *t, int k, size_t i)
{
	struct tui_pane *p = &t->pane[k];
	size_t n = tui_nitems(t, k);

	if (n == 0)
		return;
	if (i >= n)
		i = n - 1;
	p->sel = i;
	view_goto(&p->view, i, 0, 0);
}

/* Select comment c in the Comments pane and put it at the top. */
static void
tui_select_comment(struct tui *t, size_t c)
{
	tui_select(t, TUI_COMMENTS, tui_comment_item(t, c));
}

/* Put the line of item i of pane k that holds offset off at the top. */
static void
tui_show_offset(struct tui *t, int k, size_t i, uint32_t off)
{
	struct view *v = &t->pane[k].view;
	size_t part;
	int line;

	view_locate(v, i, off, &part, &line);
	view_goto(v, i, part, line);
}

static void
tui_highlight(struct tui *t, int k, uint32_t start, uint32_t end)
{
	t->pane[k].hl = 1;
	t->pane[k].hl_start = start;
	t->pane[k].hl_end = end;
}

/* The printed number of item i of pane k (comments, clauses). */
static uint64_t
tui_item_number(const struct tui *t, int k, size_t i)
{
	return k == TUI_COMMENTS ?
	    t->doc->comments[tui_comment_at(t, i)].number :
	    t->doc->clauses[i].number;
}

/*
 * Item of pane k for printed number n (7g), or -1: the first item with
 * that number; when the selection already has it (numbers repeat: two
 * clause tables, a renumbered thread), the next one, round to the first.
 */
static long
tui_item_by_number(struct tui *t, int k, long n)
{
	size_t i, m, sel = t->pane[k].sel, count;
	long c;

	if (k != TUI_COMMENTS && (unsigned long)n > UINT32_MAX)
		return -1;	/* not 2^32 + 7 read as 7 */
	switch (k) {
	case TUI_COMMENTS:
	case TUI_CLAUSES:
		count = tui_nitems(t, k);
		if (sel < count && tui_item_number(t, k, sel) == (uint64_t)n)
			for (m = 1; m < count; m++) {
				i = (sel + m) % count;
				if (tui_item_number(t, k, i) == (uint64_t)n)
					return (long)i;
			}
		if (k == TUI_CLAUSES)
			return doc_clause_by_number(t->doc, (uint32_t)n);
		c = doc_comment_by_number(t->doc, (uint64_t)n);
		return c < 0 ? -1 : (long)tui_comment_item(t, (size_t)c);
	default:
		for (i = 0; i < t->doc->nblocks; i++)
			if (layout_block_number(&t->lc, i) == (uint32_t)n)
				return (long)i + 1;
		return -1;
	}
}

/* What the items of pane k are called in messages. */
static const char *
tui_item_noun(int k)
{
	return k == TUI_ARTICLE ? "paragraph" : k == TUI_COMMENTS ?
	    "comment" : "clause";
}

static void
tui_goto_number(struct tui *t, long n)
{
	long i = tui_item_by_number(t, t->focus, n);

	if (i < 0) {
		tui_say(t, 1, xasprintf("no %s %ld", tui_item_noun(t->focus),
		    n));
		return;
	}
	tui_push(t);
	tui_select(t, t->focus, (size_t)i);
}

/* ---- Following links ---- */

/*
 * Link index of the quote by the count-th comment quoting article block
 * `block` (as its "quoted by" line lists them), or -1. O(log quoted blocks).
 */
static long
tui_block_link(const struct tui *t, size_t block, long count)
{
	return layout_block_quoter(&t->lc, block, (size_t)count - 1);
}

/* The clause of clause block `block` whose text holds offset off. */
static int
tui_clause_at(const struct tui *t, size_t block, uint32_t off, size_t *item)
{
	long k = doc_clause_at(t->doc, block, off);

	if (k < 0)
		return 0;
	*item = (size_t)k;
	return 1;
}

static void
tui_follow_link(struct tui *t, const struct doc_link *l, int to_source)
{
	int k;
	size_t item;
	uint32_t s, e;

	tui_push(t);
	if (!to_source) {
		k = TUI_COMMENTS;
		item = tui_comment_item(t, l->comment);
		s = l->start;
		e = l->end;
	} else if (l->source_kind == DOC_SOURCE_ARTICLE &&
	    tui_clause_at(t, l->block, l->source_start, &item)) {
		k = TUI_CLAUSES;
		s = l->source_start;
		e = l->source_end;
	} else if (l->source_kind == DOC_SOURCE_ARTICLE) {
		k = TUI_ARTICLE;
		item = l->block + 1;
		s = l->source_start;
		e = l->source_end;
	} else {
		k = TUI_COMMENTS;
		item = tui_comment_item(t, l->source_comment);
		s = l->source_start;
		e = l->source_end;
	}
	t->focus = k;
	tui_select(t, k, item);
	tui_show_offset(t, k, item, s);
	tui_highlight(t, k, s, e);
}

static const char tui_pending_msg[] =
    "still finding quote links: try again in a moment";

/* While quote links are still being found, say so and return 1. */
static int
tui_quotes_pending(struct tui *t)
{
	if (t->quotes == NULL)
		return 0;
	tui_say(t, 1, xstrdup(tui_pending_msg));
	return 1;
}

/*
 * The replies of every comment, as chains in comment order: built once,
 * when r first needs them (the quote links, which give the parents, are
 * in the model by then and do not change after). O(comments).
 */
static void
tui_replies(struct tui *t)
{
	const struct doc *d = t->doc;
	size_t i, n = d->ncomments;
	int32_t par;

	t->reply_first = xreallocarray(NULL, n, sizeof *t->reply_first);
	t->reply_next = xreallocarray(NULL, n, sizeof *t->reply_next);
	for (i = 0; i < n; i++)
		t->reply_first[i] = t->reply_next[i] = UINT32_MAX;
	for (i = n; i-- > 0;) {
		par = d->comments[i].parent;
		if (par < 0 || (size_t)par >= n)
			continue;
		t->reply_next[i] = t->reply_first[par];
		t->reply_first[par] = (uint32_t)i;
	}
}

/* r: select the count-th reply to the selected comment. */
static void
tui_reply(struct tui *t)
{
	size_t sel = tui_comment_at(t, t->pane[TUI_COMMENTS].sel), all = 0;
	long count = t->count > 0 ? t->count : 1;
	uint32_t j, want = UINT32_MAX;
	char *ref;

	if (t->focus != TUI_COMMENTS || t->doc->ncomments == 0) {
		tui_say(t, 1, xstrdup("reply: only in the Comments pane"));
		return;
	}
	if (tui_quotes_pending(t))
		return;
	if (t->reply_first == NULL)
		tui_replies(t);
	for (j = t->reply_first[sel]; j != UINT32_MAX; j = t->reply_next[j])
		if (++all == (size_t)count)
			want = j;
	if (want == UINT32_MAX) {
		tui_say(t, 1, all == 0 ?
		    xstrdup("no comment replies to this one") :
		    xasprintf("this comment has %zu %s", all,
		    all == 1 ? "reply" : "replies"));
		return;
	}
	tui_push(t);
	tui_select_comment(t, want);
	if (all > 1) {
		ref = layout_comment_ref(t->doc, sel,
		    doc_comment_part(t->doc, want));
		tui_say(t, 0, xasprintf("reply %ld of %zu to %s", count, all,
		    ref));
		free(ref);
	}
}

static void
tui_follow(struct tui *t)
{
	const struct doc *d = t->doc;
	struct tui_pane *p = &t->pane[t->focus];
	long count = t->count > 0 ? t->count : 1, li;
	const struct doc_block *b;
	const struct doc_comment *cm;

	switch (t->focus) {
	case TUI_ARTICLE:
		if (p->sel == 0)
			return;
		b = &d->blocks[p->sel - 1];
		if (b->kind == DOC_BLOCK_CLAUSES && b->nclauses > 0 &&
		    b->first_clause < d->nclauses) {
			tui_push(t);
			t->focus = TUI_CLAUSES;
			tui_select(t, TUI_CLAUSES, b->first_clause);
			return;
		}
		if (tui_quotes_pending(t))
			return;
		li = tui_block_link(t, p->sel - 1, count);
		if (li < 0) {
			tui_say(t, 1, xstrdup(count > 1 ?
			    "not quoted that often" :
			    "nothing to follow here"));
			return;
		}
		tui_follow_link(t, &d->links[li], 0);
		return;
	case TUI_COMMENTS:
		if (d->ncomments == 0)
			return;
		if (tui_quotes_pending(t))
			return;
		cm = &d->comments[tui_comment_at(t, p->sel)];
		if (cm->nlinks == 0 || (size_t)count > cm->nlinks) {
			if (cm->nlinks == 0)
				tui_say(t, 1, xstrdup("this comment quotes "
				    "nothing found earlier"));
			else
				tui_say(t, 1, xasprintf("this comment has "
				    "only %u quote%s", cm->nlinks,
				    cm->nlinks == 1 ? "" : "s"));
			return;
		}
		tui_follow_link(t, &d->links[cm->first_link + count - 1], 1);
		return;
	default:
		if (d->nclauses == 0)
			return;
		tui_push(t);
		t->focus = TUI_ARTICLE;
		tui_select(t, TUI_ARTICLE, d->clauses[p->sel].block + 1);
		return;
	}
}

/* "r: reply #5" for a comment that quotes nothing but has replies. */
static char *
tui_reply_hint(struct tui *t, size_t i)
{
	char *ref, *s;

	if (t->reply_first == NULL)
		tui_replies(t);
	if (t->reply_first[i] == UINT32_MAX)
		return NULL;
	ref = layout_comment_ref(t->doc, t->reply_first[i],
	    doc_comment_part(t->doc, i));
	s = xasprintf("r: reply %s%s", ref,
	    t->reply_next[t->reply_first[i]] != UINT32_MAX ?
	    " (N r: Nth reply)" : "");
	free(ref);
	return s;
}

char *
tui_hint(struct tui *t)
{
	const struct doc *d = t->doc;
	struct tui_pane *p = &t->pane[t->focus];
	const struct doc_block *b;
	const struct doc_comment *cm;
	const struct doc_link *l;
	size_t ci, c;
	char *ref, *s;
	long li;

	switch (t->focus) {
	case TUI_ARTICLE:
		if (p->sel == 0 || p->sel > d->nblocks)
			return NULL;
		b = &d->blocks[p->sel - 1];
		if (b->kind == DOC_BLOCK_CLAUSES && b->nclauses > 0 &&
		    b->first_clause + b->nclauses <= d->nclauses)
			return xasprintf("Enter: clauses %u-%u",
			    d->clauses[b->first_clause].number,
			    d->clauses[b->first_clause +
			    b->nclauses - 1].number);
		if (t->quotes != NULL)
			return xstrdup("finding quote links\u2026");
		li = tui_block_link(t, p->sel - 1, 1);
		if (li < 0)
			return NULL;
		ref = layout_comment_ref(d, d->links[li].comment, 0);
		s = xasprintf("Enter: quoted by %s", ref);
		free(ref);
		return s;
	case TUI_COMMENTS:
		if (d->ncomments == 0)
			return NULL;
		if (t->quotes != NULL)
			return xstrdup("finding quote links\u2026");
		c = tui_comment_at(t, p->sel);
		cm = &d->comments[c];
		if (cm->nlinks == 0)
			return tui_reply_hint(t, c);
		l = &d->links[cm->first_link];
		if (l->source_kind == DOC_SOURCE_ARTICLE &&
		    tui_clause_at(t, l->block, l->source_start, &ci))
			return xasprintf("Enter: quote from clause %u (%s)%s",
			    d->clauses[ci].number,
			    doc_clause_in_original(&d->clauses[ci],
			    l->source_start) ? "original" : "translation",
			    cm->nlinks > 1 ? " (N Enter: Nth quote)" : "");
		if (l->source_kind == DOC_SOURCE_ARTICLE)
			return xasprintf("Enter: quote from \u00b6%u%s",
			    layout_block_number(&t->lc, l->block),
			    cm->nlinks > 1 ? " (N Enter: Nth quote)" : "");
		ref = layout_comment_ref(d, l->source_comment,
		    doc_comment_part(d, c));
		s = xasprintf("Enter: quote from %s%s", ref,
		    cm->nlinks > 1 ? " (N Enter: Nth quote)" : "");
		free(ref);
		return s;
	default:
		if (d->nclauses == 0)
			return NULL;
		return xasprintf("Enter: clause %u in the article",
		    d->clauses[p->sel].number);
	}
}

/* ---- Search ---- */

/*
 * Narrow *s (text of item i of pane kind: an article paragraph, a line
 * of comment i (a comment index, not an item), or side `side` of a
 * clause) to what lies within
 * TUI_MATCH_MARGIN bytes of part `part`, cut at character boundaries
 * (empty if none does): enough for drawing the part's matches without
 * folding all of a huge item.
 */
static void
tui_near_part(struct tui *t, int kind, size_t i, size_t part, int side,
    struct span *s)
{
	const char *b = t->doc->buf;
	uint32_t a, e, lo, hi, end = s->off + s->len;

	if (kind == TUI_ARTICLE)
		layout_article_part_span(&t->lc, i, part, &a, &e);
	else if (kind == TUI_COMMENTS)
		layout_comment_part_span(&t->lc, i, part, &a, &e);
	else
		layout_clause_part_span(&t->lc, i, part, side, &a, &e);
	lo = a > TUI_MATCH_MARGIN ? a - TUI_MATCH_MARGIN : 0;
	hi = e < UINT32_MAX - TUI_MATCH_MARGIN ? e + TUI_MATCH_MARGIN :
	    UINT32_MAX;
	if (lo < s->off)
		lo = s->off;
	if (hi > end)
		hi = end;
	if (hi <= lo) {		/* s is not near the part */
		s->len = 0;
		return;
	}
	while (lo > s->off && ((unsigned char)b[lo] & 0xc0) == 0x80)
		lo--;
	while (hi < end && ((unsigned char)b[hi] & 0xc0) == 0x80)
		hi++;
	s->off = lo;
	s->len = hi - lo;
}

void
tui_item_matches(struct tui *t, int kind, size_t i, size_t part)
{
	const struct doc *d = t->doc;
	const struct doc_comment *cm;
	const struct doc_block *b;
	struct span s;
	uint32_t pi, ln;
	int near, side;
	long sk;

	t->nm = 0;
	switch (kind) {
	case TUI_ARTICLE:
		if (i == 0) {
			s = d->title;
		} else {
			b = &d->blocks[i - 1];
			if (b->kind == DOC_BLOCK_CLAUSES)
				return;
			s = b->text;
		}
		if (part != TUI_ALL_PARTS && layout_article_parts(&t->lc, i) > 1)
			tui_near_part(t, kind, i, part, 0, &s);
		search_span(&t->search, d->buf + s.off, s.len, s.off, &t->m,
		    &t->nm, &t->mcap);
		return;
	case TUI_COMMENTS:
		i = tui_comment_at(t, i);	/* from here on a comment */
		cm = &d->comments[i];
		near = part != TUI_ALL_PARTS &&
		    layout_comment_parts(&t->lc, i) > 1;
		/* The header of a part of the thread shows above it. */
		sk = doc_section_starting(d, i);
		if (sk >= 0 && (part == TUI_ALL_PARTS || part == 0)) {
			s = layout_section_text(d, (size_t)sk);
			search_span(&t->search, d->buf + s.off, s.len, s.off,
			    &t->m, &t->nm, &t->mcap);
		}
		for (pi = cm->first_para; pi < cm->first_para + cm->npara;
		    pi++) {
			for (ln = 0; ln < d->paras[pi].lines.n; ln++) {
				s = d->lines[d->paras[pi].lines.first + ln];
				if (near)	/* the lines near the part */
					tui_near_part(t, kind, i, part, 0, &s);
				if (s.len > 0)
					search_span(&t->search, d->buf + s.off,
					    s.len, s.off, &t->m, &t->nm,
					    &t->mcap);
			}
		}
		return;
	default:
		near = part != TUI_ALL_PARTS &&
		    layout_clause_parts(&t->lc, i) > 1;
		for (side = 0; side < 2; side++) {
			s = side == 0 ? d->clauses[i].original :
			    d->clauses[i].translation;
			if (near)
				tui_near_part(t, kind, i, part, side, &s);
			if (s.len > 0)
				search_span(&t->search, d->buf + s.off, s.len,
				    s.off, &t->m, &t->nm, &t->mcap);
		}
		return;
	}
}

/*
 * The match in item i after (forward) or before (backward) offset at;
 * with all set, any match of the item (first or last). Returns the index
 * in t->m or -1.
 */
static long
tui_pick(struct tui *t, int back, int all, uint32_t at)
{
	size_t k;
	long best = -1;

	for (k = 0; k < t->nm; k++) {
		if (!back) {
			if ((all || t->m[k].start > at) && (best < 0 ||
			    t->m[k].start < t->m[best].start))
				best = (long)k;
		} else {
			if ((all || t->m[k].start < at) && (best < 0 ||
			    t->m[k].start > t->m[best].start))
				best = (long)k;
		}
	}
	return best;
}

static double
tui_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * A search checks for C-c every this many items (term_interrupted), and
 * says that it is searching once it has taken this long.
 */
#define TUI_SEARCH_POLL_ITEMS	256
#define TUI_SEARCH_SAY_AFTER	0.2	/* seconds */

static void
tui_search_step(struct tui *t, int back)
{
	int k = t->focus;
	struct tui_pane *p = &t->pane[k];
	size_t n = tui_nitems(t, k), i, start, steps;
	uint32_t at;
	int have, wrapped = 0, said = 0;
	long m;
	double t0 = tui_now();

	if (t->search.key == NULL) {
		tui_say(t, 1, xstrdup("no previous search"));
		return;
	}
	if (n == 0) {
		tui_say(t, 1, xstrdup("nothing to search in this pane"));
		return;
	}
	if (t->search_pane != k)
		p->has_cur = 0;
	t->search_pane = k;
	have = p->has_cur && p->cur_item < n;
	start = have ? p->cur_item : p->view.top;
	at = have ? p->cur_start : (back ? UINT32_MAX : 0);
	/* The start item (after/before the current match), then the others
	 * in order with wrap-around, then the start item again. */
	for (steps = 0; steps <= n; steps++) {
		if (steps % TUI_SEARCH_POLL_ITEMS == TUI_SEARCH_POLL_ITEMS - 1) {
			if (term_interrupted()) {
				tui_say(t, 1, xstrdup("search interrupted"));
				return;
			}
			if (!said && tui_now() - t0 > TUI_SEARCH_SAY_AFTER) {
				said = 1;	/* t->m is refilled below */
				tui_say(t, 0, xstrdup("searching\u2026 "
				    "(C-c stops)"));
				tui_draw(t);
			}
		}
		if (!back)
			i = (start + steps) % n;
		else
			i = (start + n - steps % n) % n;
		wrapped = steps == n || (!back && i < start) ||
		    (back && i > start);
		tui_item_matches(t, k, i, TUI_ALL_PARTS);
		if (steps == 0)
			m = have ? tui_pick(t, back, 0, at) :
			    tui_pick(t, back, 1, 0);
		else
			m = tui_pick(t, back, 1, 0);
		if (m >= 0) {
			uint32_t ms = t->m[m].start;

			p->has_cur = 1;
			p->cur_item = i;
			p->cur_start = ms;
			p->sel = i;
			tui_show_offset(t, k, i, ms);
			if (wrapped)
				tui_say(t, 0, xstrdup("search wrapped"));
			else
				tui_message_clear(t);
			return;
		}
	}
	tui_say(t, 1, xasprintf("no match for \"%s\"",
	    t->search.pattern));
}

static void
tui_search_start(struct tui *t, const char *pattern, int back)
{
	struct search s;

	if (!search_compile(&s, pattern)) {
		if (t->search.key == NULL) {
			tui_say(t, 1, xstrdup("empty pattern"));
			return;
		}
	} else {
		search_free(&t->search);
		t->search = s;
	}
	t->search_back = back;
	t->pane[t->focus].has_cur = 0;
	t->search_pane = t->focus;
	tui_search_step(t, back);
}

/* ---- Prompt ---- */

/* The editor of the open prompt: ':' has its own history. */
struct lineedit *
tui_prompt_editor(struct tui *t)
{
	return t->prompt == ':' ? &t->ed_goto : &t->ed_search;
}

/*
 * The number typed at ':': decimal digits of any script (the parser takes
 * Arabic-Indic and Persian digits as numbers, so a comment or clause may
 * be labelled #۲ and must be reachable as :۲), spaces around them
 * ignored. Returns 0, -1 if text is not a number, 1 if it is larger than
 * LONG_MAX, 2 if it is only spaces (nothing was asked).
 */
static int
tui_number(const char *text, long *n)
{
	size_t i = 0, len;
	uint32_t cp;
	int d, over = 0;

	*n = 0;
	while (*text == ' ')
		text++;
	for (len = strlen(text); len > 0 && text[len - 1] == ' '; len--)
		;
	if (len == 0)
		return 2;
	while (i < len) {
		i += text_utf8_decode(text + i, len - i, &cp);
		if ((d = uc_decimal_value(cp)) < 0)
			return -1;
		if (over || *n > (LONG_MAX - d) / 10)
			over = 1;
		else
			*n = *n * 10 + d;
	}
	return over;
}

static void
tui_prompt_submit(struct tui *t, const char *text)
{
	int kind = t->prompt, r;
	long n;

	t->prompt = 0;
	if (kind == ':') {
		r = tui_number(text, &n);
		if (r == 2)	/* an empty ':' just closes, as in vi */
			return;
		if (r < 0) {
			tui_say(t, 1, xstrdup("not a number"));
			return;
		}
		if (r == 1) {	/* larger than any item's number */
			tui_say(t, 1, xasprintf("no %s %s",
			    tui_item_noun(t->focus), text));
			return;
		}
		tui_goto_number(t, n);
		return;
	}
	tui_search_start(t, text, kind == '?');
}

static void
tui_prompt_key(struct tui *t, int key)
{
	struct lineedit *e = tui_prompt_editor(t);

	switch (lineedit_key(e, key)) {
	case LINEEDIT_CANCEL:
		t->prompt = 0;
		break;
	case LINEEDIT_SUBMIT:
		tui_prompt_submit(t, lineedit_text(e));
		break;
	case LINEEDIT_EDITED:
		break;
	}
}

static void
tui_prompt_open(struct tui *t, int kind)
{
	t->prompt = kind;
	lineedit_start(tui_prompt_editor(t));
	tui_message_clear(t);
}

/* ---- The threaded view ---- */

/*
 * The row of the Comments pane on which the selected comment's first
 * line is, or -1 if it is not on screen. Walks the cached layouts on
 * screen once a row: O(height * items on screen), no layout beyond it.
 */
static int
tui_sel_row(struct tui *t)
{
	struct tui_pane *p = &t->pane[TUI_COMMENTS];
	int row, h = tui_height(p);
	size_t item;

	for (row = 0; row < h; row++) {
		if (!view_row(&p->view, row, &item) || item > p->sel)
			return -1;
		if (item == p->sel)
			return row;
	}
	return -1;
}

/*
 * Show the Comments pane threaded (on) or flat, with the order built
 * from the parents now in the model: O(comments), on t and when the
 * links arrive, never per key. The selected comment stays selected and
 * on screen: at its row if its first line was on screen, with the same
 * text at the top if it was the top item (its indent may change how it
 * wraps), else at the top. The
 * current search match stays the same comment's.
 */
static void
tui_thread_set(struct tui *t, int on)
{
	struct tui_pane *p = &t->pane[TUI_COMMENTS];
	struct view_pos top;
	size_t sel = 0, cur = 0;
	int row = -1, at_top = 0;

	if (t->doc->ncomments > 0) {
		sel = tui_comment_at(t, p->sel);
		cur = tui_comment_at(t, p->cur_item);
		at_top = p->view.top == p->sel;
		if (at_top)
			view_pos_get(&p->view, &top);
		else
			row = tui_sel_row(t);
	}
	t->threaded = on;
	if (on)
		thread_order_build(&t->order, t->doc, TUI_THREAD_MAX);
	else
		thread_order_free(&t->order);
	view_invalidate(&p->view);
	if (t->doc->ncomments == 0)
		return;
	p->sel = tui_comment_item(t, sel);
	if (p->has_cur)
		p->cur_item = tui_comment_item(t, cur);
	if (at_top) {
		top.top = p->sel;
		view_pos_set(&p->view, &top);
	} else {
		view_goto(&p->view, p->sel, 0, 0);
		if (row > 0)
			view_scroll(&p->view, -(long)row, tui_height(p));
	}
}

/* ---- Actions ---- */

static void
tui_scroll(struct tui *t, int k, long n)
{
	struct tui_pane *p = &t->pane[k];

	view_scroll(&p->view, n, tui_height(p));
	tui_sel_follow(t, p);
}

static void
tui_focus(struct tui *t, int k)
{
	t->focus = k;
	if (!t->wide)
		t->zoom = 0;
}

static void
tui_action(struct tui *t, enum key_action a)
{
	struct tui_pane *p = &t->pane[t->focus];
	size_t n = tui_nitems(t, t->focus);
	long count = t->count > 0 ? t->count : 1;
	int h = tui_height(p);
	int32_t par;

	switch (a) {
	case ACT_NONE:
	case ACT_COUNT:
		break;
	case ACT_SCROLL_DOWN:
		tui_scroll(t, t->focus, count);
		break;
	case ACT_SCROLL_UP:
		tui_scroll(t, t->focus, -count);
		break;
	case ACT_PAGE_DOWN:
		tui_scroll(t, t->focus, count * (h > 2 ? h - 1 : 1));
		break;
	case ACT_PAGE_UP:
		tui_scroll(t, t->focus, -count * (h > 2 ? h - 1 : 1));
		break;
	case ACT_HALF_DOWN:
		tui_scroll(t, t->focus, count * (h > 1 ? h / 2 : 1));
		break;
	case ACT_HALF_UP:
		tui_scroll(t, t->focus, -count * (h > 1 ? h / 2 : 1));
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		if (t->count >= 0) {
			tui_goto_number(t, t->count);
			break;
		}
		if (n == 0)
			break;
		tui_push(t);
		if (a == ACT_TOP) {
			tui_select(t, t->focus, 0);
		} else {
			view_end(&p->view, h);
			p->sel = n - 1;
		}
		break;
	case ACT_NEXT:
		if (n != 0)
			tui_select(t, t->focus, p->sel + (size_t)count < n ?
			    p->sel + (size_t)count : n - 1);
		break;
	case ACT_PREV:
		if (n != 0)
			tui_select(t, t->focus, p->sel > (size_t)count ?
			    p->sel - (size_t)count : 0);
		break;
	case ACT_FOLLOW:
		tui_follow(t);
		break;
	case ACT_BACK:
		tui_back(t);
		break;
	case ACT_FOCUS_NEXT:
		tui_focus(t, (t->focus + 1) % TUI_PANES);
		break;
	case ACT_FOCUS_PREV:
		tui_focus(t, (t->focus + TUI_PANES - 1) % TUI_PANES);
		break;
	case ACT_FOCUS_ARTICLE:
	case ACT_FOCUS_COMMENTS:
	case ACT_FOCUS_CLAUSES:
		tui_focus(t, a - ACT_FOCUS_ARTICLE);
		break;
	case ACT_LAYOUT:
		t->wide_forced = 1;
		t->wide = !t->wide;
		t->zoom = 0;
		break;
	case ACT_ZOOM:
		t->zoom = !t->zoom;
		break;
	case ACT_SEARCH:
		tui_prompt_open(t, '/');
		break;
	case ACT_SEARCH_BACK:
		tui_prompt_open(t, '?');
		break;
	case ACT_SEARCH_NEXT:
		tui_search_step(t, t->search_back);
		break;
	case ACT_SEARCH_PREV:
		tui_search_step(t, !t->search_back);
		break;
	case ACT_GOTO:
		tui_prompt_open(t, ':');
		break;
	case ACT_THREAD:
		tui_thread_set(t, !t->threaded);
		tui_say(t, 0, xstrdup(!t->threaded ? "flat view" :
		    t->quotes != NULL ? "threaded view (replies appear once "
		    "quote links are found)" : "threaded view"));
		break;
	case ACT_PARENT:
		if (t->focus != TUI_COMMENTS || t->doc->ncomments == 0) {
			tui_say(t, 1,
			    xstrdup("parent: only in the Comments pane"));
			break;
		}
		if (tui_quotes_pending(t))
			break;
		par = t->doc->comments[tui_comment_at(t, p->sel)].parent;
		if (par < 0) {
			tui_say(t, 1,
			    xstrdup("this comment replies to no other"));
			break;
		}
		tui_push(t);
		tui_select_comment(t, (size_t)par);
		break;
	case ACT_REPLY:
		tui_reply(t);
		break;
	case ACT_MARK:
	case ACT_MARK_GOTO:
		t->mark_pending = a;
		tui_say(t, 0, xstrdup(a == ACT_MARK ? "mark: type a letter" :
		    "go to mark: type a letter"));
		break;
	case ACT_CLEAR:
		tui_message_clear(t);
		t->search_pane = -1;
		p->hl = 0;
		break;
	case ACT_HELP:
		t->help = 1;
		t->help_view.top = 0;
		break;
	case ACT_REDRAW:
		term_flush(1);
		break;
	case ACT_QUIT:
		t->quit = 1;
		break;
	}
}

static void
tui_mouse(struct tui *t, const struct term_mouse *m)
{
	struct tui_pane *p;
	int k;

	if (t->tab_y >= 0 && m->y == t->tab_y &&
	    m->kind == TERM_MOUSE_CLICK) {
		for (k = TUI_PANES - 1; k >= 0; k--) {
			if (m->x >= t->tab_x[k] && m->x < t->tab_x[TUI_PANES]) {
				tui_focus(t, k);
				return;
			}
		}
		return;
	}
	for (k = 0; k < TUI_PANES; k++) {
		p = &t->pane[k];
		if (!p->shown || m->y < p->y || m->y >= p->y + p->h ||
		    m->x < p->x || m->x >= p->x + p->w)
			continue;
		if (m->kind == TERM_MOUSE_WHEEL_UP)
			tui_scroll(t, k, -TUI_WHEEL);
		else if (m->kind == TERM_MOUSE_WHEEL_DOWN)
			tui_scroll(t, k, TUI_WHEEL);
		else {
			t->focus = k;
			if (m->y >= p->cy && m->y < p->cy + p->ch &&
			    p->rowitem[m->y - p->cy] != (size_t)-1)
				p->sel = p->rowitem[m->y - p->cy];
		}
		return;
	}
}

/* Rows of help text on the screen. */
static int
tui_help_height(const struct tui *t)
{
	return t->rows - 2 > 1 ? t->rows - 2 : 1;
}

/* The mouse wheel scrolls the help as it scrolls a pane; a click does
 * nothing there. */
static void
tui_help_mouse(struct tui *t, const struct term_mouse *m)
{
	int h = tui_help_height(t);

	if (m->kind == TERM_MOUSE_WHEEL_UP)
		help_scroll(&t->help_view, -TUI_WHEEL, h);
	else if (m->kind == TERM_MOUSE_WHEEL_DOWN)
		help_scroll(&t->help_view, TUI_WHEEL, h);
}

static void
tui_help_key(struct tui *t, int key)
{
	int h = tui_help_height(t);

	switch (keys_lookup(key)) {
	case ACT_SCROLL_DOWN:
		help_scroll(&t->help_view, 1, h);
		break;
	case ACT_SCROLL_UP:
		help_scroll(&t->help_view, -1, h);
		break;
	case ACT_PAGE_DOWN:
		help_scroll(&t->help_view, h, h);
		break;
	case ACT_HALF_DOWN:
		help_scroll(&t->help_view, h / 2 > 1 ? h / 2 : 1, h);
		break;
	case ACT_PAGE_UP:
		help_scroll(&t->help_view, -(long)h, h);
		break;
	case ACT_HALF_UP:
		help_scroll(&t->help_view, h / 2 > 1 ? -(long)(h / 2) : -1, h);
		break;
	case ACT_TOP:
		t->help_view.top = 0;
		break;
	case ACT_BOTTOM:
		help_scroll(&t->help_view, (long)t->help_view.lay.nlines, h);
		break;
	case ACT_HELP:
	case ACT_QUIT:
	case ACT_CLEAR:
		t->help = 0;
		break;
	default:
		break;
	}
}

/*
 * One key. Digits build a count. 1, 2 and 3 focus a pane; when that pane
 * is already focused (or a count is being typed) they are count digits
 * instead, so 2 Enter in the Comments pane follows the second quote and
 * 3 then 7g shows clause 7. A count that starts with another pane's digit
 * is typed with : (":12" Enter), which works in every pane.
 */
/*
 * A key of a bracketed paste (term.c), or its start or end marker. Pasted
 * text goes into an open prompt (as typed characters: term.c has made
 * line ends spaces, so it stays one line); with no prompt open it is
 * dropped, never read as commands, and its end says so.
 */
static void
tui_paste_key(struct tui *t, int key)
{
	if (key == KEYC_PASTE_START) {
		t->pasting = 1;
		t->pasted_away = 0;
		t->mark_pending = ACT_NONE;	/* a paste is not its letter */
		return;
	}
	if (key == KEYC_PASTE_END) {
		t->pasting = 0;
		if (t->pasted_away > 0)
			tui_say(t, 1, xstrdup("pasted text ignored: paste "
			    "into the / or : prompt"));
		return;
	}
	if (t->prompt && (key < KEYC_BASE || key == KEYC_SPACE))
		tui_prompt_key(t, key);
	else if (!t->prompt)
		t->pasted_away++;
}

static void
tui_key(struct tui *t, int key, const struct term_mouse *m)
{
	enum key_action a;

	if (key == KEYC_NONE || key == KEYC_RESIZE)
		return;
	if (t->pasting || key == KEYC_PASTE_START || key == KEYC_PASTE_END) {
		if (key != KEYC_MOUSE) {
			tui_paste_key(t, key);
			return;
		}
	}
	if (t->prompt) {
		tui_prompt_key(t, key);
		return;
	}
	if (key == 3) {		/* C-c outside a prompt: as the signal */
		raise(SIGINT);
		return;
	}
	if (t->help) {
		if (key == KEYC_MOUSE)
			tui_help_mouse(t, m);
		else
			tui_help_key(t, key);
		return;
	}
	if (key == KEYC_MOUSE) {
		t->mark_pending = ACT_NONE;
		tui_mouse(t, m);
		return;
	}
	if (t->mark_pending != ACT_NONE) {
		tui_mark_key(t, key);
		t->count = -1;
		return;
	}
	a = keys_lookup(key);
	if (key >= '0' && key <= '9') {
		int focus_key = a >= ACT_FOCUS_ARTICLE &&
		    a <= ACT_FOCUS_CLAUSES;
		int changes = focus_key &&
		    (int)(a - ACT_FOCUS_ARTICLE) != t->focus;

		if (t->count >= 0 || (!changes && (focus_key ||
		    a == ACT_NONE || key != '0'))) {
			if (t->count < 0)
				t->count = 0;
			if (t->count < TUI_COUNT_MAX)
				t->count = t->count * 10 + (key - '0');
			return;
		}
	}
	if (a != ACT_CLEAR)
		tui_message_clear(t);
	tui_action(t, a);
	t->count = -1;
}

static void
tui_init(struct tui *t, const struct doc *d, const struct gloss_options *o,
    const char *name)
{
	struct text_opts to;
	struct view_source src;
	int k;

	memset(t, 0, sizeof *t);
	thread_order_init(&t->order);
	t->doc = d;
	t->opts = o;
	t->name = name;
	text_opts_default(&to);
	to.bidi = o->bidi;
	to.ambiguous_wide = o->ambiguous_wide;
	layout_ctx_init(&t->lc, d, &to);
	src.arg = t;
	src.layout = tui_layout_article;
	src.parts = tui_article_parts;
	src.part_at = tui_article_part_at;
	view_init(&t->pane[TUI_ARTICLE].view, tui_nitems(t, TUI_ARTICLE),
	    &src, 80);
	src.layout = tui_layout_comment;
	src.parts = tui_comment_parts;
	src.part_at = tui_comment_part_at;
	view_init(&t->pane[TUI_COMMENTS].view, tui_nitems(t, TUI_COMMENTS),
	    &src, 80);
	src.layout = tui_layout_clause;
	src.parts = tui_clause_parts;
	src.part_at = tui_clause_part_at;
	view_init(&t->pane[TUI_CLAUSES].view, tui_nitems(t, TUI_CLAUSES),
	    &src, 80);
	for (k = 0; k < TUI_PANES; k++)
		t->pane[k].kind = k;
	t->focus = o->pane >= 0 && o->pane < TUI_PANES ? (int)o->pane :
	    TUI_ARTICLE;
	t->count = -1;
	t->search_pane = -1;
	jump_init(&t->jumps, TUI_JUMPS);
	lineedit_init(&t->ed_search);
	lineedit_init(&t->ed_goto);
	lay_init(&t->tmp);
	help_init(&t->help_view);
	if (theme_noted() != NULL)
		tui_say(t, 1, xstrdup(theme_noted()));
	else if (d->invalid_sequences != 0)
		tui_say(t, 1, xasprintf("%zu invalid byte sequence%s shown as "
		    "\xef\xbf\xbd", d->invalid_sequences,
		    d->invalid_sequences == 1 ? "" : "s"));
	else if (d->title.len == 0 && d->nblocks == 0 && d->ncomments == 0)
		tui_say(t, 0, xstrdup("empty document"));
}

static void
tui_free(struct tui *t)
{
	int k;

	for (k = 0; k < TUI_PANES; k++) {
		view_free(&t->pane[k].view);
		free(t->pane[k].rowitem);
	}
	help_free(&t->help_view);
	layout_ctx_free(&t->lc);
	jump_free(&t->jumps);
	lay_free(&t->tmp);
	search_free(&t->search);
	free(t->m);
	free(t->reply_first);
	free(t->reply_next);
	thread_order_free(&t->order);
	free(t->message);
	lineedit_free(&t->ed_search);
	lineedit_free(&t->ed_goto);
}

/* Move finished quote links into the model; views keep their places. */
static void
tui_quotes_arrive(struct tui *t)
{
	int k;

	quotes_job_finish(t->quotes, t->mdoc);
	t->quotes = NULL;
	/* "Still finding" is out of date now; the hint takes its place. */
	if (t->message != NULL && strcmp(t->message, tui_pending_msg) == 0)
		tui_message_clear(t);
	layout_ctx_requote(&t->lc);
	for (k = 0; k < TUI_PANES; k++)
		view_invalidate(&t->pane[k].view);
	/* The parents are new: the threaded order follows them. */
	if (t->threaded)
		tui_thread_set(t, 1);
}

int
tui_run(struct doc *d, const struct gloss_options *o, const char *name)
{
	struct term_mouse m;
	struct tui t;
	char *cause;
	int key, errors = 0;
	double t0;

	if (term_start(o, &cause) != 0) {
		fprintf(stderr, "gloss: %s\n", cause);
		free(cause);
		return 1;
	}
	tui_init(&t, d, o, name);
	t.mdoc = d;
	if ((t.quotes = quotes_job_start(d)) == NULL) {
		quotes_find(d);		/* no thread: find them now */
		layout_ctx_requote(&t.lc);
	}
	while (!t.quit) {
		if (t.quotes != NULL && quotes_job_done(t.quotes))
			tui_quotes_arrive(&t);
		tui_draw(&t);
		memset(&m, 0, sizeof m);
		/* Poll for the links while they are being found. */
		term_key_timeout(t.quotes != NULL ? TUI_QUOTES_POLL_MS : -1);
		t0 = tui_now();
		key = term_key(&m);
		/*
		 * The terminal went away (EOF on every read): stop. A read
		 * that waited out its poll timeout is not an error.
		 */
		if (key == KEYC_NONE && (t.quotes == NULL ||
		    tui_now() - t0 < TUI_QUOTES_POLL_MS / 2000.0) &&
		    ++errors > 1000)
			break;
		if (key != KEYC_NONE)
			errors = 0;
		tui_key(&t, key, &m);
	}
	term_stop();
	if (t.quotes != NULL)
		quotes_job_cancel(t.quotes);
	tui_free(&t);
	return 0;
}

/*
 * draw.c: what the reader's screen shows: pane rectangles, pane contents,
 * titles or the tab bar, the status line, the prompt and the help screen.
 *
 * Coordinates are screen cells. Pane contents are glyphs exactly as
 * layout measured them; this file adds only generated chrome (labels laid
 * out with lay_label, so they are measured the same way) and never writes
 * past a rectangle's right edge: a glyph that does not fit whole is not
 * drawn. Highlights (search matches, a jump's passage) are applied here
 * by glyph source offset, so cached layouts stay free of them.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/xmalloc.h"
#include "keys.h"
#include "term.h"
#include "tui-private.h"

struct draw_marks {
	const struct search_match *m;
	size_t nm;
	int hl;
	uint32_t hs, he;
};

int
tui_pane_width(const struct tui *t, int kind, int cw)
{
	int w = cw - 1;

	if (kind != TUI_CLAUSES && t->opts->text_width > 0 &&
	    w > t->opts->text_width)
		w = t->opts->text_width;
	return w < 1 ? 1 : w;
}

static void
draw_rect(struct tui_pane *p, int y, int x, int h, int w, int titled)
{
	p->shown = h > 0 && w > 0;
	p->y = y;
	p->x = x;
	p->h = h < 0 ? 0 : h;
	p->w = w < 0 ? 0 : w;
	p->titled = titled && p->h >= 2;
	p->cy = p->y + p->titled;
	p->ch = p->h - p->titled;
	p->cx = p->x + 1;
	p->cw = p->w - 1;
	if (p->cw < 0)
		p->cw = 0;
	p->headed = 0;
}

/*
 * The Clauses pane's table heading takes the rows above the table that
 * layout_table_header gives at the pane's width (the column names wrap
 * in a narrow pane, as in --dump), leaving at least one row for the
 * table; a pane of one row has none. The view's width must be set.
 */
static void
draw_rect_heading(struct tui *t, struct tui_pane *p)
{
	int rows;

	if (p->kind != TUI_CLAUSES || p->ch < 2)
		return;
	lay_clear(&t->tmp);
	layout_table_header(&t->lc, p->view.width, &t->tmp);
	rows = t->tmp.nlines > (size_t)p->ch - 1 ? p->ch - 1 :
	    (int)t->tmp.nlines;
	if (rows < 1)
		rows = 1;
	p->headed = rows;
	p->cy += rows;
	p->ch -= rows;
}

void
tui_geometry(struct tui *t)
{
	int area, aw, top, k, ch;
	struct tui_pane *p;

	term_size(&t->rows, &t->cols);
	if (!t->wide_forced)
		t->wide = t->opts->layout == GLOSS_LAYOUT_WIDE ||
		    (t->opts->layout == GLOSS_LAYOUT_AUTO &&
		    t->cols >= TUI_WIDE_COLS);
	area = t->rows - 1;
	if (area < 0)
		area = 0;
	for (k = 0; k < TUI_PANES; k++)
		t->pane[k].shown = 0;
	t->tab_y = -1;
	if (!t->wide) {
		top = 0;
		if (area >= 2) {
			t->tab_y = 0;
			top = 1;
		}
		draw_rect(&t->pane[t->focus], top, 0, area - top, t->cols, 0);
	} else if (t->zoom) {
		draw_rect(&t->pane[t->focus], 0, 0, area, t->cols, 1);
	} else {
		aw = t->cols / 2;
		if (t->opts->text_width > 0 && aw > t->opts->text_width + 3)
			aw = t->opts->text_width + 3;
		ch = area / 2;
		draw_rect(&t->pane[TUI_ARTICLE], 0, 0, area, aw, 1);
		draw_rect(&t->pane[TUI_COMMENTS], 0, aw + 1, ch,
		    t->cols - aw - 1, 1);
		draw_rect(&t->pane[TUI_CLAUSES], ch, aw + 1, area - ch,
		    t->cols - aw - 1, 1);
	}
	for (k = 0; k < TUI_PANES; k++) {
		p = &t->pane[k];
		if (!p->shown)
			continue;
		view_set_width(&p->view, tui_pane_width(t, k, p->cw));
		draw_rect_heading(t, p);
		if ((size_t)p->ch > p->rowcap) {
			p->rowitem = xreallocarray(p->rowitem, (size_t)p->ch,
			    sizeof *p->rowitem);
			p->rowcap = (size_t)p->ch;
		}
	}
}

static int
draw_marked(const struct draw_marks *dm, uint32_t src)
{
	size_t i;

	if (src == LAY_NOSRC || dm == NULL)
		return 0;
	for (i = 0; i < dm->nm; i++)
		if (src >= dm->m[i].start && src < dm->m[i].end)
			return LAY_MATCH;
	if (dm->hl && src >= dm->hs && src < dm->he)
		return LAY_HILITE;
	return 0;
}

/* Draw line `line` of l at (y, x) within maxw cells; returns cells used. */
static int
draw_line(int y, int x, int maxw, const struct lay *l, size_t line,
    enum theme_element base, int flags, const struct draw_marks *dm)
{
	const struct lay_line *ln;
	const struct lay_glyph *g;
	int cx, used;
	size_t i;

	if (line >= l->nlines || maxw <= 0)
		return 0;
	ln = &l->lines[line];
	used = ln->indent;
	if (used > maxw)
		return maxw;
	if (flags != 0)
		term_fill(y, x, used, base, flags);
	cx = x + used;
	for (i = 0; i < ln->n; i++) {
		g = &l->glyphs[ln->first + i];
		if (used + g->width > maxw)
			break;
		term_glyph(y, cx, l->text + g->text, g->len, g->width,
		    (uint16_t)(g->attr | draw_marked(dm, g->src)), base, flags);
		cx += g->width;
		used += g->width;
	}
	return used;
}

/* A label (generated text) at (y, x) within maxw cells; returns cells. */
static int
draw_label(struct tui *t, int y, int x, int maxw, const char *s,
    enum theme_element base, int flags, uint16_t attr)
{
	if (maxw <= 0)
		return 0;
	lay_clear(&t->tmp);
	lay_label(&t->tmp, &t->lc.scratch, &t->lc.opts, s, maxw, attr);
	return draw_line(y, x, maxw, &t->tmp, 0, base, flags, NULL);
}

static int
draw_label_width(struct tui *t, const char *s, int maxw)
{
	if (maxw <= 0)
		return 0;
	lay_clear(&t->tmp);
	return lay_label(&t->tmp, &t->lc.scratch, &t->lc.opts, s, maxw, 0);
}

static char *
draw_pane_name(const struct tui *t, int k, int tab)
{
	const struct doc *d = t->doc;
	int64_t said = doc_declared_total(d);
	char *n, *s;

	switch (k) {
	case TUI_ARTICLE:
		return xstrdup("1 Article");
	case TUI_COMMENTS:
		if (said < 0 || (uint64_t)said == d->ncomments)
			return xasprintf("2 Comments %zu", d->ncomments);
		if (tab && (uint64_t)said > d->ncomments)
			return xasprintf("2 Comments %zu/%lld", d->ncomments,
			    (long long)said);
		if (tab)
			return xasprintf("2 Comments %zu", d->ncomments);
		n = layout_comment_count(d);
		s = xasprintf("2 Comments: %s", n);
		free(n);
		return s;
	default:
		return xasprintf("3 Clauses %zu", d->nclauses);
	}
}

static void
draw_title(struct tui *t, struct tui_pane *p)
{
	int focused = p->kind == t->focus;
	enum theme_element e = focused ? TH_TITLE_FOCUS : TH_TITLE;
	int flags = focused ? TERM_BOLD | TERM_REVERSE : TERM_UNDERLINE;
	char *name, *s;

	name = draw_pane_name(t, p->kind, 0);
	s = xasprintf("%s%s", focused ? "\u25b6 " : "  ", name);
	term_fill(p->y, p->x, p->w, e, flags);
	draw_label(t, p->y, p->x, p->w, s, e, flags, 0);
	free(s);
	free(name);
}

static void
draw_tabs(struct tui *t)
{
	int k, x = 0, n, full = 0;
	char *names[TUI_PANES], *name, *s;

	if (t->tab_y < 0)
		return;
	term_fill(t->tab_y, 0, t->cols, TH_TITLE, TERM_UNDERLINE);
	for (k = 0; k < TUI_PANES; k++) {	/* do the names fit? */
		names[k] = draw_pane_name(t, k, 1);
		s = xasprintf("[%s]", names[k]);
		full += draw_label_width(t, s, 1 << 20) + 1;
		free(s);
	}
	for (k = 0; k < TUI_PANES; k++) {
		int focused = k == t->focus;

		/* When they do not, the other tabs shrink to their digit,
		 * so the focused one is always seen. */
		name = focused || full - 1 <= t->cols ? xstrdup(names[k]) :
		    xasprintf("%d", k + 1);
		free(names[k]);
		s = focused ? xasprintf("[%s]", name) :
		    xasprintf(" %s ", name);
		t->tab_x[k] = x;
		n = draw_label(t, t->tab_y, x, t->cols - x, s,
		    focused ? TH_TITLE_FOCUS : TH_TITLE,
		    focused ? TERM_BOLD | TERM_REVERSE : TERM_UNDERLINE, 0);
		x += n + 1;
		free(s);
		free(name);
	}
	t->tab_x[TUI_PANES] = x;
}

static void
draw_pane_content(struct tui *t, struct tui_pane *p)
{
	struct draw_marks dm;
	const struct lay *l;
	size_t item, nitems = tui_nitems(t, p->kind), ln, part, nparts, lead;
	int row = 0, line, sel, flags, focused = p->kind == t->focus;
	int searching;

	if (p->headed > 0) {	/* every row of it (draw_rect_heading) */
		lay_clear(&t->tmp);
		layout_table_header(&t->lc, p->view.width, &t->tmp);
		for (ln = 0; ln < t->tmp.nlines && ln < (size_t)p->headed;
		    ln++)
			draw_line(p->cy - p->headed + (int)ln, p->cx, p->cw,
			    &t->tmp, ln, TH_TEXT, 0, NULL);
	}
	if (nitems == 0 && p->ch > 0) {
		draw_label(t, p->cy, p->cx, p->cw, p->kind == TUI_COMMENTS ?
		    "(no comments)" : p->kind == TUI_CLAUSES ?
		    "(no clause table)" : "(empty)", TH_TEXT, 0, LAY_MISSING);
		return;
	}
	item = p->view.top;
	part = p->view.part;
	line = p->view.line;
	while (row < p->ch && item < nitems) {
		memset(&dm, 0, sizeof dm);
		dm.hl = p->hl;
		dm.hs = p->hl_start;
		dm.he = p->hl_end;
		sel = item == p->sel;
		nparts = view_parts(&p->view, item);
		searching = t->search_pane == p->kind && t->search.key != NULL;
		if (searching && nparts == 1) {
			tui_item_matches(t, p->kind, item, TUI_ALL_PARTS);
			dm.m = t->m;
			dm.nm = t->nm;
		}
		for (; part < nparts && row < p->ch; part++, line = 0) {
			/* A huge paragraph in parts: the matches near the
			 * part on screen, not of all of it. */
			if (searching && nparts > 1) {
				tui_item_matches(t, p->kind, item, part);
				dm.m = t->m;
				dm.nm = t->nm;
			}
			l = view_part(&p->view, item, part);
			lead = part == 0 && p->kind == TUI_COMMENTS ?
			    layout_lead(l) : 0;
			for (ln = (size_t)line; ln < l->nlines && row < p->ch;
			    ln++) {
				flags = 0;
				if (sel && focused && part == 0 &&
				    ln == lead && p->kind != TUI_ARTICLE)
					flags = TERM_REVERSE;
				if (sel && ln >= lead)
					term_vline(p->cy + row, p->x,
					    TH_SELECT);
				draw_line(p->cy + row, p->cx, p->cw, l, ln,
				    TH_TEXT, flags, &dm);
				p->rowitem[row] = item;
				row++;
			}
		}
		item++;
		part = 0;
		line = 0;
	}
	for (; row < p->ch; row++)
		p->rowitem[row] = (size_t)-1;
}

static char *
draw_position(struct tui *t)
{
	struct tui_pane *p = &t->pane[t->focus];
	int pct = view_percent(&p->view, p->ch);
	size_t ci;
	uint32_t para;
	uint64_t num;

	switch (t->focus) {
	case TUI_ARTICLE:
		para = p->sel > 0 ? layout_block_number(&t->lc, p->sel - 1) : 0;
		if (para != 0)
			return xasprintf("Article \u00b6%u %d%%", para, pct);
		return xasprintf("Article %d%%", pct);
	case TUI_COMMENTS:
		if (t->doc->ncomments == 0)
			return xstrdup("Comments (none)");
		/* The comment's place in the document, threaded or not. */
		ci = thread_order_comment(&t->order, p->sel);
		num = t->doc->comments[ci].number;
		if (num == UINT64_MAX || num == ci + 1)
			return xasprintf("Comments: comment %zu/%zu %d%%",
			    ci + 1, t->doc->ncomments, pct);
		/* Numbered otherwise (gaps, repeats): the number g takes. */
		return xasprintf("Comments: comment %llu (%zu/%zu) %d%%",
		    (unsigned long long)num, ci + 1, t->doc->ncomments,
		    pct);
	default:
		if (t->doc->nclauses == 0)
			return xstrdup("Clauses (none)");
		num = t->doc->clauses[p->sel].number;
		if (num == p->sel + 1)
			return xasprintf("Clauses: clause %zu/%zu %d%%",
			    p->sel + 1, t->doc->nclauses, pct);
		return xasprintf("Clauses: clause %llu (%zu/%zu) %d%%",
		    (unsigned long long)num, p->sel + 1, t->doc->nclauses,
		    pct);
	}
}

/*
 * The prompt: its character, then the line in typing order and unshaped
 * (bidi off), so the cursor moves the way the arrow keys say even in
 * right-to-left text. If the cursor would be off the screen the line is
 * shown from a later cluster, after a '<'. The terminal cursor stands at
 * the editing cursor. One layout per draw, with each glyph's source
 * offset telling which side of the cursor it is on.
 */
static void
draw_prompt(struct tui *t, int y)
{
	const struct lineedit *e = tui_prompt_editor(t);
	char lead[2] = { (char)t->prompt, '\0' };
	struct text_opts o = t->lc.opts;
	struct lay_style st;
	const struct lay_line *ln;
	const struct lay_glyph *g;
	const struct lay *l = &t->tmp;
	size_t i, from = 0;
	int before = 0, x, room = t->cols - 2;	/* lead, cursor cells */

	o.bidi = TEXT_BIDI_OFF;
	memset(&st, 0, sizeof st);
	st.width = LINEEDIT_MAX * 8;		/* one line, always */
	lay_clear(&t->tmp);
	lay_para(&t->tmp, &t->lc.scratch, &o, lineedit_text(e), e->len, 0,
	    &st);
	ln = &l->lines[0];
	for (i = 0; i < ln->n; i++) {
		g = &l->glyphs[ln->first + i];
		if (g->src >= e->cur)
			break;
		before += g->width;
	}
	for (; from < i && before > room; from++)
		before -= l->glyphs[ln->first + from].width;
	/* Not draw_label: it would reuse t->tmp, which holds the line. */
	term_glyph(y, 0, from > 0 ? "<" : lead, 1, 1, 0, TH_STATUS, 0);
	for (x = 1, i = from; i < ln->n; i++) {
		g = &l->glyphs[ln->first + i];
		if (x + g->width > t->cols)
			break;
		term_glyph(y, x, l->text + g->text, g->len, g->width, g->attr,
		    TH_STATUS, 0);
		x += g->width;
	}
	x = 1 + before;
	term_cursor(y, x < t->cols ? x : t->cols - 1);
}

static void
draw_status(struct tui *t)
{
	int y = t->rows - 1, x, wpos, wmsg, wtitle, right, avail;
	char *pos, *msg = NULL;
	const char *help = "h help";
	int err = 0;

	if (y < 0)
		return;
	term_fill(y, 0, t->cols, TH_STATUS, 0);
	if (t->prompt) {
		draw_prompt(t, y);
		return;
	}
	term_cursor(-1, -1);
	pos = draw_position(t);
	if (t->message != NULL) {
		msg = xstrdup(t->message);
		err = t->message_error;
	} else if (t->count >= 0)
		msg = xasprintf("count %ld", t->count);
	else
		msg = tui_hint(t);
	right = draw_label_width(t, help, t->cols);
	avail = t->cols - right - 1;
	x = 0;
	/* A message (not a hint) that cannot follow the position on a
	 * narrow screen takes its place: "no match" must be seen. */
	if (t->message == NULL || msg == NULL ||
	    draw_label_width(t, pos, avail) + 2 +
	    draw_label_width(t, msg, avail) <= avail) {
		wpos = draw_label(t, y, x, avail, pos, TH_STATUS, TERM_BOLD,
		    0);
		x += wpos + 2;
	}
	if (msg != NULL && x < avail) {
		wmsg = draw_label(t, y, x, avail - x, msg,
		    err ? TH_ERROR : TH_MESSAGE, err ? TERM_BOLD : 0, 0);
		x += wmsg + 2;
	}
	/* The title takes what is left, cropped. */
	wtitle = avail - x;
	if (wtitle >= 8) {
		lay_clear(&t->tmp);
		layout_title_line(&t->lc, wtitle, &t->tmp);
		draw_line(y, x, wtitle, &t->tmp, 0, TH_STATUS, 0, NULL);
	}
	if (t->cols - right >= 0 && right < t->cols)
		draw_label(t, y, t->cols - right, right, help, TH_STATUS, 0, 0);
	free(pos);
	free(msg);
}

static void
draw_help(struct tui *t)
{
	struct help *h = &t->help_view;
	int area = t->rows - 2, row;	/* below the title, above the status */
	size_t i;

	help_layout(h, &t->lc.scratch, &t->lc.opts, t->cols);
	help_clamp(h, area);
	draw_label(t, 0, 0, t->cols, "gloss keys (j/k scroll, q or h closes)",
	    TH_TITLE_FOCUS, TERM_BOLD | TERM_REVERSE, 0);
	for (row = 1, i = h->top; row <= area && i < h->lay.nlines; row++, i++)
		draw_line(row, 0, t->cols, &h->lay, i, TH_TEXT, 0, NULL);
}

void
tui_draw(struct tui *t)
{
	int k, y;
	struct tui_pane *p;

	tui_geometry(t);
	term_erase();
	if (t->help) {
		draw_help(t);
		draw_status(t);
		term_flush(0);
		return;
	}
	draw_tabs(t);
	if (t->wide && !t->zoom) {
		p = &t->pane[TUI_ARTICLE];
		for (y = 0; y < p->h; y++)
			term_vline(y, p->w, TH_TEXT);
	}
	for (k = 0; k < TUI_PANES; k++) {
		p = &t->pane[k];
		if (!p->shown)
			continue;
		if (p->titled)
			draw_title(t, p);
		draw_pane_content(t, p);
	}
	draw_status(t);
	term_flush(0);
}

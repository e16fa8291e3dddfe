/*
 * layout_doc.c: the parts of a document laid out for a width: the title,
 * article blocks, comments and clause-table rows. Every pane and --dump
 * print exactly these lines, so a test of --dump is a test of the screen.
 *
 * Coordinates are cells from the left edge of the part being laid out;
 * glyph src offsets are absolute in doc->buf. Each layout_* call appends
 * to `out`; none of them keeps state between calls except what
 * layout_ctx_init computes once (the per-block "quoted by" index, linear
 * in the number of links, which layout_ctx_requote rebuilds when links
 * arrive later; the digits of the widest clause number, so a clause row
 * costs O(row), not O(clauses)) and a small cache of where the chunks of
 * huge paragraphs start (article items in parts, layout.h; each clone
 * has its own). Rules and bars are '|' glyphs marked LAY_RULE / LAY_BAR
 * so a terminal front end may draw them as line-drawing characters.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/layout.h"
#include "gloss/xmalloc.h"

#define LAYOUT_QUOTE_INDENT	4	/* block quotes: "  | " */
#define LAYOUT_COMMENT_INDENT	2	/* comment text under its header */
#define LAYOUT_RULE_CELLS	3	/* " | " between clause columns */

/*
 * The number of the clause whose text holds a link's source passage (the
 * block's first clause if none does).
 */
static uint32_t
layout_link_clause(const struct doc *d, const struct doc_link *l)
{
	const struct doc_block *b = &d->blocks[l->block];
	long k = doc_clause_at(d, l->block, l->source_start);

	if (k >= 0)
		return d->clauses[k].number;
	return b->nclauses > 0 && b->first_clause < d->nclauses ?
	    d->clauses[b->first_clause].number : 0;
}

/*
 * Digits of the widest clause number, for the clause table's gutter: one
 * scan of the clauses, done when the context is made (the table is every
 * clause of the document and the model does not change under a context).
 */
static int
layout_clause_digits(struct layout_ctx *c)
{
	const struct doc *d = c->doc;
	uint32_t max = 0;
	size_t i;
	int digits = 1;

	for (i = 0; i < d->nclauses; i++)
		if (d->clauses[i].number > max)
			max = d->clauses[i].number;
	for (; max >= 10; max /= 10)
		digits++;
	c->clause_scans++;
	return digits;
}

/*
 * The source a link quotes in index q: its block (for blocks_quoted) or
 * its comment paragraph (paras_quoted); n when it quotes the other kind.
 */
static size_t
layout_quoted_key(const struct doc_link *l, int paras, size_t n)
{
	if (paras)
		return l->source_kind == DOC_SOURCE_COMMENT &&
		    l->source_para < n ? l->source_para : n;
	return l->source_kind == DOC_SOURCE_ARTICLE && l->block < n ?
	    l->block : n;
}

/* (source, link) pairs, sorted by source, then link (so comment order). */
static int
layout_pair_cmp(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

/*
 * Fill q for n sources (blocks, or comment paragraphs when paras): one
 * entry per quoting comment (per comment and clause in a clause table),
 * in comment order. Links are sorted by comment, so after sorting the
 * pairs a repeat can only follow the entry it repeats. O(L log L) for
 * the L links of that kind; memory O(L), none per unquoted source.
 */
static void
layout_quoted_build(const struct doc *d, struct layout_quoted *q, size_t n,
    int paras)
{
	uint32_t (*pair)[2] = NULL;
	size_t i, k, np = 0, cap = 0, ne = 0;

	memset(q, 0, sizeof *q);
	for (i = 0; i < d->nlinks; i++) {
		if ((k = layout_quoted_key(&d->links[i], paras, n)) >= n)
			continue;
		pair = xgrow(pair, &cap, np + 1, sizeof *pair);
		pair[np][0] = (uint32_t)k;
		pair[np++][1] = (uint32_t)i;
	}
	if (np > 1)
		qsort(pair, np, sizeof *pair, layout_pair_cmp);
	q->key = xreallocarray(NULL, np + 1, sizeof *q->key);
	q->first = xreallocarray(NULL, np + 2, sizeof *q->first);
	q->list = xreallocarray(NULL, np + 1, sizeof *q->list);
	for (i = 0; i < np; i++) {
		const struct doc_link *l = &d->links[pair[i][1]];

		k = pair[i][0];
		if (q->nkey == 0 || q->key[q->nkey - 1] != k) {
			q->key[q->nkey] = (uint32_t)k;
			q->first[q->nkey++] = (uint32_t)ne;
		} else {
			const struct doc_link *last = &d->links[q->list[ne - 1]];

			if (last->comment == l->comment && (paras ||
			    d->blocks[k].kind != DOC_BLOCK_CLAUSES ||
			    layout_link_clause(d, last) ==
			    layout_link_clause(d, l)))
				continue;
		}
		q->list[ne++] = pair[i][1];
	}
	q->first[q->nkey] = (uint32_t)ne;
	free(pair);
}

/* The entries of source i in q: how many, and *list the first. O(log). */
static size_t
layout_quoted_of(const struct layout_quoted *q, size_t i,
    const uint32_t **list)
{
	size_t lo = 0, hi = q->nkey, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (q->key[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == q->nkey || q->key[lo] != i)
		return 0;
	*list = q->list + q->first[lo];
	return q->first[lo + 1] - q->first[lo];
}

static void
layout_quoted_free(struct layout_quoted *q)
{
	free(q->key);
	free(q->first);
	free(q->list);
	memset(q, 0, sizeof *q);
}

static void
layout_index_quotes(struct layout_ctx *c)
{
	const struct doc *d = c->doc;
	size_t i;
	uint32_t para = 0;

	c->block_para = xcalloc(d->nblocks + 1, sizeof *c->block_para);
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind != DOC_BLOCK_CLAUSES)
			c->block_para[i] = ++para;
	layout_quoted_build(d, &c->blocks_quoted, d->nblocks, 0);
	layout_quoted_build(d, &c->paras_quoted, d->nparas, 1);
}

void
layout_ctx_init(struct layout_ctx *c, const struct doc *d,
    const struct text_opts *o)
{
	memset(c, 0, sizeof *c);
	c->doc = d;
	c->opts = *o;
	text_para_init(&c->scratch);
	lay_init(&c->tmp[0]);
	lay_init(&c->tmp[1]);
	layout_index_quotes(c);
	c->clause_digits = layout_clause_digits(c);
}

void
layout_ctx_requote(struct layout_ctx *c)
{
	layout_quoted_free(&c->blocks_quoted);
	layout_quoted_free(&c->paras_quoted);
	free(c->block_para);
	layout_index_quotes(c);
}

long
layout_block_quoter(const struct layout_ctx *c, size_t i, size_t k)
{
	const uint32_t *list;

	if (k >= layout_quoted_of(&c->blocks_quoted, i, &list))
		return -1;
	return (long)list[k];
}

void
layout_ctx_clone(struct layout_ctx *dst, const struct layout_ctx *src)
{
	*dst = *src;
	text_para_init(&dst->scratch);
	lay_init(&dst->tmp[0]);
	lay_init(&dst->tmp[1]);
	memset(dst->chunks, 0, sizeof dst->chunks);
	memset(dst->cparts, 0, sizeof dst->cparts);
}

static void
layout_chunks_free(struct layout_ctx *c)
{
	size_t k;

	for (k = 0; k < LAYOUT_CHUNKS_CACHE; k++) {
		free(c->chunks[k].start);
		free(c->cparts[k].start);
	}
	memset(c->chunks, 0, sizeof c->chunks);
	memset(c->cparts, 0, sizeof c->cparts);
}

void
layout_ctx_free_clone(struct layout_ctx *c)
{
	text_para_free(&c->scratch);
	lay_free(&c->tmp[0]);
	lay_free(&c->tmp[1]);
	layout_chunks_free(c);
	memset(c, 0, sizeof *c);
}

void
layout_ctx_free(struct layout_ctx *c)
{
	text_para_free(&c->scratch);
	lay_free(&c->tmp[0]);
	lay_free(&c->tmp[1]);
	layout_chunks_free(c);
	layout_quoted_free(&c->blocks_quoted);
	layout_quoted_free(&c->paras_quoted);
	free(c->block_para);
	memset(c, 0, sizeof *c);
}

void
layout_set_hilite(struct layout_ctx *c, const struct lay_range *r, size_t n)
{
	c->hilite = r;
	c->nhilite = n;
}

uint32_t
layout_block_number(const struct layout_ctx *c, size_t i)
{
	return i < c->doc->nblocks ? c->block_para[i] : 0;
}

/*
 * Attribute ranges for the text [start, end): the caller's extra ranges
 * (search, jump highlight) clipped to it, merged with `own` (sorted).
 * Returns a malloc'd array only when there is something to merge.
 */
static struct lay_range *
layout_ranges(const struct layout_ctx *c, uint32_t start, uint32_t end,
    const struct lay_range *own, size_t nown, size_t *n)
{
	struct lay_range *r;
	size_t i, k = 0, cap = 0;

	r = NULL;
	for (i = 0; i < c->nhilite; i++) {
		if (c->hilite[i].end <= start || c->hilite[i].start >= end)
			continue;
		r = xgrow(r, &cap, k + 1, sizeof *r);
		r[k++] = c->hilite[i];
	}
	for (i = 0; i < nown; i++) {
		r = xgrow(r, &cap, k + 1, sizeof *r);
		r[k++] = own[i];
	}
	*n = k;
	return r;
}

static int
layout_range_cmp(const void *a, const void *b)
{
	const struct lay_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * Where the chunks of a span longer than LAY_CHUNK start (computed once
 * and kept in a small cache: a span's chunks do not depend on the width),
 * or NULL for a span of one chunk.
 */
static const struct layout_chunks *
layout_chunks_of(struct layout_ctx *c, struct span s)
{
	struct layout_chunks *k;
	const char *t = c->doc->buf + s.off;
	size_t cap = 0, off = 0;

	if (s.len <= LAY_CHUNK)
		return NULL;
	k = &c->chunks[(s.off / 64) % LAYOUT_CHUNKS_CACHE];
	if (k->len == s.len && k->off == s.off)
		return k;
	free(k->start);
	k->start = NULL;
	k->n = 0;
	while (off < s.len) {
		k->start = xgrow(k->start, &cap, k->n + 2, sizeof *k->start);
		k->start[k->n++] = (uint32_t)off;
		off += lay_para_chunk_len(t + off, s.len - off);
	}
	k->start[k->n] = s.len;
	k->off = s.off;
	k->len = s.len;
	k->dir = text_direction(t, s.len);
	return k;
}

/*
 * Lay out the chunk [a, b) of span s (a and b chunk boundaries, see
 * lay_para_part) with st, the caller's highlights and own ranges. A
 * chunk of a longer span gets the whole span's direction.
 */
static void
layout_span_range(struct layout_ctx *c, struct span s, uint32_t a,
    uint32_t b, struct lay_style *st, const struct lay_range *own,
    size_t nown, struct lay *out)
{
	const struct layout_chunks *k = NULL;
	struct lay_range *r;
	size_t n;

	if (a > 0 || b < s.len)
		k = layout_chunks_of(c, s);

	r = layout_ranges(c, s.off + a, s.off + b, own, nown, &n);
	if (n > 1)
		qsort(r, n, sizeof *r, layout_range_cmp);
	st->ranges = r;
	st->nranges = n;
	lay_para_part(out, &c->scratch, &c->opts, c->doc->buf + s.off, a,
	    b - a, s.off, k != NULL ? k->dir : LAY_DIR_OWN, st);
	st->ranges = NULL;
	st->nranges = 0;
	free(r);
}

/*
 * Lay out one span of text as a paragraph with style st plus highlights:
 * its chunks in order, as lay_para would.
 */
static void
layout_span(struct layout_ctx *c, struct span s, struct lay_style *st,
    const struct lay_range *own, size_t nown, struct lay *out)
{
	uint32_t a = 0, n;

	do {
		n = (uint32_t)lay_para_chunk_len(c->doc->buf + s.off + a,
		    s.len - a);
		layout_span_range(c, s, a, a + n, st, own, nown, out);
		a += n;
	} while (a < s.len);
}

/* Chunks of span s (see layout_chunks_of): 1 for a short one. */
static size_t
layout_span_parts(struct layout_ctx *c, struct span s)
{
	const struct layout_chunks *k = layout_chunks_of(c, s);

	return k != NULL ? k->n : 1;
}

/* The chunk of span s that holds document offset off (0 if none does). */
static size_t
layout_span_part_at(struct layout_ctx *c, struct span s, uint32_t off)
{
	const struct layout_chunks *k = layout_chunks_of(c, s);
	size_t lo = 0, hi, mid;

	if (k == NULL || off < s.off)
		return 0;
	hi = k->n;	/* the last chunk starting at or before off */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (s.off + k->start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Document bytes [*start, *end) of chunk `part` of span s. */
static void
layout_span_part_span(struct layout_ctx *c, struct span s, size_t part,
    uint32_t *start, uint32_t *end)
{
	const struct layout_chunks *k = layout_chunks_of(c, s);

	*start = s.off;
	*end = s.off + s.len;
	if (k != NULL && part < k->n) {
		*start = s.off + k->start[part];
		*end = s.off + k->start[part + 1];
	}
}

/*
 * Lay out chunk `part` of span s (see layout_chunks_of) with st and own
 * ranges.
 */
static void
layout_span_part(struct layout_ctx *c, struct span s, size_t part,
    struct lay_style *st, const struct lay_range *own, size_t nown,
    struct lay *out)
{
	uint32_t a, b;

	layout_span_part_span(c, s, part, &a, &b);
	layout_span_range(c, s, a - s.off, b - s.off, st, own, nown, out);
}

static void
layout_blank(struct lay *out)
{
	lay_new_line(out);
}

static void
layout_style(struct lay_style *st, int width, int first, int rest,
    uint16_t attr)
{
	memset(st, 0, sizeof *st);
	st->width = width < 1 ? 1 : width;
	st->indent_first = first;
	st->indent_rest = rest;
	st->align = LAY_ALIGN_START;
	st->attr = attr;
}

/*
 * The hanging indent of a paragraph (or a comment's line) that starts
 * with a list marker, so its wrapped lines start under the text after
 * the marker: a bullet (layout_bullets) or up to three ASCII digits with
 * a dot or a parenthesis ("1. ", "12) ", "(3) "), or one ASCII letter
 * with a parenthesis ("a) "), then spaces, then text. The hang is the
 * marker's cells and its spaces; 0 with no marker, or when it would take
 * more than half of width. "1.5", "-5" and "2024." are no markers.
 */
static const uint32_t layout_bullets[] = {
	'*', '-', '+', 0x2013, 0x2014, 0x2022, 0x2023, 0x2043, 0x25aa,
	0x25e6
};

static int
layout_list_hang(const struct layout_ctx *c, struct span s, int width)
{
	const char *b = c->doc->buf + s.off;
	uint32_t cp, drawn[TEXT_DRAW_MAX];
	size_t n = s.len, i = 0, k, nd;
	int cells;

	if (n > 0 && b[0] == '(')
		i = 1;
	for (k = i; i < n && i - k <= 3 && b[i] >= '0' && b[i] <= '9'; i++)
		;
	if (i > k) {		/* a number */
		if (i - k > 3 || i >= n || (b[i] != ')' && (k == 1 ||
		    b[i] != '.')))
			return 0;
		cells = (int)++i;
	} else if (k == 1) {
		return 0;
	} else if (n >= 2 && b[1] == ')' && ((b[0] >= 'a' && b[0] <= 'z') ||
	    (b[0] >= 'A' && b[0] <= 'Z'))) {
		i = 2;		/* "a) " */
		cells = 2;
	} else {
		i = text_utf8_decode(b, n, &cp);
		for (k = 0; k < sizeof layout_bullets / sizeof *layout_bullets;
		    k++)
			if (layout_bullets[k] == cp)
				break;
		if (k == sizeof layout_bullets / sizeof *layout_bullets)
			return 0;
		cells = text_cluster_draw(&c->opts, &cp, 1, drawn, &nd);
	}
	for (k = i; i < n && b[i] == ' '; i++)
		;
	if (i == k || i == n)
		return 0;	/* no space after it, or nothing after that */
	cells += (int)(i - k);
	return cells * 2 <= width ? cells : 0;
}

/*
 * The start of the title, enough to fill its first line of width cells:
 * at most LAYOUT_TITLE_BYTES(width) bytes (a whole code point), so a
 * status line costs O(width) even when the first line of a file is
 * megabytes long. A cluster averages far fewer than 16 bytes unless it
 * carries runs of combining marks, which are not drawn anyway.
 */
#define LAYOUT_TITLE_BYTES(w)	((size_t)(w) * 16 + 256)

/* The start of span s, at most max bytes long, ending at a code point. */
static struct span
layout_span_cut(const struct doc *d, struct span s, size_t max)
{
	if (s.len > max) {
		while (max > 0 &&
		    ((unsigned char)d->buf[s.off + max] & 0xc0) == 0x80)
			max--;
		s.len = (uint32_t)max;
	}
	return s;
}

void
layout_title_line(struct layout_ctx *c, int width, struct lay *out)
{
	struct lay_style st;
	struct span s = layout_span_cut(c->doc, c->doc->title,
	    LAYOUT_TITLE_BYTES(width < 1 ? 1 : width));

	layout_style(&st, width, 0, 0, LAY_HEADING);
	st.align = LAY_ALIGN_LEFT;
	layout_span(c, s, &st, NULL, 0, out);
}

/* Whether line i of out has a glyph with any of the bits of attr. */
static int
layout_line_has(const struct lay *out, size_t i, uint16_t attr)
{
	const struct lay_line *l = &out->lines[i];
	size_t g;

	for (g = 0; g < l->n; g++)
		if (out->glyphs[l->first + g].attr & attr)
			return 1;
	return 0;
}

/*
 * Put a bar glyph in cell `col` of lines [from, out->nlines) (only of
 * those with a glyph marked `only`, when it is not 0): they were laid
 * out with an indent of at least col + 2, so the bar replaces blank
 * cells and no line gets wider. Lines too narrow for it are left alone.
 */
static void
layout_bar_lines(struct layout_ctx *c, struct lay *out, size_t from, int col,
    uint16_t attr, uint16_t only)
{
	struct lay *tmp = &c->tmp[0];
	size_t i, n = out->nlines - from;

	if (n == 0)
		return;
	lay_clear(tmp);
	for (i = from; i < out->nlines; i++) {
		struct lay_line *l = &out->lines[i];
		uint16_t indent = l->indent;

		lay_new_line(tmp);
		if (indent >= col + 2 &&
		    (only == 0 || layout_line_has(out, i, only))) {
			lay_append_space(tmp, col, 0);
			lay_append_text(tmp, "|", 1, LAY_BAR | attr);
			l->indent = (uint16_t)(indent - col - 1);
		}
		lay_append_glyphs(tmp, out, i);
		l->indent = indent;
		tmp->lines[tmp->nlines - 1].src = l->src;
	}
	out->nglyphs = out->lines[from].first;
	out->nlines = from;
	for (i = 0; i < n; i++) {
		lay_new_line(out);
		lay_append_glyphs(out, tmp, i);
		out->lines[out->nlines - 1].src = tmp->lines[i].src;
	}
}

/*
 * A line gloss generates (a reference, a heading), indent cells in (none
 * when that leaves no room), filled at the width with a hanging indent:
 * at a narrow width it wraps, nothing is cropped.
 */
static void
layout_note(struct layout_ctx *c, const char *s, int width, int indent,
    uint16_t attr, struct lay *out)
{
	size_t from = out->nlines, k;

	if (indent < 0 || width - indent < 1)
		indent = 0;
	lay_label_wrap(out, &c->scratch, &c->opts, s, width - indent, LAY_HANG,
	    attr);
	for (k = from; k < out->nlines; k++) {
		out->lines[k].indent += (uint16_t)indent;
		out->lines[k].width += (uint16_t)indent;
	}
}

static void
layout_reference(struct layout_ctx *c, size_t i, int width, struct lay *out)
{
	const struct doc_block *b = &c->doc->blocks[i];
	const struct doc *d = c->doc;
	char *s;

	if (b->nclauses == 0 || b->first_clause >= d->nclauses) {
		s = xstrdup("> Clauses (none)");
	} else {
		uint32_t lo = d->clauses[b->first_clause].number;
		uint32_t hi = d->clauses[b->first_clause + b->nclauses - 1].number;

		if (b->nclauses == 1)
			s = xasprintf("> Clause %u: translation in pane 3", lo);
		else
			s = xasprintf("> Clauses %u\u2013%u: translation in pane 3",
			    lo, hi);
	}
	layout_note(c, s, width, 0, LAY_REF, out);
	free(s);
}

/*
 * head and then " #N" for the comment of each of the n links list[0, n)
 * (" #N (clause K)" with table): a "quoted by" line, indented by indent.
 */
static void
layout_quoted_line(struct layout_ctx *c, const uint32_t *list, size_t n,
    const char *head, int table, size_t part, int width, int indent,
    struct lay *out)
{
	const struct doc *d = c->doc;
	size_t k, len = strlen(head), cap = 0, rl;
	char *s = NULL, *t, *ref;

	s = xgrow(s, &cap, len + 1, 1);
	memcpy(s, head, len + 1);
	for (k = 0; k < n; k++) {	/* one growing buffer: n may be large */
		const struct doc_link *l = &d->links[list[k]];

		ref = layout_comment_ref(d, l->comment, part);
		if (table)
			t = xasprintf(" %s (clause %u)", ref,
			    layout_link_clause(d, l));
		else
			t = xasprintf(" %s", ref);
		free(ref);
		rl = strlen(t);
		s = xgrow(s, &cap, len + rl + 1, 1);
		memcpy(s + len, t, rl + 1);
		len += rl;
		free(t);
	}
	layout_note(c, s, width, indent, LAY_MARK, out);
	free(s);
}

/*
 * "¶7 quoted by #1 #12" under a quoted article paragraph; "quoted by
 * #3 (clause 2)" under a clause-table reference.
 */
static void
layout_quoted_by(struct layout_ctx *c, size_t i, int width, struct lay *out)
{
	int table = c->doc->blocks[i].kind == DOC_BLOCK_CLAUSES;
	const uint32_t *list;
	size_t n = layout_quoted_of(&c->blocks_quoted, i, &list);
	char *head;

	if (n == 0)
		return;
	head = table ? xstrdup("quoted by") :
	    xasprintf("\u00b6%u quoted by", c->block_para[i]);
	layout_quoted_line(c, list, n, head, table, 0, width, 0, out);
	free(head);
}

/* The paragraph text of article item `item`, if it has one. */
static int
layout_item_text(const struct layout_ctx *c, size_t item, struct span *s)
{
	const struct doc_block *b;

	if (item == 0) {
		*s = c->doc->title;
		return 1;
	}
	if (item - 1 >= c->doc->nblocks)
		return 0;
	b = &c->doc->blocks[item - 1];
	*s = b->text;
	return b->kind != DOC_BLOCK_CLAUSES;
}

size_t
layout_article_items(const struct layout_ctx *c)
{
	return 1 + c->doc->nblocks;
}

size_t
layout_article_parts(struct layout_ctx *c, size_t item)
{
	struct span s;

	if (!layout_item_text(c, item, &s))
		return 1;
	return layout_span_parts(c, s);
}

void
layout_article_part_span(struct layout_ctx *c, size_t item, size_t part,
    uint32_t *start, uint32_t *end)
{
	struct span s;

	if (!layout_item_text(c, item, &s)) {
		*start = *end = 0;
		return;
	}
	layout_span_part_span(c, s, part, start, end);
}

size_t
layout_article_part_at(struct layout_ctx *c, size_t item, uint32_t off)
{
	struct span s;

	if (!layout_item_text(c, item, &s))
		return 0;
	return layout_span_part_at(c, s, off);
}

/* Part `part` of block i, of n parts in all. */
static void
layout_block_part(struct layout_ctx *c, size_t i, size_t part, size_t n,
    int width, struct lay *out)
{
	const struct doc_block *b = &c->doc->blocks[i];
	struct lay_style st;
	size_t from = out->nlines;

	switch (b->kind) {
	case DOC_BLOCK_PARA:
		layout_style(&st, width, 0, layout_list_hang(c, b->text,
		    width), 0);
		layout_span_part(c, b->text, part, &st, NULL, 0, out);
		break;
	case DOC_BLOCK_QUOTE:
		layout_style(&st, width, 0, layout_list_hang(c, b->text,
		    width - LAYOUT_QUOTE_INDENT), 0);
		st.margin = LAYOUT_QUOTE_INDENT;	/* the bar's gutter */
		layout_span_part(c, b->text, part, &st, NULL, 0, out);
		layout_bar_lines(c, out, from, 2, 0, 0);
		break;
	case DOC_BLOCK_CLAUSES:
		layout_reference(c, i, width, out);
		break;
	}
	if (part + 1 < n)
		return;
	layout_quoted_by(c, i, width, out);
	layout_blank(out);
}

void
layout_article_part(struct layout_ctx *c, size_t item, size_t part,
    int width, struct lay *out)
{
	struct lay_style st;
	size_t n = layout_article_parts(c, item);

	if (item == 0) {
		layout_style(&st, width, 0, 0, LAY_HEADING);
		layout_span_part(c, c->doc->title, part, &st, NULL, 0,
		    out);
		if (part + 1 >= n)
			layout_blank(out);
	} else if (item - 1 < c->doc->nblocks)
		layout_block_part(c, item - 1, part, n, width, out);
}

void
layout_title(struct layout_ctx *c, int width, struct lay *out)
{
	size_t k, n = layout_article_parts(c, 0);

	for (k = 0; k < n; k++)
		layout_article_part(c, 0, k, width, out);
}

void
layout_block(struct layout_ctx *c, size_t i, int width, struct lay *out)
{
	size_t k, n = layout_article_parts(c, i + 1);

	for (k = 0; k < n; k++)
		layout_block_part(c, i, k, n, width, out);
}

/*
 * Bytes of a later part's header that are laid out: a real one is a
 * line of a few words; a hostile megabyte of them is cut (at a code
 * point) rather than laid out whole as part of one comment.
 */
#define LAYOUT_SECTION_BYTES	4096

struct span
layout_section_text(const struct doc *d, size_t k)
{
	return layout_span_cut(d, d->sections[k].header,
	    LAYOUT_SECTION_BYTES);
}

/*
 * Before the first comment of a later part of the thread: that part's
 * header ("2 Pingbacks") as a heading, and a blank line.
 */
static void
layout_section_header(struct layout_ctx *c, size_t i, int width,
    struct lay *out)
{
	const struct doc *d = c->doc;
	long k = doc_section_starting(d, i);
	struct lay_style st;
	struct span s;

	if (k < 0)
		return;
	s = layout_section_text(d, (size_t)k);
	layout_style(&st, width, 0, 0, LAY_HEADING | LAY_SECTION);
	layout_span(c, s, &st, NULL, 0, out);
	layout_blank(out);
}

size_t
layout_lead(const struct lay *l)
{
	size_t k = 0;

	while (k < l->nlines && l->lines[k].n > 0 &&
	    (l->glyphs[l->lines[k].first].attr & LAY_SECTION))
		k++;
	if (k > 0 && k < l->nlines && l->lines[k].n == 0)
		k++;		/* the blank line after the header */
	return k;
}

/*
 * The comment's header: "#4" and, when known, "reply to #3" ("#3 in part
 * 1" from a later part: layout_comment_ref).
 */
static void
layout_comment_header(struct layout_ctx *c, size_t i, int width, int indent,
    struct lay *out)
{
	const struct doc *d = c->doc;
	const struct doc_comment *cm = &d->comments[i];
	char *s, *ref;

	if (cm->parent >= 0 && (size_t)cm->parent < d->ncomments) {
		ref = layout_comment_ref(d, (size_t)cm->parent,
		    doc_comment_part(d, i));
		s = xasprintf("#%.*s  \u21b3 reply to %s",
		    (int)cm->number_text.len, d->buf + cm->number_text.off,
		    ref);
		free(ref);
	} else {
		s = xasprintf("#%.*s", (int)cm->number_text.len,
		    d->buf + cm->number_text.off);
	}
	layout_note(c, s, width, indent, LAY_HEADING, out);
	free(s);
}

/*
 * What a reference under a comment paragraph names: an article block (its
 * ¶ number), a clause (and which of its sides are quoted) or a comment.
 * k is the link's place in the paragraph's run of links.
 */
enum layout_ref_kind {
	LAYOUT_REF_PARA,	/* id: block index */
	LAYOUT_REF_CLAUSE,	/* id: clause index */
	LAYOUT_REF_CLAUSE_NUM,	/* id: clause number (no clause holds it) */
	LAYOUT_REF_COMMENT	/* id: comment index */
};
#define LAYOUT_SIDE_ORIG	1u
#define LAYOUT_SIDE_TRANS	2u

struct layout_ref {
	enum layout_ref_kind kind;
	uint32_t id;
	uint32_t k;
	unsigned sides;		/* LAYOUT_SIDE_*, of a clause */
};

static void
layout_ref_of(const struct doc *d, const struct doc_link *l, uint32_t k,
    struct layout_ref *r)
{
	long ci;

	r->k = k;
	r->sides = 0;
	if (l->source_kind == DOC_SOURCE_COMMENT) {
		r->kind = LAYOUT_REF_COMMENT;
		r->id = l->source_comment;
	} else if (l->block < d->nblocks &&
	    d->blocks[l->block].kind == DOC_BLOCK_CLAUSES) {
		ci = doc_clause_at(d, l->block, l->source_start);
		if (ci < 0) {
			r->kind = LAYOUT_REF_CLAUSE_NUM;
			r->id = layout_link_clause(d, l);
			return;
		}
		r->kind = LAYOUT_REF_CLAUSE;
		r->id = (uint32_t)ci;
		r->sides = doc_clause_in_original(&d->clauses[ci],
		    l->source_start) ? LAYOUT_SIDE_ORIG : LAYOUT_SIDE_TRANS;
	} else {
		r->kind = LAYOUT_REF_PARA;
		r->id = l->block;
	}
}

/* Order of references: by what they name, then by place. */
static int
layout_ref_cmp(const void *va, const void *vb)
{
	const struct layout_ref *a = va, *b = vb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return a->k < b->k ? -1 : a->k > b->k;
}

/*
 * The text of reference r, with its leading space; part: that of the
 * comment whose paragraph refers (layout_comment_ref).
 */
static char *
layout_ref_text(const struct layout_ctx *c, const struct layout_ref *r,
    size_t part)
{
	const struct doc *d = c->doc;
	char *ref, *s;
	static const char *const side[] = {
		"", " (original)", " (translation)", " (both sides)"
	};

	switch (r->kind) {
	case LAYOUT_REF_CLAUSE:
		return xasprintf(" clause %u%s", d->clauses[r->id].number,
		    side[r->sides & 3]);
	case LAYOUT_REF_CLAUSE_NUM:
		return xasprintf(" clause %u", r->id);
	case LAYOUT_REF_PARA:
		return xasprintf(" \u00b6%u", r->id < d->nblocks ?
		    c->block_para[r->id] : 0);
	default:
		ref = layout_comment_ref(d, r->id, part);
		s = xasprintf(" %s", ref);
		free(ref);
		return s;
	}
}

/*
 * "↩ ¶7 #3 clause 2 (original)" for the links [first, first + n) of one
 * paragraph of a comment in part `part` of the thread, built in one
 * growing buffer (a paragraph may quote
 * many passages). Each source is named once, where it is first quoted
 * (as "quoted by" names each quoting comment once); a clause says which
 * side is quoted, "(both sides)" when the paragraph quotes both. Sorting
 * the references finds the repeats: O(n log n) for n links.
 */
static void
layout_comment_refs(struct layout_ctx *c, size_t first, size_t n,
    size_t part, int width, int indent, struct lay *out)
{
	const struct doc *d = c->doc;
	struct layout_ref *refs;
	unsigned *show;		/* per link: 0, or 1 + the sides to name */
	char *s = NULL, *ref;
	size_t k, g, len = 0, cap = 0, rl;

	if (n == 0)
		return;
	refs = xreallocarray(NULL, n, sizeof *refs);
	show = xcalloc(n, sizeof *show);
	for (k = 0; k < n; k++)
		layout_ref_of(d, &d->links[first + k], (uint32_t)k, &refs[k]);
	qsort(refs, n, sizeof *refs, layout_ref_cmp);
	for (g = k = 0; k < n; k++) {
		if (k > 0 && refs[k].kind == refs[g].kind &&
		    refs[k].id == refs[g].id)
			refs[g].sides |= refs[k].sides;
		else
			g = k;
		show[refs[g].k] = 1 + refs[g].sides;
	}
	s = xgrow(s, &cap, sizeof "\u21a9", 1);
	memcpy(s, "\u21a9", sizeof "\u21a9");
	len = sizeof "\u21a9" - 1;
	for (k = 0; k < n; k++) {
		struct layout_ref r;

		if (show[k] == 0)
			continue;
		layout_ref_of(d, &d->links[first + k], (uint32_t)k, &r);
		r.sides = show[k] - 1;
		ref = layout_ref_text(c, &r, part);
		rl = strlen(ref);
		s = xgrow(s, &cap, len + rl + 1, 1);
		memcpy(s + len, ref, rl + 1);
		len += rl;
		free(ref);
	}
	free(show);
	free(refs);
	layout_note(c, s, width, indent, LAY_MARK, out);
	free(s);
}

/*
 * A comment is laid out in units: one per chunk (lay_para_chunk_len) of
 * each source line of each paragraph, in order; a unit is (paragraph,
 * line, byte offset in the line). A comment of more than LAY_CHUNK bytes
 * is cut into parts of whole units, about LAY_CHUNK bytes each (cached
 * like the chunks of article paragraphs); others are one part.
 */
static int
layout_cunit_eq(const struct layout_cunit *a, const struct layout_cunit *b)
{
	return a->para == b->para && a->line == b->line && a->off == b->off;
}

/* The source line of unit u. */
static struct span
layout_cunit_line(const struct doc *d, const struct layout_cunit *u)
{
	return d->lines[d->paras[u->para].lines.first + u->line];
}

/* Bytes of unit u (its chunk of the line; 0 for an empty line). */
static uint32_t
layout_cunit_len(const struct doc *d, const struct layout_cunit *u)
{
	struct span s = layout_cunit_line(d, u);

	return (uint32_t)lay_para_chunk_len(d->buf + s.off + u->off,
	    s.len - u->off);
}

/* Step u to the unit after it (n: its length); paragraphs in order. */
static void
layout_cunit_next(const struct doc *d, struct layout_cunit *u, uint32_t n)
{
	struct span s = layout_cunit_line(d, u);

	if (u->off + n < s.len) {
		u->off += n;
		return;
	}
	u->off = 0;
	if (u->line + 1 < d->paras[u->para].lines.n) {
		u->line++;
		return;
	}
	u->line = 0;
	u->para++;
	/* A paragraph has at least one line (parse_text). */
}

/* The first unit of comment i and the position after its last one. */
static void
layout_cunit_bounds(const struct doc *d, size_t i, struct layout_cunit *a,
    struct layout_cunit *e)
{
	const struct doc_comment *cm = &d->comments[i];

	memset(a, 0, sizeof *a);
	a->para = cm->first_para;
	*e = *a;
	e->para = cm->first_para + cm->npara;
}

/* Document offset where unit u starts (end: the comment's end). */
static uint32_t
layout_cunit_off(const struct doc *d, size_t i, const struct layout_cunit *u)
{
	const struct doc_comment *cm = &d->comments[i];
	struct span s;

	if (u->para >= cm->first_para + cm->npara) {
		if (cm->npara == 0)
			return 0;
		s = d->lines[d->paras[cm->first_para + cm->npara - 1].lines.first
		    + d->paras[cm->first_para + cm->npara - 1].lines.n - 1];
		return s.off + s.len;
	}
	return layout_cunit_line(d, u).off + u->off;
}

/* Where the parts of comment i start, or NULL when it is one part. */
static const struct layout_cparts *
layout_cparts_of(struct layout_ctx *c, size_t i)
{
	const struct doc *d = c->doc;
	struct layout_cparts *k;
	struct layout_cunit u, e;
	uint64_t acc = 0;
	size_t cap = 0;
	uint32_t n;

	/* Its lines lie in order in the buffer: a bound of their bytes. */
	layout_cunit_bounds(d, i, &u, &e);
	if (layout_cunit_off(d, i, &e) - layout_cunit_off(d, i, &u) <=
	    LAY_CHUNK)
		return NULL;
	k = &c->cparts[i % LAYOUT_CHUNKS_CACHE];
	if (k->start != NULL && k->comment == i)
		return k;
	free(k->start);
	k->start = NULL;
	k->n = 0;
	while (!layout_cunit_eq(&u, &e)) {
		n = layout_cunit_len(d, &u);
		if (k->n == 0 || (acc > 0 && acc + n > LAY_CHUNK)) {
			k->start = xgrow(k->start, &cap, k->n + 2,
			    sizeof *k->start);
			k->start[k->n++] = u;
			acc = 0;
		}
		acc += n;
		layout_cunit_next(d, &u, n);
	}
	k->start[k->n] = e;
	k->comment = i;
	return k;
}

size_t
layout_comment_parts(struct layout_ctx *c, size_t i)
{
	const struct layout_cparts *k;

	if (i >= c->doc->ncomments || (k = layout_cparts_of(c, i)) == NULL)
		return 1;
	return k->n;
}

/* Units [*a, *e) of part `part` of comment i. */
static void
layout_comment_units(struct layout_ctx *c, size_t i, size_t part,
    struct layout_cunit *a, struct layout_cunit *e)
{
	const struct layout_cparts *k = layout_cparts_of(c, i);

	layout_cunit_bounds(c->doc, i, a, e);
	if (k != NULL && part < k->n) {
		*a = k->start[part];
		*e = k->start[part + 1];
	}
}

void
layout_comment_part_span(struct layout_ctx *c, size_t i, size_t part,
    uint32_t *start, uint32_t *end)
{
	struct layout_cunit a, e;

	layout_comment_units(c, i, part, &a, &e);
	*start = layout_cunit_off(c->doc, i, &a);
	*end = layout_cunit_off(c->doc, i, &e);
	if (*end < *start)
		*end = *start;
}

size_t
layout_comment_part_at(struct layout_ctx *c, size_t i, uint32_t off)
{
	const struct layout_cparts *k;
	size_t lo = 0, hi, mid;

	if (i >= c->doc->ncomments || (k = layout_cparts_of(c, i)) == NULL)
		return 0;
	hi = k->n;	/* the last part starting at or before off */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (layout_cunit_off(c->doc, i, &k->start[mid]) <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The links of comment paragraph p: *first and *n in doc->links. */
static void
layout_para_links(const struct doc *d, const struct doc_comment *cm,
    uint32_t p, size_t *first, size_t *n)
{
	size_t lo = cm->first_link, hi = cm->first_link + cm->nlinks, mid;

	while (lo < hi) {	/* links are sorted by paragraph */
		mid = lo + (hi - lo) / 2;
		if (d->links[mid].para < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	for (hi = lo; hi < cm->first_link + cm->nlinks &&
	    d->links[hi].para == p; hi++)
		;
	*n = hi - lo;
}

/*
 * Unit u (n bytes) of comment paragraph u->para, whose links are
 * [lk, lk + nlk): its lines beside the gutter, quoted passages marked,
 * with a bar in front of each line that shows quoted text.
 */
static void
layout_comment_unit(struct layout_ctx *c, const struct layout_cunit *u,
    uint32_t n, size_t lk, size_t nlk, int width, int indent,
    struct lay *out)
{
	const struct doc *d = c->doc;
	struct span s = layout_cunit_line(d, u);
	struct lay_range *own = NULL;
	struct lay_style st;
	size_t cap = 0, nown = 0, k, before = out->nlines;
	uint32_t a = s.off + u->off, b = a + n;

	for (k = lk; k < lk + nlk; k++) {	/* passages on this unit */
		if (d->links[k].end <= a || d->links[k].start >= b)
			continue;
		own = xgrow(own, &cap, nown + 1, sizeof *own);
		own[nown].start = d->links[k].start;
		own[nown].end = d->links[k].end;
		own[nown].attr = LAY_QUOTED;
		nown++;
	}
	layout_style(&st, width, 0, layout_list_hang(c, s, width - indent -
	    LAYOUT_COMMENT_INDENT), 0);
	st.margin = indent + LAYOUT_COMMENT_INDENT;	/* gutter, thread */
	layout_span_range(c, s, u->off, u->off + n, &st, own, nown, out);
	if (nown > 0)
		layout_bar_lines(c, out, before, indent, LAY_QUOTED,
		    LAY_QUOTED);
	free(own);
}

void
layout_comment_part(struct layout_ctx *c, size_t i, size_t part, int width,
    int indent, struct lay *out)
{
	const struct doc *d = c->doc;
	const struct doc_comment *cm = &d->comments[i];
	struct layout_cunit u, e, first, end;
	size_t lk = 0, nlk = 0, nq;
	const uint32_t *qlist;
	uint32_t n, para = UINT32_MAX;

	if (indent > width / 2)
		indent = width / 2;
	layout_comment_units(c, i, part, &u, &e);
	layout_cunit_bounds(d, i, &first, &end);
	if (layout_cunit_eq(&u, &first)) {
		layout_section_header(c, i, width, out);
		layout_comment_header(c, i, width, indent, out);
	}
	while (!layout_cunit_eq(&u, &e)) {
		if (u.para != para) {
			para = u.para;
			layout_para_links(d, cm, para, &lk, &nlk);
		}
		if (u.line == 0 && u.off == 0 && u.para != cm->first_para)
			layout_blank(out);
		n = layout_cunit_len(d, &u);
		layout_comment_unit(c, &u, n, lk, nlk, width, indent, out);
		layout_cunit_next(d, &u, n);
		if (u.para == para)
			continue;
		/* After a paragraph's last unit: what it quotes, and which
		 * later comments quote it. */
		if (nlk > 0)
			layout_comment_refs(c, lk, nlk, doc_comment_part(d, i),
			    width, indent + LAYOUT_COMMENT_INDENT, out);
		if ((nq = layout_quoted_of(&c->paras_quoted, para, &qlist)) > 0)
			layout_quoted_line(c, qlist, nq, "quoted by", 0,
			    doc_comment_part(d, i), width,
			    indent + LAYOUT_COMMENT_INDENT, out);
	}
	if (layout_cunit_eq(&e, &end))
		layout_blank(out);
}

void
layout_comment(struct layout_ctx *c, size_t i, int width, int indent,
    struct lay *out)
{
	size_t k, n = layout_comment_parts(c, i);

	for (k = 0; k < n; k++)
		layout_comment_part(c, i, k, width, indent, out);
}

void
layout_table_columns(const struct layout_ctx *c, int width,
    struct layout_table *t)
{
	int avail;

	memset(t, 0, sizeof *t);
	t->gutter = c->clause_digits + 1;
	avail = width - t->gutter - LAYOUT_RULE_CELLS;
	if (avail < 2) {
		/* Too narrow for a table: stacked rows (see layout_clause). */
		t->gutter = 0;
		t->left = width;
		t->rule = -1;
		t->right = width;
		return;
	}
	t->left = avail / 2;
	t->right = avail - t->left;
	t->rule = t->gutter + t->left + 1;
}

/*
 * Lay out part `part` of one side of a clause into dst: the side's chunk
 * of that number, nothing past its last chunk, or the "(no ...)" label in
 * part 0 when the side is empty (wrapped in the column like its text).
 */
static void
layout_clause_side(struct layout_ctx *c, struct span s, size_t part,
    int width, const char *missing, const struct lay_range *own,
    size_t nown, struct lay *dst)
{
	struct lay_style st;

	lay_clear(dst);
	if (s.len == 0) {
		if (part == 0)
			lay_label_wrap(dst, &c->scratch, &c->opts, missing,
			    width, 0, LAY_MISSING);
		return;
	}
	if (part >= layout_span_parts(c, s))
		return;
	layout_style(&st, width, 0, 0, 0);
	layout_span_part(c, s, part, &st, own, nown, dst);
}

static void
layout_clause_notes(const struct doc *d, const struct doc_clause *cl,
    struct lay_range **own, size_t *n)
{
	size_t k, cap = 0;

	*own = NULL;
	*n = 0;
	for (k = cl->first_note; k < cl->first_note + cl->nnotes; k++) {
		const struct doc_note *nt = &d->notes[k];

		*own = xgrow(*own, &cap, *n + 1, sizeof **own);
		(*own)[*n].start = nt->text.off;
		(*own)[*n].end = nt->text.off + nt->text.len;
		(*own)[*n].attr = nt->kind == DOC_NOTE_EDITOR ? LAY_NOTE :
		    LAY_INSERTION;
		(*n)++;
	}
}

/* Pad the current last line of out to `cells` cells. */
static void
layout_pad_to(struct lay *out, int cells)
{
	struct lay_line *l = &out->lines[out->nlines - 1];

	if (l->width < cells)
		lay_append_space(out, cells - l->width, 0);
}

char *
layout_comment_ref(const struct doc *d, size_t i, size_t part)
{
	const struct doc_comment *cm = &d->comments[i];
	size_t p = doc_comment_part(d, i);

	if (p == part)
		return xasprintf("#%.*s", (int)cm->number_text.len,
		    d->buf + cm->number_text.off);
	return xasprintf("#%.*s in part %zu", (int)cm->number_text.len,
	    d->buf + cm->number_text.off, p + 1);
}

char *
layout_comment_count(const struct doc *d)
{
	long long said = doc_declared_total(d);

	if (said >= 0 && (uint64_t)said > d->ncomments)
		return xasprintf("%zu of %lld shown", d->ncomments, said);
	if (said >= 0 && (uint64_t)said < d->ncomments)
		return xasprintf("%zu (the header says %lld)", d->ncomments,
		    said);
	return xasprintf("%zu", d->ncomments);
}

/*
 * Append row r of the two laid-out columns (c->tmp[0] on the left,
 * c->tmp[1] on the right) to out's last line, which reaches the left
 * column: the left cell, padding, the rule, and the right cell.
 */
static void
layout_table_cells(struct layout_ctx *c, const struct layout_table *t,
    size_t r, struct lay *out)
{
	if (r < c->tmp[0].nlines)
		lay_append_glyphs(out, &c->tmp[0], r);
	layout_pad_to(out, t->gutter + t->left + 1);
	lay_append_text(out, "|", 1, LAY_RULE);
	if (r < c->tmp[1].nlines) {
		lay_append_space(out, 1, 0);
		lay_append_glyphs(out, &c->tmp[1], r);
	}
}

void
layout_table_header(struct layout_ctx *c, int width, struct lay *out)
{
	struct layout_table t;
	size_t rows, r;

	layout_table_columns(c, width, &t);
	if (t.rule < 0) {
		layout_note(c, "Original / Translation", width, 0, LAY_HEADING,
		    out);
		return;
	}
	lay_clear(&c->tmp[0]);
	lay_label_wrap(&c->tmp[0], &c->scratch, &c->opts, "Original", t.left,
	    0, LAY_HEADING);
	lay_clear(&c->tmp[1]);
	lay_label_wrap(&c->tmp[1], &c->scratch, &c->opts, "Translation",
	    t.right, 0, LAY_HEADING);
	rows = c->tmp[0].nlines > c->tmp[1].nlines ? c->tmp[0].nlines :
	    c->tmp[1].nlines;
	for (r = 0; r < rows; r++) {
		lay_new_line(out);
		lay_append_space(out, t.gutter, 0);
		layout_table_cells(c, &t, r, out);
		out->lines[out->nlines - 1].src = LAY_NOSRC;
	}
}

size_t
layout_clause_parts(struct layout_ctx *c, size_t i)
{
	const struct doc_clause *cl = &c->doc->clauses[i];
	size_t no = layout_span_parts(c, cl->original);
	size_t nt = layout_span_parts(c, cl->translation);

	return no > nt ? no : nt;
}

void
layout_clause_part_span(struct layout_ctx *c, size_t i, size_t part,
    int side, uint32_t *start, uint32_t *end)
{
	const struct doc_clause *cl = &c->doc->clauses[i];
	struct span s = side == 0 ? cl->original : cl->translation;

	if (part >= layout_span_parts(c, s)) {
		*start = *end = s.off;
		return;
	}
	layout_span_part_span(c, s, part, start, end);
}

size_t
layout_clause_part_at(struct layout_ctx *c, size_t i, uint32_t off)
{
	const struct doc_clause *cl = &c->doc->clauses[i];

	if (off >= cl->translation.off &&
	    off - cl->translation.off < cl->translation.len)
		return layout_span_part_at(c, cl->translation, off);
	return layout_span_part_at(c, cl->original, off);
}

void
layout_clause_part(struct layout_ctx *c, size_t i, size_t part, int width,
    struct lay *out)
{
	const struct doc *d = c->doc;
	const struct doc_clause *cl = &d->clauses[i];
	struct layout_table t;
	struct lay_range *notes;
	size_t nnotes, rows, r, n = layout_clause_parts(c, i);
	int last = part + 1 >= n;
	char num[24];

	layout_table_columns(c, width, &t);
	layout_clause_notes(d, cl, &notes, &nnotes);
	snprintf(num, sizeof num, "%u", cl->number);
	if (t.rule < 0) {
		/* Stacked: number, original, translation, each full width. */
		if (part == 0)
			lay_label_wrap(out, &c->scratch, &c->opts, num, width,
			    0, LAY_GUTTER);
		layout_clause_side(c, cl->original, part, width,
		    "(no original)", NULL, 0, &c->tmp[0]);
		for (r = 0; r < c->tmp[0].nlines; r++) {
			lay_new_line(out);
			lay_append_glyphs(out, &c->tmp[0], r);
		}
		layout_clause_side(c, cl->translation, part, width,
		    "(no translation)", notes, nnotes, &c->tmp[1]);
		for (r = 0; r < c->tmp[1].nlines; r++) {
			lay_new_line(out);
			lay_append_glyphs(out, &c->tmp[1], r);
		}
		if (last)
			lay_new_line(out);
		free(notes);
		return;
	}
	layout_clause_side(c, cl->original, part, t.left, "(no original)",
	    NULL, 0, &c->tmp[0]);
	layout_clause_side(c, cl->translation, part, t.right,
	    "(no translation)", notes, nnotes, &c->tmp[1]);
	free(notes);
	rows = c->tmp[0].nlines > c->tmp[1].nlines ? c->tmp[0].nlines :
	    c->tmp[1].nlines;
	if (last)
		rows++;		/* the last row is a spacer */
	for (r = 0; r < rows; r++) {
		struct lay_line *l;

		lay_new_line(out);
		if (part == 0 && r == 0 && (int)strlen(num) < t.gutter) {
			lay_append_space(out, t.gutter - 1 - (int)strlen(num),
			    0);
			lay_append_text(out, num, (int)strlen(num), LAY_GUTTER);
		}
		layout_pad_to(out, t.gutter);
		layout_table_cells(c, &t, r, out);
		l = &out->lines[out->nlines - 1];
		l->src = r < c->tmp[1].nlines ? c->tmp[1].lines[r].src :
		    r < c->tmp[0].nlines ? c->tmp[0].lines[r].src : LAY_NOSRC;
	}
}

void
layout_clause(struct layout_ctx *c, size_t i, int width, struct lay *out)
{
	size_t k, n = layout_clause_parts(c, i);

	for (k = 0; k < n; k++)
		layout_clause_part(c, i, k, width, out);
}

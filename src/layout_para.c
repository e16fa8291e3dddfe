/*
 * layout_para.c: one paragraph → display lines (lay_para), generated
 * labels (lay_label: one line, cropped; lay_label_wrap: filled like a
 * paragraph, with a hanging indent), and the helpers that compose table
 * rows.
 *
 * Coordinates: cells from the left edge of the laid-out area; glyph src
 * is an absolute document byte offset (LAY_NOSRC for generated text).
 *
 * Filling works in logical order on the clusters of a prepared paragraph
 * (text_para_prepare): greedy, breaking at the last opportunity that
 * fits. White space (TEXT_CL_SPACE) is held pending and only counts once
 * something follows it on the line, so spaces at a line end hang: they
 * belong to that line's source range but are neither counted nor drawn.
 * A word wider than the line is split at a cluster boundary; a cluster
 * never straddles the edge. A soft hyphen draws nothing, except at a
 * line break after it, where it is drawn as "-" (1 cell, counted). A tab
 * advances to the next multiple of 8 cells counted from the start of the
 * line's text (not the indent). Each line is then put in visual order
 * with text_para_visual.
 * Plain text (every character one cell drawn as itself, no bidi: most of
 * a Latin-script thread) is filled by lay_plain (layout_plain.c) straight
 * from its bytes instead, with the same answers.
 *
 * Invariants: every line's width (indent + glyph widths) is at most the
 * width asked for; every line holds at least one cluster of the source or
 * is empty because it only held hanging spaces (or the paragraph was
 * empty); a cluster wider than the whole width (a wide character at width
 * 1, a "<U+0085>" at width < 8) is drawn as "?" of 1 cell.
 * Glyphs that draw nothing (bidi controls, U+FEFF) are not emitted.
 *
 * Alignment: with LAY_ALIGN_START a right-to-left paragraph (base
 * direction from its first strong character, bidi=app only) is set flush
 * right, and its indents are mirrored: indent_first/indent_rest become a
 * margin on the right, and lay_line.indent = width - indent - text width.
 * st->margin is not mirrored: the paragraph is laid out in the cells
 * after it and every line is shifted right by it.
 * A glyph's attr is st->attr or-ed with every range that overlaps any
 * byte of its cluster. lay_line.src is the first logical cluster of the
 * line (hanging spaces included), or base for an empty paragraph.
 * Memory: lay and text_para buffers are reused; no allocation per call in
 * the steady state. A paragraph longer than LAY_CHUNK bytes (a file with
 * no line structure) is prepared and filled one chunk at a time, so the
 * text_para scratch (tens of bytes per input byte) stays bounded: a chunk
 * ends after the last ASCII space in its second half (else at a grapheme
 * cluster boundary, lay_para_chunk_len), its last line ends there, and
 * the next chunk goes on with indent_rest. Every chunk has the base
 * direction of the whole paragraph (the caller tells it); the rest of
 * the bidi algorithm, and Arabic joining, run per chunk. Chunks are laid
 * out independently of each other, so lay_para_part can lay out one
 * alone (a reader holding only the part of a huge paragraph on screen).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>

#include "gloss/layout.h"
#include "gloss/xmalloc.h"
#include "layout-private.h"

#define LAY_TAB		8
#define LAY_PH_WIDE	0x80000000u	/* flag in widths: draw "?" */

void
lay_init(struct lay *l)
{
	memset(l, 0, sizeof *l);
}

void
lay_clear(struct lay *l)
{
	l->nlines = 0;
	l->nglyphs = 0;
	l->textlen = 0;
}

void
lay_free(struct lay *l)
{
	free(l->lines);
	free(l->glyphs);
	free(l->text);
	memset(l, 0, sizeof *l);
}

struct lay_line *
lay_line_add(struct lay *out, uint32_t src)
{
	struct lay_line *ln;

	if (out->nlines + 1 > out->linecap)
		out->lines = xgrow(out->lines, &out->linecap, out->nlines + 1,
		    sizeof *out->lines);
	ln = &out->lines[out->nlines++];
	ln->first = out->nglyphs;
	ln->n = 0;
	ln->indent = 0;
	ln->width = 0;
	ln->src = src;
	return ln;
}

static struct lay_line *
lay_last_line(struct lay *out)
{
	if (out->nlines == 0)
		return lay_line_add(out, LAY_NOSRC);
	return &out->lines[out->nlines - 1];
}

/*
 * Append a glyph to line ln, the last line, where the caller made room
 * for it (len <= 255, width <= 255); the text is not NUL-terminated.
 */
static inline void
lay_glyph_put(struct lay *out, struct lay_line *ln, const char *text,
    size_t len, int width, uint32_t src, uint16_t attr)
{
	struct lay_glyph *g = &out->glyphs[out->nglyphs++];

	g->src = src;
	g->text = out->textlen;
	g->len = len;
	g->width = width;
	g->attr = attr;
	if (len == 1)
		out->text[out->textlen] = *text;
	else
		memcpy(out->text + out->textlen, text, len);
	out->textlen += len;
	ln->n++;
	ln->width += width;
}

/* Append a glyph to the last line (len <= 255, width <= 255). */
static void
lay_glyph_add(struct lay *out, const char *text, size_t len, int width,
    uint32_t src, uint16_t attr)
{
	struct lay_line *ln = lay_last_line(out);

	/* Capacity is checked here so the common case makes no call. */
	if (out->nglyphs + 1 > out->glyphcap)
		out->glyphs = xgrow(out->glyphs, &out->glyphcap,
		    out->nglyphs + 1, sizeof *out->glyphs);
	if (out->textlen + len + 1 > out->textcap)
		out->text = xgrow(out->text, &out->textcap,
		    out->textlen + len + 1, 1);
	lay_glyph_put(out, ln, text, len, width, src, attr);
	out->text[out->textlen] = '\0';
}

static const char lay_spaces[] = "        ";

uint16_t
lay_sweep_attr(struct lay_sweep *sw, uint32_t src, uint32_t len)
{
	const struct lay_style *st = sw->st;
	uint16_t attr = st->attr;
	uint32_t end = src + (len > 0 ? len : 1);
	size_t r;

	while (sw->lo < st->nranges && st->ranges[sw->lo].end <= src)
		sw->lo++;
	for (r = sw->lo; r < st->nranges && st->ranges[r].start < end; r++)
		if (st->ranges[r].end > src)
			attr |= st->ranges[r].attr;
	return attr;
}

/* Cells of cluster c at column col of the line's text. */
static int
lay_cluster_width(const struct text_cluster *c, int col)
{
	if (c->flags & TEXT_CL_TAB)
		return LAY_TAB - col % LAY_TAB;
	return c->width;
}

/*
 * Find where the line starting at cluster i ends: [i, *end) is its source
 * range (hanging spaces included), which is also where the next line
 * starts. avail is the room for text. *hyph: the line ends with a break
 * after a soft hyphen, drawn as "-"; that break is taken only where the
 * hyphen's cell fits.
 */
static void
lay_fill(const struct text_para *p, size_t i, int avail, size_t *end,
    int *hyph)
{
	const struct text_cluster *c;
	size_t j, cand = 0;
	int w = 0, pend = 0, cw, cand_hyph = 0, shy;

	*hyph = 0;
	for (j = i; j < p->ncl; j++) {
		c = &p->cl[j];
		if (j > i && c->brk == TEXT_BREAK_MANDATORY) {
			*end = j;
			return;
		}
		if (j > i && c->brk == TEXT_BREAK_ALLOWED) {
			shy = (p->cl[j - 1].flags & TEXT_CL_SHY) != 0;
			if (!shy || w + 1 <= avail) {
				cand = j;
				cand_hyph = shy;
			}
		}
		cw = lay_cluster_width(c, w + pend);
		if (c->flags & TEXT_CL_SPACE) {
			pend += cw;
			continue;
		}
		if (j > i && w + pend + cw > avail) {
			*end = cand > i ? cand : j;
			*hyph = cand > i && cand_hyph;
			return;
		}
		w += pend + cw;
		pend = 0;
	}
	*end = p->ncl;
}

/*
 * The glyph of cluster c drawn cw cells wide (LAY_PH_WIDE: as "?"); dash:
 * it is a soft hyphen at a line break, drawn as "-". Room was made.
 */
static inline void
lay_emit_cluster(struct lay *out, struct lay_line *ln,
    const struct text_para *p, const struct text_cluster *c, uint32_t cw,
    int dash, uint16_t attr)
{
	if (cw & LAY_PH_WIDE)
		lay_glyph_put(out, ln, "?", 1, 1, c->src, attr);
	else if (c->flags & TEXT_CL_TAB)
		lay_glyph_put(out, ln, lay_spaces, cw, cw, c->src, attr);
	else if (dash)
		lay_glyph_put(out, ln, "-", 1, 1, c->src, attr);
	else if (c->drawlen > 0 || cw > 0)
		lay_glyph_put(out, ln, p->draw + c->draw, c->drawlen, cw,
		    c->src, attr);
}

/* Cells of the k-th cluster c of a line at column col (lay_emit). */
static inline uint32_t
lay_emit_width(const struct text_cluster *c, size_t k, size_t m, int col,
    int hyph, int avail)
{
	uint32_t cw = lay_cluster_width(c, col);

	if (hyph && k == m - 1)
		cw = 1;
	if (k == 0 && (int)cw > avail)
		cw = 1 | LAY_PH_WIDE;
	return cw;
}

/*
 * lay_emit for a line whose order is logical (the paragraph has no bidi
 * levels) and whose glyphs all get attr: one pass.
 */
static void
lay_emit_logical(struct lay *out, size_t lineno, const struct text_para *p,
    size_t i, size_t ce, int avail, int hyph, uint16_t attr)
{
	const struct text_cluster *c;
	size_t m = ce - i, k, tlen;
	uint32_t cw;
	int col = 0;

	/* Drawn bytes of the clusters (in logical order in p->draw), or
	 * up to a tab's spaces, "?" or "-" each. */
	tlen = p->cl[ce - 1].draw + p->cl[ce - 1].drawlen - p->cl[i].draw +
	    LAY_TAB * m;
	if (out->nglyphs + m > out->glyphcap)
		out->glyphs = xgrow(out->glyphs, &out->glyphcap,
		    out->nglyphs + m, sizeof *out->glyphs);
	if (out->textlen + tlen + 1 > out->textcap)
		out->text = xgrow(out->text, &out->textcap,
		    out->textlen + tlen + 1, 1);
	for (k = 0; k < m; k++) {
		c = &p->cl[i + k];
		cw = lay_emit_width(c, k, m, col, hyph, avail);
		col += cw & ~LAY_PH_WIDE;
		lay_emit_cluster(out, &out->lines[lineno], p, c, cw,
		    hyph && k == m - 1, attr);
	}
}

/*
 * Emit clusters [i, ce) as one line in visual order; hyph: the last one
 * is a soft hyphen drawn as "-".
 */
static void
lay_emit(struct lay *out, struct text_para *p, size_t i, size_t ce,
    int width, int ind, int hyph, struct lay_sweep *sw)
{
	const struct lay_style *st = sw->st;
	const struct text_cluster *c;
	struct lay_line *ln;
	size_t m = ce - i, k, lineno, tlen = 0;
	uint32_t *order, *wid, *attr;
	int col = 0;

	ln = lay_line_add(out, p->cl[i].src);
	lineno = out->nlines - 1;
	if (st->nranges == 0 && !text_para_has_levels(p)) {
		lay_emit_logical(out, lineno, p, i, ce, width - ind, hyph,
		    st->attr);
	} else {
		order = text_para_tmp(p, 3 * m);
		wid = order + m;
		attr = order + 2 * m;
		for (k = 0; k < m; k++) {
			c = &p->cl[i + k];
			wid[k] = lay_emit_width(c, k, m, col, hyph,
			    width - ind);
			col += wid[k] & ~LAY_PH_WIDE;
			attr[k] = lay_sweep_attr(sw, c->src, c->srclen);
			tlen += (c->flags & TEXT_CL_TAB) ? LAY_TAB :
			    c->drawlen + 1;
		}
		/* Room for the whole line at once. */
		if (out->nglyphs + m > out->glyphcap)
			out->glyphs = xgrow(out->glyphs, &out->glyphcap,
			    out->nglyphs + m, sizeof *out->glyphs);
		if (out->textlen + tlen + 1 > out->textcap)
			out->text = xgrow(out->text, &out->textcap,
			    out->textlen + tlen + 1, 1);
		text_para_visual(p, i, ce, order);
		ln = &out->lines[lineno];
		for (k = 0; k < m; k++)
			lay_emit_cluster(out, ln, p, &p->cl[order[k]],
			    wid[order[k] - i], hyph && order[k] == ce - 1,
			    attr[order[k] - i]);
	}
	out->text[out->textlen] = '\0';
	ln = &out->lines[lineno];
	if (st->align == LAY_ALIGN_START && p->rtl)
		ln->indent = width - ind - ln->width;
	else
		ln->indent = ind;
	ln->width += ln->indent;
}

/* Indent for a line starting with cluster c, reduced so that c fits. */
static int
lay_indent(const struct text_cluster *c, int want, int width)
{
	int cw = lay_cluster_width(c, 0);

	if (want < 0)
		want = 0;
	if (want > width - 1)
		want = width - 1;
	if (cw > width - want)
		want = cw >= width ? 0 : width - cw;
	return want;
}

/*
 * Fill the lines of s[0, len); first: it starts the paragraph; dir: see
 * lay_para_part.
 */
static void
lay_para_chunk(struct lay *out, struct text_para *p,
    const struct text_opts *o, const char *s, size_t len, uint32_t base,
    struct lay_sweep *sw, int first, int dir)
{
	const struct lay_style *st = sw->st;
	int width = st->width < 1 ? 1 : st->width, ind;
	size_t i = 0, end, ce;
	int hyph;

	if (dir != 1 && lay_plain(out, p, o, s, len, base, sw, first))
		return;
	text_para_prepare_ex(p, o, s, len, base, dir == LAY_DIR_OWN ? 0 :
	    dir == 1 ? TEXT_PREP_RTL : TEXT_PREP_LTR);
	if (p->ncl == 0) {
		lay_line_add(out, base);
		return;
	}
	while (i < p->ncl) {
		ind = lay_indent(&p->cl[i], i == 0 && first ?
		    st->indent_first : st->indent_rest, width);
		lay_fill(p, i, width - ind, &end, &hyph);
		for (ce = end; ce > i && (p->cl[ce - 1].flags & TEXT_CL_SPACE);
		    ce--)
			;
		if (ce == i) {
			lay_line_add(out, p->cl[i].src);
			if (st->align == LAY_ALIGN_START && p->rtl)
				out->lines[out->nlines - 1].indent = 0;
		} else
			lay_emit(out, p, i, ce, width, ind, hyph && ce == end,
			    sw);
		i = end;
	}
}

/*
 * i moved back to the lead byte of the sequence holding u[i]; i itself if
 * more than three continuation bytes come before (invalid anyway: one
 * U+FFFD each).
 */
static size_t
lay_lead_byte(const uint8_t *u, size_t i)
{
	size_t k;

	for (k = 0; k < 3 && k < i && (u[i - k] & 0xc0) == 0x80; k++)
		;
	return (u[i - k] & 0xc0) == 0x80 ? i : i - k;
}

/*
 * Length of the chunk of s[0, len) to lay out next: up to the last ASCII
 * space in the second half of LAY_CHUNK bytes; failing that (a word of
 * over LAY_CHUNK / 2 bytes, text without spaces), up to the last
 * grapheme cluster boundary there, so no cluster is cut; failing that
 * (one cluster of LAY_CHUNK / 2 bytes: marks piled on a letter), at a
 * code point.
 */
size_t
lay_para_chunk_len(const char *s, size_t len)
{
	const uint8_t *u = (const uint8_t *)s, *g, *next;
	size_t n = LAY_CHUNK, k;

	if (len <= LAY_CHUNK)
		return len;
	if (len - n < LAY_CHUNK / 4)	/* no tiny last chunk */
		n = len - LAY_CHUNK / 4;
	for (k = n; k > n / 2; k--)
		if (s[k - 1] == ' ')
			return k;
	n = lay_lead_byte(u, n);
	/* Clusters from the middle on (a boundary there is taken as given:
	 * the rules look back only within a cluster). */
	for (g = u + lay_lead_byte(u, n / 2), k = 0; g < u + n; g = next) {
		next = u8_grapheme_next(g, u + len);
		if (next == NULL || next > u + n)
			break;
		k = (size_t)(next - u);
	}
	return k > n / 2 ? k : n;
}

void
lay_para_part(struct lay *out, struct text_para *p, const struct text_opts *o,
    const char *s, size_t off, size_t n, uint32_t base, int dir,
    const struct lay_style *st)
{
	struct lay_style inner;
	struct lay_sweep sw = { st, 0 };
	size_t from = out->nlines, i;
	int margin = st->margin;

	if (margin > 0) {	/* lay out beside the margin, then shift */
		if (margin > st->width - 2)	/* room for a wide cluster */
			margin = st->width > 2 ? st->width - 2 : 0;
		inner = *st;
		inner.width = st->width - margin;
		inner.margin = 0;
		sw.st = &inner;
	}
	lay_para_chunk(out, p, o, s + off, n, base + (uint32_t)off, &sw,
	    off == 0, dir);
	for (i = from; margin > 0 && i < out->nlines; i++) {
		out->lines[i].indent += (uint16_t)margin;
		out->lines[i].width += (uint16_t)margin;
	}
}

void
lay_para(struct lay *out, struct text_para *p, const struct text_opts *o,
    const char *s, size_t len, uint32_t base, const struct lay_style *st)
{
	size_t off = 0, n;
	int dir = len > LAY_CHUNK ? text_direction(s, len) : LAY_DIR_OWN;

	do {
		n = lay_para_chunk_len(s + off, len - off);
		lay_para_part(out, p, o, s, off, n, base, dir, st);
		off += n;
	} while (off < len);
}

int
lay_label(struct lay *out, struct text_para *p, const struct text_opts *o,
    const char *s, int width, uint16_t attr)
{
	const struct text_cluster *c;
	struct lay_line *ln;
	uint32_t *order;
	size_t e, k;
	int col = 0, cw;

	text_para_prepare(p, o, s, strlen(s), 0);
	ln = lay_line_add(out, LAY_NOSRC);
	for (e = 0; e < p->ncl; e++) {
		cw = lay_cluster_width(&p->cl[e], col);
		if (col + cw > width)
			break;
		col += cw;
	}
	order = text_para_tmp(p, e);
	text_para_visual(p, 0, e, order);
	col = 0;
	for (k = 0; k < e; k++) {
		c = &p->cl[order[k]];
		if (c->flags & TEXT_CL_TAB) {
			/* Generated text: a tab is one blank cell. */
			lay_glyph_add(out, " ", 1, 1, LAY_NOSRC, attr);
		} else if (c->drawlen > 0 || c->width > 0)
			lay_glyph_add(out, p->draw + c->draw, c->drawlen,
			    c->width, LAY_NOSRC, attr);
	}
	ln = &out->lines[out->nlines - 1];
	return ln->width;
}

int
lay_label_wrap(struct lay *out, struct text_para *p, const struct text_opts *o,
    const char *s, int width, int hang, uint16_t attr)
{
	struct lay_style st;
	size_t from = out->nlines, k;

	memset(&st, 0, sizeof st);
	st.width = width < 1 ? 1 : width;
	st.indent_rest = hang;
	st.align = LAY_ALIGN_LEFT;
	st.attr = attr;
	lay_para(out, p, o, s, strlen(s), 0, &st);
	/* Generated: no line or glyph stands for document text. */
	for (k = from; k < out->nlines; k++)
		out->lines[k].src = LAY_NOSRC;
	for (k = out->lines[from].first; k < out->nglyphs; k++)
		out->glyphs[k].src = LAY_NOSRC;
	return (int)(out->nlines - from);
}

void
lay_new_line(struct lay *out)
{
	lay_line_add(out, LAY_NOSRC);
}

void
lay_append_space(struct lay *out, int n, uint16_t attr)
{
	struct lay_line *ln = lay_last_line(out);
	char buf[255];
	int k;

	if (n <= 0)
		return;
	if (ln->n == 0 && attr == 0) {
		ln->indent += n;
		ln->width += n;
		return;
	}
	memset(buf, ' ', sizeof buf);
	while (n > 0) {
		k = n > (int)sizeof buf ? (int)sizeof buf : n;
		lay_glyph_add(out, buf, k, k, LAY_NOSRC, attr);
		n -= k;
	}
}

void
lay_append_glyphs(struct lay *out, const struct lay *src, size_t line)
{
	const struct lay_line *sl = &src->lines[line];
	const struct lay_glyph *first, *last;
	struct lay_glyph *g;
	struct lay_line *ln = lay_last_line(out);
	uint32_t k, from, tlen;

	if (ln->src == LAY_NOSRC)
		ln->src = sl->src;
	lay_append_space(out, sl->indent, 0);
	if (sl->n == 0)
		return;
	/* The line's text is one piece (layout.h): one copy. */
	first = &src->glyphs[sl->first];
	last = &src->glyphs[sl->first + sl->n - 1];
	from = first->text;
	tlen = last->text + last->len - from;
	if (out->nglyphs + sl->n > out->glyphcap)
		out->glyphs = xgrow(out->glyphs, &out->glyphcap,
		    out->nglyphs + sl->n, sizeof *out->glyphs);
	if (out->textlen + tlen + 1 > out->textcap)
		out->text = xgrow(out->text, &out->textcap,
		    out->textlen + tlen + 1, 1);
	memcpy(out->text + out->textlen, src->text + from, tlen);
	for (k = 0; k < sl->n; k++) {
		g = &out->glyphs[out->nglyphs++];
		*g = src->glyphs[sl->first + k];
		g->text = g->text - from + out->textlen;
		ln->n++;
		ln->width += g->width;
	}
	out->textlen += tlen;
	out->text[out->textlen] = '\0';
}

void
lay_append_text(struct lay *out, const char *s, int width, uint16_t attr)
{
	size_t len = strlen(s);

	if (len > 255) {
		/* Cut at a character boundary. */
		len = 255;
		while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
	}
	lay_glyph_add(out, s, len, width, LAY_NOSRC, attr);
}

/*
 * layout_plain.c: lay_plain, the fast path of paragraph layout for plain
 * text (every character is its own cluster of one cell drawn as itself,
 * no bidi: text_plain_cell), which is most of a Latin-script thread.
 *
 * It fills lines straight from the bytes, with lay_fill's rules (greedy;
 * white space hangs; a word wider than the line is split), and asks for
 * line-break opportunities only near each line's end: UAX #14 as
 * libunistring implements it reads left to right and carries its state
 * in the last character's class and a few flags, all of which an ASCII
 * letter resets. So at an "anchor", an ASCII letter after a space after
 * an ASCII letter or digit, (1) there is a break opportunity (LB18: after
 * spaces; no rule forbids it after a letter or digit), and (2) the
 * answers for every later position are those of the text cut at the
 * anchor. A line's last opportunity is therefore found by running the
 * breaker on a window from the last anchor on the line (or, if there is
 * none, the last one before it, or the start of the text) to a little
 * past where the line overflows. The same answers as the full path (its
 * u8_possible_linebreaks over the whole text) are checked by
 * test_perf_paths on random text and whole documents.
 *
 * When no anchor comes within LAY_PLAIN_WIN bytes of a line's end (one
 * long "word", numbers, words that start with accents), the breaks of
 * the whole text are found once, as the full path finds them, and used
 * from then on. When a character is not plain, lay_plain takes back what
 * it appended and the full path runs.
 *
 * Memory: the glyphs and text of the lines; the window is on the stack;
 * the whole text's breaks, when needed, in the text_para's tmp.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "gloss/layout.h"
#include "gloss/xmalloc.h"
#include "layout-private.h"

#define LAY_PLAIN_WIN	512	/* bytes of a break window at most */
#define LAY_PLAIN_AHEAD	16	/* bytes a window goes past the overflow */

static int
lay_ascii_letter(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int
lay_ascii_alnum(unsigned char c)
{
	return lay_ascii_letter(c) || (c >= '0' && c <= '9');
}

/* Whether s[i] is an anchor (see above). */
static int
lay_plain_anchor(const unsigned char *u, size_t i)
{
	unsigned char c;

	if (i < 2 || u[i - 1] != ' ' || !lay_ascii_letter(u[i]))
		return 0;
	c = u[i - 2];
	return lay_ascii_alnum(c);
}

/*
 * Fill a line that starts at s[i] with avail cells (>= 1): *j gets the
 * first character that does not fit (len if all do). Every character is
 * one cell, so that is the first one that is not white space from the
 * one in column avail + 1 on (spaces before it hang). Returns 0 if a
 * character up to there is not plain.
 */
static int
lay_plain_fill(struct text_para *p, const struct text_opts *o,
    const char *s, size_t len, size_t i, int avail, size_t *j)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t pos = i, k;
	int need = avail + 1, space;

	for (; pos < len; pos += k) {
		if (u[pos] >= 0x20 && u[pos] < 0x7f) {
			k = 1;
			space = u[pos] == ' ';
		} else if ((k = text_plain_cell(p, o, s + pos, len - pos,
		    &space)) == 0)
			return 0;
		if (need > 1)
			need--;
		else if (!space)
			break;
	}
	*j = pos;
	return 1;
}

/*
 * Bytes of the white-space character that ends s[from, end), or 0: a
 * space, or one of U+2000..U+200A but U+2007 (the only other white space
 * plain text has).
 */
static size_t
lay_plain_space_before(const unsigned char *u, size_t from, size_t end)
{
	if (end > from && u[end - 1] == ' ')
		return 1;
	if (end >= from + 3 && u[end - 3] == 0xe2 && u[end - 2] == 0x80 &&
	    u[end - 1] >= 0x80 && u[end - 1] <= 0x8a && u[end - 1] != 0x87)
		return 3;
	return 0;
}

/*
 * If every glyph of g[0, n) (a line, in source order) gets the same
 * attributes from the ranges (none overlaps the line, or those that do
 * cover all of it), set them and return 1; else return 0.
 */
static int
lay_plain_line_attr(struct lay_sweep *sw, struct lay_glyph *g, uint32_t n)
{
	const struct lay_style *st = sw->st;
	const struct lay_range *r;
	uint32_t ls = g[0].src, le = g[n - 1].src + g[n - 1].len, q;
	uint16_t attr = st->attr;
	size_t k;

	while (sw->lo < st->nranges && st->ranges[sw->lo].end <= ls)
		sw->lo++;
	for (k = sw->lo; k < st->nranges && st->ranges[k].start < le; k++) {
		r = &st->ranges[k];
		if (r->end <= ls)
			continue;
		if (r->start > ls || r->end < le)
			return 0;
		attr |= r->attr;
	}
	for (q = 0; q < n; q++)
		g[q].attr = attr;
	return 1;
}

/* Append the line of the plain characters s[i, ce) with indent ind. */
static void
lay_plain_emit(struct lay *out, const char *s, size_t i, size_t ce,
    uint32_t base, int ind, struct lay_sweep *sw)
{
	const struct lay_style *st = sw->st;
	const unsigned char *u = (const unsigned char *)s;
	struct lay_line *ln;
	struct lay_glyph *g;
	size_t q, k, t0;
	uint32_t n = 0;

	ln = lay_line_add(out, base + (uint32_t)i);
	if (out->nglyphs + (ce - i) > out->glyphcap)
		out->glyphs = xgrow(out->glyphs, &out->glyphcap,
		    out->nglyphs + (ce - i), sizeof *out->glyphs);
	if (out->textlen + (ce - i) + 1 > out->textcap)
		out->text = xgrow(out->text, &out->textcap,
		    out->textlen + (ce - i) + 1, 1);
	t0 = out->textlen;
	memcpy(out->text + t0, s + i, ce - i);
	g = out->glyphs + out->nglyphs;
	for (q = i; q < ce; q += k) {
		k = u[q] < 0x80 ? 1 : u[q] < 0xe0 ? 2 : 3;
		g[n].src = base + (uint32_t)q;
		g[n].text = (uint32_t)(t0 + (q - i));
		g[n].len = (uint8_t)k;
		g[n].width = 1;
		g[n].attr = st->attr;
		n++;
	}
	if (st->nranges > 0 && !lay_plain_line_attr(sw, g, n))
		for (q = 0; q < n; q++)
			g[q].attr = lay_sweep_attr(sw, g[q].src, g[q].len);
	out->nglyphs += n;
	out->textlen = t0 + (ce - i);
	out->text[out->textlen] = '\0';
	ln->n = n;
	ln->indent = (uint16_t)ind;
	ln->width = (uint16_t)(ind + n);
}

/* Where the break opportunities of one lay_plain call come from. */
struct lay_plain_brk {
	struct text_para *p;	/* its tmp holds all, once needed */
	const char *s;
	size_t len;
	size_t a;		/* an anchor at or before the line, or 0 */
	const char *all;	/* TEXT_BREAK_* of all of s, or NULL */
};

/*
 * The last break opportunity in (i, j] of the text, where j is a
 * character that does not fit; la: the last anchor in (i, j], or 0 if
 * there is none. Returns 0 if there is no opportunity.
 */
static size_t
lay_plain_last_break(struct lay_plain_brk *b, size_t i, size_t j, size_t la)
{
	const unsigned char *u = (const unsigned char *)b->s;
	char brk[LAY_PLAIN_WIN];
	size_t e, q;

	if (la == j)
		return j;
	if (la > 0) {
		b->a = la;
		/* One word of ASCII letters and digits from the anchor on:
		 * no opportunity inside (LB23, LB25, LB28), so the anchor. */
		for (q = la + 1; q <= j && lay_ascii_alnum(u[q]); q++)
			;
		if (q > j)
			return la;
	}
	e = j + LAY_PLAIN_AHEAD < b->len ? j + LAY_PLAIN_AHEAD : b->len;
	while (e < b->len && (u[e] & 0xc0) == 0x80)
		e++;
	if (b->all == NULL && e - b->a > sizeof brk) {
		/* No anchor near: the whole text once, as the full path. */
		b->all = (const char *)text_para_tmp(b->p, b->len / 4 + 1);
		text_linebreaks_utf8(b->s, b->len, (char *)b->all);
	}
	if (b->all != NULL) {
		for (q = j; q > i; q--)
			if (b->all[q] == TEXT_BREAK_ALLOWED)
				return q;
		return 0;
	}
	text_linebreaks_utf8(b->s + b->a, e - b->a, brk);
	for (q = j; q > i && q > b->a; q--)
		if (brk[q - b->a] == TEXT_BREAK_ALLOWED)
			return q;
	return la;
}

int
lay_plain(struct lay *out, struct text_para *p, const struct text_opts *o,
    const char *s, size_t len, uint32_t base, struct lay_sweep *sw,
    int first)
{
	const struct lay_style *st = sw->st;
	const unsigned char *u = (const unsigned char *)s;
	size_t nlines = out->nlines, nglyphs = out->nglyphs;
	size_t textlen = out->textlen, sweep = sw->lo;
	struct lay_plain_brk b = { p, s, len, 0, NULL };
	size_t i = 0, j, end, ce, la, sp;
	int width = st->width < 1 ? 1 : st->width, ind, avail;

	if (len == 0 || o->slow)
		return 0;
	while (i < len) {
		ind = i == 0 && first ? st->indent_first : st->indent_rest;
		if (ind > width - 1)
			ind = width - 1;
		if (ind < 0)
			ind = 0;
		avail = width - ind;
		if (!lay_plain_fill(p, o, s, len, i, avail, &j))
			goto full;
		if (j >= len)
			end = len;
		else {
			for (la = j; la > i && !lay_plain_anchor(u, la); la--)
				;
			if (la == i)
				la = 0;		/* no anchor on the line */
			end = lay_plain_last_break(&b, i, j, la);
			if (end == 0)
				end = j;
		}
		for (ce = end; (sp = lay_plain_space_before(u, i, ce)) > 0;
		    ce -= sp)
			;
		if (ce == i)
			lay_line_add(out, base + (uint32_t)i);
		else
			lay_plain_emit(out, s, i, ce, base, ind, sw);
		i = end;
	}
	return 1;
full:
	out->nlines = nlines;
	out->nglyphs = nglyphs;
	out->textlen = textlen;
	if (out->text != NULL)
		out->text[textlen] = '\0';
	sw->lo = sweep;
	return 0;
}

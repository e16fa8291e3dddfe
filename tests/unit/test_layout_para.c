/*
 * test_layout_para.c: lay_para and the row helpers. Named cases (wrap,
 * hanging spaces, long words, wide characters at the edge, tabs, indents,
 * width 1, empty paragraphs, RTL alignment, attributes, labels), the
 * ASCII fast path against the general path, and a property test over
 * random mixed-script paragraphs at every width from 1 to 120.
 * Paragraphs longer than LAY_CHUNK: laid out in chunks with bounded
 * scratch, no byte lost, split or repeated, every line within the width.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/layout.h"
#include "gloss/xmalloc.h"
#include "../tap.h"

static struct text_opts opts;
static struct text_para tp;

/* Line i of l as text (indent as spaces). */
static char *
line_text(const struct lay *l, size_t i)
{
	const struct lay_line *ln = &l->lines[i];
	const struct lay_glyph *g;
	char *s = xmalloc(ln->indent + l->textlen + 1);
	size_t n = 0, k;

	memset(s, ' ', ln->indent);
	n = ln->indent;
	for (k = 0; k < ln->n; k++) {
		g = &l->glyphs[ln->first + k];
		memcpy(s + n, l->text + g->text, g->len);
		n += g->len;
	}
	s[n] = '\0';
	return s;
}

static void
lay_str(struct lay *l, const char *s, int width, int ind1, int ind2)
{
	struct lay_style st;

	memset(&st, 0, sizeof st);
	st.width = width;
	st.indent_first = ind1;
	st.indent_rest = ind2;
	lay_clear(l);
	lay_para(l, &tp, &opts, s, strlen(s), 1000, &st);
}

static void
is_line(const struct lay *l, size_t i, const char *want, const char *what)
{
	char *s;

	if (i >= l->nlines) {
		ok(0, "%s: line %zu missing", what, i);
		return;
	}
	s = line_text(l, i);
	is_str(s, want, "%s", what);
	free(s);
}

static void
test_named(void)
{
	struct lay l;
	struct lay_style st;
	struct lay_range r[2];
	const char *ar = "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8 \xd9\x85\xd8\xa7";
	int w;

	lay_init(&l);
	lay_str(&l, "aaa bbb ccc", 7, 0, 0);
	is_int(l.nlines, 2, "wrap: 2 lines");
	is_line(&l, 0, "aaa bbb", "wrap: first line");
	is_line(&l, 1, "ccc", "wrap: second line");
	ok(l.lines[1].src == 1008, "line src is its first cluster");

	lay_str(&l, "aaa     bbb", 5, 0, 0);
	is_line(&l, 0, "aaa", "spaces hang at line end");
	ok(l.lines[0].width == 3, "hanging spaces not counted");
	is_line(&l, 1, "bbb", "next line starts after hanging spaces");

	lay_str(&l, "abcdefghij", 4, 0, 0);
	is_int(l.nlines, 3, "long word split");
	is_line(&l, 2, "ij", "long word: last piece");

	lay_str(&l, "a\xe4\xb8\xad\xe6\x96\x87", 2, 0, 0);
	is_line(&l, 0, "a", "wide char never straddles the edge");
	is_line(&l, 1, "\xe4\xb8\xad", "wide char on the next line");

	lay_str(&l, "\xe4\xb8\xad" "b", 1, 0, 0);
	is_line(&l, 0, "?", "width 1: wide char as a 1-cell placeholder");
	ok(l.lines[0].width == 1, "width 1: line width 1");

	lay_str(&l, "a\tbc\td", 40, 0, 0);
	is_line(&l, 0, "a       bc      d", "tabs to multiples of 8");
	ok(l.glyphs[1].width == 7 && l.glyphs[4].width == 6, "tab widths");
	lay_str(&l, "a\tb", 40, 3, 0);
	is_line(&l, 0, "   a       b", "tab stops count from the text, not "
	    "the indent");

	lay_str(&l, "aa bb cc dd", 6, 2, 4);
	is_line(&l, 0, "  aa", "indent_first");
	is_line(&l, 1, "    bb", "indent_rest");

	lay_str(&l, "abc", 3, 10, 10);
	is_line(&l, 0, "  a", "indent reduced so one cluster fits");
	lay_str(&l, "\xe4\xb8\xad", 3, 2, 2);
	is_line(&l, 0, " \xe4\xb8\xad", "indent reduced for a wide cluster");

	lay_str(&l, "", 10, 2, 2);
	ok(l.nlines == 1 && l.lines[0].n == 0 && l.lines[0].src == 1000,
	    "empty paragraph: one empty line");

	lay_str(&l, "line\none", 20, 0, 0);
	is_int(l.nlines, 2, "a newline is shown and breaks the line");
	is_line(&l, 0, "line\xe2\x90\x8a", "newline as a control picture");

	lay_str(&l, ar, 20, 0, 0);
	ok(l.nlines == 1 && l.lines[0].indent == 20 - 7 &&
	    l.lines[0].width == 20, "RTL paragraph right-aligned");
	/* Two words, narrow: lines in logical order, each reversed. */
	lay_str(&l, ar, 5, 0, 0);
	ok(l.nlines == 2 && l.lines[0].src == 1000 && l.lines[1].src == 1009,
	    "RTL wrap: first line holds the first word");
	ok(l.lines[0].n == 4 && l.glyphs[l.lines[0].first + 3].src == 1000 &&
	    l.glyphs[l.lines[0].first].src == 1006,
	    "RTL wrap: first logical letter is rightmost");
	ok(l.lines[0].indent == 1 && l.lines[1].indent == 3,
	    "RTL wrap: each line right-aligned");
	{
		struct text_opts t = opts;

		t.bidi = TEXT_BIDI_TERMINAL;
		lay_clear(&l);
		lay_para(&l, &tp, &t, ar, strlen(ar), 1000,
		    &(struct lay_style){ .width = 20 });
		ok(l.lines[0].indent == 0 && l.glyphs[0].src == 1000,
		    "terminal mode: logical order, left-aligned");
	}

	/* A margin stays on the left in both directions; indents mirror. */
	memset(&st, 0, sizeof st);
	st.width = 7;
	st.margin = 2;
	lay_clear(&l);
	lay_para(&l, &tp, &opts, ar, strlen(ar), 1000, &st);
	ok(l.nlines == 2 && l.lines[0].indent == 2 + 5 - 4 &&
	    l.lines[1].indent == 2 + 5 - 2 && l.lines[0].width == 7,
	    "RTL with a margin: right-aligned in the cells after it");
	st.width = 20;
	lay_clear(&l);
	lay_para(&l, &tp, &opts, "abc", 3, 0, &st);
	ok(l.lines[0].indent == 2 && l.lines[0].width == 5,
	    "LTR with a margin: the margin is the indent");
	st.width = 3;
	lay_clear(&l);
	lay_para(&l, &tp, &opts, "\xe4\xb8\xad\xe6\x96\x87", 6, 0, &st);
	ok(l.nlines == 2 && l.lines[0].indent == 1 && l.lines[0].width == 3 &&
	    l.glyphs[0].width == 2,
	    "a margin as wide as the line leaves room for a wide character");

	memset(&st, 0, sizeof st);
	st.width = 20;
	st.align = LAY_ALIGN_LEFT;
	lay_clear(&l);
	lay_para(&l, &tp, &opts, ar, strlen(ar), 0, &st);
	ok(l.lines[0].indent == 0 && l.lines[0].width == 7,
	    "LAY_ALIGN_LEFT: RTL paragraph left-aligned");

	st.align = LAY_ALIGN_START;
	st.attr = LAY_QUOTED;
	r[0].start = 102;
	r[0].end = 104;
	r[0].attr = LAY_MATCH;
	r[1].start = 103;
	r[1].end = 110;
	r[1].attr = LAY_INSERTION;
	st.ranges = r;
	st.nranges = 2;
	lay_clear(&l);
	lay_para(&l, &tp, &opts, "abcdef", 6, 100, &st);
	ok(l.glyphs[0].attr == LAY_QUOTED &&
	    l.glyphs[2].attr == (LAY_QUOTED | LAY_MATCH) &&
	    l.glyphs[3].attr == (LAY_QUOTED | LAY_MATCH | LAY_INSERTION) &&
	    l.glyphs[4].attr == (LAY_QUOTED | LAY_INSERTION),
	    "attributes from style and ranges");

	lay_clear(&l);
	w = lay_label(&l, &tp, &opts, "Comment \xe4\xb8\xad 12", 10, LAY_HEADING);
	ok(w == 10 && l.nlines == 1, "label cropped at a cluster boundary");
	is_line(&l, 0, "Comment \xe4\xb8\xad", "label text");
	ok(l.glyphs[0].src == LAY_NOSRC && l.glyphs[0].attr == LAY_HEADING,
	    "label glyphs: no src, attr");

	/* Wrapped: filled like a paragraph, the rest hanging, nothing lost. */
	lay_clear(&l);
	w = lay_label_wrap(&l, &tp, &opts,
	    "\xc2\xb6" "12 quoted by #1 #22 #333", 12, LAY_HANG, LAY_MARK);
	ok(w == 3 && l.nlines == 3, "wrapped label: 3 lines (%d)", w);
	is_line(&l, 0, "\xc2\xb6" "12 quoted", "wrapped label: line 1");
	is_line(&l, 1, "  by #1 #22", "wrapped label: hanging line 2");
	is_line(&l, 2, "  #333", "wrapped label: hanging line 3");
	{
		size_t k;
		int nosrc = 1;

		for (k = 0; k < l.nlines; k++)
			nosrc &= l.lines[k].src == LAY_NOSRC &&
			    l.lines[k].width <= 12;
		for (k = 0; k < l.nglyphs; k++)
			nosrc &= l.glyphs[k].src == LAY_NOSRC &&
			    l.glyphs[k].attr == LAY_MARK;
		ok(nosrc, "wrapped label: no src, attr, within the width");
	}
	lay_clear(&l);
	w = lay_label_wrap(&l, &tp, &opts, "Comment \xe4\xb8\xad 12", 80,
	    LAY_HANG, LAY_HEADING);
	ok(w == 1, "wrapped label that fits: one line");
	is_line(&l, 0, "Comment \xe4\xb8\xad 12",
	    "wrapped label that fits: text");

	lay_clear(&l);
	lay_new_line(&l);
	lay_append_space(&l, 2, 0);
	lay_append_text(&l, "12", 2, LAY_GUTTER);
	lay_append_space(&l, 1, 0);
	{
		struct lay col;

		lay_init(&col);
		lay_para(&col, &tp, &opts, ar, strlen(ar), 0,
		    &(struct lay_style){ .width = 10 });
		lay_append_glyphs(&l, &col, 0);
		lay_free(&col);
	}
	ok(l.nlines == 1 && l.lines[0].width == 2 + 2 + 1 + 10,
	    "row composed of space, text and a right-aligned column");
	lay_free(&l);
}

/*
 * A soft hyphen draws nothing inside a line; a line broken after it ends
 * with "-", and that break is taken only where the hyphen fits.
 */
static void
test_soft_hyphen(void)
{
	struct lay l;
	const char *s =
	    "A soft hyphen super\xc2\xad" "califragilistic and word.";

	lay_init(&l);
	lay_str(&l, s, 80, 0, 0);
	is_line(&l, 0, "A soft hyphen supercalifragilistic and word.",
	    "soft hyphen inside a line: nothing drawn");
	lay_str(&l, s, 20, 0, 0);
	is_line(&l, 0, "A soft hyphen super-", "break after it: a hyphen");
	is_line(&l, 1, "califragilistic and", "then the rest of the word");
	ok(l.lines[0].width == 20, "the hyphen counts one cell");
	ok(l.glyphs[l.lines[0].first + l.lines[0].n - 1].src == 1000 + 19,
	    "the hyphen's source is the soft hyphen");
	lay_str(&l, s, 19, 0, 0);
	is_line(&l, 0, "A soft hyphen",
	    "no room for the hyphen: no break there");
	is_line(&l, 1, "super-", "the next line breaks at it");
	lay_str(&l, "super\xc2\xad" "califragilistic", 5, 0, 0);
	is_line(&l, 0, "super", "width 5: no room for the hyphen");
	is_line(&l, 1, "calif", "the word is split instead");
	lay_str(&l, "ab\xc2\xad", 40, 0, 0);
	is_line(&l, 0, "ab", "at the end of the paragraph: no hyphen");
	lay_str(&l, "ab\xc2\xad\xe2\x80\xa8" "cd", 40, 0, 0);
	is_line(&l, 0, "ab", "before a mandatory break (U+2028): no hyphen");
	is_line(&l, 1, "cd", "U+2028 breaks the line and draws nothing");
	lay_free(&l);
}

/* Fast path: identical clusters and drawn text with and without it. */
static void
test_fastpath(void)
{
	struct text_para a, b;
	char s[200];
	uint32_t bdraw[200];
	size_t i, k, n, cases = 0, bad = 0;
	unsigned long long x = 12345;
	const char pool[] = "ab Z9.,;:!?-()[]{}\"'/\\\t  $%&*+=<>#@_~^`|";

	text_para_init(&a);
	text_para_init(&b);
	for (i = 0; i < 3000; i++) {
		n = i % 120;
		for (k = 0; k < n; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			s[k] = pool[x % (sizeof pool - 1)];
		}
		text_para_prepare(&a, &opts, s, n, 7);
		text_para_prepare_ex(&b, &opts, s, n, 7, TEXT_PREP_SLOW);
		cases++;
		if (a.ncl != b.ncl) {
			bad++;
			continue;
		}
		for (k = 0; k < b.ncl; k++)
			bdraw[k] = b.cl[k].draw;
		for (k = 0; k < a.ncl; k++) {
			/* All but the draw offset, an index into draw. */
			b.cl[k].draw = a.cl[k].draw;
			if (memcmp(&a.cl[k], &b.cl[k], sizeof a.cl[k]) != 0 ||
			    memcmp(a.draw + a.cl[k].draw, b.draw + bdraw[k],
			    a.cl[k].drawlen) != 0) {
				if (bad++ < 3)
					diag("fast path differs at %zu in '%.*s'",
					    k, (int)n, s);
				break;
			}
		}
	}
	diag("fast path: %zu ASCII paragraphs compared", cases);
	is_int(bad, 0, "ASCII fast path gives the same clusters as the "
	    "general path");
	text_para_free(&a);
	text_para_free(&b);
}

/* ---- Property test ---- */

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const pieces[] = {
	"word", "Latin", "na\xc3\xafve", "e\xcc\x81t\xc3\xa9", "x", "longerwordthanmost",
	" ", " ", " ", "  ", "\t", ", ", ". ", "(", ")", "-",
	"\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8",		/* kitab */
	"\xd8\xa8\xd9\x8e\xd9\x8a\xd9\x92\xd8\xaa\xd9\x8c",	/* bayt with harakat */
	"\xd9\x84\xd8\xa7", "\xd8\xa7\xd9\x84\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85",
	"\xd9\xa1\xd9\xa2", "123",
	"\xe4\xb8\xad\xe6\x96\x87", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
	"\xe3\x80\x82", "\xe3\x80\x80",
	"\xe2\x9d\xa4\xef\xb8\x8f", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",
	"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
	"\xf0\x9f\x87\xab\xf0\x9f\x87\xb7", "\xf0\x9f\x98\x80",
	"\x01", "\x1b[2J", "\x7f", "\r", "\n", "\x07", "\xc2\x85", "\xc2\x9b",
	"\x80", "\xff", "\xe2\x82", "\xf0\x9f",
	"\xe2\x80\xae", "\xe2\x80\xac", "\xe2\x81\xa7", "\xe2\x81\xa9",
	"\xe2\x80\x8f", "\xef\xbb\xbf", "\xc2\xad", "\xcc\x88",
	"\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7\xe0\xa4\xbf",	/* kshi */
	"\xe4\xb7\x80", "\xd8\x80" "5", "\xc2\xa0", "\xc2\xb1",
};

struct prop_stats {
	size_t cases, lines, fail_width, fail_sum, fail_cover, fail_order;
};

/*
 * Check one layout against the prepared paragraph q (same input, own
 * text_para): widths, glyph sums, and that the glyphs, sorted by source,
 * are exactly the drawn clusters minus spaces that hang at a line end.
 */
static void
prop_check(const struct lay *l, size_t l0, const struct text_para *q,
    int width, struct prop_stats *ps, int *seen, int *lineof)
{
	const struct lay_line *ln;
	const struct lay_glyph *g;
	const struct text_cluster *c;
	size_t i, k, ci, next;
	int sum, bad = 0;
	uint32_t prevmax = 0;

	for (ci = 0; ci < q->ncl; ci++)
		seen[ci] = lineof[ci] = -1;
	for (i = l0; i < l->nlines; i++) {
		ln = &l->lines[i];
		ps->lines++;
		if (ln->width > width)
			ps->fail_width++;
		sum = ln->indent;
		for (k = 0; k < ln->n; k++) {
			g = &l->glyphs[ln->first + k];
			sum += g->width;
			/* Find the cluster (binary search on src). */
			size_t lo = 0, hi = q->ncl;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (q->cl[mid].src < g->src)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo >= q->ncl || q->cl[lo].src != g->src ||
			    seen[lo] >= 0) {
				bad = 1;
				continue;
			}
			c = &q->cl[lo];
			seen[lo] = (int)i;
			if (c->flags & TEXT_CL_TAB) {
				if (g->width < 1 || g->width > 8)
					bad = 1;
			} else if (c->width > width) {
				if (g->len != 1 || l->text[g->text] != '?' ||
				    g->width != 1)
					bad = 1;
			} else if ((c->flags & TEXT_CL_SHY) && g->len == 1) {
				/* A soft hyphen at a break: "-", checked below. */
				if (l->text[g->text] != '-' || g->width != 1)
					bad = 1;
				lineof[lo] = -2;
			} else if (g->len != c->drawlen ||
			    memcmp(l->text + g->text, q->draw + c->draw,
			    g->len) != 0 || g->width != c->width)
				bad = 1;
			if (i > l0 && g->src < prevmax)
				ps->fail_order++;
		}
		for (k = 0; k < ln->n; k++) {
			g = &l->glyphs[ln->first + k];
			if (g->src > prevmax)
				prevmax = g->src;
		}
		if (sum != ln->width)
			ps->fail_sum++;
	}
	/* Missing clusters: nothing drawn, or spaces hanging at a line end. */
	for (ci = 0; ci < q->ncl; ci++) {
		c = &q->cl[ci];
		/* A drawn soft hyphen ends its line, and text follows. */
		if (lineof[ci] == -2 && (ci + 1 >= q->ncl ||
		    seen[ci + 1] == seen[ci]))
			bad = 1;
		if (seen[ci] >= 0 || (c->drawlen == 0 &&
		    !(c->flags & TEXT_CL_TAB)))
			continue;
		if (!(c->flags & TEXT_CL_SPACE)) {
			bad = 1;
			continue;
		}
		/* The next drawn cluster after a hung space starts a line. */
		for (next = ci + 1; next < q->ncl && seen[next] < 0; next++)
			;
		if (next < q->ncl && ci > 0) {
			size_t prev;
			for (prev = ci; prev > 0 && seen[prev - 1] < 0; prev--)
				;
			if (prev > 0 && seen[prev - 1] == seen[next])
				bad = 1;
		}
	}
	if (bad)
		ps->fail_cover++;
}

static void
test_property(void)
{
	struct lay l;
	struct lay_style st;
	struct text_para q;
	struct prop_stats ps;
	char buf[2048];
	size_t len, np, k;
	int width, *seen, *lineof;
	const char *pc;

	memset(&ps, 0, sizeof ps);
	lay_init(&l);
	text_para_init(&q);
	seen = xcalloc(sizeof buf, sizeof *seen);
	lineof = xcalloc(sizeof buf, sizeof *lineof);
	for (np = 0; np < 900; np++) {
		len = 0;
		k = rnd(60);
		while (k-- > 0) {
			pc = pieces[rnd(sizeof pieces / sizeof pieces[0])];
			if (len + strlen(pc) >= sizeof buf)
				break;
			memcpy(buf + len, pc, strlen(pc));
			len += strlen(pc);
		}
		text_para_prepare(&q, &opts, buf, len, 50);
		for (width = 1; width <= 120; width++) {
			memset(&st, 0, sizeof st);
			st.width = width;
			st.indent_first = rnd(4) == 0 ? (int)rnd(12) : 0;
			st.indent_rest = rnd(4) == 0 ? (int)rnd(12) : 0;
			st.align = rnd(2);
			lay_clear(&l);
			lay_para(&l, &tp, &opts, buf, len, 50, &st);
			ps.cases++;
			prop_check(&l, 0, &q, width, &ps, seen, lineof);
		}
	}
	diag("property: %zu layouts, %zu lines; failures: width %zu, "
	    "sum %zu, cover %zu, order %zu", ps.cases, ps.lines,
	    ps.fail_width, ps.fail_sum, ps.fail_cover, ps.fail_order);
	ok(ps.cases >= 100000, "property: at least 100,000 cases");
	is_int(ps.fail_width, 0, "property: no line wider than the width");
	is_int(ps.fail_sum, 0, "property: glyph widths + indent = line width");
	is_int(ps.fail_cover, 0, "property: lines reproduce the paragraph "
	    "(minus hanging spaces), no cluster split");
	is_int(ps.fail_order, 0, "property: lines follow in logical order");
	free(seen);
	free(lineof);
	text_para_free(&q);
	lay_free(&l);
}

/* Every byte of s except spaces, in order: what the lines must show. */
static char *
no_spaces(const char *s, size_t len, size_t *n)
{
	char *o = xmalloc(len + 1);
	size_t i;

	*n = 0;
	for (i = 0; i < len; i++)
		if (s[i] != ' ')
			o[(*n)++] = s[i];
	o[*n] = '\0';
	return o;
}

static void
check_chunked(const char *what, const char *s, size_t len, int width)
{
	struct lay_style st;
	struct lay l;
	char *want, *got;
	size_t nwant, ngot = 0, i, k, wide = 0, badind = 0, back = 0;
	uint32_t last = 0;
	const struct lay_glyph *g;

	memset(&st, 0, sizeof st);
	st.width = width;
	st.indent_first = 4;
	st.indent_rest = 2;
	lay_init(&l);
	text_para_free(&tp);
	text_para_init(&tp);
	lay_para(&l, &tp, &opts, s, len, 0, &st);
	ok(tp.clcap <= 2 * (size_t)LAY_CHUNK, "%s: scratch stays O(LAY_CHUNK) "
	    "(%zu clusters for %zu bytes)", what, tp.clcap, len);
	want = no_spaces(s, len, &nwant);
	got = xmalloc(l.textlen + 1);
	for (i = 0; i < l.nlines; i++) {
		if (l.lines[i].width > width)
			wide++;
		if (l.lines[i].n > 0 &&
		    l.lines[i].indent != (i == 0 ? 4 : 2))
			badind++;
		for (k = 0; k < l.lines[i].n; k++) {
			g = &l.glyphs[l.lines[i].first + k];
			if (g->src < last)
				back++;
			last = g->src;
			if (g->len == 1 && l.text[g->text] == ' ')
				continue;
			memcpy(got + ngot, l.text + g->text, g->len);
			ngot += g->len;
		}
	}
	ok(ngot == nwant && memcmp(got, want, nwant) == 0,
	    "%s: the lines show every byte once, in order", what);
	ok(wide == 0 && badind == 0 && back == 0, "%s: %zu lines within %d "
	    "cells, indents 4 then 2, sources in order", what, l.nlines,
	    width);
	free(want);
	free(got);
	lay_free(&l);
}

/*
 * Lay out s (len bytes) at width 50; the number of glyphs whose text is
 * exactly want (wlen bytes), and of all glyphs in *nglyphs if not NULL.
 */
static size_t
glyphs_of(const char *s, size_t len, const char *want, size_t wlen,
    size_t *nglyphs)
{
	struct lay_style st;
	struct lay l;
	const struct lay_glyph *g;
	size_t i, n = 0;

	memset(&st, 0, sizeof st);
	st.width = 50;
	lay_init(&l);
	lay_para(&l, &tp, &opts, s, len, 0, &st);
	for (i = 0; i < l.nglyphs; i++) {
		g = &l.glyphs[i];
		if (g->len == wlen && memcmp(l.text + g->text, want, wlen) == 0)
			n++;
	}
	if (nglyphs != NULL)
		*nglyphs = l.nglyphs;
	lay_free(&l);
	return n;
}

/* Stray continuation bytes around an "é" near LAY_CHUNK: no chunk may
 * end inside the "é". */
static void
test_chunk_stray(char *s, size_t cap)
{
	size_t found;

	/* Short enough that the first chunk is shortened (no tiny last
	 * chunk): the split point then lies in the run of stray bytes. */
	size_t len = LAY_CHUNK + LAY_CHUNK / 8;

	if (len > cap)
		len = cap;
	memset(s, 0x80, len);
	memcpy(s + LAY_CHUNK - 1, "\xc3\xa9", 2);
	found = glyphs_of(s, len, "\xc3\xa9", 2, NULL);
	ok(found == 1, "an e-acute after stray bytes at a chunk end is "
	    "drawn whole (%zu)", found);
}

/*
 * A word of clusters of three code points (e, U+0301, U+0302) longer
 * than LAY_CHUNK: the chunks end between clusters, never inside one
 * (they ended at a code point, and the next line began with a bare
 * U+0302, drawn on a dotted circle).
 */
static void
test_chunk_clusters(char *s, size_t cap)
{
	static const char cl[] = "e\xcc\x81\xcc\x82";
	size_t len = 0, n = 0, whole, nglyphs;

	while (len + 5 <= cap && len < LAY_CHUNK + LAY_CHUNK / 2) {
		memcpy(s + len, cl, 5);
		len += 5;
		n++;
	}
	whole = glyphs_of(s, len, cl, 5, &nglyphs);
	ok(whole == n && nglyphs == n, "a word of %zu three-code-point "
	    "clusters over LAY_CHUNK: %zu glyphs, %zu of them whole", n,
	    nglyphs, whole);
}

/*
 * A right-to-left paragraph (a Hebrew word first) of over LAY_CHUNK
 * bytes, the rest Latin: every line is set flush right, in every chunk
 * (a chunk took its direction from its own first strong letter, so the
 * lines after the first chunk were set left to right).
 */
static void
test_chunk_direction(char *s, size_t cap)
{
	struct lay_style st;
	struct lay l;
	size_t len, i, lines = 0, right = 0;

	memcpy(s, "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d ", 9);	/* shalom */
	for (len = 9; len + 3 <= cap && len < 2 * LAY_CHUNK + LAY_CHUNK / 2;
	    len += 3)
		memcpy(s + len, "ab ", 3);
	memset(&st, 0, sizeof st);
	st.width = 40;
	st.align = LAY_ALIGN_START;
	lay_init(&l);
	lay_para(&l, &tp, &opts, s, len, 0, &st);
	for (i = 0; i < l.nlines; i++) {
		if (l.lines[i].n == 0)
			continue;
		lines++;
		if (l.lines[i].width == st.width)
			right++;
	}
	ok(lines > 2 * LAY_CHUNK / 40 && right == lines, "a right-to-left "
	    "paragraph of %zu bytes: %zu of %zu lines flush right", len,
	    right, lines);
	lay_free(&l);
}

static void
test_chunks(void)
{
	static const char *words[] = { "harbour", "na\xc3\xafve", "ledger",
	    "tide", "caf\xc3\xa9", "\xe2\x80\x94", "dawn", "clerks" };
	size_t len = 0, cap = 3 * LAY_CHUNK + LAY_CHUNK / 3, i = 0, k;
	char *s = xmalloc(cap + 16);

	while (len < cap) {
		k = strlen(words[i % 8]);
		memcpy(s + len, words[i % 8], k);
		len += k;
		s[len++] = ' ';
		i += 7;
	}
	s[len] = '\0';
	check_chunked("words", s, len, 40);
	/* One word of two-byte letters: split at code point boundaries. */
	for (len = 0; len + 2 <= cap; len += 2)
		memcpy(s + len, "\xc3\xa9", 2);
	s[len] = '\0';
	check_chunked("no spaces", s, len, 33);
	test_chunk_stray(s, cap);
	test_chunk_clusters(s, cap);
	test_chunk_direction(s, cap);
	free(s);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		tap_skip_all("no C.UTF-8 locale");
	text_opts_default(&opts);
	text_para_init(&tp);
	test_named();
	test_soft_hyphen();
	test_fastpath();
	test_property();
	test_chunks();
	text_para_free(&tp);
	return tap_done();
}

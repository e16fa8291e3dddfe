/*
 * test_perf_paths.c: the fast paths of issue 6 ("Make it fast") give the
 * same answers as the slow ones.
 *
 *  - text_para_prepare_ex's "simple" and "plain" paths (every code point
 *    a cluster of its own, no bidi: Latin below U+0300 and general
 *    punctuation; plain also reads the UTF-8 itself) against
 *    TEXT_PREP_SLOW (libunistring graphemes, FriBidi): on every pair of
 *    such characters, on random strings of them mixed with characters
 *    that must leave the fast path (combining marks, ZWJ, Arabic, bidi
 *    controls, CJK), in all bidi modes and both ambiguous widths. Every
 *    cluster field, the drawn bytes, the direction and the visual order
 *    must agree.
 *  - layout_title_line (the status line's title, from a bounded prefix)
 *    against the first line of layout_title, on short and very long
 *    titles in several scripts, at several widths; its output stays
 *    O(width) for a title of megabytes.
 *  - dump_write's two-thread, task-by-task output against the same
 *    layout done in one pass here, on a generated document (original
 *    text) large enough to make many tasks.
 *  - Paragraph layout's plain path (lay_plain: lines filled straight from
 *    the bytes, break opportunities asked for only near each line's end)
 *    against the full path (text_opts.slow): every line and glyph of
 *    lay_para, on random text of plain characters with anchors, long
 *    words, runs of spaces and punctuation, and characters that must
 *    leave the path, at random widths, indents, margins and attribute
 *    ranges; and whole --dump outputs of documents (the generated one
 *    below, the seed when present).
 *  - The clause table's gutter (the widest clause number) is measured
 *    once per layout context, not once per row: laying out the header
 *    and every row of two tables at several widths, in the context and
 *    in a clone, scans the clause numbers once (the count, not a time),
 *    and every row's number is right-aligned in that gutter.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/doc.h"
#include "gloss/dump.h"
#include "gloss/layout.h"
#include "gloss/parse.h"
#include "gloss/quotes.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "../tap.h"
#include "../../src/layout-private.h"

/* Deterministic generator (xorshift64*). */
static uint64_t t_state = 0x2545f4914f6cdd1dULL;

static uint32_t
t_rand(uint32_t n)
{
	t_state ^= t_state >> 12;
	t_state ^= t_state << 25;
	t_state ^= t_state >> 27;
	return (uint32_t)((t_state * 0x2545f4914f6cdd1dULL) >> 33) % n;
}

/* The characters the simple path covers (see text_para_simple). */
static size_t
t_simple_set(uint32_t *set)
{
	size_t n = 0;
	uint32_t c;

	for (c = 0; c < 0x300; c++)
		set[n++] = c;
	for (c = 0x2000; c < 0x205f; c++) {
		if ((c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f))
			continue;
		set[n++] = c;
	}
	return n;
}

/* Characters that must take the full path. */
static const uint32_t t_other[] = {
	0x0301, 0x0308, 0x200d, 0x200c, 0x200e, 0x202b, 0x2067, 0x0627,
	0x0644, 0x05d0, 0x0661, 0x4e2d, 0xfe0f, 0x1f600, 0x1f1e6, 0x0e33,
	0x00ad, 0xfffd, 0x2028
};

struct t_mode {
	enum text_bidi bidi;
	int wide;
};

static const struct t_mode t_modes[] = {
	{ TEXT_BIDI_APP, 0 }, { TEXT_BIDI_APP, 1 },
	{ TEXT_BIDI_TERMINAL, 0 }, { TEXT_BIDI_OFF, 1 }
};

static struct text_para t_fast, t_slow;

/* Compare the two preparations of s; returns 1 when they agree. */
static int
t_same(const struct text_opts *o, const char *s, size_t len, int flags)
{
	uint32_t *of, *os;
	size_t i;
	int same = 1;

	text_para_prepare_ex(&t_fast, o, s, len, 5, flags);
	text_para_prepare_ex(&t_slow, o, s, len, 5, flags | TEXT_PREP_SLOW);
	if (t_fast.ncl != t_slow.ncl || t_fast.rtl != t_slow.rtl)
		return 0;
	/* Drawn bytes are compared per cluster: the ASCII path keeps a
	 * tab's byte in draw (it draws nothing), so offsets may differ. */
	for (i = 0; i < t_fast.ncl; i++) {
		const struct text_cluster *a = &t_fast.cl[i], *b = &t_slow.cl[i];

		if (a->src != b->src || a->srclen != b->srclen ||
		    a->drawlen != b->drawlen || memcmp(t_fast.draw + a->draw,
		    t_slow.draw + b->draw, a->drawlen) != 0 ||
		    a->width != b->width || a->brk != b->brk ||
		    a->level != b->level || a->flags != b->flags)
			return 0;
	}
	of = xreallocarray(NULL, t_fast.ncl + 1, sizeof *of);
	os = xreallocarray(NULL, t_fast.ncl + 1, sizeof *os);
	text_para_visual(&t_fast, 0, t_fast.ncl, of);
	text_para_visual(&t_slow, 0, t_slow.ncl, os);
	if (memcmp(of, os, t_fast.ncl * sizeof *of) != 0)
		same = 0;
	free(of);
	free(os);
	return same;
}

static size_t
t_encode(const uint32_t *cps, size_t n, char *buf)
{
	size_t i, len = 0;

	for (i = 0; i < n; i++)
		len += text_utf8_encode(cps[i], buf + len);
	return len;
}

static void
t_opts(struct text_opts *o, const struct t_mode *m)
{
	text_opts_default(o);
	o->bidi = m->bidi;
	o->ambiguous_wide = m->wide;
	o->out_utf8 = 1;
}

static void
test_pairs(void)
{
	uint32_t set[1024], cps[4];
	char buf[32];
	size_t n = t_simple_set(set), i, j, bad = 0, tried = 0, m;
	struct text_opts o;

	for (m = 0; m < sizeof t_modes / sizeof t_modes[0]; m++) {
		t_opts(&o, &t_modes[m]);
		for (i = 0; i < n; i++) {
			for (j = 0; j < n; j++) {
				/* All pairs in app mode; a sample elsewhere. */
				if (m > 0 && (i * n + j) % 7 != 0)
					continue;
				cps[0] = set[i];
				cps[1] = set[j];
				tried++;
				if (!t_same(&o, buf, t_encode(cps, 2, buf), 0)) {
					if (bad++ < 5)
						diag("differ: U+%04X U+%04X mode %zu",
						    set[i], set[j], m);
				}
			}
		}
	}
	ok(bad == 0, "simple path = slow path on %zu pairs of %zu characters",
	    tried, n);
}

/*
 * The plain path reads UTF-8 bytes itself: every two-byte string after
 * a letter (any lead, any next byte, so overlong, truncated and invalid
 * sequences, C1 controls and every code point up to U+07FF), every
 * U+2xxx sequence E2 xx yy and the truncated tails must give what the
 * full path gives.
 */
static void
test_bytes(void)
{
	static const char *tails[] = { "\xc2", "\xcb", "\xe2", "\xe2\x80",
	    "\xe2\x81", "\xe2\x80\x94\xe2" };
	struct text_opts o;
	char buf[8];
	size_t bad = 0, tried = 0, i;
	unsigned b1, b2;

	t_opts(&o, &t_modes[0]);
	for (b1 = 0x80; b1 < 0x100; b1++) {
		for (b2 = 0; b2 < 0x100; b2++) {
			buf[0] = 'a';
			buf[1] = (char)b1;
			buf[2] = (char)b2;
			buf[3] = 'b';
			tried++;
			if (!t_same(&o, buf, 4, 0) && bad++ < 5)
				diag("differ: 61 %02X %02X 62", b1, b2);
			buf[1] = (char)0xe2;
			buf[2] = (char)b1;
			buf[3] = (char)b2;
			buf[4] = ' ';
			tried++;
			if (!t_same(&o, buf, 5, 0) && bad++ < 5)
				diag("differ: 61 E2 %02X %02X 20", b1, b2);
		}
	}
	for (i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		buf[0] = 'a';
		memcpy(buf + 1, tails[i], strlen(tails[i]));
		tried++;
		if (!t_same(&o, buf, 1 + strlen(tails[i]), 0) && bad++ < 5)
			diag("differ: tail %zu", i);
	}
	ok(bad == 0, "plain path = slow path on %zu byte strings", tried);
}

static void
test_random(void)
{
	uint32_t set[1024], cps[64];
	char buf[64 * 4];
	size_t n = t_simple_set(set), k, i, len, bad = 0, m;
	struct text_opts o;
	int flags;

	for (k = 0; k < 40000; k++) {
		len = 1 + t_rand(48);
		for (i = 0; i < len; i++) {
			if (t_rand(40) == 0)
				cps[i] = t_other[t_rand(sizeof t_other /
				    sizeof t_other[0])];
			else if (t_rand(3) == 0)
				cps[i] = " aeE,.\"'-"[t_rand(9)];
			else
				cps[i] = set[t_rand(n)];
		}
		m = k % (sizeof t_modes / sizeof t_modes[0]);
		t_opts(&o, &t_modes[m]);
		flags = (k % 5 == 0) ? TEXT_PREP_LTR : (k % 11 == 0) ?
		    TEXT_PREP_RTL : 0;
		if (!t_same(&o, buf, t_encode(cps, len, buf), flags)) {
			if (bad++ < 5)
				diag("differ: random string %zu (mode %zu)", k,
				    m);
		}
	}
	ok(bad == 0, "simple path = slow path on 40000 random strings");
}

/* A document of our own words: article, quotes, comments quoting it. */
static char *
t_document(size_t *lenp)
{
	static const char *words[] = {
		"harbour", "lantern", "quietly", "river", "copper", "window",
		"seven", "orchard", "naïve", "façade", "“quoted”", "it’s",
		"—", "…", "north", "garden", "tally", "measured", "bright",
		"paper", "stone", "(aside)", "don't", "kettle", "x\ty"
	};
	size_t nw = sizeof words / sizeof words[0], cap = 0, len = 0, i, k;
	char *buf = NULL, line[4096];

#define T_PUT(s) do {							\
	const char *s_ = (s);	/* once: s may have side effects */	\
	size_t l_ = strlen(s_);						\
	buf = xgrow(buf, &cap, len + l_ + 1, 1);			\
	memcpy(buf + len, s_, l_);					\
	len += l_;							\
} while (0)
	T_PUT("A harbour of lanterns\n\n");
	for (i = 0; i < 40; i++) {
		line[0] = '\0';
		for (k = 0; k < 60 + t_rand(200); k++) {
			strcat(line, words[t_rand(nw)]);
			strcat(line, k % 13 == 12 ? ". " : " ");
		}
		strcat(line, "\n\n");
		if (i % 9 == 4)
			T_PUT("    ");
		T_PUT(line);
	}
	/* A paragraph of over 2 * LAY_CHUNK bytes: laid out in parts. */
	for (k = 0; k < 130000; k++) {
		T_PUT(words[t_rand(nw)]);
		T_PUT(k % 17 == 16 ? " \xd9\x86\xd9\x87\xd8\xb1 " : " ");
	}
	T_PUT("\n\n");
	T_PUT("900 thoughts on “A harbour of lanterns”\n\n");
	for (i = 1; i <= 900; i++) {
		snprintf(line, sizeof line, "  %zu. ", i);
		T_PUT(line);
		for (k = 0; k < 3 + t_rand(3); k++) {
			size_t j, m = 20 + t_rand(120);

			line[0] = '\0';
			for (j = 0; j < m; j++) {
				strcat(line, words[t_rand(nw)]);
				strcat(line, " ");
			}
			if (k > 0)
				T_PUT("\n    ");
			T_PUT(line);
			T_PUT("\n");
		}
		/* Comment 450: a line of over 2 * LAY_CHUNK bytes among
		 * others, then a paragraph: a comment laid out in parts. */
		for (k = 0; i == 450 && k < 110000; k++) {
			if (k == 0)
				T_PUT("    ");
			T_PUT(words[t_rand(nw)]);
			T_PUT(k == 109999 ? "\n\n    after the long line\n" :
			    " ");
		}
		T_PUT("\n");
	}
	T_PUT("Comments are closed.\n");
#undef T_PUT
	*lenp = len;
	return buf;
}

/* The dump done in one pass, as dump.c did before tasks and threads. */
static void
t_lines(FILE *f, const struct lay *l)
{
	size_t i, g, n;
	char *line = NULL;
	size_t cap = 0;

	for (i = 0; i < l->nlines; i++) {
		const struct lay_line *ln = &l->lines[i];

		line = xgrow(line, &cap, ln->indent + 1, 1);
		memset(line, ' ', ln->indent);
		n = ln->indent;
		for (g = 0; g < ln->n; g++) {
			const struct lay_glyph *gl = &l->glyphs[ln->first + g];

			line = xgrow(line, &cap, n + gl->len + 1, 1);
			memcpy(line + n, l->text + gl->text, gl->len);
			n += gl->len;
		}
		while (n > 0 && line[n - 1] == ' ')
			n--;
		line[n++] = '\n';
		fwrite(line, 1, n, f);
	}
	free(line);
}

static void
t_dump_ref(const struct doc *d, const struct text_opts *o, int width,
    FILE *f)
{
	struct layout_ctx c;
	struct lay l;
	size_t i;
	char *s;

	layout_ctx_init(&c, d, o);
	lay_init(&l);
	layout_title(&c, width, &l);
	t_lines(f, &l);
	for (i = 0; i < d->nblocks; i++) {
		lay_clear(&l);
		layout_block(&c, i, width, &l);
		t_lines(f, &l);
	}
	if (d->declared_comments >= 0 &&
	    (uint64_t)d->declared_comments != d->ncomments)
		s = xasprintf("Comments: %zu of %lld shown%s", d->ncomments,
		    (long long)d->declared_comments,
		    d->comments_closed ? " (closed)" : "");
	else
		s = xasprintf("Comments: %zu%s", d->ncomments,
		    d->comments_closed ? " (closed)" : "");
	lay_clear(&l);
	lay_label(&l, &c.scratch, &c.opts, s, width, LAY_HEADING);
	lay_new_line(&l);
	t_lines(f, &l);
	free(s);
	for (i = 0; i < d->ncomments; i++) {
		lay_clear(&l);
		layout_comment(&c, i, width, 0, &l);
		t_lines(f, &l);
	}
	lay_free(&l);
	layout_ctx_free(&c);
}

static char *
t_capture(FILE *f, size_t *len)
{
	long n;
	char *buf;

	fflush(f);
	n = ftell(f);
	buf = xmalloc(n + 1);
	rewind(f);
	*len = fread(buf, 1, n, f);
	return buf;
}

static void
test_dump(void)
{
	struct text_opts o;
	struct doc *d;
	size_t len, la, lb;
	char *buf = t_document(&len), *a, *b;
	FILE *fa = tmpfile(), *fb = tmpfile();
	int w;

	if (fa == NULL || fb == NULL) {
		ok(0, "tmpfile");
		return;
	}
	d = parse_text(buf, len, 0);
	quotes_find(d);
	ok(d->ncomments == 900, "generated document: %zu comments, %zu links",
	    d->ncomments, d->nlinks);
	{
		struct layout_ctx c;

		text_opts_default(&o);
		layout_ctx_init(&c, d, &o);
		ok(layout_article_parts(&c, 41) >= 3 &&
		    layout_comment_parts(&c, 449) >= 3 &&
		    layout_comment_parts(&c, 448) == 1,
		    "a huge paragraph (%zu parts) and a huge comment (%zu "
		    "parts)", layout_article_parts(&c, 41),
		    layout_comment_parts(&c, 449));
		layout_ctx_free(&c);
	}
	text_opts_default(&o);
	o.out_utf8 = 1;
	for (w = 23; w <= 80; w += 57) {
		rewind(fa);
		rewind(fb);
		ok(dump_write(d, &o, GLOSS_PANE_ALL, w, fa) == 0,
		    "dump_write width %d", w);
		t_dump_ref(d, &o, w, fb);
		a = t_capture(fa, &la);
		b = t_capture(fb, &lb);
		ok(la > 1000000 && la == lb && memcmp(a, b, la) == 0,
		    "width %d: threaded dump (%zu bytes) = one-pass layout "
		    "(%zu bytes)", w, la, lb);
		free(a);
		free(b);
	}
	fclose(fa);
	fclose(fb);
	doc_free(&d);
}

/*
 * The texts of one column of a clause table, line by line: on each line
 * of l, the glyphs whose source lies in [a, e), joined; lines with none
 * are skipped. Appends to *out (one line each, '\n' after).
 */
static void
t_column(const struct lay *l, uint32_t a, uint32_t e, char **out,
    size_t *len, size_t *cap)
{
	size_t i, g, n;

	for (i = 0; i < l->nlines; i++) {
		const struct lay_line *ln = &l->lines[i];

		for (g = n = 0; g < ln->n; g++) {
			const struct lay_glyph *gl = &l->glyphs[ln->first + g];

			if (gl->src < a || gl->src >= e)
				continue;
			*out = xgrow(*out, cap, *len + gl->len + 2, 1);
			memcpy(*out + *len, l->text + gl->text, gl->len);
			*len += gl->len;
			n++;
		}
		if (n > 0)
			(*out)[(*len)++] = '\n';
	}
}

/* Column [a, e) of clause i laid out in parts, or as one paragraph. */
static char *
t_clause_column(struct layout_ctx *c, size_t i, int width, int side,
    int parts, size_t *len, size_t *maxlines)
{
	const struct doc_clause *cl = &c->doc->clauses[i];
	struct span sp = side == 0 ? cl->original : cl->translation;
	struct layout_table t;
	struct lay_style st;
	struct lay l;
	size_t k, n, cap = 0;
	char *out = NULL;

	*len = 0;
	*maxlines = 0;
	lay_init(&l);
	if (parts) {
		n = layout_clause_parts(c, i);
		for (k = 0; k < n; k++) {
			lay_clear(&l);
			layout_clause_part(c, i, k, width, &l);
			if (l.nlines > *maxlines)
				*maxlines = l.nlines;
			t_column(&l, sp.off, sp.off + sp.len, &out, len, &cap);
		}
	} else {
		layout_table_columns(c, width, &t);
		memset(&st, 0, sizeof st);
		st.width = t.rule < 0 ? width : side == 0 ? t.left : t.right;
		lay_para(&l, &c->scratch, &c->opts, c->doc->buf + sp.off,
		    sp.len, sp.off, &st);
		t_column(&l, sp.off, sp.off + sp.len, &out, len, &cap);
		*maxlines = l.nlines;
	}
	lay_free(&l);
	return out;
}

/*
 * A clause with a huge original and a huger translation is laid out in
 * parts, a chunk of each side at a time: each column, read down all the
 * parts, is that side laid out as one paragraph at its column's width;
 * no part holds more than a chunk's lines; part_at finds each part's
 * text; --dump of the clause pane (threads, a task per part) is the
 * parts in order.
 */
static void
test_clause_parts(void)
{
	static const char *orig[] = { "\xd8\xa7\xd9\x84\xd9\x86\xd9\x87\xd8\xb1",
	    "\xd9\x85\xd8\xa7\xd8\xa1", "\xd8\xb3\xd9\x81\xd9\x8a\xd9\x86\xd8\xa9",
	    "(12)", "\xd9\x88" };
	static const char *trans[] = { "harbour", "lantern", "river", "[the",
	    "quay]", "naïve", "—", "stone", "kettle" };
	static const int widths[] = { 80, 31, 6 };
	struct layout_ctx c;
	struct text_opts o;
	struct doc *d;
	char *buf = NULL, *a, *b;
	size_t cap = 0, len = 0, k, w, la, lb, ma, mb, n, bad;
	uint32_t s, e;
	int side;
	FILE *fa, *fb;

#define T_PUT(x) do {							\
	const char *x_ = (x);						\
	size_t l_ = strlen(x_);						\
	buf = xgrow(buf, &cap, len + l_ + 1, 1);			\
	memcpy(buf + len, x_, l_);					\
	len += l_;							\
} while (0)
	T_PUT("Clauses at length\n\nA short article.\n\n    1- ");
	for (k = 0; k < 90000; k++) {
		T_PUT(orig[t_rand(5)]);
		T_PUT(" ");
	}
	T_PUT(". 1 \xe2\x80\x93 ");
	for (k = 0; k < 160000; k++) {
		T_PUT(trans[t_rand(9)]);
		T_PUT(k % 11 == 10 ? ". " : " ");
	}
	T_PUT("\n    2- \xd9\x85\xd8\xa7\xd8\xa1 . 2 \xe2\x80\x93 water\n");
#undef T_PUT
	d = parse_text(buf, len, 0);
	text_opts_default(&o);
	o.out_utf8 = 1;
	layout_ctx_init(&c, d, &o);
	n = layout_clause_parts(&c, 0);
	ok(d->nclauses == 2 && d->clauses[0].original.len > 2 * LAY_CHUNK &&
	    d->clauses[0].translation.len > 3 * LAY_CHUNK && n >= 4 &&
	    layout_clause_parts(&c, 1) == 1,
	    "a clause of %zu and %zu bytes: %zu parts",
	    (size_t)d->clauses[0].original.len,
	    (size_t)d->clauses[0].translation.len, n);
	for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		size_t most = 0, all = 0;

		for (side = 0; side < 2; side++) {
			a = t_clause_column(&c, 0, widths[w], side, 1, &la,
			    &ma);
			b = t_clause_column(&c, 0, widths[w], side, 0, &lb,
			    &mb);
			ok(la > 0 && la == lb && memcmp(a, b, la) == 0,
			    "width %d, %s: the parts give the column (%zu "
			    "bytes)", widths[w], side ? "translation" :
			    "original", la);
			most = ma;
			all = mb > all ? mb : all;
			free(a);
			free(b);
		}
		ok(most < all / 2, "width %d: at most %zu lines in a part, "
		    "of the %zu of the longer column", widths[w], most, all);
	}
	for (k = bad = 0; k < n; k++) {
		for (side = 0; side < 2; side++) {
			layout_clause_part_span(&c, 0, k, side, &s, &e);
			if (s < e && (layout_clause_part_at(&c, 0, s) != k ||
			    layout_clause_part_at(&c, 0, e - 1) != k))
				bad++;
		}
	}
	ok(bad == 0, "part_at finds the part of each side's text");
	fa = tmpfile();
	fb = tmpfile();
	if (fa != NULL && fb != NULL) {
		struct lay l;

		ok(dump_write(d, &o, GLOSS_PANE_CLAUSES, 80, fa) == 0,
		    "dump the clause pane");
		lay_init(&l);
		lay_label(&l, &c.scratch, &c.opts, "Clauses: 2", 80,
		    LAY_HEADING);
		lay_new_line(&l);
		layout_table_header(&c, 80, &l);
		t_lines(fb, &l);
		for (k = 0; k < d->nclauses; k++) {
			lay_clear(&l);
			layout_clause(&c, k, 80, &l);
			t_lines(fb, &l);
		}
		lay_free(&l);
		a = t_capture(fa, &la);
		b = t_capture(fb, &lb);
		ok(la > 2 * LAY_CHUNK && la == lb && memcmp(a, b, la) == 0,
		    "threaded dump of the clauses (%zu bytes) = the parts in "
		    "order (%zu bytes)", la, lb);
		free(a);
		free(b);
	}
	if (fa != NULL)
		fclose(fa);
	if (fb != NULL)
		fclose(fb);
	layout_ctx_free(&c);
	doc_free(&d);
}

/*
 * Two clause tables of T_ROWS clauses in all, numbered 1, 2, ... but for
 * one number of 7 digits in the middle of the first: the header and
 * every row at a stacked and two table widths measure the gutter once.
 */
#define T_ROWS	4000

static void
test_clause_columns(void)
{
	static const int widths[] = { 3, 20, 80 };
	struct layout_ctx c, cl;
	struct layout_table t;
	struct text_opts o;
	struct lay l;
	struct doc *d;
	char *buf = NULL, row[96];
	size_t cap = 0, len = 0, i, w, bad = 0;
	uint32_t num;
	int n;

	n = snprintf(row, sizeof row, "Many clauses\n\nA paragraph.\n\n");
	buf = xgrow(buf, &cap, len + (size_t)n + 1, 1);
	memcpy(buf + len, row, (size_t)n + 1);
	len += (size_t)n;
	for (i = 1; i <= T_ROWS; i++) {
		num = i == T_ROWS / 4 ? 1234567 : (uint32_t)i;
		n = snprintf(row, sizeof row, i == T_ROWS / 2 ?
		    "\nBetween the tables.\n\n    %u- \xd9\x85 %u . %u "
		    "\xe2\x80\x93 water %u\n" : "    %u- \xd9\x85 %u . %u "
		    "\xe2\x80\x93 water %u\n", num, num, num, num);
		buf = xgrow(buf, &cap, len + (size_t)n + 1, 1);
		memcpy(buf + len, row, (size_t)n + 1);
		len += (size_t)n;
	}
	d = parse_text(buf, len, 0);
	text_opts_default(&o);
	o.out_utf8 = 1;
	layout_ctx_init(&c, d, &o);
	lay_init(&l);
	ok(d->nclauses == T_ROWS && d->clauses[T_ROWS - 1].block !=
	    d->clauses[0].block && c.clause_scans == 1,
	    "%zu clauses in two tables; one scan of their numbers when the "
	    "context is made", d->nclauses);
	for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		layout_table_columns(&c, widths[w], &t);
		lay_clear(&l);
		layout_table_header(&c, widths[w], &l);
		for (i = 0; i < d->nclauses; i++) {
			lay_clear(&l);
			layout_clause(&c, i, widths[w], &l);
			/* The number ends at the gutter's last cell but one. */
			num = d->clauses[i].number;
			n = snprintf(row, sizeof row, "%u", num);
			if (t.rule >= 0 && (l.nlines == 0 ||
			    l.lines[0].indent != t.gutter - 1 - n))
				bad++;
		}
		ok(widths[w] < 20 ? t.rule < 0 : t.gutter == 8,
		    "width %d: %s", widths[w], t.rule < 0 ? "stacked" :
		    "a gutter of 7 digits and a space");
	}
	ok(bad == 0, "every row's number right-aligned in the gutter "
	    "(%zu not)", bad);
	layout_ctx_clone(&cl, &c);
	for (i = 0; i < d->nclauses; i++) {
		lay_clear(&l);
		layout_clause_part(&cl, i, 0, 80, &l);
	}
	is_int((long long)c.clause_scans, 1, "the header and %d rows at "
	    "%zu widths: the clause numbers scanned once", T_ROWS,
	    sizeof widths / sizeof widths[0]);
	is_int((long long)cl.clause_scans, 1, "every row in a clone: no "
	    "scan (the clone has its context's gutter)");
	layout_ctx_free_clone(&cl);
	lay_free(&l);
	layout_ctx_free(&c);
	doc_free(&d);
}

/* A document whose first line (the title) is t, then one paragraph. */
static struct doc *
t_titled(const char *t)
{
	char *buf = xasprintf("%s\n\nA paragraph.\n", t);

	return parse_text(buf, strlen(buf), 0);
}

/* Whether line 0 of a and of b hold the same glyphs. */
static int
t_same_first_line(const struct lay *a, const struct lay *b)
{
	const struct lay_line *x = &a->lines[0], *y = &b->lines[0];
	const struct lay_glyph *g, *h;
	uint32_t i;

	/* Same glyphs and text width; the indent may differ, because the
	 * title is aligned by its direction and the title line is not. */
	if (a->nlines == 0 || b->nlines == 0 || x->n != y->n ||
	    x->width - x->indent != y->width - y->indent)
		return 0;
	for (i = 0; i < x->n; i++) {
		g = &a->glyphs[x->first + i];
		h = &b->glyphs[y->first + i];
		if (g->src != h->src || g->len != h->len ||
		    g->width != h->width || g->attr != h->attr ||
		    memcmp(a->text + g->text, b->text + h->text, g->len) != 0)
			return 0;
	}
	return 1;
}

/* Repeat unit until the string has at least n bytes. */
static char *
t_repeat(const char *unit, size_t n)
{
	size_t k = strlen(unit), len = 0;
	char *s = xmalloc(n + k + 1);

	while (len < n) {
		memcpy(s + len, unit, k);
		len += k;
	}
	s[len] = '\0';
	return s;
}

static void
test_title_line(void)
{
	static const char *units[] = {
		"Harbour ledgers ",
		"\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd9\x86\xd8\xa7\xd8\xa1 "
		    "\xd9\x88\xd8\xa7\xd9\x84\xd8\xb3\xd9\x81\xd9\x86 ",
		"\xe6\xb8\xaf\xe5\x8f\xa3\xe3\x81\xae\xe8\xa8\x98\xe9\x8c\xb2",
		"cafe\xcc\x81 na\xc3\xafve\xe2\x80\x94 ",
		"tab\there, ctl \x01 ",
	};
	static const int widths[] = { 8, 13, 40, 97 };
	static const size_t sizes[] = { 20, 700, 200000 };
	struct text_opts o;
	struct layout_ctx c;
	struct lay a, b;
	struct doc *d;
	char *t;
	size_t u, z, w, bad = 0, cases = 0, bound = 0;

	text_opts_default(&o);
	lay_init(&a);
	lay_init(&b);
	for (u = 0; u < sizeof units / sizeof *units; u++)
		for (z = 0; z < sizeof sizes / sizeof *sizes; z++) {
			t = t_repeat(units[u], sizes[z]);
			d = t_titled(t);
			layout_ctx_init(&c, d, &o);
			for (w = 0; w < sizeof widths / sizeof *widths; w++) {
				lay_clear(&a);
				lay_clear(&b);
				layout_title(&c, widths[w], &a);
				layout_title_line(&c, widths[w], &b);
				cases++;
				if (!t_same_first_line(&a, &b))
					bad++;
				if (b.nglyphs > (size_t)widths[w] * 16 + 256)
					bound++;
			}
			layout_ctx_free(&c);
			doc_free(&d);
			free(t);
		}
	ok(bad == 0, "title line = first line of the title (%zu of %zu "
	    "differ)", bad, cases);
	ok(bound == 0, "title line lays out O(width) glyphs (%zu over)",
	    bound);
	lay_free(&a);
	lay_free(&b);
}


/* Whether two lays hold the same lines, glyphs and drawn bytes. */
static int
t_lay_same(const struct lay *a, const struct lay *b)
{
	size_t i, g;

	if (a->nlines != b->nlines || a->nglyphs != b->nglyphs)
		return 0;
	for (i = 0; i < a->nlines; i++) {
		const struct lay_line *x = &a->lines[i], *y = &b->lines[i];

		if (x->first != y->first || x->n != y->n ||
		    x->indent != y->indent || x->width != y->width ||
		    x->src != y->src)
			return 0;
	}
	for (g = 0; g < a->nglyphs; g++) {
		const struct lay_glyph *x = &a->glyphs[g], *y = &b->glyphs[g];

		if (x->src != y->src || x->len != y->len ||
		    x->width != y->width || x->attr != y->attr ||
		    memcmp(a->text + x->text, b->text + y->text, x->len) != 0)
			return 0;
	}
	return 1;
}

/* Pieces of plain text, weighted towards what defeats a line breaker. */
static const char *t_pieces[] = {
	" ", " ", " ", " ", "  ", "a", "the", "harbour", "Lantern", "x",
	"9", "42", "3.5", "1,000", ".", ",", ";", ":", "!", "?", "(", ")",
	"[", "]", "{", "}", "\"", "'", "-", "--", "/", "%", "$", "#", "&",
	"*", "+", "=", "<", ">", "@", "_", "|", "~", "`", "\\",
	"\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99",
	"\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\xa6", "\xc2\xa0",
	"\xc3\xa9", "na\xc3\xafve", "\xc2\xab", "\xc2\xbb", "\xc2\xbf",
	"\xc2\xa7", "\xe2\x80\x83", "\xe2\x80\x8a", "\xe2\x80\x87",
	"\xe2\x80\x90", "\xe2\x80\x91", "\xe2\x80\xb9", "\xe2\x81\x84",
	"\xe2\x80\xbc", "\xe2\x80\xa2", "\xc2\xb4", "\xca\xbc", "\xcb\x88",
	"http://example.org/a/b?c=d", "e.g.", "(x)", "1-2", "a-b", "A.B."
};

/* Rarely: characters and bytes that must leave the plain path. */
static const char *t_leave[] = {
	"\t", "\xc2\xad", "\x01", "\x7f", "\xc2\x85", "\xd9\x86", "\xcc\x81",
	"\xe2\x80\x8b", "\xe2\x80\x8f", "\xe4\xb8\xad", "\xff", "\xe2\x80",
	"\xe2\x80\xa8", "\xf0\x9f\x98\x80"
};

/* Random text of n pieces into buf (room for n * 32); returns length. */
static size_t
t_plain_text(char *buf, size_t n, int leave, int spaceless)
{
	size_t len = 0, i, np = sizeof t_pieces / sizeof t_pieces[0];
	const char *p;

	for (i = 0; i < n; i++) {
		if (leave && t_rand(60) == 0)
			p = t_leave[t_rand(sizeof t_leave /
			    sizeof t_leave[0])];
		else {
			p = t_pieces[t_rand((uint32_t)np)];
			if (spaceless && p[0] == ' ')
				p = "w";
		}
		memcpy(buf + len, p, strlen(p));
		len += strlen(p);
	}
	return len;
}

static void
test_plain(void)
{
	static char buf[8192 * 32];
	struct lay fast, slow, direct;
	struct text_para pa, pb;
	struct text_opts o, os;
	struct lay_style st;
	struct lay_range rg[3];
	struct lay_sweep sw;
	size_t k, len, bad = 0, took = 0, leftover = 0, tried = 0, r;
	uint32_t base;

	lay_init(&fast);
	lay_init(&slow);
	lay_init(&direct);
	text_para_init(&pa);
	text_para_init(&pb);
	for (k = 0; k < 30000; k++) {
		if (k % 500 == 7)	/* long: many windows, some too long */
			len = t_plain_text(buf, 2000 + t_rand(6000), 0,
			    k % 1000 == 7);
		else
			len = t_plain_text(buf, 1 + t_rand(120), k % 3 == 0,
			    0);
		t_opts(&o, &t_modes[k % 4 == 3 ? 1 : 0]);
		if (k % 13 == 5)
			o.out_utf8 = 0;	/* C locale: '?' for non-ASCII */
		os = o;
		os.slow = 1;
		memset(&st, 0, sizeof st);
		st.width = 1 + (int)t_rand(k % 2 ? 30 : 90);
		st.indent_first = (int)t_rand(8) - 1;
		st.indent_rest = (int)t_rand(6) - 1;
		st.margin = k % 5 == 0 ? (int)t_rand(6) : 0;
		st.attr = LAY_QUOTED;
		base = 1000 + t_rand(1000);
		if (k % 4 == 1) {
			for (r = 0; r < 3; r++) {
				rg[r].start = base + (uint32_t)(r * len / 3) +
				    t_rand(9);
				rg[r].end = rg[r].start + t_rand(40);
				rg[r].attr = (uint16_t)(LAY_MATCH << r);
			}
			st.ranges = rg;
			st.nranges = 3;
		}
		lay_clear(&fast);
		lay_clear(&slow);
		lay_para(&fast, &pa, &o, buf, len, base, &st);
		lay_para(&slow, &pb, &os, buf, len, base, &st);
		tried++;
		if (!t_lay_same(&fast, &slow) && bad++ < 5)
			diag("differ: plain text %zu (width %d, %zu bytes)",
			    k, st.width, len);
		/* The path itself: taken, or nothing left behind. */
		if (len <= LAY_CHUNK && st.margin == 0) {
			lay_clear(&direct);
			lay_line_add(&direct, 7);
			sw.st = &st;
			sw.lo = 0;
			if (lay_plain(&direct, &pa, &o, buf, len, base, &sw, 1))
				took++;
			else if (direct.nlines != 1 || direct.nglyphs != 0 ||
			    direct.textlen != 0)
				leftover++;
		}
	}
	ok(bad == 0, "plain path = full path: lay_para on %zu random texts",
	    tried);
	ok(took > tried / 3 && leftover == 0, "the plain path took %zu of "
	    "them and left nothing behind when it gave up (%zu times)", took,
	    leftover);
	lay_free(&fast);
	lay_free(&slow);
	lay_free(&direct);
	text_para_free(&pa);
	text_para_free(&pb);
}

/* --dump of d with the plain path and without it, at several widths. */
static void
t_dump_plain(const struct doc *d, const char *what)
{
	struct text_opts o, os;
	FILE *fa = tmpfile(), *fb = tmpfile();
	size_t la, lb;
	char *a, *b;
	int w;

	if (fa == NULL || fb == NULL) {
		ok(0, "tmpfile");
		return;
	}
	text_opts_default(&o);
	o.out_utf8 = 1;
	os = o;
	os.slow = 1;
	for (w = 19; w <= 120; w += 101 - 19 - 21) {
		rewind(fa);
		rewind(fb);
		dump_write(d, &o, GLOSS_PANE_ALL, w, fa);
		dump_write(d, &os, GLOSS_PANE_ALL, w, fb);
		a = t_capture(fa, &la);
		b = t_capture(fb, &lb);
		ok(la > 0 && la == lb && memcmp(a, b, la) == 0,
		    "%s, width %d: dump with the plain path (%zu bytes) = "
		    "without (%zu bytes)", what, w, la, lb);
		free(a);
		free(b);
	}
	fclose(fa);
	fclose(fb);
}

static void
test_dump_plain(void)
{
	struct doc *d;
	const char *seed = tap_seed_path();
	size_t len;
	char *buf = t_document(&len);

	d = parse_text(buf, len, 0);
	quotes_find(d);
	t_dump_plain(d, "generated document");
	doc_free(&d);	/* and buf: the document owns it */
	if (seed == NULL || (buf = tap_slurp(seed, &len)) == NULL) {
		diag("seed document absent: not compared");
		return;
	}
	d = parse_text(buf, len, 0);
	quotes_find(d);
	t_dump_plain(d, "seed document");
	doc_free(&d);
}

int
main(void)
{
	/* Widths need a UTF-8 locale (wcwidth); in C every non-ASCII
	 * character is drawn as a placeholder and no fast path applies. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		tap_skip_all("no C.UTF-8 locale");
	text_para_init(&t_fast);
	text_para_init(&t_slow);
	test_pairs();
	test_random();
	test_bytes();
	test_dump();
	test_plain();
	test_dump_plain();
	test_clause_parts();
	test_clause_columns();
	test_title_line();
	text_para_free(&t_fast);
	text_para_free(&t_slow);
	return tap_done();
}

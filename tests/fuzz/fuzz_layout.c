/*
 * fuzz_layout.c: libFuzzer target for layout and --dump. The first bytes
 * of the input choose the parameters, the rest is the text:
 *
 *   byte 0-1  width, 1..300 cells
 *   byte 2    bidi mode (app, terminal, off) and East Asian Ambiguous width
 *   byte 3    pane for dump_write, comment indent, paragraph style
 *   byte 4-5  indents of the paragraph style
 *   byte 6-7  two highlight / attribute ranges (scaled to the text)
 *
 * Twice over the text: (1) as a document, parsed and linked, laid out
 * part by part with the layout_* functions (every line checked: widths add
 * up and fit, glyph text is safe) and printed with dump_write to a memory
 * stream (output safe, every line at most width cells by wcwidth); (2) as
 * raw lines, each laid out with lay_para directly (same checks), and
 * again with the fast paths off (text_opts.slow): the two layouts must be
 * the same, line for line and glyph for glyph.
 */
#define _GNU_SOURCE 1
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "gloss/doc.h"
#include "gloss/dump.h"
#include "gloss/layout.h"
#include "gloss/parse.h"
#include "gloss/quotes.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "fuzz_check.h"

#define FUZZ_HDR	8

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_params {
	int width;
	struct text_opts t;
	enum gloss_pane pane;
	int cindent;
	struct lay_style st;
	struct lay_range r[2];
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "en_US.UTF-8");
	return 0;
}

static void
fuzz_params_read(struct fuzz_params *p, const uint8_t *h, size_t textlen)
{
	uint32_t a, b;
	int k;

	memset(p, 0, sizeof *p);
	p->width = 1 + (h[0] | h[1] << 8) % 300;
	text_opts_default(&p->t);
	p->t.bidi = (enum text_bidi)(h[2] % 3);
	p->t.ambiguous_wide = (h[2] >> 2) & 1;
	p->pane = (enum gloss_pane)((int)(h[3] & 3) - 1);
	p->cindent = (h[3] >> 2) & 15;
	p->st.width = p->width;
	p->st.indent_first = h[4] % 40;
	p->st.indent_rest = h[5] % 40;
	p->st.align = (h[3] >> 6) & 1;
	p->st.attr = (h[3] >> 7) ? LAY_QUOTED : 0;
	for (k = 0; k < 2; k++) {
		a = textlen == 0 ? 0 : (uint32_t)(h[6 + k] * textlen / 256);
		b = a + (h[6 + k] & 15) * 3;
		p->r[k].start = a;
		p->r[k].end = b;
		p->r[k].attr = k == 0 ? LAY_MATCH : LAY_HILITE;
	}
	if (p->r[1].start < p->r[0].start) {
		struct lay_range x = p->r[0];

		p->r[0] = p->r[1];
		p->r[1] = x;
	}
}

/* Every output line fits in width cells, by the C library's wcwidth. */
static void
fuzz_output_widths(const char *s, size_t len, int width)
{
	size_t i = 0, n;
	mbstate_t ps;
	wchar_t wc;
	int w, col = 0;

	memset(&ps, 0, sizeof ps);
	while (i < len) {
		n = mbrtowc(&wc, s + i, len - i, &ps);
		FUZZ_ASSERT(n != (size_t)-1 && n != (size_t)-2 && n != 0);
		i += n;
		if (wc == L'\n') {
			col = 0;
			continue;
		}
		w = wcwidth(wc);
		FUZZ_ASSERT(w >= 0);
		col += w;
		FUZZ_ASSERT(col <= width);
	}
}

static void
fuzz_layout_doc(const struct fuzz_params *p, const uint8_t *text,
    size_t len)
{
	char *buf = xmalloc(len), *out = NULL;
	size_t outlen = 0, i;
	struct layout_ctx c;
	struct lay l;
	struct doc *d;
	FILE *f;

	if (len > 0)
		memcpy(buf, text, len);
	d = parse_text(buf, len, 0);
	quotes_find(d);

	layout_ctx_init(&c, d, &p->t);
	lay_init(&l);
	layout_title(&c, p->width, &l);
	fuzz_check_lay(&l, p->width);
	layout_set_hilite(&c, p->r, 2);
	for (i = 0; i < d->nblocks; i++) {
		lay_clear(&l);
		layout_block(&c, i, p->width, &l);
		fuzz_check_lay(&l, p->width);
		FUZZ_ASSERT(l.nlines > 0);
	}
	for (i = 0; i < d->ncomments; i++) {
		lay_clear(&l);
		layout_comment(&c, i, p->width, p->cindent, &l);
		fuzz_check_lay(&l, p->width);
	}
	if (d->nclauses > 0) {
		lay_clear(&l);
		layout_table_header(&c, p->width, &l);
		fuzz_check_lay(&l, p->width);
	}
	for (i = 0; i < d->nclauses; i++) {
		lay_clear(&l);
		layout_clause(&c, i, p->width, &l);
		fuzz_check_lay(&l, p->width);
	}
	lay_free(&l);
	layout_ctx_free(&c);

	f = open_memstream(&out, &outlen);
	FUZZ_ASSERT(f != NULL);
	FUZZ_ASSERT(dump_write(d, &p->t, p->pane, p->width, f) == 0);
	FUZZ_ASSERT(fclose(f) == 0);
	fuzz_check_safe(out, outlen);
	fuzz_output_widths(out, outlen, p->width);
	free(out);
	doc_free(&d);
}

/* Whether lines [from, a->nlines) of a and [from, b->nlines) of b agree. */
static int
fuzz_lay_same(const struct lay *a, const struct lay *b, size_t from)
{
	const struct lay_line *x, *y;
	const struct lay_glyph *g, *h;
	size_t i, k;

	if (a->nlines != b->nlines)
		return 0;
	for (i = from; i < a->nlines; i++) {
		x = &a->lines[i];
		y = &b->lines[i];
		if (x->n != y->n || x->indent != y->indent ||
		    x->width != y->width || x->src != y->src)
			return 0;
		for (k = 0; k < x->n; k++) {
			g = &a->glyphs[x->first + k];
			h = &b->glyphs[y->first + k];
			if (g->src != h->src || g->len != h->len ||
			    g->width != h->width || g->attr != h->attr ||
			    memcmp(a->text + g->text, b->text + h->text,
			    g->len) != 0)
				return 0;
		}
	}
	return 1;
}

/* Each line of the raw bytes through lay_para, text at offset 0. */
static void
fuzz_layout_para(const struct fuzz_params *p, const uint8_t *text,
    size_t len)
{
	struct lay_style st = p->st;
	struct text_opts slow = p->t;
	struct text_para tp, tps;
	struct lay l, ls;
	size_t s = 0, e, before;
	char *line;

	st.ranges = p->r;
	st.nranges = 2;
	slow.slow = 1;
	text_para_init(&tp);
	text_para_init(&tps);
	lay_init(&l);
	lay_init(&ls);
	while (s <= len) {
		for (e = s; e < len && text[e] != '\n' && text[e] != '\r'; e++)
			;
		line = xmalloc(e - s);	/* exactly the line, for ASan */
		memcpy(line, text + s, e - s);
		before = l.nlines;
		lay_para(&l, &tp, &p->t, line, e - s, (uint32_t)s, &st);
		FUZZ_ASSERT(l.nlines > before);
		fuzz_check_lay(&l, p->width);
		lay_para(&ls, &tps, &slow, line, e - s, (uint32_t)s, &st);
		FUZZ_ASSERT(fuzz_lay_same(&l, &ls, before));
		free(line);
		s = e + 1;
	}
	lay_clear(&l);
	lay_label(&l, &tp, &p->t, "\xc2\xb6" "12 quoted by #3, #4", p->width,
	    LAY_MARK);
	fuzz_check_lay(&l, p->width);
	lay_free(&l);
	lay_free(&ls);
	text_para_free(&tp);
	text_para_free(&tps);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_params p;

	if (size < FUZZ_HDR)
		return 0;
	fuzz_params_read(&p, data, size - FUZZ_HDR);
	fuzz_layout_doc(&p, data + FUZZ_HDR, size - FUZZ_HDR);
	fuzz_layout_para(&p, data + FUZZ_HDR, size - FUZZ_HDR);
	return 0;
}

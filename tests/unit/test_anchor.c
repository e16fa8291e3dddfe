/*
 * test_anchor.c: pane positions (src/tui/view.c) without curses. Items of
 * a fake document come in parts (every 97th item in several, as a huge
 * paragraph does); a part takes ceil(len / width) lines. The tests check
 * that positions are anchored to items and to the text across widths,
 * that scrolling moves by lines across part and item boundaries and stops
 * at both ends, that jumps to the end or to an item lay out only about a
 * screen of parts, and that an item of many parts is never laid out
 * whole; and, with the real clause table, that an offset is located on
 * its own row.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss/doc.h"
#include "gloss/layout.h"
#include "gloss/parse.h"
#include "gloss/xmalloc.h"
#include "../../src/tui/view.h"
#include "../tap.h"

static size_t calls;

static size_t
fake_parts(void *arg, size_t i)
{
	(void)arg;
	return i % 97 == 5 ? 1 + i % 11 : 1;
}

static size_t
fake_len(size_t i, size_t k)
{
	return 30 + (i * 37 + k * 101) % 200;
}

static size_t
fake_lines(size_t i, size_t k, int width)
{
	return (fake_len(i, k) + (size_t)width - 1) / (size_t)width;
}

/*
 * Part k of item i is fake_len(i, k) characters at source offset
 * 1000 * (i + k), width of them a line: line j starts at
 * 1000 * (i + k) + j * width.
 */
static void
fake_layout(void *arg, size_t i, size_t k, int width, struct lay *out)
{
	size_t n = fake_lines(i, k, width), j;

	(void)arg;
	calls++;
	for (j = 0; j < n; j++) {
		lay_new_line(out);
		out->lines[out->nlines - 1].src = (uint32_t)(1000 * (i + k) +
		    j * (size_t)width);
	}
}

static size_t
fake_part_at(void *arg, size_t i, uint32_t off)
{
	size_t k = off / 1000 > i ? off / 1000 - i : 0;

	return k < fake_parts(arg, i) ? k : fake_parts(arg, i) - 1;
}

/* Absolute line number of a position, counted the slow way. */
static size_t
abs_line(size_t top, size_t part, int line, int width)
{
	size_t i, k, n = 0;

	for (i = 0; i < top; i++)
		for (k = 0; k < fake_parts(NULL, i); k++)
			n += fake_lines(i, k, width);
	for (k = 0; k < part; k++)
		n += fake_lines(top, k, width);
	return n + (size_t)line;
}

static const struct view_source fake = {
	fake_layout, fake_parts, fake_part_at, NULL
};

/* An item of 100000 parts: walking through it never lays it out whole. */
static size_t
huge_parts(void *arg, size_t i)
{
	(void)arg;
	return i == 1 ? 100000 : 1;
}

static void
huge_layout(void *arg, size_t i, size_t k, int width, struct lay *out)
{
	(void)arg;
	(void)i;
	(void)k;
	(void)width;
	calls++;
	lay_new_line(out);
	lay_new_line(out);
	lay_new_line(out);
}

static void
test_huge(void)
{
	static const struct view_source src = {
		huge_layout, huge_parts, NULL, NULL
	};
	struct view v;
	size_t item;

	view_init(&v, 3, &src, 40);
	calls = 0;
	ok(view_more_below(&v, 24), "a huge item: more below the first screen");
	view_scroll(&v, 24, 24);
	ok(calls < 20, "a screen down lays out %zu parts", calls);
	calls = 0;
	view_end(&v, 24);
	ok(calls < 20, "G past a 100000-part item lays out %zu parts", calls);
	ok(view_row(&v, 0, &item) && item == 1 && v.part == 99993,
	    "the top is in the huge item's last parts (part %zu)", v.part);
	is_int(view_percent(&v, 24), 100, "at the end: 100%%");
	view_goto(&v, 1, 50000, 0);
	is_int(view_percent(&v, 24), 50, "half-way through the middle item");
	ok(view_top_cut(&v), "a top inside an item is cut");
	calls = 0;
	view_scroll(&v, -10, 24);
	ok(calls < 10 && v.part == 50000 - 4 && v.line == 2,
	    "scrolling up crosses parts by lines");
	view_free(&v);
}

static void
real_clause(void *arg, size_t i, size_t k, int width, struct lay *out)
{
	layout_clause_part(arg, i, k, width, out);
}

/* Whether line n of l shows the text at document offset off. */
static int
line_shows(const struct lay *l, size_t n, uint32_t off)
{
	const struct lay_line *ln = &l->lines[n];
	size_t g;

	for (g = 0; g < ln->n; g++)
		if (l->glyphs[ln->first + g].src == off)
			return 1;
	return 0;
}

/* Arabic words, five of them, for a long original. */
#define AR_WORDS "\xd9\x87\xd8\xb0\xd8\xa7 \xd9\x86\xd8\xb5 " \
    "\xd8\xa3\xd8\xb5\xd9\x84\xd9\x8a \xd8\xb7\xd9\x88\xd9\x8a" \
    "\xd9\x84 \xd8\xac\xd8\xaf\xd8\xa7 "	/* hadha nass asli tawil jiddan */

/*
 * A clause whose original takes more rows than its translation: a row's
 * source is its translation line, then (once the translation has run
 * out) its original line, which lies earlier in the document. A word on
 * a later line of the translation is located on its row, not on the last
 * row of the original (a search in the Clauses pane scrolled its match
 * off the top).
 */
static void
test_clause_rows(void)
{
	static const char text[] =
	    "T\n\nIntro.\n\n    1- " AR_WORDS AR_WORDS AR_WORDS AR_WORDS
	    ". 1 \xe2\x80\x93 A short rendering with the word pelican in "
	    "it.\n";
	struct view_source src = { real_clause, NULL, NULL, NULL };
	struct layout_ctx c;
	struct text_opts o;
	struct view v;
	struct doc *d;
	const struct lay *l;
	char *buf = xmalloc(sizeof text);
	const char *at;
	size_t part, n;
	uint32_t off;
	int line, orig_rows = 0;

	memcpy(buf, text, sizeof text);
	d = parse_text(buf, sizeof text - 1, 0);
	if (d == NULL || d->nclauses != 1) {
		ok(0, "the clause document parses");
		return;
	}
	text_opts_default(&o);
	layout_ctx_init(&c, d, &o);
	src.arg = &c;
	view_init(&v, d->nclauses, &src, 30);
	at = memmem(d->buf, d->len, "pelican", 7);
	off = (uint32_t)(at - d->buf);
	l = view_part(&v, 0, 0);
	for (n = 0; n < l->nlines; n++)
		if (l->lines[n].src != LAY_NOSRC &&
		    l->lines[n].src < d->clauses[0].translation.off)
			orig_rows++;
	ok(orig_rows > 0, "rows after the translation's end have the "
	    "original as source (%d)", orig_rows);
	view_locate(&v, 0, off, &part, &line);
	l = view_part(&v, 0, part);
	ok(line > 0 && (size_t)line < l->nlines &&
	    line_shows(l, (size_t)line, off),
	    "a word on a later line of the translation is found on its row "
	    "(row %d)", line);
	view_free(&v);
	layout_ctx_free(&c);
	doc_free(&d);
}

int
main(void)
{
	struct view v;
	size_t n = 1000000, item, part, before;
	int line, good, width;
	long moved;

	view_init(&v, n, &fake, 40);
	is_int((long long)v.top, 0, "starts at the first item");

	calls = 0;
	view_end(&v, 24);
	ok(calls < 60, "G on a million items lays out %zu parts", calls);
	ok(!view_more_below(&v, 24), "at the end nothing is below");
	ok(view_row(&v, 23, &item) && item == n - 1 &&
	    !view_row(&v, 24, &item), "the last line is on the bottom row");
	is_int(view_scroll(&v, 5, 24), 0, "cannot scroll past the end");
	is_int(view_percent(&v, 24), 100, "percent at the end is 100");

	calls = 0;
	view_goto(&v, 700000, 0, 0);
	ok(calls <= 2, "7000000g-style goto lays out %zu parts", calls);
	is_int((long long)v.top, 700000, "goto puts the item at the top");
	is_int(view_percent(&v, 24), 70, "percent is estimated from the item");

	/* Scrolling by lines crosses part and item boundaries exactly. */
	good = 1;
	for (item = 0; item < 300 && good; item += 7) {
		view_goto(&v, item, 0, 0);
		before = abs_line(v.top, v.part, v.line, 40);
		moved = view_scroll(&v, 17, 24);
		if (moved != 17 ||
		    abs_line(v.top, v.part, v.line, 40) != before + 17)
			good = 0;
		moved = view_scroll(&v, -5, 24);
		if (moved != -5 ||
		    abs_line(v.top, v.part, v.line, 40) != before + 12)
			good = 0;
	}
	ok(good, "scrolling moves by lines across parts and items");
	view_goto(&v, 5, 3, 1);
	ok(v.top == 5 && v.part == 3 && v.line == 1,
	    "goto a part of a many-part item");
	view_goto(&v, 5, 99, 99);
	ok(v.part == fake_parts(NULL, 5) - 1 &&
	    v.line == (int)fake_lines(5, v.part, 40) - 1,
	    "goto clamps part and line");
	view_goto(&v, 1, 0, 1);
	moved = view_scroll(&v, -1000, 24);
	ok(v.top == 0 && v.line == 0, "scrolling up stops at the first line");
	is_int(moved, -(long)abs_line(1, 0, 1, 40), "and says how far it moved");

	/* Anchoring: a width change keeps the item and part and the line
	 * that holds the text the top line started with. */
	view_goto(&v, 500, 0, 0);
	view_scroll(&v, 3, 24);
	item = v.top;
	part = v.part;
	line = v.line;
	view_set_width(&v, 20);
	ok(v.top == item && v.part == part,
	    "a narrower width keeps the top item and part");
	is_int(v.line, 2 * line, "and the line with the top's text");
	view_set_width(&v, 30);
	is_int(v.line, line * 40 / 30, "a third width: the same text");
	view_set_width(&v, 40);
	ok(v.top == item && v.line == line,
	    "back to the old width: the old top line, not one above it");
	view_set_width(&v, 1000);
	is_int(v.line, 0, "a very wide pane puts the part's one line on top");
	is_int((long long)v.top, (long long)item, "and keeps the item");
	view_set_width(&v, 40);
	view_scroll(&v, -1, 24);
	line = v.line;
	view_set_width(&v, 20);
	ok(line == 2 && v.line == 2 * line,
	    "after a scroll, the new top is kept");
	view_set_width(&v, 40);

	/* A place taken at one width is found again at another (Back). */
	{
		struct view_pos pos;

		view_pos_get(&v, &pos);
		view_goto(&v, 9, 0, 0);
		view_set_width(&v, 20);
		view_pos_set(&v, &pos);
		ok(v.top == item && v.line == 2 * line,
		    "a place taken at width 40 is its text at width 20");
		view_set_width(&v, 40);
		is_int(v.line, line, "and a resize from there keeps it");
	}

	/* view_locate: the part from the callback, the line from sources. */
	width = 40;
	view_set_width(&v, width);
	view_locate(&v, 5, 1000 * (5 + 2) + 3 * 40 + 7, &part, &line);
	ok(part == 2 && line == 3, "an offset inside part 2 of item 5");
	view_locate(&v, 5, 1, &part, &line);
	ok(part == 0 && line == 0, "an offset before the item: its start");
	view_free(&v);

	/* A list shorter than the pane cannot scroll. */
	view_init(&v, 3, &fake, 1000);
	is_int(view_scroll(&v, 1, 24), 0, "a 3-line list does not scroll");
	view_end(&v, 24);
	ok(v.top == 0 && v.line == 0, "its end is its top");
	view_free(&v);

	view_init(&v, 0, &fake, 10);
	view_end(&v, 5);
	ok(!view_row(&v, 0, &item), "an empty list has no rows");
	is_int(view_scroll(&v, 3, 5), 0, "and does not scroll");
	view_free(&v);

	test_huge();
	test_clause_rows();
	return tap_done();
}

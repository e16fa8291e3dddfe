/*
 * test_anchor.c: pane positions (src/tui/view.c) without curses. Items of
 * a fake document take ceil(len / width) lines; the tests check that
 * positions are anchored to items across widths, that scrolling moves by
 * lines across item boundaries and stops at both ends, and that jumps to
 * the end or to an item lay out only about a screen of items.
 */
#include "config.h"

#include <string.h>

#include "gloss/layout.h"
#include "../../src/tui/view.h"
#include "../tap.h"

static size_t calls;

static size_t
fake_len(size_t i)
{
	return 30 + (i * 37) % 200;
}

static size_t
fake_lines(size_t i, int width)
{
	return (fake_len(i) + (size_t)width - 1) / (size_t)width;
}

static void
fake_layout(void *arg, size_t i, int width, struct lay *out)
{
	size_t n = fake_lines(i, width), k;

	(void)arg;
	calls++;
	for (k = 0; k < n; k++)
		lay_new_line(out);
}

/* Absolute line number of the top, counted the slow way. */
static size_t
abs_line(size_t top, int line, int width)
{
	size_t i, n = 0;

	for (i = 0; i < top; i++)
		n += fake_lines(i, width);
	return n + (size_t)line;
}

int
main(void)
{
	struct view v;
	size_t n = 1000000, item, before, total;
	int line, good;
	long moved;

	view_init(&v, n, fake_layout, NULL, 40);
	is_int((long long)v.top, 0, "starts at the first item");

	calls = 0;
	view_end(&v, 24);
	ok(calls < 60, "G on a million items lays out %zu items", calls);
	ok(!view_more_below(&v, 24), "at the end nothing is below");
	ok(view_row(&v, 23, &item, &line) && item == n - 1 &&
	    line == (int)fake_lines(n - 1, 40) - 1,
	    "the last line is on the bottom row");
	is_int(view_scroll(&v, 5, 24), 0, "cannot scroll past the end");
	is_int(view_percent(&v, 24), 100, "percent at the end is 100");

	calls = 0;
	view_goto(&v, 700000, 0);
	ok(calls <= 2, "7000000g-style goto lays out %zu items", calls);
	is_int((long long)v.top, 700000, "goto puts the item at the top");
	is_int(view_percent(&v, 24), 70, "percent is estimated from the item");

	/* Scrolling by lines crosses item boundaries exactly. */
	before = abs_line(v.top, v.line, 40);
	good = 1;
	view_goto(&v, 10, 0);
	before = abs_line(v.top, v.line, 40);
	moved = view_scroll(&v, 17, 24);
	if (moved != 17 || abs_line(v.top, v.line, 40) != before + 17)
		good = 0;
	moved = view_scroll(&v, -5, 24);
	if (moved != -5 || abs_line(v.top, v.line, 40) != before + 12)
		good = 0;
	ok(good, "scrolling moves by lines across items");
	view_goto(&v, 1, 1);
	moved = view_scroll(&v, -1000, 24);
	ok(v.top == 0 && v.line == 0, "scrolling up stops at the first line");
	is_int(moved, -(long)abs_line(1, 1, 40), "and says how far it moved");

	/* Anchoring: a width change keeps the item and scales the line. */
	view_goto(&v, 500, 0);
	view_scroll(&v, 3, 24);
	item = v.top;
	line = v.line;
	view_set_width(&v, 20);
	is_int((long long)v.top, (long long)item,
	    "a narrower width keeps the top item");
	is_int(v.line, (int)((size_t)line * fake_lines(item, 20) /
	    fake_lines(item, 40)), "and scales its line offset");
	view_set_width(&v, 40);
	is_int((long long)v.top, (long long)item, "back to the old width");
	ok(v.line <= line, "the offset never moves past the old one");
	view_set_width(&v, 1000);
	is_int(v.line, 0, "a very wide pane puts the item's one line on top");
	is_int((long long)v.top, (long long)item, "and keeps the item");

	/* view_line_of with lines that have no source stays at 0. */
	is_int(view_line_of(&v, item, 12345), 0, "no source offsets: line 0");

	/* A list shorter than the pane cannot scroll. */
	view_free(&v);
	view_init(&v, 3, fake_layout, NULL, 1000);
	total = 3;
	is_int(view_scroll(&v, 1, 24), 0, "a %zu-line list does not scroll",
	    total);
	view_end(&v, 24);
	ok(v.top == 0 && v.line == 0, "its end is its top");
	view_free(&v);

	view_init(&v, 0, fake_layout, NULL, 10);
	view_end(&v, 5);
	ok(!view_row(&v, 0, &item, &line), "an empty list has no rows");
	is_int(view_scroll(&v, 3, 5), 0, "and does not scroll");
	view_free(&v);
	return tap_done();
}

/*
 * test_help.c: the help screen's layout (src/tui/help.c) at every width
 * from 1 to 140 cells: no line is wider than the width, every character
 * of every help line is laid out (nothing cropped), descriptions hang
 * under themselves when there is room, a width change keeps the help line
 * at the top, and scrolling stays in range.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/layout.h"
#include "gloss/text.h"
#include "../../src/tui/help.h"
#include "../../src/tui/keys.h"
#include "../tap.h"

static struct text_opts opts;
static struct text_para tp;

/* The characters of s[0, len) other than spaces, appended to out. */
static size_t
nonspace(const char *s, size_t len, char *out, size_t n)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ')
			out[n++] = s[i];
	out[n] = '\0';
	return n;
}

/* Lines [a, b) of l, their glyphs' text without spaces, into out. */
static void
laid_text(const struct lay *l, size_t a, size_t b, char *out)
{
	const struct lay_glyph *g;
	size_t i, k, n = 0;

	out[0] = '\0';
	for (i = a; i < b; i++)
		for (k = 0; k < l->lines[i].n; k++) {
			g = &l->glyphs[l->lines[i].first + k];
			n = nonspace(l->text + g->text, g->len, out, n);
		}
}

static void
test_widths(void)
{
	struct help h;
	char want[512], got[512];
	size_t i, k, wide_bad = 0, lost = 0, wider = 0, nosrc = 0;
	int w;

	help_init(&h);
	for (w = 1; w <= 140; w++) {
		help_layout(&h, &tp, &opts, w);
		for (i = 0; i < h.lay.nlines; i++)
			if (h.lay.lines[i].width > w ||
			    h.lay.lines[i].src != LAY_NOSRC)
				wider++;
		for (i = 0; i < h.lay.nglyphs; i++)
			if (h.lay.glyphs[i].src != LAY_NOSRC)
				nosrc++;
		for (i = 0; i < h.nsrc; i++) {
			nonspace(h.src[i].text, strlen(h.src[i].text), want,
			    0);
			laid_text(&h.lay, h.first[i], h.first[i + 1], got);
			if (strcmp(want, got) != 0) {
				if (lost++ == 0)
					diag("width %d: \"%s\" laid out as "
					    "\"%s\"", w, want, got);
			}
			/* Room beside the keys: the description hangs. */
			if (h.src[i].desc == 0 ||
			    w - (int)h.src[i].desc < HELP_DESC_MIN)
				continue;
			for (k = h.first[i] + 1; k < h.first[i + 1]; k++)
				if (h.lay.lines[k].indent != h.src[i].desc)
					wide_bad++;
		}
	}
	is_int((long long)wider, 0, "no line wider than 1..140 cells, "
	    "none pointing into a document");
	is_int((long long)nosrc, 0, "no glyph points into a document");
	is_int((long long)lost, 0, "every help line laid out whole at "
	    "every width");
	is_int((long long)wide_bad, 0, "descriptions hang under themselves "
	    "when they have room");
	ok(h.nsrc > ACT_COUNT, "the help has a line per action and more "
	    "(%zu)", h.nsrc);
	help_free(&h);
}

static void
test_place(void)
{
	struct help h;
	size_t top;

	help_init(&h);
	help_layout(&h, &tp, &opts, 30);
	ok(h.first[12] + 1 < h.first[13], "at 30 cells, help line 12 takes "
	    "two lines or more");
	h.top = h.first[12] + 1;
	help_layout(&h, &tp, &opts, 30);
	is_int((long long)h.top, (long long)h.first[12] + 1,
	    "the same width changes nothing");
	help_layout(&h, &tp, &opts, 90);
	is_int((long long)h.top, (long long)h.first[12],
	    "at 90 cells the top is help line 12's first line");
	top = h.top;
	help_layout(&h, &tp, &opts, 20);
	is_int((long long)h.top, (long long)h.first[12],
	    "back at 20 cells, still help line 12 (%zu -> %zu)", top, h.top);

	help_scroll(&h, 1000000, 10);
	is_int((long long)h.top, (long long)h.lay.nlines - 10,
	    "scrolling far down stops at the last full screen");
	help_scroll(&h, -3, 10);
	is_int((long long)h.top, (long long)h.lay.nlines - 13,
	    "three lines up from there");
	help_scroll(&h, -1000000, 10);
	is_int((long long)h.top, 0, "scrolling far up stops at the top");
	help_scroll(&h, 5, (int)h.lay.nlines + 5);
	is_int((long long)h.top, 0, "a screen taller than the help: top 0");
	help_free(&h);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		tap_skip_all("no C.UTF-8 locale");
	text_opts_default(&opts);
	text_para_init(&tp);
	keys_reset();
	test_widths();
	test_place();
	text_para_free(&tp);
	return tap_done();
}

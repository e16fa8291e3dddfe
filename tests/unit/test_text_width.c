/*
 * test_text_width.c: text_cluster_draw, the one width function. Named
 * cases (ASCII, marks, Arabic, CJK, emoji, the characters glibc and
 * libunistring disagree on, ambiguous width, charsets) and an exhaustive
 * check over every code point that the width equals the sum of wcwidth()
 * of what is drawn and that nothing drawn is a control.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "../tap.h"

static struct text_opts opts, opts_wide, opts_term;

/* Width of the cluster given as code points, and its drawn form as hex. */
static int
draw(const struct text_opts *o, const uint32_t *cps, size_t n, char *hex,
    size_t hexlen)
{
	uint32_t d[TEXT_DRAW_MAX];
	size_t nd, i, k = 0;
	int w;

	w = text_cluster_draw(o, cps, n, d, &nd);
	hex[0] = '\0';
	for (i = 0; i < nd && k + 10 < hexlen; i++)
		k += snprintf(hex + k, hexlen - k, "%s%04X", i ? " " : "",
		    (unsigned)d[i]);
	return w;
}

#define CL(...) ((const uint32_t[]){ __VA_ARGS__ }), \
	(sizeof((const uint32_t[]){ __VA_ARGS__ }) / sizeof(uint32_t))

static void
check(const struct text_opts *o, const uint32_t *cps, size_t n, int want,
    const char *wantdraw, const char *what)
{
	char hex[128];
	int w = draw(o, cps, n, hex, sizeof hex);

	is_int(w, want, "%s: width", what);
	if (wantdraw != NULL)
		is_str(hex, wantdraw, "%s: drawn", what);
}

/* Sum of wcwidth over the drawn form; -1 if any is negative. */
static int
wcsum(const uint32_t *d, size_t nd)
{
	size_t i;
	int s = 0, w;

	for (i = 0; i < nd; i++) {
		w = wcwidth((wchar_t)d[i]);
		if (w < 0)
			return -1;
		s += w;
	}
	return s;
}

static int
is_bad_drawn(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfeff ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x200e || c == 0x200f || c == 0x061c ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff;
}

static void
test_exhaustive(void)
{
	uint32_t c, in[2], d[TEXT_DRAW_MAX];
	size_t nd, i;
	long bad = 0, badmark = 0, controls = 0, unsure = 0;
	int w;

	for (c = 0; c <= 0x10ffff; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		in[0] = c;
		w = text_cluster_draw(&opts, in, 1, d, &nd);
		if (w != wcsum(d, nd)) {
			if (bad++ < 5)
				diag("U+%04X: width %d, wcwidth sum %d",
				    (unsigned)c, w, wcsum(d, nd));
		}
		for (i = 0; i < nd; i++)
			if (is_bad_drawn(d[i]) && controls++ < 5)
				diag("U+%04X draws U+%04X", (unsigned)c,
				    (unsigned)d[i]);
		if (nd == 1 && (d[0] == 0xfffd || d[0] == 0x3013) &&
		    c != 0xfffd && c != 0x3013)
			unsure++;
		/* As a mark on a base and as a base with a mark. */
		in[0] = 'a';
		in[1] = c;
		w = text_cluster_draw(&opts, in, 2, d, &nd);
		if (w != wcsum(d, nd) && badmark++ < 5)
			diag("a+U+%04X: width %d, sum %d", (unsigned)c, w,
			    wcsum(d, nd));
		in[0] = c;
		in[1] = 0x0301;
		w = text_cluster_draw(&opts, in, 2, d, &nd);
		if (w != wcsum(d, nd) && badmark++ < 5)
			diag("U+%04X+0301: width %d, sum %d", (unsigned)c, w,
			    wcsum(d, nd));
		for (i = 0; i < nd; i++)
			if (is_bad_drawn(d[i]) && controls++ < 5)
				diag("U+%04X+0301 draws U+%04X", (unsigned)c,
				    (unsigned)d[i]);
	}
	diag("exhaustive: %ld code points drawn as placeholders", unsure);
	is_int(bad, 0, "every code point: width = sum of wcwidth of drawn");
	is_int(badmark, 0, "with a mark: width = sum of wcwidth of drawn");
	is_int(controls, 0, "no drawn form holds a control or bidi control");
}

static void
test_named(void)
{
	uint32_t many[10001], d[TEXT_DRAW_MAX];
	size_t i, nd;
	int w;

	check(&opts, CL('a'), 1, "0061", "ASCII letter");
	check(&opts, CL(' '), 1, "0020", "space");
	check(&opts, CL('e', 0x0308), 1, "0065 0308", "e + combining diaeresis");
	check(&opts, CL(0x00eb), 1, "00EB", "precomposed e diaeresis");
	check(&opts, CL(0x0628, 0x064e, 0x0651), 1, "0628 064E 0651",
	    "Arabic beh with fatha and shadda");
	check(&opts, CL(0xfefb), 1, "FEFB", "lam-alef ligature form");
	check(&opts, CL(0xfeff), 0, "", "ligature fill U+FEFF draws nothing");
	check(&opts, CL(0x4e2d), 2, "4E2D", "CJK ideograph");
	check(&opts, CL(0x3000), 2, "3000", "ideographic space");
	check(&opts, CL(0x2764, 0xfe0f), 1, "2764", "heart + VS16: VS dropped");
	check(&opts, CL(0x1f600), 2, "1F600", "emoji");
	check(&opts, CL(0x1f44d, 0x1f3fd), 2, "1F44D",
	    "thumbs up + skin tone: modifier dropped");
	check(&opts, CL(0x1f468, 0x200d, 0x1f469, 0x200d, 0x1f467), 2,
	    "1F468", "ZWJ family: first member only");
	check(&opts, CL(0x1f3f3, 0xfe0f, 0x200d, 0x1f308), 1, "1F3F3",
	    "rainbow flag ZWJ sequence: text-default flag, 1 cell");
	check(&opts, CL(0x1f1eb, 0x1f1f7), 2, "1F1EB 1F1F7",
	    "regional-indicator flag: two letters, 2 cells");
	check(&opts, CL(0x1f1eb), 1, "1F1EB", "lone regional indicator");
	check(&opts, CL(0x1f3f4, 0xe0067, 0xe0062, 0xe0065, 0xe006e, 0xe0067,
	    0xe007f), 2, "1F3F4", "tag sequence flag: tags dropped");
	check(&opts, CL(0x0301), 1, "25CC 0301", "lone mark on dotted circle");
	check(&opts, CL(0x200b), 0, "", "zero width space draws nothing");
	check(&opts, CL(0x202e), 0, "", "RLO draws nothing");
	check(&opts, CL(0x2067), 0, "", "RLI draws nothing");
	check(&opts, CL(0x200f), 0, "", "RLM draws nothing");
	check(&opts, CL(0x061c), 0, "", "ALM draws nothing");
	check(&opts, CL(0x00ad), 0, "", "soft hyphen draws nothing");
	/* The terminal shapes in --bidi=terminal: it needs the joiners. */
	check(&opts, CL(0x06cc, 0x200c), 1, "06CC",
	    "app bidi: ZWNJ after a letter draws nothing");
	check(&opts_term, CL(0x06cc, 0x200c), 1, "06CC 200C",
	    "terminal bidi: ZWNJ kept after a letter");
	check(&opts_term, CL(0x0644, 0x200d), 1, "0644 200D",
	    "terminal bidi: ZWJ kept after a letter");
	check(&opts_term, CL(0x200c), 0, "",
	    "terminal bidi: a lone ZWNJ draws nothing");
	check(&opts_term, CL(0x1f468, 0x200d, 0x1f469), 2, "1F468",
	    "terminal bidi: emoji ZWJ sequence still its first member");
	for (i = 0x0600; i <= 0x0605; i++)
		check(&opts, (uint32_t[]){ i }, 1, 1, "FFFD",
		    "Arabic prepended mark (glibc 1, libunistring 0)");
	check(&opts, CL(0x0600, '1'), 2, "FFFD 0031",
	    "Arabic number sign + digit");
	check(&opts, CL(0x06dd), 1, "FFFD", "U+06DD end of ayah");
	check(&opts, CL(0x0890), 1, "FFFD", "U+0890 pound mark above");
	check(&opts, CL(0x0891), 1, "FFFD", "U+0891 piastre mark above");
	check(&opts, CL(0x08e2), 1, "FFFD", "U+08E2 disputed end of ayah");
	check(&opts, CL(0x4dc0), 2, "3013",
	    "U+4DC0 hexagram (glibc 2, libunistring 1): wide placeholder");
	check(&opts, CL(0x4dff), 2, "3013", "U+4DFF hexagram");
	if (wcwidth(0x1fae8) < 0)
		check(&opts, CL(0x1fae8), 1, "FFFD",
		    "U+1FAE8 (Unicode 15, glibc -1): placeholder");
	else
		check(&opts, CL(0x1fae8), 2, NULL, "U+1FAE8");
	check(&opts, CL(0x0378), 1, "FFFD", "unassigned U+0378");
	check(&opts, CL(0x00b1), 1, "00B1", "ambiguous plus-minus, narrow");
	check(&opts_wide, CL(0x00b1), 2, "00B1", "ambiguous plus-minus, wide");
	check(&opts, CL(0x2500), 1, "2500", "box drawing, narrow");
	check(&opts_wide, CL(0x2500), 2, "2500", "box drawing, wide");
	check(&opts_wide, CL('a', 0x0300), 1, "0061 0300",
	    "ambiguous combining mark stays 0 in wide mode");
	check(&opts_wide, CL(0x4e2d), 2, "4E2D", "CJK in wide mode");
	check(&opts, CL(0x1100, 0x1161, 0x11a8), 2, "1100 1161 11A8",
	    "Hangul L V T");
	check(&opts, CL(0x0915, 0x093e), 2, "0915 093E",
	    "Devanagari ka + aa (spacing mark)");
	check(&opts, CL(0x2400 + 0x1b), 1, "241B", "escape picture");
	check(&opts, CL(0x1b), 1, "241B", "raw ESC is made a picture");
	check(&opts, CL(0x9b), 1, "FFFD", "raw C1 CSI is made U+FFFD");

	many[0] = 'o';
	for (i = 1; i < 10001; i++)
		many[i] = 0x0300 + i % 0x70;
	w = text_cluster_draw(&opts, many, 10001, d, &nd);
	is_int(w, 1, "10,000 marks on one base: width 1");
	is_int(nd, 5, "10,000 marks: base + 4 marks drawn");
}

static void
test_charset(void)
{
	struct text_opts o = opts;
	char hex[64];

	/* A charset of the locale's own is the only one wcwidth knows. */
	o.out_utf8 = 0;
	o.out_charset = "ASCII";
	is_int(draw(&o, CL(0x4e2d), hex, sizeof hex), 1,
	    "ASCII output: CJK is 1 cell");
	is_str(hex, "003F", "ASCII output: CJK drawn as ?");
	is_int(draw(&o, CL('e', 0x0301), hex, sizeof hex), 1,
	    "ASCII output: e+acute is one ?");
	is_str(hex, "003F", "ASCII output: e+acute drawn as ?");
	is_int(draw(&o, CL('x'), hex, sizeof hex), 1, "ASCII output: x");
	is_str(hex, "0078", "ASCII output: x drawn as x");
	o.out_charset = "ISO-8859-1";
	is_int(draw(&o, CL(0x00e9), hex, sizeof hex), 1,
	    "Latin-1 output: e acute");
	is_str(hex, "00E9", "Latin-1 output: e acute kept");
	is_int(draw(&o, CL(0x0628), hex, sizeof hex), 1,
	    "Latin-1 output: Arabic 1 cell");
	is_str(hex, "003F", "Latin-1 output: Arabic as ?");
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		tap_skip_all("no C.UTF-8 locale");
	text_opts_default(&opts);
	ok(opts.out_utf8, "C.UTF-8: output is UTF-8");
	ok(opts.bidi == TEXT_BIDI_APP && !opts.ambiguous_wide,
	    "defaults: app bidi, narrow ambiguous");
	opts_wide = opts;
	opts_wide.ambiguous_wide = 1;
	opts_term = opts;
	opts_term.bidi = TEXT_BIDI_TERMINAL;
	test_named();
	test_charset();
	test_exhaustive();
	return tap_done();
}

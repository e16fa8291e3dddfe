/*
 * test_text_conform.c: the text layer against the Unicode conformance
 * files of the unicode-data package (skipped when a file is absent):
 *  - GraphemeBreakTest through text_graphemes, and through
 *    text_para_prepare for lines without controls;
 *  - LineBreakTest through text_linebreaks: a line either passes or is
 *    listed in tests/data/linebreak-deviations.txt (libunistring's own
 *    deviations); any other failure fails;
 *  - BidiCharacterTest through text_bidi_line (levels and order, with
 *    FriBidi's resolved levels) and through text_para_prepare_ex +
 *    text_para_visual (visual order of the code points).
 * Set GLOSS_LB_LIST=1 to print the current linebreak failures in the
 * format of the deviations file.
 */
#include "config.h"

#include <fribidi.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "../tap.h"

#define MAXCP 256

static struct text_opts opts;

/* One test line: code points and, per position 0..n, the marker. */
struct tline {
	uint32_t cp[MAXCP];
	int brk[MAXCP + 1];	/* 1: ÷ before cp i */
	char rule[MAXCP + 1][12];
	size_t n;
};

/* Parse "÷ 0020 × 0308 ÷ # ÷ [0.2] ... ÷ [0.3]" (LineBreak/Grapheme). */
static int
tline_parse(const char *line, struct tline *t)
{
	const char *p = line, *hash;
	size_t k = 0;
	char *end;

	t->n = 0;
	hash = strchr(line, '#');
	while (*p != '\0' && p != hash) {
		if (strncmp(p, "\xc3\xb7", 2) == 0) {	/* ÷ */
			t->brk[t->n] = 1;
			p += 2;
		} else if (strncmp(p, "\xc3\x97", 2) == 0) {	/* × */
			t->brk[t->n] = 0;
			p += 2;
		} else if ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'F')) {
			if (t->n >= MAXCP)
				return 0;
			t->cp[t->n++] = strtoul(p, &end, 16);
			p = end;
		} else
			p++;
	}
	if (t->n == 0 || hash == NULL)
		return 0;
	/* Rules from the comment: "[9.0]" after each marker. */
	for (p = hash; (p = strchr(p, '[')) != NULL && k <= t->n; k++) {
		sscanf(p + 1, "%11[^]]", t->rule[k]);
		p++;
	}
	for (; k <= t->n; k++)
		strcpy(t->rule[k], "?");
	return 1;
}

static FILE *
open_data(const char *path)
{
	return fopen(path, "r");
}

static void
test_grapheme(void)
{
	FILE *f = open_data("/usr/share/unicode/auxiliary/GraphemeBreakTest.txt");
	struct tline t;
	struct text_para p;
	struct text_opts o = opts;
	char line[4096], brk[MAXCP], u8[MAXCP * 4];
	size_t i, lines = 0, pass = 0, ppass = 0, plines = 0, off[MAXCP + 1];
	size_t len, c;
	int good, skip;

	if (f == NULL) {
		ok(1, "# SKIP GraphemeBreakTest.txt absent");
		return;
	}
	text_para_init(&p);
	o.bidi = TEXT_BIDI_OFF;
	while (fgets(line, sizeof line, f) != NULL) {
		if (!tline_parse(line, &t))
			continue;
		lines++;
		text_graphemes(t.cp, t.n, brk);
		good = 1;
		for (i = 1; i < t.n; i++)
			if ((brk[i] != 0) != t.brk[i])
				good = 0;
		if (good)
			pass++;
		else if (lines - pass <= 5)
			diag("grapheme mismatch: %s", line);

		/* Through prepare, when nothing is sanitised. */
		skip = 0;
		len = 0;
		for (i = 0; i < t.n; i++) {
			if (t.cp[i] < 0x20 || (t.cp[i] >= 0x7f && t.cp[i] < 0xa0) ||
			    (t.cp[i] >= 0xd800 && t.cp[i] <= 0xdfff))
				skip = 1;
			off[i] = len;
			len += text_utf8_encode(t.cp[i], u8 + len);
		}
		if (skip)
			continue;
		plines++;
		text_para_prepare_ex(&p, &o, u8, len, 0, TEXT_PREP_SLOW);
		good = 1;
		for (i = 0, c = 0; i < t.n; i++) {
			if (!t.brk[i] && i > 0)
				continue;
			if (c >= p.ncl || p.cl[c].src != off[i])
				good = 0;
			c++;
		}
		if (c != p.ncl)
			good = 0;
		if (good)
			ppass++;
		else if (plines - ppass <= 5)
			diag("prepare grapheme mismatch: %s", line);
	}
	fclose(f);
	text_para_free(&p);
	diag("GraphemeBreakTest: %zu/%zu lines pass; through prepare %zu/%zu",
	    pass, lines, ppass, plines);
	ok(lines > 0 && pass == lines, "GraphemeBreakTest: all lines pass");
	ok(plines > 0 && ppass == plines,
	    "GraphemeBreakTest via text_para_prepare: all lines pass");
}

/* The committed list of known libunistring deviations, by line number. */
static char *
load_deviations(size_t *nmax)
{
	const char *top = getenv("top_srcdir");
	char path[4096], line[512];
	char *listed;
	FILE *f;
	unsigned long ln;

	*nmax = 20000;
	listed = xcalloc(*nmax, 1);
	snprintf(path, sizeof path, "%s/tests/data/linebreak-deviations.txt",
	    top != NULL ? top : ".");
	f = fopen(path, "r");
	if (f == NULL) {
		diag("cannot read %s", path);
		return listed;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		if (line[0] == '#' || sscanf(line, "%lu", &ln) != 1)
			continue;
		if (ln < *nmax)
			listed[ln] = 1;
	}
	fclose(f);
	return listed;
}

static void
test_linebreak(void)
{
	FILE *f = open_data("/usr/share/unicode/auxiliary/LineBreakTest.txt");
	struct tline t;
	char line[8192], brk[MAXCP], *listed;
	size_t i, lines = 0, pass = 0, dev = 0, bad = 0, stale = 0, nmax;
	size_t lineno = 0;
	int good, first, print = getenv("GLOSS_LB_LIST") != NULL;

	if (f == NULL) {
		ok(1, "# SKIP LineBreakTest.txt absent");
		return;
	}
	listed = load_deviations(&nmax);
	while (fgets(line, sizeof line, f) != NULL) {
		lineno++;
		if (!tline_parse(line, &t))
			continue;
		lines++;
		text_linebreaks(t.cp, t.n, brk);
		good = 1;
		first = -1;
		for (i = 1; i < t.n; i++)
			if ((brk[i] != TEXT_BREAK_NO) != t.brk[i]) {
				good = 0;
				if (first < 0)
					first = i;
			}
		if (good) {
			pass++;
			if (lineno < nmax && listed[lineno])
				stale++;
			continue;
		}
		if (lineno < nmax && listed[lineno]) {
			dev++;
			continue;
		}
		bad++;
		if (print)
			diag("DEV %zu %s libunistring %s before U+%04X after "
			    "U+%04X", lineno, t.rule[first],
			    t.brk[first] ? "does not break" : "breaks",
			    (unsigned)t.cp[first], (unsigned)t.cp[first - 1]);
		else if (bad <= 10)
			diag("unexpected linebreak failure, line %zu: %s",
			    lineno, line);
	}
	fclose(f);
	free(listed);
	diag("LineBreakTest: %zu lines: %zu pass, %zu known deviations, "
	    "%zu unexpected failures, %zu listed but now passing", lines,
	    pass, dev, bad, stale);
	ok(lines > 0 && bad == 0,
	    "LineBreakTest: every line passes or is a listed deviation");
}

/* Parse a hex list "05D0 0061"; returns count. */
static size_t
parse_hex(const char *s, uint32_t *out, size_t max)
{
	size_t n = 0;
	char *end;

	while (*s != '\0' && *s != ';' && n < max) {
		if (*s == ' ') {
			s++;
			continue;
		}
		out[n++] = strtoul(s, &end, 16);
		s = end;
	}
	return n;
}

static void
test_bidi(void)
{
	FILE *f = open_data("/usr/share/unicode/BidiCharacterTest.txt");
	char line[8192], u8[MAXCP * 4], *fld[5], *q;
	uint32_t cp[MAXCP], order[MAXCP], corder[MAXCP], got[MAXCP];
	int want_lev[MAXCP], want_order[MAXCP], dir, parlevel;
	FriBidiCharType types[MAXCP];
	FriBidiBracketType br[MAXCP];
	FriBidiLevel lev[MAXCP];
	FriBidiParType pdir;
	uint8_t lv[MAXCP], kind[MAXCP];
	size_t n, i, j, k, nw, ng, lines = 0, pass = 0, ppass = 0, len;
	size_t cpof[MAXCP * 4 + 1], first, last;
	struct text_para p;
	int good;

	if (f == NULL) {
		ok(1, "# SKIP BidiCharacterTest.txt absent");
		return;
	}
	text_para_init(&p);
	while (fgets(line, sizeof line, f) != NULL) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		q = line;
		for (i = 0; i < 5; i++) {
			fld[i] = q;
			q = strchr(q, ';');
			if (q == NULL && i < 4)
				break;
			if (q != NULL)
				*q++ = '\0';
		}
		if (i < 5)
			continue;
		n = parse_hex(fld[0], cp, MAXCP);
		dir = atoi(fld[1]);
		parlevel = atoi(fld[2]);
		q = fld[3];
		for (i = 0; i < n; i++) {
			while (*q == ' ')
				q++;
			want_lev[i] = *q == 'x' ? -1 : (int)strtol(q, &q, 10);
			if (want_lev[i] < 0)
				q++;
		}
		q = fld[4];
		for (nw = 0; nw < n; nw++) {
			while (*q == ' ')
				q++;
			if (*q < '0' || *q > '9')
				break;
			want_order[nw] = strtol(q, &q, 10);
		}
		lines++;

		/* Lower level: FriBidi's levels, our L1/L2. */
		fribidi_get_bidi_types(cp, n, types);
		fribidi_get_bracket_types(cp, n, types, br);
		pdir = dir == 0 ? FRIBIDI_PAR_LTR : dir == 1 ? FRIBIDI_PAR_RTL :
		    FRIBIDI_PAR_ON;
		good = fribidi_get_par_embedding_levels_ex(types, br, n, &pdir,
		    lev) != 0;
		good = good && (FRIBIDI_IS_RTL(pdir) ? 1 : 0) == parlevel;
		for (i = 0; i < n; i++) {
			lv[i] = lev[i];
			kind[i] = text_bidi_kind(cp[i]);
		}
		text_bidi_line(lv, kind, n, parlevel, order);
		for (i = 0; i < n; i++)
			if (want_lev[i] >= 0 && lv[i] != want_lev[i])
				good = 0;
		for (i = 0, k = 0; i < n; i++) {
			if (want_lev[order[i]] < 0)
				continue;
			if (k >= nw || (int)order[i] != want_order[k])
				good = 0;
			k++;
		}
		if (k != nw)
			good = 0;
		if (good)
			pass++;
		else if (lines - pass <= 5)
			diag("bidi (levels) mismatch: %s", fld[0]);

		/* Through the real path: prepare + visual, by clusters. */
		len = 0;
		for (i = 0; i < n; i++) {
			k = text_utf8_encode(cp[i], u8 + len);
			for (j = 0; j < k; j++)
				cpof[len + j] = i;
			len += k;
		}
		text_para_prepare_ex(&p, &opts, u8, len, 0, TEXT_PREP_SLOW |
		    (dir == 0 ? TEXT_PREP_LTR : dir == 1 ? TEXT_PREP_RTL : 0));
		good = p.rtl == parlevel;
		text_para_visual(&p, 0, p.ncl, corder);
		ng = 0;
		for (i = 0; i < p.ncl; i++) {
			first = cpof[p.cl[corder[i]].src];
			last = cpof[p.cl[corder[i]].src + p.cl[corder[i]].srclen -
			    1];
			for (j = 0; j <= last - first; j++) {
				k = (p.cl[corder[i]].level & 1) ? last - j :
				    first + j;
				if (want_lev[k] >= 0)
					got[ng++] = k;
			}
		}
		if (ng != nw)
			good = 0;
		for (i = 0; i < ng && good; i++)
			if ((int)got[i] != want_order[i])
				good = 0;
		if (good)
			ppass++;
		else if (lines - ppass <= 5)
			diag("bidi (prepare) mismatch: %s", fld[0]);
	}
	fclose(f);
	text_para_free(&p);
	diag("BidiCharacterTest: %zu lines; levels+order %zu pass; "
	    "prepare+visual order %zu pass", lines, pass, ppass);
	ok(lines > 0 && pass == lines,
	    "BidiCharacterTest: levels and order, all lines");
	ok(lines > 0 && ppass == lines,
	    "BidiCharacterTest via text_para_prepare/visual: all lines");
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		tap_skip_all("no C.UTF-8 locale");
	text_opts_default(&opts);
	test_grapheme();
	test_linebreak();
	test_bidi();
	return tap_done();
}

/*
 * test_text_para.c: UTF-8 decoding, sanitising and injection, clusters
 * and break flags of text_para_prepare, bidi and shaping by mode,
 * text_direction, text_to_output and text_fold.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "../tap.h"

static struct text_opts opts;

static void
test_utf8(void)
{
	uint32_t c;
	char buf[8], line[48];
	size_t k, bad;

	k = text_utf8_decode("\xc3\xa9", 2, &c);
	ok(k == 2 && c == 0xe9, "decode 2-byte");
	k = text_utf8_decode("\xf0\x9f\x98\x80", 4, &c);
	ok(k == 4 && c == 0x1f600, "decode 4-byte");
	k = text_utf8_decode("\xe2\x82", 2, &c);
	ok(k == 2 && c == 0xfffd, "truncated 3-byte: one U+FFFD for 2 bytes");
	k = text_utf8_decode("\xe2\x82" "a", 3, &c);
	ok(k == 2 && c == 0xfffd, "maximal subpart stops before a");
	k = text_utf8_decode("\xc0\xaf", 2, &c);
	ok(k == 1 && c == 0xfffd, "overlong C0: 1 byte");
	k = text_utf8_decode("\xe0\x80\xaf", 3, &c);
	ok(k == 1 && c == 0xfffd, "overlong E0 80: 1 byte");
	k = text_utf8_decode("\xed\xa0\x80", 3, &c);
	ok(k == 1 && c == 0xfffd, "surrogate: 1 byte at a time");
	k = text_utf8_decode("\xf4\x90\x80\x80", 4, &c);
	ok(k == 1 && c == 0xfffd, "above U+10FFFF");
	k = text_utf8_decode("\x9b", 1, &c);
	ok(k == 1 && c == 0xfffd, "lone continuation / raw C1 byte");
	k = text_utf8_decode("\xf0\x9f\x98", 3, &c);
	ok(k == 3 && c == 0xfffd, "truncated 4-byte: one U+FFFD");
	/* Unicode's example: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 */
	is_int(text_utf8_invalid("a\xf1\x80\x80\xe1\x80\xc2" "b\x80" "c\x80\xbf"
	    "d", 13), 6, "invalid count, Unicode ch. 3 example");
	is_int(text_utf8_invalid("\xef\xbf\xbd", 3), 0,
	    "a real U+FFFD is not invalid");
	/* Long ASCII runs are skipped a word at a time: a bad byte, a
	 * truncated sequence and a good one at every position of a line. */
	bad = 0;
	for (k = 0; k < 40; k++) {
		memset(line, 'a', sizeof line);
		line[k] = '\xff';
		line[k + 7] = '\xc3';	/* truncated: the next byte is ASCII */
		memcpy(line + (k + 13) % 40, "\xc3\xa9", 2);	/* é */
		if (text_utf8_invalid(line, sizeof line) != 2)
			bad++;
		if (text_utf8_invalid(line + k + 1, sizeof line - k - 1) != 1)
			bad++;
	}
	is_int((long long)bad, 0, "invalid count with long ASCII runs");
	k = text_utf8_encode(0x20ac, buf);
	ok(k == 3 && memcmp(buf, "\xe2\x82\xac", 3) == 0, "encode euro");
	k = text_utf8_encode(0x10ffff, buf);
	ok(k == 4 && memcmp(buf, "\xf4\x8f\xbf\xbf", 4) == 0,
	    "encode U+10FFFF");
}

/* The drawn text of a prepared paragraph, clusters joined. */
static char *
drawn(const struct text_para *p)
{
	char *s = xmalloc(p->drawlen + 1);
	size_t i, n = 0;

	for (i = 0; i < p->ncl; i++) {
		memcpy(s + n, p->draw + p->cl[i].draw, p->cl[i].drawlen);
		n += p->cl[i].drawlen;
	}
	s[n] = '\0';
	return s;
}

/* Whether UTF-8 s holds a control, ESC, bidi control or U+FEFF. */
static int
has_unsafe(const char *s)
{
	size_t i = 0, len = strlen(s);
	uint32_t c;

	while (i < len) {
		i += text_utf8_decode(s + i, len - i, &c);
		if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfeff ||
		    (c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069) || c == 0x200e ||
		    c == 0x200f || c == 0x061c)
			return 1;
	}
	return 0;
}

static void
test_sanitise(void)
{
	struct text_para p;
	struct text_opts o;
	const char *in;
	char *d;
	int mode;
	size_t i, fixed;

	text_para_init(&p);
	in = "a\x01" "b\x1b" "c\x7f" "d";
	text_para_prepare(&p, &opts, in, strlen(in), 100);
	d = drawn(&p);
	is_str(d, "a\xe2\x90\x81" "b\xe2\x90\x9b" "c\xe2\x90\xa1" "d",
	    "C0, ESC and DEL as control pictures");
	free(d);
	ok(p.ncl == 7 && (p.cl[1].flags & TEXT_CL_FIXED) &&
	    p.cl[1].src == 101 && p.cl[1].srclen == 1 && p.cl[1].width == 1,
	    "control picture: own cluster, FIXED, src and width");
	text_para_prepare(&p, &opts, "x\0y", 3, 0);
	d = drawn(&p);
	is_str(d, "x\xe2\x90\x80y", "NUL as U+2400");
	free(d);

	in = "a\xc2\x85" "b";
	text_para_prepare(&p, &opts, in, strlen(in), 0);
	d = drawn(&p);
	is_str(d, "a<U+0085>b", "C1 NEL shown like less");
	free(d);
	ok(p.ncl == 3 && p.cl[1].width == 8 &&
	    (p.cl[1].flags & TEXT_CL_FIXED) && p.cl[1].srclen == 2,
	    "C1: one FIXED cluster of 8 cells");
	ok(p.cl[2].brk == TEXT_BREAK_MANDATORY,
	    "NEL keeps its mandatory break after it");

	in = "a\x80\xff" "b\xe2\x82";
	text_para_prepare(&p, &opts, in, strlen(in), 0);
	d = drawn(&p);
	is_str(d, "a\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd",
	    "invalid UTF-8 as one U+FFFD per maximal subpart");
	free(d);
	for (i = 0, fixed = 0; i < p.ncl; i++)
		fixed += (p.cl[i].flags & TEXT_CL_FIXED) != 0;
	is_int(fixed, 3, "invalid sequences are FIXED clusters");

	in = "a\xcc\x81";	/* after an invalid byte a mark starts anew */
	text_para_prepare(&p, &opts, "\x80\xcc\x81", 3, 0);
	d = drawn(&p);
	is_str(d, "\xef\xbf\xbd\xe2\x97\x8c\xcc\x81",
	    "mark after a placeholder is drawn on U+25CC");
	free(d);

	text_para_prepare(&p, &opts, "a\tb", 3, 0);
	ok(p.ncl == 3 && (p.cl[1].flags & TEXT_CL_TAB) &&
	    (p.cl[1].flags & TEXT_CL_SPACE) && p.cl[1].width == 0,
	    "tab: TAB|SPACE, width left to layout");

	/* Injection: none of this reaches the terminal as controls. */
	in = "T\x1b]0;pwned\x07i\x1b]52;c;Zm9v\x07t\x1b]8;;http://x\x1b\\"
	    "l\x1b[2Je\x1bP$q m\x1b\\ \rok\x07\x9b" "31m\xc2\x9b" "32m"
	    "\xe2\x80\xae" "dlrow\xe2\x80\xac\xe2\x81\xa7" "x\xe2\x81\xa9"
	    "\xe2\x80\x8f\xef\xbb\xbf\xff" "end";
	for (mode = 0; mode < 3; mode++) {
		o = opts;
		o.bidi = mode;
		text_para_prepare(&p, &o, in, strlen(in), 0);
		d = drawn(&p);
		ok(!has_unsafe(d), "injection (bidi mode %d): nothing unsafe "
		    "drawn", mode);
		ok(strstr(d, "pwned") != NULL && strstr(d, "Zm9v") != NULL &&
		    strstr(d, "http://x") != NULL && strstr(d, "end") != NULL &&
		    strstr(d, "31m") != NULL && strstr(d, "<U+009B>32m") != NULL,
		    "injection (mode %d): visible letters intact", mode);
		free(d);
	}
	text_para_free(&p);
}

/* Code points drawn for the clusters of p in visual order. */
static size_t
visual_cps(struct text_para *p, uint32_t *out, size_t max)
{
	uint32_t order[256];
	size_t i, n = 0, j, len;
	uint32_t c;
	const char *s;

	text_para_visual(p, 0, p->ncl, order);
	for (i = 0; i < p->ncl; i++) {
		s = p->draw + p->cl[order[i]].draw;
		len = p->cl[order[i]].drawlen;
		for (j = 0; j < len && n < max;) {
			j += text_utf8_decode(s + j, len - j, &c);
			out[n++] = c;
		}
	}
	return n;
}

static void
test_bidi(void)
{
	struct text_para p;
	struct text_opts o = opts;
	/* "see كتاب here": Arabic phrase inside English. */
	const char *mixed = "see \xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8 here";
	/* "كتاب لا" and "ما" */
	const char *arabic = "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8 "
	    "\xd9\x84\xd8\xa7 \xd9\x85\xd8\xa7";
	uint32_t v[64];
	size_t n, i, pres, wsum;
	int mode;

	text_para_init(&p);
	text_para_prepare(&p, &o, mixed, strlen(mixed), 0);
	ok(!p.rtl, "English line with Arabic phrase is LTR");
	n = visual_cps(&p, v, 64);
	ok(n == 13 && v[0] == 's' && v[3] == ' ' && v[8] == ' ' &&
	    v[9] == 'h', "LTR words stay in place");
	/* سلام reversed: م (final) first, س (initial) last. */
	ok(v[4] >= 0xfe70 && v[4] <= 0xfeff && v[7] >= 0xfe70 &&
	    v[7] <= 0xfeff, "Arabic phrase is shaped");
	ok(v[4] == 0xfe8f && v[5] == 0xfe8e && v[6] == 0xfe98 &&
	    v[7] == 0xfedb,
	    "Arabic phrase reversed in place (beh isolated .. kaf initial)");

	text_para_prepare(&p, &o, arabic, strlen(arabic), 0);
	ok(p.rtl, "Arabic line is RTL");
	n = visual_cps(&p, v, 64);
	for (i = 0, pres = 0; i < n; i++)
		pres += v[i] >= 0xfe70 && v[i] <= 0xfefc;
	ok(pres == n - 2, "app mode: every letter a presentation form");
	for (i = 0, wsum = 0; i < p.ncl; i++)
		wsum += p.cl[i].width;
	is_int(wsum, 9, "lam-alef ligature: 10 characters take 9 cells");
	ok(p.ncl == 9 && p.cl[5].srclen == 4,
	    "lam-alef: one cluster covering both letters");
	ok(v[0] == 0xfee3 || v[0] == 0xfee2 || v[0] == 0xfee4 ||
	    v[0] == 0xfe8e || v[0] == 0xfe8d, "visual order starts with the "
	    "last word (ma)");
	ok(v[n - 1] == 0xfedb, "visual order ends with the first letter (kaf "
	    "initial)");
	ok(p.cl[0].flags & TEXT_CL_RTL, "Arabic clusters flagged RTL");

	for (mode = TEXT_BIDI_TERMINAL; mode <= TEXT_BIDI_OFF; mode++) {
		o.bidi = mode;
		text_para_prepare(&p, &o, arabic, strlen(arabic), 0);
		n = visual_cps(&p, v, 64);
		ok(!p.rtl && n == 10 && v[0] == 0x0643 && v[9] == 0x0627 &&
		    v[5] == 0x0644, "bidi mode %d: logical and unshaped", mode);
		ok(p.cl[0].level == 0, "bidi mode %d: levels 0", mode);
	}

	/* Harakat stay with their letter and count 0. */
	o.bidi = TEXT_BIDI_APP;
	text_para_prepare(&p, &o, "\xd8\xa8\xd9\x8e\xd8\xa8\xd9\x90", 8, 0);
	ok(p.ncl == 2 && p.cl[0].width == 1 && p.cl[1].width == 1,
	    "Arabic with harakat: 2 clusters of 1 cell");

	is_int(text_direction("12 abc", 6), 0, "direction: LTR");
	is_int(text_direction("12 \xd8\xa8", 5), 1, "direction: RTL");
	is_int(text_direction("12 !", 4), -1, "direction: none");
	is_int(text_direction("\xe2\x81\xa7\xd8\xa8\xe2\x81\xa9x", 9), 0,
	    "direction: isolates are skipped");
	is_int(text_char_direction('a'), 0, "char direction: a is LTR");
	is_int(text_char_direction(0x05d0), 1, "char direction: alef is RTL");
	is_int(text_char_direction(0x0628), 1, "char direction: beh is RTL");
	is_int(text_char_direction('7'), -1, "char direction: digit none");
	is_int(text_char_direction(0x0663), -1,
	    "char direction: Arabic-Indic digit none");
	is_int(text_char_direction(0x2013), -1, "char direction: dash none");
	is_int(text_char_direction(0x00a0), -1, "char direction: NBSP none");
	text_para_free(&p);
}

static void
test_breaks(void)
{
	struct text_para p;
	const char *s = "one two\xe4\xb8\xad\xe6\x96\x87 e\xcc\x88x";
	size_t i;

	text_para_init(&p);
	text_para_prepare(&p, &opts, s, strlen(s), 0);
	ok(p.ncl == 12, "clusters: e+U+0308 is one");
	ok(p.cl[3].flags & TEXT_CL_SPACE, "space flagged");
	ok(p.cl[4].brk == TEXT_BREAK_ALLOWED, "break allowed after space");
	ok(p.cl[5].brk == TEXT_BREAK_NO, "no break inside a word");
	ok(p.cl[7].brk == TEXT_BREAK_ALLOWED &&
	    p.cl[8].brk == TEXT_BREAK_ALLOWED, "breaks between ideographs");
	ok(p.cl[7].width == 2, "CJK cluster 2 cells");
	ok(p.cl[10].srclen == 3 && p.cl[10].width == 1,
	    "e + mark: 3 bytes, 1 cell");
	for (i = 0; i < p.ncl; i++)
		if (p.cl[i].level != 0)
			break;
	ok(i == p.ncl, "LTR text: levels 0");
	text_para_free(&p);
}

static void
test_output(void)
{
	struct text_opts o = opts;
	char *s;
	size_t n;

	s = text_to_output(&o, "caf\xc3\xa9", 5, &n);
	ok(n == 5 && memcmp(s, "caf\xc3\xa9", 5) == 0, "UTF-8 output: copy");
	free(s);
	o.out_utf8 = 0;
	o.out_charset = "ISO-8859-1";
	s = text_to_output(&o, "caf\xc3\xa9 \xe4\xb8\xad", 9, &n);
	ok(n == 6 && memcmp(s, "caf\xe9 ?", 6) == 0,
	    "Latin-1 output: e acute converted, CJK as ?");
	free(s);
	o.out_charset = "ASCII";
	s = text_to_output(&o, "\xc3\xa9x", 3, &n);
	ok(n == 2 && memcmp(s, "?x", 2) == 0, "ASCII output: ?");
	if (n != 2 || memcmp(s, "?x", 2) != 0)
		diag("got %zu bytes: %02x %02x", n, (unsigned char)s[0],
		    (unsigned char)s[1]);
	free(s);
}

/* Whether s folds (case folded) to want. */
static void
fold_is(const char *s, const char *want, const char *what)
{
	size_t n;
	char *k = text_fold(s, strlen(s), 0, &n, NULL);

	is_str(k, want, "%s", what);
	free(k);
}

/*
 * Only accents go: the marks of the Latin, Greek and Cyrillic diacritic
 * blocks, Hebrew points and Arabic harakat. Before, every mark was
 * dropped and every character decomposed (Hangul and kana too), so the
 * vowel signs of Devanagari and Thai, the voicing marks of kana and the
 * jamo of Hangul syllables were lost or split: "में" searched as "म"
 * (every म matched), "が" as "か", and "하" matched the first part of
 * "한".
 */
static void
test_fold_scripts(void)
{
	fold_is("\xe0\xa4\xae\xe0\xa5\x87\xe0\xa4\x82",
	    "\xe0\xa4\xae\xe0\xa5\x87\xe0\xa4\x82",
	    "fold: Devanagari vowel sign and anusvara kept (में)");
	fold_is("\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7",
	    "\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7",
	    "fold: virama kept (क्ष)");
	fold_is("\xe0\xb8\x97\xe0\xb8\xb5\xe0\xb9\x88",
	    "\xe0\xb8\x97\xe0\xb8\xb5\xe0\xb9\x88",
	    "fold: Thai vowel and tone marks kept (ที่)");
	fold_is("\xe3\x81\x8c\xe3\x81\xb1",
	    "\xe3\x81\x8c\xe3\x81\xb1",
	    "fold: kana with voicing marks stay whole (がぱ)");
	fold_is("\xed\x95\x9c", "\xed\x95\x9c",
	    "fold: a Hangul syllable stays whole (한)");
	fold_is("\xe0\xa5\x98", "\xe0\xa4\x95\xe0\xa4\xbc",
	    "fold: क़ as one code point is क and nukta, as typed");
	fold_is("\xd7\xa9\xd6\xb8\xd7\x81\xd7\x9c\xd7\x95\xd6\xb9\xd7\x9d",
	    "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",
	    "fold: Hebrew points dropped (שָׁלוֹם)");
	fold_is("\xce\x86\xce\xa8\xce\xa5\xce\xa7\xce\x97\xce\xa3 "
	    "\xe1\xbc\xa5\xce\xbb\xce\xb9\xce\xbf\xcf\x82",
	    "\xce\xb1\xcf\x88\xcf\x85\xcf\x87\xce\xb7\xcf\x83 "
	    "\xce\xb7\xce\xbb\xce\xb9\xce\xbf\xcf\x83",
	    "fold: Greek accents and breathings dropped, sigma folded");
	fold_is("Cr\xc3\xa8me Br\xc3\xbbl\xc3\xa9" "e", "creme brulee",
	    "fold: Latin accents dropped");
	fold_is("\xd9\x83\xd9\x80\xd8\xaa\xd9\x80\xd9\x80\xd8\xa7\xd8\xa8",
	    "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8",
	    "fold: Arabic tatweel dropped (كـتــاب finds كتاب)");
}

/*
 * Letter variants of the Arabic script (text_letter_fold): a Persian or
 * Urdu keyboard gives ی ک ہ where an Arabic one gives ي ك ه, Egyptian
 * writing ends words with ى, and hamza and madda on alef are often left
 * out. Before, each variant was a different letter: "الى" did not find
 * "إلى" (alef wasla, maksura, keheh, Farsi yeh and heh goal were kept;
 * only alef with hamza or madda went, through decomposition).
 */
static void
test_fold_letters(void)
{
	fold_is("\xd8\xa5\xd9\x84\xd9\x89", "\xd8\xa7\xd9\x84\xd9\x8a",
	    "fold: alef with hamza below and alef maksura (إلى is الي)");
	fold_is("\xd9\xb1\xd9\x84\xd9\x84\xd9\x87",
	    "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87",
	    "fold: alef wasla is alef (ٱلله)");
	fold_is("\xd8\xa2\xd8\xa3", "\xd8\xa7\xd8\xa7",
	    "fold: alef with madda, with hamza above");
	fold_is("\xdb\x8c\xda\xa9", "\xd9\x8a\xd9\x83",
	    "fold: Farsi yeh and keheh are yeh and kaf (یک)");
	fold_is("\xdb\x81\xdb\x80\xdb\x82\xd8\xa9",
	    "\xd9\x87\xd9\x87\xd9\x87\xd9\x87",
	    "fold: heh goal, heh with yeh above, heh goal with hamza and "
	    "teh marbuta are heh");
	fold_is("\xdb\x92\xdb\x93\xd8\xa6\xd8\xa4",
	    "\xd9\x8a\xd9\x8a\xd9\x8a\xd9\x88",
	    "fold: yeh barree (with hamza), yeh and waw with hamza");
	fold_is("\xdb\x81\xd9\x94", "\xd9\x87",
	    "fold: heh goal and a combining hamza above: heh");
	fold_is("\xd9\x83\xd9\x87\xd9\x8a\xd8\xa7\xd9\x84\xd9\x88",
	    "\xd9\x83\xd9\x87\xd9\x8a\xd8\xa7\xd9\x84\xd9\x88",
	    "fold: the plain letters stay themselves");
	fold_is("\xda\xaf\xd9\xbe\xda\x86\xda\x98\xd8\xa1",
	    "\xda\xaf\xd9\xbe\xda\x86\xda\x98\xd8\xa1",
	    "fold: Persian gaf, peh, tcheh, jeh and a lone hamza are kept");
}

static void
test_fold(void)
{
	char *k1, *k2, *k3;
	uint32_t *map;
	size_t n1, n2, n3;
	const char *src = "PRE\xc3\x8bMPTIVELY";

	k1 = text_fold("preemptively", 12, 0, &n1, NULL);
	k2 = text_fold("pre\xc3\xabmptively", 13, 0, &n2, NULL);
	k3 = text_fold(src, 13, 0, &n3, &map);
	is_str(k2, k1, "fold: diaeresis removed");
	is_str(k3, k1, "fold: upper case with diaeresis");
	ok(n3 == 12 && map[3] == 3 && map[4] == 5 && map[11] == 12,
	    "fold map: key bytes point at source characters");
	free(k1);
	free(k2);
	free(k3);
	free(map);
	k1 = text_fold("Pre\xc3\xabmpt", 8, 1, &n1, NULL);
	is_str(k1, "Preempt", "keep_case: marks removed, case kept");
	free(k1);
	k1 = text_fold("STRASSE stra\xc3\x9f" "e", 15, 0, &n1, NULL);
	is_str(k1, "strasse strasse", "fold: sharp s folds to ss");
	free(k1);
	k1 = text_fold("e\xcc\x81\xd8\xa8\xd9\x8e", 7, 0, &n1, &map);
	is_str(k1, "e\xd8\xa8", "fold: decomposed acute and harakat dropped");
	ok(n1 == 3 && map[0] == 0 && map[1] == 3 && map[2] == 3,
	    "fold map with dropped marks");
	free(k1);
	free(map);
	/* Soft hyphen, ZWNJ, ZWJ, bidi marks and U+FEFF are not typed. */
	k1 = text_fold("super\xc2\xad" "cal \xd9\x85\xdb\x8c\xe2\x80\x8c"
	    "\xd8\xb4\xd9\x88\xd8\xaf \xe2\x80\x8f" "a\xef\xbb\xbf" "b",
	    33, 0, &n1, &map);
	is_str(k1, "supercal \xd9\x85\xd9\x8a\xd8\xb4\xd9\x88\xd8\xaf ab",
	    "fold: default-ignorable characters dropped (and Farsi yeh "
	    "folded)");
	ok(n1 == 22 && map[5] == 7 && map[13] == 18,
	    "fold map across dropped characters");
	free(k1);
	free(map);
	test_fold_scripts();
	test_fold_letters();
}

/* An accent (text.h): a mark of one of these Unicode blocks. */
static int
ref_is_accent(uint32_t c)
{
	static const char *blocks[] = {
		"Combining Diacritical Marks", "Cyrillic", "Hebrew", "Arabic",
		"Syriac", "Arabic Extended-A", "Arabic Extended-B",
		"Combining Diacritical Marks Extended",
		"Combining Diacritical Marks Supplement",
		"Combining Diacritical Marks for Symbols",
		"Combining Half Marks",
	};
	const uc_block_t *b;
	size_t i;

	if (!uc_is_general_category(c, UC_CATEGORY_M) ||
	    (b = uc_block(c)) == NULL)
		return 0;
	for (i = 0; i < sizeof blocks / sizeof *blocks; i++)
		if (strcmp(b->name, blocks[i]) == 0)
			return 1;
	return 0;
}

/* The letter variants of text.h (text_letter_fold), as pairs. */
static uint32_t
ref_letter(uint32_t c)
{
	static const uint32_t pairs[][2] = {
		{ 0x0622, 0x0627 }, { 0x0623, 0x0627 }, { 0x0625, 0x0627 },
		{ 0x0671, 0x0627 }, { 0x0624, 0x0648 }, { 0x0626, 0x064a },
		{ 0x0649, 0x064a }, { 0x06cc, 0x064a }, { 0x06d2, 0x064a },
		{ 0x06d3, 0x064a }, { 0x06a9, 0x0643 }, { 0x0629, 0x0647 },
		{ 0x06c0, 0x0647 }, { 0x06c1, 0x0647 }, { 0x06c2, 0x0647 },
	};
	size_t i;

	for (i = 0; i < sizeof pairs / sizeof *pairs; i++)
		if (pairs[i][0] == c)
			return pairs[i][1];
	return c;
}

/* The key of one character, straight from libunistring (the rule of
 * text.h), for test_folder; returns its UTF-8 length in out. */
static size_t
ref_fold_char(uint32_t c, int keep_case, char *out)
{
	uint32_t a[64], b[64], *d, *f;
	size_t na = 64, nb = 64, i, m = 0, k = 0;
	const uc_block_t *b0;

	if (c < 0x80) {
		out[0] = (char)(!keep_case && c >= 'A' && c <= 'Z' ?
		    c + 32 : c);
		return 1;
	}
	if (uc_is_property_default_ignorable_code_point(c) || c == 0x640)
		return 0;
	c = ref_letter(c);
	d = u32_normalize(UNINORM_NFD, &c, 1, a, &na);
	b0 = uc_block(c);
	if (b0 != NULL && (strcmp(b0->name, "Hangul Syllables") == 0 ||
	    strcmp(b0->name, "Hiragana") == 0 ||
	    strcmp(b0->name, "Katakana") == 0)) {
		d[0] = c;	/* kept whole, not decomposed */
		na = 1;
	}
	for (i = 0; i < na; i++)
		if (!ref_is_accent(d[i]))
			d[m++] = d[i];
	na = m;
	if (!keep_case && na > 0) {
		f = u32_casefold(d, na, NULL, NULL, b, &nb);
		for (i = 0, m = 0; i < nb; i++)
			if (!ref_is_accent(f[i]))
				k += text_utf8_encode(f[i], out + k);
		if (f != b)
			free(f);
	} else
		for (i = 0; i < na; i++)
			k += text_utf8_encode(d[i], out + k);
	if (d != a)
		free(d);
	return k;
}

/*
 * text_folder against the rule: random texts of characters from many
 * blocks (more than the folder's memo holds, so its slots are replaced
 * and reused), folded in random pieces, one folder for all of them, with
 * its key cut back between texts as search.c does; the key and the map
 * must be those of folding each character on its own.
 */
static void
test_folder(void)
{
	static const uint32_t ranges[][2] = {
		{ 0x20, 0x7e }, { 0xa0, 0x24f }, { 0x300, 0x36f },
		{ 0x370, 0x52f }, { 0x5d0, 0x6ff }, { 0x1e00, 0x1fff },
		{ 0x2000, 0x206f }, { 0xac00, 0xac80 }, { 0xfb00, 0xfb06 },
		{ 0x0900, 0x097f }, { 0x0e00, 0x0e7f }, { 0x3040, 0x30ff },
		{ 0xfeff, 0xfeff }, { 0x1f600, 0x1f64f },
	};
	struct text_folder f[2];
	char text[1024], want[8192], one[256];
	uint32_t wmap[8192], c;
	size_t t, i, n, len, wl, k, off, cut, bad = 0, cuts = 0, total = 0;
	int kc;

	srand(7);
	text_folder_init(&f[0], 0, 1);
	text_folder_init(&f[1], 1, 1);
	for (t = 0; t < 4000; t++) {
		kc = (int)(t & 1);
		len = wl = 0;
		for (n = (size_t)rand() % 100; n > 0; n--) {
			i = (size_t)rand() % (sizeof ranges / sizeof *ranges);
			c = ranges[i][0] + (uint32_t)rand() %
			    (ranges[i][1] - ranges[i][0] + 1);
			k = ref_fold_char(c, kc, one);
			memcpy(want + wl, one, k);
			for (i = 0; i < k; i++)
				wmap[wl + i] = 1000 + (uint32_t)len;
			wl += k;
			len += text_utf8_encode(c, text + len);
		}
		/* Something left from the text before, as search.c keeps. */
		f[kc].len = f[kc].len > 3 ? 3 : f[kc].len;
		k = f[kc].len;
		for (off = 0; off < len; off += cut) {
			cut = 1 + (size_t)rand() % 40;
			if (cut > len - off)
				cut = len - off;
			while (off + cut < len &&
			    ((unsigned char)text[off + cut] & 0xc0) == 0x80)
				cut++;
			text_folder_add(&f[kc], text + off, cut,
			    1000 + (uint32_t)off);
			cuts++;
		}
		total += wl;
		if (f[kc].len - k != wl || memcmp(f[kc].key + k, want, wl) ||
		    memcmp(f[kc].map + k, wmap, wl * sizeof *wmap) ||
		    (len > 0 && f[kc].key[f[kc].len] != '\0')) {
			if (bad == 0) {
				for (i = 0; i < wl && i < f[kc].len - k; i++)
					if (want[i] != f[kc].key[k + i] ||
					    wmap[i] != f[kc].map[k + i])
						break;
				diag("text %zu (keep case %d): %zu key bytes,"
				    " want %zu; first difference at %zu",
				    t, kc, f[kc].len - k, wl, i);
			}
			bad++;
		}
	}
	is_int((long long)bad, 0, "folder: keys and maps of 4000 random "
	    "texts in %zu pieces are the characters' folds (%zu bytes)",
	    cuts, total);
	text_folder_free(&f[0]);
	text_folder_free(&f[1]);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		tap_skip_all("no C.UTF-8 locale");
	text_opts_default(&opts);
	test_utf8();
	test_sanitise();
	test_breaks();
	test_bidi();
	test_output();
	test_fold();
	test_folder();
	return tap_done();
}

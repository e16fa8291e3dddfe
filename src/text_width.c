/*
 * text_width.c: the one width function, text_cluster_draw.
 *
 * Given a grapheme cluster (code points, after sanitising and shaping) it
 * decides what is drawn and returns the number of terminal cells that
 * drawing advances. Coordinates: code points in, cells out.
 *
 * Invariant (tested exhaustively over U+0000..U+10FFFF): in a UTF-8 locale
 * with ambiguous_wide off, the width returned equals the sum of wcwidth()
 * of the drawn code points, which is how far ncurses moves its cursor, and
 * the drawn form contains no control, no bidi control and no U+FEFF.
 *
 * Policy, per code point of the cluster, in order:
 *  - C0/DEL (never present after sanitising; defensive) become control
 *    pictures, C1 becomes U+FFFD.
 *  - Default-ignorable code points (ZWJ, ZWNJ, bidi controls, U+FEFF,
 *    variation selectors incl. VS15/VS16, tags, U+00AD soft hyphen, Hangul
 *    fillers) are never drawn: terminals disagree on them and ncurses
 *    would attach them to the previous cell. The exception is
 *    --bidi=terminal, where the terminal shapes Arabic script and needs
 *    them: there ZWNJ and ZWJ after a drawn character are kept, attached
 *    to it (0 cells). U+2028 LINE SEPARATOR and U+2029 PARAGRAPH
 *    SEPARATOR are not drawn either: the line breaks after them (UAX #14
 *    class BK), which is all they mean.
 *  - In an emoji ZWJ sequence (the cluster starts with an
 *    Extended_Pictographic character) nothing after the first ZWJ is
 *    drawn; emoji modifiers (U+1F3FB..1F3FF) after a base are dropped.
 *    This is less's policy: 👍🏽 draws as 👍 (2 cells), a ZWJ family as its
 *    first member (2 cells), so the count never depends on whether the
 *    terminal's font has the sequence.
 *  - Regional-indicator flags are drawn as their two letters: glibc and
 *    libunistring agree each is 1 cell, so a pair is 2 cells, which is
 *    also what terminals that draw one flag glyph use.
 *  - Unsure code points, where glibc's wcwidth and libunistring's
 *    uc_width("UTF-8") disagree, either says unprintable, or libunistring
 *    says unassigned (e.g. U+0600..0605, U+06DD, U+0890, U+08E2, U+4DC0..
 *    4DFF, characters new in Unicode 15), are drawn as a placeholder of
 *    agreed width: U+FFFD (1 cell) when both say at most 1 cell, U+3013
 *    GETA MARK (2 cells, the CJK sign for a missing glyph) otherwise.
 *  - Zero-width characters attach to the preceding spacing character, at
 *    most 4 per cell (ncurses CCHARW_MAX is 5); further ones are dropped.
 *    A cluster whose first drawn character is zero-width is drawn on
 *    U+25CC DOTTED CIRCLE. At most TEXT_DRAW_MAX code points are drawn.
 *  - With ambiguous_wide, East Asian Ambiguous characters that wcwidth
 *    calls narrow count 2 cells (for CJK terminals that draw them wide).
 *    ncurses itself still advances 1 for them, so the renderer must place
 *    every glyph at its measured column and must not write into the cell
 *    after an ambiguous glyph; the --dump path prints them as they are.
 *  - Non-UTF-8 output: a cluster with any drawn character the output
 *    charset cannot represent (or that the locale's wcwidth rejects) is
 *    drawn as "?" (1 cell). Widths there come from the locale's wcwidth.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unistring/localcharset.h>
#include <uniconv.h>
#include <unictype.h>
#include <uniwidth.h>

#include "gloss/text.h"

#define TEXT_PH_NARROW	0xfffd	/* placeholder, 1 cell */
#define TEXT_PH_WIDE	0x3013	/* placeholder, 2 cells: GETA MARK */
#define TEXT_DOTTED	0x25cc	/* base for a cluster starting with a mark */
#define TEXT_ATTACH_MAX	4	/* zero-width characters per cell (ncurses) */

struct text_range {
	uint32_t lo, hi;
};

/* East Asian Width "A" ranges, generated from EastAsianWidth.txt 15.0. */
static const struct text_range text_eaw_ambiguous[] = {
	{ 0x00A1, 0x00A1 }, { 0x00A4, 0x00A4 }, { 0x00A7, 0x00A8 },
	{ 0x00AA, 0x00AA }, { 0x00AD, 0x00AE }, { 0x00B0, 0x00B4 },
	{ 0x00B6, 0x00BA }, { 0x00BC, 0x00BF }, { 0x00C6, 0x00C6 },
	{ 0x00D0, 0x00D0 }, { 0x00D7, 0x00D8 }, { 0x00DE, 0x00E1 },
	{ 0x00E6, 0x00E6 }, { 0x00E8, 0x00EA }, { 0x00EC, 0x00ED },
	{ 0x00F0, 0x00F0 }, { 0x00F2, 0x00F3 }, { 0x00F7, 0x00FA },
	{ 0x00FC, 0x00FC }, { 0x00FE, 0x00FE }, { 0x0101, 0x0101 },
	{ 0x0111, 0x0111 }, { 0x0113, 0x0113 }, { 0x011B, 0x011B },
	{ 0x0126, 0x0127 }, { 0x012B, 0x012B }, { 0x0131, 0x0133 },
	{ 0x0138, 0x0138 }, { 0x013F, 0x0142 }, { 0x0144, 0x0144 },
	{ 0x0148, 0x014B }, { 0x014D, 0x014D }, { 0x0152, 0x0153 },
	{ 0x0166, 0x0167 }, { 0x016B, 0x016B }, { 0x01CE, 0x01CE },
	{ 0x01D0, 0x01D0 }, { 0x01D2, 0x01D2 }, { 0x01D4, 0x01D4 },
	{ 0x01D6, 0x01D6 }, { 0x01D8, 0x01D8 }, { 0x01DA, 0x01DA },
	{ 0x01DC, 0x01DC }, { 0x0251, 0x0251 }, { 0x0261, 0x0261 },
	{ 0x02C4, 0x02C4 }, { 0x02C7, 0x02C7 }, { 0x02C9, 0x02CB },
	{ 0x02CD, 0x02CD }, { 0x02D0, 0x02D0 }, { 0x02D8, 0x02DB },
	{ 0x02DD, 0x02DD }, { 0x02DF, 0x02DF }, { 0x0300, 0x036F },
	{ 0x0391, 0x03A1 }, { 0x03A3, 0x03A9 }, { 0x03B1, 0x03C1 },
	{ 0x03C3, 0x03C9 }, { 0x0401, 0x0401 }, { 0x0410, 0x044F },
	{ 0x0451, 0x0451 }, { 0x2010, 0x2010 }, { 0x2013, 0x2016 },
	{ 0x2018, 0x2019 }, { 0x201C, 0x201D }, { 0x2020, 0x2022 },
	{ 0x2024, 0x2027 }, { 0x2030, 0x2030 }, { 0x2032, 0x2033 },
	{ 0x2035, 0x2035 }, { 0x203B, 0x203B }, { 0x203E, 0x203E },
	{ 0x2074, 0x2074 }, { 0x207F, 0x207F }, { 0x2081, 0x2084 },
	{ 0x20AC, 0x20AC }, { 0x2103, 0x2103 }, { 0x2105, 0x2105 },
	{ 0x2109, 0x2109 }, { 0x2113, 0x2113 }, { 0x2116, 0x2116 },
	{ 0x2121, 0x2122 }, { 0x2126, 0x2126 }, { 0x212B, 0x212B },
	{ 0x2153, 0x2154 }, { 0x215B, 0x215E }, { 0x2160, 0x216B },
	{ 0x2170, 0x2179 }, { 0x2189, 0x2189 }, { 0x2190, 0x2199 },
	{ 0x21B8, 0x21B9 }, { 0x21D2, 0x21D2 }, { 0x21D4, 0x21D4 },
	{ 0x21E7, 0x21E7 }, { 0x2200, 0x2200 }, { 0x2202, 0x2203 },
	{ 0x2207, 0x2208 }, { 0x220B, 0x220B }, { 0x220F, 0x220F },
	{ 0x2211, 0x2211 }, { 0x2215, 0x2215 }, { 0x221A, 0x221A },
	{ 0x221D, 0x2220 }, { 0x2223, 0x2223 }, { 0x2225, 0x2225 },
	{ 0x2227, 0x222C }, { 0x222E, 0x222E }, { 0x2234, 0x2237 },
	{ 0x223C, 0x223D }, { 0x2248, 0x2248 }, { 0x224C, 0x224C },
	{ 0x2252, 0x2252 }, { 0x2260, 0x2261 }, { 0x2264, 0x2267 },
	{ 0x226A, 0x226B }, { 0x226E, 0x226F }, { 0x2282, 0x2283 },
	{ 0x2286, 0x2287 }, { 0x2295, 0x2295 }, { 0x2299, 0x2299 },
	{ 0x22A5, 0x22A5 }, { 0x22BF, 0x22BF }, { 0x2312, 0x2312 },
	{ 0x2460, 0x24E9 }, { 0x24EB, 0x254B }, { 0x2550, 0x2573 },
	{ 0x2580, 0x258F }, { 0x2592, 0x2595 }, { 0x25A0, 0x25A1 },
	{ 0x25A3, 0x25A9 }, { 0x25B2, 0x25B3 }, { 0x25B6, 0x25B7 },
	{ 0x25BC, 0x25BD }, { 0x25C0, 0x25C1 }, { 0x25C6, 0x25C8 },
	{ 0x25CB, 0x25CB }, { 0x25CE, 0x25D1 }, { 0x25E2, 0x25E5 },
	{ 0x25EF, 0x25EF }, { 0x2605, 0x2606 }, { 0x2609, 0x2609 },
	{ 0x260E, 0x260F }, { 0x261C, 0x261C }, { 0x261E, 0x261E },
	{ 0x2640, 0x2640 }, { 0x2642, 0x2642 }, { 0x2660, 0x2661 },
	{ 0x2663, 0x2665 }, { 0x2667, 0x266A }, { 0x266C, 0x266D },
	{ 0x266F, 0x266F }, { 0x269E, 0x269F }, { 0x26BF, 0x26BF },
	{ 0x26C6, 0x26CD }, { 0x26CF, 0x26D3 }, { 0x26D5, 0x26E1 },
	{ 0x26E3, 0x26E3 }, { 0x26E8, 0x26E9 }, { 0x26EB, 0x26F1 },
	{ 0x26F4, 0x26F4 }, { 0x26F6, 0x26F9 }, { 0x26FB, 0x26FC },
	{ 0x26FE, 0x26FF }, { 0x273D, 0x273D }, { 0x2776, 0x277F },
	{ 0x2B56, 0x2B59 }, { 0x3248, 0x324F }, { 0xE000, 0xF8FF },
	{ 0xFE00, 0xFE0F }, { 0xFFFD, 0xFFFD }, { 0x1F100, 0x1F10A },
	{ 0x1F110, 0x1F12D }, { 0x1F130, 0x1F169 }, { 0x1F170, 0x1F18D },
	{ 0x1F18F, 0x1F190 }, { 0x1F19B, 0x1F1AC }, { 0xE0100, 0xE01EF },
	{ 0xF0000, 0xFFFFD }, { 0x100000, 0x10FFFD },
};

static int
text_range_cmp(const void *k, const void *e)
{
	uint32_t c = *(const uint32_t *)k;
	const struct text_range *r = e;

	if (c < r->lo)
		return -1;
	if (c > r->hi)
		return 1;
	return 0;
}

/** Whether cp is East Asian Ambiguous. */
static int
text_is_ambiguous(uint32_t cp)
{
	if (cp < 0xa1)
		return 0;
	return bsearch(&cp, text_eaw_ambiguous, sizeof text_eaw_ambiguous /
	    sizeof text_eaw_ambiguous[0], sizeof text_eaw_ambiguous[0],
	    text_range_cmp) != NULL;
}

/** Whether cp can be written in the output charset of o. */
static int
text_representable(const struct text_opts *o, uint32_t cp)
{
	char buf[16], u[4];
	const char *lc = locale_charset();
	mbstate_t st;
	size_t ulen, outlen = 0;
	char *r;

	if (cp < 0x80)
		return 1;
	if (o->out_charset == NULL || strcmp(o->out_charset, lc) == 0) {
		if (MB_CUR_MAX > sizeof buf)
			return 0;
		memset(&st, 0, sizeof st);
		return wcrtomb(buf, (wchar_t)cp, &st) != (size_t)-1;
	}
	ulen = text_utf8_encode(cp, u);
	r = u8_conv_to_encoding(o->out_charset, iconveh_error,
	    (const uint8_t *)u, ulen, NULL, NULL, &outlen);
	if (r == NULL)
		return 0;
	free(r);
	return 1;
}

/*
 * Width of one code point to draw, in UTF-8 output: 0, 1, 2, or -1 when
 * unsure and a narrow placeholder is needed, -2 for a wide placeholder.
 */
static int
text_cp_width_utf8(uint32_t cp)
{
	int w, u;

	if (cp >= 0x20 && cp < 0x7f)
		return 1;
	w = wcwidth((wchar_t)cp);
	u = uc_width(cp, "UTF-8");
	if (w < 0 || u < 0 || w != u ||
	    uc_is_general_category(cp, UC_CATEGORY_Cn))
		return (w == 2 || u == 2) ? -2 : -1;
	return w;
}

/** Width of cp as counted by layout (ambiguous_wide applied). */
static int
text_cp_cells(const struct text_opts *o, uint32_t cp, int w)
{
	if (w == 1 && o->ambiguous_wide && text_is_ambiguous(cp))
		return 2;
	return w;
}

static int
text_cluster_question(uint32_t *drawn, size_t *ndrawn)
{
	drawn[0] = '?';
	*ndrawn = 1;
	return 1;
}

int
text_cluster_draw(const struct text_opts *o, const uint32_t *cps, size_t n,
    uint32_t *drawn, size_t *ndrawn)
{
	size_t i, nd = 0;
	int width = 0, attached = 0, emoji = 0, w;
	uint32_t c;

	if (n == 1 && cps[0] >= 0x20 && cps[0] < 0x7f) {
		drawn[0] = cps[0];
		*ndrawn = 1;
		return 1;
	}
	*ndrawn = 0;
	for (i = 0; i < n; i++) {
		c = cps[i];
		if (c < 0x20)
			c = 0x2400 + c;
		else if (c == 0x7f)
			c = 0x2421;
		else if ((c >= 0x80 && c < 0xa0) || c > 0x10ffff ||
		    (c >= 0xd800 && c <= 0xdfff))
			c = TEXT_PH_NARROW;
		if (i == 0)
			emoji = uc_is_property_extended_pictographic(c);
		if (c == 0x200d && emoji && i > 0)
			break;
		if (c >= 0x80 && uc_is_property_default_ignorable_code_point(c) &&
		    !(o->bidi == TEXT_BIDI_TERMINAL && nd > 0 &&
		    (c == 0x200c || c == 0x200d)))
			continue;
		if (c == 0x2028 || c == 0x2029)
			continue;	/* the line breaks after it */
		if (nd > 0 && c >= 0x1f3fb && c <= 0x1f3ff)
			continue;
		if (o->out_utf8) {
			w = text_cp_width_utf8(c);
			if (w == -1) {
				c = TEXT_PH_NARROW;
				w = 1;
			} else if (w == -2) {
				c = TEXT_PH_WIDE;
				w = 2;
			}
		} else {
			w = wcwidth((wchar_t)c);
			if (w < 0 || !text_representable(o, c))
				return text_cluster_question(drawn, ndrawn);
		}
		if (w == 0) {
			if (nd == 0) {
				if (!o->out_utf8 &&
				    (wcwidth(TEXT_DOTTED) != 1 ||
				    !text_representable(o, TEXT_DOTTED)))
					return text_cluster_question(drawn,
					    ndrawn);
				drawn[nd++] = TEXT_DOTTED;
				width += text_cp_cells(o, TEXT_DOTTED, 1);
			}
			if (attached >= TEXT_ATTACH_MAX || nd >= TEXT_DRAW_MAX)
				continue;
			drawn[nd++] = c;
			attached++;
			continue;
		}
		if (nd >= TEXT_DRAW_MAX)
			break;
		drawn[nd++] = c;
		width += text_cp_cells(o, c, w);
		attached = 0;
	}
	*ndrawn = nd;
	return width;
}

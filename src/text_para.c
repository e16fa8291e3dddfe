/*
 * text_para.c: prepares one paragraph for layout. Decodes and sanitises
 * the input, finds grapheme clusters and line-break opportunities,
 * resolves bidi levels and shapes Arabic (FriBidi), and measures each
 * cluster with text_cluster_draw. text_para_visual reorders a line.
 *
 * Coordinates: the working arrays in struct text_scratch are indexed by
 * code point of the decoded input (off[] maps back to bytes); clusters
 * are indexed in logical order; src offsets are base + byte offset.
 *
 * Three views of each code point are kept:
 *  - cp[]: the input as decoded (invalid bytes as U+FFFD). Bidi classes
 *    and line-break opportunities come from it, so a control keeps its
 *    Unicode behaviour (TAB is a segment separator, NEL a mandatory break).
 *  - sh[]: what is shown: C0 controls as control pictures (U+2400 + c),
 *    DEL as U+2421, then Arabic shaped in app mode. Graphemes come from it.
 *  - fix[]: sanitised positions; each is a cluster of its own, flagged
 *    TEXT_CL_FIXED. A C1 control (U+0080..U+009F) is drawn as "<U+0085>"
 *    (8 cells, like less); invalid UTF-8 as U+FFFD.
 * Bidi controls and U+FEFF stay in cp[] for bidi resolution; they form
 * clusters of their own (grapheme class Control) and draw nothing. The
 * U+FEFF that a lam-alef ligature leaves in the lam's slot is merged into
 * the next cluster (the alef, now the ligature), so the pair is one
 * cluster of one cell.
 *
 * Fast paths (TEXT_PREP_SLOW turns both off; tests compare): a "plain"
 * paragraph (valid UTF-8 of printable ASCII, tabs, Latin below U+0300
 * and general punctuation; text_para_is_plain) makes one cluster per
 * code point straight from its bytes; a "simple" one (the same code
 * points, but also controls or invalid bytes: text_para_simple) is
 * decoded but skips grapheme segmentation and FriBidi, whose answers it
 * knows.
 *
 * Invariant: all memory lives in the text_para and its scratch and is
 * reused; in the steady state prepare does not allocate.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unictype.h>

#include "gloss/text.h"
#include "gloss/text_thai.h"
#include "gloss/xmalloc.h"

#define TEXT_FIX_NONE	0
#define TEXT_FIX_CTL	1	/* C0 control or DEL: a control picture */
#define TEXT_FIX_BAD	2	/* invalid UTF-8: U+FFFD */
#define TEXT_FIX_C1	3	/* C1 control: drawn as <U+00XX> */

/* Code points text_plain_cell caches: U+00A0..U+02FF, U+2000..U+205F. */
#define TEXT_PLAIN_LATIN	(0x300 - 0xa0)
#define TEXT_PLAIN_NCP		(TEXT_PLAIN_LATIN + 0x60)

struct text_scratch {
	size_t cap;		/* of the per-code-point arrays */
	uint32_t *cp, *sh, *off;
	uint8_t *fix;
	char *gbrk, *lbrk;
	FriBidiCharType *types;
	FriBidiBracketType *brackets;
	FriBidiLevel *levels;
	FriBidiArabicProp *joins;
	size_t kindcap;		/* of kind[] (per cluster) */
	uint8_t *kind;		/* TEXT_L1_* of each cluster */
	size_t tmpcap;		/* of tmp[] */
	uint32_t *tmp;		/* lent to callers: text_para_tmp */
	size_t vcap;		/* of vlev[] */
	uint8_t *vlev;		/* levels of one line, for L1/L2 */
	int bidi;		/* levels were resolved (not all 0) */
	int parlevel;		/* paragraph embedding level */
	struct text_thai *thai;	/* word breaker, made when Thai is met */
	/* text_plain_cell's answers for U+00A0..U+02FF, U+2000..U+205F
	 * (0 not asked yet, 1 one cell drawn as itself, 2 not), valid for
	 * the options in plain_for. */
	uint8_t plain[TEXT_PLAIN_NCP];
	struct text_opts plain_for;
};

static struct text_scratch *
text_scratch_get(struct text_para *p)
{
	if (p->scratch == NULL)
		p->scratch = xcalloc(1, sizeof(struct text_scratch));
	return p->scratch;
}

static void
text_scratch_grow(struct text_scratch *sc, size_t n)
{
	size_t cap;

	if (n <= sc->cap)
		return;
	cap = sc->cap;
	sc->cp = xgrow(sc->cp, &cap, n, sizeof *sc->cp);
	cap = sc->cap;
	sc->sh = xgrow(sc->sh, &cap, n, sizeof *sc->sh);
	cap = sc->cap;
	sc->off = xgrow(sc->off, &cap, n, sizeof *sc->off);
	cap = sc->cap;
	sc->fix = xgrow(sc->fix, &cap, n, sizeof *sc->fix);
	cap = sc->cap;
	sc->gbrk = xgrow(sc->gbrk, &cap, n, sizeof *sc->gbrk);
	cap = sc->cap;
	sc->lbrk = xgrow(sc->lbrk, &cap, n, sizeof *sc->lbrk);
	cap = sc->cap;
	sc->types = xgrow(sc->types, &cap, n, sizeof *sc->types);
	cap = sc->cap;
	sc->brackets = xgrow(sc->brackets, &cap, n, sizeof *sc->brackets);
	cap = sc->cap;
	sc->levels = xgrow(sc->levels, &cap, n, sizeof *sc->levels);
	cap = sc->cap;
	sc->joins = xgrow(sc->joins, &cap, n, sizeof *sc->joins);
	sc->cap = cap;
}

void
text_para_init(struct text_para *p)
{
	memset(p, 0, sizeof *p);
}

void
text_para_free(struct text_para *p)
{
	struct text_scratch *sc = p->scratch;

	if (sc != NULL) {
		free(sc->cp);
		free(sc->sh);
		free(sc->off);
		free(sc->fix);
		free(sc->gbrk);
		free(sc->lbrk);
		free(sc->types);
		free(sc->brackets);
		free(sc->levels);
		free(sc->joins);
		free(sc->kind);
		free(sc->vlev);
		free(sc->tmp);
		text_thai_free(sc->thai);
		free(sc);
	}
	free(p->cl);
	free(p->draw);
	memset(p, 0, sizeof *p);
}

/* Turn libunistring's per-character answers into TEXT_BREAK_* before. */
static void
text_breaks_map(char *brk, size_t n)
{
	size_t i;
	int mandatory_next = 0, m;

	for (i = 0; i < n; i++) {
		m = brk[i] == UC_BREAK_MANDATORY;
		if (mandatory_next)
			brk[i] = TEXT_BREAK_MANDATORY;
		else if (brk[i] == UC_BREAK_POSSIBLE ||
		    brk[i] == UC_BREAK_HYPHENATION)
			brk[i] = TEXT_BREAK_ALLOWED;
		else
			brk[i] = TEXT_BREAK_NO;
		mandatory_next = m;
	}
	if (n > 0)
		brk[0] = TEXT_BREAK_NO;
}

void
text_linebreaks(const uint32_t *cps, size_t n, char *brk)
{
	if (n == 0)
		return;
	u32_possible_linebreaks(cps, n, "UTF-8", brk);
	text_breaks_map(brk, n);
}

void
text_linebreaks_utf8(const char *s, size_t n, char *brk)
{
	if (n == 0)
		return;
	u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
	text_breaks_map(brk, n);
}

void
text_graphemes(const uint32_t *cps, size_t n, char *brk)
{
	if (n == 0)
		return;
	u32_grapheme_breaks(cps, n, brk);
	brk[0] = 1;
}

/* L1 class of a bidi type. */
static int
text_bidi_kind_type(FriBidiCharType t)
{
	switch (t) {
	case FRIBIDI_TYPE_SS:
	case FRIBIDI_TYPE_BS:
		return TEXT_L1_SEP;
	case FRIBIDI_TYPE_WS:
	case FRIBIDI_TYPE_BN:
	case FRIBIDI_TYPE_LRE:
	case FRIBIDI_TYPE_RLE:
	case FRIBIDI_TYPE_LRO:
	case FRIBIDI_TYPE_RLO:
	case FRIBIDI_TYPE_PDF:
	case FRIBIDI_TYPE_LRI:
	case FRIBIDI_TYPE_RLI:
	case FRIBIDI_TYPE_FSI:
	case FRIBIDI_TYPE_PDI:
		return TEXT_L1_WS;
	default:
		return TEXT_L1_OTHER;
	}
}

int
text_bidi_kind(uint32_t cp)
{
	return text_bidi_kind_type(fribidi_get_bidi_type(cp));
}

/*
 * L1 from the end of the line backwards; then L2, reversing runs of
 * positions whose level (read through order[], since reversals at higher
 * levels already moved entries) is at least lev, from the highest level
 * down to the lowest odd one.
 */
void
text_bidi_line(uint8_t *levels, const uint8_t *kinds, size_t n,
    int parlevel, uint32_t *order)
{
	size_t i, j, k;
	int reset = 1, hi = 0, lo = 255, lev;
	uint32_t t;

	for (i = n; i > 0; i--) {
		if (kinds[i - 1] == TEXT_L1_SEP) {
			levels[i - 1] = parlevel;
			reset = 1;
		} else if (kinds[i - 1] == TEXT_L1_WS) {
			if (reset)
				levels[i - 1] = parlevel;
		} else
			reset = 0;
	}
	for (i = 0; i < n; i++) {
		order[i] = i;
		if (levels[i] > hi)
			hi = levels[i];
		if ((levels[i] & 1) && levels[i] < lo)
			lo = levels[i];
	}
	for (lev = hi; lev >= lo && lev > 0; lev--) {
		for (i = 0; i < n; i = j) {
			if (levels[order[i]] < lev) {
				j = i + 1;
				continue;
			}
			for (j = i; j < n && levels[order[j]] >= lev; j++)
				;
			for (k = 0; k < (j - i) / 2; k++) {
				t = order[i + k];
				order[i + k] = order[j - 1 - k];
				order[j - 1 - k] = t;
			}
		}
	}
}

int
text_char_direction(uint32_t c)
{
	FriBidiCharType t = fribidi_get_bidi_type(c);

	if (t == FRIBIDI_TYPE_LTR)
		return 0;
	if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL)
		return 1;
	return -1;
}

int
text_direction(const char *s, size_t len)
{
	size_t i = 0, depth = 0;
	uint32_t c;
	FriBidiCharType t;
	int dir;

	while (i < len) {
		i += text_utf8_decode(s + i, len - i, &c);
		t = fribidi_get_bidi_type(c);
		if (t == FRIBIDI_TYPE_LRI || t == FRIBIDI_TYPE_RLI ||
		    t == FRIBIDI_TYPE_FSI) {
			depth++;
			continue;
		}
		if (t == FRIBIDI_TYPE_PDI) {
			if (depth > 0)
				depth--;
			continue;
		}
		if (depth > 0)
			continue;
		if ((dir = text_char_direction(c)) >= 0)
			return dir;
	}
	return -1;
}

/* Room for n more clusters and dlen more drawn bytes. */
static void
text_para_reserve(struct text_para *p, size_t n, size_t dlen)
{
	/* Checked here so the common case (room left) makes no call. */
	if (p->ncl + n > p->clcap)
		p->cl = xgrow(p->cl, &p->clcap, p->ncl + n, sizeof *p->cl);
	if (p->drawlen + dlen > p->drawcap)
		p->draw = xgrow(p->draw, &p->drawcap, p->drawlen + dlen, 1);
}

/* A white-space character that may hang at the end of a line. */
static int
text_is_hspace(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0x1680 ||
	    (c >= 0x2000 && c <= 0x200a && c != 0x2007) || c == 0x205f ||
	    c == 0x3000;
}

/*
 * Length of the UTF-8 sequence at s[i] (of len) if it is a "plain" code
 * point, else 0. Plain: printable ASCII or a tab, or a code point of the
 * simple set (text_para_simple) that needs no sanitising: U+00A0..U+02FF
 * or U+2000..U+205E but the zero-width, bidi and separator characters
 * (U+200B..U+200F, U+2028..U+202F); validly encoded.
 */
static size_t
text_plain_len(const unsigned char *s, size_t i, size_t len)
{
	unsigned char c = s[i], d;

	if (c < 0x80)
		return (c >= 0x20 && c != 0x7f) || c == '\t';
	if (c >= 0xc2 && c <= 0xcb) {	/* U+0080..U+02FF */
		if (i + 1 >= len || (s[i + 1] & 0xc0) != 0x80 ||
		    (c == 0xc2 && s[i + 1] < 0xa0))	/* C1 controls */
			return 0;
		return 2;
	}
	if (c != 0xe2 || i + 2 >= len || (s[i + 2] & 0xc0) != 0x80)
		return 0;
	d = s[i + 1];
	if (d == 0x80)		/* U+2000..U+203F */
		return (s[i + 2] >= 0x8b && s[i + 2] <= 0x8f) ||
		    (s[i + 2] >= 0xa8 && s[i + 2] <= 0xaf) ? 0 : 3;
	if (d == 0x81)		/* U+2040..U+205E */
		return s[i + 2] <= 0x9e ? 3 : 0;
	return 0;
}

/* Whether every code point of s is plain (text_plain_len). */
static int
text_para_is_plain(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < len) {
		if (u[i] >= 0x20 && u[i] < 0x7f) {
			i++;
			continue;
		}
		if ((k = text_plain_len(u, i, len)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

/* Index of cp in text_scratch.plain, or -1 if it is not cached there. */
static int
text_plain_slot(uint32_t cp)
{
	if (cp >= 0xa0 && cp < 0x300)
		return (int)(cp - 0xa0);
	if (cp >= 0x2000 && cp < 0x2060)
		return TEXT_PLAIN_LATIN + (int)(cp - 0x2000);
	return -1;
}

size_t
text_plain_cell(struct text_para *p, const struct text_opts *o,
    const char *s, size_t len, int *space)
{
	struct text_scratch *sc = text_scratch_get(p);
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp, drawn[TEXT_DRAW_MAX];
	size_t k, nd;
	int slot, w;

	*space = 0;
	if (u[0] < 0x80) {
		*space = u[0] == ' ';
		return u[0] >= 0x20 && u[0] < 0x7f;
	}
	if ((k = text_plain_len(u, 0, len)) == 0)
		return 0;
	text_utf8_decode(s, k, &cp);
	if (cp == 0xad || (slot = text_plain_slot(cp)) < 0)
		return 0;
	if (sc->plain_for.ambiguous_wide != o->ambiguous_wide ||
	    sc->plain_for.out_utf8 != o->out_utf8 ||
	    sc->plain_for.out_charset != o->out_charset ||
	    sc->plain_for.bidi != o->bidi) {
		memset(sc->plain, 0, sizeof sc->plain);
		sc->plain_for = *o;
	}
	if (sc->plain[slot] == 0) {
		w = text_cluster_draw(o, &cp, 1, drawn, &nd);
		sc->plain[slot] = w == 1 && nd == 1 && drawn[0] == cp ? 1 : 2;
	}
	if (sc->plain[slot] != 1)
		return 0;
	*space = text_is_hspace(cp);
	return k;
}

/*
 * Prepare a plain paragraph (text_para_is_plain) straight from its
 * bytes: one cluster per code point, no bidi, break opportunities from
 * u8_possible_linebreaks (per byte; a cluster takes its first byte's).
 * The answers are those of the full path (test_perf_paths compares).
 */
static void
text_para_plain(struct text_para *p, struct text_scratch *sc,
    const struct text_opts *o, const char *s, size_t len, uint32_t base)
{
	const unsigned char *u = (const unsigned char *)s;
	struct text_cluster *cl;
	uint32_t drawn[TEXT_DRAW_MAX], c;
	size_t i, k, nd, j;

	if (len == 0)
		return;
	text_scratch_grow(sc, len);
	text_para_reserve(p, len, len);
	u8_possible_linebreaks(u, len, "UTF-8", sc->lbrk);
	text_breaks_map(sc->lbrk, len);
	for (i = 0; i < len; i += k) {
		cl = &p->cl[p->ncl++];
		cl->src = base + i;
		cl->draw = p->drawlen;
		cl->brk = sc->lbrk[i];
		cl->level = 0;
		if (u[i] >= 0x20 && u[i] < 0x7f) {
			k = 1;
			p->draw[p->drawlen++] = s[i];
			cl->srclen = 1;
			cl->drawlen = 1;
			cl->width = 1;
			cl->flags = u[i] == ' ' ? TEXT_CL_SPACE : 0;
			continue;
		}
		if (u[i] == '\t') {
			k = 1;
			cl->srclen = 1;
			cl->drawlen = 0;
			cl->width = 0;
			cl->flags = TEXT_CL_SPACE | TEXT_CL_TAB;
			continue;
		}
		k = text_utf8_decode(s + i, len - i, &c);
		cl->srclen = k;
		cl->flags = text_is_hspace(c) ? TEXT_CL_SPACE :
		    c == 0xad ? TEXT_CL_SHY : 0;
		cl->width = text_cluster_draw(o, &c, 1, drawn, &nd);
		/* Room for what is drawn; the k source bytes were counted. */
		if (p->drawlen + TEXT_DRAW_MAX * 4 + len - i > p->drawcap)
			p->draw = xgrow(p->draw, &p->drawcap, p->drawlen +
			    TEXT_DRAW_MAX * 4 + len - i, 1);
		for (j = 0; j < nd; j++)
			p->drawlen += text_utf8_encode(drawn[j],
			    p->draw + p->drawlen);
		cl->drawlen = p->drawlen - cl->draw;
	}
}

/*
 * Whether each code point is a grapheme cluster of its own and no bidi
 * is needed: every one is below U+0300 (Latin, no combining marks; C0
 * and C1 controls are clusters of their own anyway, see text_para_decode)
 * or a space or punctuation of U+2000..U+205E other than the zero-width
 * and bidi format characters. None of these is Extend, ZWJ, SpacingMark,
 * Prepend, Hangul or a regional indicator (UAX #29), nor strong RTL, AN,
 * explicit or isolate (UAX #9). test_text_para compares this path with
 * the full one on all pairs of such characters.
 */
static int
text_para_simple(const uint32_t *cp, size_t n)
{
	size_t i;
	uint32_t c;

	for (i = 0; i < n; i++) {
		c = cp[i];
		if (c < 0x300)
			continue;
		if (c < 0x2000 || c >= 0x205f)
			return 0;
		if (c >= 0x200b && c <= 0x200f)
			return 0;
		if (c >= 0x2028 && c <= 0x202f)
			return 0;
	}
	return 1;
}

/* Decode and sanitise s into the scratch arrays; returns the count. */
static size_t
text_para_decode(struct text_scratch *sc, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n = 0, k;
	uint32_t c;

	text_scratch_grow(sc, len);
	while (i < len) {
		if (u[i] < 0x80) {
			c = u[i];
			k = 1;
		} else
			k = text_utf8_decode(s + i, len - i, &c);
		sc->off[n] = i;
		sc->cp[n] = c;
		sc->sh[n] = c;
		sc->fix[n] = TEXT_FIX_NONE;
		if (c == 0xfffd && !(k == 3 && u[i] == 0xef &&
		    u[i + 1] == 0xbf && u[i + 2] == 0xbd))
			sc->fix[n] = TEXT_FIX_BAD;
		else if (c < 0x20 && c != '\t') {
			sc->sh[n] = 0x2400 + c;
			sc->fix[n] = TEXT_FIX_CTL;
		} else if (c == 0x7f) {
			sc->sh[n] = 0x2421;
			sc->fix[n] = TEXT_FIX_CTL;
		} else if (c >= 0x80 && c < 0xa0)
			sc->fix[n] = TEXT_FIX_C1;
		n++;
		i += k;
	}
	return n;
}

/* Resolve levels and shape; returns whether levels are not all 0. */
static int
text_para_bidi(struct text_para *p, struct text_scratch *sc, size_t n,
    int flags)
{
	FriBidiParType dir;
	size_t i;
	int need = (flags & TEXT_PREP_RTL) != 0;
	FriBidiCharType t;

	fribidi_get_bidi_types(sc->cp, n, sc->types);
	for (i = 0; i < n && !need; i++) {
		t = sc->types[i];
		if (FRIBIDI_IS_RTL(t) || t == FRIBIDI_TYPE_AN ||
		    FRIBIDI_IS_EXPLICIT(t) || FRIBIDI_IS_ISOLATE(t))
			need = 1;
	}
	if (!need) {
		memset(sc->levels, 0, n * sizeof *sc->levels);
		return 0;
	}
	if (flags & TEXT_PREP_RTL)
		dir = FRIBIDI_PAR_RTL;
	else if (flags & TEXT_PREP_LTR)
		dir = FRIBIDI_PAR_LTR;
	else
		dir = FRIBIDI_PAR_ON;
	fribidi_get_bracket_types(sc->cp, n, sc->types, sc->brackets);
	if (fribidi_get_par_embedding_levels_ex(sc->types, sc->brackets, n,
	    &dir, sc->levels) == 0) {
		memset(sc->levels, 0, n * sizeof *sc->levels);
		return 0;
	}
	p->rtl = FRIBIDI_IS_RTL(dir) ? 1 : 0;
	fribidi_get_joining_types(sc->sh, n, sc->joins);
	fribidi_join_arabic(sc->types, n, sc->levels, sc->joins);
	fribidi_shape(FRIBIDI_FLAGS_ARABIC | FRIBIDI_FLAG_SHAPE_MIRRORING,
	    sc->levels, n, sc->joins, sc->sh);
	return 1;
}

/*
 * The code point whose level stands for cluster [a, b): the first that
 * rule X9 does not remove (a cluster may start with a ZWJ or a bidi
 * control before a mark).
 */
static size_t
text_para_lead(const struct text_scratch *sc, size_t a, size_t b)
{
	size_t i;

	if (!sc->bidi)
		return a;
	for (i = a; i < b; i++)
		if (!FRIBIDI_IS_EXPLICIT_OR_BN(sc->types[i]))
			return i;
	return a;
}

/* Append cluster [a, b) of the n code points of len input bytes. */
static void
text_para_cluster(struct text_para *p, struct text_scratch *sc,
    const struct text_opts *o, size_t a, size_t b, size_t n, size_t len,
    uint32_t base)
{
	struct text_cluster *cl;
	uint32_t drawn[TEXT_DRAW_MAX];
	size_t nd = 0, i, end;
	char buf[16];
	int w;

	text_para_reserve(p, 1, TEXT_DRAW_MAX * 4);
	cl = &p->cl[p->ncl];
	end = b < n ? sc->off[b] : len;
	cl->src = base + sc->off[a];
	cl->srclen = end - sc->off[a];
	cl->draw = p->drawlen;
	cl->brk = sc->lbrk[a];
	cl->level = sc->levels[text_para_lead(sc, a, b)];
	cl->flags = 0;
	if (sc->fix[a] != TEXT_FIX_NONE)
		cl->flags |= TEXT_CL_FIXED;
	if (b - a == 1 && text_is_hspace(sc->cp[a]))
		cl->flags |= TEXT_CL_SPACE;
	if (b - a == 1 && sc->cp[a] == 0xad)
		cl->flags |= TEXT_CL_SHY;
	if (cl->level & 1)
		cl->flags |= TEXT_CL_RTL;
	if (sc->cp[a] == '\t') {
		cl->flags |= TEXT_CL_TAB;
		cl->drawlen = 0;
		cl->width = 0;
	} else if (sc->fix[a] == TEXT_FIX_C1) {
		w = snprintf(buf, sizeof buf, "<U+%04X>", (unsigned)sc->cp[a]);
		memcpy(p->draw + p->drawlen, buf, w);
		p->drawlen += w;
		cl->drawlen = w;
		cl->width = w;
	} else if (b - a == 1 && sc->sh[a] >= 0x20 && sc->sh[a] < 0x7f) {
		/* What text_cluster_draw answers for printable ASCII. */
		p->draw[p->drawlen++] = sc->sh[a];
		cl->drawlen = 1;
		cl->width = 1;
	} else {
		w = text_cluster_draw(o, sc->sh + a, b - a, drawn, &nd);
		for (i = 0; i < nd; i++)
			p->drawlen += text_utf8_encode(drawn[i],
			    p->draw + p->drawlen);
		cl->drawlen = p->drawlen - cl->draw;
		cl->width = w;
	}
	p->ncl++;
}

/* Whether code point i is only the fill a lam-alef ligature left. */
static int
text_is_lig_fill(const struct text_scratch *sc, size_t i)
{
	return sc->sh[i] == FRIBIDI_CHAR_FILL && sc->cp[i] != FRIBIDI_CHAR_FILL;
}

void
text_para_prepare_ex(struct text_para *p, const struct text_opts *o,
    const char *s, size_t len, uint32_t base, int flags)
{
	struct text_scratch *sc = text_scratch_get(p);
	size_t n, a, b, nc;
	int simple;

	p->ncl = 0;
	p->drawlen = 0;
	p->rtl = 0;
	sc->bidi = 0;
	sc->parlevel = 0;
	if (!(flags & (TEXT_PREP_SLOW | TEXT_PREP_RTL)) &&
	    text_para_is_plain(s, len)) {
		text_para_plain(p, sc, o, s, len, base);
		return;
	}
	n = text_para_decode(sc, s, len);
	if (n == 0)
		return;
	simple = !(flags & TEXT_PREP_SLOW) && text_para_simple(sc->cp, n);
	if (simple)
		memset(sc->gbrk, 1, n);
	else {
		text_graphemes(sc->sh, n, sc->gbrk);
		for (a = 0; a < n; a++) {
			if (sc->fix[a] != TEXT_FIX_NONE) {
				sc->gbrk[a] = 1;
				if (a + 1 < n)
					sc->gbrk[a + 1] = 1;
			}
		}
	}
	text_linebreaks(sc->cp, n, sc->lbrk);
	text_thai_breaks(&sc->thai, sc->cp, n, sc->lbrk);
	if (o->bidi == TEXT_BIDI_APP && !(simple && !(flags & TEXT_PREP_RTL)))
		sc->bidi = text_para_bidi(p, sc, n, flags);
	else
		memset(sc->levels, 0, n * sizeof *sc->levels);
	sc->parlevel = p->rtl;

	for (a = 0; a < n; a = b) {
		for (b = a + 1; b < n && !sc->gbrk[b]; b++)
			;
		/* A ligature's fill joins the cluster after it. */
		if (sc->bidi && b - a == 1 && b < n && text_is_lig_fill(sc, a))
			for (b++; b < n && !sc->gbrk[b]; b++)
				;
		text_para_cluster(p, sc, o, a, b, n, len, base);
		if (sc->bidi) {
			nc = p->ncl;
			sc->kind = xgrow(sc->kind, &sc->kindcap, nc, 1);
			sc->kind[nc - 1] = text_bidi_kind_type(
			    sc->types[text_para_lead(sc, a, b)]);
		}
	}
}

void
text_para_prepare(struct text_para *p, const struct text_opts *o,
    const char *s, size_t len, uint32_t base)
{
	text_para_prepare_ex(p, o, s, len, base, 0);
}

int
text_para_has_levels(const struct text_para *p)
{
	const struct text_scratch *sc = p->scratch;

	return sc != NULL && sc->bidi;
}

void
text_para_visual(const struct text_para *p, size_t a, size_t b,
    uint32_t *order)
{
	struct text_scratch *sc = p->scratch;
	size_t i, n = b - a;

	if (sc == NULL || !sc->bidi) {
		for (i = 0; i < n; i++)
			order[i] = a + i;
		return;
	}
	sc->vlev = xgrow(sc->vlev, &sc->vcap, n, 1);
	for (i = 0; i < n; i++)
		sc->vlev[i] = p->cl[a + i].level;
	text_bidi_line(sc->vlev, sc->kind + a, n, sc->parlevel, order);
	for (i = 0; i < n; i++)
		order[i] += a;
}

uint32_t *
text_para_tmp(struct text_para *p, size_t n)
{
	struct text_scratch *sc = text_scratch_get(p);

	sc->tmp = xgrow(sc->tmp, &sc->tmpcap, n, sizeof *sc->tmp);
	return sc->tmp;
}

/*
 * lineedit.c: prompt line editing (see lineedit.h). Cluster boundaries
 * come from libunistring's u8_grapheme_breaks (all of UAX #29), so the
 * cursor never stops inside a base letter and its combining marks or an
 * emoji sequence. Edits are memmoves on a buffer of
 * at most LINEEDIT_MAX bytes, which hold one line of printable text
 * (no controls, bidi controls or line separators).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>

#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "keys.h"
#include "lineedit.h"

#define CTRL(c)	((c) & 0x1f)

void
lineedit_init(struct lineedit *e)
{
	memset(e, 0, sizeof *e);
	e->buf = xgrow(NULL, &e->cap, LINEEDIT_MAX + 1, 1);
	e->buf[0] = '\0';
}

void
lineedit_free(struct lineedit *e)
{
	size_t i;

	for (i = 0; i < e->nhist; i++)
		free(e->hist[i]);
	free(e->hist);
	free(e->draft);
	free(e->buf);
	memset(e, 0, sizeof *e);
}

/* Replace the line with s (cut at a character boundary) and put the
 * cursor at its end. */
static void
lineedit_set(struct lineedit *e, const char *s)
{
	size_t n = strlen(s);

	if (n > LINEEDIT_MAX) {
		n = LINEEDIT_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(e->buf, s, n);
	e->buf[n] = '\0';
	e->len = n;
	e->cur = n;
}

void
lineedit_start(struct lineedit *e)
{
	lineedit_set(e, "");
	e->hpos = e->nhist;
	free(e->draft);
	e->draft = NULL;
}

const char *
lineedit_text(const struct lineedit *e)
{
	return e->buf;
}

/*
 * Cluster starts of the line into brk (1 at a byte that starts one).
 * The whole line each time: u8_grapheme_next/prev look at pairs only and
 * would split emoji ZWJ sequences and flag pairs.
 */
static void
lineedit_breaks(const struct lineedit *e, char *brk)
{
	u8_grapheme_breaks((const uint8_t *)e->buf, e->len, brk);
}

size_t
lineedit_next(const struct lineedit *e, size_t off)
{
	char brk[LINEEDIT_MAX];

	if (off >= e->len)
		return e->len;
	lineedit_breaks(e, brk);
	for (off++; off < e->len && !brk[off]; off++)
		;
	return off;
}

size_t
lineedit_prev(const struct lineedit *e, size_t off)
{
	char brk[LINEEDIT_MAX];

	if (off == 0)
		return 0;
	if (off > e->len)
		off = e->len;
	lineedit_breaks(e, brk);
	for (off--; off > 0 && !brk[off]; off--)
		;
	return off;
}

/* The cluster boundary at or before off. */
static size_t
lineedit_floor(const struct lineedit *e, size_t off)
{
	char brk[LINEEDIT_MAX];

	if (off >= e->len)
		return e->len;
	lineedit_breaks(e, brk);
	while (off > 0 && !brk[off])
		off--;
	return off;
}

/* The cluster boundary at or after off. */
static size_t
lineedit_ceil(const struct lineedit *e, size_t off)
{
	char brk[LINEEDIT_MAX];

	if (off >= e->len)
		return e->len;
	lineedit_breaks(e, brk);
	while (off < e->len && !brk[off])
		off++;
	return off;
}

/*
 * Remove bytes [a, b) of the line; the cursor goes to the cluster
 * boundary at or before a: the text on both sides may join into one
 * cluster (ZWJ and emoji, flag letters, Hangul jamo, a mark).
 */
static void
lineedit_cut(struct lineedit *e, size_t a, size_t b)
{
	memmove(e->buf + a, e->buf + b, e->len - b + 1);
	e->len -= b - a;
	e->cur = lineedit_floor(e, a);
}

/*
 * Insert code point c at the cursor if it is printable and fits. The
 * line stays one line: the line and paragraph separators (U+2028,
 * U+2029, in text pasted from a web page) are dropped with the controls,
 * since layout breaks a line at them and the prompt shows one line.
 */
static void
lineedit_insert(struct lineedit *e, int c)
{
	char u[4];
	size_t n, at;

	if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
	    c >= KEYC_BASE || (c >= 0xd800 && c < 0xe000) || c > 0x10ffff ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x200e || c == 0x200f || c == 0x061c ||
	    c == 0x2028 || c == 0x2029)
		return;
	n = text_utf8_encode((uint32_t)c, u);
	if (e->len + n > LINEEDIT_MAX)
		return;
	at = e->cur;
	memmove(e->buf + at + n, e->buf + at, e->len - at + 1);
	memcpy(e->buf + at, u, n);
	e->len += n;
	/* A letter typed before a lone mark takes the mark into its
	 * cluster: the cursor goes after the whole cluster. */
	e->cur = lineedit_ceil(e, at + n);
}

/* The start of the word before the cursor: spaces, then non-spaces. */
static size_t
lineedit_word_start(const struct lineedit *e)
{
	size_t i = e->cur;

	while (i > 0 && e->buf[i - 1] == ' ')
		i--;
	while (i > 0 && e->buf[i - 1] != ' ')
		i--;
	/* A space with a mark on it is one cluster: take it whole. */
	return lineedit_floor(e, i);
}

static void
lineedit_remember(struct lineedit *e)
{
	if (e->len == 0 || (e->nhist > 0 &&
	    strcmp(e->hist[e->nhist - 1], e->buf) == 0))
		return;
	if (e->nhist == LINEEDIT_HIST) {
		free(e->hist[0]);
		memmove(e->hist, e->hist + 1,
		    (LINEEDIT_HIST - 1) * sizeof *e->hist);
		e->nhist--;
	}
	if (e->hist == NULL)
		e->hist = xcalloc(LINEEDIT_HIST, sizeof *e->hist);
	e->hist[e->nhist++] = xstrdup(e->buf);
}

/* Show history entry pos (nhist: the draft). */
static void
lineedit_show(struct lineedit *e, size_t pos)
{
	if (e->hpos == e->nhist) {
		free(e->draft);
		e->draft = xstrdup(e->buf);
	}
	e->hpos = pos;
	lineedit_set(e, pos == e->nhist ? (e->draft ? e->draft : "") :
	    e->hist[pos]);
}

enum lineedit_result
lineedit_key(struct lineedit *e, int key)
{
	switch (key) {
	case KEYC_ESC:
	case CTRL('C'):
	case CTRL('G'):
		return LINEEDIT_CANCEL;
	case KEYC_ENTER:
		lineedit_remember(e);
		e->hpos = e->nhist;
		return LINEEDIT_SUBMIT;
	case KEYC_LEFT:
	case CTRL('B'):
		e->cur = lineedit_prev(e, e->cur);
		break;
	case KEYC_RIGHT:
	case CTRL('F'):
		e->cur = lineedit_next(e, e->cur);
		break;
	case KEYC_HOME:
	case CTRL('A'):
		e->cur = 0;
		break;
	case KEYC_END:
	case CTRL('E'):
		e->cur = e->len;
		break;
	case KEYC_BSPACE:
		if (e->len == 0)
			return LINEEDIT_CANCEL;
		if (e->cur > 0)
			lineedit_cut(e, lineedit_prev(e, e->cur), e->cur);
		break;
	case KEYC_DELETE:
	case CTRL('D'):
		if (e->cur < e->len)
			lineedit_cut(e, e->cur, lineedit_next(e, e->cur));
		break;
	case CTRL('U'):
		lineedit_cut(e, 0, e->cur);
		break;
	case CTRL('K'):
		e->buf[e->cur] = '\0';
		e->len = e->cur;
		break;
	case CTRL('W'):
		lineedit_cut(e, lineedit_word_start(e), e->cur);
		break;
	case KEYC_UP:
	case CTRL('P'):
		if (e->hpos > 0)
			lineedit_show(e, e->hpos - 1);
		break;
	case KEYC_DOWN:
	case CTRL('N'):
		if (e->hpos < e->nhist)
			lineedit_show(e, e->hpos + 1);
		break;
	case KEYC_SPACE:
		lineedit_insert(e, ' ');
		break;
	default:
		lineedit_insert(e, key);
		break;
	}
	return LINEEDIT_EDITED;
}

/*
 * parse_text.c: the parser for the plain-text "scraped article" format
 * (DESIGN.md §1). It owns nothing after it returns: the input buffer and
 * everything it finds go into the document (doc.h).
 *
 * Coordinates: byte offsets into doc->buf (uint32_t, so at most 4 GiB of
 * input is parsed; the rest is reported as a problem) and 1-based source
 * line numbers. A source line ends at LF, CR LF or a lone CR. Indentation
 * is measured in columns: a space is one column, a tab advances to the
 * next multiple of 8. Every span the parser stores is the content of one
 * line: indentation and trailing spaces/tabs are excluded. Invisible
 * format characters among the indentation (a UTF-8 byte-order mark at
 * the start of the file, or one left at the start of a line by files
 * joined with cat) are part of it but take no column (pt_invisible).
 *
 * The input is read once, line by line, in two modes:
 *
 *  - article mode, until a comment header: the first non-blank line is the
 *    title; a non-blank line indented less than 4 columns is an article
 *    paragraph; a line indented 4 or more is a clause line if it starts
 *    with a clause number (below: "N- ", "N – ", "N — ", and with
 *    conditions "N-text", "N. ", "N) ", "(N) "), otherwise a line of a block
 *    quote. Consecutive quote lines form one quote group (a blank
 *    line or any other line ends the group). Consecutive clause lines form
 *    one DOC_BLOCK_CLAUSES block; blank lines between clause lines do not
 *    split the block, any other line does.
 *  - comment mode, after a header ("13 thoughts on “…”"): a line indented
 *    0-3 columns that starts with digits and a dot (or a parenthesis,
 *    "1) text": the first comment's mark is the thread's, and later
 *    comments must use the same) followed by a space or
 *    the end of the line starts a comment (the first comment may be
 *    indented up to PT_FIRST_INDENT columns, one tab: then the thread's
 *    number lines may be indented as deep as it, pt_start_indent, so a
 *    thread indented with tabs is read too); other non-blank lines continue
 *    the current comment (blank lines split it into paragraphs), unless
 *    they are indented less than its number line: that ends it (a page's
 *    "Leave a Reply" after an indented thread; a thread written flush
 *    left keeps its unindented lines). Text in comment mode outside any
 *    comment becomes an article paragraph and is reported as a problem.
 *
 * A later header in comment mode, after a comment and with a comment
 * after it ("2 Pingbacks", pt_section), starts a new part of the thread
 * (doc->sections): its comments are numbered from 1 again, and each
 * header's count is compared with the comments of its own part.
 *
 * Comments exist only after a header: without one, "  1. text" lines are
 * article text, so numbered lists in an article are never mistaken for a
 * thread. "Comments are closed." (indent < 4, either mode) is the trailer:
 * it sets comments_closed and ends the current comment.
 *
 * Clause lines: the number at the start is the clause's number. It is
 * marked by a dash (hyphen, en or em dash, minus) with spaces or nothing
 * before it and a space after it ("N- ", "N – ", "N—"), or with no space
 * after it ("N-text", not "N-5": a digit after the dash makes a range or
 * a date), or by a dot or a parenthesis and a space ("N. ", "N) "; also
 * "(N) ", read as "N) "). Spaces
 * here are spaces, tabs, U+00A0 and U+202F (pt_space). A spaced dash
 * always makes a clause line; "N-text" only if the text is right to left
 * from its first character or the number repeats after a full stop;
 * "N. ", "N) " and "(N) " only if the number repeats after a full stop,
 * or if a right-to-left original alone on its line has the same number
 * and left-to-right text on the next line (a clause on two lines), so
 * "1. Buy milk", "3-year plans" and "2024-05-01" stay text.
 *
 * The repeated number is a later " N –" with the same N (after a space, a
 * dot or other punctuation: pt_number_may_start; "N-text", "N. ", "N) "
 * and "(N) " only right after a full stop). Of several, the first right
 * after a full stop ('.', U+3002, U+06D4; a question or exclamation mark
 * or an ellipsis ends a sentence too: pt_after_stop) is taken, else the
 * first where right-to-left text before it meets left-to-right text after
 * it, else the first. Failing all, one with another N if the text before
 * it ends with a full stop or the clause starts right-to-left (a problem
 * is recorded). The original is the text before it, without the " ."
 * separator (a dot directly before the number is dropped too); the
 * translation is the text after its dash. Without a repeated number the
 * text is an original if it starts right-to-left (no translation: a
 * problem; a final "." is dropped as above), otherwise a translation
 * without an original ("1 – text").
 * Brackets in a translation are notes ("[~XX]" at the end signs one).
 * A line like "    1990 – text" is therefore a clause: indentation plus
 * "number, dash, space" is all the format gives to go on.
 *
 * Numbers: clause numbers are bounded to UINT32_MAX, comment numbers to
 * UINT64_MAX, the header's count to INT64_MAX (else -1); each overflow is
 * recorded as a problem. Comment numbers are kept as printed; one that is
 * not the previous plus one (or 1 first) is recorded as a problem.
 *
 * Invariants: linear time (each byte is looked at a bounded number of
 * times; the clause splitter scans a line once, pt_scan_next_dir too),
 * no allocation except the
 * document's arrays, no recursion, and any bytes (NULs, invalid UTF-8,
 * stray CRs) are tolerated. Numbers are parsed with bounds. Quote links
 * and comment parents are left for quotes.c (links empty, parent -1).
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <unictype.h>

#include "gloss/doc.h"
#include "gloss/parse.h"
#include "gloss/text.h"

/* Indentation is counted up to this many columns (enough for any rule). */
#define PT_INDENT_MAX	1024

/* Deepest indent of a number line in a two-space thread ("  1. text"). */
#define PT_START_INDENT	3
/* Deepest indent of a thread's first number line ("\t1. text"). */
#define PT_FIRST_INDENT	8

/* One source line. */
struct pt_line {
	uint32_t s, e;		/* content: after indentation, before trailing ws */
	uint32_t indent;	/* columns of indentation (capped) */
	uint32_t no;		/* 1-based line number */
	int blank;
};

enum pt_run {
	PT_RUN_NONE,
	PT_RUN_QUOTE,
	PT_RUN_CLAUSES
};

struct pt {
	struct doc *d;
	const unsigned char *b;
	uint32_t len;		/* bytes parsed (<= UINT32_MAX) */
	uint32_t pos;		/* start of the next line */
	uint32_t lineno;	/* number of the last line read */
	uint32_t next_lf, next_cr;	/* cached positions (or len) */

	int have_title;
	int in_comments;	/* a header was seen */
	enum pt_run run;
	uint32_t ngroups;	/* quote groups so far */
	size_t clause_block;	/* index of the open clause block */
	uint32_t lone_ltr;	/* line of the last clause read from a lone
				   left-to-right "N- text" line (it may be
				   an original whose translation follows),
				   else 0 */

	long comment;		/* index of the current comment, or -1 */
	uint32_t comment_indent;	/* indent of its number line */
	uint32_t thread_indent;	/* deepest number line: 0 before the first
				   comment, then max(PT_START_INDENT, its
				   indent) */
	unsigned char comment_mark;	/* '.' or ')' after the thread's
					   numbers: 0 before the first comment */
	int in_para;		/* the current comment has an open paragraph */
	uint64_t expect;	/* the next comment number in sequence */
	int orphan;		/* inside a run of text outside any comment */
};

static int
pt_is_space(unsigned char c)
{
	return c == ' ' || c == '\t';
}

static int
pt_is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Length of a decimal digit at b[i] (0 if none), its value in *d: ASCII,
 * Arabic-Indic (U+0660..0669) or Extended Arabic-Indic (U+06F0..06F9, as
 * Persian and Urdu write them), so an Arabic text may number its clauses
 * and comments in its own digits.
 */
static uint32_t
pt_digit(const unsigned char *b, uint32_t i, uint32_t e, unsigned *d)
{
	if (i < e && pt_is_digit(b[i])) {
		*d = b[i] - '0';
		return 1;
	}
	if (e - i >= 2 && ((b[i] == 0xd9 && b[i + 1] >= 0xa0 &&
	    b[i + 1] <= 0xa9) || (b[i] == 0xdb && b[i + 1] >= 0xb0 &&
	    b[i + 1] <= 0xb9))) {
		*d = b[i + 1] - (b[i] == 0xd9 ? 0xa0 : 0xb0);
		return 2;
	}
	return 0;
}

/* Decode the character at b[i] into *c; returns its length (0 at e). */
static uint32_t
pt_char(const unsigned char *b, uint32_t i, uint32_t e, uint32_t *c)
{
	if (i >= e) {
		*c = 0;
		return 0;
	}
	return (uint32_t)text_utf8_decode((const char *)b + i, e - i, c);
}

static unsigned char
pt_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* Position of the next byte c at or after from, or len; cached in *cache. */
static uint32_t
pt_find(struct pt *p, uint32_t *cache, uint32_t from, int c)
{
	const void *q;

	if (*cache >= from && (*cache == p->len || p->b[*cache] == c))
		return *cache;	/* no c in [from, *cache): still the next one */
	q = memchr(p->b + from, c, p->len - from);
	*cache = q == NULL ? p->len : (uint32_t)((const unsigned char *)q -
	    p->b);
	return *cache;
}

/*
 * Length of the invisible format character at b[i] (before e), else 0:
 * U+FEFF (a byte-order mark left mid-text by files joined with cat, or
 * doubled), U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER. They draw
 * nothing and have no bidi direction, so in a line's indentation they
 * are skipped like it and take no column. (Bidi marks are kept: they set
 * a paragraph's direction; so are ZWJ and ZWNJ: they change shaping.)
 */
static uint32_t
pt_invisible(const unsigned char *b, uint32_t i, uint32_t e)
{
	if (e - i < 3)
		return 0;
	if (b[i] == 0xef && b[i + 1] == 0xbb && b[i + 2] == 0xbf)
		return 3;
	if (b[i] == 0xe2 && ((b[i + 1] == 0x80 && b[i + 2] == 0x8b) ||
	    (b[i + 1] == 0x81 && b[i + 2] == 0xa0)))
		return 3;
	return 0;
}

/*
 * Read the next line into *l; 0 at the end of the input. The indentation
 * is the spaces, tabs and invisible format characters (pt_invisible) the
 * line starts with, in any order.
 */
static int
pt_next_line(struct pt *p, struct pt_line *l)
{
	uint32_t start = p->pos, end, lf, cr, i, k, col = 0;

	if (start >= p->len)
		return 0;
	lf = pt_find(p, &p->next_lf, start, '\n');
	cr = pt_find(p, &p->next_cr, start, '\r');
	end = lf < cr ? lf : cr;
	if (end == p->len)
		p->pos = p->len;
	else if (p->b[end] == '\r' && end + 1 < p->len &&
	    p->b[end + 1] == '\n')
		p->pos = end + 2;
	else
		p->pos = end + 1;
	if (p->lineno < UINT32_MAX)
		p->lineno++;

	for (i = start; i < end; i++) {
		if (!pt_is_space(p->b[i])) {
			if ((k = pt_invisible(p->b, i, end)) == 0)
				break;
			i += k - 1;
		} else if (col < PT_INDENT_MAX)
			col = p->b[i] == '\t' ? (col / 8 + 1) * 8 : col + 1;
	}
	l->s = i;
	while (end > i && pt_is_space(p->b[end - 1]))
		end--;
	l->e = end;
	l->indent = col;
	l->no = p->lineno;
	l->blank = l->s == l->e;
	return 1;
}

static struct span
pt_span(uint32_t s, uint32_t e)
{
	struct span sp;

	sp.off = s;
	sp.len = e - s;
	return sp;
}

/*
 * Parse the digits at [*i, e) as an unsigned number no larger than max.
 * Advances *i past all the digits. Returns 0 if there are none, 1 if the
 * value fits, -1 if it does not (*v = max).
 */
/* *n = *n * 10 + d, unless that passes max: then set *over. */
static void
pt_push_digit(uint64_t *n, unsigned d, uint64_t max, int *over)
{
	if (!*over && *n > (max - d) / 10)
		*over = 1;
	if (!*over)
		*n = *n * 10 + d;
}

static int
pt_number(const unsigned char *b, uint32_t *i, uint32_t e, uint64_t max,
    uint64_t *v)
{
	uint32_t j = *i, k;
	uint64_t n = 0;
	unsigned d;
	int over = 0;

	while ((k = pt_digit(b, j, e, &d)) != 0) {
		pt_push_digit(&n, d, max, &over);
		j += k;
	}
	if (j == *i)
		return 0;
	*i = j;
	*v = over ? max : n;
	return over ? -1 : 1;
}

/* Length of a thousands separator at b[i] (, . ' space NBSP U+202F ’). */
static uint32_t
pt_group_sep(const unsigned char *b, uint32_t i, uint32_t e)
{
	if (i < e && (b[i] == ',' || b[i] == '.' || b[i] == '\'' ||
	    b[i] == ' '))
		return 1;
	if (e - i >= 2 && b[i] == 0xc2 && b[i + 1] == 0xa0)
		return 2;	/* U+00A0 */
	if (e - i >= 3 && b[i] == 0xe2 && b[i + 1] == 0x80 &&
	    (b[i + 2] == 0xaf || b[i + 2] == 0x99))
		return 3;	/* U+202F, U+2019 */
	return 0;
}

/*
 * A count as a header prints it: digits, or groups of three after a
 * first group of one to three, with one separator throughout ("12,345",
 * "1.234.567", "12 345"). Returns as pt_number.
 */
static int
pt_count(const unsigned char *b, uint32_t *i, uint32_t e, uint64_t max,
    uint64_t *v)
{
	uint32_t j = *i, k, sep, first = 0, firstlen = 0;
	uint64_t n = 0;
	int r, over = 0;

	r = pt_number(b, &j, e, max, &n);
	if (r <= 0 || j - *i > 3 || b[*i] >= 0x80) {	/* ASCII groups only */
		*i = j;
		*v = n;
		return r;
	}
	for (;;) {
		sep = pt_group_sep(b, j, e);
		if (sep == 0 || e - j - sep < 3)
			break;
		if (firstlen != 0 && (sep != firstlen ||
		    memcmp(b + j, b + first, sep) != 0))
			break;	/* one separator throughout */
		for (k = 0; k < 3 && pt_is_digit(b[j + sep + k]); k++)
			;
		if (k < 3 || (j + sep + 3 < e && pt_is_digit(b[j + sep + 3])))
			break;
		if (firstlen == 0) {
			first = j;
			firstlen = sep;
		}
		for (k = 0; k < 3; k++)
			pt_push_digit(&n, b[j + sep + k] - '0', max, &over);
		j += sep + 3;
	}
	*i = j;
	*v = over ? max : n;
	return over ? -1 : 1;
}

/* Length of a dash at b[i] (hyphen, en/em dash, minus, hyphens), or 0. */
static uint32_t
pt_dash(const unsigned char *b, uint32_t i, uint32_t e)
{
	if (i < e && b[i] == '-')
		return 1;
	if (i < e && e - i >= 3) {
		if (b[i] == 0xe2 && b[i + 1] == 0x80 &&
		    b[i + 2] >= 0x90 && b[i + 2] <= 0x94)
			return 3;	/* U+2010..U+2014 */
		if (b[i] == 0xe2 && b[i + 1] == 0x88 && b[i + 2] == 0x92)
			return 3;	/* U+2212 minus sign */
	}
	return 0;
}

/*
 * Length of a space at b[i] around a clause number and its dash: a space,
 * a tab, U+00A0 NO-BREAK SPACE or U+202F NARROW NO-BREAK SPACE; else 0.
 */
static uint32_t
pt_space(const unsigned char *b, uint32_t i, uint32_t e)
{
	if (i < e && pt_is_space(b[i]))
		return 1;
	if (e - i >= 2 && b[i] == 0xc2 && b[i + 1] == 0xa0)
		return 2;
	if (e - i >= 3 && b[i] == 0xe2 && b[i + 1] == 0x80 &&
	    b[i + 2] == 0xaf)
		return 3;
	return 0;
}

/* Length of a space (as pt_space) that ends at b[i], not before s. */
static uint32_t
pt_space_before(const unsigned char *b, uint32_t s, uint32_t i)
{
	if (i > s && pt_is_space(b[i - 1]))
		return 1;
	if (i - s >= 2 && b[i - 2] == 0xc2 && b[i - 1] == 0xa0)
		return 2;
	if (i - s >= 3 && b[i - 3] == 0xe2 && b[i - 2] == 0x80 &&
	    b[i - 1] == 0xaf)
		return 3;
	return 0;
}

/* The first offset at or after i that is not a space (pt_space: spaces,
 * tabs and the no-break spaces U+00A0 and U+202F). */
static uint32_t
pt_skip_spaces(const unsigned char *b, uint32_t i, uint32_t e)
{
	uint32_t k;

	while ((k = pt_space(b, i, e)) != 0)
		i += k;
	return i;
}

/* How a clause number is marked (pt_marker). */
enum pt_mark {
	PT_MARK_NONE,
	PT_MARK_DASH,	/* "N – ", "N- ", "N—" at the end: spaced after */
	PT_MARK_TIGHT,	/* "N-text", "N –text": text right after the dash */
	PT_MARK_DOT	/* "N. ", "N) ", "(N) " */
};

/*
 * Is there a clause number at b[i..e): digits, then spaces and a dash,
 * or a dot or a parenthesis and a space; or digits in parentheses and a
 * space ("(N) ", as "N) ")? Sets *v (bounded; *over if it
 * was not), *after (just after the dash, dot or parenthesis) and
 * *spaced (spaces between the number and the dash).
 */
static enum pt_mark
pt_marker(const unsigned char *b, uint32_t i, uint32_t e, uint64_t *v,
    int *over, uint32_t *after, int *spaced)
{
	uint32_t j = i, k, dl;
	unsigned dg;
	int r;

	if (j < e && b[j] == '(') {	/* "(N) ", as "N) " */
		j++;
		r = pt_number(b, &j, e, UINT32_MAX, v);
		if (r == 0 || j >= e || b[j] != ')')
			return PT_MARK_NONE;
		*over = r < 0;
		*after = j + 1;
		*spaced = 0;
		return pt_space(b, j + 1, e) != 0 ? PT_MARK_DOT :
		    PT_MARK_NONE;
	}
	r = pt_number(b, &j, e, UINT32_MAX, v);
	if (r == 0)
		return PT_MARK_NONE;
	*over = r < 0;
	if (j < e && (b[j] == '.' || b[j] == ')')) {
		*after = j + 1;
		*spaced = 0;
		return pt_space(b, j + 1, e) != 0 ? PT_MARK_DOT :
		    PT_MARK_NONE;	/* "1.5", "3.", "2)x" */
	}
	k = pt_skip_spaces(b, j, e);
	dl = pt_dash(b, k, e);
	if (dl == 0)
		return PT_MARK_NONE;
	*after = k + dl;
	*spaced = k != j;
	if (*after == e || pt_space(b, *after, e) != 0)
		return PT_MARK_DASH;
	/* A digit after the dash makes a range or a date ("7-8",
	 * "2024-05-01"), never a clause number. */
	return pt_digit(b, *after, e, &dg) != 0 ? PT_MARK_NONE :
	    PT_MARK_TIGHT;
}

/* Case-insensitive: does b[*i..e) start with word w? Advances *i. */
static int
pt_word(const unsigned char *b, uint32_t *i, uint32_t e, const char *w)
{
	size_t n = strlen(w), k;

	if (e - *i < n)
		return 0;
	for (k = 0; k < n; k++)
		if (pt_lower(b[*i + k]) != (unsigned char)w[k])
			return 0;
	if (*i + n < e && ((b[*i + n] >= 'a' && b[*i + n] <= 'z') ||
	    (b[*i + n] >= 'A' && b[*i + n] <= 'Z')))
		return 0;	/* a longer word */
	*i += n;
	return 1;
}

/*
 * HTML character references for quotation marks, as a page scraped
 * without decoding them leaves in a header ("2 thoughts on
 * &ldquo;Title&rdquo;"): the opening ones, then the closing ones. Matched
 * case-sensitively, as HTML does (&#X201C; too).
 */
static const char *pt_quote_refs_open[] = {
	"&ldquo;", "&lsquo;", "&bdquo;", "&laquo;", "&quot;", "&apos;",
	"&#8220;", "&#8216;", "&#8222;", "&#171;", "&#34;", "&#39;",
	"&#x201C;", "&#x2018;", "&#x201E;", "&#xAB;", "&#x22;", "&#x27;"
};
static const char *pt_quote_refs_close[] = {
	"&rdquo;", "&rsquo;", "&ldquo;", "&raquo;", "&quot;", "&apos;",
	"&#8221;", "&#8217;", "&#8220;", "&#187;", "&#34;", "&#39;",
	"&#x201D;", "&#x2019;", "&#x201C;", "&#xBB;", "&#x22;", "&#x27;"
};

/* The length of the one of refs[0..n) at b[i], or 0 (x and X alike). */
static uint32_t
pt_quote_ref(const unsigned char *b, uint32_t i, uint32_t e,
    const char *const *refs, size_t n)
{
	size_t k, j, len;

	if (i >= e || b[i] != '&')
		return 0;
	for (k = 0; k < n; k++) {
		len = strlen(refs[k]);
		if (e - i < len)
			continue;
		for (j = 0; j < len; j++)
			if (b[i + j] != (unsigned char)refs[k][j] &&
			    !(refs[k][j] == 'x' && b[i + j] == 'X'))
				break;
		if (j == len)
			return (uint32_t)len;
	}
	return 0;
}

/* The length of an opening quotation mark at b[i], or 0. */
static uint32_t
pt_open_quote(const unsigned char *b, uint32_t i, uint32_t e)
{
	if (i >= e)
		return 0;
	if (b[i] == '"' || b[i] == '\'')
		return 1;
	if (e - i >= 3 && b[i] == 0xe2 && b[i + 1] == 0x80 &&
	    (b[i + 2] == 0x9c || b[i + 2] == 0x98 || b[i + 2] == 0x9e))
		return 3;	/* “ ‘ „ */
	if (e - i >= 2 && b[i] == 0xc2 && b[i + 1] == 0xab)
		return 2;	/* « */
	return pt_quote_ref(b, i, e, pt_quote_refs_open,
	    sizeof pt_quote_refs_open / sizeof *pt_quote_refs_open);
}

static const char *pt_number_words[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
	"fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"
};

static const char *pt_nouns[] = {
	"thoughts", "thought", "responses", "response", "comments", "comment",
	"replies", "reply", "pingbacks", "pingback", "trackbacks", "trackback"
};

/*
 * Nouns a theme may print above the list with the count after them
 * ("Discussion (3)", "Conversation: 12"): taken only in the noun-first
 * form with a count, where a comment must follow (pt_header_noun_first).
 */
static const char *pt_nouns_above[] = {
	"discussions", "discussion", "conversations", "conversation"
};

/* One of words[] at b[*i] (a whole word, any case)? Advances *i. */
static int
pt_word_in(const unsigned char *b, uint32_t *i, uint32_t e,
    const char *const *words, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (pt_word(b, i, e, words[k]))
			return 1;
	return 0;
}

/* One of pt_nouns at b[*i] (a whole word, any case)? Advances *i. */
static int
pt_noun(const unsigned char *b, uint32_t *i, uint32_t e)
{
	return pt_word_in(b, i, e, pt_nouns,
	    sizeof pt_nouns / sizeof *pt_nouns);
}

/*
 * The digits of a header's count at b[*i] (pt_count): sets *count (-1
 * when they overflow int64) and *over. Returns pt_count's answer.
 */
static int
pt_header_digits(const unsigned char *b, uint32_t *i, uint32_t e,
    int64_t *count, int *over)
{
	uint64_t v;
	int r = pt_count(b, i, e, INT64_MAX, &v);

	*over = r < 0;
	if (r != 0)
		*count = r < 0 ? -1 : (int64_t)v;
	return r;
}

/* A count in words at b[*i]: "no" or zero..twenty. Sets *count. */
static int
pt_count_word(const unsigned char *b, uint32_t *i, uint32_t e,
    int64_t *count)
{
	size_t k;

	if (pt_word(b, i, e, "no")) {
		*count = 0;
		return 1;
	}
	for (k = 0; k < sizeof pt_number_words / sizeof *pt_number_words;
	    k++) {
		if (pt_word(b, i, e, pt_number_words[k])) {
			*count = (int64_t)k;
			return 1;
		}
	}
	return 0;
}

/*
 * Is l a comment header? "<count> <noun>" alone (two nouns joined by '/'
 * count as one: "2 Trackbacks/Pingbacks"), or followed by "on" or
 * "to" and a title that starts with a quotation mark or with the
 * document's title. <count> is digits or a number word (No, Zero..Twenty).
 * Sets *count (-1 if the digits overflow int64) and *over.
 */
static int
pt_header(struct pt *p, const struct pt_line *l, int64_t *count, int *over)
{
	const unsigned char *b = p->b;
	uint32_t i = l->s, e = l->e, t;

	if (pt_header_digits(b, &i, e, count, over) == 0 &&
	    !pt_count_word(b, &i, e, count))
		return 0;
	if (i >= e || !pt_is_space(b[i]))
		return 0;
	while (i < e && pt_is_space(b[i]))
		i++;
	if (!pt_noun(b, &i, e))
		return 0;
	if (i < e && b[i] == '/' && (i++, !pt_noun(b, &i, e)))
		return 0;	/* "Trackbacks/Pingbacks" */
	if (i < e && b[i] == ':')
		i++;
	if (i == e)
		return 1;
	if (!pt_is_space(b[i]))
		return 0;
	while (i < e && pt_is_space(b[i]))
		i++;
	if (!pt_word(b, &i, e, "on") && !pt_word(b, &i, e, "to"))
		return 0;
	if (i >= e || !pt_is_space(b[i]))
		return 0;
	while (i < e && pt_is_space(b[i]))
		i++;
	if (i == e)
		return 0;
	if (pt_open_quote(b, i, e))
		return 1;
	t = p->d->title.len;
	return t > 0 && e - i >= t &&
	    memcmp(b + i, b + p->d->title.off, t) == 0;
}

/*
 * Other languages. Words for "one" that may stand for the count, and the
 * words for comments, replies and thoughts of some common WordPress
 * translations (lower case; ASCII letters match either case, so the
 * capitalised forms of non-ASCII initials are listed too).
 */
static const char *pt_one_words[] = {
	"un", "une", "ein", "eine", "uno", "una", "um", "uma", "een",
	"один", "одна", "Один", "Одна"
};

static const char *pt_nouns_other[] = {
	"commentaires", "commentaire", "réponses", "réponse", "Réponses",
	"Réponse", "kommentare", "kommentar", "antworten", "antwort",
	"comentarios", "comentario", "respuestas", "respuesta", "commenti",
	"commento", "risposte", "risposta", "comentários", "comentário",
	"respostas", "resposta", "reacties", "reactie", "reakties",
	"komentarzy", "komentarze", "komentarz", "yorum", "kommentarer",
	"комментариев", "комментария", "комментарий", "Комментариев",
	"Комментария", "Комментарий", "ответов", "ответа", "Ответов",
	"Ответа", "تعليقات", "تعليق", "ردود", "دیدگاه", "دیدگاه‌ها",
	"نظرات", "تعليقًا", "تعليقا", "תגובות", "תגובה", "коментарів",
	"коментарі", "коментар",
	"Коментарів", "Коментарі", "Коментар", "σχόλια", "σχόλιο", "Σχόλια",
	"Σχόλιο", "komentáře", "komentářů", "komentář", "komentárov",
	"komentáre", "kommenttia", "kommentti", "vastausta", "hozzászólás",
	"comentarii", "komentar", "tanggapan", "ความคิดเห็น", "टिप्पणियाँ",
	"टिप्पणियां", "टिप्पणी", "تبصرے", "تبصرہ", "条评论", "條評論", "个评论",
	"個評論", "条回复", "條回覆", "則留言", "则留言", "件のコメント", "件の返信",
	"コメント", "개의", "댓글"
};

/*
 * Phrases that say their count in words, with no digits: WordPress's
 * Arabic dual and singular forms (and the accusative dual) and the
 * Hebrew singular. Matched exactly, then a space, ':' or the line's end.
 */
static const struct {
	const char *s;
	int count;
} pt_counted_nouns[] = {
	{ "تعليقان", 2 }, { "تعليقين", 2 }, { "ردان", 2 }, { "ردين", 2 },
	{ "تعليق واحد", 1 }, { "رد واحد", 1 }, { "תגובה אחת", 1 },
	{ "שתי תגובות", 2 }
};

/* A pt_counted_nouns phrase at b[*i]? Sets *count, advances *i. */
static int
pt_counted_noun(const unsigned char *b, uint32_t *i, uint32_t e,
    int64_t *count)
{
	size_t k, n;

	for (k = 0; k < sizeof pt_counted_nouns / sizeof *pt_counted_nouns;
	    k++) {
		n = strlen(pt_counted_nouns[k].s);
		if (e - *i < n || memcmp(b + *i, pt_counted_nouns[k].s, n) != 0)
			continue;
		if (*i + n < e && !pt_is_space(b[*i + n]) && b[*i + n] != ':')
			continue;
		*i += (uint32_t)n;
		*count = pt_counted_nouns[k].count;
		return 1;
	}
	return 0;
}

/* The token at b[*i] (up to a space, ':' or e) is one of words[]? */
static int
pt_token_in(const unsigned char *b, uint32_t *i, uint32_t e,
    const char *const *words, size_t n)
{
	uint32_t j = *i, k;
	size_t w, len;

	while (j < e && !pt_is_space(b[j]) && b[j] != ':')
		j++;
	len = j - *i;
	for (w = 0; w < n; w++) {
		if (strlen(words[w]) != len)
			continue;
		for (k = 0; k < len; k++)
			if (pt_lower(b[*i + k]) != (unsigned char)words[w][k])
				break;
		if (k == len) {
			*i = j;
			return 1;
		}
	}
	return 0;
}

/* Length of a closing quotation mark at b[i], or 0. */
static uint32_t
pt_close_quote(const unsigned char *b, uint32_t i, uint32_t e)
{
	if (i < e && (b[i] == '"' || b[i] == '\''))
		return 1;
	if (e - i >= 3 && b[i] == 0xe2 && b[i + 1] == 0x80 &&
	    (b[i + 2] == 0x9d || b[i + 2] == 0x99 || b[i + 2] == 0x9c))
		return 3;	/* ” ’ “ (German closes with “) */
	if (e - i >= 2 && b[i] == 0xc2 && b[i + 1] == 0xbb)
		return 2;	/* » */
	return pt_quote_ref(b, i, e, pt_quote_refs_close,
	    sizeof pt_quote_refs_close / sizeof *pt_quote_refs_close);
}

static int pt_comment_start(struct pt *, const struct pt_line *,
    uint64_t *, int *, uint32_t *, uint32_t *);

/*
 * The deepest indent of a line that starts a comment or is the trailer:
 * PT_START_INDENT, or as deep as the thread's first number line (one tab
 * at most).
 */
static uint32_t
pt_start_indent(const struct pt *p)
{
	if (p->thread_indent == 0)
		return p->in_comments ? PT_FIRST_INDENT : PT_START_INDENT;
	return p->thread_indent;
}

/* Does a comment start on one of the next few non-blank lines? */
static int
pt_comment_follows(const struct pt *p)
{
	struct pt q = *p;	/* a copy: reading ahead moves nothing */
	struct pt_line l;
	uint64_t num;
	uint32_t ne, ts;
	int over, n;

	q.in_comments = 1;	/* as the thread would be read */

	for (n = 0; n < 16 && pt_next_line(&q, &l); n++) {
		if (l.blank)
			continue;
		return pt_comment_start(&q, &l, &num, &over, &ne, &ts);
	}
	return 0;
}

/*
 * A comment header in another language, taken only when a comment
 * follows: a count (digits, or a word for "one") and then either one or
 * two words for comments alone (pt_nouns_other, ":" allowed; "3
 * Kommentare", "2 条评论", "2개의 댓글"; after digits the space may be
 * left out before a non-ASCII word: "2件のコメント"), or one to four
 * words and the document's title in quotation marks, ending the line ("3
 * Gedanken zu „Title“", "3 réflexions sur « Title »"). A phrase that
 * carries its own count (pt_counted_nouns: "تعليقان", "תגובה אחת") stands
 * for both: alone, or before the words and the quoted title ("تعليق واحد
 * على “Title”").
 */
static int
pt_header_other(struct pt *p, const struct pt_line *l, int64_t *count,
    int *over)
{
	const unsigned char *b = p->b;
	uint32_t i = l->s, e = l->e, t = p->d->title.len, q, n;
	int r, words, k;

	r = pt_header_digits(b, &i, e, count, over);
	if (r == 0 && pt_counted_noun(b, &i, e, count)) {
		*over = 0;
		n = i < e && b[i] == ':' ? i + 1 : i;
		if (n == e)	/* "تعليقان" alone */
			return pt_comment_follows(p);
	} else if (r == 0) {
		if (!pt_token_in(b, &i, e, pt_one_words,
		    sizeof pt_one_words / sizeof *pt_one_words))
			return 0;
		*count = 1;
	}
	/* A space after the count, or none before a non-ASCII word
	 * ("2条评论", "2件のコメント"). */
	if (i >= e || (!pt_is_space(b[i]) && b[i] < 0x80))
		return 0;
	i = pt_skip_spaces(b, i, e);
	n = i;
	for (k = 0; r != 0 && k < 2 && pt_token_in(b, &n, e, pt_nouns_other,
	    sizeof pt_nouns_other / sizeof *pt_nouns_other); k++) {
		n = pt_skip_spaces(b, n, e);
		if (n < e && b[n] == ':')
			n++;
		if (n == e)	/* one or two of the words alone */
			return pt_comment_follows(p);
	}
	for (words = 0; words < 4 && i < e && !pt_open_quote(b, i, e);
	    words++) {
		while (i < e && !pt_is_space(b[i]))
			i++;
		i = pt_skip_spaces(b, i, e);
	}
	if (words == 0 || i >= e || !pt_open_quote(b, i, e) || t == 0)
		return 0;
	i += pt_open_quote(b, i, e);
	i = pt_skip_spaces(b, i, e);
	if (e - i < t || memcmp(b + i, b + p->d->title.off, t) != 0)
		return 0;
	i = pt_skip_spaces(b, i + t, e);
	q = pt_close_quote(b, i, e);
	if (q == 0)
		return 0;
	i += q;
	if (i < e && (b[i] == ':' || b[i] == '.'))
		i++;
	return i == e && pt_comment_follows(p);
}

/*
 * A header that names the comments first, taken only when a comment
 * follows: one of pt_nouns or pt_nouns_above, then its count in
 * parentheses or after a colon, ending the line ("Comments (3)",
 * "Responses: 12", "Comments (1,234)", "Discussion (2)"), as themes print
 * it above the list; or a plural one of pt_nouns alone with no count
 * ("Comments", "Responses:"; *count is -1).
 */
static int
pt_header_noun_first(struct pt *p, const struct pt_line *l, int64_t *count,
    int *over)
{
	const unsigned char *b = p->b;
	uint32_t i = l->s, e = l->e, n;
	int paren, above = 0;

	if (!pt_noun(b, &i, e)) {
		if (!pt_word_in(b, &i, e, pt_nouns_above,
		    sizeof pt_nouns_above / sizeof *pt_nouns_above))
			return 0;
		above = 1;
	}
	n = i;
	if (n < e && b[n] == ':')
		n++;
	if (n == e && !above && pt_lower(b[i - 1]) == 's') {
		/* "Comments" alone ("Discussion" alone is as often an
		 * article's own heading, over a numbered list) */
		*count = -1;
		*over = 0;
		return pt_comment_follows(p);
	}
	i = pt_skip_spaces(b, i, e);
	if (i >= e || (b[i] != '(' && b[i] != ':'))
		return 0;
	paren = b[i] == '(';
	i = pt_skip_spaces(b, i + 1, e);
	if (pt_header_digits(b, &i, e, count, over) == 0)
		return 0;
	i = pt_skip_spaces(b, i, e);
	if (paren) {
		if (i >= e || b[i] != ')')
			return 0;
		i++;
	}
	return i == e && pt_comment_follows(p);
}

/* Is l the trailer "Comments are closed." (any case, dot optional)? */
static int
pt_trailer(struct pt *p, const struct pt_line *l)
{
	static const char t[] = "comments are closed";
	uint32_t n = sizeof t - 1, k;

	if (l->indent > pt_start_indent(p))
		return 0;
	if (l->e - l->s != n && !(l->e - l->s == n + 1 &&
	    p->b[l->e - 1] == '.'))
		return 0;
	for (k = 0; k < n; k++)
		if (pt_lower(p->b[l->s + k]) != (unsigned char)t[k])
			return 0;
	return 1;
}

/*
 * Add the note [open, close] (both brackets) to clause c; tilde is one
 * past the last '~' at the note's own depth, or 0. "[... ~XX]" with XX a
 * short word after a space (or right after the '[') is an editor's note.
 */
static void
pt_note_add(struct pt *p, struct doc_clause *c, uint32_t open,
    uint32_t close, uint32_t tilde)
{
	struct doc_note *n = doc_add_note(p->d);
	uint32_t j, k, m;

	n->kind = DOC_NOTE_INSERTION;
	n->text = pt_span(open, close + 1);
	c->nnotes++;
	if (tilde == 0 || (tilde - 1 != open + 1 &&
	    !pt_is_space(p->b[tilde - 2])))
		return;
	for (j = tilde; j < close && pt_is_space(p->b[j]); j++)
		;
	for (k = close; k > j && pt_is_space(p->b[k - 1]); k--)
		;
	if (k == j || k - j > 32)
		return;
	for (m = j; m < k; m++)
		if (pt_is_space(p->b[m]))
			return;
	n->kind = DOC_NOTE_EDITOR;
	n->signature = pt_span(j, k);
}

/*
 * The notes of [open, e), where the '[' at open is never closed: read
 * backwards, a ']' is closed by the nearest '[' before it, and a '[' with
 * no ']' after it left to take is a literal bracket (open is one). Each
 * outermost closed pair is a note; they are added last first, then put
 * in order. One pass, no allocation.
 */
static void
pt_notes_unclosed(struct pt *p, struct doc_clause *c, uint32_t open,
    uint32_t e)
{
	struct doc *d = p->d;
	struct doc_note t;
	size_t first = d->nnotes, a, b;
	uint32_t i, depth = 0, close = 0, tilde = 0;

	for (i = e; i-- > open;) {
		if (p->b[i] == ']') {
			if (depth++ == 0) {
				close = i;
				tilde = 0;
			}
		} else if (p->b[i] == '~' && depth == 1 && tilde == 0)
			tilde = i + 1;
		else if (p->b[i] == '[' && depth > 0 && --depth == 0)
			pt_note_add(p, c, i, close, tilde);
	}
	for (a = first, b = d->nnotes; b > a + 1; a++, b--) {
		t = d->notes[a];
		d->notes[a] = d->notes[b - 1];
		d->notes[b - 1] = t;
	}
}

/*
 * Find the notes (bracketed spans) of a translation [s, e). Brackets nest:
 * the outermost closed pair is one note, whatever it holds. A stray ']'
 * is ignored; a '[' that is never closed is a literal bracket (and a
 * problem), and the pairs after it are still notes. Linear: one pass, and
 * one more backwards over the text after an unclosed '['.
 */
static void
pt_notes(struct pt *p, struct doc_clause *c, uint32_t s, uint32_t e,
    uint32_t line)
{
	uint32_t i, open = 0, depth = 0, tilde = 0;

	c->first_note = (uint32_t)p->d->nnotes;
	for (i = s; i < e; i++) {
		if (p->b[i] == '[') {
			if (depth++ == 0) {
				open = i;
				tilde = 0;
			}
		} else if (p->b[i] == '~' && depth == 1)
			tilde = i + 1;
		else if (p->b[i] == ']' && depth > 0 && --depth == 0)
			pt_note_add(p, c, open, i, tilde);
	}
	if (depth > 0) {
		doc_add_problem(p->d, line, "unclosed bracket in a translation");
		pt_notes_unclosed(p, c, open, e);
	}
}

/* Trim spaces (pt_space: no-break ones too) at both ends of [*s, *e). */
static void
pt_trim(const unsigned char *b, uint32_t *s, uint32_t *e)
{
	uint32_t k;

	*s = pt_skip_spaces(b, *s, *e);
	while ((k = pt_space_before(b, *s, *e)) != 0)
		*e -= k;
}

/*
 * Does the text [r, i) end a sentence, spaces after it aside: with a full
 * stop ('.', the ideographic U+3002 or the Arabic U+06D4), a question or
 * exclamation mark ('?', '!', the Arabic U+061F, the full-width U+FF1F
 * and U+FF01) or an ellipsis (U+2026)? A repeated number there follows
 * the " ." separator after an original, or an original that ends in a
 * question or an exclamation.
 */
static int
pt_after_stop(const unsigned char *b, uint32_t r, uint32_t i)
{
	uint32_t k;

	while ((k = pt_space_before(b, r, i)) != 0)
		i -= k;
	if (i > r && (b[i - 1] == '.' || b[i - 1] == '?' || b[i - 1] == '!'))
		return 1;
	if (i - r >= 3 && ((b[i - 3] == 0xe3 && b[i - 2] == 0x80 &&
	    b[i - 1] == 0x82) || (b[i - 3] == 0xe2 && b[i - 2] == 0x80 &&
	    b[i - 1] == 0xa6) || (b[i - 3] == 0xef && b[i - 2] == 0xbc &&
	    (b[i - 1] == 0x9f || b[i - 1] == 0x81))))
		return 1;	/* 。 … ？ ！ */
	return i - r >= 2 && ((b[i - 2] == 0xdb && b[i - 1] == 0x94) ||
	    (b[i - 2] == 0xd8 && b[i - 1] == 0x9f));	/* ۔ ؟ */
}

/*
 * May a repeated clause number start at i (r: start of the text)? After
 * a space, a tab or a dot, or after punctuation with no space, as after
 * an ideographic full stop ("。2 –"); never after a letter or a digit.
 */
static int
pt_number_may_start(const unsigned char *b, uint32_t r, uint32_t i)
{
	uint32_t j = i, c;

	if (i == r || b[i - 1] == ' ' || b[i - 1] == '\t' || b[i - 1] == '.')
		return 1;
	if (b[i - 1] < 0x80)
		return 0;
	while (j > r && i - j < 4 && (b[j - 1] & 0xc0) == 0x80)
		j--;
	if (j == r || (b[j - 1] & 0xc0) != 0xc0)
		return 0;	/* not a whole UTF-8 sequence */
	j--;
	if (text_utf8_decode((const char *)b + j, i - j, &c) != i - j)
		return 0;
	return uc_is_general_category(c, UC_CATEGORY_P) ||
	    uc_is_general_category(c, UC_CATEGORY_Z);
}

/* Direction of a clause's original o, as the model keeps it. */
static enum doc_direction
pt_original_dir(const struct pt *p, struct span o)
{
	switch (o.len > 0 ?
	    text_direction((const char *)p->b + o.off, o.len) : -1) {
	case 0:
		return DOC_DIR_LTR;
	case 1:
		return DOC_DIR_RTL;
	default:
		return DOC_DIR_NONE;
	}
}

/* Trim b[*s, *e), then a final '.' (the " ." separator after an
 * original, or its full stop), then trim again. */
static void
pt_trim_original(const unsigned char *b, uint32_t *s, uint32_t *e)
{
	pt_trim(b, s, e);
	if (*e > *s && b[*e - 1] == '.')
		(*e)--;
	pt_trim(b, s, e);
}

/* The problem of a clause without a translation (pt_clause_join takes
 * it back when the translation comes on the next line). */
static const char pt_no_translation[] = "clause has no translation";

/*
 * A translation-only line "N – text" right after the line "N- original ."
 * of the same clause (a clause written on two lines): give the text to
 * that clause. The line before was read as an original when it is right
 * to left; a left-to-right one was read as a translation without an
 * original (as "N- text" alone is), and becomes the original now that
 * the translation follows. Returns whether it joined the line.
 */
static int
pt_clause_join(struct pt *p, uint64_t num, uint32_t ts, uint32_t te,
    uint32_t line)
{
	struct doc *d = p->d;
	struct doc_clause *c;
	struct doc_problem *pr;
	uint32_t os, oe;

	if (d->nclauses == 0 || ts == te)
		return 0;
	c = &d->clauses[d->nclauses - 1];
	if (c->block != (uint32_t)p->clause_block || c->number != num ||
	    c->line + 1 != line)
		return 0;
	if (c->original.len == 0 && c->translation.len != 0 &&
	    c->line == p->lone_ltr) {
		os = c->translation.off;
		oe = os + c->translation.len;
		pt_trim_original(p->b, &os, &oe);
		c->original = pt_span(os, oe);
		c->original_dir = pt_original_dir(p, c->original);
		c->translation = pt_span(os, os);
		d->nnotes -= c->nnotes;	/* its notes were the last ones */
		c->nnotes = 0;
	}
	if (c->original.len == 0 || c->translation.len != 0)
		return 0;
	c->translation = pt_span(ts, te);
	if (d->nproblems > 0) {	/* it has a translation after all */
		pr = &d->problems[d->nproblems - 1];
		if (pr->line == c->line &&
		    pr->message == pt_no_translation)
			d->nproblems--;
	}
	pt_notes(p, c, ts, te, line);
	return 1;
}

/* A place where the repeated number may be: at, and the text after its
 * dash t; at is 0 when there is none (a repeated number is never at 0). */
struct pt_cand {
	uint32_t at, t;
};

/* The search for the repeated number of one clause line. */
struct pt_scan {
	const unsigned char *b;
	uint32_t r, e;		/* the text after the clause's own number */
	int last;		/* direction (text_char_direction) of the
				   last strong character before the search */
	int rtl;		/* the text starts right to left; -1: not
				   yet known */
	uint32_t next_from, next_at;	/* [next_from, next_at] has no
				   strong character but maybe at next_at */
	int next_dir;		/* the direction of the one at next_at */
	struct pt_cand stop;	/* the same number after a full stop */
	struct pt_cand turn;	/* the same after right to left, before
				   left to right */
	struct pt_cand first;	/* the first of the same number */
	struct pt_cand other;	/* the first with another number that may
				   stand for it (pt_repeat_at) */
};

/* A clause line taken apart (pt_clause_split). */
struct pt_split {
	uint64_t num;		/* the clause's number (bounded) */
	int over;		/* it was larger than UINT32_MAX */
	int hyphen;		/* "N- ": a hyphen right after the number */
	uint32_t r;		/* the text after the number and its dash */
	struct pt_cand rep;	/* the repeated number, if any */
	int differs;		/* which is another number */
};

static void
pt_scan_init(struct pt_scan *sc, const unsigned char *b, uint32_t r,
    uint32_t e)
{
	memset(sc, 0, sizeof *sc);
	sc->b = b;
	sc->r = r;
	sc->e = e;
	sc->last = -1;
	sc->rtl = -1;
	sc->next_from = UINT32_MAX;
}

/* Does the clause text start right to left? (Computed once a line.) */
static int
pt_scan_rtl(struct pt_scan *sc)
{
	if (sc->rtl < 0)
		sc->rtl = text_direction((const char *)sc->b + sc->r,
		    sc->e - sc->r) == 1;
	return sc->rtl;
}

/*
 * Direction of the first strong character at or after t (-1: none). t
 * only grows from call to call, and the last answer holds for every t up
 * to where it was found, so the line is scanned once.
 */
static int
pt_scan_next_dir(struct pt_scan *sc, uint32_t t)
{
	uint32_t c, k;
	int dir;

	if (sc->next_from <= t && t <= sc->next_at)
		return sc->next_dir;
	sc->next_from = t;
	sc->next_dir = -1;
	while (t < sc->e) {
		k = pt_char(sc->b, t, sc->e, &c);
		if ((dir = text_char_direction(c)) >= 0) {
			sc->next_dir = dir;
			break;
		}
		t += k;
	}
	sc->next_at = t;
	return sc->next_dir;
}

static void
pt_cand_set(struct pt_cand *cd, uint32_t at, uint32_t t)
{
	if (cd->at == 0) {
		cd->at = at;
		cd->t = t;
	}
}

/*
 * Is there a repeated number at i (num: the clause's own)? Records where
 * in sc; returns 1 when it is the best there can be (the same number
 * after a full stop). A number marked with a dot, a parenthesis or a
 * dash with no space after it counts only after a full stop, so "5-10"
 * and "Article 2." inside a text are not split at. Another number counts
 * (as "other") only if marked "N – " after a full stop or in a clause
 * that starts right to left, so "1 – a term of 3 - 5 years" stays one
 * translation.
 */
static int
pt_repeat_at(struct pt_scan *sc, uint64_t num, uint32_t i)
{
	uint64_t v;
	uint32_t t;
	int over, spaced, stop;
	enum pt_mark m;

	m = pt_marker(sc->b, i, sc->e, &v, &over, &t, &spaced);
	if (m == PT_MARK_NONE)
		return 0;
	stop = pt_after_stop(sc->b, sc->r, i);
	if (v != num) {
		if (m == PT_MARK_DASH && (stop || pt_scan_rtl(sc)))
			pt_cand_set(&sc->other, i, t);
		return 0;
	}
	if (stop) {
		pt_cand_set(&sc->stop, i, t);
		return 1;
	}
	if (m != PT_MARK_DASH)
		return 0;
	pt_cand_set(&sc->first, i, t);
	if (sc->turn.at == 0 && sc->last == 1 && pt_scan_next_dir(sc, t) == 0)
		pt_cand_set(&sc->turn, i, t);
	return 0;
}

/*
 * Look for the repeated number: where a number may start
 * (pt_number_may_start), keeping the direction of the last strong
 * character passed for pt_repeat_at. Stops at the best place.
 */
static void
pt_repeat_find(struct pt_scan *sc, uint64_t num)
{
	const unsigned char *b = sc->b;
	uint32_t i = sc->r, k, c;
	unsigned dg;
	int dir;

	while (i < sc->e) {
		if (b[i] == '(' && pt_digit(b, i + 1, sc->e, &dg) != 0 &&
		    pt_number_may_start(b, sc->r, i) &&
		    pt_repeat_at(sc, num, i))
			return;		/* "(N) " */
		if (pt_digit(b, i, sc->e, &dg) != 0) {
			if (pt_number_may_start(b, sc->r, i) &&
			    pt_repeat_at(sc, num, i))
				return;
			while ((k = pt_digit(b, i, sc->e, &dg)) != 0)
				i += k;	/* skip this digit run */
			continue;
		}
		k = pt_char(b, i, sc->e, &c);
		if ((dir = text_char_direction(c)) >= 0)
			sc->last = dir;
		i += k;
	}
}

/* The repeated number of sp (pt_split) by preference: after a full stop,
 * at a change of direction, the first; failing those, another number. */
static void
pt_repeat_choose(const struct pt_scan *sc, struct pt_split *sp)
{
	sp->differs = 0;
	if (sc->stop.at != 0)
		sp->rep = sc->stop;
	else if (sc->turn.at != 0)
		sp->rep = sc->turn;
	else if (sc->first.at != 0)
		sp->rep = sc->first;
	else {
		sp->rep = sc->other;
		sp->differs = sc->other.at != 0;
	}
}

/*
 * Is the line after the current one (p has read up to it) a clause's
 * translation for number num: indented 4 or more, num with any clause
 * mark, and text that starts left to right? Reads ahead one line on a
 * copy of p, so nothing moves.
 */
static int
pt_next_translates(const struct pt *p, uint64_t num)
{
	struct pt q = *p;
	struct pt_line l;
	uint64_t v;
	uint32_t after, r;
	int over, spaced;

	if (!pt_next_line(&q, &l) || l.blank || l.indent < 4)
		return 0;
	if (pt_marker(q.b, l.s, l.e, &v, &over, &after, &spaced) ==
	    PT_MARK_NONE || over || v != num)
		return 0;
	r = pt_skip_spaces(q.b, after, l.e);
	return text_direction((const char *)q.b + r, l.e - r) == 0;
}

/*
 * Is line l, taken apart in *sp, the translation of the clause before
 * it, which pt_clause_join will give it: that clause is the last of the
 * open clause block, on the line just before, with the same number, an
 * original and no translation; l's text starts left to right and has
 * no repeated number.
 */
static int
pt_translates_last(const struct pt *p, const struct pt_line *l,
    const struct pt_split *sp)
{
	const struct doc *d = p->d;
	const struct doc_clause *c;

	if (p->run != PT_RUN_CLAUSES || d->nclauses == 0 || sp->over ||
	    sp->rep.at != 0 || sp->r == l->e)
		return 0;
	c = &d->clauses[d->nclauses - 1];
	return c->block == (uint32_t)p->clause_block && c->number ==
	    sp->num && c->line + 1 == l->no && c->original.len != 0 &&
	    c->translation.len == 0 &&
	    text_direction((const char *)p->b + sp->r, l->e - sp->r) == 0;
}

/*
 * Is l a clause line? "N – " (a dash with a space or the end after it)
 * always starts one; "N-text" (no space after the dash) only if the text
 * is right to left from its first character or the number repeats after
 * a full stop; "N. " and "N) " only if the number repeats after a full
 * stop, or on two lines: a right-to-left original whose next line has
 * the same number and left-to-right text (pt_next_translates), and that
 * next line (pt_translates_last). So numbered lists, "3-year plans" and
 * dates stay text. Fills *sp.
 */
static int
pt_clause_split(const struct pt *p, const struct pt_line *l,
    struct pt_split *sp)
{
	struct pt_scan sc;
	uint32_t after, c;
	int spaced;
	enum pt_mark m;

	m = pt_marker(p->b, l->s, l->e, &sp->num, &sp->over, &after,
	    &spaced);
	if (m == PT_MARK_NONE)
		return 0;
	/* "N- ": a hyphen-minus right after the number, as originals are
	 * written ("N – " with a space and a dash introduces translations). */
	sp->hyphen = m == PT_MARK_DASH && !spaced && p->b[after - 1] == '-';
	sp->r = pt_skip_spaces(p->b, after, l->e);
	pt_scan_init(&sc, p->b, sp->r, l->e);
	pt_repeat_find(&sc, sp->num);
	pt_repeat_choose(&sc, sp);
	if (m == PT_MARK_DASH)
		return 1;
	if (sc.stop.at != 0)
		return 1;
	if (m == PT_MARK_DOT)
		return pt_translates_last(p, l, sp) || (sp->rep.at == 0 &&
		    text_direction((const char *)p->b + sp->r, l->e - sp->r) ==
		    1 && pt_next_translates(p, sp->num));
	return m == PT_MARK_TIGHT && after < l->e &&
	    pt_char(p->b, after, l->e, &c) != 0 && text_char_direction(c) == 1;
}

/*
 * Append the clause of line l, taken apart in *sp, to the document, or
 * join it to the one before (pt_clause_join): then it returns 2, else 1.
 */
static int
pt_clause_add(struct pt *p, const struct pt_line *l, const struct pt_split *sp)
{
	struct doc *d = p->d;
	struct doc_clause *c;
	const unsigned char *b = p->b;
	uint32_t r = sp->r, e = l->e, os, oe, ts, te;
	int rtl = text_direction((const char *)b + r, e - r) == 1;

	if (sp->rep.at == 0 && !sp->over && !rtl) {
		ts = r;
		te = e;
		pt_trim(b, &ts, &te);
		if (pt_clause_join(p, sp->num, ts, te, l->no))
			return 2;
	}
	c = doc_add_clause(d);
	c->number = (uint32_t)sp->num;
	c->line = l->no;
	c->block = (uint32_t)p->clause_block;
	if (sp->over)
		doc_add_problem(d, l->no, "clause number too large");
	if (sp->differs)
		doc_add_problem(d, l->no,
		    "clause number differs from its repeated number");
	if (sp->rep.at != 0) {
		os = r;
		oe = sp->rep.at;
		pt_trim_original(b, &os, &oe);
		ts = sp->rep.t;
		te = e;
		pt_trim(b, &ts, &te);
	} else if (rtl) {
		os = r;		/* right-to-left text alone: an original */
		oe = e;
		pt_trim_original(b, &os, &oe);
		ts = te = e;
	} else {
		os = oe = r;	/* "1 – translation": no original */
		ts = r;
		te = e;
		if (sp->hyphen)	/* "1- text": or an original (pt_clause_join) */
			p->lone_ltr = l->no;
	}
	c->original = pt_span(os, oe);
	c->translation = pt_span(ts, te);
	c->original_dir = pt_original_dir(p, c->original);
	if (te == ts && oe == os)
		doc_add_problem(d, l->no, "empty clause");
	else if (te == ts)
		doc_add_problem(d, l->no, pt_no_translation);
	pt_notes(p, c, ts, te, l->no);
	return 1;
}

static struct doc_block *
pt_block(struct pt *p, enum doc_block_kind kind, const struct pt_line *l)
{
	struct doc_block *bl = doc_add_block(p->d);

	bl->kind = kind;
	bl->line = l->no;
	if (kind != DOC_BLOCK_CLAUSES)
		bl->text = pt_span(l->s, l->e);
	return bl;
}

/*
 * Is l, indented less than 4 columns, a comment header of any form
 * (pt_header, pt_header_noun_first, pt_header_other)? Sets *count and
 * *over as they do.
 */
static int
pt_header_any(struct pt *p, const struct pt_line *l, int64_t *count,
    int *over)
{
	return l->indent < 4 && (pt_header(p, l, count, over) ||
	    pt_header_noun_first(p, l, count, over) ||
	    pt_header_other(p, l, count, over));
}

/* Try l as a comment header; on success switch to comment mode. */
static int
pt_try_header(struct pt *p, const struct pt_line *l)
{
	int64_t count;
	int over;

	if (!pt_header_any(p, l, &count, &over))
		return 0;
	p->d->comment_header = pt_span(l->s, l->e);
	p->d->comment_header_line = l->no;
	p->d->declared_comments = count;
	if (over)
		doc_add_problem(p->d, l->no, "comment count too large");
	p->in_comments = 1;
	p->run = PT_RUN_NONE;
	return 1;
}

static void
pt_article_line(struct pt *p, const struct pt_line *l)
{
	struct doc_block *bl;
	struct pt_split sp;

	if (l->blank) {
		if (p->run == PT_RUN_QUOTE)
			p->run = PT_RUN_NONE;
		return;		/* clause blocks continue across blanks */
	}
	if (l->indent >= 4) {
		if (pt_clause_split(p, l, &sp)) {
			if (p->run != PT_RUN_CLAUSES) {
				p->clause_block = p->d->nblocks;
				bl = pt_block(p, DOC_BLOCK_CLAUSES, l);
				bl->first_clause = (uint32_t)p->d->nclauses;
				p->run = PT_RUN_CLAUSES;
			}
			if (pt_clause_add(p, l, &sp) == 1)
				p->d->blocks[p->clause_block].nclauses++;
			return;
		}
		if (p->run != PT_RUN_QUOTE) {
			p->run = PT_RUN_QUOTE;
			p->ngroups++;
		}
		bl = pt_block(p, DOC_BLOCK_QUOTE, l);
		bl->quote_group = p->ngroups - 1;
		return;
	}
	p->run = PT_RUN_NONE;
	if (pt_try_header(p, l))
		return;
	if (pt_trailer(p, l)) {
		p->d->comments_closed = 1;
		return;
	}
	pt_block(p, DOC_BLOCK_PARA, l);
}

/*
 * Is l the first line of a comment ("  N. text" or "  N) text" as the
 * thread's first comment has it, indent 0-3 or as deep as the thread's
 * first: pt_start_indent)? Sets *num,
 * *over, the digits [*ns, *ne) and the start of the text *ts.
 */
static int
pt_comment_start(struct pt *p, const struct pt_line *l, uint64_t *num,
    int *over, uint32_t *ne, uint32_t *ts)
{
	uint32_t i = l->s;
	int r;

	if (l->indent > pt_start_indent(p))
		return 0;
	r = pt_number(p->b, &i, l->e, UINT64_MAX, num);
	if (r == 0 || i >= l->e || (p->b[i] != '.' && p->b[i] != ')') ||
	    (p->comment_mark != 0 && p->b[i] != p->comment_mark))
		return 0;
	*ne = i;
	i++;
	if (i < l->e && !pt_is_space(p->b[i]))
		return 0;
	while (i < l->e && pt_is_space(p->b[i]))
		i++;
	*over = r < 0;
	*ts = i;
	return 1;
}

/* Append the text [s, e) of line no to the current comment. */
static void
pt_comment_text(struct pt *p, uint32_t s, uint32_t e)
{
	struct doc *d = p->d;
	struct doc_comment *c = &d->comments[p->comment];
	struct doc_para *pa;

	if (!p->in_para) {
		pa = doc_add_para(d);
		pa->lines.first = (uint32_t)d->nlines;
		pa->comment = (uint32_t)p->comment;
		if (c->npara == 0)
			c->first_para = (uint32_t)(d->nparas - 1);
		c->npara++;
		p->in_para = 1;
	}
	*doc_add_line(d) = pt_span(s, e);
	d->paras[d->nparas - 1].lines.n++;
}

static void
pt_comment_new(struct pt *p, const struct pt_line *l, uint64_t num, int over,
    uint32_t ne, uint32_t ts)
{
	struct doc *d = p->d;
	struct doc_comment *c = doc_add_comment(d);

	c->number = num;
	c->number_text = pt_span(l->s, ne);
	c->line = l->no;
	c->parent = -1;
	c->first_para = (uint32_t)d->nparas;
	if (over)
		doc_add_problem(d, l->no, "comment number too large");
	if (num != p->expect)
		doc_add_problem(d, l->no, "comment number out of sequence");
	p->expect = num == UINT64_MAX ? num : num + 1;
	p->comment = (long)(d->ncomments - 1);
	p->comment_indent = l->indent;
	if (p->thread_indent == 0)
		p->thread_indent = l->indent > PT_START_INDENT ? l->indent :
		    PT_START_INDENT;
	if (p->comment_mark == 0)
		p->comment_mark = p->b[ne];
	p->in_para = 0;
	p->orphan = 0;
	if (ts < l->e)
		pt_comment_text(p, ts, l->e);
}

/*
 * Is l a later header, one that starts a new part of the thread ("2
 * Pingbacks" under the comments)? It must come after a comment of the
 * current part, be indented like a number line, read as a header and
 * have a comment after it; its comments are numbered from 1 again.
 */
static int
pt_section(struct pt *p, const struct pt_line *l)
{
	struct doc *d = p->d;
	struct doc_section *sec;
	size_t first = d->nsections > 0 ?
	    d->sections[d->nsections - 1].first_comment : 0;
	int64_t count;
	int over;

	if (l->indent > pt_start_indent(p) || d->ncomments <= first ||
	    !pt_header_any(p, l, &count, &over) || !pt_comment_follows(p))
		return 0;
	sec = doc_add_section(d);
	sec->header = pt_span(l->s, l->e);
	sec->line = l->no;
	sec->declared = count;
	sec->first_comment = (uint32_t)d->ncomments;
	if (over)
		doc_add_problem(d, l->no, "comment count too large");
	p->expect = 1;
	p->comment = -1;
	p->in_para = 0;
	p->orphan = 0;
	return 1;
}

/* Compare each header's count with the comments of its part. */
static void
pt_check_counts(struct doc *d)
{
	size_t k, from = 0, to;
	int64_t said = d->declared_comments;
	uint32_t line = d->comment_header_line;

	for (k = 0; k <= d->nsections; k++) {
		to = k < d->nsections ? d->sections[k].first_comment :
		    d->ncomments;
		if (said >= 0 && (uint64_t)said != to - from)
			doc_add_problem(d, line, "the header's comment count "
			    "differs from the comments present");
		if (k < d->nsections) {
			said = d->sections[k].declared;
			line = d->sections[k].line;
			from = to;
		}
	}
}

static void
pt_comment_line(struct pt *p, const struct pt_line *l)
{
	uint64_t num;
	uint32_t ne, ts;
	int over;

	if (l->blank) {
		p->in_para = 0;
		return;
	}
	if (pt_comment_start(p, l, &num, &over, &ne, &ts)) {
		pt_comment_new(p, l, num, over, ne, ts);
		return;
	}
	if (pt_trailer(p, l)) {
		p->d->comments_closed = 1;
		p->comment = -1;
		p->in_para = 0;
		p->orphan = 0;
		return;
	}
	if (pt_section(p, l))
		return;
	if (p->comment >= 0 && l->indent < p->comment_indent) {
		p->comment = -1;	/* the page goes on after the thread */
		p->in_para = 0;
	}
	if (p->comment >= 0) {
		pt_comment_text(p, l->s, l->e);
		return;
	}
	if (!p->orphan)
		doc_add_problem(p->d, l->no, "text outside any comment");
	p->orphan = 1;
	pt_block(p, DOC_BLOCK_PARA, l);
}

struct doc *
parse_text(char *buf, size_t len, int mapped)
{
	struct doc *d = doc_new(buf, len, mapped);
	struct pt p;
	struct pt_line l;

	memset(&p, 0, sizeof p);
	p.d = d;
	p.b = (const unsigned char *)buf;
	p.len = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
	p.comment = -1;
	p.expect = 1;
	if (len > UINT32_MAX)
		doc_add_problem(d, 0, "input larger than 4 GiB: the rest is "
		    "ignored");

	while (pt_next_line(&p, &l)) {
		if (!p.have_title) {
			if (l.blank)
				continue;
			d->title = pt_span(l.s, l.e);
			d->title_line = l.no;
			p.have_title = 1;
		} else if (!p.in_comments)
			pt_article_line(&p, &l);
		else
			pt_comment_line(&p, &l);
	}

	pt_check_counts(d);
	doc_sum_declared(d);
	d->invalid_sequences = text_utf8_invalid(buf, len);
	return d;
}

/*
 * test_quotes.c: unit tests of quotes_find() (quote links and reply
 * parents). Documents are written here in the plain-text format, parsed
 * with parse_text() and linked; every result is also checked against the
 * model's invariants (links sorted, inside their paragraphs and sources,
 * never pointing at the same or a later comment, passage and source equal
 * once normalised). The real seed document is used when present: its
 * expected links are those named in issue 5. A generated thread of 20,000
 * comments checks the counts at scale (not timed).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include "gloss/doc.h"
#include "gloss/parse.h"
#include "gloss/quotes.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "tap.h"

/* Parse a copy of len bytes of s (the document owns it) and link it. */
static struct doc *
doc_of(const char *s, size_t len)
{
	char *buf = xmalloc(len + 1);
	struct doc *d;

	memcpy(buf, s, len);
	buf[len] = '\0';
	d = parse_text(buf, len, 0);
	quotes_find(d);
	return d;
}

/*
 * A normalised form written independently of quotes.c, good enough for
 * the text of these tests: letters lowered (libunistring), apostrophes inside words
 * dropped, every run of other separators (ASCII punctuation, spaces, line
 * breaks and their indentation, curly quotes, dashes, ellipsis, invalid
 * bytes) one space. Returns a new string.
 */
static int
t_is_sep(uint32_t cp)
{
	if (cp < 0x80)
		return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9'));
	if (cp >= 0x3000)	/* CJK punctuation, full-width forms */
		return !uc_is_general_category(cp, UC_CATEGORY_L) &&
		    !uc_is_general_category(cp, UC_CATEGORY_M) &&
		    !uc_is_general_category(cp, UC_CATEGORY_N);
	return (cp >= 0x2000 && cp <= 0x206f) || cp == 0xfffd ||
	    cp == 0xa0 || cp == 0xab || cp == 0xbb;
}

/* A letter of a script without spaces between words: a word alone. */
static int
t_is_spaceless(uint32_t cp)
{
	return (cp >= 0x0e00 && cp <= 0x0eff) || (cp >= 0x1000 &&
	    cp <= 0x109f) || (cp >= 0x1780 && cp <= 0x17ff) ||
	    (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x9fff) ||
	    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

static int
t_is_apos(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 ||
	    cp == 0xad || cp == 0x200c || cp == 0x200d || cp == 0x640;
}

/*
 * Accents, left out of words: the marks of the combining diacritic
 * blocks, Hebrew points and cantillation, Arabic harakat, Syriac points.
 */
static int
t_is_optional(uint32_t cp)
{
	if (!uc_is_general_category(cp, UC_CATEGORY_M))
		return 0;
	return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x0483 &&
	    cp <= 0x0489) || (cp >= 0x0591 && cp <= 0x05c7) ||
	    (cp >= 0x0610 && cp <= 0x061a) || (cp >= 0x064b && cp <= 0x065f) ||
	    cp == 0x0670 || (cp >= 0x06d6 && cp <= 0x06ed) || cp == 0x0711 ||
	    (cp >= 0x0730 && cp <= 0x074a) || (cp >= 0x0898 && cp <= 0x089f) ||
	    (cp >= 0x08ca && cp <= 0x08ff) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe20 && cp <= 0xfe2f);
}

/* Arabic-script letter variants (text.h, text_letter_fold), as pairs. */
static uint32_t
t_letter(uint32_t cp)
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
		if (pairs[i][0] == cp)
			return pairs[i][1];
	return cp;
}

/*
 * Case fold; a Greek letter loses its accents (full decomposition); an
 * Arabic-script letter variant is its letter; a letter below U+3000 or
 * a Hebrew presentation form whose full canonical decomposition is a
 * letter and accents is that letter.
 */
static uint32_t
t_fold(uint32_t cp)
{
	uint32_t buf[8], *d;
	size_t n = 8, i;

	cp = t_letter(cp);
	if (uc_is_script(cp, uc_script_byname("Greek")) &&
	    (d = u32_normalize(UNINORM_NFKD, &cp, 1, buf, &n)) != NULL) {
		if (n > 0 && uc_is_general_category(d[0], UC_CATEGORY_L))
			cp = d[0];
		if (d != buf)
			free(d);
	}
	n = 8;
	if ((cp < 0x3000 || (cp >= 0xfb1d && cp <= 0xfb4e)) &&
	    (d = u32_normalize(UNINORM_NFD, &cp, 1, buf, &n)) != NULL) {
		for (i = 1; i < n && t_is_optional(d[i]); i++)
			;
		if (n > 0 && i == n)
			cp = d[0];
		if (d != buf)
			free(d);
	}
	return cp == 0x03c2 || cp == 0x03a3 ? 0x03c3 : uc_tolower(cp);
}

static char *
t_norm(const char *s, size_t len)
{
	char *out = xmalloc(len * 4 + 1);
	size_t i = 0, o = 0, n, n2;
	uint32_t cp, cp2;
	int pending = 0, alone = 0, mark;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (t_is_apos(cp) && o > 0 && !pending && i + n < len) {
			n2 = text_utf8_decode(s + i + n, len - i - n, &cp2);
			(void)n2;
			if (!t_is_sep(cp2) && !t_is_apos(cp2)) {
				i += n;
				continue;
			}
		}
		if (t_is_sep(cp) || t_is_apos(cp)) {
			pending = o > 0;
			i += n;
			continue;
		}
		/* A spaceless letter, and any letter after one, starts a
		 * word; marks stay with the letter before them. */
		mark = uc_is_general_category(cp, UC_CATEGORY_M);
		if (!mark && (alone || t_is_spaceless(cp)))
			pending = o > 0;
		if (!mark)
			alone = t_is_spaceless(cp);
		if (t_is_optional(cp)) {	/* left out, not a separator */
			i += n;
			continue;
		}
		if (pending)
			out[o++] = ' ';
		pending = 0;
		o += text_utf8_encode(t_fold(cp), out + o);
		i += n;
	}
	out[o] = '\0';
	return out;
}

/* Normalised text of a link's passage (source != 0: of its source). */
static char *
link_norm(const struct doc *d, const struct doc_link *l, int source)
{
	if (source)
		return t_norm(d->buf + l->source_start,
		    l->source_end - l->source_start);
	return t_norm(d->buf + l->start, l->end - l->start);
}

/*
 * Normalised text of a link's source with closed brackets left out as a
 * quote may leave them out: brackets nest, and either the outermost
 * closed pairs go as wholes ("[a [b] c]"), or (inner) only the pairs that
 * hold no other; a '[' never closed is kept as text (its closed pairs
 * are still left out). Pairs found with a stack, as a reference for the
 * bounded scan of quotes.c.
 */
static char *
link_norm_unbracketed(const struct doc *d, const struct doc_link *l,
    int inner)
{
	const char *s = d->buf + l->source_start;
	size_t len = l->source_end - l->source_start, i, o = 0, top = 0;
	size_t *stack = xcalloc(len + 1, sizeof *stack);
	size_t *close = xcalloc(len + 1, sizeof *close);
	char *child = xcalloc(len + 1, 1);
	char *cut = xmalloc(len + 1), *out;

	for (i = 0; i < len; i++) {
		if (s[i] == '[') {
			if (top > 0)
				child[stack[top - 1]] = 1;
			stack[top++] = i;
		} else if (s[i] == ']' && top > 0) {
			top--;
			if (!inner || !child[stack[top]])
				close[stack[top]] = i + 1;
		}
	}
	for (i = 0; i < len; i++) {
		if (s[i] == '[' && close[i] != 0) {
			cut[o++] = ' ';
			i = close[i] - 1;
		} else
			cut[o++] = s[i];
	}
	out = t_norm(cut, o);
	free(cut);
	free(child);
	free(close);
	free(stack);
	return out;
}

/* The raw bytes of a link, line breaks shown as " / ", for diagnostics. */
static void
link_diag(const struct doc *d, const struct doc_link *l)
{
	char *s = xstrndup(d->buf + l->start, l->end - l->start), *p;
	size_t n = strlen(s);

	for (p = s; *p != '\0'; p++) {
		if (*p == '\n')
			*p = '/';
	}
	if (n > 70) {		/* cut at a character boundary */
		n = 70;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	if (l->source_kind == DOC_SOURCE_ARTICLE) {
		diag("comment %llu -> article block %u (line %u): %.*s%s",
		    (unsigned long long)d->comments[l->comment].number,
		    l->block, d->blocks[l->block].line, (int)n, s,
		    n < strlen(s) ? "..." : "");
	} else {
		diag("comment %llu -> comment %llu: %.*s%s",
		    (unsigned long long)d->comments[l->comment].number,
		    (unsigned long long)d->comments[l->source_comment].number,
		    (int)n, s, n < strlen(s) ? "..." : "");
	}
	free(s);
}

/* Is [s, e) inside the lines of paragraph p? */
static int
in_para(const struct doc *d, uint32_t p, uint32_t s, uint32_t e)
{
	const struct doc_para *pa = &d->paras[p];
	const struct span *first = &d->lines[pa->lines.first];
	const struct span *last = &d->lines[pa->lines.first + pa->lines.n - 1];

	return pa->lines.n > 0 && s >= first->off && s < e &&
	    e <= last->off + last->len;
}

/* Is [s, e) inside block b (its text, or one side of one of its clauses)? */
static int
in_block(const struct doc *d, uint32_t b, uint32_t s, uint32_t e)
{
	const struct doc_block *bl = &d->blocks[b];
	const struct doc_clause *c;
	uint32_t i;

	if (bl->kind != DOC_BLOCK_CLAUSES)
		return s >= bl->text.off && s < e &&
		    e <= bl->text.off + bl->text.len;
	for (i = 0; i < bl->nclauses; i++) {
		c = &d->clauses[bl->first_clause + i];
		if (s >= c->translation.off && s < e &&
		    e <= c->translation.off + c->translation.len)
			return 1;
		if (s >= c->original.off && s < e &&
		    e <= c->original.off + c->original.len)
			return 1;
	}
	return 0;
}

/* Count of links breaking the model's promises; each reported once. */
static int
check_invariants(const struct doc *d, const char *what)
{
	const struct doc_link *l, *prev = NULL;
	const struct doc_comment *c;
	size_t i, covered = 0;
	char *a, *b;
	int bad = 0;

	for (i = 0; i < d->ncomments; i++) {
		c = &d->comments[i];
		if (c->nlinks != 0 && c->first_link != covered)
			bad++;
		covered += c->nlinks;
		if (c->parent >= (int32_t)i || c->parent < -1)
			bad++;
	}
	if (covered != d->nlinks)
		bad++;
	for (i = 0; i < d->nlinks; i++) {
		l = &d->links[i];
		if (prev != NULL && (l->comment < prev->comment ||
		    (l->comment == prev->comment && l->start < prev->end)))
			bad++;
		if (l->comment >= d->ncomments || l->para >= d->nparas ||
		    d->paras[l->para].comment != l->comment ||
		    !in_para(d, l->para, l->start, l->end))
			bad++;
		else if (l->source_kind == DOC_SOURCE_COMMENT) {
			if (l->source_comment >= l->comment ||
			    l->source_para >= d->nparas ||
			    d->paras[l->source_para].comment !=
			    l->source_comment ||
			    !in_para(d, l->source_para, l->source_start,
			    l->source_end))
				bad++;
		} else if (l->block >= d->nblocks ||
		    !in_block(d, l->block, l->source_start, l->source_end))
			bad++;
		if (l->source_end > l->start)
			bad++;	/* the source comes before the passage */
		a = link_norm(d, l, 0);
		b = link_norm(d, l, 1);
		if (strcmp(a, b) != 0) {	/* a bracket left out? */
			free(b);
			b = link_norm_unbracketed(d, l, 0);
		}
		if (strcmp(a, b) != 0) {	/* an inner bracket? */
			free(b);
			b = link_norm_unbracketed(d, l, 1);
		}
		if (strcmp(a, b) != 0 || strchr(a, ' ') == NULL) {
			diag("%s: link %zu: '%s' vs '%s'", what, i, a, b);
			bad++;
		}
		free(a);
		free(b);
		prev = l;
	}
	ok(bad == 0, "%s: links and parents keep the model's invariants",
	    what);
	return bad;
}

/* Index of the first block whose text starts with prefix, or -1. */
static long
block_by_prefix(const struct doc *d, const char *prefix)
{
	size_t i, n = strlen(prefix);

	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].text.len >= n &&
		    memcmp(d->buf + d->blocks[i].text.off, prefix, n) == 0)
			return (long)i;
	}
	return -1;
}

/* The k-th link of the comment numbered num, or NULL. */
static const struct doc_link *
link_of(const struct doc *d, uint64_t num, uint32_t k)
{
	long c = doc_comment_by_number(d, num);

	if (c < 0 || k >= d->comments[c].nlinks)
		return NULL;
	return &d->links[d->comments[c].first_link + k];
}

static uint32_t
nlinks_of(const struct doc *d, uint64_t num)
{
	long c = doc_comment_by_number(d, num);

	return c < 0 ? UINT32_MAX : d->comments[c].nlinks;
}

static long long
parent_of(const struct doc *d, uint64_t num)
{
	long c = doc_comment_by_number(d, num);

	if (c < 0)
		return -2;
	if (d->comments[c].parent < 0)
		return -1;
	return (long long)d->comments[d->comments[c].parent].number;
}

/*
 * Check that link k of comment num goes to the article block starting with
 * prefix (prefix "": to a clause block; prefix NULL: to comment src) and
 * that its passage reads want once normalised.
 */
static void
expect_link(const struct doc *d, uint64_t num, uint32_t k,
    const char *prefix, uint64_t src, const char *want)
{
	const struct doc_link *l = link_of(d, num, k);
	char *got;

	if (!ok(l != NULL, "comment %llu has link %u",
	    (unsigned long long)num, k)) {
		ok(0, "(no source to check)");
		is_str(NULL, want, "(no passage to check)");
		return;
	}
	if (prefix != NULL && *prefix == '\0') {
		ok(l->source_kind == DOC_SOURCE_ARTICLE &&
		    l->block < d->nblocks &&
		    d->blocks[l->block].kind == DOC_BLOCK_CLAUSES,
		    "comment %llu link %u: source is a clause",
		    (unsigned long long)num, k);
	} else if (prefix != NULL) {
		ok(l->source_kind == DOC_SOURCE_ARTICLE &&
		    (long)l->block == block_by_prefix(d, prefix),
		    "comment %llu link %u: source is the article block '%s...'",
		    (unsigned long long)num, k, prefix);
	} else {
		ok(l->source_kind == DOC_SOURCE_COMMENT &&
		    d->comments[l->source_comment].number == src,
		    "comment %llu link %u: source is comment %llu",
		    (unsigned long long)num, k, (unsigned long long)src);
	}
	got = link_norm(d, l, 0);
	is_str(got, want, "comment %llu link %u: passage",
	    (unsigned long long)num, k);
	free(got);
}

/* The small document: everything written for this test. */
static const char small_doc[] =
    "Harbour lights and the winter ferry\n"
    "\n"
    "The old ferry across the harbour stopped running in the winter of "
    "the storm, and the town council has argued about it ever since.\n"
    "Some members want a new boat built at the yard on the north quay, "
    "while others say the money should go to mending the sea wall first.\n"
    "\n"
    "    \xe2\x80\x9c" "A town that cannot cross its own water is two towns "
    "pretending to be one,\xe2\x80\x9d said the harbour master at the last "
    "public meeting.\n"
    "\n"
    "The ferry\xe2\x80\x94when it ran\xe2\x80\x94" "carried forty people, a "
    "dozen bicycles and the post\xe2\x80\xa6 on a good day.\n"
    "Nobody has yet explained who would pay the crew through the quiet "
    "months.\n"
    "\n"
    "14 thoughts on \xe2\x80\x9cHarbour lights and the winter ferry\xe2\x80\x9d\n"
    "\n"
    /* 1: at the start of a paragraph */
    "  1. The old ferry across the harbour stopped running in the winter "
    "of the storm\n"
    "    I remember that winter well; the gulls sat on the empty pier for "
    "weeks.\n"
    "\n"
    /* 2: in the middle, curly quotes, other case */
    "  2. I think the claim that \xe2\x80\x9csome members want a new boat "
    "built at the yard\xe2\x80\x9d is simply wrong.\n"
    "\n"
    /* 3: at the end, straight quotes, across a line break */
    "  3. My neighbour put it best when she wrote \"a town that cannot "
    "cross its own water\n"
    "    is two towns pretending to be one\"\n"
    "\n"
    /* 4: dashes and ellipsis written another way */
    "  4. Was it really true that the ferry -- when it ran -- carried forty "
    "people, a dozen bicycles and the post... on a good day? I doubt it.\n"
    "\n"
    /* 5: quotes the article and goes on in its own words */
    "  5. Nobody has yet explained who would pay the crew through the "
    "quiet months, and I doubt anyone on the council ever will.\n"
    "\n"
    /* 6: quotes 5 across 5's quote and its own words */
    "  6. \xe2\x80\x9cwho would pay the crew through the quiet months, and I "
    "doubt anyone on the council\xe2\x80\x9d\n"
    "    Exactly my worry too.\n"
    "\n"
    /* 7: quotes only article text that 5 and 6 quoted too */
    "  7. As the article says, who would pay the crew through the quiet "
    "months? Good question.\n"
    "\n"
    /* 8: near misses, and a stock phrase */
    "  8. The old boat across the bay stopped running in the cold winter, "
    "across the harbour stopped running for good. At the end of the day, "
    "money talks.\n"
    "\n"
    /* 9, 10: 10 quotes 9; 10 repeats the stock phrase of 8 */
    "  9. Lanterns were hung along the sea wall every evening that the "
    "boat was late.\n"
    "\n"
    "  10. Lanterns were hung along the sea wall every evening, my "
    "grandmother said.\n"
    "    At the end of the day, boats matter.\n"
    "\n"
    /* 11: repeats itself: no link to itself */
    "  11. Bells rang in the chapel tower whenever the fog rolled over the "
    "quay.\n"
    "\n"
    "    Bells rang in the chapel tower whenever the fog rolled over the "
    "quay.\n"
    "\n"
    /* 12: empty */
    "  12.\n"
    "\n"
    /* 13: invalid UTF-8 inside; article and a comment */
    "  13. The old ferry across the harbour stopped running in the "
    "win\xff" "ter of the storm, and the town council has argued \xc3\x28\n"
    "\n"
    "    Lanterns were hung along the sea wall every evening\n"
    "\n"
    /* 14: two comments */
    "  14. I remember that winter well; the gulls sat on the empty pier\n"
    "\n"
    "    Bells rang in the chapel tower whenever the fog rolled\n"
    "\n"
    "Comments are closed.\n";

static void
test_small(void)
{
	struct doc *d = doc_of(small_doc, sizeof small_doc - 1);
	size_t i;

	is_int((long long)d->ncomments, 14, "small: 14 comments parsed");
	for (i = 0; i < d->nlinks; i++)
		link_diag(d, &d->links[i]);
	check_invariants(d, "small");

	is_int(nlinks_of(d, 1), 1, "start of a paragraph: one link");
	expect_link(d, 1, 0, "The old ferry", 0, "the old ferry across the "
	    "harbour stopped running in the winter of the storm");
	is_int(nlinks_of(d, 2), 1, "middle, curly quotes: one link");
	expect_link(d, 2, 0, "Some members", 0,
	    "some members want a new boat built at the yard");
	is_int(nlinks_of(d, 3), 1, "end, straight quotes, line break: one "
	    "link");
	expect_link(d, 3, 0, "\xe2\x80\x9c" "A town", 0, "a town that cannot "
	    "cross its own water is two towns pretending to be one");
	ok(link_of(d, 3, 0) != NULL && memchr(d->buf + link_of(d, 3, 0)->start,
	    '\n', link_of(d, 3, 0)->end - link_of(d, 3, 0)->start) != NULL,
	    "comment 3's passage spans its line break");
	ok(link_of(d, 3, 0) != NULL &&
	    d->buf[link_of(d, 3, 0)->start] == 'a' &&
	    d->buf[link_of(d, 3, 0)->end - 1] == 'e',
	    "comment 3's passage is trimmed to words (quotes outside)");
	is_int(nlinks_of(d, 4), 1, "dashes and ellipsis: one link");
	expect_link(d, 4, 0, "The ferry", 0, "the ferry when it ran carried "
	    "forty people a dozen bicycles and the post on a good day");

	expect_link(d, 5, 0, "Nobody", 0, "nobody has yet explained who "
	    "would pay the crew through the quiet months");
	is_int(parent_of(d, 5), -1, "quoting the article makes no parent");
	is_int(nlinks_of(d, 6), 1, "quote of a quote: one link");
	expect_link(d, 6, 0, NULL, 5, "who would pay the crew through the "
	    "quiet months and i doubt anyone on the council");
	is_int(parent_of(d, 6), 5, "quote of a quote: replies to 5");
	is_int(nlinks_of(d, 7), 1, "article text quoted by others: one link");
	expect_link(d, 7, 0, "Nobody", 0, "who would pay the crew through the "
	    "quiet months");
	is_int(parent_of(d, 7), -1, "article text quoted by others: no parent");

	is_int(nlinks_of(d, 8), 0, "near misses and a stock phrase: no link");
	is_int(nlinks_of(d, 9), 0, "no link to a later comment");
	is_int(nlinks_of(d, 10), 1, "a comment quoting an earlier one");
	expect_link(d, 10, 0, NULL, 9, "lanterns were hung along the sea wall "
	    "every evening");
	is_int(parent_of(d, 10), 9, "10 replies to 9");
	is_int(nlinks_of(d, 11), 0, "no link to itself");
	is_int(nlinks_of(d, 12), 0, "empty comment: no link");
	is_int(parent_of(d, 12), -1, "empty comment: no parent");

	is_int(nlinks_of(d, 13), 3, "invalid UTF-8 splits a passage");
	expect_link(d, 13, 0, "The old ferry", 0, "the old ferry across the "
	    "harbour stopped running in the");
	expect_link(d, 13, 1, "The old ferry", 0, "of the storm and the "
	    "town council has argued");
	expect_link(d, 13, 2, NULL, 10, "lanterns were hung along the sea "
	    "wall every evening");
	is_int(parent_of(d, 13), 10, "13 replies to the latest holder, 10");

	is_int(nlinks_of(d, 14), 2, "two sources: two links");
	expect_link(d, 14, 0, NULL, 1, "i remember that winter well the gulls "
	    "sat on the empty pier");
	expect_link(d, 14, 1, NULL, 11, "bells rang in the chapel tower "
	    "whenever the fog rolled");
	ok(link_of(d, 14, 1) != NULL && link_of(d, 14, 1)->source_para ==
	    d->comments[doc_comment_by_number(d, 11)].first_para + 1,
	    "14's second source is the latest paragraph holding it");
	is_int(parent_of(d, 14), 1, "two sources: parent is the longer one");
	is_int((long long)d->nlinks, 13, "small: 13 links in all");

	quotes_find(d);
	is_int((long long)d->nlinks, 13, "running it again gives the same");
	doc_free(&d);
}

/* Short documents, one point each. */
static void
test_edges(void)
{
	static const char nothing[] = "";
	static const char no_comments[] =
	    "Title\n\nA paragraph with quite a few words in it for sure.\n";
	static const char only_short[] =
	    "Tiny\n\nOne two three four five.\n\n3 thoughts on \"Tiny\"\n\n"
	    "  1. One two three four five.\n\n  2. One two three four five\n";
	static const char exact_six[] =
	    "Six\n\nRivers carry sediment downstream every spring season.\n\n"
	    "2 thoughts on \"Six\"\n\n"
	    "  1. rivers carry sediment downstream every spring\n";
	static const char five_then[] =
	    "Five\n\nRivers carry sediment downstream every spring season.\n\n"
	    "2 thoughts on \"Five\"\n\n"
	    "  1. rivers carry sediment downstream every autumn season\n";
	static const char no_cross[] =
	    "Cross\n\nPebbles line the northern shore of the lake.\n"
	    "Herons nest in the reeds beside the boathouse.\n\n"
	    "1 thought on \"Cross\"\n\n"
	    "  1. pebbles line the northern shore of the lake herons nest in "
	    "the reeds beside the boathouse\n";
	static const char folds[] =
	    "Folds\n\n\xc3\x9c" "ber den Fluss f\xc3\xbchrt keine Br\xc3\xbc"
	    "cke mehr seit dem Sturm.\n"
	    "We don\xe2\x80\x99t know who will row the boat next spring.\n\n"
	    "    1- \xd8\xa7\xd9\x84\xd8\xb9\xd8\xa8\xd8\xa7\xd8\xb1\xd8\xa9 "
	    ". 1 \xe2\x80\x93 The ferry shall cross the harbour twice on "
	    "every working day.\n\n"
	    "3 thoughts on \"Folds\"\n\n"
	    "  1. \xc3\x9c" "BER DEN FLUSS F\xc3\x9c" "HRT KEINE BR\xc3\x9c" "CKE\n\n"
	    "  2. we don't know who will row the boat\n\n"
	    "  3. it says the ferry shall cross the harbour twice on every "
	    "working day\n";
	static const char invisible[] =
	    "Invisible\n\nOur com\xc2\xadmit\xc2\xadtee will not meet again "
	    "until the flood\xc2\xadwater goes down.\n"
	    /* Persian: "they returned the books to the library and closed
	     * the door", with ZWNJ in two words. */
	    "\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8\xe2\x80\x8c\xd9\x87\xd8\xa7 "
	    "\xd8\xb1\xd8\xa7 \xd8\xa8\xd9\x87 \xda\xa9\xd8\xaa\xd8\xa7"
	    "\xd8\xa8\xe2\x80\x8c\xd8\xae\xd8\xa7\xd9\x86\xd9\x87 "
	    "\xd8\xa8\xd8\xb1\xda\xaf\xd8\xb1\xd8\xaf\xd8\xa7\xd9\x86\xd8"
	    "\xaf\xd9\x86\xd8\xaf \xd9\x88 \xd8\xaf\xd8\xb1 \xd8\xb1\xd8"
	    "\xa7 \xd8\xa8\xd8\xb3\xd8\xaa\xd9\x86\xd8\xaf.\n\n"
	    "2 thoughts on \"Invisible\"\n\n"
	    "  1. our committee will not meet again until the floodwater goes "
	    "down, they say\n\n"
	    "  2. \xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8\xd9\x87\xd8\xa7 \xd8\xb1"
	    "\xd8\xa7 \xd8\xa8\xd9\x87 \xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8\xd8"
	    "\xae\xd8\xa7\xd9\x86\xd9\x87 \xd8\xa8\xd8\xb1\xda\xaf\xd8\xb1"
	    "\xd8\xaf\xd8\xa7\xd9\x86\xd8\xaf\xd9\x86\xd8\xaf \xd9\x88 \xd8"
	    "\xaf\xd8\xb1 \xd8\xb1\xd8\xa7 \xd8\xa8\xd8\xb3\xd8\xaa\xd9\x86"
	    "\xd8\xaf\n";
	const struct doc_link *l;
	struct doc *d;

	d = doc_of(folds, sizeof folds - 1);
	is_int((long long)d->nlinks, 3, "folds: three links");
	/* (Normalised: without the umlauts.) */
	expect_link(d, 1, 0, "\xc3\x9c" "ber", 0, "uber den fluss "
	    "fuhrt keine brucke");
	expect_link(d, 2, 0, "We don", 0, "we dont know who will row the boat");
	l = link_of(d, 3, 0);
	ok(l != NULL && l->source_kind == DOC_SOURCE_ARTICLE &&
	    d->blocks[l->block].kind == DOC_BLOCK_CLAUSES,
	    "folds: a clause translation is an article source");
	check_invariants(d, "folds");
	doc_free(&d);

	/* Soft hyphens and ZWNJ inside words on one side only. */
	d = doc_of(invisible, sizeof invisible - 1);
	is_int((long long)d->nlinks, 2, "invisible: two links");
	expect_link(d, 1, 0, "Our com", 0, "our committee will not meet "
	    "again until the floodwater goes down");
	/* (Normalised: keheh is kaf.) */
	expect_link(d, 2, 0, "\xda\xa9", 0, "\xd9\x83\xd8\xaa\xd8\xa7"
	    "\xd8\xa8\xd9\x87\xd8\xa7 \xd8\xb1\xd8\xa7 \xd8\xa8\xd9\x87 "
	    "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8\xd8\xae\xd8\xa7\xd9\x86"
	    "\xd9\x87 \xd8\xa8\xd8\xb1\xda\xaf\xd8\xb1\xd8\xaf\xd8\xa7"
	    "\xd9\x86\xd8\xaf\xd9\x86\xd8\xaf \xd9\x88 \xd8\xaf\xd8\xb1 "
	    "\xd8\xb1\xd8\xa7 \xd8\xa8\xd8\xb3\xd8\xaa\xd9\x86\xd8\xaf");
	check_invariants(d, "invisible");
	doc_free(&d);

	d = doc_of(nothing, 0);
	is_int((long long)d->nlinks, 0, "empty input: no links");
	doc_free(&d);
	d = doc_of(no_comments, sizeof no_comments - 1);
	is_int((long long)d->nlinks, 0, "no comments: no links");
	doc_free(&d);
	d = doc_of(only_short, sizeof only_short - 1);
	is_int((long long)d->nlinks, 0, "five-word repeats: no links");
	doc_free(&d);
	d = doc_of(exact_six, sizeof exact_six - 1);
	is_int((long long)d->nlinks, 1, "exactly six words, 40 letters: "
	    "linked");
	doc_free(&d);
	d = doc_of(five_then, sizeof five_then - 1);
	is_int((long long)d->nlinks, 0, "five words then a change: not "
	    "linked");
	doc_free(&d);
	d = doc_of(no_cross, sizeof no_cross - 1);
	is_int((long long)d->nlinks, 2, "a passage never crosses two source "
	    "paragraphs");
	check_invariants(d, "cross");
	doc_free(&d);
}

/*
 * A word hashes the same whichever way it is read: quotes.c hashes a word
 * of ASCII letters and digits straight from the text, 8 bytes at a time,
 * and any other word (a soft hyphen, ZWJ or apostrophe inside it, a
 * Kelvin sign that folds to "k", a word that fills a 64-byte block, one
 * followed by a dash or a curly quote) a character at a time. Here every
 * word of each passage is written one way in the article and the other
 * way in the comment, so a hash that depended on the way would lose the
 * links.
 */
static void
test_paths(void)
{
	static const char paths[] =
	    "Paths\n\n"
	    "Th\xc2\xad" "e com\xc2\xadmittee don\xe2\x80\x99t trust "
	    "th\xc2\xad" "e \xe2\x84\xaa" "eeper o\xc2\xad" "f "
	    "internation\xc2\xad" "alisation rec\xc2\xad" "ords a\xc2\xad"
	    "ll, it's administra\xe2\x80\x8dtion sa\xc2\xad" "id.\n"
	    "Supercalifragilisticexpialidocioussupercalifragilistic"
	    "expialidocious weather made every ferry captain wonder whether "
	    "the harbour would ever reopen.\n"
	    "Every caf\xc3\xa9 on the Stra\xc3\x9f" "e served na\xc3\xafve "
	    "d\xc3\xa9tente communiqu\xc3\xa9s until midnight.\n\n"
	    "4 thoughts on \"Paths\"\n\n"
	    "  1. THE COMMITTEE dont trust the Keeper of\n"
	    "    internationalisation records all its administration said\n\n"
	    "  2. Supercalifragilistic\xc2\xad" "expialidocioussupercalifragi"
	    "listicexpialidocious weath\xe2\x80\x99" "er ma\xc2\xad" "de "
	    "ev\xc2\xad" "ery fe\xc2\xad" "rry cap\xc2\xad" "tain "
	    "won\xc2\xad" "der wheth\xc2\xad" "er th\xc2\xad" "e "
	    "harb\xc2\xad" "our\n\n"
	    "  3. \xe2\x80\x9cweather\xe2\x80\x9d made\xe2\x80\x94" "every "
	    "ferry\xe2\x80\x94" "captain wonder\xe2\x80\xa6 whether the "
	    "harbour would ever reopen\n\n"
	    "  4. every CAF\xc3\x89 on the STRA\xe1\xba\x9e" "E served "
	    "NA\xc3\x8fVE D\xc3\x89TENTE communiqu\xc3\xa9s\n";
	struct doc *d = doc_of(paths, sizeof paths - 1);

	is_int((long long)d->nlinks, 4, "paths: four links");
	expect_link(d, 1, 0, "Th\xc2\xad" "e com", 0, "the committee dont "
	    "trust the keeper of internationalisation records all its "
	    "administration said");
	expect_link(d, 2, 0, "Supercal", 0, "supercalifragilisticexpialidocious"
	    "supercalifragilisticexpialidocious weather made every ferry "
	    "captain wonder whether the harbour");
	expect_link(d, 3, 0, "Supercal", 0, "weather made every ferry captain "
	    "wonder whether the harbour would ever reopen");
	expect_link(d, 4, 0, "Every caf", 0, "every cafe on the "
	    "stra\xc3\x9f" "e served naive detente communiques");
	check_invariants(d, "paths");
	doc_free(&d);
}

/* Is link l's passage exactly the bytes want? */
static int
link_is(const struct doc *d, const struct doc_link *l, const char *want)
{
	return l != NULL && l->end - l->start == strlen(want) &&
	    memcmp(d->buf + l->start, want, l->end - l->start) == 0;
}

/*
 * Scripts without spaces between words: each letter (with its marks) is
 * a word, and an ideograph counts as two letters, so twelve ideographs
 * make a passage and eleven do not. Before, a run of Chinese between two
 * punctuation marks was one word and no CJK or Thai quote was found.
 */
static void
test_spaceless(void)
{
	static const char zh[] =
	    "城市\n\n"
	    "老城的河水日夜不停地流过古老的石桥，带走了落叶和时间。\n"
	    "新的建筑取代了旧的街道，但人们依然记得那些安静的早晨。\n\n"
	    "4 条评论\n\n"
	    "  1. “河水日夜不停地流过古老的石桥，带走了落叶和时间。”写得真好。\n\n"
	    "  2. 我记得那些安静的早晨。也记得旧的街道。\n\n"
	    "  3. 新的建筑取代了旧的街道，真的。还有用Python写的程序。\n\n"
	    "  4. 是的：新的建筑取代了旧的街道，但我不喜欢。\n";
	static const char ja[] =
	    "川\n\n今日は川の水がとても冷たくて、子供たちは遊べませんでした。\n\n"
	    "1件のコメント\n\n"
	    "  1. 川の水がとても冷たくて、子供たちは遊べませんでしたね。\n";
	static const char th[] =
	    "หมู่บ้าน\n\nแม่น้ำไหลผ่านหมู่บ้านเล็กๆ ทุกเช้าชาวบ้านจะออกมาตักน้ำ\n\n"
	    "1 ความคิดเห็น\n\n"
	    "  1. ฉันชอบประโยคนี้ แม่น้ำไหลผ่านหมู่บ้านเล็กๆ มาก\n";
	const struct doc_link *l;
	struct doc *d;

	d = doc_of(zh, sizeof zh - 1);
	is_int((long long)d->ncomments, 4, "Chinese: four comments");
	l = link_of(d, 1, 0);
	ok(link_is(d, l, "河水日夜不停地流过古老的石桥，带走了落叶和时间"),
	    "Chinese: 22 ideographs quoted, linked without the quotation "
	    "marks and the final stop");
	ok(l != NULL && l->source_kind == DOC_SOURCE_ARTICLE &&
	    l->source_end - l->source_start == l->end - l->start &&
	    memcmp(d->buf + l->source_start, d->buf + l->start,
	    l->end - l->start) == 0, "Chinese: its source is the same text "
	    "in the article");
	is_int(nlinks_of(d, 2), 0, "Chinese: nine and four ideographs "
	    "shared: no link");
	is_int(nlinks_of(d, 3), 0, "Chinese: eleven shared (22 < 24): no "
	    "link");
	ok(link_is(d, link_of(d, 4, 0), "新的建筑取代了旧的街道，但"),
	    "Chinese: twelve shared (24): linked, across the comma");
	check_invariants(d, "Chinese");
	doc_free(&d);

	d = doc_of(ja, sizeof ja - 1);
	ok(link_is(d, link_of(d, 1, 0), "川の水がとても冷たくて、子供たちは遊べ"
	    "ませんでした"), "Japanese: kana and kanji, linked");
	check_invariants(d, "Japanese");
	doc_free(&d);

	d = doc_of(th, sizeof th - 1);
	ok(link_is(d, link_of(d, 1, 0), "แม่น้ำไหลผ่านหมู่บ้านเล็กๆ"),
	    "Thai: linked inside a sentence");
	check_invariants(d, "Thai");
	doc_free(&d);
}

/*
 * Optional marks and Greek: Hebrew points and cantillation and Arabic
 * harakat are optional in writing (a reader who quotes a pointed text
 * types it unpointed), so is the tatweel that stretches Arabic letters
 * (a quote of stretched text was not linked either), and Greek capitals are written without accents
 * and breathings, and lower-case sigma has a final form. Before, each of
 * these quotes made a different word of every word that had a mark or a
 * final sigma, and none was linked.
 */
static void
test_optional_marks(void)
{
	static const char he[] =
	    "שוק\n\n"
	    "בַּבֹּקֶר הָלַכְנוּ אֶל הַשּׁוּק הַגָּדוֹל וְקָנִינוּ תְּאֵנִים וַעֲנָבִים.\n\n"
	    "2 תגובות\n\n"
	    "  1. בבקר הלכנו אל השוק הגדול וקנינו תאנים\n"
	    "    זה מזכיר לי את הילדות.\n\n"
	    "  2. בבקר הלכנו אל השוק הקטן וקנינו תפוחים\n";
	static const char ar[] =
	    "سوق\n\n"
	    "ذَهَبْنَا إِلَى السُّوقِ الكَبِيرِ فِي الصَّبَاحِ وَاشْتَرَيْنَا كَثِيرًا مِنَ التِّينِ.\n\n"
	    "1 تعليق\n\n"
	    "  1. ذهبنا إلى السوق الكبير في الصباح واشترينا كثيرا من التين\n";
	static const char tw[] =
	    "رسالة\n\n"
	    "كـتـب الـطـالـب رسـالـة طويلة إلى صديقه القديم.\n\n"
	    "2 comments\n\n"
	    "  1. كتب الطالب رسالة طويلة إلى صديقه\n\n"
	    "  2. كـتـب الـطـالـب رسـالـة طويلة إلى صديقه\n";
	static const char el[] =
	    "Αγορά\n\n"
	    "Το πρωί πήγαμε στην αγορά της πόλης και αγοράσαμε σύκα.\n"
	    "Ἡ ὁδὸς τῆς ἀγορᾶς ἦν μακρὰ καὶ ὁ ἥλιος θερμός.\n\n"
	    "2 σχόλια\n\n"
	    "  1. ΤΟ ΠΡΩΙ ΠΗΓΑΜΕ ΣΤΗΝ ΑΓΟΡΑ ΤΗΣ ΠΟΛΗΣ ΚΑΙ ΑΓΟΡΑΣΑΜΕ\n\n"
	    "  2. η οδος της αγορας ην μακρα και ο ηλιος\n";
	struct doc *d;

	d = doc_of(he, sizeof he - 1);
	ok(link_is(d, link_of(d, 1, 0), "בבקר הלכנו אל השוק הגדול וקנינו "
	    "תאנים"), "Hebrew: an unpointed quote of pointed text is linked");
	is_int(nlinks_of(d, 2), 0, "Hebrew: other letters, no link");
	check_invariants(d, "Hebrew points");
	doc_free(&d);

	d = doc_of(ar, sizeof ar - 1);
	ok(link_is(d, link_of(d, 1, 0), "ذهبنا إلى السوق الكبير في الصباح "
	    "واشترينا كثيرا من التين"), "Arabic: a quote without harakat "
	    "(tanween at a word's end too) is linked");
	check_invariants(d, "Arabic harakat");
	doc_free(&d);

	d = doc_of(tw, sizeof tw - 1);
	ok(link_is(d, link_of(d, 1, 0), "كتب الطالب رسالة طويلة إلى صديقه"),
	    "Arabic: a quote of text stretched with tatweel is linked");
	ok(link_is(d, link_of(d, 2, 0), "كـتـب الـطـالـب رسـالـة طويلة إلى "
	    "صديقه"), "Arabic: a quote stretched with tatweel is linked");
	check_invariants(d, "Arabic tatweel");
	doc_free(&d);

	d = doc_of(el, sizeof el - 1);
	ok(link_is(d, link_of(d, 1, 0), "ΤΟ ΠΡΩΙ ΠΗΓΑΜΕ ΣΤΗΝ ΑΓΟΡΑ ΤΗΣ "
	    "ΠΟΛΗΣ ΚΑΙ ΑΓΟΡΑΣΑΜΕ"), "Greek: capitals without accents match "
	    "accented lower case with final sigma");
	ok(link_is(d, link_of(d, 2, 0), "η οδος της αγορας ην μακρα και ο "
	    "ηλιος"), "Greek: polytonic text quoted without its accents "
	    "and breathings");
	check_invariants(d, "Greek");
	doc_free(&d);
}

/*
 * Arabic-script letter variants (text_letter_fold): a comment typed on a
 * Persian keyboard (ی ک for ي ك), or without hamza on alef, or with
 * Egyptian final ى and ه for ي and ة, quotes the same Arabic words.
 * Before, every word with one of these letters was another word, and
 * none of these quotes was linked. The Arabic is written for this test:
 * "the teacher went to the big library in the old city to buy a new
 * book for his young son".
 */
static void
test_letter_variants(void)
{
	static const char doc[] =
	    "مكتبة\n\n"
	    "ذهب الأستاذ إلى المكتبة الكبيرة في المدينة القديمة لكي يشتري "
	    "كتابا جديدا لابنه الصغير.\n\n"
	    "4 comments\n\n"
	    "  1. ذهب الاستاذ الی المکتبة الکبیرة فی المدینة القدیمة\n\n"
	    "  2. فى المدينه القديمه لكى يشترى كتابا جديدا\n\n"
	    "  3. ذهب ٱلأستاذ إلى المدرسة الصغيرة في القرية البعيدة\n\n"
	    "  4. لکی یشتری کتابا جدیدا لابنہ الصغیر\n";
	struct doc *d = doc_of(doc, sizeof doc - 1);

	ok(link_is(d, link_of(d, 1, 0), "ذهب الاستاذ الی المکتبة الکبیرة فی "
	    "المدینة القدیمة"), "letters: Farsi yeh, keheh and alef without "
	    "hamza quote the Arabic");
	ok(link_is(d, link_of(d, 2, 0), "فى المدينه القديمه لكى يشترى كتابا "
	    "جديدا"), "letters: alef maksura for yeh and heh for teh marbuta");
	is_int(nlinks_of(d, 3), 0, "letters: three words alike, then other "
	    "words: no link");
	ok(link_is(d, link_of(d, 4, 0), "لکی یشتری کتابا جدیدا لابنہ الصغیر"),
	    "letters: Urdu heh goal for heh");
	check_invariants(d, "letter variants");
	doc_free(&d);
}

/*
 * Accents are left out as search leaves them out (text_is_accent):
 * "cafe" quotes "café", a quote typed with combining accents quotes the
 * same text written with precomposed letters, a Russian quote with е
 * for ё links, and so does a Hebrew quote of pointed presentation
 * forms (U+FB2A shin with shin dot). Before, each accented word was
 * another word (and a combining accent a letter of its word), and none
 * of these quotes was linked. Other words stay apart: no link for three
 * equal words.
 */
static void
test_accents(void)
{
	static const char doc[] =
	    "Corner\n\n"
	    "The caf\xc3\xa9 on the corner served cr\xc3\xa8me br\xc3\xbbl"
	    "\xc3\xa9" "e to every na\xc3\xafve tourist who stopped by the "
	    "fa\xc3\xa7" "ade.\n"
	    "\xd0\x95\xd1\x89\xd1\x91 \xd0\xbe\xd0\xbd\xd0\xb0 "
	    "\xd0\xb2\xd1\x81\xd1\x91 \xd0\xb6\xd0\xb4\xd1\x91\xd1\x82 "
	    "\xd1\x82\xd0\xb2\xd0\xbe\xd1\x91 \xd0\xbf\xd0\xb8\xd1\x81"
	    "\xd1\x8c\xd0\xbc\xd0\xbe \xd0\xb8\xd0\xb7 \xd0\xb4\xd0\xb0"
	    "\xd0\xbb\xd1\x91\xd0\xba\xd0\xbe\xd0\xb3\xd0\xbe "
	    "\xd0\xb3\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb0.\n\n"
	    "4 comments\n\n"
	    "  1. The cafe on the corner served creme brulee to every naive "
	    "tourist\n\n"
	    "  2. caf" "e\xcc\x81 on the corner served cre\xcc\x80me "
	    "bru\xcc\x82le\xcc\x81" "e\n\n"
	    "  3. \xd0\x95\xd1\x89\xd0\xb5 \xd0\xbe\xd0\xbd\xd0\xb0 "
	    "\xd0\xb2\xd1\x81\xd0\xb5 \xd0\xb6\xd0\xb4\xd0\xb5\xd1\x82 "
	    "\xd1\x82\xd0\xb2\xd0\xbe\xd0\xb5 \xd0\xbf\xd0\xb8\xd1\x81"
	    "\xd1\x8c\xd0\xbc\xd0\xbe \xd0\xb8\xd0\xb7\n\n"
	    "  4. The caf\xc3\xa9 on the square served cold tea to every "
	    "tired driver\n";
	/* Shin with shin dot, tav with dagesh as presentation forms. */
	static const char he[] =
	    "\xd7\xa9\xd7\x95\xd7\xa7\n\n"
	    "\xd7\x91\xd7\x91\xd7\xa7\xd7\xa8 \xd7\x94\xd7\x9c\xd7\x9b"
	    "\xd7\xa0\xd7\x95 \xd7\x90\xd7\x9c \xd7\x94\xef\xac\xaa"
	    "\xd7\x95\xd7\xa7 \xd7\x94\xd7\x92\xd7\x93\xd7\x95\xd7\x9c "
	    "\xd7\x95\xd7\xa7\xd7\xa0\xd7\x99\xd7\xa0\xd7\x95 "
	    "\xef\xad\x8a\xd7\x90\xd7\xa0\xd7\x99\xd7\x9d.\n\n"
	    "1 comment\n\n"
	    "  1. \xd7\x91\xd7\x91\xd7\xa7\xd7\xa8 \xd7\x94\xd7\x9c\xd7"
	    "\x9b\xd7\xa0\xd7\x95 \xd7\x90\xd7\x9c \xd7\x94\xd7\xa9"
	    "\xd7\x95\xd7\xa7 \xd7\x94\xd7\x92\xd7\x93\xd7\x95\xd7\x9c "
	    "\xd7\x95\xd7\xa7\xd7\xa0\xd7\x99\xd7\xa0\xd7\x95 "
	    "\xd7\xaa\xd7\x90\xd7\xa0\xd7\x99\xd7\x9d\n";
	struct doc *d = doc_of(doc, sizeof doc - 1);

	ok(link_is(d, link_of(d, 1, 0), "The cafe on the corner served creme "
	    "brulee to every naive tourist"), "accents: a quote typed without "
	    "Latin accents is linked");
	ok(link_is(d, link_of(d, 2, 0), "caf" "e\xcc\x81 on the corner "
	    "served cre\xcc\x80me bru\xcc\x82le\xcc\x81" "e"),
	    "accents: combining accents quote precomposed letters");
	ok(link_is(d, link_of(d, 3, 0), "\xd0\x95\xd1\x89\xd0\xb5 "
	    "\xd0\xbe\xd0\xbd\xd0\xb0 \xd0\xb2\xd1\x81\xd0\xb5 "
	    "\xd0\xb6\xd0\xb4\xd0\xb5\xd1\x82 \xd1\x82\xd0\xb2\xd0\xbe"
	    "\xd0\xb5 \xd0\xbf\xd0\xb8\xd1\x81\xd1\x8c\xd0\xbc\xd0\xbe "
	    "\xd0\xb8\xd0\xb7"),
	    "accents: Russian typed with \xd0\xb5 for \xd1\x91 is linked");
	is_int(nlinks_of(d, 4), 0, "accents: other words, no link");
	check_invariants(d, "accents");
	doc_free(&d);

	d = doc_of(he, sizeof he - 1);
	is_int(nlinks_of(d, 1), 1, "accents: plain Hebrew letters quote "
	    "pointed presentation forms");
	check_invariants(d, "Hebrew presentation forms");
	doc_free(&d);
}

/* The real seed: the links named in issue 5, and no others. */
static void
test_seed(void)
{
	static const struct {
		uint64_t from;
		int article;	/* else: a comment */
		uint64_t src;	/* comment number */
		uint32_t line;	/* article: source line of the block */
	} want[] = {
		{ 1, 1, 0, 32 },
		{ 4, 0, 3, 0 },
		{ 5, 1, 0, 27 },
		{ 5, 1, 0, 29 },
		{ 11, 0, 10, 0 },
		{ 12, 1, 0, 29 },
	};
	const char *path = tap_seed_path();
	const struct doc_link *l;
	struct doc *d;
	size_t len, i, found;
	char *buf;

	if (path == NULL || (buf = tap_slurp(path, &len)) == NULL) {
		diag("seed not found: seed checks skipped");
		return;
	}
	d = parse_text(buf, len, 0);
	quotes_find(d);
	for (i = 0; i < d->nlinks; i++)
		link_diag(d, &d->links[i]);
	is_int((long long)d->nlinks, (long long)(sizeof want / sizeof want[0]),
	    "seed: %zu links", sizeof want / sizeof want[0]);
	found = 0;
	for (i = 0; i < sizeof want / sizeof want[0] && i < d->nlinks; i++) {
		l = &d->links[i];
		if (d->comments[l->comment].number != want[i].from)
			continue;
		if (want[i].article && l->source_kind == DOC_SOURCE_ARTICLE &&
		    d->blocks[l->block].line == want[i].line)
			found++;
		else if (!want[i].article &&
		    l->source_kind == DOC_SOURCE_COMMENT &&
		    d->comments[l->source_comment].number == want[i].src)
			found++;
		else
			diag("seed: link %zu has the wrong source", i);
	}
	is_int((long long)found, (long long)(sizeof want / sizeof want[0]),
	    "seed: 1->article, 4->3, 5->article twice, 11->10, 12->article");
	for (i = 0; i < d->ncomments; i++) {
		long long want_parent = -1;

		if (d->comments[i].number == 4)
			want_parent = 3;
		if (d->comments[i].number == 11)
			want_parent = 10;
		is_int(parent_of(d, d->comments[i].number), want_parent,
		    "seed: parent of comment %llu",
		    (unsigned long long)d->comments[i].number);
	}
	l = link_of(d, 4, 0);
	ok(l != NULL && memchr(d->buf + l->start, '\n', l->end - l->start) &&
	    memchr(d->buf + l->source_start, '\n',
	    l->source_end - l->source_start),
	    "seed: 4's passage spans a line break at both ends");
	check_invariants(d, "seed");
	doc_free(&d);
}

/* A growable string. */
struct t_buf {
	char *p;
	size_t len, cap;
};

static void
t_printf(struct t_buf *b, const char *fmt, unsigned n)
{
	int need = snprintf(NULL, 0, fmt, n, n, n, n);

	b->p = xgrow(b->p, &b->cap, b->len + (size_t)need + 1, 1);
	snprintf(b->p + b->len, (size_t)need + 1, fmt, n, n, n, n);
	b->len += (size_t)need;
}

/*
 * A thread of n comments: comment i (from 2) opens with comment i-1's own
 * sentence and then says its own; every 5th adds a paragraph holding only
 * a stock phrase (too short to link), every 7th quotes the article in a
 * paragraph of its own.
 */
static void
test_scale(void)
{
	static const char own[] = "the river%u rose past marker%u near "
	    "farm%u before the mill%u flooded";
	const unsigned n = 20000;
	struct t_buf b = { NULL, 0, 0 };
	size_t expect = 0, bad_parent = 0;
	struct doc *d;
	unsigned i;

	t_printf(&b, "Scale test\n\nThe quarry road was closed for repairs "
	    "after the spring floods washed away the culvert under it.\n\n"
	    "%u thoughts on \"Scale test\"\n\n", n);
	for (i = 1; i <= n; i++) {
		t_printf(&b, "  %u. ", i);
		if (i > 1) {
			t_printf(&b, own, i - 1);
			t_printf(&b, ", wrote someone. And ", 0);
			expect++;
		}
		t_printf(&b, own, i);
		t_printf(&b, ".\n", 0);
		if (i % 5 == 0)
			t_printf(&b, "\n    At the end of the day, yes.\n", 0);
		if (i % 7 == 0) {
			t_printf(&b, "\n    the quarry road was closed for "
			    "repairs after the spring floods\n", 0);
			expect++;
		}
		t_printf(&b, "\n", 0);
	}
	d = doc_of(b.p, b.len);
	is_int((long long)d->ncomments, n, "scale: %u comments", n);
	is_int((long long)d->nlinks, (long long)expect,
	    "scale: %zu links", expect);
	for (i = 1; i < d->ncomments; i++) {
		if (d->comments[i].parent != (int32_t)i - 1)
			bad_parent++;
	}
	is_int((long long)bad_parent, 0, "scale: each comment replies to the "
	    "one before");
	check_invariants(d, "scale");
	doc_free(&d);
	free(b.p);
}

/*
 * A thread where every comment is the same pasted paragraph: each links
 * to the one before (the latest occurrence wins over an earlier comment),
 * and the first pass lists each repeated window about once, not once per
 * copy (its memory grew with the copies: 3.4x the file's size on a
 * 100 MiB thread of pasted comments).
 */
static void
test_repeats(void)
{
	static const char para[] = "pasted notice about the lantern festival "
	    "moving from the harbour square to the old orchard because the "
	    "ferry schedule changed and the council asked every neighbour to "
	    "bring a candle a chair and some patience for the long walk north "
	    "past the mill and the quiet meadow";
	const unsigned n = 3000;
	struct t_buf b = { NULL, 0, 0 };
	struct quotes_result r;
	size_t words = 1, k, bad = 0;
	struct doc *d;
	char *buf;
	unsigned i;

	for (k = 0; para[k] != '\0'; k++)
		words += para[k] == ' ';
	t_printf(&b, "Repeats\n\nThe festival is on Friday.\n\n"
	    "%u Comments\n\n", n);
	for (i = 1; i <= n; i++) {
		t_printf(&b, "  %u. ", i);
		t_printf(&b, para, 0);
		t_printf(&b, "\n\n", 0);
	}
	buf = xmalloc(b.len + 1);
	memcpy(buf, b.p, b.len + 1);
	d = parse_text(buf, b.len, 0);
	is_int(quotes_compute(d, &r, NULL), 0, "repeats: computed");
	ok(r.listed <= 2 * (words - QUOTES_MIN_WORDS + 1),
	    "repeats: %zu candidates listed for %zu windows in %u copies",
	    r.listed, words - QUOTES_MIN_WORDS + 1, n);
	ok(r.candidates >= words - QUOTES_MIN_WORDS + 1 &&
	    r.candidates <= r.listed, "repeats: %zu candidates kept",
	    r.candidates);
	quotes_apply(d, &r);
	is_int((long long)d->nlinks, n - 1, "repeats: %u links", n - 1);
	for (i = 1; i < d->ncomments; i++) {
		if (d->comments[i].parent != (int32_t)i - 1 ||
		    d->comments[i].nlinks != 1)
			bad++;
	}
	is_int((long long)bad, 0, "repeats: each comment quotes the one "
	    "before, whole");
	check_invariants(d, "repeats");
	doc_free(&d);
	free(b.p);
}

/*
 * An article paragraph of over 8 MiB, whose windows quotes.c reads from
 * the buffer instead of holding its words (QUOTES_STREAM_MIN): passages
 * quoted from its start, middle (twice in it: the first is the source)
 * and end, from a normal paragraph and from a comment, all link exactly.
 */
static void
test_stream(void)
{
	static const char *vocab[] = {
		"harbour", "lantern", "river", "copper", "window", "seven",
		"orchard", "north", "garden", "tally", "measured", "bright",
		"paper", "stone", "kettle", "quiet", "meadow", "ferry",
		"ledger", "candle", "thistle", "basalt", "cinder", "willow",
	};
	static const char *mark[] = {
		"zephyr quartz nimbus falcon ember tundra orchid",
		"saffron glacier pewter mosaic lichen harrow",
		"obsidian marigold fathom juniper sextant plover",
		"cobalt heron larkspur pumice osprey vellum",
	};
	struct t_buf b = { NULL, 0, 0 };
	unsigned long r = 7;
	size_t i, k, para_start, src[4];
	struct doc *d;
	const struct doc_link *l;
	int good = 1;
	char *p;

	t_printf(&b, "Stream test\n\n", 0);
	para_start = b.len;
	for (i = 0; b.len - para_start < (9u << 20); i++) {
		if (i == 2000 || i == 800000 || i == 1100000)
			t_printf(&b, i == 2000 ? "zephyr quartz nimbus falcon "
			    "ember tundra orchid " : "saffron glacier pewter "
			    "mosaic lichen harrow ", 0);
		r = r * 6364136223846793005UL + 1442695040888963407UL;
		t_printf(&b, vocab[(r >> 33) % 24], 0);
		t_printf(&b, " ", 0);
	}
	t_printf(&b, "obsidian marigold fathom juniper sextant plover\n\n", 0);
	t_printf(&b, "A short paragraph: cobalt heron larkspur pumice osprey "
	    "vellum.\n\n5 thoughts on \"Stream test\"\n\n", 0);
	for (k = 0; k < 4; k++) {
		t_printf(&b, "  %u. As written: ", (unsigned)k + 1);
		t_printf(&b, mark[k], 0);
		t_printf(&b, ", indeed.\n\n", 0);
	}
	t_printf(&b, "  5. As written: saffron glacier pewter mosaic lichen "
	    "harrow, indeed.\n", 0);
	d = doc_of(b.p, b.len);
	is_int((long long)d->ncomments, 5, "stream: five comments");
	ok(d->nblocks == 2 && d->blocks[0].text.len > (8u << 20),
	    "stream: a paragraph of %u bytes", d->nblocks ? d->blocks[0].text.len
	    : 0);
	for (k = 0; k < 4; k++) {
		p = strstr(d->buf, mark[k]);
		src[k] = p != NULL ? (size_t)(p - d->buf) : 0;
	}
	for (k = 0; k < 4; k++) {
		if (d->comments[k].nlinks != 1) {
			good = 0;
			continue;
		}
		l = &d->links[d->comments[k].first_link];
		if (l->source_kind != DOC_SOURCE_ARTICLE ||
		    l->block != (k < 3 ? 0u : 1u) ||
		    l->source_start != src[k] ||
		    l->source_end != src[k] + strlen(mark[k]))
			good = 0;
	}
	ok(good, "stream: start, middle (first of two), end and a normal "
	    "paragraph link to the right bytes");
	ok(d->comments[4].nlinks == 1 && d->comments[4].parent == 1 &&
	    d->links[d->comments[4].first_link].source_kind ==
	    DOC_SOURCE_COMMENT, "stream: a passage that goes on further in a "
	    "comment than in the article links to the comment");
	check_invariants(d, "stream");
	doc_free(&d);
	free(b.p);
}

/*
 * Text outside any comment, after the thread, is an article paragraph:
 * its unit comes before every comment's although its bytes come last, so
 * the units are not in byte order. Comments spread over many 4 KiB pages
 * quote it and each other: every link finds the right source unit.
 */
static void
test_out_of_order(void)
{
	static const char tail[] = "the lighthouse keeper logged every "
	    "passing schooner in green ink";
	struct t_buf b = { NULL, 0, 0 };
	const struct doc_link *l;
	const char *p;
	struct doc *d;
	const unsigned n = 60;
	unsigned i;
	int good = 1;

	t_printf(&b, "Order test\n\nA short article about nothing much at "
	    "all.\n\n%u thoughts on \"Order test\"\n\n", n + 1);
	for (i = 1; i <= n; i++) {
		t_printf(&b, "  %u. Comment %u rambles about the weather ", i);
		t_printf(&b, "in district%u, where the pumpkin%u harvest "
		    "failed twice and the orchard%u flooded in spring.\n", i);
		t_printf(&b, "    Filler so that the comments fill several "
		    "pages of text: %u %u %u %u.\n", i);
		t_printf(&b, "    More filler about the harbour%u, the "
		    "ferry%u and the kettle%u of number %u.\n\n", i);
	}
	t_printf(&b, "Postscript from the page: ", 0);
	t_printf(&b, tail, 0);
	t_printf(&b, ".\n\n  %u. I liked that: ", n + 1);
	t_printf(&b, tail, 0);
	t_printf(&b, ". Also, the pumpkin3 harvest failed twice and the "
	    "orchard3 flooded in spring.\n", 0);
	d = doc_of(b.p, b.len);
	ok(b.len > 3 * 4096, "order: %zu bytes, several pages", b.len);
	is_int((long long)d->ncomments, n + 1, "order: %u comments", n + 1);
	p = strstr(d->buf, tail);
	if (d->ncomments != n + 1 || d->comments[n].nlinks != 2 || p == NULL)
		good = 0;
	else {
		l = &d->links[d->comments[n].first_link];
		if (l->source_kind != DOC_SOURCE_ARTICLE ||
		    l->block != d->nblocks - 1 ||
		    l->source_start != (uint32_t)(p - d->buf) ||
		    l->source_end != l->source_start + strlen(tail))
			good = 0;
		l++;
		if (l->source_kind != DOC_SOURCE_COMMENT ||
		    l->source_comment != 2)
			good = 0;
	}
	ok(good, "order: the paragraph after the thread and comment 3 are "
	    "the sources");
	check_invariants(d, "order");
	doc_free(&d);
	free(b.p);
}

/*
 * Clause originals are sources too: a comment quoting the right-to-left
 * original of a clause links to that clause's original, one quoting the
 * translation to the translation. Clause 2's original stands on a line
 * of its own. The Arabic (written for this test): 1 "the city may build
 * a new bridge over the great river before the end of winter"; 2 "the
 * town pays for the bridge from the taxes of the ports and the old
 * markets".
 */
#define AR_BRIDGE	"\xd8\xa8\xd9\x86\xd8\xa7\xd8\xa1 \xd8\xac\xd8\xb3" \
	"\xd8\xb1 \xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf \xd9\x81\xd9\x88\xd9\x82 " \
	"\xd8\xa7\xd9\x84\xd9\x86\xd9\x87\xd8\xb1 \xd8\xa7\xd9\x84\xd9\x83" \
	"\xd8\xa8\xd9\x8a\xd8\xb1 \xd9\x82\xd8\xa8\xd9\x84 \xd9\x86\xd9\x87" \
	"\xd8\xa7\xd9\x8a\xd8\xa9 \xd8\xa7\xd9\x84\xd8\xb4\xd8\xaa\xd8\xa7" \
	"\xd8\xa1"
#define AR_TAXES	"\xd8\xaa\xd8\xaf\xd9\x81\xd8\xb9 \xd8\xa7\xd9\x84" \
	"\xd8\xa8\xd9\x84\xd8\xaf\xd9\x8a\xd8\xa9 \xd8\xab\xd9\x85\xd9\x86 " \
	"\xd8\xa7\xd9\x84\xd8\xac\xd8\xb3\xd8\xb1 \xd9\x85\xd9\x86 \xd8\xb6" \
	"\xd8\xb1\xd8\xa7\xd8\xa6\xd8\xa8 \xd8\xa7\xd9\x84\xd9\x85\xd9\x88" \
	"\xd8\xa7\xd9\x86\xd8\xa6"

/* Whether link l's source is clause k's original (orig) or translation. */
static int
source_is_clause(const struct doc *d, const struct doc_link *l, long k,
    int orig)
{
	const struct doc_clause *c;

	if (l == NULL || l->source_kind != DOC_SOURCE_ARTICLE ||
	    l->block >= d->nblocks || k < 0 || (size_t)k >= d->nclauses ||
	    doc_clause_at(d, l->block, l->source_start) != k)
		return 0;
	c = &d->clauses[k];
	return doc_clause_in_original(c, l->source_start) == orig &&
	    (orig ? c->original : c->translation).off +
	    (orig ? c->original : c->translation).len >= l->source_end;
}

static void
test_clause_sides(void)
{
	static const char sides[] =
	    "Bridges\n\n"
	    "The council met on Monday to talk about the river again.\n\n"
	    "    1- \xd9\x8a\xd8\xad\xd9\x82 \xd9\x84\xd9\x84\xd9\x85\xd8\xaf"
	    "\xd9\x8a\xd9\x86\xd8\xa9 " AR_BRIDGE " . 1 \xe2\x80\x93 The city "
	    "may build a new bridge over the great river before winter "
	    "ends.\n"
	    "    2- " AR_TAXES " \xd9\x88\xd8\xa7\xd9\x84\xd8\xa3\xd8\xb3\xd9"
	    "\x88\xd8\xa7\xd9\x82 \xd8\xa7\xd9\x84\xd9\x82\xd8\xaf\xd9\x8a"
	    "\xd9\x85\xd8\xa9 .\n"
	    "    2 \xe2\x80\x93 The town pays for the bridge from the taxes of "
	    "the ports and the old markets.\n\n"
	    "3 thoughts on \"Bridges\"\n\n"
	    "  1. The clause reads \xe2\x80\x9c" AR_BRIDGE "\xe2\x80\x9d in "
	    "the original.\n\n"
	    "  2. So the city may build a new bridge over the great river, "
	    "they say.\n\n"
	    "  3. " AR_TAXES "\n";
	const struct doc_link *l;
	struct doc *d = doc_of(sides, sizeof sides - 1);
	char *got;

	is_int((long long)d->nclauses, 2, "sides: two clauses");
	ok(d->nclauses == 2 && d->clauses[1].original.len > 0 &&
	    memchr(d->buf + d->clauses[1].original.off, '\n',
	    d->clauses[1].translation.off - d->clauses[1].original.off) != NULL,
	    "sides: clause 2 has an original, on a line of its own");
	is_int((long long)d->nlinks, 3, "sides: three links");
	l = link_of(d, 1, 0);
	ok(source_is_clause(d, l, 0, 1), "a quote of clause 1's Arabic "
	    "original links to that original");
	got = l != NULL ? link_norm(d, l, 1) : NULL;
	is_str(got, "\xd8\xa8\xd9\x86\xd8\xa7\xd8\xa1 \xd8\xac\xd8\xb3\xd8\xb1 "
	    "\xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf \xd9\x81\xd9\x88\xd9\x82 \xd8\xa7"
	    "\xd9\x84\xd9\x86\xd9\x87\xd8\xb1 \xd8\xa7\xd9\x84\xd9\x83\xd8\xa8"
	    "\xd9\x8a\xd8\xb1 \xd9\x82\xd8\xa8\xd9\x84 \xd9\x86\xd9\x87\xd8\xa7"
	    "\xd9\x8a\xd9\x87 \xd8\xa7\xd9\x84\xd8\xb4\xd8\xaa\xd8\xa7\xd8\xa1",
	    "sides: the source passage is the quoted Arabic words "
	    "(normalised: teh marbuta is heh)");
	free(got);
	ok(source_is_clause(d, link_of(d, 2, 0), 0, 0), "a quote of clause "
	    "1's translation links to the translation");
	ok(source_is_clause(d, link_of(d, 3, 0), 1, 1), "an original on a "
	    "line of its own is a source too");
	check_invariants(d, "sides");
	doc_free(&d);
}

/*
 * A bracketed insertion or editor's note in the source that the comment
 * leaves out: the passage goes on past it as one link when the words on
 * each side are long enough on their own; otherwise only a side that is
 * long enough is linked.
 */
static void
test_brackets(void)
{
	static const char brackets[] =
	    "Harbour rules\n\n"
	    "The harbour mayor said the new pier [built in 1990] will stand "
	    "for another hundred years at least.\n\n"
	    "    1 \xe2\x80\x93 The harbour board shall repair the northern "
	    "breakwater [of stone] before the autumn storms arrive each "
	    "year.\n"
	    "    2 \xe2\x80\x93 Fishing boats may land their catch at any quay "
	    "[Surely only the licensed ones. ~RT] without paying the harbour "
	    "toll twice.\n"
	    "    3 \xe2\x80\x93 The ferry crew must wear bright yellow jackets "
	    "[of wool] at night, always.\n"
	    "    4 \xe2\x80\x93 Pilots [licensed] shall guide every vessel "
	    "entering the inner harbour at dawn.\n"
	    "    5 \xe2\x80\x93 Harbour dues are collected by the town clerk "
	    "[or a deputy] every Monday morning at the customs house [on the "
	    "east quay] and recorded in the ledger of the port.\n\n"
	    "6 thoughts on \"Harbour rules\"\n\n"
	    "  1. \xe2\x80\x9cthe harbour board shall repair the northern "
	    "breakwater before the autumn storms arrive each year\xe2\x80\x9d "
	    "they wrote.\n\n"
	    "  2. Fishing boats may land their catch at any quay without "
	    "paying the harbour toll twice!\n\n"
	    "  3. The ferry crew must wear bright yellow jackets at night.\n\n"
	    "  4. Pilots shall guide every vessel entering the inner harbour "
	    "at dawn.\n\n"
	    "  5. Harbour dues are collected by the town clerk every Monday\n"
	    "    morning at the customs house and recorded in the ledger of "
	    "the port.\n\n"
	    "  6. So the harbour mayor said the new pier will stand for "
	    "another hundred years.\n";
	const struct doc_link *l;
	struct doc *d = doc_of(brackets, sizeof brackets - 1);
	uint64_t k;
	int over;

	is_int(nlinks_of(d, 1), 1, "an insertion left out: one link");
	expect_link(d, 1, 0, "", 0, "the harbour board shall repair the "
	    "northern breakwater before the autumn storms arrive each year");
	is_int(nlinks_of(d, 2), 1, "an editor's note left out: one link");
	expect_link(d, 2, 0, "", 0, "fishing boats may land their catch at "
	    "any quay without paying the harbour toll twice");
	is_int(nlinks_of(d, 3), 1, "too little after the bracket: one link");
	expect_link(d, 3, 0, "", 0, "the ferry crew must wear bright yellow "
	    "jackets");
	is_int(nlinks_of(d, 4), 1, "too little before the bracket: one link");
	expect_link(d, 4, 0, "", 0, "shall guide every vessel entering the "
	    "inner harbour at dawn");
	is_int(nlinks_of(d, 5), 1, "two brackets left out: one link");
	expect_link(d, 5, 0, "", 0, "harbour dues are collected by the town "
	    "clerk every monday morning at the customs house and recorded in "
	    "the ledger of the port");
	is_int(nlinks_of(d, 6), 1, "a bracket in an article paragraph: one "
	    "link");
	expect_link(d, 6, 0, "The harbour mayor", 0, "the harbour mayor said "
	    "the new pier will stand for another hundred years");
	/* Sources: those that pass a bracket cover it, the others do not. */
	for (k = 1; k <= 6; k++) {
		l = link_of(d, k, 0);
		over = l != NULL && memchr(d->buf + l->source_start, '[',
		    l->source_end - l->source_start) != NULL;
		ok(l != NULL && over == (k != 3 && k != 4),
		    "comment %llu: the source range %s a bracket",
		    (unsigned long long)k, k != 3 && k != 4 ? "covers" :
		    "stops before");
	}
	check_invariants(d, "brackets");
	doc_free(&d);
}

/*
 * A passage in quotation marks of the comment's own needs fewer letters
 * (QUOTES_FRAMED_CHARS): seven short words in quotes link, the same words
 * unquoted do not.
 */
/*
 * A quote in quotation marks often takes the sentence's own final
 * punctuation inside them, in the script's form: "。" and "！" in
 * Chinese and Japanese, "؟" and "۔" in Arabic and Urdu, "।" in Hindi.
 * Before, only ASCII punctuation and "…" were passed over there, so these
 * short framed quotes were not linked.
 */
static void
test_framed_scripts(void)
{
	static const char doc[] =
	    "Bells\n\n"
	    "城里的钟每天敲十二下。\n"
	    "هل يعود المطر إلى هذا الحي؟\n"
	    "नदी के पास एक घर था।\n\n"
	    "4 comments\n\n"
	    "  1. 我记得那句“城里的钟每天敲十二下。”真好。\n\n"
	    "  2. قالت جدتي «هل يعود المطر إلى هذا الحي؟» ثم سكتت.\n\n"
	    "  3. 「城里的钟每天敲十二下！」\n\n"
	    "  4. He quoted “नदी के पास एक घर था।” from memory.\n";
	struct doc *d = doc_of(doc, sizeof doc - 1);

	ok(link_is(d, link_of(d, 1, 0), "城里的钟每天敲十二下"),
	    "framed: Chinese, ideographic full stop inside the quotes");
	ok(link_is(d, link_of(d, 2, 0), "هل يعود المطر إلى هذا الحي"),
	    "framed: Arabic question mark inside guillemets");
	ok(link_is(d, link_of(d, 3, 0), "城里的钟每天敲十二下"),
	    "framed: fullwidth exclamation mark inside corner brackets");
	ok(link_is(d, link_of(d, 4, 0), "नदी के पास एक घर था"),
	    "framed: danda inside the quotes");
	check_invariants(d, "framed scripts");
	doc_free(&d);
}

static void
test_framed(void)
{
	static const char framed[] =
	    "Rain\n\n"
	    "In the old song we know the rain by its sound and the sea by "
	    "its salt.\n\n"
	    "He only said so I am as I am a man and went out.\n\n"
	    "8 thoughts on \"Rain\"\n\n"
	    "  1. \xe2\x80\x9cwe know the rain by its sound\xe2\x80\x9d: "
	    "lovely.\n\n"
	    "  2. I think we know the rain by its sound, truly.\n\n"
	    "  3. \"You see, we know the rain by its sound\"\n\n"
	    "  4. \xc2\xabwe know the rain by its sound\xe2\x80\xa6\xc2\xbb "
	    "said she.\n\n"
	    "  5. He wrote \"we know the rain by\" and stopped.\n\n"
	    "  6. \xe2\x80\x9cI am as I am a\xe2\x80\x9d is too short.\n\n"
	    "  7. The words 'we know the rain by its sound.' again.\n\n"
	    "  8. \xe2\x80\x9cwe know the rain by its sound, or more\xe2\x80\x9d\n";
	struct doc *d = doc_of(framed, sizeof framed - 1);

	is_int(nlinks_of(d, 1), 1, "framed: seven words in curly quotes link");
	expect_link(d, 1, 0, "In the old song", 0, "we know the rain by its "
	    "sound");
	is_int(nlinks_of(d, 2), 0, "framed: the same words unquoted do not");
	is_int(nlinks_of(d, 3), 0, "framed: quotes around more than the "
	    "match do not count");
	is_int(nlinks_of(d, 4), 1, "framed: guillemets after an ellipsis");
	is_int(nlinks_of(d, 5), 0, "framed: five words are too few");
	is_int(nlinks_of(d, 6), 0, "framed: fewer than 12 letters");
	is_int(nlinks_of(d, 7), 1, "framed: straight single quotes and a "
	    "full stop");
	is_int(nlinks_of(d, 8), 0, "framed: the quote goes on past the "
	    "match");
	check_invariants(d, "framed");
	doc_free(&d);
	test_framed_scripts();
}

/*
 * Nested brackets: a bracket holding a bracket is left out as a whole
 * ("[a [b] c]"), and an inner one on its own; a '[' that is never closed
 * is text, not a bracket, so a quote does not pass over what follows
 * it, only over the closed pairs after it.
 */
static void
test_brackets_nested(void)
{
	static const char nested[] =
	    "Harbour rules\n\n"
	    "    1 \xe2\x80\x93 The harbour board shall repair the northern "
	    "breakwater [of stone [granite] from the hills] before the autumn "
	    "storms arrive each year.\n"
	    "    2 \xe2\x80\x93 The pilgrims walk slowly along the old coast "
	    "road [barefoot [and silent] to the shrine on the hill every "
	    "spring.\n"
	    "    3 \xe2\x80\x93 The ferry crew must wear bright yellow jackets "
	    "at night [and [on deck] in the long winter storms always.\n\n"
	    "4 thoughts on \"Harbour rules\"\n\n"
	    "  1. \xe2\x80\x9cthe harbour board shall repair the northern "
	    "breakwater before the autumn storms arrive each year\xe2\x80\x9d "
	    "they wrote.\n\n"
	    "  2. Yes: the harbour board shall repair the northern breakwater "
	    "of stone from the hills before the autumn storms arrive each "
	    "year.\n\n"
	    "  3. So the pilgrims walk slowly along the old coast road to the "
	    "shrine on the hill every spring.\n\n"
	    "  4. Indeed the ferry crew must wear bright yellow jackets at "
	    "night and in the long winter storms always.\n";
	struct doc *d = doc_of(nested, sizeof nested - 1);

	is_int(nlinks_of(d, 1), 1, "a nested bracket left out: one link");
	expect_link(d, 1, 0, "", 0, "the harbour board shall repair the "
	    "northern breakwater before the autumn storms arrive each year");
	is_int(nlinks_of(d, 2), 1, "an inner bracket left out: one link");
	expect_link(d, 2, 0, "", 0, "the harbour board shall repair the "
	    "northern breakwater of stone from the hills before the autumn "
	    "storms arrive each year");
	is_int(nlinks_of(d, 3), 2, "words after an unclosed '[' left out: "
	    "two links, not one over them");
	expect_link(d, 3, 0, "", 0, "the pilgrims walk slowly along the old "
	    "coast road");
	expect_link(d, 3, 1, "", 0, "to the shrine on the hill every spring");
	is_int(nlinks_of(d, 4), 1, "a closed bracket after an unclosed '[' "
	    "left out: one link");
	expect_link(d, 4, 0, "", 0, "the ferry crew must wear bright yellow "
	    "jackets at night and in the long winter storms always");
	check_invariants(d, "nested brackets");
	doc_free(&d);
}

int
main(void)
{
	test_small();
	test_edges();
	test_paths();
	test_spaceless();
	test_optional_marks();
	test_letter_variants();
	test_accents();
	test_seed();
	test_scale();
	test_repeats();
	test_stream();
	test_out_of_order();
	test_clause_sides();
	test_brackets();
	test_framed();
	test_brackets_nested();
	return tap_done();
}

/*
 * quotes.c: quote links and reply parents (quotes.h). Owns nothing after
 * it returns: the links go into the document, the index is freed.
 *
 * Coordinates: text is located by byte offsets in doc->buf. Matching works
 * on word indices into one array of all the words of the document, in
 * document order: article paragraphs, block quote paragraphs and clause
 * translations first, then each comment's paragraphs, comment by comment.
 * A "unit" is one paragraph's run of words; passages never cross units.
 *
 * How it works, in one pass over the comments:
 *  1. Every unit is split into normalised words (quotes.h says what a word
 *     is); each word keeps its byte range and a 32-bit hash of its
 *     normalised form.
 *  2. Every window of QUOTES_MIN_WORDS consecutive words of the article is
 *     put in an open-addressing table: 64-bit key (a polynomial rolling
 *     hash of the window's word hashes, mixed) -> the first and the latest
 *     word index where the window starts.
 *  3. For each comment in order, each of its paragraphs is scanned once:
 *     at each word the window starting there is looked up; on a hit the
 *     match is extended forward word by word against the first and the
 *     latest occurrence (word hashes compared, then the normalised words
 *     themselves, so a hash collision can never make a link), the source
 *     is chosen (quotes.h), and if the passage is long enough it becomes a
 *     link and the scan resumes after it. Only then are the comment's own
 *     windows added to the table, so a comment never matches itself or a
 *     later comment.
 *
 * Limit: only two occurrences of a starting window are tried (the first,
 * which is the article's when it has one, and the latest). If a third
 * occurrence would match further, the passage is linked as far as the
 * better of the two goes and the rest, if long enough, becomes a second
 * link found from the windows after it.
 *
 * Invariants: time linear in the document's size (each word is tokenised
 * once; a lookup per scanned word; each extension is paid for by the words
 * it skips, or is shorter than QUOTES_MIN_CHARS words when it is rejected);
 * memory linear in the number of words, with no allocation per word (the
 * arrays grow by doubling); links come out sorted by comment, then start.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>

#include "gloss/doc.h"
#include "gloss/quotes.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define QUOTES_K	QUOTES_MIN_WORDS
#define QUOTES_P	0x9e3779b97f4a7c15ULL	/* odd multiplier */

/* Character classes for word splitting. */
enum quotes_class {
	QUOTES_SEP,		/* separates words */
	QUOTES_WORD,		/* letter, mark or digit */
	QUOTES_APOS		/* apostrophe: inside a word, ignored */
};

struct quotes_word {
	uint32_t start, end;	/* bytes in doc->buf */
	uint32_t hash;		/* of the normalised word */
};

struct quotes_unit {
	uint32_t first, n;	/* words [first, first + n) */
	enum doc_source_kind kind;
	uint32_t index;		/* article: block; comment: para */
	uint32_t comment;	/* comment: its index */
};

/* Window key -> first and latest start; keys[i] == 0 marks an empty slot. */
struct quotes_table {
	uint64_t *keys;
	uint32_t *first;
	uint32_t *last;
	size_t cap;		/* any size: slots are found by multiply-shift */
};

struct quotes {
	struct doc *d;
	const char *buf;
	struct quotes_word *w;
	size_t nw, capw;
	struct quotes_unit *u;
	size_t nu, capu;
	struct quotes_table t;
	uint64_t pk;		/* QUOTES_P ^ (QUOTES_K - 1) */
};

/* The comment being scanned: its best quoted comment so far. */
struct quotes_reply {
	uint32_t best_words;
	int32_t parent;
};

static uint64_t
quotes_mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

/* Decode one character of s (len > 0); ASCII without a call. */
static size_t
quotes_decode(const char *s, size_t len, uint32_t *cp)
{
	if ((unsigned char)*s < 0x80) {
		*cp = (unsigned char)*s;
		return 1;
	}
	return text_utf8_decode(s, len, cp);
}

static enum quotes_class
quotes_classify(uint32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9'))
			return QUOTES_WORD;
		return cp == '\'' ? QUOTES_APOS : QUOTES_SEP;
	}
	if (cp == 0x2019 || cp == 0x2018 || cp == 0x02bc || cp == 0xff07)
		return QUOTES_APOS;
	if (uc_is_general_category_withtable(cp, UC_CATEGORY_MASK_L |
	    UC_CATEGORY_MASK_M | UC_CATEGORY_MASK_N))
		return QUOTES_WORD;
	return QUOTES_SEP;	/* includes U+FFFD, so invalid UTF-8 */
}

static uint32_t
quotes_fold(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + ('a' - 'A') : cp;
	return uc_tolower(cp);
}

/*
 * Next normalised character of a word's bytes s[*i, len): apostrophes are
 * skipped (every other character of a word is a word character). Returns
 * 0 at the end.
 */
static int
quotes_word_next(const char *s, size_t len, size_t *i, uint32_t *cp)
{
	while (*i < len) {
		*i += quotes_decode(s + *i, len - *i, cp);
		if (quotes_classify(*cp) != QUOTES_APOS) {
			*cp = quotes_fold(*cp);
			return 1;
		}
	}
	return 0;
}

/* Are two words equal once normalised? */
static int
quotes_word_eq(const char *buf, const struct quotes_word *a,
    const struct quotes_word *b)
{
	const char *s = buf + a->start, *t = buf + b->start;
	size_t la = a->end - a->start, lb = b->end - b->start, i = 0, j = 0;
	uint32_t c1, c2;
	int m1, m2;

	if (la == lb && memcmp(s, t, la) == 0)
		return 1;
	for (;;) {
		m1 = quotes_word_next(s, la, &i, &c1);
		m2 = quotes_word_next(t, lb, &j, &c2);
		if (!m1 || !m2)
			return m1 == m2;
		if (c1 != c2)
			return 0;
	}
}

/* Normalised characters in words [i, i + n). */
static size_t
quotes_chars(const struct quotes *q, uint32_t i, uint32_t n)
{
	const struct quotes_word *w;
	size_t count = 0, k;
	uint32_t cp, j;

	for (j = 0; j < n; j++) {
		w = &q->w[i + j];
		k = 0;
		while (quotes_word_next(q->buf + w->start, w->end - w->start,
		    &k, &cp))
			count++;
	}
	return count;
}

static void
quotes_word_add(struct quotes *q, uint32_t start, uint32_t end, uint64_t h)
{
	struct quotes_word *w;

	q->w = xgrow(q->w, &q->capw, q->nw + 1, sizeof *q->w);
	w = &q->w[q->nw++];
	w->start = start;
	w->end = end;
	w->hash = (uint32_t)(quotes_mix(h) >> 32);
}

/* Split the bytes [off, off + len) of one source line into words. */
static void
quotes_tokenize(struct quotes *q, uint32_t off, uint32_t len)
{
	const char *s = q->buf + off;
	enum quotes_class cls, next;
	size_t i = 0, n, wstart = 0;
	uint64_t h = 0;
	uint32_t cp, cp2;
	int inword = 0;

	while (i < len) {
		n = quotes_decode(s + i, len - i, &cp);
		cls = quotes_classify(cp);
		if (cls == QUOTES_APOS && inword) {
			next = QUOTES_SEP;
			if (i + n < len) {
				quotes_decode(s + i + n, len - i - n, &cp2);
				next = quotes_classify(cp2);
			}
			if (next == QUOTES_WORD) {
				i += n;		/* "don't": one word */
				continue;
			}
		}
		if (cls == QUOTES_WORD) {
			if (!inword) {
				inword = 1;
				wstart = i;
				h = 0xcbf29ce484222325ULL;
			}
			h = (h ^ quotes_fold(cp)) * 0x100000001b3ULL;
		} else if (inword) {
			quotes_word_add(q, off + wstart, off + i, h);
			inword = 0;
		}
		i += n;
	}
	if (inword)
		quotes_word_add(q, off + wstart, off + len, h);
}

/* Close the unit whose words start at first, if it has any. */
static void
quotes_unit_add(struct quotes *q, size_t first, enum doc_source_kind kind,
    uint32_t index, uint32_t comment)
{
	struct quotes_unit *u;

	if (q->nw == first)
		return;
	q->u = xgrow(q->u, &q->capu, q->nu + 1, sizeof *q->u);
	u = &q->u[q->nu++];
	u->first = first;
	u->n = q->nw - first;
	u->kind = kind;
	u->index = index;
	u->comment = comment;
}

/* Tokenise the article (paragraphs, block quotes, clause translations). */
static void
quotes_split_article(struct quotes *q)
{
	const struct doc *d = q->d;
	const struct doc_block *b;
	const struct doc_clause *c;
	size_t i, j, first;

	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->kind != DOC_BLOCK_CLAUSES) {
			first = q->nw;
			quotes_tokenize(q, b->text.off, b->text.len);
			quotes_unit_add(q, first, DOC_SOURCE_ARTICLE, i, 0);
			continue;
		}
		for (j = 0; j < b->nclauses; j++) {
			c = &d->clauses[b->first_clause + j];
			first = q->nw;
			quotes_tokenize(q, c->translation.off,
			    c->translation.len);
			quotes_unit_add(q, first, DOC_SOURCE_ARTICLE, i, 0);
		}
	}
}

/* Tokenise every comment paragraph, comment by comment. */
static void
quotes_split_comments(struct quotes *q)
{
	const struct doc *d = q->d;
	const struct doc_comment *c;
	const struct doc_para *p;
	size_t i, j, k, first;

	for (i = 0; i < d->ncomments; i++) {
		c = &d->comments[i];
		for (j = 0; j < c->npara; j++) {
			p = &d->paras[c->first_para + j];
			first = q->nw;
			for (k = 0; k < p->lines.n; k++) {
				quotes_tokenize(q, d->lines[p->lines.first + k].off,
				    d->lines[p->lines.first + k].len);
			}
			quotes_unit_add(q, first, DOC_SOURCE_COMMENT,
			    c->first_para + j, i);
		}
	}
}

/* Index of the unit holding word p. */
static size_t
quotes_unit_of(const struct quotes *q, uint32_t p)
{
	size_t lo = 0, hi = q->nu, mid;

	while (hi - lo > 1) {	/* invariant: u[lo].first <= p < u[hi].first */
		mid = lo + (hi - lo) / 2;
		if (q->u[mid].first <= p)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static void
quotes_table_init(struct quotes_table *t, size_t n)
{
	/* Load factor at most 2/3. n < 2^31 (a word and a separator take
	 * two of at most 2^32 bytes), so cap < 2^32 and the multiply-shift
	 * in quotes_table_slot cannot overflow. */
	t->cap = n + n / 2 + 16;
	t->keys = xcalloc(t->cap, sizeof *t->keys);
	t->first = xreallocarray(NULL, t->cap, sizeof *t->first);
	t->last = xreallocarray(NULL, t->cap, sizeof *t->last);
}

static void
quotes_table_free(struct quotes_table *t)
{
	free(t->keys);
	free(t->first);
	free(t->last);
}

/* Slot of key, or of the empty slot where it would go. */
static size_t
quotes_table_slot(const struct quotes_table *t, uint64_t key)
{
	size_t i = (size_t)(((key >> 32) * (uint64_t)t->cap) >> 32);

	while (t->keys[i] != 0 && t->keys[i] != key) {
		if (++i == t->cap)
			i = 0;
	}
	return i;
}

/* Hash key of the window of words [i, i + QUOTES_K). */
static uint64_t
quotes_window(const struct quotes *q, uint32_t i)
{
	uint64_t g = 0;
	uint32_t j;

	for (j = 0; j < QUOTES_K; j++)
		g = g * QUOTES_P + quotes_mix(q->w[i + j].hash);
	return g;
}

/* The window at i + 1 from the window g at i. */
static uint64_t
quotes_window_roll(const struct quotes *q, uint64_t g, uint32_t i)
{
	g -= quotes_mix(q->w[i].hash) * q->pk;
	return g * QUOTES_P + quotes_mix(q->w[i + QUOTES_K].hash);
}

static uint64_t
quotes_key(uint64_t g)
{
	uint64_t key = quotes_mix(g);

	return key != 0 ? key : 1;
}

/* Add every window of unit u to the table (first kept, latest updated). */
static void
quotes_index_unit(struct quotes *q, const struct quotes_unit *u)
{
	struct quotes_table *t = &q->t;
	uint32_t i, end = u->first + u->n;
	uint64_t g, key;
	size_t s;

	if (u->n < QUOTES_K)
		return;
	g = quotes_window(q, u->first);
	for (i = u->first; i + QUOTES_K <= end; i++) {
		if (i != u->first)
			g = quotes_window_roll(q, g, i - 1);
		key = quotes_key(g);
		s = quotes_table_slot(t, key);
		if (t->keys[s] == 0) {
			t->keys[s] = key;
			t->first[s] = i;
		}
		t->last[s] = i;
	}
}

/* Words of unit-bounded text matching from i (before iend) and p on. */
static uint32_t
quotes_extend(const struct quotes *q, uint32_t i, uint32_t iend, uint32_t p)
{
	const struct quotes_unit *su = &q->u[quotes_unit_of(q, p)];
	uint32_t pend = su->first + su->n, n = 0;

	while (i + n < iend && p + n < pend &&
	    q->w[i + n].hash == q->w[p + n].hash &&
	    quotes_word_eq(q->buf, &q->w[i + n], &q->w[p + n]))
		n++;
	return n;
}

static int
quotes_long_enough(const struct quotes *q, uint32_t i, uint32_t n)
{
	if (n < QUOTES_MIN_WORDS)
		return 0;
	if (n >= QUOTES_MIN_CHARS)	/* every word has a character */
		return 1;
	return quotes_chars(q, i, n) >= QUOTES_MIN_CHARS;
}

/* Record the passage of n words at i (unit u) quoting the words at src. */
static void
quotes_link_add(struct quotes *q, const struct quotes_unit *u, uint32_t i,
    uint32_t src, uint32_t n, struct quotes_reply *r)
{
	const struct quotes_unit *su = &q->u[quotes_unit_of(q, src)];
	struct doc_link *l = doc_add_link(q->d);

	l->comment = u->comment;
	l->para = u->index;
	l->start = q->w[i].start;
	l->end = q->w[i + n - 1].end;
	l->source_kind = su->kind;
	if (su->kind == DOC_SOURCE_ARTICLE)
		l->block = su->index;
	else {
		l->source_comment = su->comment;
		l->source_para = su->index;
		if (n > r->best_words) {
			r->best_words = n;
			r->parent = (int32_t)su->comment;
		}
	}
	l->source_start = q->w[src].start;
	l->source_end = q->w[src + n - 1].end;
}

/*
 * Choose between the first and the latest occurrence of the window at i:
 * the longer match wins; the article wins a tie (it holds the whole
 * passage), otherwise the latest comment does. Sets *src, returns length.
 */
static uint32_t
quotes_source(const struct quotes *q, uint32_t i, uint32_t iend,
    uint32_t first, uint32_t last, uint32_t *src)
{
	uint32_t nf, nl, n;

	nf = quotes_extend(q, i, iend, first);
	nl = first != last ? quotes_extend(q, i, iend, last) : nf;
	n = nf > nl ? nf : nl;
	if (nf == n && q->u[quotes_unit_of(q, first)].kind ==
	    DOC_SOURCE_ARTICLE)
		*src = first;
	else if (nl == n)
		*src = last;
	else
		*src = first;
	return n;
}

/* Find the passages of unit u (a comment paragraph) quoting earlier text. */
static void
quotes_scan_unit(struct quotes *q, const struct quotes_unit *u,
    struct quotes_reply *r)
{
	const struct quotes_table *t = &q->t;
	uint32_t i = u->first, end = u->first + u->n, n, src;
	uint64_t g = 0;
	int have = 0;
	size_t s;

	while (i + QUOTES_K <= end) {
		if (!have) {
			g = quotes_window(q, i);
			have = 1;
		}
		s = quotes_table_slot(t, quotes_key(g));
		if (t->keys[s] != 0) {
			n = quotes_source(q, i, end, t->first[s], t->last[s],
			    &src);
			if (quotes_long_enough(q, i, n)) {
				quotes_link_add(q, u, i, src, n, r);
				i += n;
				have = 0;
				continue;
			}
		}
		if (i + QUOTES_K < end)
			g = quotes_window_roll(q, g, i);
		i++;
	}
}

static void
quotes_free(struct quotes *q)
{
	free(q->w);
	free(q->u);
	quotes_table_free(&q->t);
}

void
quotes_find(struct doc *d)
{
	struct quotes q;
	struct quotes_reply r;
	struct doc_comment *c;
	size_t ui, uc, i, k, windows = 0;
	uint32_t j;

	memset(&q, 0, sizeof q);
	q.d = d;
	q.buf = d->buf;
	q.pk = 1;
	for (j = 1; j < QUOTES_K; j++)
		q.pk *= QUOTES_P;

	d->nlinks = 0;
	for (i = 0; i < d->ncomments; i++) {
		d->comments[i].parent = -1;
		d->comments[i].first_link = 0;
		d->comments[i].nlinks = 0;
	}

	quotes_split_article(&q);
	uc = q.nu;			/* first comment unit */
	quotes_split_comments(&q);
	for (ui = 0; ui < q.nu; ui++) {
		if (q.u[ui].n >= QUOTES_K)
			windows += q.u[ui].n - QUOTES_K + 1;
	}
	quotes_table_init(&q.t, windows);

	for (ui = 0; ui < uc; ui++)
		quotes_index_unit(&q, &q.u[ui]);
	ui = uc;
	for (i = 0; i < d->ncomments; i++) {
		c = &d->comments[i];
		c->first_link = d->nlinks;
		r.best_words = 0;
		r.parent = -1;
		for (k = ui; k < q.nu && q.u[k].comment == i; k++)
			quotes_scan_unit(&q, &q.u[k], &r);
		c->nlinks = d->nlinks - c->first_link;
		c->parent = r.parent;
		for (; ui < k; ui++)
			quotes_index_unit(&q, &q.u[ui]);
	}
	quotes_free(&q);
}

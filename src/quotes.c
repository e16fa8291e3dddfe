/*
 * quotes.c: quote links and reply parents (quotes.h). Owns nothing after
 * it returns: the links go into the document, the index is freed.
 *
 * Coordinates: text is located by byte offsets in doc->buf. Units are
 * taken in document order: article paragraphs, block quote paragraphs,
 * clause originals and clause translations first, then each comment's
 * paragraphs, comment by comment. A "unit" is one paragraph's run of
 * words; passages never cross units. Words are held (in q->w, by index)
 * only for the unit or comment being worked on; words of earlier text are
 * read again from the buffer when a match is verified (quotes_iter), so
 * no array of all the words of the document is kept.
 *
 * How it works:
 *  1. Pass one (quotes_candidates, two threads on a large document): every
 *     unit is split into normalised words (quotes.h says what a word is),
 *     each with a 32-bit hash of its normalised form; every window of
 *     QUOTES_MIN_WORDS consecutive words gets a 64-bit key (a polynomial
 *     rolling hash of the window's word hashes, mixed) and goes into a
 *     Bloom filter (~10 bits a window). A key the filter says it has seen
 *     is a candidate. Every key that occurs twice is a candidate (a Bloom
 *     filter has no false negatives); a few that occur once are too.
 *  2. The distinct candidates get slots in an open-addressing table: key
 *     -> byte offsets of the first and the latest indexed window with it.
 *     A window whose key occurs once in the whole document can never be
 *     found by a later look-up, so leaving it out changes no answer; this
 *     is what keeps the table small (under 1 million of 14 million windows
 *     in a 100 MB generated document). A second, small Bloom filter of the
 *     candidates answers most look-ups without touching the table.
 *  3. Pass two, as before the candidates were known: the article's windows
 *     are indexed; then for each comment in order, each of its paragraphs
 *     is scanned once: at each word the window starting there is looked
 *     up; on a hit the match is extended forward word by word against the
 *     first and the latest occurrence (word hashes compared, then the
 *     normalised words themselves, so a hash collision can never make a
 *     link; a source bracket the comment left out is passed over,
 *     quotes_extend), the source is chosen (quotes.h), and if the
 *     passage is long enough it becomes a link and the scan resumes
 *     after it. Only then are the comment's own windows indexed, so a
 *     comment never matches itself or a later comment.
 *
 * Limit: only two occurrences of a starting window are tried (the first,
 * which is the article's when it has one, and the latest). If a third
 * occurrence would match further, the passage is linked as far as the
 * better of the two goes and the rest, if long enough, becomes a second
 * link found from the windows after it.
 *
 * Invariants: time linear in the document's size (each word is tokenised
 * twice, once a pass, plus once more per verified match; a lookup per
 * scanned word; each extension is paid for by the words it skips, or is
 * shorter than QUOTES_MIN_CHARS words when it is rejected; a bracket the
 * comment left out is looked for only after a piece long enough to link,
 * reading at most 2 * QUOTES_BRACKET_MAX bytes); memory: the
 * Bloom filter (about 1.5 bits a byte of text), the candidate list of
 * pass one (8 bytes a listed key: repeats of a key listed lately are not
 * listed again, quotes_pass1_add), the table (20 bytes a candidate
 * slot), the words of the largest comment and of the largest
 * article unit under QUOTES_STREAM_MIN bytes (a larger one is read from
 * the buffer a window at a time, quotes_stream); links come out
 * sorted by comment, then start, and do not depend on thread timing
 * (only which once-seen keys become needless candidates does).
 *
 * quotes_compute only reads the model and writes a struct quotes_result,
 * so it may run in a thread while another reads the same model; a cancel
 * flag is polled per unit in pass one, per run in pass two, and every
 * QUOTES_POLL words inside a unit (a huge paragraph).
 * quotes_apply moves a complete result into the model.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include "gloss/doc.h"
#include "gloss/quotes.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define QUOTES_K	QUOTES_MIN_WORDS
#define QUOTES_P	0x9e3779b97f4a7c15ULL	/* odd multiplier */
#define QUOTES_PAGE_SHIFT	12	/* bytes a quotes_units_pages entry spans */

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

/*
 * A unit's text: an article unit is the one span [start, end); a comment
 * unit is the lines of its paragraph, doc->paras[index] (start/end bound
 * their bytes). Units never overlap. wfirst/wn: its words in q->w while
 * its comment (or, for the article, the unit itself) is being worked on.
 * Kept small: a document has a unit per paragraph (160,000 in 100 MB).
 */
struct quotes_unit {
	uint32_t start, end;
	uint32_t wfirst, wn;
	uint32_t index;		/* article: block; comment: para */
	uint32_t comment;	/* comment: its index */
	uint8_t kind;		/* enum doc_source_kind */
};

/*
 * Window key -> byte offsets of the first and the latest indexed window
 * with that key (QUOTES_NONE: none indexed yet); keys[i] == 0 marks an
 * empty slot. Only candidate keys (windows that occur at least twice in
 * the document, plus Bloom false positives) have a slot: a window that
 * occurs once can never be found again, so it need not be indexed.
 */
struct quotes_table {
	uint64_t *keys;
	uint32_t *first;
	uint32_t *last;
	size_t cap;		/* any size: slots are found by multiply-shift */
};

#define QUOTES_NONE	UINT32_MAX

struct quotes {
	const struct doc *d;
	struct quotes_result *res;	/* links and parents come out here */
	const atomic_int *cancel;	/* NULL, or stop when nonzero */
	const char *buf;
	struct quotes_word *w;	/* words of the unit(s) being worked on */
	size_t nw, capw;
	uint64_t *key;		/* key[i]: the window starting at w[i] */
	size_t capk;
	uint32_t *cslot;	/* pass two: cslot[i], the table slot of key[i]
				 * if it is a candidate, else QUOTES_NONE */
	size_t capcs;
	struct quotes_unit *u;
	size_t nu, capu;
	uint32_t *byoff;	/* unit indices sorted by start */
	uint32_t *bypage;	/* bypage[p]: first k with byoff[k]'s start at
				 * or after page p (QUOTES_PAGE_SHIFT) */
	uint64_t total;		/* bytes of all units */
	struct quotes_table t;
	uint64_t *filter;	/* Bloom filter of the table's keys */
	size_t nfilter;		/* 64-bit words in filter */
	uint64_t pk;		/* QUOTES_P ^ (QUOTES_K - 1) */
};

/* Reads the words of a unit from a word start on, re-tokenising. */
struct quotes_iter {
	const struct quotes *q;
	const struct quotes_unit *u;
	uint32_t k;		/* span of the unit */
	size_t pos;		/* byte in that span */
};

/* The comment being scanned: its best quoted comment so far. */
struct quotes_reply {
	uint32_t best_words;
	int32_t parent;
};

/* Whether the caller asked to stop. */
static int
quotes_cancelled(const struct quotes *q)
{
	return q->cancel != NULL &&
	    atomic_load_explicit(q->cancel, memory_order_relaxed) != 0;
}

/*
 * Whether to stop now, asked every QUOTES_POLL steps of a loop over the
 * words of one unit (n counts the steps), so that a cancel is noticed
 * inside a huge paragraph too; what was done is then thrown away.
 */
#define QUOTES_POLL	65536u

static int
quotes_stop_at(const struct quotes *q, uint32_t n)
{
	return n % QUOTES_POLL == QUOTES_POLL - 1 && quotes_cancelled(q);
}

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
	/* No-break space; dashes, quotation marks, bullets, ellipsis. */
	if (cp == 0xa0 || (cp >= 0x2010 && cp <= 0x2027))
		return cp == 0x2018 || cp == 0x2019 ? QUOTES_APOS : QUOTES_SEP;
	if (cp == 0x02bc || cp == 0xff07 || cp == 0x0640)	/* ʼ ＇ tatweel */
		return QUOTES_APOS;
	if (uc_is_general_category_withtable(cp, UC_CATEGORY_MASK_L |
	    UC_CATEGORY_MASK_M | UC_CATEGORY_MASK_N))
		return QUOTES_WORD;
	/* Soft hyphen, ZWNJ, ZWJ...: invisible, so ignored inside a word. */
	if (uc_is_property_default_ignorable_code_point(cp))
		return QUOTES_APOS;
	return QUOTES_SEP;	/* includes U+FFFD, so invalid UTF-8 */
}

/*
 * The base letter of a letter with accents (text_is_accent: accents,
 * breathings, diaeresis, iota subscript, Hebrew points): the first code
 * point of its canonical decomposition, as long as the rest are accents
 * (search drops them after decomposing, and so does quotes_fold when
 * they are typed as marks: both spellings of "café" or "ἥλιος" fold
 * alike). Others are returned as they are: a Hangul syllable, a kana
 * with a voicing mark, an Indic letter with a nukta. Looked up only
 * below U+3000 and in the Hebrew presentation forms: no other letter
 * (kana and Hangul aside) decomposes.
 */
static uint32_t
quotes_base(uint32_t cp)
{
	uint32_t d[UC_DECOMPOSITION_MAX_LENGTH];
	int n, i;

	if (cp < 0xc0 || (cp >= 0x3000 && (cp < 0xfb1d || cp > 0xfb4e)))
		return cp;
	while ((n = uc_canonical_decomposition(cp, d)) > 0) {
		for (i = 1; i < n; i++)
			if (!text_is_accent(d[i]))
				return cp;
		cp = d[0];
	}
	return cp;
}

/*
 * The normalised form of a word character: lower case after upper case
 * (simple case folding: final sigma and the Greek symbol forms fold to
 * the letters; dotless i stays itself), a letter without its accents
 * (quotes_base), an Arabic-script letter variant as its letter (text.h,
 * text_letter_fold); 0 for an accent (text_is_accent: Latin, Greek and
 * Cyrillic combining marks, Hebrew points, Arabic harakat...), which
 * writing leaves out and which is left out. Search folds all of these
 * the same way.
 */
static uint32_t
quotes_fold(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + ('a' - 'A') : cp;
	if (text_is_accent(cp))
		return 0;
	if (cp >= 0x0600 && cp <= 0x06ff)	/* no case; not decomposed */
		return text_letter_fold(cp);
	cp = quotes_base(cp);
	if (cp != 0x0131)
		cp = uc_toupper(cp);
	return uc_tolower(cp);
}

/*
 * Next normalised character of a word's bytes s[*i, len): apostrophes and
 * accents are skipped (every other character of a word is a word
 * character). Returns 0 at the end.
 */
static int
quotes_word_next(const char *s, size_t len, size_t *i, uint32_t *cp)
{
	while (*i < len) {
		*i += quotes_decode(s + *i, len - *i, cp);
		if (quotes_classify(*cp) != QUOTES_APOS &&
		    (*cp = quotes_fold(*cp)) != 0)
			return 1;
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

/* A CJK ideograph (it counts as two letters: quotes.h). */
static int
quotes_ideograph(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x3134f);
}

/* Normalised characters in words [i, i + n), ideographs counted twice. */
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
			count += quotes_ideograph(cp) ? 2 : 1;
	}
	return count;
}

/*
 * A letter of a script written without spaces between words: Thai, Lao,
 * Myanmar, Khmer, kana and CJK ideographs. Each is a word of its own,
 * with the marks after it (quotes.h).
 */
static int
quotes_spaceless(uint32_t cp)
{
	if (cp < 0x0e00)
		return 0;
	return cp <= 0x0eff ||				/* Thai, Lao */
	    (cp >= 0x1000 && cp <= 0x109f) ||		/* Myanmar */
	    (cp >= 0x1780 && cp <= 0x17ff) ||		/* Khmer */
	    (cp >= 0x3040 && cp <= 0x30ff) ||		/* kana */
	    (cp >= 0x31f0 && cp <= 0x31ff) ||
	    (cp >= 0xff66 && cp <= 0xff9f) ||		/* half-width kana */
	    quotes_ideograph(cp);
}

/* A mark (general category M): it belongs to the letter before it. */
static int
quotes_mark(uint32_t cp)
{
	return cp >= 0x300 && uc_is_general_category_withtable(cp,
	    UC_CATEGORY_MASK_M);
}

/* An ASCII letter or digit (c is any byte). */
static inline int
quotes_ascii_word(char c)
{
	unsigned char b = (unsigned char)c;

	return (unsigned)(b - '0') < 10 || (unsigned)((b | 0x20) - 'a') < 26;
}

/*
 * Eight bytes at a time. A chunk is 8 bytes of text as a little-endian
 * number whatever the machine (byte k in bits 8k to 8k + 7), so that
 * "the first byte" of a mask is its lowest one.
 */
#define QUOTES_ONES	0x0101010101010101ULL
#define QUOTES_HIGH	0x8080808080808080ULL	/* the top bit of each byte */
#define QUOTES_LOWER	0x2020202020202020ULL	/* or'ed: letters lowered,
						 * digits unchanged */

/* The 8 bytes at p as a chunk. */
static inline uint64_t
quotes_load(const char *p)
{
	uint64_t x;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(&x, p, sizeof x);
#else
	unsigned k;

	for (x = 0, k = 0; k < 8; k++)
		x |= (uint64_t)(unsigned char)p[k] << (8 * k);
#endif
	return x;
}

/* The bytes s[i, i + 8) that lie before len (i < len), zeros after. */
static inline uint64_t
quotes_load_at(const char *s, size_t len, size_t i)
{
	uint64_t x = 0;
	size_t k;

	if (len - i >= 8)
		return quotes_load(s + i);
	if (len >= 8)	/* the last 8 bytes, shifted down */
		return quotes_load(s + len - 8) >> (8 * (8 - (len - i)));
	for (k = i; k < len; k++)
		x |= (uint64_t)(unsigned char)s[k] << (8 * (k - i));
	return x;
}

/* A chunk's first n bytes (1 <= n <= 8). */
static inline uint64_t
quotes_head(uint64_t x, size_t n)
{
	return n >= 8 ? x : x & ((1ULL << (8 * n)) - 1);
}

/* The top bit of each byte of chunk x that is an ASCII letter or digit. */
static inline uint64_t
quotes_word_bytes(uint64_t x)
{
	uint64_t y = x & ~QUOTES_HIGH, l = y | QUOTES_LOWER;
	uint64_t letter, digit;

	/* Per byte, no carries (every sum stays under 0x100): l + 0x1f has
	 * its top bit iff l >= 'a', l + 0x05 iff l > 'z'; likewise for y
	 * between '0' and '9'. */
	letter = (l + 0x1f * QUOTES_ONES) & ~(l + 0x05 * QUOTES_ONES);
	digit = (y + 0x50 * QUOTES_ONES) & ~(y + 0x46 * QUOTES_ONES);
	return (letter | digit) & ~x & QUOTES_HIGH;
}

/* Index of the lowest set bit of m != 0. */
static inline unsigned
quotes_low_bit(uint64_t m)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctzll(m);
#else
	unsigned k = 0;

	while ((m & 1) == 0) {
		m >>= 1;
		k++;
	}
	return k;
#endif
}

/* Index of the first byte whose top bit is set in m (m != 0, QUOTES_HIGH
 * bits only). */
static inline size_t
quotes_first(uint64_t m)
{
	return quotes_low_bit(m) >> 3;
}

/* The first ASCII letter or digit or non-ASCII byte of s[i, len), or len. */
static size_t
quotes_skip_tail(const char *s, size_t len, size_t i)
{
	uint64_t x, m;

	if (i >= len)
		return len;
	x = quotes_load_at(s, len, i);		/* zeros after len */
	m = (quotes_word_bytes(x) | x) & QUOTES_HIGH;
	return m != 0 ? i + quotes_first(m) : len;
}

/* From i: the first ASCII letter or digit or non-ASCII byte, or len. */
static inline size_t
quotes_skip_ascii_sep(const char *s, size_t len, size_t i)
{
	uint64_t x, m;

	for (; len - i >= 8; i += 8) {
		x = quotes_load(s + i);
		m = (quotes_word_bytes(x) | x) & QUOTES_HIGH;
		if (m != 0)
			return i + quotes_first(m);
	}
	return quotes_skip_tail(s, len, i);
}

/* The first byte of s[i, len) that is not an ASCII letter or digit, or len. */
static size_t
quotes_run_tail(const char *s, size_t len, size_t i)
{
	uint64_t m;

	if (i >= len)
		return len;
	m = ~quotes_word_bytes(quotes_load_at(s, len, i)) & QUOTES_HIGH;
	return i + quotes_first(m);	/* a zero after len stops it */
}

/* From i: the first byte that is not an ASCII letter or digit, or len. */
static inline size_t
quotes_ascii_run(const char *s, size_t len, size_t i)
{
	uint64_t m;

	for (; len - i >= 8; i += 8) {
		m = ~quotes_word_bytes(quotes_load(s + i)) & QUOTES_HIGH;
		if (m != 0)
			return i + quotes_first(m);
	}
	return quotes_run_tail(s, len, i);
}

/*
 * The word hash. It is a function of the word's normalised form only:
 * the UTF-8 bytes of its case-folded characters, apostrophes left out,
 * taken as chunks of 8 bytes, the last one padded with zero bytes (a
 * normalised word has none), one multiply a chunk, then mixed down to 32
 * bits. Two ways compute it: quotes_hash_ascii straight from the text of
 * a word of ASCII letters and digits, and struct quotes_norm from the
 * characters of any word; they agree byte for byte, so a word hashes the
 * same whichever way it was read.
 */
#define QUOTES_H0	0x243f6a8885a308d3ULL	/* any start */
#define QUOTES_HM	0xd6e8feb86659fd93ULL	/* odd multiplier */

static inline uint64_t
quotes_hash_step(uint64_t h, uint64_t chunk)
{
	h = (h ^ chunk) * QUOTES_HM;
	return h << 29 | h >> 35;
}

static inline uint32_t
quotes_hash_end(uint64_t h)
{
	return (uint32_t)(quotes_mix(h) >> 32);
}

/* Hash of the word s[ws, we) of ASCII letters and digits (ws < we <= len). */
static inline uint32_t
quotes_hash_ascii(const char *s, size_t len, size_t ws, size_t we)
{
	uint64_t h = QUOTES_H0;
	size_t i = ws;

	for (; we - i > 8; i += 8)
		h = quotes_hash_step(h, quotes_load(s + i) | QUOTES_LOWER);
	return quotes_hash_end(quotes_hash_step(h, quotes_head(
	    quotes_load_at(s, len, i) | QUOTES_LOWER, we - i)));
}

/* A word's normalised bytes, hashed a buffer at a time as they come. */
#define QUOTES_NORM_BUF	64	/* a multiple of 8 */

struct quotes_norm {
	uint64_t h;		/* of the buffers hashed so far */
	size_t n;		/* bytes in b, < QUOTES_NORM_BUF */
	char b[QUOTES_NORM_BUF + 8];
};

/* Hash the whole chunks of the n bytes in b (a multiple of 8). */
static void
quotes_norm_hash(struct quotes_norm *nm, size_t n)
{
	size_t k;

	for (k = 0; k < n; k += 8)
		nm->h = quotes_hash_step(nm->h, quotes_load(nm->b + k));
}

static inline void
quotes_norm_byte(struct quotes_norm *nm, unsigned char c)
{
	nm->b[nm->n++] = (char)c;
	if (nm->n == QUOTES_NORM_BUF) {
		quotes_norm_hash(nm, QUOTES_NORM_BUF);
		nm->n = 0;
	}
}

/* Append the UTF-8 bytes of a character, folded (quotes_fold). */
static void
quotes_norm_char(struct quotes_norm *nm, uint32_t cp)
{
	char u[8];
	size_t k, n;

	if ((cp = quotes_fold(cp)) == 0)
		return;		/* an accent */
	n = text_utf8_encode(cp, u);
	for (k = 0; k < n; k++)
		quotes_norm_byte(nm, (unsigned char)u[k]);
}

/* The hash of all the bytes appended. */
static uint32_t
quotes_norm_end(struct quotes_norm *nm)
{
	size_t n = (nm->n + 7) & ~(size_t)7;

	memset(nm->b + nm->n, 0, n - nm->n);
	quotes_norm_hash(nm, n);
	return quotes_hash_end(nm->h);
}

/*
 * Whether an apostrophe inside a word, ending at i, joins it to what
 * follows ("don't"): a word character must come next.
 */
static int
quotes_apos_joins(const char *s, size_t len, size_t i)
{
	uint32_t cp;

	if (i >= len)
		return 0;
	quotes_decode(s + i, len - i, &cp);
	return quotes_classify(cp) == QUOTES_WORD;
}

/*
 * The general case of quotes_word_scan, a character at a time: the word
 * starts at ws and its bytes [ws, i) are ASCII letters and digits (none
 * if i == ws: a word character then starts at i). Sets *we, *hash and
 * *pos as quotes_word_scan does.
 */
static void
quotes_word_slow(const char *s, size_t len, size_t ws, size_t i,
    size_t *pos, size_t *we, uint32_t *hash)
{
	struct quotes_norm nm;
	enum quotes_class cls;
	size_t n, k;
	uint32_t cp;
	unsigned char c;
	int single = 0;

	nm.h = QUOTES_H0;
	nm.n = 0;
	for (k = ws; k < i; k++)
		quotes_norm_byte(&nm, (unsigned char)s[k] | 0x20);
	if (i == ws) {
		i += quotes_decode(s + i, len - i, &cp);
		single = quotes_spaceless(cp);
		quotes_norm_char(&nm, cp);
	}
	*we = len;
	while (i < len) {
		c = (unsigned char)s[i];
		if (c < 0x80 && (single || c != '\'')) {
			if (quotes_ascii_word((char)c) && !single) {
				quotes_norm_byte(&nm, c | 0x20);
				i++;
				continue;
			}
			/* An ASCII separator ends the word and is passed;
			 * after a spaceless letter, so does any ASCII. */
			*we = i;
			i += !quotes_ascii_word((char)c);
			break;
		}
		n = quotes_decode(s + i, len - i, &cp);
		cls = quotes_classify(cp);
		if (cls == QUOTES_APOS && !single &&
		    quotes_apos_joins(s, len, i + n)) {
			i += n;		/* "don't": one word */
			continue;
		}
		if (cls == QUOTES_WORD) {
			/* After a spaceless letter only its marks go on;
			 * a spaceless letter starts a word of its own. */
			if (single ? !quotes_mark(cp) : quotes_spaceless(cp)) {
				*we = i;
				break;
			}
			quotes_norm_char(&nm, cp);
			i += n;
			continue;
		}
		*we = i;
		i += n;
		break;
	}
	*pos = i;
	*hash = quotes_norm_end(&nm);
}

/*
 * Find the next word of s[*pos, len): sets its bytes [*ws, *we) and the
 * hash of its normalised form, moves *pos past it. Returns 0 when there
 * is none. Starting at a word's first byte gives that same word.
 *
 * A word of ASCII letters and digits ended by a separator (most words)
 * is found and hashed 8 bytes at a time; any other goes through
 * quotes_word_slow.
 */
static inline int
quotes_word_scan(const char *s, size_t len, size_t *pos, size_t *ws,
    size_t *we, uint32_t *hash)
{
	size_t i = *pos, j, n;
	uint32_t cp;

	while (i < len) {
		i = quotes_skip_ascii_sep(s, len, i);
		if (i == len)
			break;
		if ((unsigned char)s[i] < 0x80) {	/* a letter or digit */
			*ws = i;
			j = quotes_ascii_run(s, len, i);
			if (j == len || ((unsigned char)s[j] < 0x80 &&
			    s[j] != '\'')) {
				*we = j;
				*hash = quotes_hash_ascii(s, len, i, j);
				*pos = j + (j < len);
				return 1;
			}
			if ((unsigned char)s[j] >= 0x80) {
				n = quotes_decode(s + j, len - j, &cp);
				if (quotes_classify(cp) == QUOTES_SEP) {
					*we = j;	/* "word—" */
					*hash = quotes_hash_ascii(s, len, i, j);
					*pos = j + n;
					return 1;
				}
			}
			quotes_word_slow(s, len, i, j, pos, we, hash);
			return 1;
		}
		n = quotes_decode(s + i, len - i, &cp);
		if (quotes_classify(cp) == QUOTES_WORD) {
			*ws = i;
			quotes_word_slow(s, len, i, i, pos, we, hash);
			return 1;
		}
		i += n;		/* a separator, or an apostrophe outside a word */
	}
	*pos = len;
	return 0;
}

/*
 * Bulk tokenising (quotes_tokenize): the same words as quotes_word_scan,
 * found 64 bytes at a time. Each block gets two bit masks (bit k: byte
 * k of the block): the ASCII letters and digits, and the "slow" bytes,
 * non-ASCII or apostrophes, which only quotes_word_scan reads. Before the
 * first slow byte, a word is a run of mask bits after a separator and
 * ends at an ASCII separator or the end of the text, so the words there
 * come straight from the mask, with no loop from byte to byte and no
 * dependency from one word's end to the next word's search.
 */
#define QUOTES_BLOCK	64

/* The top bits of m (QUOTES_HIGH bits only) as 8 bits: byte k in bit k. */
static inline uint64_t
quotes_gather(uint64_t m)
{
	return ((m >> 7) * 0x0102040810204080ULL) >> 56;
}

/* The top bit of each byte of chunk x that is an apostrophe or >= 0x80. */
static inline uint64_t
quotes_slow_bytes(uint64_t x)
{
	uint64_t a = x ^ ('\'' * QUOTES_ONES), low = ~QUOTES_HIGH;

	/* A byte of a is zero (an apostrophe in x) iff neither it nor the
	 * sum of its low seven bits and 0x7f has its top bit set. */
	return (x | ~(((a & low) + low) | a)) & QUOTES_HIGH;
}

/*
 * The masks of s[i, i + 64): *word of the ASCII letters and digits,
 * *slow of the slow bytes. Bytes at or after len are in neither.
 */
static inline void
quotes_block_masks(const char *s, size_t len, size_t i, uint64_t *word,
    uint64_t *slow)
{
	uint64_t x, w = 0, h = 0;
	unsigned c;

	for (c = 0; c < QUOTES_BLOCK; c += 8, i += 8) {
		if (i >= len)
			break;
		x = len - i >= 8 ? quotes_load(s + i) :
		    quotes_load_at(s, len, i);
		w |= quotes_gather(quotes_word_bytes(x)) << c;
		h |= quotes_gather(quotes_slow_bytes(x)) << c;
	}
	*word = w;
	*slow = h;
}

/* Append the word [off + ws, off + we) to q->w. Returns 0 to stop. */
static inline int
quotes_word_add(struct quotes *q, uint32_t off, size_t ws, size_t we,
    uint32_t hash)
{
	struct quotes_word *w;

	if (quotes_stop_at(q, (uint32_t)q->nw))
		return 0;
	if (q->nw == q->capw)
		q->w = xgrow(q->w, &q->capw, q->nw + 1, sizeof *q->w);
	w = &q->w[q->nw++];
	w->start = off + (uint32_t)ws;
	w->end = off + (uint32_t)we;
	w->hash = hash;
	return 1;
}

/*
 * The words of the block at base that start at or after its byte *cur (a
 * place quotes_word_scan may start from) and end before the block's
 * first slow byte at or after *cur and before the block's end; moves
 * *cur to the end of the last one. Returns the index of that slow byte
 * (QUOTES_BLOCK if none), or -1 to stop.
 */
static int
quotes_block_words(struct quotes *q, uint32_t off, size_t len, size_t base,
    uint64_t word, uint64_t slow, unsigned *cur)
{
	const char *s = q->buf + off;
	uint64_t from = ~0ULL << *cur, starts;
	unsigned st, e, hfirst;

	slow &= from;
	hfirst = slow != 0 ? quotes_low_bit(slow) : QUOTES_BLOCK;
	/* A word starts after a byte that is not a letter or digit; the
	 * byte before *cur never is one. */
	starts = word & ~(word << 1) & from;
	for (; starts != 0; starts &= starts - 1) {
		st = quotes_low_bit(starts);
		if (st >= hfirst)
			break;
		e = st == 0 && word == ~0ULL ? QUOTES_BLOCK :
		    st + quotes_low_bit(~(word >> st));
		if (e >= hfirst)
			break;	/* it goes on into a slow byte or may go on
				 * past the block */
		if (!quotes_word_add(q, off, base + st, base + e,
		    quotes_hash_ascii(s, len, base + st, base + e)))
			return -1;
		*cur = e;
	}
	if (starts == 0 && hfirst == QUOTES_BLOCK)
		*cur = QUOTES_BLOCK;	/* none reaches the end */
	return (int)hfirst;
}

/* Append the words of the bytes [off, off + len) of one source line. */
static void
quotes_tokenize(struct quotes *q, uint32_t off, uint32_t len)
{
	const char *s = q->buf + off;
	uint64_t word, slow;
	size_t base, pos = 0, until, ws, we;
	uint32_t hash;
	unsigned cur;
	int h;

	while (pos < len) {
		base = pos;
		cur = 0;
		quotes_block_masks(s, len, base, &word, &slow);
		for (;;) {
			h = quotes_block_words(q, off, len, base, word, slow,
			    &cur);
			if (h < 0)
				return;
			pos = base + cur;
			if (h == QUOTES_BLOCK && cur > 0)
				break;		/* on to the next block */
			/* Word by word through a slow byte, or through a
			 * word that reaches the block's end with none taken
			 * before it. */
			until = h == QUOTES_BLOCK ? pos : base + (size_t)h;
			do {
				if (!quotes_word_scan(s, len, &pos, &ws, &we,
				    &hash))
					return;
				if (!quotes_word_add(q, off, ws, we, hash))
					return;
			} while (pos <= until);
			if (pos - base >= QUOTES_BLOCK)
				break;
			cur = (unsigned)(pos - base);	/* same masks */
		}
	}
}

/* Span k of unit u. */
static struct span
quotes_unit_span(const struct quotes *q, const struct quotes_unit *u,
    uint32_t k)
{
	struct span sp;

	if (u->kind == DOC_SOURCE_ARTICLE) {
		sp.off = u->start;
		sp.len = u->end - u->start;
		return sp;
	}
	return q->d->lines[q->d->paras[u->index].lines.first + k];
}

static uint32_t
quotes_unit_nspans(const struct quotes *q, const struct quotes_unit *u)
{
	return u->kind == DOC_SOURCE_ARTICLE ? 1 :
	    (uint32_t)q->d->paras[u->index].lines.n;
}

/* Append the words of unit u to q->w, setting u->wfirst and u->wn. */
static void
quotes_unit_words(struct quotes *q, struct quotes_unit *u)
{
	struct span sp;
	uint32_t k;

	u->wfirst = q->nw;
	for (k = 0; k < quotes_unit_nspans(q, u); k++) {
		sp = quotes_unit_span(q, u, k);
		quotes_tokenize(q, sp.off, sp.len);
	}
	u->wn = q->nw - u->wfirst;
}

/* Add a unit over the lines [lfirst, lfirst + ln) or the span text. */
static void
quotes_unit_add(struct quotes *q, enum doc_source_kind kind, struct span text,
    uint32_t lfirst, uint32_t ln, uint32_t index, uint32_t comment)
{
	struct quotes_unit *u;
	struct span sp;
	uint32_t k;
	uint64_t bytes = 0;

	q->u = xgrow(q->u, &q->capu, q->nu + 1, sizeof *q->u);
	u = &q->u[q->nu];
	memset(u, 0, sizeof *u);
	u->kind = (uint8_t)kind;
	u->index = index;
	u->comment = comment;
	u->start = UINT32_MAX;
	for (k = 0; k < (kind == DOC_SOURCE_ARTICLE ? 1 : ln); k++) {
		sp = kind == DOC_SOURCE_ARTICLE ? text : q->d->lines[lfirst + k];
		if (sp.len == 0)
			continue;
		if (sp.off < u->start)
			u->start = sp.off;
		if (sp.off + sp.len > u->end)
			u->end = sp.off + sp.len;
		bytes += sp.len;
	}
	if (bytes == 0)
		return;		/* no words: never a source nor scanned */
	q->total += bytes;
	q->nu++;
}

/*
 * The units of the article: paragraphs, block quotes, and each clause's
 * original and translation (two units, in buffer order: the original
 * comes first on its line or on the line before).
 */
static void
quotes_split_article(struct quotes *q)
{
	const struct doc *d = q->d;
	const struct doc_block *b;
	const struct doc_clause *c;
	size_t i, j;

	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->kind != DOC_BLOCK_CLAUSES) {
			quotes_unit_add(q, DOC_SOURCE_ARTICLE, b->text, 0, 0,
			    i, 0);
			continue;
		}
		for (j = 0; j < b->nclauses &&
		    (size_t)b->first_clause + j < d->nclauses; j++) {
			c = &d->clauses[b->first_clause + j];
			quotes_unit_add(q, DOC_SOURCE_ARTICLE, c->original,
			    0, 0, i, 0);
			quotes_unit_add(q, DOC_SOURCE_ARTICLE, c->translation,
			    0, 0, i, 0);
		}
	}
}

/* The units of every comment paragraph, comment by comment. */
static void
quotes_split_comments(struct quotes *q)
{
	const struct doc *d = q->d;
	const struct doc_comment *c;
	const struct doc_para *p;
	struct span none = { 0, 0 };
	size_t i, j;

	for (i = 0; i < d->ncomments; i++) {
		c = &d->comments[i];
		for (j = 0; j < c->npara; j++) {
			p = &d->paras[c->first_para + j];
			quotes_unit_add(q, DOC_SOURCE_COMMENT, none,
			    p->lines.first, p->lines.n, c->first_para + j, i);
		}
	}
}

static int
quotes_u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The page index of the units ordered by start: quotes_unit_at looks only
 * between bypage[p] - 1 and bypage[p + 1] for an offset in page p, a few
 * units in one stretch of memory instead of a search of all of them (one
 * look-up per verified match, two in a row that miss the cache on every
 * step of a search of 400,000 units).
 */
static void
quotes_units_pages(struct quotes *q)
{
	size_t np = ((size_t)q->d->len >> QUOTES_PAGE_SHIFT) + 2, p, k = 0;

	q->bypage = xreallocarray(NULL, np, sizeof *q->bypage);
	for (p = 0; p < np; p++) {
		while (k < q->nu && (uint64_t)q->u[q->byoff[k]].start <
		    ((uint64_t)p << QUOTES_PAGE_SHIFT))
			k++;
		q->bypage[p] = (uint32_t)k;
	}
}

/* Order the units by start, for quotes_unit_at. */
static void
quotes_units_order(struct quotes *q)
{
	uint64_t *pairs;
	size_t i;
	int sorted = 1;

	q->byoff = xreallocarray(NULL, q->nu + 1, sizeof *q->byoff);
	for (i = 0; i < q->nu; i++) {
		q->byoff[i] = i;
		if (i > 0 && q->u[i].start < q->u[i - 1].start)
			sorted = 0;
	}
	if (!sorted) {
		pairs = xreallocarray(NULL, q->nu, sizeof *pairs);
		for (i = 0; i < q->nu; i++)
			pairs[i] = (uint64_t)q->u[i].start << 32 | i;
		qsort(pairs, q->nu, sizeof *pairs, quotes_u64_cmp);
		for (i = 0; i < q->nu; i++)
			q->byoff[i] = (uint32_t)pairs[i];
		free(pairs);
	}
	quotes_units_pages(q);
}

/* Whether a word starting at off belongs to unit u. */
static int
quotes_unit_has(const struct quotes *q, const struct quotes_unit *u,
    uint32_t off)
{
	struct span sp;
	uint32_t k;

	if (off < u->start || off >= u->end)
		return 0;
	for (k = 0; k < quotes_unit_nspans(q, u); k++) {
		sp = quotes_unit_span(q, u, k);
		if (off >= sp.off && off < sp.off + sp.len)
			return 1;
	}
	return 0;
}

/* The unit holding the word that starts at byte off. */
static const struct quotes_unit *
quotes_unit_at(const struct quotes *q, uint32_t off)
{
	size_t p = off >> QUOTES_PAGE_SHIFT, lo, hi, mid, i;

	lo = q->bypage[p] > 0 ? q->bypage[p] - 1 : 0;
	hi = q->bypage[p + 1] > lo ? q->bypage[p + 1] : lo + 1;
	if (hi > q->nu)
		hi = q->nu;
	while (hi - lo > 1) {	/* start of byoff[lo] <= off, if any is */
		mid = lo + (hi - lo) / 2;
		if (q->u[q->byoff[mid]].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	if (quotes_unit_has(q, &q->u[q->byoff[lo]], off))
		return &q->u[q->byoff[lo]];
	for (i = 0; i < q->nu; i++)	/* units overlap: never in practice */
		if (quotes_unit_has(q, &q->u[i], off))
			return &q->u[i];
	return &q->u[q->byoff[lo]];
}

/* Start reading the words of the unit holding off at the word at off. */
static void
quotes_iter_at(struct quotes_iter *it, const struct quotes *q, uint32_t off)
{
	const struct quotes_unit *u = quotes_unit_at(q, off);
	struct span sp;
	uint32_t k, n = quotes_unit_nspans(q, u);

	it->q = q;
	it->u = u;
	for (k = 0; k + 1 < n; k++) {
		sp = quotes_unit_span(q, u, k);
		if (off >= sp.off && off < sp.off + sp.len)
			break;
	}
	sp = quotes_unit_span(q, u, k);
	it->k = k;
	it->pos = off >= sp.off ? off - sp.off : 0;
}

/* The next word of the unit into *w; 0 at its end. */
static int
quotes_iter_next(struct quotes_iter *it, struct quotes_word *w)
{
	const struct quotes *q = it->q;
	struct span sp;
	size_t ws, we;
	uint32_t n = quotes_unit_nspans(q, it->u);

	while (it->k < n) {
		sp = quotes_unit_span(q, it->u, it->k);
		if (quotes_word_scan(q->buf + sp.off, sp.len, &it->pos, &ws,
		    &we, &w->hash)) {
			w->start = sp.off + ws;
			w->end = sp.off + we;
			return 1;
		}
		it->k++;
		it->pos = 0;
	}
	return 0;
}

/* Bloom filters of n 64-bit words: four bits of one word per key. */
static size_t
quotes_bloom_index(size_t n, uint64_t key)
{
	return (size_t)(((key >> 32) * (uint64_t)n) >> 32);
}

static uint64_t
quotes_bloom_mask(uint64_t key)
{
	return (1ULL << (key & 63)) | (1ULL << ((key >> 6) & 63)) |
	    (1ULL << ((key >> 12) & 63)) | (1ULL << ((key >> 18) & 63));
}

/*
 * Add key; returns whether it may have been there already. Safe for two
 * threads at once: the or is atomic, so of two adds of one key the later
 * sees the bits of the earlier.
 */
static int
quotes_bloom_add(uint64_t *f, size_t n, uint64_t key)
{
	uint64_t *w = &f[quotes_bloom_index(n, key)];
	uint64_t m = quotes_bloom_mask(key), old;

#if defined(__GNUC__)
	if ((__atomic_load_n(w, __ATOMIC_RELAXED) & m) == m)
		return 1;
	old = __atomic_fetch_or(w, m, __ATOMIC_RELAXED);
#else
	old = *w;
	*w |= m;
#endif
	return (old & m) == m;
}

static int
quotes_bloom_has(const uint64_t *f, size_t n, uint64_t key)
{
	uint64_t m = quotes_bloom_mask(key);

	return (f[quotes_bloom_index(n, key)] & m) == m;
}

static void
quotes_table_init(struct quotes_table *t, size_t n)
{
	/* Load factor at most 4/5 (n counts repeated keys, so it is lower
	 * in practice). n < 2^31 (a word and a separator take two of at
	 * most 2^32 bytes), so cap < 2^32 and the multiply-shift in
	 * quotes_table_slot cannot overflow. */
	t->cap = n + n / 4 + 16;
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

static uint64_t
quotes_key(uint64_t g)
{
	uint64_t key = quotes_mix(g);

	return key != 0 ? key : 1;
}

/*
 * Fill q->key for the windows of unit u: key[i] is the window of words
 * [i, i + QUOTES_K), the polynomial sum of mix(hash) * QUOTES_P^(K-1-j)
 * over its words j, mixed (quotes_key), rolled a word at a time (rolling
 * is exact: the same as started afresh). Each word is mixed once; the
 * last QUOTES_K mixed words are kept in a ring for the roll.
 */
static void
quotes_unit_keys(struct quotes *q, const struct quotes_unit *u)
{
	uint64_t ring[QUOTES_K], g = 0, m;
	uint32_t i, slot = 0;

	q->key = xgrow(q->key, &q->capk, q->nw, sizeof *q->key);
	/* 0 (never a key: quotes_key) where no window starts: the last
	 * words, so loops over the keys of several units can skip them. */
	for (i = u->wn >= QUOTES_K ? u->wn - QUOTES_K + 1 : 0; i < u->wn; i++)
		q->key[u->wfirst + i] = 0;
	if (u->wn < QUOTES_K)
		return;
	for (i = 0; i < u->wn; i++) {
		m = quotes_mix(q->w[u->wfirst + i].hash);
		if (i >= QUOTES_K)
			g -= ring[slot] * q->pk;	/* the oldest word */
		g = g * QUOTES_P + m;
		ring[slot] = m;
		if (++slot == QUOTES_K)
			slot = 0;
		if (i + 1 >= QUOTES_K)
			q->key[u->wfirst + i + 1 - QUOTES_K] = quotes_key(g);
	}
}

/*
 * The windows of a unit read straight from the buffer, a word at a time,
 * with the last QUOTES_K words in a ring: for an article unit of at least
 * QUOTES_STREAM_MIN bytes (a huge paragraph), whose words are not held,
 * so passes one and two (indexing) take O(1) memory for it. The keys are
 * exactly those of quotes_unit_keys (the same rolling hash), in the same
 * order, so the answers do not change.
 */
#define QUOTES_STREAM_MIN	(8u << 20)

struct quotes_stream {
	struct quotes_iter it;
	uint64_t mixed[QUOTES_K];	/* ring: the last words, mixed */
	uint32_t start[QUOTES_K];	/* and their first bytes */
	uint32_t n;			/* words read */
	uint64_t g;			/* the window hash so far */
};

/* Whether unit u's windows are streamed (k: its index, uc: first comment). */
static int
quotes_streamed(const struct quotes_unit *u, size_t k, size_t uc)
{
	return k < uc && u->end - u->start >= QUOTES_STREAM_MIN;
}

static void
quotes_stream_init(struct quotes_stream *st, const struct quotes *q,
    const struct quotes_unit *u)
{
	memset(st, 0, sizeof *st);
	st->it.q = q;
	st->it.u = u;
}

/* The next window: its key and its first word's first byte; 0 at the end. */
static int
quotes_stream_next(struct quotes_stream *st, uint64_t *key, uint32_t *start)
{
	struct quotes_word w;
	uint64_t m;
	uint32_t slot;

	while (quotes_iter_next(&st->it, &w)) {
		m = quotes_mix(w.hash);
		slot = st->n % QUOTES_K;	/* the oldest word's slot */
		if (st->n >= QUOTES_K)
			st->g -= st->mixed[slot] * st->it.q->pk;
		st->g = st->g * QUOTES_P + m;
		st->mixed[slot] = m;
		st->start[slot] = w.start;
		st->n++;
		if (st->n >= QUOTES_K) {
			*key = quotes_key(st->g);
			*start = st->start[st->n % QUOTES_K];
			return 1;
		}
	}
	return 0;
}

/* Bloom and table look-ups miss the cache: ask for them early. */
#define QUOTES_AHEAD	16
#if defined(__GNUC__)
#define QUOTES_PREFETCH(p)	__builtin_prefetch(p)
#else
#define QUOTES_PREFETCH(p)	((void)(p))
#endif

/*
 * Pass one over units [from, to): adds every window to the Bloom filter
 * and collects the candidate keys, windows seen before (the filter may
 * say so wrongly, never the other way). q is this worker's own copy (its
 * own word and key buffers; units shared, each touched by one worker).
 *
 * Repeats: a key is listed again each time it is seen again, unless it
 * is still in `recent`, a cache of the keys listed lately (QUOTES_RECENT
 * of them, in sets of QUOTES_WAYS chosen by key; a new key pushes out the
 * oldest of its set). So text repeated many times (a signature, a pasted
 * paragraph, a bot's message in every comment) lists its keys about once,
 * not once per copy: the list, and the sort that drops its repeats
 * (quotes_unique), grow with the distinct keys. A repeated block of more
 * than about QUOTES_RECENT windows may still be listed once per copy.
 */
#define QUOTES_RECENT	(1u << 16)
#define QUOTES_PASS1_BATCH	8192	/* words tokenised at a time */
#define QUOTES_WAYS	4

struct quotes_pass1 {
	struct quotes q;
	uint64_t *bloom;
	size_t nb, from, to;
	size_t uc;		/* first comment unit */
	uint64_t *cand;
	size_t ncand, capc;
	uint64_t *recent;	/* QUOTES_RECENT keys, 0: none */
};

/* Pass one for one window: into the filter; a candidate if seen before. */
static void
quotes_pass1_add(struct quotes_pass1 *p1, uint64_t key)
{
	uint64_t *r;
	unsigned w;

	if (!quotes_bloom_add(p1->bloom, p1->nb, key))
		return;
	r = &p1->recent[((key >> 24) & (QUOTES_RECENT / QUOTES_WAYS - 1)) *
	    QUOTES_WAYS];
	for (w = 0; w < QUOTES_WAYS; w++)
		if (r[w] == key)
			return;		/* listed lately */
	memmove(r + 1, r, (QUOTES_WAYS - 1) * sizeof *r);
	r[0] = key;
	p1->cand = xgrow(p1->cand, &p1->capc, p1->ncand + 1,
	    sizeof *p1->cand);
	p1->cand[p1->ncand++] = key;
}

/* Pass one over a streamed unit (quotes_stream). */
static void
quotes_pass1_stream(struct quotes_pass1 *p1, const struct quotes_unit *u)
{
	struct quotes_stream st;
	uint64_t key;
	uint32_t start, steps = 0;

	quotes_stream_init(&st, &p1->q, u);
	while (quotes_stream_next(&st, &key, &start)) {
		if (quotes_stop_at(&p1->q, steps++))
			return;
		quotes_pass1_add(p1, key);
	}
}

static void *
quotes_pass1_run(void *arg)
{
	struct quotes_pass1 *p1 = arg;
	struct quotes *q = &p1->q;
	size_t ui, nb = p1->nb;
	uint32_t i;

	for (ui = p1->from; ui < p1->to; ui++) {
		if (quotes_cancelled(q))
			break;
		if (quotes_streamed(&q->u[ui], ui, p1->uc)) {
			quotes_pass1_stream(p1, &q->u[ui]);
			continue;
		}
		/* A batch of units, so that look-ups are asked for early
		 * across unit ends too (keys 0: no window there). */
		q->nw = 0;
		for (; ui < p1->to && q->nw < QUOTES_PASS1_BATCH &&
		    !quotes_streamed(&q->u[ui], ui, p1->uc); ui++) {
			quotes_unit_words(q, &q->u[ui]);
			quotes_unit_keys(q, &q->u[ui]);
		}
		ui--;
		for (i = 0; i < q->nw; i++) {
			if (quotes_stop_at(q, i))
				break;
			if (i + QUOTES_AHEAD < q->nw)
				QUOTES_PREFETCH(&p1->bloom[quotes_bloom_index(
				    nb, q->key[i + QUOTES_AHEAD])]);
			if (q->key[i] != 0)
				quotes_pass1_add(p1, q->key[i]);
		}
	}
	free(q->w);
	free(q->key);
	return NULL;
}

/*
 * Sort the n keys of *a and drop repeats (so the table is sized by the
 * distinct keys: a key quoted k times is a candidate k - 1 times).
 * Returns the new count.
 */
static size_t
quotes_unique(uint64_t **a, size_t n)
{
	uint64_t *k = *a, *tmp, *t;
	size_t i, m = 0, sum, c, *count;
	unsigned shift;

	if (n == 0)
		return 0;
	/* LSD radix sort, 16 bits a pass. */
	tmp = xreallocarray(NULL, n, sizeof *tmp);
	count = xreallocarray(NULL, 65536, sizeof *count);
	for (shift = 0; shift < 64; shift += 16) {
		memset(count, 0, 65536 * sizeof *count);
		for (i = 0; i < n; i++)
			count[(k[i] >> shift) & 0xffff]++;
		for (sum = 0, i = 0; i < 65536; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			tmp[count[(k[i] >> shift) & 0xffff]++] = k[i];
		t = k;
		k = tmp;
		tmp = t;
	}
	free(tmp);
	free(count);
	for (i = 0; i < n; i++)
		if (m == 0 || k[i] != k[m - 1])
			k[m++] = k[i];
	*a = xreallocarray(k, m, sizeof *k);
	return m;
}

/* Below this many bytes pass one does not start a second thread. */
#define QUOTES_THREAD_MIN	(4u << 20)

/*
 * Pass one over all units, in two threads for a large document (units
 * split at half the bytes). Returns the candidate keys in a new array.
 */
static size_t
quotes_candidates(struct quotes *q, size_t uc, uint64_t **candp)
{
	struct quotes_pass1 p1[2];
	pthread_t th;
	uint64_t *bloom, half = 0;
	size_t nb, k, split = q->nu;
	int threaded = 0;

	nb = q->total * 3 / 2 / 64 + 1;	/* ~10 bits a window */
	if (nb > UINT32_MAX)
		nb = UINT32_MAX;
	bloom = xcalloc(nb, sizeof *bloom);
	if (q->total >= QUOTES_THREAD_MIN) {
		for (split = 0; split < q->nu && half < q->total / 2; split++)
			half += q->u[split].end - q->u[split].start;
	}
	for (k = 0; k < 2; k++) {
		memset(&p1[k], 0, sizeof p1[k]);
		p1[k].q = *q;
		p1[k].q.w = NULL;
		p1[k].q.nw = p1[k].q.capw = 0;
		p1[k].q.key = NULL;
		p1[k].q.capk = 0;
		p1[k].bloom = bloom;
		p1[k].nb = nb;
		p1[k].recent = xcalloc(QUOTES_RECENT, sizeof *p1[k].recent);
		p1[k].uc = uc;
	}
	p1[0].from = 0;
	p1[0].to = split;
	p1[1].from = split;
	p1[1].to = q->nu;
	if (split < q->nu && pthread_create(&th, NULL, quotes_pass1_run,
	    &p1[1]) == 0)
		threaded = 1;
	quotes_pass1_run(&p1[0]);
	if (threaded)
		pthread_join(th, NULL);
	else
		quotes_pass1_run(&p1[1]);
	free(bloom);
	free(p1[0].recent);
	free(p1[1].recent);
	p1[0].cand = xreallocarray(p1[0].cand, p1[0].ncand + p1[1].ncand + 1,
	    sizeof *p1[0].cand);
	if (p1[1].ncand > 0)
		memcpy(p1[0].cand + p1[0].ncand, p1[1].cand,
		    p1[1].ncand * sizeof *p1[1].cand);
	free(p1[1].cand);
	*candp = p1[0].cand;
	q->res->listed = p1[0].ncand + p1[1].ncand;
	return quotes_unique(candp, q->res->listed);
}

/* Pass two's table: a slot for every candidate key, nothing indexed. */
static void
quotes_table_build(struct quotes *q, const uint64_t *cand, size_t ncand)
{
	struct quotes_table *t = &q->t;
	size_t i, s;

	quotes_table_init(t, ncand);
	q->nfilter = ncand / 4 + 1;	/* 16 bits a key */
	if (q->nfilter > UINT32_MAX)
		q->nfilter = UINT32_MAX;
	q->filter = xcalloc(q->nfilter, sizeof *q->filter);
	for (i = 0; i < ncand; i++) {
		s = quotes_table_slot(t, cand[i]);
		if (t->keys[s] != 0)
			continue;
		t->keys[s] = cand[i];
		t->first[s] = QUOTES_NONE;
		t->last[s] = QUOTES_NONE;
		quotes_bloom_add(q->filter, q->nfilter, cand[i]);
	}
}

/* Index one window (its key, its first byte): first kept, latest set. */
static void
quotes_index_window(struct quotes *q, uint64_t key, uint32_t start)
{
	struct quotes_table *t = &q->t;
	size_t s;

	if (!quotes_bloom_has(q->filter, q->nfilter, key))
		return;
	s = quotes_table_slot(t, key);
	if (t->keys[s] == 0)
		return;		/* occurs once: never looked up */
	if (t->first[s] == QUOTES_NONE)
		t->first[s] = start;
	t->last[s] = start;
}

/*
 * Fill q->cslot for every window of the words in q->w (keys in q->key,
 * 0 where no window starts): the table and its filter do not change in
 * pass two, so this runs ahead of the scan, where a run is made.
 */
static void
quotes_cslots(struct quotes *q)
{
	uint32_t i;
	size_t s;

	q->cslot = xgrow(q->cslot, &q->capcs, q->nw, sizeof *q->cslot);
	for (i = 0; i < q->nw; i++) {
		if (i + QUOTES_AHEAD < q->nw)
			QUOTES_PREFETCH(&q->filter[quotes_bloom_index(
			    q->nfilter, q->key[i + QUOTES_AHEAD])]);
		q->cslot[i] = QUOTES_NONE;
		if (q->key[i] == 0 ||
		    !quotes_bloom_has(q->filter, q->nfilter, q->key[i]))
			continue;
		s = quotes_table_slot(&q->t, q->key[i]);
		if (q->t.keys[s] != 0)
			q->cslot[i] = (uint32_t)s;
	}
}

/* Index every window of unit u (words in q->w, slots in q->cslot). */
static void
quotes_index_unit(struct quotes *q, const struct quotes_unit *u)
{
	struct quotes_table *t = &q->t;
	uint32_t i, end = u->wfirst + u->wn, s;

	for (i = u->wfirst; i + QUOTES_K <= end; i++) {
		if ((s = q->cslot[i]) == QUOTES_NONE)
			continue;
		if (t->first[s] == QUOTES_NONE)
			t->first[s] = q->w[i].start;
		t->last[s] = q->w[i].start;
	}
}

/* quotes_index_unit for a streamed unit (quotes_stream). */
static void
quotes_index_stream(struct quotes *q, const struct quotes_unit *u)
{
	struct quotes_stream st;
	uint64_t key;
	uint32_t start, steps = 0;

	quotes_stream_init(&st, q, u);
	while (quotes_stream_next(&st, &key, &start)) {
		if (quotes_stop_at(q, steps++))
			return;
		quotes_index_window(q, key, start);
	}
}

/*
 * Words of q->w from i (before iend) matching the words the iterator
 * reads next; *endp gets the end of the last matching source word, *miss
 * the source word that did not match (*missed: there was one).
 */
static uint32_t
quotes_match_run(const struct quotes *q, struct quotes_iter *it, uint32_t i,
    uint32_t iend, uint32_t *endp, struct quotes_word *miss, int *missed)
{
	uint32_t n = 0;

	*missed = 0;
	while (i + n < iend && quotes_iter_next(it, miss)) {
		if (q->w[i + n].hash != miss->hash ||
		    !quotes_word_eq(q->buf, &q->w[i + n], miss)) {
			*missed = 1;
			break;
		}
		*endp = miss->end;
		n++;
	}
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

/* Length of the opening quotation mark that ends at b[e], or 0. */
static size_t
quotes_open_mark(const unsigned char *b, size_t from, size_t e)
{
	if (e > from && (b[e - 1] == '"' || b[e - 1] == '\''))
		return 1;
	if (e - from >= 2 && b[e - 2] == 0xc2 &&
	    (b[e - 1] == 0xab || b[e - 1] == 0xbb))
		return 2;	/* « » */
	if (e - from >= 3 && b[e - 3] == 0xe2 && b[e - 2] == 0x80 &&
	    (b[e - 1] == 0x9c || b[e - 1] == 0x98 || b[e - 1] == 0x9e))
		return 3;	/* “ ‘ „ */
	if (e - from >= 3 && b[e - 3] == 0xe3 && b[e - 2] == 0x80 &&
	    (b[e - 1] == 0x8c || b[e - 1] == 0x8e))
		return 3;	/* 「 『 */
	return 0;
}

/* Length of the closing quotation mark at b[i], or 0. */
static size_t
quotes_close_mark(const unsigned char *b, size_t i, size_t e)
{
	if (i < e && (b[i] == '"' || b[i] == '\''))
		return 1;
	if (e - i >= 2 && b[i] == 0xc2 && (b[i + 1] == 0xbb ||
	    b[i + 1] == 0xab))
		return 2;	/* » « */
	if (e - i >= 3 && b[i] == 0xe2 && b[i + 1] == 0x80 &&
	    (b[i + 2] == 0x9d || b[i + 2] == 0x99 || b[i + 2] == 0x9c))
		return 3;	/* ” ’ “ */
	if (e - i >= 3 && b[i] == 0xe3 && b[i + 1] == 0x80 &&
	    (b[i + 2] == 0x8d || b[i + 2] == 0x8f))
		return 3;	/* 」 』 */
	return 0;
}

/*
 * Whether the comment sets the words [i, i + n) in quotation marks of
 * their own: an opening mark right before the first word (spaces
 * between allowed) and a closing one right after the last (after at most
 * QUOTES_FRAME_PUNCT marks of final punctuation, quotes_final_punct), on
 * the same lines. Looks at a bounded number of bytes.
 */
#define QUOTES_FRAME_PUNCT	6

/*
 * Length of the sentence punctuation s starts with (len > 0), or 0: . , ;
 * : ! ? and …, their ideographic and fullwidth forms (。 、 ！ ？ ， ； ：
 * ．), the Arabic comma, semicolon and question mark, the Urdu full stop
 * and the Devanagari dandas.
 */
static size_t
quotes_final_punct(const char *s, size_t len)
{
	uint32_t cp;
	size_t k;

	if (*s != '\0' && strchr(".,;:!?", *s) != NULL)
		return 1;
	if ((unsigned char)*s < 0x80)
		return 0;
	k = text_utf8_decode(s, len, &cp);
	switch (cp) {
	case 0x2026: case 0x3001: case 0x3002: case 0xff01: case 0xff0c:
	case 0xff0e: case 0xff1a: case 0xff1b: case 0xff1f: case 0x060c:
	case 0x061b: case 0x061f: case 0x06d4: case 0x0964: case 0x0965:
		return k;
	default:
		return 0;
	}
}

static int
quotes_framed(const struct quotes *q, uint32_t i, uint32_t n)
{
	const unsigned char *b = (const unsigned char *)q->buf;
	size_t s = q->w[i].start, e = q->w[i + n - 1].end, len = q->d->len;
	size_t k, m, lim = s > 16 ? s - 16 : 0;

	while (s > lim && (b[s - 1] == ' ' || b[s - 1] == '\t'))
		s--;
	if (quotes_open_mark(b, lim, s) == 0)
		return 0;
	for (k = 0; k < QUOTES_FRAME_PUNCT && e < len &&
	    (m = quotes_final_punct(q->buf + e, len - e)) > 0; k++)
		e += m;
	return quotes_close_mark(b, e, len) > 0;
}

/*
 * A passage too short by letters for the rule may still be linked when
 * the comment puts it in quotation marks: then QUOTES_MIN_WORDS words
 * and QUOTES_FRAMED_CHARS letters are enough (quotes.h).
 */
static int
quotes_quoted_enough(const struct quotes *q, uint32_t i, uint32_t n)
{
	return n >= QUOTES_MIN_WORDS && quotes_framed(q, i, n) &&
	    quotes_chars(q, i, n) >= QUOTES_FRAMED_CHARS;
}

/*
 * The source word at ws did not match, and the last one that did ended
 * at prev: if a bracket opens between them, on ws's line, and closes
 * after ws on that line (it holds words the comment left out), move the
 * iterator past it and return 1. Brackets nest as in the notes of a
 * translation (parse_text.c): the bracket is the outermost one open at ws
 * that opened after prev, and it ends where its own ']' closes it, so
 * "[a [b] c]" is passed over as a whole; a bracket not closed within the
 * bound is not passed over. Reads at most 2 * QUOTES_BRACKET_MAX bytes,
 * each once, so skipping costs a constant per link.
 */
static int
quotes_bracket_skip(const struct quotes *q, struct quotes_iter *it,
    uint32_t prev, uint32_t ws)
{
	struct span sp = quotes_unit_span(q, it->u, it->k);
	const char *p, *open = NULL, *end;
	uint32_t from = prev > sp.off ? prev : sp.off;
	size_t depth = 0;

	if (ws <= from)
		return 0;
	if (ws - from > QUOTES_BRACKET_MAX)
		from = ws - QUOTES_BRACKET_MAX;
	for (p = q->buf + from; p < q->buf + ws; p++) {
		if (*p == '[' && depth++ == 0)
			open = p;
		else if (*p == ']' && depth > 0)
			depth--;
	}
	if (depth == 0)
		return 0;
	end = q->buf + sp.off + sp.len;
	if (end - open > QUOTES_BRACKET_MAX)
		end = open + QUOTES_BRACKET_MAX;
	for (; p < end; p++) {
		if (*p == '[')
			depth++;
		else if (*p == ']' && --depth == 0) {
			it->pos = (size_t)(p + 1 - (q->buf + sp.off));
			return 1;
		}
	}
	return 0;
}

/*
 * Words of q->w from i (before iend) matching the words of the earlier
 * unit from the word at byte off on; *endp gets the end of the last
 * matching source word. A bracket of the source that the comment leaves
 * out is passed over when the words before it (since the start or the
 * last bracket) and the words after it are each long enough (quotes.h).
 */
static uint32_t
quotes_extend(const struct quotes *q, uint32_t i, uint32_t iend,
    uint32_t off, uint32_t *endp)
{
	struct quotes_iter it;
	struct quotes_word sw;
	uint32_t n, m, piece, e;
	int missed;

	quotes_iter_at(&it, q, off);
	n = piece = quotes_match_run(q, &it, i, iend, endp, &sw, &missed);
	while (missed && quotes_long_enough(q, i + n - piece, piece) &&
	    quotes_bracket_skip(q, &it, *endp, sw.start)) {
		e = *endp;
		m = quotes_match_run(q, &it, i + n, iend, &e, &sw, &missed);
		if (!quotes_long_enough(q, i + n, m))
			break;
		n += m;
		piece = m;
		*endp = e;
	}
	return n;
}

/*
 * Record the passage of n words at i (unit u) quoting the bytes
 * [src, srcend) of an earlier unit.
 */
static void
quotes_link_add(struct quotes *q, const struct quotes_unit *u, uint32_t i,
    uint32_t src, uint32_t srcend, uint32_t n, struct quotes_reply *r)
{
	const struct quotes_unit *su = quotes_unit_at(q, src);
	struct quotes_result *res = q->res;
	struct doc_link *l;

	res->links = xgrow(res->links, &res->caplinks, res->nlinks + 1,
	    sizeof *res->links);
	l = &res->links[res->nlinks++];
	memset(l, 0, sizeof *l);

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
	l->source_start = src;
	l->source_end = srcend;
}

/*
 * Choose between the first and the latest occurrence of the window at i:
 * the longer match wins; the article wins a tie (it holds the whole
 * passage), otherwise the latest comment does. Sets *src and *srcend,
 * returns the length in words.
 */
static uint32_t
quotes_source(const struct quotes *q, uint32_t i, uint32_t iend,
    uint32_t first, uint32_t last, uint32_t *src, uint32_t *srcend)
{
	uint32_t nf, nl, n, ef = 0, el = 0;

	nf = quotes_extend(q, i, iend, first, &ef);
	if (first != last)
		nl = quotes_extend(q, i, iend, last, &el);
	else {
		nl = nf;
		el = ef;
	}
	n = nf > nl ? nf : nl;
	if (nf == n && quotes_unit_at(q, first)->kind == DOC_SOURCE_ARTICLE) {
		*src = first;
		*srcend = ef;
	} else if (nl == n) {
		*src = last;
		*srcend = el;
	} else {
		*src = first;
		*srcend = ef;
	}
	return n;
}

/* Find the passages of unit u (a comment paragraph) quoting earlier text. */
static void
quotes_scan_unit(struct quotes *q, const struct quotes_unit *u,
    struct quotes_reply *r)
{
	const struct quotes_table *t = &q->t;
	uint32_t i = u->wfirst, end = u->wfirst + u->wn, n, src, srcend;
	uint32_t steps = 0, s;

	while (i + QUOTES_K <= end) {
		if (quotes_stop_at(q, steps++))
			return;
		s = q->cslot[i];
		if (s != QUOTES_NONE && t->first[s] != QUOTES_NONE) {
			n = quotes_source(q, i, end, t->first[s], t->last[s],
			    &src, &srcend);
			if (quotes_long_enough(q, i, n) ||
			    quotes_quoted_enough(q, i, n)) {
				quotes_link_add(q, u, i, src, srcend, n, r);
				i += n;
				continue;
			}
		}
		i++;
	}
}

static void
quotes_free(struct quotes *q)
{
	free(q->w);
	free(q->key);
	free(q->u);
	free(q->byoff);
	free(q->bypage);
	free(q->filter);
	quotes_table_free(&q->t);
}

/*
 * Pass two's input: the words, keys and table slots of runs of units
 * (whole comments, or article units), made ahead of the main thread,
 * which indexes and scans them in order. A second thread makes runs,
 * and so does the main thread while the run it needs next is not ready
 * (it takes the next run nobody has taken), so the two share the work
 * whichever is slower. QUOTES_SLOTS buffers; run r uses r % QUOTES_SLOTS,
 * and is taken only once run r - QUOTES_SLOTS has been consumed.
 */
#define QUOTES_SLOTS	4
#define QUOTES_RUN_BYTES	(256u << 10)

struct quotes_slot {
	struct quotes_word *w;
	size_t nw, capw;
	uint64_t *key;
	size_t capk;
	uint32_t *cslot;
	size_t capcs;
};

struct quotes_feed {
	struct quotes *q;	/* units shared: each run's are its own */
	struct quotes base;	/* copy of *q for the tokeniser (read only) */
	size_t *cut;		/* run r is units [cut[r], cut[r + 1]) */
	size_t nruns;
	size_t uc;		/* first comment unit */
	struct quotes_slot slot[QUOTES_SLOTS];
	pthread_mutex_t lock;
	pthread_cond_t cond;
	/* Guarded by lock: */
	size_t next;		/* the next run to take */
	size_t done[QUOTES_SLOTS];	/* run r is ready: done[r % S] == r + 1 */
	size_t used;		/* runs consumed */
	int stop;		/* consumer gave up */
};

/* Cut units into runs; comment units only between two comments. */
static void
quotes_feed_cut(struct quotes_feed *f, size_t uc)
{
	const struct quotes *q = f->q;
	size_t k, cap = 0, bytes = 0;

	f->cut = xgrow(NULL, &cap, 1, sizeof *f->cut);
	f->cut[0] = 0;
	f->nruns = 0;
	for (k = 0; k < q->nu; k++) {
		if (k > 0 && bytes >= QUOTES_RUN_BYTES && (k <= uc ||
		    q->u[k].comment != q->u[k - 1].comment)) {
			f->cut = xgrow(f->cut, &cap, f->nruns + 2,
			    sizeof *f->cut);
			f->cut[++f->nruns] = k;
			bytes = 0;
		}
		bytes += q->u[k].end - q->u[k].start;
	}
	f->cut = xgrow(f->cut, &cap, f->nruns + 2, sizeof *f->cut);
	f->cut[++f->nruns] = q->nu;
}

/* Tokenise run r into its slot (a private copy of q holds the buffers). */
static void
quotes_feed_make(struct quotes_feed *f, size_t r)
{
	struct quotes_slot *sl = &f->slot[r % QUOTES_SLOTS];
	struct quotes pq = f->base;
	size_t k;

	pq.w = sl->w;
	pq.capw = sl->capw;
	pq.key = sl->key;
	pq.capk = sl->capk;
	pq.cslot = sl->cslot;
	pq.capcs = sl->capcs;
	pq.nw = 0;
	for (k = f->cut[r]; k < f->cut[r + 1]; k++) {
		if (quotes_streamed(&pq.u[k], k, f->uc)) {
			pq.u[k].wfirst = (uint32_t)pq.nw;	/* none held */
			pq.u[k].wn = 0;
			continue;
		}
		quotes_unit_words(&pq, &pq.u[k]);
		quotes_unit_keys(&pq, &pq.u[k]);
	}
	quotes_cslots(&pq);
	sl->w = pq.w;
	sl->capw = pq.capw;
	sl->key = pq.key;
	sl->capk = pq.capk;
	sl->cslot = pq.cslot;
	sl->capcs = pq.capcs;
	sl->nw = pq.nw;
}

/*
 * Take the next run if its slot is free, make it and mark it done; with
 * the lock held (released while making). Returns 0 if there was none.
 */
static int
quotes_feed_take(struct quotes_feed *f)
{
	size_t r;

	if (f->stop || f->next >= f->nruns ||
	    f->next >= f->used + QUOTES_SLOTS)
		return 0;
	r = f->next++;
	pthread_mutex_unlock(&f->lock);
	quotes_feed_make(f, r);
	pthread_mutex_lock(&f->lock);
	f->done[r % QUOTES_SLOTS] = r + 1;
	pthread_cond_broadcast(&f->cond);
	return 1;
}

static void *
quotes_feed_run(void *arg)
{
	struct quotes_feed *f = arg;

	pthread_mutex_lock(&f->lock);
	while (!f->stop && f->next < f->nruns) {
		if (!quotes_feed_take(f))
			pthread_cond_wait(&f->cond, &f->lock);
	}
	pthread_mutex_unlock(&f->lock);
	return NULL;
}

/* Wait until run r is made, making runs meanwhile; lock held. */
static void
quotes_feed_wait(struct quotes_feed *f, size_t r)
{
	while (f->done[r % QUOTES_SLOTS] != r + 1) {
		if (!quotes_feed_take(f))
			pthread_cond_wait(&f->cond, &f->lock);
	}
}

/* A comment with nothing to scan: no links, no parent. */
static void
quotes_comment_empty(struct quotes_result *res, size_t i)
{
	res->comments[i].first_link = (uint32_t)res->nlinks;
	res->comments[i].nlinks = 0;
	res->comments[i].parent = -1;
}

/* Index and scan the units of run r (its words are in q->w). */
static void
quotes_pass2_run(struct quotes *q, size_t from, size_t to, size_t uc,
    size_t *ci)
{
	struct quotes_result *res = q->res;
	struct quotes_comment *c;
	struct quotes_reply r;
	size_t k = from, e, i;

	while (k < to) {
		if (quotes_streamed(&q->u[k], k, uc)) {
			quotes_index_stream(q, &q->u[k++]);
			continue;
		}
		if (k < uc) {
			quotes_index_unit(q, &q->u[k++]);
			continue;
		}
		i = q->u[k].comment;
		for (; *ci < i; (*ci)++)
			quotes_comment_empty(res, *ci);
		c = &res->comments[i];
		c->first_link = (uint32_t)res->nlinks;
		r.best_words = 0;
		r.parent = -1;
		for (e = k; e < to && q->u[e].comment == i; e++)
			quotes_scan_unit(q, &q->u[e], &r);
		c->nlinks = (uint32_t)res->nlinks - c->first_link;
		c->parent = r.parent;
		for (; k < e; k++)
			quotes_index_unit(q, &q->u[k]);
		*ci = i + 1;
	}
}

/*
 * Pass two: index the article, then scan and index each comment in
 * order. Tokenising runs one run ahead in a second thread on a large
 * document; the order of look-ups and updates is the same either way.
 */
static void
quotes_pass2(struct quotes *q, size_t uc)
{
	struct quotes_feed f;
	struct quotes_slot *sl;
	pthread_t th;
	size_t r, ci = 0, k;
	int threaded = 0;

	memset(&f, 0, sizeof f);
	f.q = q;
	f.base = *q;
	f.uc = uc;
	quotes_feed_cut(&f, uc);
	pthread_mutex_init(&f.lock, NULL);
	pthread_cond_init(&f.cond, NULL);
	if (q->total >= QUOTES_THREAD_MIN && f.nruns > 1 &&
	    pthread_create(&th, NULL, quotes_feed_run, &f) == 0)
		threaded = 1;
	for (r = 0; r < f.nruns; r++) {
		pthread_mutex_lock(&f.lock);
		if (quotes_cancelled(q)) {
			f.stop = 1;
			pthread_cond_broadcast(&f.cond);
			pthread_mutex_unlock(&f.lock);
			break;
		}
		quotes_feed_wait(&f, r);
		pthread_mutex_unlock(&f.lock);
		sl = &f.slot[r % QUOTES_SLOTS];
		q->w = sl->w;
		q->nw = sl->nw;
		q->key = sl->key;
		q->cslot = sl->cslot;
		quotes_pass2_run(q, f.cut[r], f.cut[r + 1], uc, &ci);
		pthread_mutex_lock(&f.lock);
		f.used = r + 1;
		pthread_cond_broadcast(&f.cond);
		pthread_mutex_unlock(&f.lock);
	}
	if (threaded)
		pthread_join(th, NULL);
	for (; ci < q->d->ncomments; ci++)
		quotes_comment_empty(q->res, ci);
	q->w = NULL;
	q->key = NULL;
	q->cslot = NULL;
	for (k = 0; k < QUOTES_SLOTS; k++) {
		free(f.slot[k].w);
		free(f.slot[k].key);
		free(f.slot[k].cslot);
	}
	pthread_cond_destroy(&f.cond);
	pthread_mutex_destroy(&f.lock);
	free(f.cut);
}

void
quotes_result_free(struct quotes_result *r)
{
	free(r->links);
	free(r->comments);
	memset(r, 0, sizeof *r);
}

int
quotes_compute(const struct doc *d, struct quotes_result *r,
    const atomic_int *cancel)
{
	struct quotes q;
	uint64_t *cand;
	size_t uc, i, ncand;
	uint32_t j;

	memset(r, 0, sizeof *r);
	memset(&q, 0, sizeof q);
	q.d = d;
	q.res = r;
	q.cancel = cancel;
	q.buf = d->buf;
	q.pk = 1;
	for (j = 1; j < QUOTES_K; j++)
		q.pk *= QUOTES_P;

	r->ncomments = d->ncomments;
	r->comments = xcalloc(d->ncomments + 1, sizeof *r->comments);
	for (i = 0; i < d->ncomments; i++)
		r->comments[i].parent = -1;

	quotes_split_article(&q);
	uc = q.nu;			/* first comment unit */
	quotes_split_comments(&q);
	quotes_units_order(&q);
	ncand = quotes_candidates(&q, uc, &cand);
	r->candidates = ncand;
	if (!quotes_cancelled(&q)) {
		quotes_table_build(&q, cand, ncand);
		free(cand);
		quotes_pass2(&q, uc);
	} else
		free(cand);
	quotes_free(&q);
	if (quotes_cancelled(&q)) {
		quotes_result_free(r);
		return -1;
	}
	r->complete = 1;
	return 0;
}

void
quotes_apply(struct doc *d, struct quotes_result *r)
{
	size_t i;

	if (!r->complete || r->ncomments != d->ncomments) {
		quotes_result_free(r);
		return;
	}
	/* Moved, not copied: a thread that is all quotes has many links. */
	doc_set_links(d, r->links, r->nlinks, r->caplinks);
	r->links = NULL;
	r->nlinks = r->caplinks = 0;
	for (i = 0; i < d->ncomments; i++) {
		d->comments[i].parent = r->comments[i].parent;
		d->comments[i].first_link = r->comments[i].first_link;
		d->comments[i].nlinks = r->comments[i].nlinks;
	}
	quotes_result_free(r);
}

void
quotes_find(struct doc *d)
{
	struct quotes_result r;

	quotes_compute(d, &r, NULL);
	quotes_apply(d, &r);
}

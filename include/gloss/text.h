/*
 * text.h: the text layer. UTF-8 decoding, sanitising, grapheme clusters,
 * cell widths, line-break opportunities, bidi levels and visual order,
 * Arabic shaping, and conversion of output to the locale's charset.
 *
 * Coordinates: input positions are byte offsets into the caller's UTF-8
 * (plus a caller-given base, so positions can be absolute document
 * offsets); widths are terminal cells.
 *
 * Promises:
 *  - One function (text_cluster_draw) decides what is drawn for a grapheme
 *    cluster and how many cells it takes; the width it returns is exactly
 *    what ncurses (via the C library's wcwidth) advances when the drawn
 *    form is added, so what layout measures is what the screen shows.
 *  - Drawn forms never contain C0/C1 controls, ESC, DEL, bidi controls,
 *    U+FEFF or invalid UTF-8: they are safe to print to a terminal.
 *  - Invalid UTF-8 decodes as U+FFFD, one per maximal invalid subpart,
 *    resyncing at the next lead byte.
 */
#ifndef GLOSS_TEXT_H
#define GLOSS_TEXT_H

#include <stddef.h>
#include <stdint.h>

enum text_bidi {
	TEXT_BIDI_APP,		/* gloss reorders and shapes (default) */
	TEXT_BIDI_TERMINAL,	/* logical order, unshaped: terminal does bidi */
	TEXT_BIDI_OFF		/* logical order, unshaped, no bidi at all */
};

struct text_opts {
	enum text_bidi bidi;
	int ambiguous_wide;	/* East Asian Ambiguous characters take 2 */
	int out_utf8;		/* output charset is UTF-8 */
	const char *out_charset;	/* locale charset when !out_utf8 */
	int slow;		/* tests: layout takes no fast path */
};

/** Options for the current locale (call after setlocale): app, narrow. */
void text_opts_default(struct text_opts *o);

/**
 * Decode one character from s (len > 0 bytes). Returns the number of bytes
 * consumed (1..4); *cp gets the code point, or U+FFFD for an invalid or
 * overlong sequence, a surrogate or a value above U+10FFFF.
 */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);
/** Append the UTF-8 encoding of cp to buf (room for 4); returns bytes. */
size_t text_utf8_encode(uint32_t cp, char *buf);
/** Length of the run of ASCII bytes (< 0x80) that s starts with. */
size_t text_utf8_ascii_run(const char *s, size_t len);
/** Number of invalid sequences (each shown as one U+FFFD) in s. */
size_t text_utf8_invalid(const char *s, size_t len);

/** Direction of the first strong character: -1 none, 0 LTR, 1 RTL. */
int text_direction(const char *s, size_t len);
/**
 * Direction of the code point c itself: 0 if it is strong left-to-right
 * (bidi class L), 1 if strong right-to-left (R or AL), -1 otherwise
 * (digits, punctuation, spaces, marks, controls).
 */
int text_char_direction(uint32_t c);

/**
 * The one width function. Given a grapheme cluster as code points (after
 * sanitising and shaping), writes what will be drawn for it into drawn
 * (room for TEXT_DRAW_MAX code points), sets *ndrawn, and returns its
 * width in cells (0, 1 or 2). Characters whose width is unsure (the C
 * library and libunistring disagree, unassigned, unprintable) become a
 * placeholder of known width; emoji modifiers, variation selectors and
 * the tail of a ZWJ sequence are not drawn; combining marks beyond what
 * ncurses attaches to one cell are dropped; a cluster that starts with a
 * combining mark is drawn on U+25CC. The width is 0, 1 or 2 for most
 * clusters; one with several spacing characters (Indic vowel signs, Thai
 * SARA AM, Hangul L+L) is as wide as their sum. See text_width.c.
 */
#define TEXT_DRAW_MAX 8
int text_cluster_draw(const struct text_opts *o, const uint32_t *cps,
    size_t n, uint32_t *drawn, size_t *ndrawn);

/* Break opportunity before a cluster. */
#define TEXT_BREAK_NO		0
#define TEXT_BREAK_ALLOWED	1
#define TEXT_BREAK_MANDATORY	2

/* Cluster flags. */
#define TEXT_CL_SPACE	0x01	/* white space: hangs (is dropped) at line end */
#define TEXT_CL_TAB	0x02	/* a tab: width set by layout (next multiple of 8) */
#define TEXT_CL_RTL	0x04	/* resolved level is odd */
#define TEXT_CL_FIXED	0x08	/* sanitised control/invalid byte placeholder */
#define TEXT_CL_SHY	0x10	/* U+00AD: "-" at a line break after it */

/** One grapheme cluster of a prepared paragraph, in logical order. */
struct text_cluster {
	uint32_t src;		/* base + byte offset of its first input byte */
	uint32_t srclen;	/* input bytes it covers */
	uint32_t draw;		/* offset of its drawn UTF-8 in para->draw */
	uint8_t drawlen;	/* bytes of drawn UTF-8 (0: nothing drawn) */
	uint8_t width;		/* cells (tabs: 0, layout decides) */
	uint8_t brk;		/* TEXT_BREAK_* before this cluster */
	uint8_t level;		/* bidi embedding level (0 unless bidi=app) */
	uint8_t flags;		/* TEXT_CL_* */
};

/**
 * A paragraph prepared for layout: sanitised, shaped, split into clusters
 * with widths, break opportunities and bidi levels. Reusable: prepare may
 * be called many times on one struct; memory is kept between calls.
 */
struct text_para {
	struct text_cluster *cl;
	size_t ncl, clcap;
	char *draw;		/* drawn forms, UTF-8, safe to print */
	size_t drawlen, drawcap;
	int rtl;		/* base direction is right-to-left */
	void *scratch;		/* private working memory */
};

void text_para_init(struct text_para *p);
void text_para_free(struct text_para *p);

/**
 * Prepare s (len bytes, one paragraph, no newline) for layout. Cluster
 * src offsets are base + offset in s. In bidi=app mode the paragraph's
 * base direction is that of its first strong character (LTR if none),
 * levels are resolved over the whole paragraph, and Arabic is shaped
 * (presentation forms, lam-alef ligatures); widths are measured after
 * shaping. In terminal/off modes text stays logical and unshaped.
 */
void text_para_prepare(struct text_para *p, const struct text_opts *o,
    const char *s, size_t len, uint32_t base);

/* Flags of text_para_prepare_ex. */
#define TEXT_PREP_LTR	0x01	/* base direction LTR, not first strong */
#define TEXT_PREP_RTL	0x02	/* base direction RTL */
#define TEXT_PREP_SLOW	0x04	/* no ASCII fast path (tests compare both) */

/** text_para_prepare with TEXT_PREP_* flags (forced direction). */
void text_para_prepare_ex(struct text_para *p, const struct text_opts *o,
    const char *s, size_t len, uint32_t base, int flags);

/**
 * Whether the clusters of a prepared paragraph have bidi levels (not all
 * 0); if not, text_para_visual is the identity.
 */
int text_para_has_levels(const struct text_para *p);
/**
 * Visual order of the clusters [a, b) of a prepared paragraph, as a line
 * (rules L1-L2 of UAX #9 with the paragraph's levels): writes b - a
 * cluster indices into order, leftmost first. Identity unless bidi=app.
 */
void text_para_visual(const struct text_para *p, size_t a, size_t b,
    uint32_t *order);

/**
 * Working room for n uint32_t, owned by p and kept between calls (layout
 * uses it so that it does not allocate per paragraph). Valid until the
 * next call of text_para_tmp or text_para_free.
 */
uint32_t *text_para_tmp(struct text_para *p, size_t n);

/** Grapheme boundaries (full UAX #29 rules): brk[i] = 1 before cps[i]. */
void text_graphemes(const uint32_t *cps, size_t n, char *brk);
/** Line-break opportunities (UAX #14): brk[i] = TEXT_BREAK_* before i. */
void text_linebreaks(const uint32_t *cps, size_t n, char *brk);

/**
 * Line-break opportunities of the UTF-8 text s[0, n) (as
 * text_para_prepare finds them for it): brk[i] = TEXT_BREAK_* before
 * byte i; NO inside a character and at 0.
 */
void text_linebreaks_utf8(const char *s, size_t n, char *brk);

/**
 * For layout's fast path: the length of the character s[0, len) starts
 * with if text_para_prepare would make it a cluster of its own, drawn as
 * itself in one cell, with no bidi level and nothing special in layout
 * (printable ASCII, Latin up to U+02FF, general punctuation; not a tab,
 * a control, a soft hyphen, a zero-width or bidi character, nor one the
 * output charset or ambiguous width makes other than one cell); *space:
 * it is white space that hangs at a line end. Else 0. Answers are cached
 * in p's scratch.
 */
size_t text_plain_cell(struct text_para *p, const struct text_opts *o,
    const char *s, size_t len, int *space);

/* What rule L1 of UAX #9 does with a character (text_bidi_kind). */
#define TEXT_L1_OTHER	0
#define TEXT_L1_WS	1	/* WS, isolates, BN, embeddings: reset when trailing */
#define TEXT_L1_SEP	2	/* S, B: reset to the paragraph level */

/** The TEXT_L1_* class of a code point. */
int text_bidi_kind(uint32_t cp);
/**
 * Rules L1 and L2 of UAX #9 on one line of n items: levels (in/out) get
 * L1 applied; order gets item indices, leftmost first.
 */
void text_bidi_line(uint8_t *levels, const uint8_t *kinds, size_t n,
    int parlevel, uint32_t *order);

/**
 * Convert UTF-8 made of drawn forms to the output charset of o. In UTF-8
 * it is a copy; otherwise each character the charset lacks becomes '?'
 * (drawn forms already carry '?' for those, see text_cluster_draw, so
 * widths stay right). Returns a new string, *outlen its length.
 */
char *text_to_output(const struct text_opts *o, const char *s, size_t len,
    size_t *outlen);

/**
 * Whether c is an accent, a mark that search and quote links ignore: a
 * mark (general category M) of the combining diacritic blocks (Latin,
 * Greek, Cyrillic: U+0300..U+036F, U+0483..U+0489, U+1AB0..U+1AFF,
 * U+1DC0..U+1DFF, U+20D0..U+20FF, U+FE20..U+FE2F), a Hebrew point or
 * cantillation mark, Arabic harakat and Quranic marks (Arabic and its
 * Extended-A and -B blocks), Syriac points. Other marks (the vowel signs
 * and viramas of Indic scripts, Thai vowels and tones, the kana voicing
 * marks) are letters' parts: a word without them is another word.
 */
int text_is_accent(uint32_t c);

/**
 * The letter that c is a variant of in Arabic-script writing, or c
 * itself. Search (text_fold) and quote links (quotes.c) both compare
 * letters through it, so the two agree. The table follows what Lucene's
 * ArabicNormalizer and PersianNormalizer do (alef seats, dotless yeh,
 * teh marbuta; Farsi yeh, yeh barree, keheh, heh goal and heh with yeh
 * above), plus alef wasla and the hamza-carrying letters that are
 * canonically a letter and a hamza mark (the mark is an accent to both
 * search and quotes, so the composed letter must fold as the pair does):
 *   ا U+0627 <- آ U+0622, أ U+0623, إ U+0625, ٱ U+0671
 *   و U+0648 <- ؤ U+0624
 *   ي U+064A <- ئ U+0626, ى U+0649, ی U+06CC, ے U+06D2, ۓ U+06D3
 *   ك U+0643 <- ک U+06A9
 *   ه U+0647 <- ة U+0629, ۀ U+06C0, ہ U+06C1, ۂ U+06C2
 * Teh marbuta is folded (as Lucene does) because writers often end a
 * word with ه for it (informal Arabic; Persian and Urdu spell Arabic
 * loan words so), and no two words differ only there. Not folded:
 * letters of their own (gaf, peh, tcheh, jeh, lone hamza U+0621, ae
 * U+06D5, so "ە + hamza above" stays apart from ۀ), presentation forms.
 * Characters outside U+0622..U+06D3 are returned at once.
 */
uint32_t text_letter_fold(uint32_t c);

/**
 * Case- and accent-insensitive search key of s, a character at a time:
 * letter variants folded (text_letter_fold), decomposed (NFD), accents
 * removed, default-ignorable characters (soft hyphen, ZWJ, ZWNJ, bidi
 * marks) and the Arabic tatweel removed, case folded (libunistring).
 * Accents are those of text_is_accent; other marks (Indic vowel signs
 * and viramas, Thai vowels and tones, kana voicing marks) are kept. Hangul
 * syllables and kana are not decomposed, so a search for 하 or か does
 * not stop inside 한 or が. Returns a new UTF-8 string; if
 * map is not NULL, *map gets, for each byte of the key, the offset in s
 * of the character it came from (caller frees both).
 */
char *text_fold(const char *s, size_t len, int keep_case, size_t *keylen,
    uint32_t **map);

/**
 * text_fold for many pieces of text without an allocation per piece:
 * text_folder_add appends the key of s[0, len) (whole characters) to
 * key[0, len) (NUL-terminated), and, with want_map, map[i] = base + the
 * offset in s of the character key byte i came from. The caller may
 * shorten len (and move bytes within key and map) between calls. Folds
 * of characters beyond ASCII are remembered, so text of any script folds
 * at a cost close to a copy.
 */
struct text_fold_memo;
struct text_folder {
	char *key;
	uint32_t *map;
	size_t len, cap;	/* cap: room of key and of map */
	int keep_case, want_map;
	struct text_fold_memo *memo;
};

void text_folder_init(struct text_folder *f, int keep_case, int want_map);
void text_folder_free(struct text_folder *f);
void text_folder_add(struct text_folder *f, const char *s, size_t len,
    uint32_t base);

#endif

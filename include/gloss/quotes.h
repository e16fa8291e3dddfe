/*
 * quotes.h: quote links. Finds the passages of each comment that also
 * occur earlier in the document (in the article or in an earlier comment)
 * and records them as struct doc_link, with the comment each one replies
 * to. Runs once, after parsing and before the model is used read-only.
 *
 * The rule (see quotes.c for the details):
 *
 *  - Text is compared as a sequence of normalised words. A word is a
 *    maximal run of letters, marks and digits (Unicode categories L, M,
 *    N); an apostrophe (' ’ ‘ ʼ) between two such characters is part of
 *    the word and ignored ("don’t" = "don't" = "dont"), and so is an
 *    invisible (default-ignorable) character such as a soft hyphen or
 *    ZWNJ ("com<SHY>mittee" = "committee"), and the Arabic tatweel that
 *    stretches a word ("كـتـب" = "كتب"). In scripts written without
 *    spaces between words (Thai, Lao, Myanmar, Khmer, kana, CJK
 *    ideographs) each letter, with the marks after it, is a word of its
 *    own. Everything else
 *    (spaces, line breaks, quotation marks straight or curly, dashes,
 *    ellipses, "...", other punctuation, invalid UTF-8) only separates
 *    words. Words are compared case-insensitively (Unicode simple case
 *    folding: lowercase of the uppercase, so Greek final sigma is sigma),
 *    and without the marks that writing leaves out, the accents of
 *    search (text_is_accent), typed as marks or part of a letter: Latin
 *    accents ("cafe" = "café"), Hebrew points and cantillation, Arabic
 *    harakat (a quote typed unpointed matches a pointed text), and the
 *    accents, breathings and diaeresis of Greek letters (Greek capitals
 *    are written without them). Arabic-script letter variants are their
 *    letter, as in search (text_letter_fold: a quote typed on a Persian
 *    keyboard, or without hamza on alef, matches). So curly/straight
 *    quotes, dash kinds, "…" vs "..." and line breaks inside a paragraph
 *    never prevent a match.
 *
 *  - A passage is linked when at least QUOTES_MIN_WORDS (6) consecutive
 *    words of one comment paragraph occur, in the same order, inside one
 *    earlier paragraph (article paragraph, block quote paragraph, clause
 *    original, clause translation, or a paragraph of an earlier
 *    comment), and together they hold at least QUOTES_MIN_CHARS (24)
 *    letters/digits (a CJK ideograph counts as two: twelve of them are
 *    enough), which keeps out stock phrases of short words ("at the end
 *    of the day"). A passage the comment sets in quotation marks of its
 *    own (an opening mark right before its first word, a closing one
 *    right after its last word and any final punctuation, in the
 *    script's form too: 。！？ ؟ ۔ । …; marks “…”, "…", ‘…’, «…», „…“,
 *    「…」) needs only QUOTES_FRAMED_CHARS (12) letters:
 *    the marks say it is a quote. Passages are extended greedily to
 *    the longest match; they never cross paragraphs. Ranges are trimmed to words: the
 *    quoting side's quotation marks and final punctuation are outside
 *    the link.
 *
 *  - Brackets left out: where the source has a bracketed insertion or
 *    editor's note ("[military]", "[... ~HC]", on one line, at most
 *    QUOTES_BRACKET_MAX bytes) that the comment leaves out, the passage
 *    goes on after it as one link, provided the words before it and the
 *    words after it each meet the rule above on their own. The source
 *    range then covers the bracket. Brackets nest as notes do
 *    (parse_text.c): "[a [b] c]" is left out as a whole, or "[b]" alone;
 *    a '[' not closed on its line within the bound is text, never left
 *    out.
 *
 *  - Source: the longest match wins, looking at the first occurrence of
 *    the passage's opening words (the article's, when the article has it)
 *    and at their latest occurrence in an earlier comment. When the
 *    article holds the whole passage, the source is the article, even if
 *    a later comment quoted that same article text (the seed's comment 12
 *    quotes the start of an article paragraph that comment 5 had quoted in
 *    full: it links to the article). Otherwise the latest earlier comment
 *    holding the whole passage is the source: a comment that quotes
 *    another comment's words, including a passage that runs from the
 *    article text that comment quoted into its own words, links to that
 *    comment, whose own link leads on to the article. A comment never
 *    links to itself or to a later comment.
 *
 *  - Parent: the comment whose text is quoted in the longest passage (in
 *    words); on a tie the one quoted first. -1 when a comment quotes no
 *    earlier comment (quoting only the article makes no parent).
 *
 * Cost: linear in the document. Two passes over the text: the first
 * (two threads on a large document) finds, with a Bloom filter, the 6-word
 * windows that occur more than once; the second indexes only those in an
 * open-addressing table of 64-bit keys and scans the comments. Words of
 * earlier text are re-read from the buffer to verify a match, so hash
 * collisions never make a link and no per-word array of the document is
 * kept (about 35 MB of working memory for a 100 MB document).
 */
#ifndef GLOSS_QUOTES_H
#define GLOSS_QUOTES_H

#include <stdatomic.h>

#include "gloss/doc.h"

#define QUOTES_MIN_WORDS	6
#define QUOTES_MIN_CHARS	24
#define QUOTES_FRAMED_CHARS	12	/* a passage in quotation marks */
#define QUOTES_BRACKET_MAX	1024	/* bytes of a bracket a quote skips */

/* A comment's reply parent and its range of links, as in struct doc_comment. */
struct quotes_comment {
	int32_t parent;
	uint32_t first_link;
	uint32_t nlinks;
};

/*
 * What quotes_compute finds, apart from the model: links (sorted as
 * doc->links) and one entry per comment. complete is 1 unless cancelled.
 * listed and candidates tell how much work and memory the search took
 * (for tests and bench/quotetime): candidate keys listed in the first
 * pass, repeats included (8 bytes each), and the distinct ones kept.
 */
struct quotes_result {
	struct doc_link *links;
	size_t nlinks, caplinks;
	struct quotes_comment *comments;
	size_t ncomments;
	int complete;
	size_t listed, candidates;
};

/** Find quote links and reply parents; fills d->links and comments' parent/first_link/nlinks. */
void quotes_find(struct doc *d);
/** Find links into r reading d only (safe beside readers); -1 and r empty if *cancel became nonzero. */
int quotes_compute(const struct doc *d, struct quotes_result *r,
    const atomic_int *cancel);
/** Move a complete r into d (links, parents) and empty r; an incomplete r only is freed. */
void quotes_apply(struct doc *d, struct quotes_result *r);
/** Free what r holds. */
void quotes_result_free(struct quotes_result *r);

#endif

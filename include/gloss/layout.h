/*
 * layout.h: text → display lines for a given width.
 *
 * Two levels. lay_para (layout_para.c) fills lines with the clusters of one
 * paragraph: breaks at UAX #14 opportunities in logical order, splits a
 * word wider than the line at a cluster boundary, never lets a wide
 * cluster straddle the edge, expands tabs, then reorders each line to
 * visual order. The layout_* functions (layout_doc.c) lay out the parts
 * of a document (article blocks, comments, clause rows) with lay_para;
 * both the panes and --dump print their output, so what --dump shows is
 * what the panes show.
 *
 * Coordinates: glyph positions are cells from the left edge of the laid
 * out area; glyph src is an absolute byte offset in the document buffer
 * (LAY_NOSRC for text gloss generated: numbers, rules, references).
 * Invariant: every line's width (indent + sum of glyph widths) is at most
 * the width asked for, and glyphs are in visual (left-to-right) order.
 */
#ifndef GLOSS_LAYOUT_H
#define GLOSS_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "gloss/doc.h"
#include "gloss/text.h"

#define LAY_NOSRC UINT32_MAX

/* Glyph attributes (OR-ed); the renderer maps them to colours/bold. */
#define LAY_INSERTION	0x0001	/* translator's [insertion] */
#define LAY_NOTE	0x0002	/* editor's [note ~XX] */
#define LAY_QUOTED	0x0004	/* a passage quoted from elsewhere */
#define LAY_MATCH	0x0008	/* search match */
#define LAY_HEADING	0x0010	/* headings: title, comment numbers */
#define LAY_RULE	0x0020	/* a vertical rule: draw as a line */
#define LAY_GUTTER	0x0040	/* clause numbers */
#define LAY_MARK	0x0080	/* small marks: "quoted by", references */
#define LAY_MISSING	0x0100	/* "(no original)" and the like */
#define LAY_BAR		0x0200	/* the bar in front of quotes */
#define LAY_REF		0x0400	/* a followable reference (clause block) */
#define LAY_HILITE	0x0800	/* a passage highlighted after a jump */
#define LAY_SECTION	0x1000	/* a part's header above a comment, not
				   the comment's own text (layout_lead) */

struct lay_glyph {
	uint32_t src;		/* document offset of the cluster, or LAY_NOSRC */
	uint32_t text;		/* offset of its UTF-8 in lay->text */
	uint8_t len;		/* bytes of UTF-8 */
	uint8_t width;		/* cells (tabs: expanded, up to 8) */
	uint16_t attr;		/* LAY_* */
};

struct lay_line {
	uint32_t first;		/* first glyph in lay->glyphs */
	uint32_t n;		/* number of glyphs */
	uint16_t indent;	/* blank cells before the first glyph */
	uint16_t width;		/* indent + sum of glyph widths */
	uint32_t src;		/* document offset of the first logical
				   cluster on the line, or LAY_NOSRC */
};

/**
 * A growable list of laid-out lines. Glyphs are only ever appended, to
 * the last line, so the text of one line's glyphs lies in lay->text in
 * one piece, in glyph order: from glyphs[first].text to the end of
 * glyphs[first + n - 1] (dump.c prints a line with one copy).
 */
struct lay {
	struct lay_line *lines;
	size_t nlines, linecap;
	struct lay_glyph *glyphs;
	size_t nglyphs, glyphcap;
	char *text;
	size_t textlen, textcap;
};

void lay_init(struct lay *l);
/** Empty the list, keeping its memory. */
void lay_clear(struct lay *l);
void lay_free(struct lay *l);

/** Attributes for a byte range [start, end) of the document. */
struct lay_range {
	uint32_t start, end;
	uint16_t attr;
};

#define LAY_ALIGN_START	0	/* left for LTR paragraphs, right for RTL */
#define LAY_ALIGN_LEFT	1	/* always left */

struct lay_style {
	int width;		/* cells available (>= 1) */
	int margin;		/* cells on the left of every line, in both
				 * directions (a gutter for bars and reply
				 * indents); at most width - 2 is kept */
	int indent_first;	/* cells before the first line */
	int indent_rest;	/* cells before the other lines (hanging) */
	int align;		/* LAY_ALIGN_* */
	uint16_t attr;		/* attribute of every glyph */
	const struct lay_range *ranges;	/* extra attributes, sorted by start */
	size_t nranges;
};

/**
 * Lay out one paragraph: s is len bytes (one source line, no newline)
 * found at document offset base. Appends at least one line (an empty
 * paragraph gives one empty line). Indents are reduced when the width
 * leaves less than one cell... so that every line holds at least one
 * cluster. scratch is reused between calls. A paragraph longer than
 * LAY_CHUNK bytes is laid out in chunks (see layout_para.c), so scratch
 * stays O(LAY_CHUNK); each chunk's last line ends where the chunk does.
 */
#define LAY_CHUNK	(256 * 1024)

void lay_para(struct lay *out, struct text_para *scratch,
    const struct text_opts *o, const char *s, size_t len, uint32_t base,
    const struct lay_style *st);
/**
 * The chunks of lay_para, one at a time, so a caller can keep only some
 * of a huge paragraph's lines: lay_para_chunk_len is the length of the
 * chunk that starts s[0, len) (len itself when len <= LAY_CHUNK), and
 * lay_para_part lays out the chunk s[off, off + n) of the paragraph s
 * (off is 0 or where an earlier chunk ended). dir is the paragraph's
 * base direction, which a chunk alone cannot tell: text_direction of the
 * whole paragraph (1, 0 or -1: no strong character, so left to right),
 * or LAY_DIR_OWN for a paragraph of one chunk (its text decides). Laying
 * out every chunk in order with lay_para_part gives exactly lay_para's
 * lines. A chunk ends at a grapheme cluster boundary, after a space when
 * there is one in its second half.
 */
#define LAY_DIR_OWN	(-2)

size_t lay_para_chunk_len(const char *s, size_t len);
void lay_para_part(struct lay *out, struct text_para *scratch,
    const struct text_opts *o, const char *s, size_t off, size_t n,
    uint32_t base, int dir, const struct lay_style *st);

/**
 * Append one line of text gloss generates (UTF-8, already safe: numbers,
 * labels), cropped at a cluster boundary to width cells, with attr.
 * Returns the number of cells used.
 */
int lay_label(struct lay *out, struct text_para *scratch,
    const struct text_opts *o, const char *s, int width, uint16_t attr);

/**
 * Append text gloss generates (UTF-8, already safe: references, notes,
 * headings) filled into lines of width cells as lay_para fills a
 * paragraph, left-aligned, every line after the first indented by hang
 * cells, so nothing is cropped; every glyph gets attr, every line and
 * glyph src LAY_NOSRC. Returns the number of lines appended (>= 1).
 */
#define LAY_HANG	2	/* hanging indent of generated lines */
int lay_label_wrap(struct lay *out, struct text_para *scratch,
    const struct text_opts *o, const char *s, int width, int hang,
    uint16_t attr);

/**
 * Composing lines (table rows, bars): lay_new_line starts an empty line
 * (src LAY_NOSRC). The others append to the last line of out, creating
 * one if there is none, and keep its width up to date:
 * lay_append_glyphs copies line `line` of src, its indent included as
 * blank cells (so right-aligned lines stay right-aligned), glyph src and
 * attrs kept; lay_append_space adds n blank cells (into the indent while
 * the line has no glyph, else as blank glyphs with src LAY_NOSRC);
 * lay_append_text adds one glyph of generated, safe UTF-8 that takes
 * `width` cells, src LAY_NOSRC.
 */
void lay_new_line(struct lay *out);
void lay_append_glyphs(struct lay *out, const struct lay *src, size_t line);
void lay_append_space(struct lay *out, int n, uint16_t attr);
void lay_append_text(struct lay *out, const char *s, int width,
    uint16_t attr);

/* ---- Document parts (layout_doc.c) ---- */

/* Where the chunks (lay_para_chunk_len) of one long span start. */
struct layout_chunks {
	uint32_t off, len;	/* the span; len 0: an empty slot */
	uint32_t *start;	/* n + 1 offsets into the span; start[n] = len */
	size_t n;
	int dir;		/* text_direction of the whole span */
};

#define LAYOUT_CHUNKS_CACHE	4

/* A place in a comment: paragraph (doc->paras), its line, a byte in it. */
struct layout_cunit {
	uint32_t para, line, off;
};

/* Where the parts of one big comment start (layout_comment_parts). */
struct layout_cparts {
	size_t comment;
	struct layout_cunit *start;	/* n + 1; start[n]: the end */
	size_t n;
};

/*
 * Who quotes what, for "quoted by" lines. Only sources that are quoted
 * have an entry (a 100 MB thread has hundreds of thousands of comment
 * paragraphs and few of them are quoted): key[0, nkey) are those sources
 * (blocks, or comment paragraphs), ascending, and the entries of key[j]
 * are list[first[j], first[j + 1]): links, one per quoting comment, in
 * comment order.
 */
struct layout_quoted {
	uint32_t *key;
	uint32_t *first;	/* nkey + 1 */
	uint32_t *list;
	size_t nkey;
};

/** What every document-level layout needs: the model and text options. */
struct layout_ctx {
	const struct doc *doc;
	struct text_opts opts;
	struct text_para scratch;
	struct lay tmp[2];	/* scratch for table columns */
	struct layout_quoted blocks_quoted;	/* per block: the first link
				 * of each quoting comment (of each comment
				 * and clause in a clause table) */
	struct layout_quoted paras_quoted;	/* per comment paragraph
				 * (doc->paras): the first link of each
				 * later comment that quotes it */
	uint32_t *block_para;	/* per block: its ¶ number (1-based), 0 none */
	const struct lay_range *hilite;	/* extra ranges (search, jump) */
	size_t nhilite;
	struct layout_chunks chunks[LAYOUT_CHUNKS_CACHE];	/* own, per clone */
	struct layout_cparts cparts[LAYOUT_CHUNKS_CACHE];	/* likewise */
	int clause_digits;	/* of the widest clause number (the gutter) */
	size_t clause_scans;	/* scans of every clause number: 1 per
				 * layout_ctx_init (for tests) */
};

void layout_ctx_init(struct layout_ctx *c, const struct doc *d,
    const struct text_opts *o);
void layout_ctx_free(struct layout_ctx *c);
/**
 * Rebuild the "quoted by" indexes after the document's links changed (no
 * clones may exist).
 */
void layout_ctx_requote(struct layout_ctx *c);
/**
 * The link by which the k-th comment (from 0) quoting block i does so,
 * in the order its "quoted by" line lists them, or -1. O(log quoted blocks).
 */
long layout_block_quoter(const struct layout_ctx *c, size_t i, size_t k);
/**
 * A second context for another thread: it shares src's document, options
 * and read-only indexes (src must outlive it) and has its own scratch.
 */
void layout_ctx_clone(struct layout_ctx *dst, const struct layout_ctx *src);
/** Free what layout_ctx_clone made (not the shared indexes). */
void layout_ctx_free_clone(struct layout_ctx *c);

/*
 * The article as a list of items, as its pane shows it: item 0 is the
 * title, item i + 1 is block i. An item whose paragraph is longer than
 * LAY_CHUNK bytes comes in several parts (one per chunk of lay_para), so
 * that a reader can hold the lines of one part of a huge paragraph, not
 * all of them; other items have one part. Laying out parts 0, 1, ... of
 * an item in order gives exactly the lines of layout_title or
 * layout_block; the number of parts does not depend on the width.
 */
size_t layout_article_items(const struct layout_ctx *c);
/** Number of parts of article item `item` (at least 1). */
size_t layout_article_parts(struct layout_ctx *c, size_t item);
/** Lay out part `part` of article item `item`. */
void layout_article_part(struct layout_ctx *c, size_t item, size_t part,
    int width, struct lay *out);
/**
 * The bytes [*start, *end) (document offsets) of the paragraph text that
 * part `part` of article item `item` lays out; the whole text for an item
 * of one part; an empty range for an item without text.
 */
void layout_article_part_span(struct layout_ctx *c, size_t item,
    size_t part, uint32_t *start, uint32_t *end);
/** The part of article item `item` that holds document offset off. */
size_t layout_article_part_at(struct layout_ctx *c, size_t item,
    uint32_t off);

/** The title, as heading lines (right-aligned when right-to-left). */
void layout_title(struct layout_ctx *c, int width, struct lay *out);
/**
 * Heading lines whose first line has the glyphs of the title's first
 * line at width (as layout_title gives it), always left-aligned, laid out
 * from a prefix of O(width) bytes: for one-line places such as a status
 * line. Later lines are partial.
 */
void layout_title_line(struct layout_ctx *c, int width, struct lay *out);
/** Article block i (paragraph, quote paragraph, or clause reference). */
void layout_block(struct layout_ctx *c, size_t i, int width,
    struct lay *out);
/**
 * Extra attribute ranges (absolute document offsets, sorted by start)
 * that the next layout_* calls merge into what they produce: search
 * matches (LAY_MATCH), a jump's highlighted passage (LAY_HILITE). The
 * array is borrowed; pass NULL, 0 to clear.
 */
void layout_set_hilite(struct layout_ctx *c, const struct lay_range *r,
    size_t n);
/** The ¶ number shown for article block i (0 if it has none). */
uint32_t layout_block_number(const struct layout_ctx *c, size_t i);
/**
 * Comment i: a header line with its number (and the comment it replies
 * to), then its paragraphs; quoted passages carry LAY_QUOTED, a bar in
 * front and a reference line (↩ ¶7, ↩ #3). indent shifts every line
 * right (threaded view); it is reduced when width is too small.
 */
void layout_comment(struct layout_ctx *c, size_t i, int width,
    int indent, struct lay *out);
/*
 * A comment of more than LAY_CHUNK bytes comes in parts (whole chunks of
 * its lines, about LAY_CHUNK bytes each), as article items do; others in
 * one. Parts 0, 1, ... in order give layout_comment's lines.
 */
size_t layout_comment_parts(struct layout_ctx *c, size_t i);
void layout_comment_part(struct layout_ctx *c, size_t i, size_t part,
    int width, int indent, struct lay *out);
/** Document bytes [*start, *end) part `part` of comment i lays out. */
void layout_comment_part_span(struct layout_ctx *c, size_t i, size_t part,
    uint32_t *start, uint32_t *end);
/** The part of comment i that holds document offset off. */
size_t layout_comment_part_at(struct layout_ctx *c, size_t i, uint32_t off);
/** Column positions of the clause table for a width. */
struct layout_table {
	int gutter;		/* cells of the number gutter (incl. space) */
	int left;		/* cells of the original column */
	int rule;		/* cell column of the rule */
	int right;		/* cells of the translation column */
};
/** The clause table's columns for a width (O(1): see clause_digits). */
void layout_table_columns(const struct layout_ctx *c, int width,
    struct layout_table *t);
/** The table's heading row ("No.", "Original", "Translation") and rule. */
void layout_table_header(struct layout_ctx *c, int width, struct lay *out);

/**
 * Lines at the start of a comment's first part that stand before the
 * comment itself: the header of a later part of the thread (its glyphs
 * marked LAY_SECTION) and the blank line after it; 0 for most comments.
 * A pane leaves them out of the comment's selection marks.
 */
size_t layout_lead(const struct lay *l);
/**
 * What is shown of section k's header (doc.h): all of it, or the start
 * of a huge one (a few KiB, cut at a code point).
 */
struct span layout_section_text(const struct doc *d, size_t k);
/**
 * How many comments there are, for a heading (new string): "12", or
 * against a header that counts wrong "12 of 13 shown" (fewer found) or
 * "3 (the header says 2)" (more).
 */
char *layout_comment_count(const struct doc *d);
/**
 * How a reference names comment i (new string): "#N" with the number it
 * has in its part of the thread, and " in part P" when that part is not
 * `part` (doc_comment_part), the part of the comment that refers to it
 * (0 for the article), since the numbers of each part start at 1.
 */
char *layout_comment_ref(const struct doc *d, size_t i, size_t part);
/** Clause row i of the table: number, original, rule, translation. */
void layout_clause(struct layout_ctx *c, size_t i, int width,
    struct lay *out);
/*
 * A clause whose original or translation is longer than LAY_CHUNK comes
 * in parts: part k sets chunk k of the original beside chunk k of the
 * translation (a side with fewer chunks is blank there; stacked at narrow
 * widths: number, chunk k of each side), so a cell of any size is laid
 * out a chunk at a time. Parts 0, 1, ... in order give layout_clause's
 * lines; a clause of short cells has one part.
 */
size_t layout_clause_parts(struct layout_ctx *c, size_t i);
void layout_clause_part(struct layout_ctx *c, size_t i, size_t part,
    int width, struct lay *out);
/**
 * Document bytes [*start, *end) of side `side` (0 the original, 1 the
 * translation) that part `part` of clause i lays out (empty if none).
 */
void layout_clause_part_span(struct layout_ctx *c, size_t i, size_t part,
    int side, uint32_t *start, uint32_t *end);
/** The part of clause i that holds document offset off. */
size_t layout_clause_part_at(struct layout_ctx *c, size_t i, uint32_t off);

#endif

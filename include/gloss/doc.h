/*
 * doc.h: the document model.
 *
 * A document is an article (title and blocks), a clause translation table
 * and a comment thread. It is built once by a parser (parse_text.c, or any
 * later front end) and is immutable afterwards: every other module sees it
 * through `const struct doc *`.
 *
 * Text is never copied: the document owns one buffer (the input bytes, as
 * read) and every piece of text is a `struct span`, a byte range of one
 * source line in that buffer. Spans never contain a newline; a piece of
 * text that covers several source lines (a comment paragraph) is a range
 * of spans in doc->lines. Bytes are kept as read: invalid UTF-8 stays in
 * the buffer and is shown as U+FFFD by the text layer (text.h), and counted
 * here in doc->invalid_sequences so the reader can report it once. (Input
 * converted from UTF-16 has its ill-formed sequences as U+FFFD already;
 * whoever read it adds their number to doc->invalid_sequences.)
 *
 * All offsets are bytes from the start of doc->buf; all line numbers are
 * 1-based source line numbers. Arrays are indexed from 0.
 */
#ifndef GLOSS_DOC_H
#define GLOSS_DOC_H

#include <stddef.h>
#include <stdint.h>

/** A byte range [off, off + len) of doc->buf inside one source line. */
struct span {
	uint32_t off;
	uint32_t len;
};

/** A run of consecutive entries of doc->lines: the lines of one paragraph. */
struct lines {
	uint32_t first;
	uint32_t n;
};

enum doc_block_kind {
	DOC_BLOCK_PARA,		/* an article paragraph (one source line) */
	DOC_BLOCK_QUOTE,	/* one paragraph of an indented block quote */
	DOC_BLOCK_CLAUSES	/* a reference to a run of clauses */
};

struct doc_block {
	enum doc_block_kind kind;
	struct span text;	/* empty for DOC_BLOCK_CLAUSES */
	uint32_t line;		/* source line */
	uint32_t quote_group;	/* quotes: index of the quote run (0, 1, ...) */
	uint32_t first_clause;	/* DOC_BLOCK_CLAUSES: range in doc->clauses */
	uint32_t nclauses;
};

enum doc_note_kind {
	DOC_NOTE_INSERTION,	/* "[military]": the translator's addition */
	DOC_NOTE_EDITOR		/* "[... ~HC]": an editor's note, signed */
};

/** A bracketed span inside a clause translation, brackets included. */
struct doc_note {
	enum doc_note_kind kind;
	struct span text;	/* "[...]" including both brackets */
	struct span signature;	/* editor's notes: "HC" (after '~'); else empty */
};

enum doc_direction {
	DOC_DIR_NONE,		/* no strong characters (or no text) */
	DOC_DIR_LTR,
	DOC_DIR_RTL
};

struct doc_clause {
	uint32_t number;	/* as printed (bounded; see parse_text.c) */
	struct span original;	/* may be empty: no original */
	struct span translation;	/* may be empty: no translation */
	enum doc_direction original_dir;	/* of the first strong character */
	uint32_t line;		/* source line */
	uint32_t block;		/* index of its DOC_BLOCK_CLAUSES block */
	uint32_t first_note;	/* range in doc->notes */
	uint32_t nnotes;
};

struct doc_comment {
	uint64_t number;	/* as printed; UINT64_MAX if it did not fit */
	struct span number_text;	/* the digits as printed */
	uint32_t first_para;	/* range in doc->paras */
	uint32_t npara;
	uint32_t line;		/* source line of its first line */
	int32_t parent;		/* index of the comment it replies to, or -1 */
	uint32_t first_link;	/* range in doc->links (quotes it contains) */
	uint32_t nlinks;
};

/** A comment paragraph: its source lines (hard line breaks between them). */
struct doc_para {
	struct lines lines;
	uint32_t comment;	/* index of its comment */
};

enum doc_source_kind {
	DOC_SOURCE_ARTICLE,	/* source is doc->blocks[block] */
	DOC_SOURCE_COMMENT	/* source is doc->comments[comment], para */
};

/**
 * A quote link: a passage of a comment that also occurs earlier in the
 * document. Ranges are absolute byte offsets in doc->buf; a range may cover
 * several source lines of one paragraph.
 */
struct doc_link {
	uint32_t comment;	/* index of the quoting comment */
	uint32_t para;		/* index in doc->paras of the quoting paragraph */
	uint32_t start, end;	/* the passage in the comment */
	enum doc_source_kind source_kind;
	uint32_t block;		/* DOC_SOURCE_ARTICLE: index in doc->blocks */
	uint32_t source_comment;	/* DOC_SOURCE_COMMENT: index in comments */
	uint32_t source_para;	/* DOC_SOURCE_COMMENT: index in doc->paras */
	uint32_t source_start, source_end;	/* the passage at its source */
};

/**
 * A later part of the thread: a header met after comments, followed by
 * comments of its own ("2 Pingbacks" after "13 thoughts on ..."). Its
 * comments are doc->comments[first_comment] up to the next section's
 * first comment (or the end); the first part's header is
 * doc->comment_header.
 */
struct doc_section {
	struct span header;
	uint32_t line;		/* source line of the header */
	int64_t declared;	/* the count it gives; -1 if unknown */
	uint32_t first_comment;
};

/** Something the parser noticed and tolerated, with its source line. */
struct doc_problem {
	uint32_t line;
	const char *message;	/* static string */
};

struct doc {
	char *buf;		/* the input, owned */
	size_t len;
	int buf_mapped;		/* buf is an mmap (munmap on free) */

	struct span title;
	uint32_t title_line;

	struct doc_block *blocks;
	size_t nblocks;
	struct doc_clause *clauses;
	size_t nclauses;
	struct doc_note *notes;
	size_t nnotes;
	struct doc_comment *comments;
	size_t ncomments;
	struct doc_para *paras;
	size_t nparas;
	struct span *lines;	/* the source lines of comment paragraphs */
	size_t nlines;
	struct doc_link *links;	/* sorted by comment, then start */
	size_t nlinks;

	struct span comment_header;	/* "13 thoughts on ..." or empty */
	uint32_t comment_header_line;
	int64_t declared_comments;	/* from the header; -1 if none/unknown */
	int comments_closed;	/* a "Comments are closed." trailer was seen */
	struct doc_section *sections;	/* the thread's later parts, in order */
	size_t nsections;
	int64_t declared_total;	/* doc_declared_total; set by doc_sum_declared */

	size_t invalid_sequences;	/* invalid sequences of the input */
	struct doc_problem *problems;
	size_t nproblems;
};

/** A new empty document owning buf (len bytes; mapped if from mmap). */
struct doc *doc_new(char *buf, size_t len, int mapped);
/** Free a document and everything it owns; clears *docp. */
void doc_free(struct doc **docp);

/** Pointer to the bytes of a span. */
static inline const char *
doc_span_ptr(const struct doc *d, struct span s)
{
	return d->buf + s.off;
}

/** Whether byte offset off lies in clause c's original (not its translation). */
static inline int
doc_clause_in_original(const struct doc_clause *c, uint32_t off)
{
	return off >= c->original.off && off - c->original.off <
	    c->original.len;
}

/** Index of the comment whose printed number is n, or -1 (first match). */
long doc_comment_by_number(const struct doc *d, uint64_t n);
/**
 * The number of comments the headers declare, all sections together; -1
 * when there is no header or one of them gives no count. O(1): the
 * parser sums it once (doc_sum_declared) after the last section.
 */
static inline int64_t
doc_declared_total(const struct doc *d)
{
	return d->declared_total;
}
/** Index of the section whose first comment is comment i, or -1. O(log n). */
long doc_section_starting(const struct doc *d, size_t i);
/**
 * The part of the thread comment i is in: 0 for the first (under
 * doc->comment_header), k + 1 for section k. O(log sections).
 */
size_t doc_comment_part(const struct doc *d, size_t i);
/** Index of the clause whose number is n, or -1 (first match). */
long doc_clause_by_number(const struct doc *d, uint32_t n);
/**
 * Index of the clause of clause block `block` whose original or
 * translation holds byte offset off, or -1 (also when block is not a
 * clause block). O(log n): clauses are one a line, in buffer order.
 */
long doc_clause_at(const struct doc *d, size_t block, uint32_t off);

/* Builders: used only by parsers and quotes.c while the model is built. */
struct doc_block *doc_add_block(struct doc *d);
struct doc_clause *doc_add_clause(struct doc *d);
struct doc_note *doc_add_note(struct doc *d);
struct doc_comment *doc_add_comment(struct doc *d);
struct doc_para *doc_add_para(struct doc *d);
struct span *doc_add_line(struct doc *d);
struct doc_link *doc_add_link(struct doc *d);
struct doc_section *doc_add_section(struct doc *d);
/*
 * Replace all the links with links[0, n), an array of cap (>= n) that was
 * allocated with xmalloc.h's functions (or NULL with cap 0): the document
 * takes it over, so the links are not copied.
 */
void doc_set_links(struct doc *d, struct doc_link *links, size_t n,
    size_t cap);
void doc_add_problem(struct doc *d, uint32_t line, const char *message);
/* Set d->declared_total from the headers' counts; call once they are all in. */
void doc_sum_declared(struct doc *d);

#endif

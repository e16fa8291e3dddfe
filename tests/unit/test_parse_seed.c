/*
 * test_parse_seed.c: parse_text() on the canonical real input
 * ($GLOSS_SHARED/seeds/...), skipped when it is absent. The expected
 * structure was counted by reading the file: 27 article paragraphs, six
 * block quotes (15 lines), one clause block of 10 clauses, 12 comments
 * under a header that claims 13. No text of the seed is copied here: text
 * checks compare parts of the document with each other.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/doc.h"
#include "gloss/parse.h"
#include "tap.h"

static int
span_eq(const struct doc *d, struct span a, const char *s, size_t n)
{
	return a.len == n && memcmp(doc_span_ptr(d, a), s, n) == 0;
}

static int
starts(const struct doc *d, struct span a, const char *s)
{
	size_t n = strlen(s);

	return a.len >= n && memcmp(doc_span_ptr(d, a), s, n) == 0;
}

/* The span of line k of paragraph p of comment c. */
static struct span
cline(const struct doc *d, size_t c, size_t p, size_t k)
{
	const struct doc_para *pa = &d->paras[d->comments[c].first_para + p];

	return d->lines[pa->lines.first + k];
}

static size_t
count_kind(const struct doc *d, enum doc_block_kind kind)
{
	size_t i, n = 0;

	for (i = 0; i < d->nblocks; i++)
		n += d->blocks[i].kind == kind;
	return n;
}

int
main(void)
{
	static const unsigned npara[12] = { 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 4 };
	const char *path = tap_seed_path();
	struct doc *d;
	struct span a, b;
	size_t len, i, groups = 0;
	char *buf;
	int good;

	if (path == NULL || (buf = tap_slurp(path, &len)) == NULL)
		tap_skip_all("seed document not available");
	d = parse_text(buf, len, 0);

	ok(starts(d, d->title, "Iraq signs military agreement"), "title");
	is_int(d->title_line, 1, "title line");
	is_int(count_kind(d, DOC_BLOCK_PARA), 27, "article paragraphs");
	is_int(count_kind(d, DOC_BLOCK_QUOTE), 15, "block quote lines");
	is_int(count_kind(d, DOC_BLOCK_CLAUSES), 1, "one clause block");
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == DOC_BLOCK_QUOTE &&
		    d->blocks[i].quote_group + 1 > groups)
			groups = d->blocks[i].quote_group + 1;
	is_int(groups, 6, "six block quotes");

	is_int(d->nclauses, 10, "ten clauses");
	good = 1;
	for (i = 0; i < d->nclauses; i++)
		good &= d->clauses[i].number == i + 1;
	ok(good, "clauses numbered 1-10");
	is_int(d->clauses[0].original.len, 0, "clause 1 has no original");
	ok(d->clauses[0].translation.len > 0, "clause 1 has a translation");
	good = 1;
	for (i = 1; i < d->nclauses; i++)
		good &= d->clauses[i].original_dir == DOC_DIR_RTL &&
		    d->clauses[i].translation.len > 0;
	ok(good, "clauses 2-10: RTL original and a translation");
	is_int(d->clauses[0].nnotes, 1, "clause 1: one insertion");
	is_int(d->clauses[1].nnotes, 1, "clause 2: one note");
	if (d->clauses[1].nnotes == 1) {
		const struct doc_note *n = &d->notes[d->clauses[1].first_note];

		is_int(n->kind, DOC_NOTE_EDITOR, "clause 2: editor's note");
		ok(span_eq(d, n->signature, "HC", 2), "signed HC");
	}
	ok(d->clauses[3].original.len > 0 &&
	    d->buf[d->clauses[3].original.off +
	    d->clauses[3].original.len] == '.',
	    "clause 4: '.' directly before the number is the separator");

	is_int(d->declared_comments, 13, "header declares 13");
	is_int(d->comment_header_line, 70, "header line");
	is_int(d->ncomments, 12, "12 comments present");
	good = 1;
	for (i = 0; i < d->ncomments; i++)
		good &= d->comments[i].number == i + 1;
	ok(good, "comments numbered 1-12");
	for (i = 0; i < d->ncomments && i < 12; i++)
		is_int(d->comments[i].npara, npara[i], "comment %zu paragraphs",
		    i + 1);
	is_int(d->comments_closed, 1, "comments closed");
	is_int(d->comments[10].first_para + 1 <= d->nparas ?
	    d->paras[d->comments[10].first_para].lines.n : 0, 13,
	    "comment 11: 13 lines");

	/* Comment 4 opens by quoting the last two lines of comment 3. */
	a = cline(d, 3, 0, 0);
	b = cline(d, 2, 0, 2);
	ok(starts(d, a, "\xe2\x80\x9c") && a.len == b.len + 3 &&
	    memcmp(doc_span_ptr(d, a) + 3, doc_span_ptr(d, b), b.len) == 0,
	    "comment 4 line 1 is “ + comment 3 line 3");
	a = cline(d, 3, 0, 1);
	b = cline(d, 2, 0, 3);
	ok(a.len == b.len + 3 &&
	    memcmp(doc_span_ptr(d, a), doc_span_ptr(d, b), b.len) == 0,
	    "comment 4 line 2 is comment 3 line 4 + ”");

	is_int(d->nproblems, 1, "one problem (the count)");
	is_int(d->invalid_sequences, 0, "valid UTF-8");
	doc_free(&d);
	return tap_done();
}

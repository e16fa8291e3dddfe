/*
 * doc.c: the document model's storage. The document owns its input buffer
 * and one growable array per kind of element; builders append and return
 * a zeroed element. Nothing here interprets text.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "gloss/doc.h"
#include "gloss/xmalloc.h"

/* Capacities, kept apart so struct doc stays a plain read-only view. */
struct doc_owner {
	struct doc doc;
	size_t cap_blocks, cap_clauses, cap_notes, cap_comments, cap_paras;
	size_t cap_lines, cap_links, cap_sections, cap_problems;
};

struct doc *
doc_new(char *buf, size_t len, int mapped)
{
	struct doc_owner *o = xcalloc(1, sizeof *o);

	o->doc.buf = buf;
	o->doc.len = len;
	o->doc.buf_mapped = mapped;
	o->doc.declared_comments = -1;
	o->doc.declared_total = -1;
	return &o->doc;
}

void
doc_free(struct doc **docp)
{
	struct doc *d = *docp;

	if (d == NULL)
		return;
	if (d->buf_mapped)
		munmap(d->buf, d->len);
	else
		free(d->buf);
	free(d->blocks);
	free(d->clauses);
	free(d->notes);
	free(d->comments);
	free(d->paras);
	free(d->lines);
	free(d->links);
	free(d->sections);
	free(d->problems);
	free(d);		/* d is the first member of its doc_owner */
	*docp = NULL;
}

static struct doc_owner *
doc_owner(struct doc *d)
{
	return (struct doc_owner *)d;
}

#define DOC_ADD(fn, type, arr, n, cap)					\
type *									\
fn(struct doc *d)							\
{									\
	struct doc_owner *o = doc_owner(d);				\
									\
	d->arr = xgrow(d->arr, &o->cap, d->n + 1, sizeof *d->arr);	\
	memset(&d->arr[d->n], 0, sizeof *d->arr);			\
	return &d->arr[d->n++];						\
}

DOC_ADD(doc_add_block, struct doc_block, blocks, nblocks, cap_blocks)
DOC_ADD(doc_add_clause, struct doc_clause, clauses, nclauses, cap_clauses)
DOC_ADD(doc_add_note, struct doc_note, notes, nnotes, cap_notes)
DOC_ADD(doc_add_comment, struct doc_comment, comments, ncomments, cap_comments)
DOC_ADD(doc_add_para, struct doc_para, paras, nparas, cap_paras)
DOC_ADD(doc_add_line, struct span, lines, nlines, cap_lines)
DOC_ADD(doc_add_link, struct doc_link, links, nlinks, cap_links)
DOC_ADD(doc_add_section, struct doc_section, sections, nsections,
    cap_sections)

void
doc_set_links(struct doc *d, struct doc_link *links, size_t n, size_t cap)
{
	struct doc_owner *o = doc_owner(d);

	free(d->links);
	d->links = links;
	d->nlinks = n;
	o->cap_links = cap;
}

void
doc_add_problem(struct doc *d, uint32_t line, const char *message)
{
	struct doc_owner *o = doc_owner(d);

	if (d->nproblems >= 1000)	/* enough to tell the story */
		return;
	d->problems = xgrow(d->problems, &o->cap_problems, d->nproblems + 1,
	    sizeof *d->problems);
	d->problems[d->nproblems].line = line;
	d->problems[d->nproblems].message = message;
	d->nproblems++;
}

long
doc_comment_by_number(const struct doc *d, uint64_t n)
{
	size_t i;

	for (i = 0; i < d->ncomments; i++)
		if (d->comments[i].number == n)
			return (long)i;
	return -1;
}

void
doc_sum_declared(struct doc *d)
{
	int64_t n = d->declared_comments;
	size_t k;

	for (k = 0; k < d->nsections && n >= 0; k++) {
		if (d->sections[k].declared < 0 ||
		    d->sections[k].declared > INT64_MAX - n)
			n = -1;
		else
			n += d->sections[k].declared;
	}
	d->declared_total = n;
}

long
doc_section_starting(const struct doc *d, size_t i)
{
	size_t lo = 0, hi = d->nsections, mid;

	while (lo < hi) {	/* the first section starting at or after i */
		mid = lo + (hi - lo) / 2;
		if (d->sections[mid].first_comment < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->nsections && d->sections[lo].first_comment == i ?
	    (long)lo : -1;
}

size_t
doc_comment_part(const struct doc *d, size_t i)
{
	size_t lo = 0, hi = d->nsections, mid;

	while (lo < hi) {	/* sections starting at or before i */
		mid = lo + (hi - lo) / 2;
		if (d->sections[mid].first_comment <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

long
doc_clause_by_number(const struct doc *d, uint32_t n)
{
	size_t i;

	for (i = 0; i < d->nclauses; i++)
		if (d->clauses[i].number == n)
			return (long)i;
	return -1;
}

/* Where a clause's text starts: its original, or its translation. */
static uint32_t
doc_clause_start(const struct doc_clause *c)
{
	return c->original.off < c->translation.off ? c->original.off :
	    c->translation.off;
}

static int
doc_span_holds(struct span s, uint32_t off)
{
	return off >= s.off && off - s.off < s.len;
}

long
doc_clause_at(const struct doc *d, size_t block, uint32_t off)
{
	const struct doc_block *bl;
	const struct doc_clause *c;
	size_t lo, hi, mid;

	if (block >= d->nblocks || d->blocks[block].kind != DOC_BLOCK_CLAUSES)
		return -1;
	bl = &d->blocks[block];
	lo = bl->first_clause;
	hi = (size_t)bl->first_clause + bl->nclauses;
	if (hi > d->nclauses)
		hi = d->nclauses;
	if (lo >= hi || off < doc_clause_start(&d->clauses[lo]))
		return -1;
	while (hi - lo > 1) {	/* the last clause that starts <= off */
		mid = lo + (hi - lo) / 2;
		if (doc_clause_start(&d->clauses[mid]) <= off)
			lo = mid;
		else
			hi = mid;
	}
	c = &d->clauses[lo];
	return doc_span_holds(c->original, off) ||
	    doc_span_holds(c->translation, off) ? (long)lo : -1;
}

/*
 * fuzz_check.c: the invariants the fuzz harnesses check (fuzz_check.h).
 * Model: every span lies inside doc->buf and holds no line break, every
 * range of indices lies inside its array, elements point back at their
 * owners; a clause's notes are in order, apart, and each a closed pair
 * of brackets with only closed pairs inside. Links: sorted by comment then start, each inside the quoting
 * paragraph, each source earlier in the document. Layout: every line's
 * width is its indent plus its glyph widths and at most the width asked
 * for; glyph text is safe. Safe text: valid UTF-8 with no C0 control but
 * LF, no DEL, no C1 control, no bidi control and no U+FEFF.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/text.h"
#include "fuzz_check.h"

void
fuzz_fail(const char *what, const char *file, int line)
{
	fprintf(stderr, "fuzz invariant broken: %s (%s:%d)\n", what, file,
	    line);
	abort();
}

/* A span inside the buffer, on one line. */
static void
fuzz_check_span(const struct doc *d, struct span s)
{
	FUZZ_ASSERT((uint64_t)s.off + s.len <= d->len);
	FUZZ_ASSERT(memchr(d->buf + s.off, '\n', s.len) == NULL);
	FUZZ_ASSERT(memchr(d->buf + s.off, '\r', s.len) == NULL);
}

/* Is [a, a + an) inside [b, b + bn)? */
static int
fuzz_inside(uint64_t a, uint64_t an, uint64_t b, uint64_t bn)
{
	return a >= b && a + an <= b + bn;
}

/* A note's brackets nest: its first '[' is closed by its last ']' only. */
static void
fuzz_check_note_closed(const struct doc *d, const struct doc_note *n)
{
	uint32_t i, depth = 0;

	for (i = 0; i < n->text.len; i++) {
		if (d->buf[n->text.off + i] == '[')
			depth++;
		else if (d->buf[n->text.off + i] == ']') {
			FUZZ_ASSERT(depth > 0);
			if (--depth == 0)
				FUZZ_ASSERT(i + 1 == n->text.len);
		}
	}
	FUZZ_ASSERT(depth == 0);
}

static void
fuzz_check_blocks(const struct doc *d)
{
	size_t i, k, seen = 0;

	for (i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];

		FUZZ_ASSERT(b->kind == DOC_BLOCK_PARA ||
		    b->kind == DOC_BLOCK_QUOTE ||
		    b->kind == DOC_BLOCK_CLAUSES);
		fuzz_check_span(d, b->text);
		FUZZ_ASSERT(b->line >= 1);
		if (b->kind != DOC_BLOCK_CLAUSES) {
			FUZZ_ASSERT(b->text.len > 0);
			continue;
		}
		FUZZ_ASSERT(b->text.len == 0);
		FUZZ_ASSERT(b->nclauses >= 1);
		FUZZ_ASSERT(b->first_clause == seen);
		FUZZ_ASSERT((uint64_t)b->first_clause + b->nclauses <=
		    d->nclauses);
		for (k = b->first_clause; k < b->first_clause + b->nclauses;
		    k++)
			FUZZ_ASSERT(d->clauses[k].block == i);
		seen += b->nclauses;
	}
	FUZZ_ASSERT(seen == d->nclauses);
}

static void
fuzz_check_clauses(const struct doc *d)
{
	size_t i, k, notes = 0;

	for (i = 0; i < d->nclauses; i++) {
		const struct doc_clause *c = &d->clauses[i];

		fuzz_check_span(d, c->original);
		fuzz_check_span(d, c->translation);
		FUZZ_ASSERT(c->block < d->nblocks);
		FUZZ_ASSERT(c->first_note == notes);
		FUZZ_ASSERT((uint64_t)c->first_note + c->nnotes <= d->nnotes);
		FUZZ_ASSERT(c->original_dir == DOC_DIR_NONE ||
		    c->original_dir == DOC_DIR_LTR ||
		    c->original_dir == DOC_DIR_RTL);
		for (k = c->first_note; k < c->first_note + c->nnotes; k++) {
			const struct doc_note *n = &d->notes[k];

			fuzz_check_span(d, n->text);
			fuzz_check_span(d, n->signature);
			FUZZ_ASSERT(n->text.len >= 2);
			FUZZ_ASSERT(d->buf[n->text.off] == '[');
			FUZZ_ASSERT(d->buf[n->text.off + n->text.len - 1] ==
			    ']');
			FUZZ_ASSERT(fuzz_inside(n->text.off, n->text.len,
			    c->translation.off, c->translation.len));
			FUZZ_ASSERT(k == c->first_note ||
			    n[-1].text.off + n[-1].text.len <= n->text.off);
			fuzz_check_note_closed(d, n);
			if (n->kind == DOC_NOTE_EDITOR)
				FUZZ_ASSERT(n->signature.len > 0 &&
				    fuzz_inside(n->signature.off,
				    n->signature.len, n->text.off,
				    n->text.len));
			else
				FUZZ_ASSERT(n->kind == DOC_NOTE_INSERTION &&
				    n->signature.len == 0);
		}
		notes += c->nnotes;
	}
	FUZZ_ASSERT(notes == d->nnotes);
}

static void
fuzz_check_comments(const struct doc *d)
{
	size_t i, k, paras = 0, lines = 0;

	for (i = 0; i < d->ncomments; i++) {
		const struct doc_comment *c = &d->comments[i];

		fuzz_check_span(d, c->number_text);
		FUZZ_ASSERT(c->number_text.len > 0);
		FUZZ_ASSERT(c->parent >= -1 && c->parent < (int64_t)i);
		FUZZ_ASSERT((uint64_t)c->first_para + c->npara <= d->nparas);
		if (c->npara > 0)
			FUZZ_ASSERT(c->first_para == paras);
		for (k = c->first_para; k < c->first_para + c->npara; k++)
			FUZZ_ASSERT(d->paras[k].comment == i);
		paras += c->npara;
	}
	FUZZ_ASSERT(paras == d->nparas);
	for (i = 0; i < d->nparas; i++) {
		const struct doc_para *p = &d->paras[i];

		FUZZ_ASSERT(p->comment < d->ncomments);
		FUZZ_ASSERT(p->lines.n >= 1);
		FUZZ_ASSERT(p->lines.first == lines);
		FUZZ_ASSERT((uint64_t)p->lines.first + p->lines.n <=
		    d->nlines);
		lines += p->lines.n;
	}
	FUZZ_ASSERT(lines == d->nlines);
	for (i = 0; i < d->nlines; i++) {
		fuzz_check_span(d, d->lines[i]);
		if (i > 0)
			FUZZ_ASSERT(d->lines[i].off >= d->lines[i - 1].off +
			    d->lines[i - 1].len);
	}
}

void
fuzz_check_model(const struct doc *d)
{
	size_t i;

	fuzz_check_span(d, d->title);
	fuzz_check_span(d, d->comment_header);
	FUZZ_ASSERT(d->declared_comments >= -1);
	FUZZ_ASSERT(d->comments_closed == 0 || d->comments_closed == 1);
	fuzz_check_blocks(d);
	fuzz_check_clauses(d);
	fuzz_check_comments(d);
	for (i = 0; i < d->nproblems; i++)
		FUZZ_ASSERT(d->problems[i].message != NULL);
	FUZZ_ASSERT(d->invalid_sequences == text_utf8_invalid(d->buf,
	    d->len));
}

/* Is [s, e) inside the lines of comment paragraph p? */
static int
fuzz_in_para(const struct doc *d, uint32_t p, uint32_t s, uint32_t e)
{
	const struct doc_para *pa = &d->paras[p];
	const struct span *first = &d->lines[pa->lines.first];
	const struct span *last = &d->lines[pa->lines.first + pa->lines.n - 1];

	return s < e && s >= first->off && e <= last->off + last->len;
}

/* Is [s, e) inside article block b (one side of a clause for clauses)? */
static int
fuzz_in_block(const struct doc *d, uint32_t b, uint32_t s, uint32_t e)
{
	const struct doc_block *bl = &d->blocks[b];
	size_t k;

	if (s >= e)
		return 0;
	if (bl->kind != DOC_BLOCK_CLAUSES)
		return fuzz_inside(s, e - s, bl->text.off, bl->text.len);
	for (k = bl->first_clause; k < bl->first_clause + bl->nclauses; k++) {
		const struct span *t = &d->clauses[k].translation;
		const struct span *o = &d->clauses[k].original;

		if (fuzz_inside(s, e - s, t->off, t->len) ||
		    fuzz_inside(s, e - s, o->off, o->len))
			return 1;
	}
	return 0;
}

void
fuzz_check_links(const struct doc *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->ncomments; i++) {
		const struct doc_comment *c = &d->comments[i];

		FUZZ_ASSERT(c->parent >= -1 && c->parent < (int64_t)i);
		if (c->nlinks > 0)
			FUZZ_ASSERT(c->first_link == n);
		FUZZ_ASSERT((uint64_t)c->first_link + c->nlinks <= d->nlinks);
		n += c->nlinks;
	}
	FUZZ_ASSERT(n == d->nlinks);
	for (i = 0; i < d->nlinks; i++) {
		const struct doc_link *l = &d->links[i];
		const struct doc_comment *c;

		FUZZ_ASSERT(l->comment < d->ncomments);
		c = &d->comments[l->comment];
		FUZZ_ASSERT(i >= c->first_link &&
		    i < c->first_link + c->nlinks);
		if (i > 0) {
			const struct doc_link *p = &d->links[i - 1];

			FUZZ_ASSERT(p->comment < l->comment ||
			    (p->comment == l->comment && p->end <= l->start));
		}
		FUZZ_ASSERT(l->para >= c->first_para &&
		    l->para < c->first_para + c->npara);
		FUZZ_ASSERT(fuzz_in_para(d, l->para, l->start, l->end));
		if (l->source_kind == DOC_SOURCE_ARTICLE) {
			FUZZ_ASSERT(l->block < d->nblocks);
			FUZZ_ASSERT(fuzz_in_block(d, l->block, l->source_start,
			    l->source_end));
		} else {
			const struct doc_comment *sc;

			FUZZ_ASSERT(l->source_kind == DOC_SOURCE_COMMENT);
			FUZZ_ASSERT(l->source_comment < l->comment);
			sc = &d->comments[l->source_comment];
			FUZZ_ASSERT(l->source_para >= sc->first_para &&
			    l->source_para < sc->first_para + sc->npara);
			FUZZ_ASSERT(fuzz_in_para(d, l->source_para,
			    l->source_start, l->source_end));
		}
	}
}

void
fuzz_check_lay(const struct lay *l, int width)
{
	size_t i, g;

	for (i = 0; i < l->nlines; i++) {
		const struct lay_line *ln = &l->lines[i];
		unsigned w = ln->indent;

		FUZZ_ASSERT((uint64_t)ln->first + ln->n <= l->nglyphs);
		for (g = ln->first; g < ln->first + ln->n; g++) {
			const struct lay_glyph *gl = &l->glyphs[g];

			FUZZ_ASSERT((uint64_t)gl->text + gl->len <= l->textlen);
			fuzz_check_safe(l->text + gl->text, gl->len);
			FUZZ_ASSERT(memchr(l->text + gl->text, '\n', gl->len) ==
			    NULL);
			w += gl->width;
		}
		FUZZ_ASSERT(w == ln->width);
		FUZZ_ASSERT(ln->width <= width);
	}
}

void
fuzz_check_safe(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		FUZZ_ASSERT(n >= 1 && n <= len - i);
		if (cp == 0xfffd) {
			/* Only a real U+FFFD (EF BF BD), never bad bytes. */
			FUZZ_ASSERT(n == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) ==
			    0);
		}
		FUZZ_ASSERT(cp == '\n' || cp >= 0x20);
		FUZZ_ASSERT(cp < 0x7f || cp > 0x9f);
		FUZZ_ASSERT(cp != 0x061c && cp != 0x200e && cp != 0x200f);
		FUZZ_ASSERT(cp < 0x202a || cp > 0x202e);
		FUZZ_ASSERT(cp < 0x2066 || cp > 0x2069);
		FUZZ_ASSERT(cp != 0xfeff);
		i += n;
	}
}

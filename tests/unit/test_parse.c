/*
 * test_parse.c: unit tests of parse_text() on small documents written
 * here, one group per element of the format and per tolerance, plus a
 * generated large thread and a run on random bytes (checked against the
 * model's invariants).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/doc.h"
#include "gloss/parse.h"
#include "gloss/xmalloc.h"
#include "tap.h"

/* Strings handed out by the helpers; freed at the end. */
static char **pool;
static size_t npool, cappool;

static char *
keep(char *s)
{
	pool = xgrow(pool, &cappool, npool + 1, sizeof *pool);
	pool[npool++] = s;
	return s;
}

static struct doc *
parse_n(const char *s, size_t n)
{
	char *b = xmalloc(n);

	memcpy(b, s, n);
	return parse_text(b, n, 0);
}

static struct doc *
parse_s(const char *s)
{
	return parse_n(s, strlen(s));
}

static const char *
S(const struct doc *d, struct span sp)
{
	return keep(xstrndup(doc_span_ptr(d, sp), sp.len));
}

/* Text of paragraph k of comment c, lines joined with "\n". */
static const char *
para_text(const struct doc *d, size_t c, size_t k)
{
	const struct doc_para *pa;
	size_t n = 0, i;
	char *s;

	if (c >= d->ncomments || k >= d->comments[c].npara)
		return "(none)";
	pa = &d->paras[d->comments[c].first_para + k];
	for (i = 0; i < pa->lines.n; i++)
		n += d->lines[pa->lines.first + i].len + 1;
	s = xmalloc(n + 1);
	n = 0;
	for (i = 0; i < pa->lines.n; i++) {
		struct span sp = d->lines[pa->lines.first + i];

		if (i > 0)
			s[n++] = '\n';
		memcpy(s + n, doc_span_ptr(d, sp), sp.len);
		n += sp.len;
	}
	s[n] = '\0';
	return keep(s);
}

static int
has_problem(const struct doc *d, const char *what)
{
	size_t i;

	for (i = 0; i < d->nproblems; i++)
		if (strstr(d->problems[i].message, what) != NULL)
			return 1;
	return 0;
}

/* A problem containing what, recorded for line. */
/* How many problems mention what. */
static int
count_problems(const struct doc *d, const char *what)
{
	size_t i;
	int n = 0;

	for (i = 0; i < d->nproblems; i++)
		if (strstr(d->problems[i].message, what) != NULL)
			n++;
	return n;
}

static int
has_problem_at(const struct doc *d, uint32_t line, const char *what)
{
	size_t i;

	for (i = 0; i < d->nproblems; i++)
		if (d->problems[i].line == line &&
		    strstr(d->problems[i].message, what) != NULL)
			return 1;
	return 0;
}

static int
span_ok(const struct doc *d, struct span sp)
{
	size_t i;

	if ((size_t)sp.off + sp.len > d->len)
		return 0;
	for (i = 0; i < sp.len; i++) {
		char c = d->buf[sp.off + i];

		if (c == '\n' || c == '\r')
			return 0;
	}
	return 1;
}

/* The model's invariants (doc.h); 1 if they all hold. */
static int
invariants(const struct doc *d)
{
	size_t i, j;

	if (!span_ok(d, d->title) || !span_ok(d, d->comment_header))
		return 0;
	for (i = 0; i < d->nblocks; i++) {
		const struct doc_block *b = &d->blocks[i];

		if (!span_ok(d, b->text))
			return 0;
		if (b->kind == DOC_BLOCK_CLAUSES && (b->nclauses == 0 ||
		    (size_t)b->first_clause + b->nclauses > d->nclauses))
			return 0;
	}
	for (i = 0; i < d->nclauses; i++) {
		const struct doc_clause *c = &d->clauses[i];

		if (!span_ok(d, c->original) || !span_ok(d, c->translation) ||
		    c->block >= d->nblocks ||
		    (size_t)c->first_note + c->nnotes > d->nnotes)
			return 0;
		for (j = 0; j < c->nnotes; j++) {
			const struct doc_note *n = &d->notes[c->first_note + j];

			if (n->text.off < c->translation.off ||
			    n->text.off + n->text.len > c->translation.off +
			    c->translation.len || !span_ok(d, n->signature))
				return 0;
			if (j > 0 && n->text.off < n[-1].text.off +
			    n[-1].text.len)
				return 0;	/* in order, apart */
		}
	}
	j = 0;
	for (i = 0; i < d->ncomments; i++) {
		const struct doc_comment *c = &d->comments[i];

		if (!span_ok(d, c->number_text) || c->parent != -1 ||
		    c->nlinks != 0)
			return 0;
		if (c->npara > 0 && c->first_para != j)
			return 0;
		j += c->npara;
	}
	if (j != d->nparas || d->nlinks != 0)
		return 0;
	j = 0;
	for (i = 0; i < d->nparas; i++) {
		if (d->paras[i].lines.first != j || d->paras[i].lines.n == 0)
			return 0;
		j += d->paras[i].lines.n;
	}
	if (j != d->nlines)
		return 0;
	for (i = 0; i < d->nsections; i++) {	/* each part has a comment */
		const struct doc_section *sec = &d->sections[i];

		if (!span_ok(d, sec->header) || sec->header.len == 0 ||
		    sec->first_comment >= d->ncomments ||
		    sec->first_comment < (i > 0 ?
		    d->sections[i - 1].first_comment + 1 : 1))
			return 0;
	}
	for (i = 0; i < d->nlines; i++)
		if (!span_ok(d, d->lines[i]) || d->lines[i].len == 0)
			return 0;
	return 1;
}

static void
test_title_and_paragraphs(void)
{
	struct doc *d = parse_s("\n  \n  The  Title  \nFirst paragraph.\n"
	    "Second one, with “quotes” – and a dash.   \n\nThird.");

	is_str(S(d, d->title), "The  Title", "title: first non-blank line, trimmed");
	is_int(d->title_line, 3, "title line");
	is_int(d->nblocks, 3, "three paragraphs");
	is_int(d->blocks[0].kind, DOC_BLOCK_PARA, "paragraph kind");
	is_str(S(d, d->blocks[1].text),
	    "Second one, with “quotes” – and a dash.",
	    "paragraph text without trailing spaces");
	is_int(d->blocks[2].line, 7, "paragraph line number");
	is_int(d->ncomments, 0, "no comments");
	is_int(d->nclauses, 0, "no clauses");
	is_int(d->declared_comments, -1, "no header: declared -1");
	is_int(d->nproblems, 0, "no problems");
	ok(invariants(d), "invariants");
	doc_free(&d);
	ok(d == NULL, "doc_free clears the pointer");
}

static void
test_quotes(void)
{
	struct doc *d = parse_s("T\nIntro:\n\n    Quote one, line one.\n"
	    "    Quote one, line two.\n\nMiddle.\n\n    Quote two.\nEnd.\n"
	    "    Quote three, no blank before.\nAfter.\n");

	is_int(d->nblocks, 8, "blocks");
	is_int(d->blocks[1].kind, DOC_BLOCK_QUOTE, "quote kind");
	is_str(S(d, d->blocks[1].text), "Quote one, line one.",
	    "quote text without indentation");
	is_int(d->blocks[2].quote_group, 0, "two lines, one group");
	is_int(d->blocks[4].quote_group, 1, "second group");
	is_int(d->blocks[5].kind, DOC_BLOCK_PARA,
	    "paragraph right after a quote");
	is_int(d->blocks[6].kind, DOC_BLOCK_QUOTE,
	    "quote right after a paragraph");
	is_int(d->blocks[6].quote_group, 2, "third group");
	is_int(d->blocks[7].kind, DOC_BLOCK_PARA, "paragraph after it");
	ok(invariants(d), "invariants");
	doc_free(&d);

	d = parse_s("T\n    a\n\n    b\n");
	ok(d->nblocks == 2 && d->blocks[1].quote_group == 1,
	    "a blank line separates two quote groups");
	doc_free(&d);
}

static void
test_clauses(void)
{
	struct doc *d = parse_s("T\nHere:\n\n"
	    "    1 – Only a translation [with an insertion].\n"
	    "    2- تفتح البوابة صباحا . 2 – The gate opens in the morning.\n"
	    "    3- يحق لكل بلدة نصف الماء. 3 — Each town may take half.\n"
	    "    4 - لا يجوز البناء . 4 - Building is not allowed.\n"
	    "\n"
	    "    5- ولمدة 10 سنوات . 5 – For 10 years [a note ~HC] and [x].\n"
	    "After.\n");
	const struct doc_clause *c;

	is_int(d->nclauses, 5, "five clauses");
	is_int(d->nblocks, 3, "paragraph, clause block, paragraph");
	is_int(d->blocks[1].kind, DOC_BLOCK_CLAUSES, "clause block");
	is_int(d->blocks[1].first_clause, 0, "first clause");
	is_int(d->blocks[1].nclauses, 5,
	    "a blank line inside a clause run does not split it");
	is_int(d->blocks[1].line, 4, "block line");
	c = &d->clauses[0];
	is_int(c->number, 1, "clause 1 number");
	is_int(c->original.len, 0, "clause 1 has no original");
	is_int(c->original_dir, DOC_DIR_NONE, "no original: no direction");
	is_str(S(d, c->translation), "Only a translation [with an insertion].",
	    "clause 1 translation");
	is_int(c->nnotes, 1, "clause 1 one note");
	is_int(d->notes[c->first_note].kind, DOC_NOTE_INSERTION, "insertion");
	is_str(S(d, d->notes[c->first_note].text), "[with an insertion]",
	    "note text includes brackets");
	c = &d->clauses[1];
	is_str(S(d, c->original), "تفتح البوابة صباحا",
	    "clause 2 original (separator dropped)");
	is_int(c->original_dir, DOC_DIR_RTL, "clause 2 original is RTL");
	is_str(S(d, c->translation), "The gate opens in the morning.",
	    "clause 2 translation");
	is_int(c->line, 5, "clause 2 line");
	is_int(c->block, 1, "clause 2 block");
	c = &d->clauses[2];
	is_str(S(d, c->original), "يحق لكل بلدة نصف الماء",
	    "'.' directly before the repeated number");
	is_str(S(d, c->translation), "Each town may take half.",
	    "em dash before the translation");
	c = &d->clauses[3];
	is_int(c->number, 4, "spaced hyphen");
	is_str(S(d, c->translation), "Building is not allowed.",
	    "hyphen before the translation");
	c = &d->clauses[4];
	is_str(S(d, c->original), "ولمدة 10 سنوات",
	    "Latin digits inside the original are not the split");
	is_int(c->nnotes, 2, "two notes");
	is_int(d->notes[c->first_note].kind, DOC_NOTE_EDITOR, "editor's note");
	is_str(S(d, d->notes[c->first_note].signature), "HC", "signature");
	is_int(d->notes[c->first_note + 1].kind, DOC_NOTE_INSERTION,
	    "then an insertion");
	is_int(d->notes[c->first_note + 1].signature.len, 0,
	    "insertion has no signature");
	is_int(d->nproblems, 0, "no problems");
	ok(invariants(d), "invariants");
	doc_free(&d);
}

/*
 * The repeated number may follow punctuation with no space, as after an
 * ideographic full stop; never a letter or a digit.
 */
static void
test_clause_cjk(void)
{
	struct doc *d = parse_s("T\n"
	    "    1- 双方应共同维护河道。1 – Both parties maintain the channel.\n"
	    "    2- Ein Satz ohne Abstand.2 – A sentence without a space.\n"
	    "    3 – Version A3 – of the text, and item 33 – too.\n");

	is_int(d->nclauses, 3, "three clauses");
	is_str(S(d, d->clauses[0].original), "双方应共同维护河道。",
	    "after an ideographic full stop: the original");
	is_str(S(d, d->clauses[0].translation),
	    "Both parties maintain the channel.",
	    "after an ideographic full stop: the translation");
	is_str(S(d, d->clauses[1].original), "Ein Satz ohne Abstand",
	    "after a full stop: the original");
	is_int(d->clauses[2].original.len, 0,
	    "a number after a letter or digit is not the repeated one");
	is_int(doc_clause_at(d, 0, d->clauses[0].original.off), 0,
	    "doc_clause_at: an original's first byte");
	is_int(doc_clause_at(d, 0, d->clauses[1].translation.off + 3), 1,
	    "doc_clause_at: inside a translation");
	is_int(doc_clause_at(d, 0, d->clauses[2].translation.off +
	    d->clauses[2].translation.len - 1), 2,
	    "doc_clause_at: the last byte of the last clause");
	is_int(doc_clause_at(d, 0, d->clauses[1].original.off +
	    d->clauses[1].original.len), -1,
	    "doc_clause_at: between original and translation, none");
	is_int(doc_clause_at(d, 1, d->clauses[0].original.off), -1,
	    "doc_clause_at: no such block");
	ok(invariants(d), "invariants");
	doc_free(&d);
}

/* A lone original drops the " ." separator, as a paired one does. */
static void
test_clause_alone_dot(void)
{
	struct doc *d = parse_s("T\n"
	    "    1- نص بلا ترجمة .\n"
	    "    2- نص آخر.\n");

	is_int(d->nclauses, 2, "two lone originals");
	is_str(S(d, d->clauses[0].original), "نص بلا ترجمة",
	    "lone original: the \" .\" separator dropped");
	is_str(S(d, d->clauses[1].original), "نص آخر",
	    "lone original: a final full stop dropped");
	ok(invariants(d), "invariants");
	doc_free(&d);
}

static void
test_clause_tolerance(void)
{
	struct doc *d = parse_s("T\n"
	    "    7- نص عربي . 8 – Mismatched number.\n"
	    "    9- نص بلا ترجمة\n"
	    "    10 – A term of 3 - 5 years.\n"
	    "    11 – Nested [a [b] c] and [unclosed\n"
	    "    12 – Stray ] bracket [~XY] [x ~ too long a sig] [a~b]\n"
	    "    13 – [[[[[[[[\n"
	    "    99999999999- نص . 99999999999 – Big.\n"
	    "    A quote line after the clauses.\n");
	const struct doc_clause *c;

	is_int(d->nclauses, 7, "seven clauses");
	c = &d->clauses[0];
	is_int(c->number, 7, "number of the first dash kept");
	is_str(S(d, c->original), "نص عربي", "original before a mismatch");
	is_str(S(d, c->translation), "Mismatched number.",
	    "translation after a mismatch");
	ok(has_problem(d, "differs from its repeated"),
	    "mismatch recorded");
	c = &d->clauses[1];
	is_str(S(d, c->original), "نص بلا ترجمة", "original alone");
	is_int(c->translation.len, 0, "no translation");
	ok(has_problem(d, "no translation"), "missing translation recorded");
	c = &d->clauses[2];
	is_int(c->original.len, 0, "'3 - 5' inside a translation: no split");
	is_str(S(d, c->translation), "A term of 3 - 5 years.",
	    "whole translation kept");
	c = &d->clauses[3];
	is_int(c->nnotes, 1, "nested brackets: one note");
	is_str(S(d, d->notes[c->first_note].text), "[a [b] c]",
	    "outermost pair");
	ok(has_problem(d, "unclosed bracket"), "unclosed bracket recorded");
	c = &d->clauses[4];
	is_int(c->nnotes, 3, "stray ] ignored; three notes");
	is_int(d->notes[c->first_note].kind, DOC_NOTE_EDITOR,
	    "[~XY] is signed");
	is_str(S(d, d->notes[c->first_note].signature), "XY", "signature XY");
	is_int(d->notes[c->first_note + 1].kind, DOC_NOTE_INSERTION,
	    "a signature with spaces is not one");
	is_int(d->notes[c->first_note + 2].kind, DOC_NOTE_INSERTION,
	    "'~' inside a word does not sign");
	is_int(d->clauses[5].nnotes, 0, "only opening brackets: no note");
	is_int(d->clauses[6].number, UINT32_MAX, "huge clause number bounded");
	ok(has_problem(d, "clause number too large"), "recorded");
	is_str(S(d, d->clauses[6].translation), "Big.",
	    "huge repeated number still splits");
	is_int(d->nblocks, 2, "clause block then quote");
	is_int(d->blocks[1].kind, DOC_BLOCK_QUOTE,
	    "non-clause indented line ends the clause block");
	ok(invariants(d), "invariants");
	doc_free(&d);

	d = parse_s("T\n    2008-09 was a hard year.\n    1990 – the year.\n");
	is_int(d->blocks[0].kind, DOC_BLOCK_QUOTE,
	    "'2008-09' (no space after the dash) is not a clause");
	is_int(d->nclauses, 1, "'1990 – ' is (documented limit)");
	doc_free(&d);
}

/*
 * Brackets nest: the outermost closed pair is one note. A '[' never
 * closed is a literal bracket: the closed pairs after it are still
 * notes, in order, and nothing else of the text is a note.
 */
static void
test_notes_nested(void)
{
	static const char *const want[][4] = {
		{ "[three]" },
		{ "[b]", "[e]", "[g ~XY]" },
		{ "[[y] [z]]" },
		{ "[a]", "[b [c]]", "[d]" },
		{ "[x]" },
	};
	static const size_t nwant[] = { 1, 3, 1, 3, 1 };
	const struct doc_clause *c;
	struct doc *d;
	char *big, *s;
	size_t k, j, nbig = 100000;

	big = xmalloc(nbig + 8);
	memset(big, '[', nbig);
	memcpy(big + nbig, "[x] y", 6);
	s = xasprintf("T\n"
	    "    1 \xe2\x80\x93 one [two [three] four five\n"
	    "    2 \xe2\x80\x93 a [b] c [d [e] f [g ~XY] h\n"
	    "    3 \xe2\x80\x93 x [[y] [z]] w\n"
	    "    4 \xe2\x80\x93 [ [a] [b [c]] [d]\n"
	    "    5 \xe2\x80\x93 %s\n", big);
	d = parse_s(s);
	is_int(d->nclauses, 5, "nested notes: five clauses");
	for (k = 0; k < 5 && k < d->nclauses; k++) {
		c = &d->clauses[k];
		is_int(c->nnotes, nwant[k], "nested notes: clause %zu: %zu "
		    "notes", k + 1, nwant[k]);
		for (j = 0; j < nwant[k] && j < c->nnotes; j++)
			is_str(S(d, d->notes[c->first_note + j].text),
			    want[k][j], "nested notes: clause %zu, note %zu",
			    k + 1, j + 1);
	}
	if (d->nclauses >= 2 && d->clauses[1].nnotes == 3) {
		c = &d->clauses[1];
		is_int(d->notes[c->first_note + 2].kind, DOC_NOTE_EDITOR,
		    "a signed note after an unclosed bracket is an editor's");
		is_str(S(d, d->notes[c->first_note + 2].signature), "XY",
		    "and keeps its signature");
	}
	ok(has_problem_at(d, 2, "unclosed bracket") &&
	    has_problem_at(d, 3, "unclosed bracket") &&
	    !has_problem_at(d, 4, "unclosed bracket"),
	    "unclosed brackets recorded on their lines");
	ok(invariants(d), "nested notes: invariants");
	doc_free(&d);
	free(s);
	free(big);
}

/* Is clause k (number num) original o and translation t? */
static void
clause_is(const struct doc *d, size_t k, uint32_t num, const char *o,
    const char *t, const char *what)
{
	if (k >= d->nclauses) {
		ok(0, "%s: no clause %zu (%zu clauses)", what, k, d->nclauses);
		return;
	}
	is_int(d->clauses[k].number, num, "%s: number", what);
	is_str(S(d, d->clauses[k].original), o, "%s: original", what);
	is_str(S(d, d->clauses[k].translation), t, "%s: translation", what);
}

/* Only quotes and paragraphs: no clause, no clause block. */
static void
no_clauses(const char *text, const char *what)
{
	struct doc *d = parse_s(text);
	size_t i, n = 0;

	for (i = 0; i < d->nblocks; i++)
		n += d->blocks[i].kind == DOC_BLOCK_CLAUSES;
	ok(d->nclauses == 0 && n == 0, "not a clause: %s", what);
	doc_free(&d);
}

/*
 * No space after the dash ("1-text"): a clause when the text after the
 * dash is right-to-left or the number repeats after a full stop.
 */
static void
test_clause_tight(void)
{
	struct doc *d = parse_s("T\n"
	    "    1-تبدأ المدة اليوم . 1 – The term starts today\n"
	    "    2-Le bail court . 2 – The lease runs\n"
	    "    3–يسقط الحق . 3–The right lapses\n"
	    "    4-يبقى النص وحده\n"
	    "    5-ينتهي العقد . 6 – The contract ends\n");

	is_int(d->nclauses, 5, "tight: five clauses");
	is_int(d->nblocks, 1, "tight: one clause block");
	clause_is(d, 0, 1, "تبدأ المدة اليوم", "The term starts today",
	    "tight, right-to-left after the dash");
	is_int(d->nclauses > 0 ? (int)d->clauses[0].original_dir : -1,
	    DOC_DIR_RTL, "tight: the original is right to left");
	clause_is(d, 1, 2, "Le bail court", "The lease runs",
	    "tight, left-to-right, number repeated after a full stop");
	is_int(d->nclauses > 1 ? (int)d->clauses[1].original_dir : -1,
	    DOC_DIR_LTR, "tight: a left-to-right original");
	clause_is(d, 2, 3, "يسقط الحق", "The right lapses",
	    "en dash without spaces on both sides");
	clause_is(d, 3, 4, "يبقى النص وحده", "",
	    "tight, right to left, alone: an original");
	clause_is(d, 4, 5, "ينتهي العقد", "The contract ends",
	    "tight, right to left, another number repeated");
	ok(has_problem_at(d, 6, "differs"), "tight: the mismatch noted");
	ok(invariants(d), "invariants");
	doc_free(&d);

	no_clauses("T\n    3-year plans were made.\n",
	    "3-year plans (left to right, no repeat)");
	no_clauses("T\n    2024-05-01 was a Friday.\n", "an ISO date");
	no_clauses("T\n    2024-05-01 موعد الاجتماع\n",
	    "an ISO date before right-to-left text");
	no_clauses("T\n    7-day week . 7 days . 7-8 hours\n",
	    "tight, repeated without a dash");

	/* An original that ends in a question or an exclamation. */
	d = parse_s("T\n"
	    "    1-هل جاء الرجل؟ 1-Did the man come?\n"
	    "    2-نعم! 2-Yes!\n"
	    "    3. Est-ce vrai ? 3. Is it true?\n"
	    "    4) Vraiment\xe2\x80\xa6 4) Really\xe2\x80\xa6\n"
	    "    5. 本当？ 5. Really?\n");
	is_int(d->nclauses, 5, "questions: five clauses");
	clause_is(d, 0, 1, "هل جاء الرجل؟", "Did the man come?",
	    "an Arabic question mark ends the original");
	clause_is(d, 1, 2, "نعم!", "Yes!", "an exclamation mark");
	clause_is(d, 2, 3, "Est-ce vrai ?", "Is it true?",
	    "'N. ' after a question mark");
	clause_is(d, 3, 4, "Vraiment\xe2\x80\xa6", "Really\xe2\x80\xa6",
	    "'N) ' after an ellipsis");
	clause_is(d, 4, 5, "本当？", "Really?", "a full-width question mark");
	ok(invariants(d), "invariants");
	doc_free(&d);
	no_clauses("T\n    1. Why? 2. Because.\n",
	    "a numbered list of questions (another number) is text");
}

/*
 * "N. original . N. translation" and "N) …": only when the same number
 * repeats after a full stop, so numbered lists stay what they are.
 */
static void
test_clause_dot_paren(void)
{
	struct doc *d = parse_s("T\n"
	    "    3. the original text . 3. the rendering\n"
	    "    4) النص الأصلي . 4) the rendering in English\n"
	    "    5. نص قصير . 5 – mixed markers\n"
	    "    6) Original six.6) Rendering six\n");

	is_int(d->nclauses, 4, "dot and parenthesis: four clauses");
	clause_is(d, 0, 3, "the original text", "the rendering",
	    "dot numbering");
	clause_is(d, 1, 4, "النص الأصلي", "the rendering in English",
	    "parenthesis numbering");
	clause_is(d, 2, 5, "نص قصير", "mixed markers",
	    "a dot, then a dash before the translation");
	clause_is(d, 3, 6, "Original six", "Rendering six",
	    "a parenthesis repeated right after a full stop");
	ok(invariants(d), "invariants");
	doc_free(&d);

	d = parse_s("T\n1. Buy milk\n2. Buy bread\n"
	    "    1. Buy milk\n    2. Eggs. 3. Bread.\n"
	    "    4) a point . 5) another\n    6. Take 6 – 8 of them.\n");
	is_int(d->nclauses, 0, "numbered lists: no clauses");
	ok(d->nblocks == 6 && d->blocks[0].kind == DOC_BLOCK_PARA &&
	    d->blocks[2].kind == DOC_BLOCK_QUOTE &&
	    d->blocks[5].kind == DOC_BLOCK_QUOTE,
	    "numbered lists stay paragraphs and quotes");
	doc_free(&d);
	no_clauses("T\n    1.5 litres . 1.5 litres\n", "a decimal repeated");
	no_clauses("T\n    3.\n", "a number and a dot alone");
	no_clauses("T\n    - a bullet\n    * another . * one\n"
	    "    • a third\n", "bulleted lists");
	no_clauses("T\n    The term was 3 – 5 years. It ended.\n"
	    "Chapter 2 – the river.\n", "a number in prose");
}

/*
 * "N. " and "N) " on two lines: a right-to-left original alone on its
 * line, then its left-to-right translation on the next line with the
 * same number. A numbered list (the same number twice, or left to right
 * on both lines) stays text.
 */
static void
test_clause_dot_two_lines(void)
{
	struct doc *d = parse_s("T\n"
	    "    1. ذهب الرجل إلى السوق\n"
	    "    1. The man went to the market.\n"
	    "    2) واشترى خبزا\n"
	    "    2) And he bought bread [and salt].\n"
	    "    3. وعاد إلى بيته\n"
	    "    3 – Then he went home.\n");

	is_int(d->nclauses, 3, "three clauses on six lines");
	is_int(d->nblocks, 1, "one clause block, no quote");
	clause_is(d, 0, 1, "ذهب الرجل إلى السوق",
	    "The man went to the market.", "dot: original, then translation");
	clause_is(d, 1, 2, "واشترى خبزا", "And he bought bread [and salt].",
	    "parenthesis: original, then translation");
	is_int(d->clauses[1].nnotes, 1, "the translation's note");
	clause_is(d, 2, 3, "وعاد إلى بيته", "Then he went home.",
	    "dot, then a dash before the translation");
	ok(!has_problem_at(d, 2, "no translation") &&
	    !has_problem_at(d, 4, "no translation"),
	    "no clause reported as missing its translation");
	ok(invariants(d), "invariants");
	doc_free(&d);

	no_clauses("T\n    1. Buy milk\n    1. Buy bread\n",
	    "a list numbered 1. 1. (left to right)");
	no_clauses("T\n    1. ذهب الرجل\n\n    1. The man went.\n",
	    "a blank line between");
	no_clauses("T\n    1. ذهب الرجل\n    2. The man went.\n",
	    "another number on the next line");
	no_clauses("T\n    1. ذهب الرجل\n    1. وعاد\n",
	    "right to left on both lines");
	no_clauses("T\n    1. ذهب الرجل\n  1. The man went.\n",
	    "the next line not indented as a clause");
}

/*
 * "(N) " as "N) ": a clause when the number repeats after a full stop, or
 * on two lines as test_clause_dot_two_lines has it.
 */
static void
test_clause_enclosed(void)
{
	struct doc *d = parse_s("T\n"
	    "    (1) ذهب الرجل إلى السوق. (1) The man went to the market.\n"
	    "    (2) واشترى خبزا\n"
	    "    (2) And he bought bread.\n"
	    "    (3) Third original. (3) Third rendering\n"
	    "    (٤) وعاد إلى بيته . (٤) He went home.\n");

	is_int(d->nclauses, 4, "four clauses");
	clause_is(d, 0, 1, "ذهب الرجل إلى السوق",
	    "The man went to the market.", "(N) repeated after a full stop");
	clause_is(d, 1, 2, "واشترى خبزا", "And he bought bread.",
	    "(N) on two lines");
	clause_is(d, 2, 3, "Third original", "Third rendering",
	    "(N) left to right, repeated after a full stop");
	clause_is(d, 3, 4, "وعاد إلى بيته", "He went home.",
	    "(N) in Arabic-Indic digits");
	ok(invariants(d), "invariants");
	doc_free(&d);

	no_clauses("T\n    (1) Buy milk\n    (2) Buy bread\n",
	    "a list numbered (1) (2)");
	no_clauses("T\n    (1)text . (1)text\n", "no space after (N)");
	no_clauses("T\n    (1 the text. (1 again\n", "an unclosed parenthesis");
	no_clauses("T\n    (see 1) the text. (see 1) again\n",
	    "words in the parenthesis");
	no_clauses("T\n    () the text. () again\n", "no number");
}

/* "N -", "N–", "N—" before either side; the repeated number too. */
static void
test_clause_dashes(void)
{
	struct doc *d = parse_s("T\n"
	    "    1 - نص أول . 1 – First text\n"
	    "    2– نص ثان . 2 - Second text\n"
	    "    3— نص ثالث . 3—Third text\n"
	    "    4 -نص رابع . 4- Fourth text\n"
	    "    5- Fifth original . 5–Fifth text\n"
	    "    6 — نص سادس . 6 -Sixth text\n");

	is_int(d->nclauses, 6, "dashes: six clauses");
	clause_is(d, 0, 1, "نص أول", "First text", "spaced hyphen, en dash");
	clause_is(d, 1, 2, "نص ثان", "Second text",
	    "en dash with no space before, spaced hyphen");
	clause_is(d, 2, 3, "نص ثالث", "Third text",
	    "em dash, repeated with no spaces");
	clause_is(d, 3, 4, "نص رابع", "Fourth text",
	    "a space before the hyphen only");
	clause_is(d, 4, 5, "Fifth original", "Fifth text",
	    "left to right, repeated with an en dash and no spaces");
	clause_is(d, 5, 6, "نص سادس", "Sixth text",
	    "spaced em dash, hyphen with a space before only");
	ok(!has_problem(d, "differs") && !has_problem(d, "no translation"),
	    "dashes: no problems");
	ok(invariants(d), "invariants");
	doc_free(&d);

	d = parse_s("T\n    5- ولمدة 5-10 سنوات . 5 – For 5-10 years\n");
	clause_is(d, 0, 5, "ولمدة 5-10 سنوات", "For 5-10 years",
	    "'5-10' inside the original is not the repeated number");
	doc_free(&d);
}

/*
 * Where the repeated number occurs more than once: after a full stop
 * first, then at a change from right to left to left to right, then the
 * first.
 */
static void
test_clause_split_choice(void)
{
	struct doc *d = parse_s("T\n"
	    "    1- نص فيه 1 – رقم . 1 – Text with a number\n"
	    "    2- البند 2 – الفقرة 2 – Clause 2 – the paragraph\n"
	    "    3 – Step 3 – then 3 – done\n"
	    "    4- نص 4 – Text . 4 – More\n"
	    "    5- نص 5 – آخر . 5 – Both, the stop wins\n");

	is_int(d->nclauses, 5, "choice: five clauses");
	clause_is(d, 0, 1, "نص فيه 1 – رقم", "Text with a number",
	    "after a full stop, not the first");
	clause_is(d, 1, 2, "البند 2 – الفقرة", "Clause 2 – the paragraph",
	    "at the change from right to left to left to right");
	clause_is(d, 2, 3, "Step", "then 3 – done",
	    "neither: the first");
	clause_is(d, 3, 4, "نص 4 – Text", "More",
	    "a full stop before a change of direction");
	clause_is(d, 4, 5, "نص 5 – آخر", "Both, the stop wins",
	    "right to left on both sides is no change");
	ok(invariants(d), "invariants");
	doc_free(&d);
}

/* NO-BREAK SPACE and NARROW NO-BREAK SPACE around the number and dash. */
static void
test_clause_nbsp(void)
{
	struct doc *d = parse_s("T\n"
	    "    1\xc2\xa0\xe2\x80\x93\xc2\xa0نص أول . 1\xc2\xa0\xe2\x80\x93"
	    "\xc2\xa0The first\n"
	    "    2\xe2\x80\xaf- نص ثان\xc2\xa0.\xe2\x80\xaf"
	    "2 \xe2\x80\x93\xe2\x80\xafThe second\xc2\xa0\n"
	    "    3.\xc2\xa0Original three\xc2\xa0.\xc2\xa0" "3.\xc2\xa0Three\n");

	is_int(d->nclauses, 3, "no-break spaces: three clauses");
	clause_is(d, 0, 1, "نص أول", "The first", "NO-BREAK SPACE");
	clause_is(d, 1, 2, "نص ثان", "The second",
	    "NARROW NO-BREAK SPACE, both trimmed");
	clause_is(d, 2, 3, "Original three", "Three",
	    "dot numbering with NO-BREAK SPACEs");
	ok(invariants(d), "invariants");
	doc_free(&d);
}

/* A clause written on two lines: "N- original ." then "N – translation". */
static void
test_clause_two_lines(void)
{
	struct doc *d = parse_s("T\n"
	    "    1- يتفق الطرفان .\n"
	    "    1 – The parties agree [to this]\n"
	    "    2- مجلس مشترك .\n"
	    "\n"
	    "    2 – A joint council\n"
	    "    3- نص آخر .\n"
	    "    4 – A different number\n"
	    "    5- ينتهي . 5 – It ends\n"
	    "    5 – A second translation\n");

	is_int(d->nclauses, 7, "seven clauses (eight lines, one joined)");
	is_int(d->blocks[0].nclauses, 7, "the block counts seven");
	is_str(S(d, d->clauses[0].original), "يتفق الطرفان",
	    "joined: the original");
	is_str(S(d, d->clauses[0].translation), "The parties agree [to this]",
	    "joined: the translation from the next line");
	is_int(d->clauses[0].nnotes, 1, "joined: its note");
	is_int(d->clauses[1].translation.len, 0,
	    "a blank line between: not joined");
	is_int(d->clauses[2].original.len, 0, "so 2 – stands alone");
	is_int(d->clauses[3].translation.len, 0,
	    "a different number: not joined");
	is_str(S(d, d->clauses[6].translation), "A second translation",
	    "a clause that has a translation takes no second one");
	ok(!has_problem_at(d, 2, "no translation"),
	    "the joined clause is not reported as missing its translation");
	ok(has_problem_at(d, 4, "no translation"),
	    "the unjoined one still is");
	ok(invariants(d), "invariants");
	doc_free(&d);
}

/*
 * The same with a left-to-right original: "N- text" alone reads as a
 * translation without an original until the next line "N – text" of the
 * same number shows that it was the original.
 */
static void
test_clause_two_lines_ltr(void)
{
	struct doc *d = parse_s("T\n"
	    "    1- Первая статья [о воде] .\n"
	    "    1 – The first article [on water]\n"
	    "    2- Deuxième article\n"
	    "    2- The second article\n"
	    "    3- A translation alone\n"
	    "    4 – Another one\n"
	    "    5 – A translation\n"
	    "    5 – Its number repeated\n"
	    "    6- Τρίτο άρθρο .\n"
	    "\n"
	    "    6 – After a blank line\n");

	is_int(d->nclauses, 8, "eight clauses (ten lines, two joined)");
	is_int(d->blocks[0].nclauses, 8, "the block counts eight");
	is_str(S(d, d->clauses[0].original), "Первая статья [о воде]",
	    "joined: the original, its separator dropped");
	is_int(d->clauses[0].original_dir, DOC_DIR_LTR, "left to right");
	is_str(S(d, d->clauses[0].translation),
	    "The first article [on water]",
	    "joined: the translation from the next line");
	is_int(d->clauses[0].nnotes, 1,
	    "joined: only the translation's note");
	is_str(S(d, d->notes[d->clauses[0].first_note].text), "[on water]",
	    "and it is that note");
	is_int(d->nnotes, 1, "the original's brackets left no note behind");
	is_str(S(d, d->clauses[1].original), "Deuxième article",
	    "\"2- \" twice: the first is the original");
	is_str(S(d, d->clauses[1].translation), "The second article",
	    "and the second its translation");
	is_int(d->clauses[2].original.len, 0,
	    "a different number next: a translation alone");
	is_str(S(d, d->clauses[2].translation), "A translation alone",
	    "which keeps its text");
	is_int(d->clauses[4].original.len, 0,
	    "\"5 – \" (a dash after a space) is never an original");
	is_int(d->clauses[5].original.len, 0, "so 5 – stays twice");
	is_int(d->clauses[6].original.len, 0,
	    "a blank line between: not joined");
	is_str(S(d, d->clauses[6].translation), "Τρίτο άρθρο .",
	    "and the lone line keeps its text");
	ok(invariants(d), "invariants");
	doc_free(&d);
}

/* Clauses and comments numbered in Arabic-Indic or Persian digits. */
static void
test_arabic_digits(void)
{
	struct doc *d = parse_s("T\n"
	    "    ١- المد في الصباح . ١ – The tide in the morning\n"
	    "    ۱۲- باد تند . ۱۲ – A strong wind\n"
	    "    ٣- القارب . 3 – The boat\n"
	    "    4 – Item ٤٥ – is not a repeated number\n"
	    "٣ تعليقات\n"
	    "  ١. تعليق أول\n"
	    "  ٢. تعليق ثان\n");

	is_int(d->nclauses, 4, "four clauses");
	is_int(d->clauses[0].number, 1, "Arabic-Indic ١ is 1");
	is_str(S(d, d->clauses[0].original), "المد في الصباح",
	    "Arabic-Indic: the original");
	is_str(S(d, d->clauses[0].translation), "The tide in the morning",
	    "Arabic-Indic: the translation");
	is_int(d->clauses[1].number, 12, "Persian ۱۲ is 12");
	is_str(S(d, d->clauses[1].translation), "A strong wind",
	    "Persian digits: the translation");
	is_str(S(d, d->clauses[2].translation), "The boat",
	    "an Arabic-Indic number repeated in ASCII digits");
	is_int(d->clauses[3].original.len, 0,
	    "an Arabic-Indic number inside a translation: no split");
	is_int(d->declared_comments, 3, "header count ٣");
	is_int(d->ncomments, 2, "two comments numbered ١ and ٢");
	is_int(d->ncomments > 1 ? d->comments[1].number : 0, 2,
	    "the second is number 2");
	ok(!has_problem(d, "out of sequence"), "in sequence");
	ok(invariants(d), "invariants");
	doc_free(&d);
}

/* A header in another language needs a comment after it. */
static void
test_header_needs_comment(void)
{
	struct doc *d = parse_s("The Title\n3 Kommentare\n"
	    "More article text.\n");

	ok(d->declared_comments == -1 && d->nblocks == 2,
	    "a noun header with no comment after it is article text");
	doc_free(&d);
	d = parse_s("The Title\nComments (3)\nMore article text.\n");
	ok(d->declared_comments == -1 && d->nblocks == 2,
	    "'Comments (3)' with no comment after it is article text");
	doc_free(&d);

	/* A plural noun alone: a header without a count. */
	d = parse_s("The Title\nBody.\n\nComments\n\n  1. a\n\n  2. b\n");
	is_int(d->ncomments, 2, "'Comments' alone before a comment: header");
	is_str(S(d, d->comment_header), "Comments", "its text");
	is_int(d->declared_comments, -1, "no count");
	ok(!has_problem(d, "count differs"), "no count to differ");
	is_int(d->nblocks, 1, "the header is not article text");
	doc_free(&d);
	d = parse_s("The Title\nResponses:\n  1. a\n");
	is_int(d->ncomments, 1, "'Responses:' alone: header");
	doc_free(&d);
	d = parse_s("The Title\nComments\nMore article text.\n");
	ok(d->ncomments == 0 && d->comment_header.len == 0 &&
	    d->nblocks == 2, "'Comments' alone, no comment after: text");
	doc_free(&d);
	d = parse_s("The Title\nReply\n  1. a\n");
	ok(d->ncomments == 0 && d->comment_header.len == 0,
	    "a singular noun alone ('Reply') is no header");
	doc_free(&d);
}

static void
test_headers(void)
{
	static const struct {
		const char *line;
		long long count;
	} v[] = {
		{ "13 thoughts on “The Title”", 13 },
		{ "One thought on “The Title”", 1 },
		{ "2 Responses to \"The Title\"", 2 },
		{ "4 Comments", 4 },
		{ "3 Replies to ‘The Title’", 3 },
		{ "Twelve thoughts on “The Title”", 12 },
		{ "5 Replies to The Title", 5 },
		{ "No Comments", 0 },
		{ "7 comments:", 7 },
		{ "1 Response to 'The Title'", 1 },
		{ "eleven Responses to « The Title »", 11 },
		{ "12,345 thoughts on “The Title”", 12345 },
		{ "1.234.567 Comments", 1234567 },
		{ "12 345 Responses to “The Title”", 12345 },
		{ "12 345 Comments", 12345 },
		{ "1’024 Replies to “The Title”", 1024 },
		/* Quotation marks left as HTML references by a scrape. */
		{ "2 thoughts on &ldquo;The Title&rdquo;", 2 },
		{ "2 Responses to &#8220;The Title&#8221;", 2 },
		{ "2 Responses to &#X201C;The Title&#x201D;", 2 },
		{ "4 Replies to &quot;The Title&quot;", 4 },
		/* Noun first, taken when a comment follows. */
		{ "Comments (3)", 3 },
		{ "Responses (12)", 12 },
		{ "comments: 7", 7 },
		{ "Comments ( 1,234 )", 1234 },
		{ "Replies: 0", 0 },
		/* Other languages, taken when a comment follows: a count and
		 * a word for comments, or a count, a few words and the
		 * quoted title. */
		{ "3 Kommentare", 3 },
		{ "3 commentaires :", 3 },
		{ "12 comentarios", 12 },
		{ "1.234 Kommentare", 1234 },
		{ "3 تعليقات", 3 },
		{ "5 комментариев", 5 },
		{ "4 תגובות", 4 },
		{ "3 Gedanken zu „The Title“", 3 },
		{ "3 réflexions sur « The Title »", 3 },
		{ "Une réflexion sur « The Title »", 1 },
		{ "Ein Gedanke zu „The Title“", 1 },
		{ "7 pensieri riguardo “The Title”", 7 },
		{ "3 تعليقات على “The Title”", 3 },
		{ "2 reacties op “The Title”", 2 },
		{ "2 条评论", 2 },
		{ "12條評論", 12 },
		{ "2件のコメント", 2 },
		{ "3개의 댓글", 3 },
		{ "4 ความคิดเห็น", 4 },
		{ "5 टिप्पणियाँ", 5 },
		{ "6 σχόλια", 6 },
		{ "7 коментарів", 7 },
		{ "8 komentar", 8 },
		{ "3 Gedanken zu &bdquo;The Title&ldquo;", 3 },
		{ "3 réflexions sur &laquo; The Title &raquo;", 3 },
		{ "7 pensieri riguardo &#8220;The Title&#8221;", 7 },
		{ "Comments", -1 },
		{ "Responses:", -1 },
		{ "TRACKBACKS", -1 },
		/* Nouns themes print above the list, count first or none. */
		{ "Discussion (3)", 3 },
		{ "Discussions: 12", 12 },
		{ "Conversation (1,024)", 1024 },
		/* Phrases that say their count in words. */
		{ "تعليقان", 2 },
		{ "تعليق واحد", 1 },
		{ "تعليق واحد على “The Title”", 1 },
		{ "تعليقان على “The Title”", 2 },
		{ "رد واحد:", 1 },
		{ "תגובה אחת", 1 },
		{ "11 تعليقًا على “The Title”", 11 },
	};
	static const char *not[] = {
		"3 comments were received on the draft.",
		"Twelve thoughts on a Sunday afternoon.",
		"13 thoughtsful words",
		"Comment",
		"Reply",
		"Comments:: 3",
		"    4 Comments",
		"12,34 Comments",
		"1,2345 Comments",
		"1234,567 Comments",
		"12, 345 Comments",
		"3 Gedanken zu „Another Title“",
		"3 Gedanken zu &bdquo;Another Title&ldquo;",
		"3 Gedanken zu &bdquo;The Title&ldquo; und mehr",
		"3 Gedanken zu &bdquo;The Title&amp;",
		"3 reasons to read &ldquo;The Title&rdquo;, in order",
		"Part 2 of &ldquo;The Title&rdquo;",
		"3 reasons to read “The Title”, in order of importance",
		"Part 2 of “The Title”",
		"3 reasons:",
		"3 Kommentare und mehr",
		"Comments (see below)",
		"Comments (3) and more",
		"Comments: 3 of them kind",
		"Comments (3",
		"Commentsy (3)",
		"2条评论和更多",
		"2x Kommentare",
		"3 댓글 댓글 댓글",
		"Discussion of the results",
		"Discussion",
		"Conversation:",
		"Discussion (see below)",
		"Conversations with my father",
		"تعليقان مهمان جدا",
		"تعليق واحدة",
		"تعليقانية",
	};
	struct doc *d;
	char *s;
	size_t i;

	for (i = 0; i < sizeof v / sizeof *v; i++) {
		s = xasprintf("The Title\nBody.\n\n%s\n\n  1. A comment.\n",
		    v[i].line);
		d = parse_s(s);
		free(s);
		is_int(d->declared_comments, v[i].count, "header '%s'",
		    v[i].line);
		is_str(S(d, d->comment_header), v[i].line, "header text");
		is_int(d->comment_header_line, 4, "header line");
		is_int(d->ncomments, 1, "one comment after it");
		doc_free(&d);
	}
	for (i = 0; i < sizeof not / sizeof *not; i++) {
		s = xasprintf("The Title\n%s\n  1. Not a comment.\n", not[i]);
		d = parse_s(s);
		free(s);
		ok(d->declared_comments == -1 && d->ncomments == 0 &&
		    d->comment_header.len == 0, "not a header: '%s'", not[i]);
		doc_free(&d);
	}

	test_header_needs_comment();

	d = parse_s("T\n99999999999999999999 thoughts on “T”\n  1. x\n");
	is_int(d->declared_comments, -1, "header count too big: -1");
	ok(has_problem(d, "comment count too large"), "recorded");
	is_int(d->ncomments, 1, "still a header");
	doc_free(&d);

	d = parse_s("T\n9223372036854775807 Comments\n");
	ok(d->declared_comments == INT64_MAX, "INT64_MAX fits");
	doc_free(&d);

	d = parse_s("T\n3 thoughts on “T”\n  1. a\n  2. b\n");
	is_int(d->declared_comments, 3, "claims 3");
	is_int(d->ncomments, 2, "has 2");
	ok(has_problem(d, "count differs"), "count mismatch recorded");
	doc_free(&d);

	d = parse_s("T\n2 thoughts on “T”\n  1. a\n  2. b\n");
	is_int(d->nproblems, 0, "matching count: no problem");
	doc_free(&d);
}

static void
test_comments(void)
{
	struct doc *d = parse_s("T\nBody.\n\n2 thoughts on “T”\n\n"
	    "  1. First line of the first comment.\n"
	    "    Second line, a hard break.\n"
	    "\n"
	    "    Second paragraph.\n"
	    "        Deeper indent: still the comment.\n"
	    "    2. An indented number is not a new comment.\n"
	    "\n"
	    "  2. The second comment.\n"
	    "\n"
	    "Comments are closed.\n");
	const struct doc_comment *c;

	is_int(d->ncomments, 2, "two comments");
	c = &d->comments[0];
	is_int(c->number, 1, "number 1");
	is_str(S(d, c->number_text), "1", "number text");
	is_int(c->line, 6, "comment line");
	is_int(c->parent, -1, "parent left for quotes.c");
	is_int(c->npara, 2, "two paragraphs");
	is_str(para_text(d, 0, 0), "First line of the first comment.\n"
	    "Second line, a hard break.", "first paragraph: two lines");
	is_str(para_text(d, 0, 1), "Second paragraph.\n"
	    "Deeper indent: still the comment.\n"
	    "2. An indented number is not a new comment.",
	    "second paragraph: three lines");
	is_int(d->paras[c->first_para].comment, 0, "paragraph's comment");
	is_str(para_text(d, 1, 0), "The second comment.", "comment 2");
	is_int(d->comments[1].npara, 1, "comment 2 one paragraph");
	is_int(d->comments_closed, 1, "trailer seen");
	is_int(d->nblocks, 1, "the trailer is not a block");
	is_int(d->nproblems, 0, "no problems");
	is_int(d->nlinks, 0, "no links from the parser");
	ok(invariants(d), "invariants");
	doc_free(&d);
}

static void
test_comment_tolerance(void)
{
	struct doc *d = parse_s("T\n5 Comments\n"
	    "1. No indent.\n"
	    "   3.   Three spaces, extra spaces after the dot.\n"
	    "  3.\n"
	    "    Empty first line.\n"
	    "  3. Repeated.\n"
	    "  99999999999999999999. Huge.\n"
	    "  1.5 million is not a comment start.\n");
	const struct doc_comment *c;

	is_int(d->ncomments, 5, "five comments");
	is_str(para_text(d, 0, 0), "No indent.", "zero indent");
	is_str(para_text(d, 1, 0), "Three spaces, extra spaces after the dot.",
	    "three spaces and extra spaces");
	is_int(d->comments[1].number, 3, "skipped number kept as printed");
	ok(has_problem(d, "out of sequence"), "skip/repeat recorded");
	c = &d->comments[2];
	is_int(c->npara, 1, "empty first line: one paragraph");
	is_str(para_text(d, 2, 0), "Empty first line.",
	    "paragraph starts on the next line");
	is_int(d->comments[3].number, 3, "repeated number kept");
	c = &d->comments[4];
	ok(c->number == UINT64_MAX, "huge number is UINT64_MAX");
	is_str(S(d, c->number_text), "99999999999999999999",
	    "number text keeps the digits");
	ok(has_problem(d, "comment number too large"), "recorded");
	is_int(c->npara, 1, "1.5 line continues the comment");
	is_str(para_text(d, 4, 0),
	    "Huge.\n1.5 million is not a comment start.", "its text");
	ok(invariants(d), "invariants");
	doc_free(&d);

	d = parse_s("T\n1 Comments\n  1.\n");
	is_int(d->comments[0].npara, 0, "a comment with no text");
	ok(invariants(d), "invariants");
	doc_free(&d);

	d = parse_s("T\n2 Comments\nLeave a reply.\n  1. a\nComments are "
	    "closed\nMore text.\n  2. b\n");
	ok(has_problem(d, "outside any comment"), "text outside comments");
	is_int(d->nblocks, 2, "it becomes article paragraphs");
	is_int(d->comments_closed, 1, "trailer without dot");
	is_int(d->comments[0].npara, 1, "trailer ends the comment");
	is_int(d->ncomments, 2, "a comment after the trailer still counts");
	ok(invariants(d), "invariants");
	doc_free(&d);

	/* A page's footer after an indented thread is not the last comment. */
	d = parse_s("T\n2 Comments\n  1. a\n    a2\n\n  2. b\n\n    b2\n"
	    "\nLeave a Reply\n\nYour email address will not be published.\n");
	is_int(d->ncomments, 2, "footer: two comments");
	is_int(d->comments[1].npara, 2, "footer: the last comment keeps its "
	    "own paragraphs");
	is_str(para_text(d, 1, 1), "b2", "footer: its last paragraph");
	is_int(d->nblocks, 2, "footer: its lines are article paragraphs");
	ok(has_problem(d, "outside any comment"), "footer: recorded");
	ok(invariants(d), "invariants");
	doc_free(&d);

	/* A thread written flush left keeps its unindented lines. */
	d = parse_s("T\n1 Comments\n1. a\nsecond line\n\nthird\n");
	is_int(d->comments[0].npara, 2, "flush left: lines continue");
	is_int(d->nblocks, 0, "flush left: no article paragraph");
	ok(!has_problem(d, "outside any comment"), "flush left: no problem");
	ok(invariants(d), "invariants");
	doc_free(&d);

	/* Less indented than its number line, but not flush left. */
	d = parse_s("T\n1 Comments\n   1. a\n  b\n");
	is_int(d->comments[0].npara, 1, "dedent: comment keeps one line");
	is_int(d->nblocks, 1, "dedent: line 2 is outside");
	ok(invariants(d), "invariants");
	doc_free(&d);
}

/* A thread whose number lines are indented with a tab (or 4-8 spaces). */
static void
test_thread_indent(void)
{
	struct doc *d;

	d = parse_s("T\n3 Kommentare\n\n\t1. a\n\ta2\n\n\tb\n\n"
	    "\t2. c\n\t3. d\n\tComments are closed.\n");
	is_int(d->declared_comments, 3, "tab thread: the header is taken");
	is_int(d->ncomments, 3, "tab thread: three comments");
	is_int(d->comments[0].npara, 2, "tab thread: lines continue, blank "
	    "lines split paragraphs");
	is_str(para_text(d, 0, 1), "b", "tab thread: second paragraph");
	is_int(d->comments_closed, 1, "tab thread: trailer at the thread's "
	    "indent");
	is_int(d->nblocks, 0, "tab thread: no quote blocks");
	ok(!has_problem(d, "out of sequence"), "tab thread: in sequence");
	ok(invariants(d), "invariants");
	doc_free(&d);

	/* The thread's depth is its first number line's: a numbered list
	 * inside a comment of a two-space thread is still text. */
	d = parse_s("T\n2 Comments\n  1. a\n    2. list item\n  2. b\n");
	is_int(d->ncomments, 2, "two-space thread: list line is text");
	is_str(para_text(d, 0, 0), "a\n2. list item",
	    "two-space thread: the list line continues comment 1");
	ok(invariants(d), "invariants");
	doc_free(&d);

	/* Deeper than one tab: not a thread. */
	d = parse_s("T\n2 Comments\n          1. a\n          2. b\n");
	is_int(d->ncomments, 0, "ten columns: no comments");
	ok(has_problem(d, "outside any comment"), "ten columns: text outside "
	    "any comment");
	doc_free(&d);
	d = parse_s("T\n2 Kommentare\n          1. a\n");
	is_int(d->declared_comments, -1, "ten columns: a header that needs a "
	    "comment is not taken");
	ok(invariants(d), "invariants");
	doc_free(&d);

	/* A footer less indented than a tab thread ends the last comment. */
	d = parse_s("T\n1 Comments\n\t1. a\n  Leave a Reply\n");
	is_int(d->comments[0].npara, 1, "tab thread: footer ends it");
	ok(has_problem(d, "outside any comment"), "tab thread: footer noted");
	ok(invariants(d), "invariants");
	doc_free(&d);
}

/* "N)" numbers a thread too; the first comment's mark is the thread's. */
static void
test_comment_paren(void)
{
	struct doc *d;

	d = parse_s("T\n3 Kommentare\n\n  1) First.\n    more\n"
	    "  2) Second, with a list:\n  1. not a comment\n  3) Third.\n");
	is_int(d->declared_comments, 3, "paren: the header is taken");
	is_int(d->ncomments, 3, "paren: three comments");
	is_str(S(d, d->comments[1].number_text), "2", "paren: number text");
	is_str(para_text(d, 0, 0), "First.\nmore", "paren: continuation");
	is_str(para_text(d, 1, 0), "Second, with a list:\n1. not a comment",
	    "paren: a dot line is text in a paren thread");
	ok(!has_problem(d, "outside any comment"), "paren: no problem");
	ok(invariants(d), "invariants");
	doc_free(&d);

	d = parse_s("T\n2 Comments\n  1. a\n  2) b\n  2. c\n");
	is_int(d->ncomments, 2, "dot thread: a paren line is text");
	is_str(para_text(d, 0, 0), "a\n2) b", "dot thread: its text");
	ok(invariants(d), "invariants");
	doc_free(&d);

	d = parse_s("T\n1 Comments\n  1)5 ok\n");
	is_int(d->ncomments, 0, "1)5: no space, no comment");
	doc_free(&d);
}

static void
test_sections(void)
{
	struct doc *d;

	d = parse_s("T\n3 thoughts on \"T\"\n\n  1. a\n\n  2. b\n    more\n"
	    "\n  3. c\n\n2 Pingbacks\n\n  1. Pingback: x\n  2. Pingback: y\n"
	    "Comments are closed.\n");
	is_int(d->ncomments, 5, "sections: five comments in all");
	is_int(d->nsections, 1, "sections: one later part");
	is_str(S(d, d->sections[0].header), "2 Pingbacks", "sections: header");
	is_int(d->sections[0].line, 11, "sections: header line");
	is_int(d->sections[0].declared, 2, "sections: its count");
	is_int(d->sections[0].first_comment, 3, "sections: first comment");
	is_int(d->nblocks, 0, "sections: the header is not article text");
	ok(!has_problem(d, "out of sequence"), "sections: numbered afresh");
	ok(!has_problem(d, "count differs"), "sections: counts per part");
	ok(!has_problem(d, "outside any comment"), "sections: no orphan");
	is_int(doc_declared_total(d), 5, "sections: declared in all");
	is_int(doc_section_starting(d, 3), 0, "sections: starts at 3");
	is_int(doc_section_starting(d, 2), -1, "sections: not at 2");
	is_int(d->comments_closed, 1, "sections: trailer");
	ok(invariants(d), "invariants");
	doc_free(&d);

	/* Each header's count is checked against its own part. */
	d = parse_s("T\n2 Comments\n  1. a\n  2. b\n"
	    "3 Trackbacks/Pingbacks\n  1. x\n");
	is_int(d->nsections, 1, "sections: Trackbacks/Pingbacks");
	is_int(d->sections[0].declared, 3, "sections: compound count");
	is_int(count_problems(d, "count differs"), 1,
	    "sections: one part counts wrong");
	is_int(doc_declared_total(d), 5, "sections: total declared");
	ok(invariants(d), "invariants");
	doc_free(&d);

	/* No comment after it, or none before it: not a part. */
	d = parse_s("T\n2 Comments\n  1. a\n  2. b\n\n3 comments\n\n"
	    "Leave a reply\n");
	is_int(d->nsections, 0, "sections: none without a comment after");
	is_int(d->ncomments, 2, "sections: two comments");
	ok(invariants(d), "invariants");
	doc_free(&d);
	d = parse_s("T\nComments (2)\n2 Comments\n  1. a\n  2. b\n");
	is_int(d->nsections, 0, "sections: none right after the header");
	is_int(d->ncomments, 2, "sections: its comments");
	ok(invariants(d), "invariants");
	doc_free(&d);

	/* Indented like comment text: part of the comment. */
	d = parse_s("T\n2 Comments\n  1. a\n    3 comments\n  2. b\n");
	is_int(d->nsections, 0, "sections: indented line is text");
	is_str(para_text(d, 0, 0), "a\n3 comments", "sections: kept in #1");
	doc_free(&d);

	/* A header in another language; counts unknown make no total. */
	d = parse_s("T\n1 Comment\n  1. a\n3 Kommentare\n  1. b\n");
	is_int(d->nsections, 1, "sections: other language");
	is_int(doc_declared_total(d), 4, "sections: total");
	doc_free(&d);
	d = parse_s("T\n1 Comment\n  1. a\n"
	    "99999999999999999999 Pingbacks\n  1. b\n");
	is_int(d->nsections, 1, "sections: a count too large");
	is_int(d->sections[0].declared, -1, "sections: count unknown");
	is_int(doc_declared_total(d), -1, "sections: no total");
	ok(has_problem(d, "count too large"), "sections: too large noted");
	doc_free(&d);
}

static void
test_no_header(void)
{
	struct doc *d = parse_s("T\nSteps:\n  1. First step.\n  2. Second.\n"
	    "Comments are closed.\n");

	is_int(d->ncomments, 0, "no header: no comments");
	is_int(d->nblocks, 3, "numbered lines are article paragraphs");
	is_str(S(d, d->blocks[1].text), "1. First step.", "kept as text");
	is_int(d->comments_closed, 1, "trailer without a thread");
	doc_free(&d);
}

static void
test_empty(void)
{
	struct doc *d = parse_s("");

	ok(d != NULL && d->title.len == 0 && d->nblocks == 0 &&
	    d->title_line == 0, "empty input");
	doc_free(&d);
	d = parse_s("\n \n\t\n\r\n   \n");
	ok(d->title.len == 0 && d->nblocks == 0 && d->ncomments == 0,
	    "only blank lines");
	doc_free(&d);
	d = parse_s("Just a title");
	is_str(S(d, d->title), "Just a title", "title without newline");
	doc_free(&d);
}

static void
test_line_ends(void)
{
	struct doc *d = parse_s("Title\r\nPara one.\r\n\r\n    Quote.\r\n"
	    "1 Comments\r\n  1. Text \r\n    more\r\n");

	is_str(S(d, d->title), "Title", "CRLF: title");
	is_str(S(d, d->blocks[0].text), "Para one.", "CRLF: no CR in span");
	is_int(d->blocks[1].line, 4, "CRLF: line numbers");
	is_str(para_text(d, 0, 0), "Text\nmore", "CRLF: comment lines");
	ok(invariants(d), "CRLF invariants");
	doc_free(&d);

	d = parse_s("Title\rPara one.\r\r    Quote.\r1 Comments\r  1. Text\r");
	is_str(S(d, d->title), "Title", "CR: title");
	is_int(d->nblocks, 2, "CR: blocks");
	is_int(d->blocks[1].kind, DOC_BLOCK_QUOTE, "CR: quote");
	is_int(d->blocks[1].line, 4, "CR: line numbers");
	is_int(d->ncomments, 1, "CR: comment");
	ok(invariants(d), "CR invariants");
	doc_free(&d);

	d = parse_s("\xef\xbb\xbfTitle\nPara.\n");
	is_str(S(d, d->title), "Title", "BOM skipped");
	is_int(d->title_line, 1, "BOM: line 1");
	doc_free(&d);

	d = parse_s("T\n\tTabbed quote.\n  \tAlso a quote.\n1 Comments\n"
	    "  1. c\n\t2. a tab is 8 columns: continuation\n");
	is_int(d->blocks[0].kind, DOC_BLOCK_QUOTE, "tab indentation: quote");
	is_str(S(d, d->blocks[0].text), "Tabbed quote.", "tab removed");
	is_int(d->blocks[1].kind, DOC_BLOCK_QUOTE, "spaces+tab: quote");
	is_int(d->ncomments, 1, "tab-indented number is a continuation");
	is_str(para_text(d, 0, 0), "c\n2. a tab is 8 columns: continuation",
	    "continuation text");
	doc_free(&d);

	d = parse_s("T  \t \nP.  \n    Q.   \n");
	is_str(S(d, d->title), "T", "trailing spaces and tabs trimmed");
	is_str(S(d, d->blocks[1].text), "Q.", "quote trimmed");
	doc_free(&d);
}

/*
 * U+FEFF (a byte-order mark left at the start of a line by files joined
 * with cat, or doubled), U+200B and U+2060 among a line's indentation
 * take no column and are not part of its text: the structure is read as
 * if they were absent. Bidi marks stay (they set the direction).
 */
#define BOM	"\xef\xbb\xbf"
static void
test_invisible_indent(void)
{
	struct doc *d;

	d = parse_s(BOM BOM "Title\nPara.\n");
	is_str(S(d, d->title), "Title", "doubled BOM: title");
	ok(invariants(d), "doubled BOM invariants");
	doc_free(&d);

	d = parse_s("Title\n\nPara.\n\n2 thoughts on \xe2\x80\x9cTitle\xe2\x80\x9d\n"
	    "\n  1. First.\n" BOM "  2. Second.\n");
	is_int(d->ncomments, 2, "BOM before a comment's number line: 2 comments");
	is_int(d->nblocks, 1, "BOM line: not an article paragraph");
	if (d->ncomments == 2) {
		is_str(para_text(d, 1, 0), "Second.", "BOM: the comment's text");
		is_int(d->comments[1].number, 2, "BOM: the comment's number");
	}
	ok(invariants(d), "BOM comment invariants");
	doc_free(&d);

	d = parse_s("Title\n\nPara.\n\n" BOM "3 thoughts on \xe2\x80\x9cTitle\xe2\x80\x9d\n"
	    "\n  1. One.\n");
	is_int(d->declared_comments, 3, "BOM before a header: header read");
	is_int(d->ncomments, 1, "BOM header: its comment");
	doc_free(&d);

	d = parse_s("T\n\n" BOM "    Quoted.\n\n  " BOM "    Also quoted.\n\n"
	    "\xe2\x80\x8b    1- x . 1 \xe2\x80\x93 y\n");
	is_int(d->nblocks, 3, "invisible indentation: blocks");
	if (d->nblocks == 3) {
		is_int(d->blocks[0].kind, DOC_BLOCK_QUOTE, "BOM, 4 spaces: quote");
		is_str(S(d, d->blocks[0].text), "Quoted.", "BOM not in the text");
		is_int(d->blocks[1].kind, DOC_BLOCK_QUOTE,
		    "spaces, BOM, spaces: one indentation");
		is_int(d->blocks[2].kind, DOC_BLOCK_CLAUSES, "ZWSP: clause");
	}
	is_int(d->nclauses, 1, "ZWSP before a clause line: its clause");
	ok(invariants(d), "invisible indentation invariants");
	doc_free(&d);

	d = parse_s("T\n\n1 Comments\n\n  1. One.\n" BOM "\n    " BOM
	    "\xe2\x81\xa0" "More.\n");
	is_int(d->ncomments, 1, "a line of a BOM alone is blank");
	if (d->ncomments == 1) {
		is_int(d->comments[0].npara, 2, "it splits paragraphs");
		is_str(para_text(d, 0, 1), "More.", "WJ and BOM not in the text");
	}
	doc_free(&d);

	d = parse_s("T\n\n\xe2\x80\x8f" "Text.\n");
	is_str(S(d, d->blocks[0].text), "\xe2\x80\x8f" "Text.",
	    "an RLM at the start is kept");
	doc_free(&d);
}

static void
test_bytes(void)
{
	static const char nul[] = "Ti\0tle\n\0\n    \0 q\n1 Comments\n  1. \0\n";
	struct doc *d = parse_s("Title \xff\n\xc3\x28 and \xe2\x80 end.\n"
	    "    \xf0\x9f\x98\x80 ok\n");

	is_int(d->invalid_sequences, 3, "three invalid sequences counted");
	is_str(S(d, d->title), "Title \xff", "invalid bytes stay in the buffer");
	is_int(d->nblocks, 2, "structure unaffected");
	doc_free(&d);

	d = parse_n(nul, sizeof nul - 1);
	is_int(d->title.len, 6, "NUL inside the title");
	is_int(d->nblocks, 2, "NUL lines are text");
	is_int(d->ncomments, 1, "comment with a NUL");
	ok(invariants(d), "NUL invariants");
	doc_free(&d);
}

/* A thread of n comments of two paragraphs each, generated. */
static void
test_big(void)
{
	size_t n = 20000, cap = n * 120 + 1000, len = 0, i;
	char *b = xmalloc(cap);
	struct doc *d;

	len += (size_t)snprintf(b + len, cap - len, "Big\nBody.\n\n"
	    "%zu thoughts on “Big”\n\n", n);
	for (i = 1; i <= n; i++)
		len += (size_t)snprintf(b + len, cap - len,
		    "  %zu. Comment %zu, line one.\n    Line two.\n\n"
		    "    Paragraph two.\n\n", i, i);
	d = parse_text(b, len, 0);
	is_int(d->ncomments, (long long)n, "generated: all comments");
	is_int(d->nparas, (long long)n * 2, "generated: all paragraphs");
	is_int(d->nlines, (long long)n * 3, "generated: all lines");
	is_int(d->comments[n - 1].number, (long long)n, "last number");
	is_int(d->nproblems, 0, "generated: no problems");
	ok(invariants(d), "generated: invariants");
	doc_free(&d);
}

/* Random bytes drawn from an alphabet of the format's characters. */
static void
test_random(void)
{
	static const char *atoms[] = {
		"\n", "\r", "\r\n", " ", "    ", "\t", "1", "12", "9999999999",
		".", "-", "–", "—", "[", "]", "~", "HC", "x", "word ",
		"نص", "\xff", "\xe2\x80", "\0", "thoughts on “", "Comments",
		" Comments are closed.", "  3. ", "    4- ", " . 4 – ",
		"\xef\xbb\xbf", "One"
	};
	size_t natoms = sizeof atoms / sizeof *atoms, iter, k, len, cap;
	unsigned long x = 12345;
	char *b;
	struct doc *d;
	int good = 1;

	for (iter = 0; iter < 2000; iter++) {
		cap = 4096;
		b = xmalloc(cap);
		len = 0;
		for (k = 0; k < 200; k++) {
			const char *a;
			size_t al;

			x = x * 6364136223846793005UL + 1442695040888963407UL;
			a = atoms[(x >> 33) % natoms];
			al = a[0] == '\0' ? 1 : strlen(a);
			if (len + al > cap)
				break;
			memcpy(b + len, a, al);
			len += al;
		}
		d = parse_text(b, len, 0);
		if (!invariants(d)) {
			good = 0;
			diag("invariants broken at iteration %zu", iter);
		}
		doc_free(&d);
	}
	ok(good, "2000 random documents keep the invariants");
}

int
main(void)
{
	size_t i;

	test_title_and_paragraphs();
	test_quotes();
	test_clauses();
	test_clause_tolerance();
	test_notes_nested();
	test_clause_alone_dot();
	test_clause_cjk();
	test_arabic_digits();
	test_clause_two_lines();
	test_clause_two_lines_ltr();
	test_clause_tight();
	test_clause_dot_paren();
	test_clause_dot_two_lines();
	test_clause_enclosed();
	test_clause_dashes();
	test_clause_split_choice();
	test_clause_nbsp();
	test_headers();
	test_comments();
	test_comment_tolerance();
	test_thread_indent();
	test_comment_paren();
	test_sections();
	test_no_header();
	test_empty();
	test_line_ends();
	test_invisible_indent();
	test_bytes();
	test_big();
	test_random();
	for (i = 0; i < npool; i++)
		free(pool[i]);
	free(pool);
	return tap_done();
}

/*
 * json.c: the document model as JSON (see json.h). It owns nothing: it
 * reads a finished document and streams text to a FILE.
 *
 * Coordinates: the model's spans are byte offsets into doc->buf; what is
 * written are strings decoded the way the text layer decodes them (one
 * U+FFFD per invalid sequence), and every offset written ("start", "end")
 * counts code points of the emitted string, after JSON decoding.
 *
 * Output (one object, members in this order):
 *
 *   "title": string, "title_line": number (0: no title),
 *   "comment_header": string or null, "comment_header_line": number or null,
 *   "declared_comments": number or null (no header, or a count too large),
 *   "comment_count": number, "comments_closed": bool,
 *   "invalid_sequences": number,
 *   "sections": [ {"header", "line", "declared" (number or null),
 *                 "first_comment" (index in "comments")} ]: the thread's
 *                 later parts ("2 Pingbacks" after the comments), each
 *                 running to the next one's first comment; the first
 *                 part is the one of "comment_header",
 *   "blocks": [ {"kind": "paragraph", "line", "text"}
 *             | {"kind": "quote", "line", "group", "text"}
 *             | {"kind": "clauses", "line", "clauses": [first, last]
 *                (clause numbers), "first": index in "clauses", "count"} ],
 *   "clauses": [ {"number", "line", "block", "original": string or null,
 *                 "original_direction": "rtl" | "ltr" | "none",
 *                 "translation": string or null,
 *                 "notes": [ {"kind": "insertion" | "editor", "text"
 *                            (brackets included), "signature": string or
 *                            null, "start", "end" (in "translation")} ]} ],
 *   "comments": [ {"number" (as printed: a number, or the digit string
 *                  when it did not fit 64 bits), "line", "parent" (the
 *                  parent's number, or null), "parent_comment" (its
 *                  index in "comments": numbers repeat in a thread in
 *                  parts, "sections"), "paragraphs": [ {"line",
 *                  "text" (its lines joined with "\n")} ],
 *                  "quotes": [ {"paragraph" (index in this comment's
 *                  "paragraphs"), "start", "end" (in that paragraph's
 *                  "text"), "text" (the passage), "source":
 *                    {"kind": "article", "block" (index in "blocks"),
 *                     "paragraph_line" (its source line), "clause" and
 *                     "side" (only for a clause block: index in
 *                     "clauses", and "original" | "translation"),
 *                     "start", "end" (in that block's "text", or for a
 *                     clause block in that side of the clause)}
 *                  | {"kind": "comment", "number" (as printed), "comment"
 *                     (index in "comments"), "paragraph" (index in its
 *                     "paragraphs"), "start", "end"} } ] } ],
 *   "problems": [ {"line", "message"} ]
 *
 * Invariants: no raw control bytes and no invalid UTF-8 in the output;
 * memory use does not depend on the document's size; links whose indices
 * are out of range are skipped rather than trusted.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "gloss/doc.h"
#include "gloss/json.h"
#include "gloss/text.h"

/*
 * Characters written as \uXXXX escapes although JSON allows them raw:
 * bidi controls and U+FEFF (so JSON shown in a terminal cannot reorder or
 * disguise itself), and the line/paragraph separators JavaScript rejects.
 */
static int
json_invisible(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 &&
	    cp <= 0x2069) || cp == 0x200e || cp == 0x200f || cp == 0x061c ||
	    cp == 0xfeff || cp == 0x2028 || cp == 0x2029;
}

/* Write the bytes s[0..len) as the inside of a JSON string. */
static void
json_chars(FILE *f, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0, n;
	uint32_t cp;

	while (i < len) {
		if (u[i] >= 0x20 && u[i] < 0x7f && u[i] != '"' &&
		    u[i] != '\\') {
			i++;
			continue;
		}
		if (i > run)
			fwrite(s + run, 1, i - run, f);
		if (u[i] < 0x80) {
			switch (u[i]) {
			case '"':
				fputs("\\\"", f);
				break;
			case '\\':
				fputs("\\\\", f);
				break;
			case '\n':
				fputs("\\n", f);
				break;
			case '\t':
				fputs("\\t", f);
				break;
			case '\r':
				fputs("\\r", f);
				break;
			default:
				fprintf(f, "\\u%04x", u[i]);
				break;
			}
			i++;
		} else {
			n = text_utf8_decode(s + i, len - i, &cp);
			if (cp == 0xfffd)
				fputs("\xef\xbf\xbd", f);
			else if (cp < 0xa0 || json_invisible(cp))
				fprintf(f, "\\u%04x", (unsigned)cp);
			else
				fwrite(s + i, 1, n, f);
			i += n;
		}
		run = i;
	}
	if (i > run)
		fwrite(s + run, 1, i - run, f);
}

/* Number of code points the bytes s[0..len) become when written. */
static size_t
json_cps(const char *s, size_t len)
{
	size_t i = 0, n = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80)
			i++;
		else
			i += text_utf8_decode(s + i, len - i, &cp);
		n++;
	}
	return n;
}

static void
json_string(FILE *f, const char *s, size_t len)
{
	putc('"', f);
	json_chars(f, s, len);
	putc('"', f);
}

static void
json_span(FILE *f, const struct doc *d, struct span sp)
{
	json_string(f, doc_span_ptr(d, sp), sp.len);
}

/* A span, or null if it is empty. */
static void
json_span_or_null(FILE *f, const struct doc *d, struct span sp)
{
	if (sp.len == 0)
		fputs("null", f);
	else
		json_span(f, d, sp);
}

/*
 * Where the last position was found, so that positions asked in increasing
 * order (the links of a comment, the notes of a clause) cost time linear in
 * the text rather than in the text times the number of positions: the code
 * points before byte pos of the span at sp_off, and the line k of paragraph
 * pa with the code points of the paragraph's text before it. Byte
 * positions asked for are character boundaries (a link starts and ends at
 * a word, a note at a bracket), where counting can resume.
 */
struct json_cur {
	int valid;
	uint32_t sp_off, sp_len, pos;
	size_t cps;
	const struct doc_para *pa;
	uint32_t k;
	size_t acc;
};

/* Code points from the start of span sp to absolute offset off (clamped). */
static size_t
json_span_pos(const struct doc *d, struct json_cur *cur, struct span sp,
    uint32_t off)
{
	uint32_t rel;

	if (off <= sp.off)
		return 0;
	rel = off - sp.off >= sp.len ? sp.len : off - sp.off;
	if (!cur->valid || cur->sp_off != sp.off || cur->sp_len != sp.len ||
	    cur->pos > rel) {
		cur->valid = 1;
		cur->sp_off = sp.off;
		cur->sp_len = sp.len;
		cur->pos = 0;
		cur->cps = 0;
	}
	cur->cps += json_cps(doc_span_ptr(d, sp) + cur->pos, rel - cur->pos);
	cur->pos = rel;
	return cur->cps;
}

/* Code points of line k of paragraph pa, plus one for the "\n" after it. */
static size_t
json_line_cps(const struct doc *d, const struct doc_para *pa, uint32_t k)
{
	struct span sp = d->lines[pa->lines.first + k];

	return json_cps(doc_span_ptr(d, sp), sp.len) + 1;
}

/*
 * Code points from the start of a paragraph's text (its lines joined with
 * "\n") to absolute offset off. An offset between two lines counts as the
 * start of the later one; one past the last line as the end. Leaves
 * cur->k at the line off is in.
 */
static size_t
json_para_pos(const struct doc *d, struct json_cur *cur,
    const struct doc_para *pa, uint32_t off)
{
	const struct span *l = &d->lines[pa->lines.first];

	if (pa->lines.n == 0)
		return 0;
	if (cur->pa != pa) {
		cur->pa = pa;
		cur->k = 0;
		cur->acc = 0;
	}
	while (cur->k > 0 && off <= l[cur->k - 1].off + l[cur->k - 1].len) {
		cur->k--;
		cur->acc -= json_line_cps(d, pa, cur->k);
	}
	while (cur->k + 1 < pa->lines.n &&
	    off > l[cur->k].off + l[cur->k].len) {
		cur->acc += json_line_cps(d, pa, cur->k);
		cur->k++;
	}
	return cur->acc + json_span_pos(d, cur, l[cur->k], off);
}

/* The part [start, end) of a paragraph, lines joined with "\n". */
static void
json_para_slice(FILE *f, const struct doc *d, const struct doc_para *pa,
    uint32_t k0, uint32_t start, uint32_t end)
{
	size_t k;
	struct span sp;
	uint32_t a, b;
	int first = 1;

	putc('"', f);
	for (k = k0; k < pa->lines.n; k++) {
		sp = d->lines[pa->lines.first + k];
		if (sp.off + sp.len < start)
			continue;
		if (sp.off >= end && !first)
			break;
		if (sp.off > end)
			break;
		a = start > sp.off ? start : sp.off;
		b = end < sp.off + sp.len ? end : sp.off + sp.len;
		if (!first)
			fputs("\\n", f);
		if (b > a)
			json_chars(f, d->buf + a, b - a);
		first = 0;
	}
	putc('"', f);
}

static void
json_paragraph_text(FILE *f, const struct doc *d, const struct doc_para *pa)
{
	size_t k;
	struct span sp;

	putc('"', f);
	for (k = 0; k < pa->lines.n; k++) {
		sp = d->lines[pa->lines.first + k];
		if (k > 0)
			fputs("\\n", f);
		json_chars(f, doc_span_ptr(d, sp), sp.len);
	}
	putc('"', f);
}

/*
 * Source line numbers of offsets, counted forward from a cursor: the model
 * does not store the line of a comment paragraph, and paragraphs come in
 * buffer order, so counting line ends from the previous answer keeps the
 * whole export linear. A line ends at LF, CR LF or a lone CR (as in
 * parse_text.c).
 */
struct json_lc {
	size_t off;
	uint32_t line;
};

static uint32_t
json_line_at(const struct doc *d, struct json_lc *lc, size_t off)
{
	const char *b = d->buf;
	size_t i;

	if (off > d->len)
		off = d->len;
	if (off < lc->off) {
		lc->off = 0;
		lc->line = 1;
	}
	for (i = lc->off; i < off; i++) {
		if ((b[i] == '\n' || (b[i] == '\r' && (i + 1 >= d->len ||
		    b[i + 1] != '\n'))) && lc->line < UINT32_MAX)
			lc->line++;
	}
	lc->off = off;
	return lc->line;
}

/* A comment's number as printed: a number, or its digits if it overflowed. */
static void
json_comment_number(FILE *f, const struct doc *d, const struct doc_comment *c)
{
	if (c->number == UINT64_MAX)
		json_span(f, d, c->number_text);
	else
		fprintf(f, "%" PRIu64, c->number);
}

static void
json_blocks(FILE *f, const struct doc *d)
{
	const struct doc_block *bl;
	size_t i;

	fputs("\"blocks\":[", f);
	for (i = 0; i < d->nblocks; i++) {
		bl = &d->blocks[i];
		fputs(i > 0 ? ",\n{" : "\n{", f);
		switch (bl->kind) {
		case DOC_BLOCK_PARA:
			fprintf(f, "\"kind\":\"paragraph\",\"line\":%" PRIu32
			    ",\"text\":", bl->line);
			json_span(f, d, bl->text);
			break;
		case DOC_BLOCK_QUOTE:
			fprintf(f, "\"kind\":\"quote\",\"line\":%" PRIu32
			    ",\"group\":%" PRIu32 ",\"text\":", bl->line,
			    bl->quote_group);
			json_span(f, d, bl->text);
			break;
		case DOC_BLOCK_CLAUSES:
			fprintf(f, "\"kind\":\"clauses\",\"line\":%" PRIu32
			    ",\"clauses\":[", bl->line);
			if (bl->nclauses > 0 && (size_t)bl->first_clause +
			    bl->nclauses <= d->nclauses)
				fprintf(f, "%" PRIu32 ",%" PRIu32,
				    d->clauses[bl->first_clause].number,
				    d->clauses[bl->first_clause +
				    bl->nclauses - 1].number);
			fprintf(f, "],\"first\":%" PRIu32 ",\"count\":%"
			    PRIu32, bl->first_clause, bl->nclauses);
			break;
		}
		putc('}', f);
	}
	fputs("],\n", f);
}

static void
json_notes(FILE *f, const struct doc *d, const struct doc_clause *c)
{
	const struct doc_note *n;
	struct json_cur cur;
	size_t k, a, b;

	memset(&cur, 0, sizeof cur);
	fputs("\"notes\":[", f);
	for (k = 0; k < c->nnotes; k++) {
		if ((size_t)c->first_note + k >= d->nnotes)
			break;
		n = &d->notes[c->first_note + k];
		if (k > 0)
			putc(',', f);
		fprintf(f, "{\"kind\":\"%s\",\"text\":",
		    n->kind == DOC_NOTE_EDITOR ? "editor" : "insertion");
		json_span(f, d, n->text);
		fputs(",\"signature\":", f);
		json_span_or_null(f, d, n->signature);
		a = json_span_pos(d, &cur, c->translation, n->text.off);
		b = json_span_pos(d, &cur, c->translation, n->text.off +
		    n->text.len);
		fprintf(f, ",\"start\":%zu,\"end\":%zu}", a, b);
	}
	putc(']', f);
}

static void
json_clauses(FILE *f, const struct doc *d)
{
	const struct doc_clause *c;
	const char *dir;
	size_t i;

	fputs("\"clauses\":[", f);
	for (i = 0; i < d->nclauses; i++) {
		c = &d->clauses[i];
		switch (c->original_dir) {
		case DOC_DIR_RTL:
			dir = "rtl";
			break;
		case DOC_DIR_LTR:
			dir = "ltr";
			break;
		default:
			dir = "none";
			break;
		}
		fprintf(f, "%s{\"number\":%" PRIu32 ",\"line\":%" PRIu32
		    ",\"block\":%" PRIu32 ",\"original\":", i > 0 ? ",\n" :
		    "\n", c->number, c->line, c->block);
		json_span_or_null(f, d, c->original);
		fprintf(f, ",\"original_direction\":\"%s\",\"translation\":",
		    dir);
		json_span_or_null(f, d, c->translation);
		putc(',', f);
		json_notes(f, d, c);
		putc('}', f);
	}
	fputs("],\n", f);
}

/* The source of a quote link; 0 if its indices are out of range. */
static int
json_link_valid(const struct doc *d, const struct doc_link *l)
{
	const struct doc_comment *sc;

	if (l->comment >= d->ncomments || l->para >= d->nparas ||
	    l->start > l->end)
		return 0;
	if (l->source_kind == DOC_SOURCE_ARTICLE)
		return l->block < d->nblocks;
	if (l->source_comment >= d->ncomments || l->source_para >= d->nparas)
		return 0;
	sc = &d->comments[l->source_comment];
	return l->source_para >= sc->first_para &&
	    l->source_para - sc->first_para < sc->npara;
}

/*
 * The "clause" and "side" members of a quote of clause k (c), whose
 * source starts at off; returns the text of that side.
 */
static struct span
json_clause_side(FILE *f, const struct doc_clause *c, long k, uint32_t off)
{
	int orig = doc_clause_in_original(c, off);

	fprintf(f, ",\"clause\":%ld,\"side\":\"%s\"", k,
	    orig ? "original" : "translation");
	return orig ? c->original : c->translation;
}

/*
 * One quote link. cur is for the quoting paragraph, scur for sources: both
 * are kept across the links of a comment (links come sorted by start).
 */
static void
json_link(FILE *f, const struct doc *d, const struct doc_link *l,
    struct json_cur *cur, struct json_cur *scur)
{
	const struct doc_comment *c = &d->comments[l->comment];
	const struct doc_comment *sc;
	const struct doc_para *pa = &d->paras[l->para];
	const struct doc_block *bl;
	struct span text;
	size_t a, b;
	uint32_t k0;
	long k;

	a = json_para_pos(d, cur, pa, l->start);
	k0 = cur->k;
	b = json_para_pos(d, cur, pa, l->end);
	fprintf(f, "{\"paragraph\":%" PRIu32 ",\"start\":%zu,\"end\":%zu,"
	    "\"text\":", l->para - c->first_para, a, b);
	json_para_slice(f, d, pa, k0, l->start, l->end);
	fputs(",\"source\":", f);
	if (l->source_kind == DOC_SOURCE_ARTICLE) {
		bl = &d->blocks[l->block];
		text = bl->text;
		fprintf(f, "{\"kind\":\"article\",\"block\":%" PRIu32
		    ",\"paragraph_line\":%" PRIu32, l->block, bl->line);
		if ((k = doc_clause_at(d, l->block, l->source_start)) >= 0)
			text = json_clause_side(f, &d->clauses[k], k,
			    l->source_start);
		a = json_span_pos(d, scur, text, l->source_start);
		b = json_span_pos(d, scur, text, l->source_end);
		fprintf(f, ",\"start\":%zu,\"end\":%zu}}", a, b);
		return;
	}
	sc = &d->comments[l->source_comment];
	pa = &d->paras[l->source_para];
	fputs("{\"kind\":\"comment\",\"number\":", f);
	json_comment_number(f, d, sc);
	a = json_para_pos(d, scur, pa, l->source_start);
	b = json_para_pos(d, scur, pa, l->source_end);
	fprintf(f, ",\"comment\":%" PRIu32 ",\"paragraph\":%" PRIu32
	    ",\"start\":%zu,\"end\":%zu}}", l->source_comment,
	    l->source_para - sc->first_para, a, b);
}

static void
json_comment(FILE *f, const struct doc *d, const struct doc_comment *c,
    struct json_lc *lc)
{
	const struct doc_para *pa;
	struct json_cur cur, scur;
	size_t k, n = 0;

	memset(&cur, 0, sizeof cur);
	memset(&scur, 0, sizeof scur);

	fputs("{\"number\":", f);
	json_comment_number(f, d, c);
	fprintf(f, ",\"line\":%" PRIu32 ",\"parent\":", c->line);
	if (c->parent >= 0 && (size_t)c->parent < d->ncomments) {
		json_comment_number(f, d, &d->comments[c->parent]);
		fprintf(f, ",\"parent_comment\":%" PRId32, c->parent);
	} else
		fputs("null,\"parent_comment\":null", f);
	fputs(",\"paragraphs\":[", f);
	for (k = 0; k < c->npara && (size_t)c->first_para + k < d->nparas;
	    k++) {
		pa = &d->paras[c->first_para + k];
		fprintf(f, "%s{\"line\":%" PRIu32 ",\"text\":", k > 0 ? "," :
		    "", pa->lines.n > 0 ? json_line_at(d, lc,
		    d->lines[pa->lines.first].off) : c->line);
		json_paragraph_text(f, d, pa);
		putc('}', f);
	}
	fputs("],\"quotes\":[", f);
	for (k = 0; k < c->nlinks && (size_t)c->first_link + k < d->nlinks;
	    k++) {
		if (!json_link_valid(d, &d->links[c->first_link + k]))
			continue;
		if (n++ > 0)
			putc(',', f);
		json_link(f, d, &d->links[c->first_link + k], &cur, &scur);
	}
	fputs("]}", f);
}

/* The thread's later parts, each with its header. */
static void
json_sections(FILE *f, const struct doc *d)
{
	const struct doc_section *sec;
	size_t k;

	fputs("\"sections\":[", f);
	for (k = 0; k < d->nsections; k++) {
		sec = &d->sections[k];
		fputs(k > 0 ? ",\n{\"header\":" : "\n{\"header\":", f);
		json_span(f, d, sec->header);
		fprintf(f, ",\"line\":%" PRIu32 ",\"declared\":", sec->line);
		if (sec->declared >= 0)
			fprintf(f, "%" PRId64, sec->declared);
		else
			fputs("null", f);
		fprintf(f, ",\"first_comment\":%" PRIu32 "}",
		    sec->first_comment);
	}
	fputs("],\n", f);
}

int
json_write(const struct doc *d, FILE *f)
{
	struct json_lc lc = { 0, 1 };
	size_t i;

	fputs("{\"title\":", f);
	json_span(f, d, d->title);
	fprintf(f, ",\"title_line\":%" PRIu32 ",\n\"comment_header\":",
	    d->title_line);
	json_span_or_null(f, d, d->comment_header);
	if (d->comment_header.len > 0)
		fprintf(f, ",\"comment_header_line\":%" PRIu32,
		    d->comment_header_line);
	else
		fputs(",\"comment_header_line\":null", f);
	if (d->declared_comments >= 0)
		fprintf(f, ",\"declared_comments\":%" PRId64,
		    d->declared_comments);
	else
		fputs(",\"declared_comments\":null", f);
	fprintf(f, ",\"comment_count\":%zu,\"comments_closed\":%s,"
	    "\"invalid_sequences\":%zu,\n", d->ncomments,
	    d->comments_closed ? "true" : "false", d->invalid_sequences);
	json_sections(f, d);
	json_blocks(f, d);
	json_clauses(f, d);
	fputs("\"comments\":[", f);
	for (i = 0; i < d->ncomments; i++) {
		fputs(i > 0 ? ",\n" : "\n", f);
		json_comment(f, d, &d->comments[i], &lc);
	}
	fputs("],\n\"problems\":[", f);
	for (i = 0; i < d->nproblems; i++) {
		fprintf(f, "%s{\"line\":%" PRIu32 ",\"message\":", i > 0 ?
		    ",\n" : "\n", d->problems[i].line);
		json_string(f, d->problems[i].message,
		    strlen(d->problems[i].message));
		putc('}', f);
	}
	fputs("]}\n", f);
	return ferror(f) ? -1 : 0;
}

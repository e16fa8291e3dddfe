/*
 * test_json.c: unit tests of json_write() on small documents (escaping,
 * invalid UTF-8, code-point offsets of quotes, overflowed numbers, line
 * numbers of comment paragraphs). With "--dump FILE" it instead prints
 * the JSON of FILE (parsed, with quotes found) for tests/json_export.sh.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/doc.h"
#include "gloss/json.h"
#include "gloss/parse.h"
#include "gloss/quotes.h"
#include "gloss/xmalloc.h"
#include "tap.h"

static struct doc *
parse_s(const char *s)
{
	size_t n = strlen(s);
	char *b = xmalloc(n);

	memcpy(b, s, n);
	return parse_text(b, n, 0);
}

/* The JSON of d as a string (caller frees). */
static char *
to_json(const struct doc *d, int *rc)
{
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);

	*rc = json_write(d, f);
	fclose(f);
	return out;
}

static int
contains(const char *hay, const char *needle)
{
	if (strstr(hay, needle) != NULL)
		return 1;
	diag("missing: %s", needle);
	return 0;
}

/* No raw control bytes except the newlines between members. */
static int
clean(const char *s)
{
	for (; *s != '\0'; s++)
		if (((unsigned char)*s < 0x20 && *s != '\n') || *s == 0x7f)
			return 0;
	return 1;
}

static void
test_escaping(void)
{
	static const char src[] = "A \"q\" \\ \x01\x1f\x7f \xc2\x85 \xff "
	    "\xe2\x80 \xf0\x9f\x98\x80 \xd8\xb9\nBody\t\x02\n";
	struct doc *d;
	char *b = xmalloc(sizeof src), *j;
	int rc;

	memcpy(b, src, sizeof src);	/* with a NUL at the end */
	d = parse_text(b, sizeof src, 0);
	j = to_json(d, &rc);
	is_int(rc, 0, "json_write returns 0");
	ok(contains(j, "{\"title\":\"A \\\"q\\\" \\\\ \\u0001\\u001f\\u007f "
	    "\\u0085 \xef\xbf\xbd \xef\xbf\xbd \xf0\x9f\x98\x80 \xd8\xb9\""),
	    "title: quotes, backslash, C0, DEL, C1 escaped; invalid as "
	    "U+FFFD; valid UTF-8 kept");
	ok(contains(j, "\"text\":\"Body\\t\\u0002\""), "tab and C0 in text");
	ok(contains(j, "\"text\":\"\\u0000\""), "NUL escaped");
	ok(contains(j, "\"invalid_sequences\":2"), "invalid count");
	ok(contains(j, "\"declared_comments\":null"), "no header: null");
	ok(contains(j, "\"comment_header\":null"), "no header text: null");
	ok(clean(j), "no raw control bytes");
	free(j);
	doc_free(&d);
}

static void
test_structure(void)
{
	struct doc *d = parse_s("Title\r\n"
	    "An article sentence “long” enough to quote.\r\n"
	    "\r\n"
	    "    1 – Translation [x] and [y ~ZZ].\r\n"
	    "    2- نص . 2 – Two.\r\n"
	    "    A quote.\r\n"
	    "3 thoughts on “Title”\r\n"
	    "  1. An article sentence “long” enough to quote.\r\n"
	    "    Second line, é.\r\n"
	    "\r\n"
	    "    Second paragraph.\r\n"
	    "  99999999999999999999. Quoting: “Second line, é.”\r\n");
	struct doc_link *l;
	struct doc_comment *c;
	char *j;
	int rc;

	/* Links as quotes.c would make them. */
	c = &d->comments[0];
	l = doc_add_link(d);
	l->comment = 0;
	l->para = c->first_para;
	l->start = d->lines[0].off + 3;	/* "article sentence..." */
	l->end = d->lines[0].off + d->lines[0].len;
	l->source_kind = DOC_SOURCE_ARTICLE;
	l->block = 0;
	l->source_start = d->blocks[0].text.off + 3;
	l->source_end = d->blocks[0].text.off + d->blocks[0].text.len;
	l = doc_add_link(d);
	l->comment = 0;
	l->para = c->first_para;
	l->start = d->lines[0].off + d->lines[0].len - 6;	/* "quote." */
	l->end = d->lines[1].off + 6;		/* "Second" */
	l->source_kind = DOC_SOURCE_ARTICLE;
	l->block = 0;
	l->source_start = 0;
	l->source_end = 1;
	c->first_link = 0;
	c->nlinks = 2;
	l = doc_add_link(d);
	l->comment = 1;
	l->para = d->comments[1].first_para;
	l->start = d->lines[3].off + 12;	/* after "Quoting: “" */
	l->end = d->lines[3].off + d->lines[3].len - 3;
	l->source_kind = DOC_SOURCE_COMMENT;
	l->source_comment = 0;
	l->source_para = c->first_para;
	l->source_start = d->lines[1].off;
	l->source_end = d->lines[1].off + d->lines[1].len;
	d->comments[1].first_link = 2;
	d->comments[1].nlinks = 1;
	d->comments[1].parent = 0;
	l = doc_add_link(d);		/* out of range: skipped */
	l->comment = 99;

	j = to_json(d, &rc);
	is_int(rc, 0, "json_write returns 0");
	ok(contains(j, "\"title\":\"Title\",\"title_line\":1,"), "title");
	ok(contains(j, "\"comment_header\":\"3 thoughts on “Title”\","
	    "\"comment_header_line\":7,\"declared_comments\":3,"
	    "\"comment_count\":2,\"comments_closed\":false,"
	    "\"invalid_sequences\":0"), "header members");
	ok(contains(j, "{\"kind\":\"paragraph\",\"line\":2,\"text\":\"An "
	    "article sentence “long” enough to quote.\"}"), "paragraph block");
	ok(contains(j, "{\"kind\":\"clauses\",\"line\":4,\"clauses\":[1,2],"
	    "\"first\":0,\"count\":2}"), "clause block");
	ok(contains(j, "{\"kind\":\"quote\",\"line\":6,\"group\":0,"
	    "\"text\":\"A quote.\"}"), "quote block");
	ok(contains(j, "{\"number\":1,\"line\":4,\"block\":1,\"original\":null,"
	    "\"original_direction\":\"none\",\"translation\":\"Translation "
	    "[x] and [y ~ZZ].\",\"notes\":[{\"kind\":\"insertion\","
	    "\"text\":\"[x]\",\"signature\":null,\"start\":12,\"end\":15},"
	    "{\"kind\":\"editor\",\"text\":\"[y ~ZZ]\",\"signature\":\"ZZ\","
	    "\"start\":20,\"end\":27}]}"), "clause 1 with notes");
	ok(contains(j, "\"original\":\"نص\",\"original_direction\":\"rtl\","
	    "\"translation\":\"Two.\""), "clause 2");
	ok(contains(j, "{\"number\":1,\"line\":8,\"parent\":null,"
	    "\"parent_comment\":null,\"paragraphs\":[{\"line\":8,\"text\":\"An article sentence "
	    "“long” enough to quote.\\nSecond line, é.\"},{\"line\":11,"
	    "\"text\":\"Second paragraph.\"}]"),
	    "comment 1 paragraphs, lines joined with \\n, CRLF line numbers");
	ok(contains(j, "\"quotes\":[{\"paragraph\":0,\"start\":3,\"end\":43,"
	    "\"text\":\"article sentence “long” enough to quote.\","
	    "\"source\":{\"kind\":\"article\",\"block\":0,"
	    "\"paragraph_line\":2,\"start\":3,\"end\":43}}"),
	    "article quote: code-point offsets");
	ok(contains(j, "{\"paragraph\":0,\"start\":37,\"end\":50,"
	    "\"text\":\"quote.\\nSecond\""),
	    "a quote across a line break");
	ok(contains(j, "{\"number\":\"99999999999999999999\",\"line\":12,"
	    "\"parent\":1,\"parent_comment\":0,"),
	    "overflowed number as digits; parent number and index");
	ok(contains(j, "\"quotes\":[{\"paragraph\":0,\"start\":10,"
	    "\"end\":25,\"text\":\"Second line, é.\",\"source\":"
	    "{\"kind\":\"comment\",\"number\":1,\"comment\":0,"
	    "\"paragraph\":0,\"start\":44,\"end\":59}}]}"),
	    "comment quote with its source");
	ok(contains(j, "{\"line\":7,\"message\":\"the header's comment "
	    "count"), 
	    "problems");
	ok(clean(j), "no raw control bytes");
	free(j);
	doc_free(&d);
}

static int
dump(const char *path)
{
	size_t len;
	char *buf = tap_slurp(path, &len);
	struct doc *d;
	int rc;

	if (buf == NULL) {
		fprintf(stderr, "cannot read %s\n", path);
		return 2;
	}
	d = parse_text(buf, len, 0);
	quotes_find(d);
	rc = json_write(d, stdout);
	doc_free(&d);
	return rc == 0 && fflush(stdout) == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--dump") == 0)
		return dump(argv[2]);
	test_escaping();
	test_structure();
	return tap_done();
}

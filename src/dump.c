/*
 * dump.c: --dump. Lays out the article, the comments and the clause table
 * for a width with layout_doc.c and prints each line: its indent as
 * spaces, then its glyphs' UTF-8 (already sanitised by the text layer),
 * trailing blanks removed, converted to the locale's charset. Section
 * headings separate the panes when more than one is printed.
 *
 * Invariant: every printed line is at most `width` cells, because layout
 * guarantees it and nothing here adds cells except the indent it reports.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/dump.h"
#include "gloss/layout.h"
#include "gloss/xmalloc.h"

struct dump {
	FILE *f;
	const struct text_opts *opts;
	char *line;
	size_t linecap;
	int error;
};

static void
dump_lines(struct dump *dp, const struct lay *l)
{
	size_t i, g, n;

	for (i = 0; i < l->nlines; i++) {
		const struct lay_line *ln = &l->lines[i];

		n = 0;
		dp->line = xgrow(dp->line, &dp->linecap, ln->indent + 1, 1);
		memset(dp->line, ' ', ln->indent);
		n = ln->indent;
		for (g = 0; g < ln->n; g++) {
			const struct lay_glyph *gl = &l->glyphs[ln->first + g];

			dp->line = xgrow(dp->line, &dp->linecap, n + gl->len + 1,
			    1);
			memcpy(dp->line + n, l->text + gl->text, gl->len);
			n += gl->len;
		}
		while (n > 0 && dp->line[n - 1] == ' ')
			n--;
		dp->line[n++] = '\n';
		if (dp->opts->out_utf8) {
			if (fwrite(dp->line, 1, n, dp->f) != n)
				dp->error = 1;
		} else {
			size_t outlen;
			char *out = text_to_output(dp->opts, dp->line, n,
			    &outlen);

			if (fwrite(out, 1, outlen, dp->f) != outlen)
				dp->error = 1;
			free(out);
		}
	}
}

static void
dump_heading(struct dump *dp, struct layout_ctx *c, struct lay *l,
    const char *s, int width)
{
	lay_clear(l);
	lay_label(l, &c->scratch, &c->opts, s, width, LAY_HEADING);
	lay_new_line(l);
	dump_lines(dp, l);
}

static void
dump_article(struct dump *dp, struct layout_ctx *c, struct lay *l, int width)
{
	size_t i;

	lay_clear(l);
	layout_title(c, width, l);
	dump_lines(dp, l);
	for (i = 0; i < c->doc->nblocks; i++) {
		lay_clear(l);
		layout_block(c, i, width, l);
		dump_lines(dp, l);
	}
}

static void
dump_comments(struct dump *dp, struct layout_ctx *c, struct lay *l,
    int width)
{
	const struct doc *d = c->doc;
	size_t i;
	char *s;

	if (d->declared_comments >= 0 &&
	    (uint64_t)d->declared_comments != d->ncomments)
		s = xasprintf("Comments: %zu of %lld shown%s", d->ncomments,
		    (long long)d->declared_comments,
		    d->comments_closed ? " (closed)" : "");
	else
		s = xasprintf("Comments: %zu%s", d->ncomments,
		    d->comments_closed ? " (closed)" : "");
	dump_heading(dp, c, l, s, width);
	free(s);
	for (i = 0; i < d->ncomments; i++) {
		lay_clear(l);
		layout_comment(c, i, width, 0, l);
		dump_lines(dp, l);
	}
}

static void
dump_clauses(struct dump *dp, struct layout_ctx *c, struct lay *l, int width)
{
	size_t i;
	char *s;

	s = xasprintf("Clauses: %zu", c->doc->nclauses);
	dump_heading(dp, c, l, s, width);
	free(s);
	if (c->doc->nclauses == 0)
		return;
	lay_clear(l);
	layout_table_header(c, width, l);
	dump_lines(dp, l);
	for (i = 0; i < c->doc->nclauses; i++) {
		lay_clear(l);
		layout_clause(c, i, width, l);
		dump_lines(dp, l);
	}
}

int
dump_write(const struct doc *d, const struct text_opts *t,
    enum gloss_pane pane, int width, FILE *f)
{
	struct layout_ctx c;
	struct lay l;
	struct dump dp;

	if (width < 1)
		width = 1;
	memset(&dp, 0, sizeof dp);
	dp.f = f;
	dp.opts = t;
	layout_ctx_init(&c, d, t);
	lay_init(&l);
	if (pane == GLOSS_PANE_ALL || pane == GLOSS_PANE_ARTICLE)
		dump_article(&dp, &c, &l, width);
	/* With all panes, a part the document does not have is left out. */
	if (pane == GLOSS_PANE_COMMENTS || (pane == GLOSS_PANE_ALL &&
	    (d->ncomments > 0 || d->declared_comments > 0)))
		dump_comments(&dp, &c, &l, width);
	if (pane == GLOSS_PANE_CLAUSES || (pane == GLOSS_PANE_ALL &&
	    d->nclauses > 0))
		dump_clauses(&dp, &c, &l, width);
	lay_free(&l);
	layout_ctx_free(&c);
	free(dp.line);
	if (fflush(f) != 0)
		dp.error = 1;
	return dp.error ? -1 : 0;
}

/*
 * dump.c: --dump. Lays out the article, the comments and the clause table
 * for a width with layout_doc.c and prints each line: its indent as
 * spaces, then its glyphs' UTF-8 (already sanitised by the text layer),
 * trailing blanks removed, converted to the locale's charset. Section
 * headings separate the panes when more than one is printed.
 *
 * Invariant: every printed line is at most `width` cells, because layout
 * guarantees it and nothing here adds cells except the indent it reports.
 *
 * Speed: the output is cut into tasks (runs of consecutive blocks,
 * comments or clause rows, about DUMP_TASK_BYTES of source each; a huge
 * paragraph or comment is laid out in parts, layout.h, a task each). Each
 * task is laid out into its own memory buffer by one of two threads
 * (each with its own layout context), and the main thread writes the
 * buffers in task order, so the output is the same as laying out
 * everything in order; at most DUMP_AHEAD tasks are in memory at once.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/dump.h"
#include "gloss/layout.h"
#include "gloss/xmalloc.h"

/* Output of one task: lines in the output charset, waiting for fwrite. */
struct dump {
	const struct text_opts *opts;
	char *line;
	size_t linecap;
	char *out;
	size_t outlen, outcap;
};

/* Append n bytes to the output. */
static void
dump_put(struct dump *dp, const char *s, size_t n)
{
	if (dp->outlen + n > dp->outcap)
		dp->out = xgrow(dp->out, &dp->outcap, dp->outlen + n, 1);
	memcpy(dp->out + dp->outlen, s, n);
	dp->outlen += n;
}

/* UTF-8 output: each line built straight into the output buffer. */
static void
dump_lines_utf8(struct dump *dp, const struct lay *l)
{
	const struct lay_line *ln;
	const struct lay_glyph *last;
	size_t i, n, from, len, need;

	for (i = 0; i < l->nlines; i++) {
		ln = &l->lines[i];
		/* A line's glyph text is one piece of l->text (layout.h). */
		from = len = 0;
		if (ln->n > 0) {
			last = &l->glyphs[ln->first + ln->n - 1];
			from = l->glyphs[ln->first].text;
			len = last->text + last->len - from;
		}
		need = ln->indent + len + 1;
		if (dp->outlen + need > dp->outcap)
			dp->out = xgrow(dp->out, &dp->outcap, dp->outlen + need,
			    1);
		n = dp->outlen;
		memset(dp->out + n, ' ', ln->indent);
		n += ln->indent;
		if (len > 0)	/* l->text may be NULL then */
			memcpy(dp->out + n, l->text + from, len);
		n += len;
		while (n > dp->outlen && dp->out[n - 1] == ' ')
			n--;
		dp->out[n++] = '\n';
		dp->outlen = n;
	}
}

static void
dump_lines(struct dump *dp, const struct lay *l)
{
	size_t i, g, n;

	if (dp->opts->out_utf8) {
		dump_lines_utf8(dp, l);
		return;
	}
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
		{
			size_t outlen;
			char *out = text_to_output(dp->opts, dp->line, n,
			    &outlen);

			dump_put(dp, out, outlen);
			free(out);
		}
	}
}

static void
dump_heading(struct dump *dp, struct layout_ctx *c, struct lay *l,
    const char *s, int width)
{
	lay_clear(l);
	lay_label_wrap(l, &c->scratch, &c->opts, s, width, LAY_HANG,
	    LAY_HEADING);
	lay_new_line(l);
	dump_lines(dp, l);
}

/* Parts of the output; a task is a run of one part's items. */
enum dump_part {
	DUMP_ARTICLE,		/* title, then blocks */
	DUMP_COMMENTS,		/* heading, then comments */
	DUMP_CLAUSES		/* heading and table header, then rows */
};

struct dump_task {
	enum dump_part part;
	size_t from, to;	/* items; from == 0: the part's heading too
				 * (article: items of layout.h, 0 is the
				 * title) */
	size_t kfrom, kto;	/* items of many parts (layout.h): when
				 * kto > 0, only parts [kfrom, kto) of
				 * item `from` (and to == from + 1) */
	struct dump out;
	int done;
};

/* Source bytes of a task, and tasks in memory at once. */
#define DUMP_TASK_BYTES	(256 * 1024)
#define DUMP_AHEAD	4

/* One thread's layout state. */
struct dump_worker {
	struct layout_ctx c;
	struct lay l;
};

/* What the threads share; the fields after lock are guarded by it. */
struct dump_run {
	const struct doc *d;
	const struct text_opts *opts;
	int width;
	struct dump_task *tasks;
	size_t ntasks;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	size_t next;		/* first task not taken */
	size_t written;		/* first task not written */
	struct dump_worker helper;
};

/* The heading of a part of the output (the article has none). */
static void
dump_part_heading(struct dump *dp, struct layout_ctx *c, struct lay *l,
    enum dump_part part, int width)
{
	const struct doc *d = c->doc;
	char *s, *n;

	switch (part) {
	case DUMP_ARTICLE:
		return;
	case DUMP_COMMENTS:
		n = layout_comment_count(d);
		s = xasprintf("Comments: %s%s", n,
		    d->comments_closed ? " (closed)" : "");
		free(n);
		dump_heading(dp, c, l, s, width);
		free(s);
		return;
	case DUMP_CLAUSES:
		s = xasprintf("Clauses: %zu", d->nclauses);
		dump_heading(dp, c, l, s, width);
		free(s);
		if (d->nclauses == 0)
			return;
		lay_clear(l);
		layout_table_header(c, width, l);
		dump_lines(dp, l);
		return;
	}
}

/* Source bytes of item i of a part (a guess of its layout work). */
static size_t
dump_item_bytes(const struct doc *d, enum dump_part part, size_t i)
{
	const struct doc_comment *cm;
	const struct doc_para *p;
	size_t n = 64, j, k;

	switch (part) {
	case DUMP_ARTICLE:	/* article item i (layout.h) */
		return n + (i == 0 ? d->title.len : d->blocks[i - 1].text.len);
	case DUMP_COMMENTS:
		cm = &d->comments[i];
		for (j = 0; j < cm->npara; j++) {
			p = &d->paras[cm->first_para + j];
			for (k = 0; k < p->lines.n; k++)
				n += d->lines[p->lines.first + k].len;
		}
		return n;
	case DUMP_CLAUSES:
		return n + d->clauses[i].original.len +
		    d->clauses[i].translation.len;
	}
	return n;
}

/* Parts of item i of a part of the output (layout.h). */
static size_t
dump_item_parts(struct layout_ctx *c, enum dump_part part, size_t i)
{
	switch (part) {
	case DUMP_ARTICLE:
		return layout_article_parts(c, i);
	case DUMP_COMMENTS:
		return layout_comment_parts(c, i);
	case DUMP_CLAUSES:
		return layout_clause_parts(c, i);
	}
	return 1;
}

/*
 * Lay out part k of item i of a part of the output (article items are
 * those of layout.h, 0 the title).
 */
static void
dump_item_part(struct layout_ctx *c, enum dump_part part, size_t i,
    size_t k, int width, struct lay *l)
{
	switch (part) {
	case DUMP_ARTICLE:
		layout_article_part(c, i, k, width, l);
		break;
	case DUMP_COMMENTS:
		layout_comment_part(c, i, k, width, 0, l);
		break;
	case DUMP_CLAUSES:
		layout_clause_part(c, i, k, width, l);
		break;
	}
}

/*
 * Task t's output: its part's heading if it is the part's first task,
 * then items [from, to) a part at a time (when kto > 0, only parts
 * [kfrom, kto) of item from).
 */
static void
dump_task_items(struct dump *dp, struct layout_ctx *c, struct lay *l,
    int width, const struct dump_task *t)
{
	size_t i, k, n;

	if (t->from == 0 && t->kfrom == 0)
		dump_part_heading(dp, c, l, t->part, width);
	for (i = t->from; i < t->to; i++) {
		k = t->kto > 0 ? t->kfrom : 0;
		n = t->kto > 0 ? t->kto : dump_item_parts(c, t->part, i);
		for (; k < n; k++) {
			lay_clear(l);
			dump_item_part(c, t->part, i, k, width, l);
			dump_lines(dp, l);
		}
	}
}

/*
 * Cut part's nitems items into tasks (at least one, for its heading):
 * runs of items of about DUMP_TASK_BYTES, except that an item of several
 * parts (a huge paragraph or comment) gets a task per part, so that no
 * task holds more than about one chunk of output.
 */
static void
dump_tasks_add(struct dump_run *r, size_t *cap, struct layout_ctx *c,
    enum dump_part part, size_t nitems)
{
	struct dump_task *t;
	size_t i = 0, k, np, bytes;

	do {
		np = i < nitems ? dump_item_parts(c, part, i) : 1;
		for (k = 0; k < np && np > 1; k++) {
			r->tasks = xgrow(r->tasks, cap, r->ntasks + 1,
			    sizeof *r->tasks);
			t = &r->tasks[r->ntasks++];
			memset(t, 0, sizeof *t);
			t->part = part;
			t->from = i;
			t->to = i + 1;
			t->kfrom = k;
			t->kto = k + 1;
		}
		if (np > 1) {
			i++;
			continue;
		}
		r->tasks = xgrow(r->tasks, cap, r->ntasks + 1,
		    sizeof *r->tasks);
		t = &r->tasks[r->ntasks++];
		memset(t, 0, sizeof *t);
		t->part = part;
		t->from = i;
		for (bytes = 0; i < nitems && bytes < DUMP_TASK_BYTES &&
		    (i == t->from || dump_item_parts(c, part, i) == 1); i++)
			bytes += dump_item_bytes(r->d, part, i);
		t->to = i;
	} while (i < nitems);
}

static void
dump_task_run(struct dump_run *r, struct dump_worker *w, struct dump_task *t)
{
	t->out.opts = r->opts;
	dump_task_items(&t->out, &w->c, &w->l, r->width, t);
	free(t->out.line);
	t->out.line = NULL;
	t->out.linecap = 0;
}

/* Whether a task may be taken now (r->lock held). */
static int
dump_can_take(const struct dump_run *r)
{
	return r->next < r->ntasks && r->next < r->written + DUMP_AHEAD;
}

/* The second thread: lays out tasks until none is left. */
static void *
dump_helper(void *arg)
{
	struct dump_run *r = arg;
	struct dump_task *t;

	pthread_mutex_lock(&r->lock);
	while (r->next < r->ntasks) {
		if (!dump_can_take(r)) {
			pthread_cond_wait(&r->cond, &r->lock);
			continue;
		}
		t = &r->tasks[r->next++];
		pthread_mutex_unlock(&r->lock);
		dump_task_run(r, &r->helper, t);
		pthread_mutex_lock(&r->lock);
		t->done = 1;
		pthread_cond_broadcast(&r->cond);
	}
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

/*
 * The main thread: writes finished tasks in order, lays out tasks itself
 * while it waits for the next one. Returns whether every write worked.
 */
static int
dump_main(struct dump_run *r, struct dump_worker *w, FILE *f)
{
	struct dump_task *t;
	int ok = 1;

	pthread_mutex_lock(&r->lock);
	while (r->written < r->ntasks) {
		t = &r->tasks[r->written];
		if (t->done) {
			pthread_mutex_unlock(&r->lock);
			if (t->out.outlen > 0 && fwrite(t->out.out, 1,
			    t->out.outlen, f) != t->out.outlen)
				ok = 0;
			free(t->out.out);
			t->out.out = NULL;
			pthread_mutex_lock(&r->lock);
			r->written++;
			pthread_cond_broadcast(&r->cond);
		} else if (dump_can_take(r)) {
			t = &r->tasks[r->next++];
			pthread_mutex_unlock(&r->lock);
			dump_task_run(r, w, t);
			pthread_mutex_lock(&r->lock);
			t->done = 1;
		} else
			pthread_cond_wait(&r->cond, &r->lock);
	}
	pthread_mutex_unlock(&r->lock);
	return ok;
}

int
dump_write(const struct doc *d, const struct text_opts *t,
    enum gloss_pane pane, int width, FILE *f)
{
	struct dump_run r;
	struct dump_worker w;
	pthread_t th;
	size_t cap = 0, i;
	int ok, threaded = 0;

	if (width < 1)
		width = 1;
	memset(&r, 0, sizeof r);
	r.d = d;
	r.opts = t;
	r.width = width;
	layout_ctx_init(&w.c, d, t);
	lay_init(&w.l);
	if (pane == GLOSS_PANE_ALL || pane == GLOSS_PANE_ARTICLE)
		dump_tasks_add(&r, &cap, &w.c, DUMP_ARTICLE,
		    layout_article_items(&w.c));
	/* With all panes, a part the document does not have is left out. */
	if (pane == GLOSS_PANE_COMMENTS || (pane == GLOSS_PANE_ALL &&
	    (d->ncomments > 0 || d->declared_comments > 0)))
		dump_tasks_add(&r, &cap, &w.c, DUMP_COMMENTS, d->ncomments);
	if (pane == GLOSS_PANE_CLAUSES || (pane == GLOSS_PANE_ALL &&
	    d->nclauses > 0))
		dump_tasks_add(&r, &cap, &w.c, DUMP_CLAUSES, d->nclauses);
	pthread_mutex_init(&r.lock, NULL);
	pthread_cond_init(&r.cond, NULL);
	if (r.ntasks > 1) {
		layout_ctx_clone(&r.helper.c, &w.c);
		lay_init(&r.helper.l);
		if (pthread_create(&th, NULL, dump_helper, &r) == 0)
			threaded = 1;
		else {
			layout_ctx_free_clone(&r.helper.c);
			lay_free(&r.helper.l);
		}
	}
	ok = dump_main(&r, &w, f);
	if (threaded) {
		pthread_join(th, NULL);
		layout_ctx_free_clone(&r.helper.c);
		lay_free(&r.helper.l);
	}
	pthread_cond_destroy(&r.cond);
	pthread_mutex_destroy(&r.lock);
	for (i = 0; i < r.ntasks; i++)
		free(r.tasks[i].out.out);
	free(r.tasks);
	lay_free(&w.l);
	layout_ctx_free(&w.c);
	if (fflush(f) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

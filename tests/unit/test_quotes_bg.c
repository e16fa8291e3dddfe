/*
 * test_quotes_bg.c: quotes_compute + quotes_apply (the reader's
 * background path) against quotes_find: the same links and parents, on a
 * small hand-written document and a generated thread; a cancelled
 * computation returns nothing and leaves the model without links.
 * quotes_job (the thread the reader starts): finishing it gives the same
 * links as quotes_find, and cancelling it leaves the model unchanged.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gloss/doc.h"
#include "gloss/parse.h"
#include "gloss/quotes.h"
#include "gloss/quotes_job.h"
#include "gloss/xmalloc.h"
#include "tap.h"

static const char small_doc[] =
    "Notes on a village bakery\n"
    "\n"
    "The baker lights the oven long before the first bus arrives, and "
    "the smell of rye bread reaches the square by half past five.\n"
    "On Saturdays the queue stretches past the post office.\n"
    "\n"
    "3 thoughts on \"Notes on a village bakery\"\n"
    "\n"
    "  1. the smell of rye bread reaches the square by half past five\n"
    "    Only when the wind comes from the east, in my experience.\n"
    "\n"
    "  2. Our bakery closed last winter and nobody has reopened it.\n"
    "\n"
    "  3. Only when the wind comes from the east, in my experience.\n"
    "    That is true of most smells in this valley.\n";

static struct doc *
parse_copy(const char *s, size_t len)
{
	char *buf = xmalloc(len + 1);

	memcpy(buf, s, len);
	buf[len] = '\0';
	return parse_text(buf, len, 0);
}

/* A thread of n comments, each quoting the sentence of the one before. */
static char *
gen_thread(size_t n, size_t *lenp)
{
	char *s = NULL, *line;
	size_t len = 0, cap = 0, i, k;

	line = xasprintf("A generated discussion\n\nThe article says little "
	    "about tides and harbours and the keeping of small boats.\n\n"
	    "%zu thoughts on \"A generated discussion\"\n\n", n);
	k = strlen(line);
	s = xgrow(s, &cap, len + k + 1, 1);
	memcpy(s + len, line, k + 1);
	len += k;
	free(line);
	for (i = 1; i <= n; i++) {
		if (i == 1)
			line = xasprintf("  1. Sentence number one of this "
			    "thread, written about boats and tides.\n\n");
		else
			line = xasprintf("  %zu. Sentence number %zu of this "
			    "thread, written about boats and tides.\n"
			    "    Sentence number %zu of this thread, written "
			    "about boats and tides.\n\n", i, i - 1, i);
		k = strlen(line);
		s = xgrow(s, &cap, len + k + 1, 1);
		memcpy(s + len, line, k + 1);
		len += k;
		free(line);
	}
	*lenp = len;
	return s;
}

/* Whether a and b have exactly the same links and parents. */
static int
same_links(const struct doc *a, const struct doc *b)
{
	size_t i;
	const struct doc_link *x, *y;

	if (a->nlinks != b->nlinks || a->ncomments != b->ncomments)
		return 0;
	for (i = 0; i < a->nlinks; i++) {
		x = &a->links[i];
		y = &b->links[i];
		if (x->comment != y->comment || x->para != y->para ||
		    x->start != y->start || x->end != y->end ||
		    x->source_kind != y->source_kind ||
		    x->block != y->block ||
		    x->source_comment != y->source_comment ||
		    x->source_para != y->source_para ||
		    x->source_start != y->source_start ||
		    x->source_end != y->source_end)
			return 0;
	}
	for (i = 0; i < a->ncomments; i++)
		if (a->comments[i].parent != b->comments[i].parent ||
		    a->comments[i].first_link != b->comments[i].first_link ||
		    a->comments[i].nlinks != b->comments[i].nlinks)
			return 0;
	return 1;
}

static int
no_links(const struct doc *d)
{
	size_t i;

	if (d->nlinks != 0)
		return 0;
	for (i = 0; i < d->ncomments; i++)
		if (d->comments[i].parent != -1 || d->comments[i].nlinks != 0)
			return 0;
	return 1;
}

static void
check(const char *what, const char *s, size_t len, size_t min_links)
{
	struct doc *a, *b, *c;
	struct quotes_result r;
	atomic_int cancel = 0;
	int rc;

	a = parse_copy(s, len);
	quotes_find(a);
	ok(a->nlinks >= min_links, "%s: quotes_find finds links (%zu)", what,
	    a->nlinks);

	b = parse_copy(s, len);
	rc = quotes_compute(b, &r, &cancel);
	is_int(rc, 0, "%s: quotes_compute completes", what);
	ok(no_links(b), "%s: quotes_compute leaves the model alone", what);
	ok(r.complete && r.nlinks == a->nlinks &&
	    r.ncomments == a->ncomments, "%s: result holds the links", what);
	quotes_apply(b, &r);
	ok(same_links(a, b), "%s: compute + apply = quotes_find", what);
	ok(r.links == NULL && r.nlinks == 0 && r.comments == NULL,
	    "%s: apply empties the result", what);

	c = parse_copy(s, len);
	atomic_store(&cancel, 1);
	rc = quotes_compute(c, &r, &cancel);
	is_int(rc, -1, "%s: a cancelled compute returns -1", what);
	ok(!r.complete && r.links == NULL && r.nlinks == 0 &&
	    r.comments == NULL, "%s: a cancelled compute returns nothing",
	    what);
	quotes_apply(c, &r);
	ok(no_links(c), "%s: applying a cancelled result leaves no links",
	    what);
	doc_free(&a);
	doc_free(&b);
	doc_free(&c);
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* The reader's thread: polled to completion, and cancelled at once. */
static void
check_job(const char *what, const char *s, size_t len)
{
	struct doc *a, *b, *c;
	struct quotes_job *j;
	long waited = 0;

	a = parse_copy(s, len);
	quotes_find(a);

	b = parse_copy(s, len);
	j = quotes_job_start(b);
	ok(j != NULL, "%s: a job starts", what);
	if (j == NULL) {
		doc_free(&a);
		doc_free(&b);
		return;
	}
	/* The model may be read meanwhile (ThreadSanitizer checks this). */
	ok(no_links(b), "%s: the model has no links while the job runs",
	    what);
	while (!quotes_job_done(j) && waited < 120000) {
		sleep_ms(5);
		waited += 5;
	}
	ok(quotes_job_done(j), "%s: the job reports done", what);
	quotes_job_finish(j, b);
	ok(same_links(a, b), "%s: job finish = quotes_find", what);

	c = parse_copy(s, len);
	j = quotes_job_start(c);
	ok(j != NULL, "%s: a second job starts", what);
	if (j != NULL)
		quotes_job_cancel(j);
	ok(no_links(c), "%s: a cancelled job leaves the model unchanged",
	    what);
	doc_free(&a);
	doc_free(&b);
	doc_free(&c);
}

int
main(void)
{
	char *g;
	size_t len;

	check("small", small_doc, sizeof small_doc - 1, 2);
	g = gen_thread(3000, &len);
	check("thread", g, len, 2999);
	check_job("thread", g, len);
	free(g);
	check_job("small", small_doc, sizeof small_doc - 1);
	return tap_done();
}

/*
 * test_thread.c: the threaded view's order of comments (src/tui/
 * thread.c): replies right after their parent (pre-order, siblings and
 * roots in document order), depths capped, parts of a thread kept in
 * order with replies across parts as roots, the identity for a flat
 * thread, rank the inverse of order, and a long reply chain (no
 * recursion) against a simple reference.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/doc.h"
#include "gloss/xmalloc.h"
#include "../../src/tui/thread.h"
#include "../tap.h"

/* A document of n comments with these parents (-1: none), and parts
 * starting at the comments in starts[0, nstarts). */
static struct doc *
doc_of(size_t n, const int32_t *parent, const uint32_t *starts,
    size_t nstarts)
{
	struct doc *d = doc_new(xstrdup(""), 0, 0);
	struct doc_comment *c;
	struct doc_section *s;
	size_t i;

	for (i = 0; i < n; i++) {
		c = doc_add_comment(d);
		memset(c, 0, sizeof *c);
		c->number = i + 1;
		c->parent = parent[i];
	}
	for (i = 0; i < nstarts; i++) {
		s = doc_add_section(d);
		memset(s, 0, sizeof *s);
		s->first_comment = starts[i];
		s->declared = -1;
	}
	return d;
}

/* "1 4 2 3": the comments' numbers (index + 1) in display order. */
static char *
order_text(const struct thread_order *o, size_t n)
{
	char *s = xcalloc(n * 12 + 1, 1);
	size_t i, at = 0;

	for (i = 0; i < n; i++)
		at += (size_t)sprintf(s + at, "%s%zu", i ? " " : "",
		    thread_order_comment(o, i) + 1);
	return s;
}

static char *
depth_text(const struct thread_order *o, size_t n)
{
	char *s = xcalloc(n * 4 + 1, 1);
	size_t i, at = 0;

	for (i = 0; i < n; i++)
		at += (size_t)sprintf(s + at, "%s%d", i ? " " : "",
		    thread_order_depth(o, thread_order_comment(o, i)));
	return s;
}

static int
inverse(const struct thread_order *o, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (thread_order_item(o, thread_order_comment(o, i)) != i ||
		    thread_order_comment(o, thread_order_item(o, i)) != i)
			return 0;
	return 1;
}

/* Build and compare the order and the depths shown. */
static void
check(const char *what, size_t n, const int32_t *parent,
    const uint32_t *starts, size_t nstarts, int max, const char *want,
    const char *want_depth)
{
	struct doc *d = doc_of(n, parent, starts, nstarts);
	struct thread_order o;
	char *s;

	thread_order_init(&o);
	thread_order_build(&o, d, max);
	s = order_text(&o, n);
	is_str(s, want, "%s: order", what);
	free(s);
	s = depth_text(&o, n);
	is_str(s, want_depth, "%s: depths", what);
	free(s);
	ok(inverse(&o, n), "%s: rank is the inverse of order", what);
	thread_order_free(&o);
	doc_free(&d);
}

/* The reference: parent chains, children found by scanning, recursion. */
static void
ref_visit(const int32_t *parent, size_t n, size_t c, uint32_t *out,
    size_t *k)
{
	size_t j;

	out[(*k)++] = (uint32_t)c;
	for (j = c + 1; j < n; j++)
		if (parent[j] == (int32_t)c)
			ref_visit(parent, n, j, out, k);
}

int
main(void)
{
	static const int32_t brief[] = { -1, -1, 1, 0 };
	static const int32_t flat[] = { -1, -1, -1 };
	static const int32_t deep[] = { -1, 0, 1, 2, 3, 4, 5, -1, 1 };
	static const int32_t nest[] = { -1, 0, -1, 1, 0, 2, 3 };
	static const int32_t parts[] = { -1, -1, 0, 1, -1, 0, 4, 2 };
	static const uint32_t starts[] = { 4 };
	static const uint32_t starts2[] = { 0, 3, 3, 6 };
	struct thread_order o;
	struct doc *d;
	int32_t *par;
	uint32_t *ref;
	size_t i, k, n;
	int good;

	check("4 replies to 1, 3 to 2", 4, brief, NULL, 0, 4, "1 4 2 3",
	    "0 1 0 1");
	check("flat", 3, flat, NULL, 0, 4, "1 2 3", "0 0 0");
	check("a chain deeper than the cap", 9, deep, NULL, 0, 4,
	    "1 2 3 4 5 6 7 9 8", "0 1 2 3 4 4 4 2 0");
	check("siblings in document order, subtrees whole", 7, nest, NULL, 0,
	    4, "1 2 4 7 5 3 6", "0 1 2 3 1 0 1");
	check("cap 0: reordered, not indented", 4, brief, NULL, 0, 0,
	    "1 4 2 3", "0 0 0 0");
	/* Comments 5-8 are a later part: 6 replies to 1 (an earlier part)
	 * and is a root there; 7 replies to 5; 8 to 3 (earlier part). */
	check("a later part keeps its place", 8, parts, starts, 1, 4,
	    "1 3 2 4 5 7 6 8", "0 1 0 1 0 1 0 0");
	/* Parts starting at 0, twice at 3 (an empty part) and at 6. */
	check("empty parts and a part at 0", 8, parts, starts2, 4, 4,
	    "1 3 2 4 5 6 7 8", "0 1 0 0 0 0 0 0");

	/* Flat: nothing allocated, the identity. */
	d = doc_of(3, flat, NULL, 0);
	thread_order_init(&o);
	thread_order_build(&o, d, 4);
	ok(o.order == NULL && o.rank == NULL && o.depth == NULL,
	    "a flat thread allocates nothing");
	is_int((long long)thread_order_item(&o, 2), 2,
	    "and maps comment 3 to item 3");
	thread_order_free(&o);
	doc_free(&d);
	d = doc_of(0, flat, NULL, 0);
	thread_order_build(&o, d, 4);
	ok(o.order == NULL, "no comments: the identity");
	thread_order_free(&o);
	doc_free(&d);

	/* A large thread: a chain of 100,000 replies (no recursion in the
	 * build), then pseudo-random parents against the reference. */
	n = 100000;
	par = xreallocarray(NULL, n, sizeof *par);
	for (i = 0; i < n; i++)
		par[i] = (int32_t)i - 1;
	d = doc_of(n, par, NULL, 0);
	thread_order_build(&o, d, 4);
	good = 1;
	for (i = 0; i < n; i++)
		if (thread_order_comment(&o, i) != i ||
		    thread_order_depth(&o, i) != (i < 4 ? (int)i : 4))
			good = 0;
	ok(good, "a chain of %zu replies: document order, depth capped", n);
	thread_order_free(&o);
	doc_free(&d);

	n = 3000;
	srand(7);
	for (i = 0; i < n; i++)
		par[i] = i == 0 || rand() % 3 == 0 ? -1 :
		    (int32_t)((size_t)rand() % i);
	ref = xreallocarray(NULL, n, sizeof *ref);
	for (i = 0, k = 0; i < n; i++)
		if (par[i] < 0)
			ref_visit(par, n, i, ref, &k);
	d = doc_of(n, par, NULL, 0);
	thread_order_build(&o, d, 4);
	good = k == n;
	for (i = 0; i < n && good; i++)
		if (thread_order_comment(&o, i) != ref[i])
			good = 0;
	ok(good, "%zu comments with random parents: the reference pre-order",
	    n);
	ok(inverse(&o, n), "and rank is its inverse");
	thread_order_free(&o);
	doc_free(&d);
	free(ref);
	free(par);
	return tap_done();
}

/*
 * thread.c: the threaded view's order of comments (thread.h).
 *
 * Coordinates: comment indices (doc->comments) and item indices (places
 * in the pane), both from 0. Invariants of a built order: order and rank
 * are inverse permutations of [0, n); a comment's item is smaller than
 * the items of all its replies, and the items of a comment and of all
 * its replies, recursively, are consecutive; a part's comments take
 * consecutive items, in the order of the parts. Building is a look for
 * any parent, then four passes over the comments, with no memory beyond
 * the three arrays: no child lists, no stack.
 */
#include "config.h"

#include <stdlib.h>

#include "gloss/xmalloc.h"
#include "thread.h"

#define THREAD_ROOT	UINT32_MAX

void
thread_order_init(struct thread_order *o)
{
	o->order = NULL;
	o->rank = NULL;
	o->depth = NULL;
	o->n = 0;
}

void
thread_order_free(struct thread_order *o)
{
	free(o->order);
	free(o->rank);
	free(o->depth);
	thread_order_init(o);
}

/* Whether any comment has a parent at all (else the order is flat). */
static int
thread_any_parent(const struct doc *d)
{
	size_t i;

	for (i = 0; i < d->ncomments; i++)
		if (d->comments[i].parent >= 0)
			return 1;
	return 0;
}

/*
 * Pass one, in document order: the parent of each comment within its
 * part into o->rank (THREAD_ROOT for none: no parent, one in an earlier
 * part, or one that is not earlier), depths, and 1 (its own size) into
 * o->order. Returns the number of comments with a parent.
 */
static size_t
thread_parents(struct thread_order *o, const struct doc *d, int max_depth)
{
	size_t i, lo = 0, s = 0, replies = 0;
	int32_t p;
	int dep;

	for (i = 0; i < o->n; i++) {
		while (s < d->nsections && d->sections[s].first_comment <= i)
			lo = d->sections[s++].first_comment;
		p = d->comments[i].parent;
		o->order[i] = 1;
		if (p < 0 || (size_t)p < lo || (size_t)p >= i) {
			o->rank[i] = THREAD_ROOT;
			o->depth[i] = 0;
			continue;
		}
		o->rank[i] = (uint32_t)p;
		dep = o->depth[p] + 1;
		o->depth[i] = (uint8_t)(dep < max_depth ? dep : max_depth);
		replies++;
	}
	return replies;
}

void
thread_order_build(struct thread_order *o, const struct doc *d,
    int max_depth)
{
	size_t i, n = d->ncomments;
	uint32_t p, at, size, root = 0;

	thread_order_free(o);
	if (n == 0 || n >= THREAD_ROOT || !thread_any_parent(d))
		return;
	if (max_depth < 0)
		max_depth = 0;
	if (max_depth > UINT8_MAX)
		max_depth = UINT8_MAX;
	o->n = n;
	o->order = xreallocarray(NULL, n, sizeof *o->order);
	o->rank = xreallocarray(NULL, n, sizeof *o->rank);
	o->depth = xreallocarray(NULL, n, sizeof *o->depth);
	if (thread_parents(o, d, max_depth) == 0) {
		thread_order_free(o);
		return;
	}
	/* Pass two, backwards: replies come after their parent, so each
	 * subtree's size is complete when it is added to its parent's. */
	for (i = n; i-- > 0;)
		if (o->rank[i] != THREAD_ROOT)
			o->order[o->rank[i]] += o->order[i];
	/* Pass three, forwards: a comment takes the next free item after
	 * its parent's item and its earlier siblings' subtrees (a root the
	 * next after the earlier roots' trees); o->order[c] becomes the
	 * next free item for c's replies, o->rank[c] its item. */
	for (i = 0; i < n; i++) {
		p = o->rank[i];
		size = o->order[i];
		if (p == THREAD_ROOT) {
			at = root;
			root += size;
		} else {
			at = o->order[p];
			o->order[p] += size;
		}
		o->rank[i] = at;
		o->order[i] = at + 1;
	}
	/* Pass four: the inverse. */
	for (i = 0; i < n; i++)
		o->order[o->rank[i]] = (uint32_t)i;
}

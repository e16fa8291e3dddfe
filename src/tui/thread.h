/*
 * thread.h: the order of the Comments pane in the threaded view (reply
 * trees, not threads of execution).
 *
 * The pane's items are comments in display order. Flat, item i is
 * comment i. Threaded, each comment is followed by its replies (the
 * comments whose parent it is), in document order among themselves,
 * recursively: a pre-order of the reply trees, the roots (comments that
 * reply to none) in document order. A thread in several parts (doc.h:
 * sections) keeps its parts in order and reorders only within a part: a
 * comment whose parent lies in an earlier part is a root of its own part
 * (its header still names the parent), so each part's header stays above
 * the part's first comment. Parents come before their replies in the
 * document (parent < child), so building is O(comments); looking up
 * either way is O(1).
 */
#ifndef GLOSS_TUI_THREAD_H
#define GLOSS_TUI_THREAD_H

#include <stddef.h>
#include <stdint.h>

#include "gloss/doc.h"

/**
 * A permutation of the comments and their depths. All NULL (n == 0):
 * the identity, depth 0 everywhere (flat, or no comment has a parent).
 */
struct thread_order {
	uint32_t *order;	/* item -> comment */
	uint32_t *rank;		/* comment -> item */
	uint8_t *depth;		/* per comment: reply depth within its part,
				 * capped at the build's max_depth */
	size_t n;
};

/** The identity order (nothing allocated). */
void thread_order_init(struct thread_order *o);
/** Free o's arrays: o is the identity again. */
void thread_order_free(struct thread_order *o);
/**
 * Replace o with the threaded order of d's comments (the identity when no
 * comment has a parent in its part); depths are capped at max_depth
 * (0..255). O(comments).
 */
void thread_order_build(struct thread_order *o, const struct doc *d,
    int max_depth);

/** The comment shown as item i. */
static inline size_t
thread_order_comment(const struct thread_order *o, size_t i)
{
	return o->order != NULL && i < o->n ? o->order[i] : i;
}

/** The item that shows comment c. */
static inline size_t
thread_order_item(const struct thread_order *o, size_t c)
{
	return o->rank != NULL && c < o->n ? o->rank[c] : c;
}

/** The indent level of comment c (0 for a root). */
static inline int
thread_order_depth(const struct thread_order *o, size_t c)
{
	return o->depth != NULL && c < o->n ? o->depth[c] : 0;
}

#endif

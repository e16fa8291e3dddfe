/*
 * xmalloc.h: allocation that never returns NULL.
 *
 * Every function checks for size overflow and exits with a message on
 * failure (like tmux's xmalloc.c), so callers never test for NULL.
 */
#ifndef GLOSS_XMALLOC_H
#define GLOSS_XMALLOC_H

#include <stddef.h>

/** malloc(size), or exit with a message. size 0 yields a valid pointer. */
void *xmalloc(size_t size);
/** calloc(n, size) with overflow check. */
void *xcalloc(size_t n, size_t size);
/** realloc(p, n * size) with overflow check. */
void *xreallocarray(void *p, size_t n, size_t size);
/** strdup(s). */
char *xstrdup(const char *s);
/** A copy of the first n bytes of s, NUL-terminated. */
char *xstrndup(const char *s, size_t n);
/** printf into a fresh string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * Grow an array so it can hold at least need elements of size bytes;
 * *cap is updated (doubling). Returns the (possibly moved) array.
 */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);

#endif

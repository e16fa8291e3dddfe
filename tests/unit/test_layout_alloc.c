/*
 * test_layout_alloc.c: lay_para does not allocate in the steady state.
 * Counts calls to malloc/calloc/realloc by wrapping glibc's (skipped under
 * sanitizers, which own malloc). After one warm-up pass over a set of
 * paragraphs, a second pass over the same set must allocate nothing for
 * paragraphs without right-to-left text (FriBidi allocates internally
 * while resolving levels, so RTL paragraphs are only counted).
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/layout.h"
#include "../tap.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
#define ALLOC_SKIP 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ALLOC_SKIP 1
#endif
#endif

#ifndef ALLOC_SKIP
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static size_t nalloc;

void *
malloc(size_t n)
{
	nalloc++;
	return __libc_malloc(n);
}

void *
calloc(size_t n, size_t m)
{
	nalloc++;
	return __libc_calloc(n, m);
}

void *
realloc(void *p, size_t n)
{
	nalloc++;
	return __libc_realloc(p, n);
}
#endif

static const char *const paras[] = {
	"Plain ASCII text that wraps over a few lines at a narrow width.",
	"Tabs\tand  spaces,\tpunctuation (and brackets) - all ASCII.",
	"Na\xc3\xafve caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 emoji \xf0\x9f\x91\x8d"
	    "\xf0\x9f\x8f\xbd and a control \x01 and \x80 bad bytes.",
	"",
};

int
main(void)
{
#ifdef ALLOC_SKIP
	tap_skip_all("sanitizer build owns malloc");
#else
	struct text_opts o;
	struct text_para p;
	struct lay l;
	struct lay_style st;
	size_t i, before, width;
	int pass;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		tap_skip_all("no C.UTF-8 locale");
	text_opts_default(&o);
	text_para_init(&p);
	lay_init(&l);
	memset(&st, 0, sizeof st);
	for (pass = 0; pass < 2; pass++) {
		before = nalloc;
		for (width = 1; width <= 80; width++) {
			st.width = width;
			for (i = 0; i < sizeof paras / sizeof paras[0]; i++) {
				lay_clear(&l);
				lay_para(&l, &p, &o, paras[i], strlen(paras[i]),
				    0, &st);
			}
		}
		if (pass == 1)
			is_int(nalloc - before, 0,
			    "second pass: no allocation in lay_para");
		else
			ok(nalloc > before, "first pass allocates (the count "
			    "works)");
	}
	lay_free(&l);
	text_para_free(&p);
	return tap_done();
#endif
}

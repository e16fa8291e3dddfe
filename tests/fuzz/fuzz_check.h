/*
 * fuzz_check.h: invariant checks shared by the libFuzzer harnesses in
 * tests/fuzz/. Each check aborts (with a message on stderr) when an
 * invariant of the model, the layout or an output is broken, so libFuzzer
 * reports it as a crash and keeps the input.
 *
 * Coordinates: spans and links are byte offsets in doc->buf; layout lines
 * are cells; output checks work on the bytes written.
 */
#ifndef GLOSS_FUZZ_CHECK_H
#define GLOSS_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "gloss/doc.h"
#include "gloss/layout.h"

/** Abort with a message naming the broken invariant. */
void fuzz_fail(const char *what, const char *file, int line)
    __attribute__((noreturn));
#define FUZZ_ASSERT(x) do {						\
	if (!(x))							\
		fuzz_fail(#x, __FILE__, __LINE__);			\
} while (0)

/** Spans, ranges and indices of a freshly parsed (or linked) model. */
void fuzz_check_model(const struct doc *d);
/** Links (after quotes_find): sorted, inside paragraphs, backwards. */
void fuzz_check_links(const struct doc *d);
/** Every line of l is at most width cells, widths add up, glyphs safe. */
void fuzz_check_lay(const struct lay *l, int width);
/** UTF-8 s is safe for a terminal: valid, no C0 but LF, DEL, C1, bidi. */
void fuzz_check_safe(const char *s, size_t len);

#endif

/*
 * fuzz_parse.c: libFuzzer target for the plain-text parser. The input is
 * a document; it is parsed from a malloc'd copy of exactly its size (so a
 * read past the end is caught by ASan) and the model's invariants are
 * checked (fuzz_check.c): spans inside the buffer and on one line, index
 * ranges consistent, counts matching.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/doc.h"
#include "gloss/parse.h"
#include "gloss/xmalloc.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = xmalloc(size);
	struct doc *d;

	if (size > 0)
		memcpy(buf, data, size);
	d = parse_text(buf, size, 0);
	FUZZ_ASSERT(d != NULL && d->buf == buf && d->len == size);
	fuzz_check_model(d);
	doc_free(&d);
	FUZZ_ASSERT(d == NULL);
	return 0;
}

/*
 * fuzz_quotes.c: libFuzzer target for quote detection. The input is a
 * document: it is parsed, quotes_find links it, and the links are checked
 * (fuzz_check.c): sorted by comment then start, each inside a paragraph of
 * its comment, each source inside an article block (a clause's original
 * or translation for a clause block) or a paragraph of an earlier
 * comment; parents point backwards. The rest of the model must still hold.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/doc.h"
#include "gloss/parse.h"
#include "gloss/quotes.h"
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
	quotes_find(d);
	fuzz_check_model(d);
	fuzz_check_links(d);
	doc_free(&d);
	return 0;
}

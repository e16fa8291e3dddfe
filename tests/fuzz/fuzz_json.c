/*
 * fuzz_json.c: libFuzzer target for the JSON export. The input is a
 * document: it is parsed, linked (quotes_find) and written with
 * json_write to a memory stream. The output must be valid UTF-8 without
 * raw control bytes (C0 but LF, DEL, C1), and its structure must balance:
 * strings close, brackets match in kind and nesting, nothing but white
 * space follows the one top-level object.
 */
#define _GNU_SOURCE 1
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/doc.h"
#include "gloss/json.h"
#include "gloss/parse.h"
#include "gloss/quotes.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Control bytes and UTF-8 validity. */
static void
fuzz_json_bytes(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (cp == 0xfffd)
			FUZZ_ASSERT(n == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) ==
			    0);
		FUZZ_ASSERT(cp == '\n' || cp >= 0x20);
		FUZZ_ASSERT(cp < 0x7f || cp > 0x9f);
		i += n;
	}
}

/* Strings, escapes and bracket nesting; one object and a newline. */
static void
fuzz_json_structure(const char *s, size_t len)
{
	char *stack = xmalloc(len + 1);
	size_t i, depth = 0, k;
	int instr = 0, done = 0;

	FUZZ_ASSERT(len > 0 && s[len - 1] == '\n');
	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		if (instr) {
			FUZZ_ASSERT(c != '\n');
			if (c == '"')
				instr = 0;
			else if (c == '\\') {
				FUZZ_ASSERT(i + 1 < len);
				c = s[++i];
				FUZZ_ASSERT(strchr("\"\\/bfnrtu", c) != NULL &&
				    c != '\0');
				if (c == 'u') {
					FUZZ_ASSERT(i + 4 < len);
					for (k = 1; k <= 4; k++)
						FUZZ_ASSERT(strchr(
						    "0123456789abcdefABCDEF",
						    s[i + k]) != NULL &&
						    s[i + k] != '\0');
					i += 4;
				}
			}
			continue;
		}
		if (done) {
			FUZZ_ASSERT(c == '\n' || c == ' ');
			continue;
		}
		switch (c) {
		case '"':
			FUZZ_ASSERT(depth > 0);
			instr = 1;
			break;
		case '{':
		case '[':
			stack[depth++] = c;
			break;
		case '}':
			FUZZ_ASSERT(depth > 0 && stack[depth - 1] == '{');
			if (--depth == 0)
				done = 1;
			break;
		case ']':
			FUZZ_ASSERT(depth > 0 && stack[depth - 1] == '[');
			depth--;
			break;
		default:
			FUZZ_ASSERT(depth > 0 || c == ' ' || c == '\n');
			FUZZ_ASSERT(strchr(" \n\t,:-+.0123456789eEtruefalsn",
			    c) != NULL);
			break;
		}
	}
	FUZZ_ASSERT(!instr && depth == 0 && done);
	free(stack);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = xmalloc(size), *out = NULL;
	size_t outlen = 0;
	struct doc *d;
	FILE *f;

	if (size > 0)
		memcpy(buf, data, size);
	d = parse_text(buf, size, 0);
	quotes_find(d);
	f = open_memstream(&out, &outlen);
	FUZZ_ASSERT(f != NULL);
	FUZZ_ASSERT(json_write(d, f) == 0);
	FUZZ_ASSERT(fclose(f) == 0);
	fuzz_json_bytes(out, outlen);
	fuzz_json_structure(out, outlen);
	free(out);
	doc_free(&d);
	return 0;
}

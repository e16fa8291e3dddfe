/*
 * parse.h: front-end parsers. Each takes the input bytes (ownership passes
 * to the document) and returns a complete, immutable model. Parsers never
 * fail on user input: what they tolerate is recorded in doc->problems with
 * a line number. A second input format is a new parse_*.c with the same
 * signature.
 */
#ifndef GLOSS_PARSE_H
#define GLOSS_PARSE_H

#include <stddef.h>

#include "gloss/doc.h"

/**
 * Parse the plain-text "scraped article" format (DESIGN.md §1). buf (len
 * bytes, mapped if it is an mmap) is owned by the returned document.
 * Never returns NULL.
 */
struct doc *parse_text(char *buf, size_t len, int mapped);

#endif

/*
 * json.h: export of the document model as JSON (gloss --json).
 *
 * The output is one JSON object, UTF-8, written as it goes (nothing is
 * built in memory, so documents of any size stream out). Invalid UTF-8 in
 * the document becomes U+FFFD, one per invalid sequence (as the display
 * shows it); control characters (C0, DEL, C1) are escaped as \u00XX, so
 * the output never contains raw control bytes. Schema (see json.c for the
 * details of each member):
 *
 *   {"title", "title_line", "comment_header", "comment_header_line",
 *    "declared_comments", "comment_count", "comments_closed",
 *    "invalid_sequences", "sections": [...], "blocks": [...],
 *    "clauses": [...],
 *    "comments": [...], "problems": [...]}
 *
 * Offsets inside strings ("start", "end") count Unicode code points of the
 * emitted string, so a script can slice what its JSON parser returns:
 * text[start:end] in Python.
 */
#ifndef GLOSS_JSON_H
#define GLOSS_JSON_H

#include <stdio.h>

#include "gloss/doc.h"

/** Write d as JSON to f (and a final newline); -1 if f had an error, else 0. */
int json_write(const struct doc *d, FILE *f);

#endif

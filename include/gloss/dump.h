/*
 * dump.h: the non-interactive output: the panes laid out for a width and
 * printed as plain text in the locale's charset (like man or less in a
 * pipe). It uses the same layout_* functions as the reader's panes.
 */
#ifndef GLOSS_DUMP_H
#define GLOSS_DUMP_H

#include <stdio.h>

#include "gloss/doc.h"
#include "gloss/options.h"
#include "gloss/text.h"

/** Print the pane(s) o->pane of d at width cells to f. Returns 0 or -1. */
int dump_write(const struct doc *d, const struct text_opts *t,
    enum gloss_pane pane, int width, FILE *f);

#endif

/*
 * tui.h: the interactive reader (src/tui/). Three panes over one
 * document: Article, Comments, Clauses.
 */
#ifndef GLOSS_TUI_H
#define GLOSS_TUI_H

#include <stddef.h>

#include "gloss/doc.h"
#include "gloss/options.h"

/**
 * Run the reader on d until the user quits; returns the exit status.
 * Quote links are found while the reader runs (d must have none yet) and
 * added to d when they are ready.
 */
int tui_run(struct doc *d, const struct gloss_options *o, const char *name);

/** The built-in welcome document (share/welcome.txt), len bytes. */
const char *welcome_text(size_t *len);

#endif

/*
 * lineedit.h: the text of a status-line prompt while it is typed: UTF-8
 * with a cursor, edited with the keys readline and less users expect,
 * and a history of submitted lines. No curses, so unit-testable.
 *
 * Invariants: buf holds len bytes of valid UTF-8 (keys that are not
 * printable characters, bidi controls included, are never inserted),
 * at most LINEEDIT_MAX bytes, NUL-terminated; cur is a grapheme-cluster
 * boundary in [0, len], so a cluster is moved over or deleted whole.
 *
 * Keys (keys.h codes): a printable character inserts at the cursor;
 * Left/C-b and Right/C-f move by one cluster; Home/C-a and End/C-e to
 * the ends; Backspace deletes the cluster before the cursor (on an empty
 * line it cancels, as in less); Delete/C-d the one after; C-u deletes
 * to the start, C-k to the end, C-w the word before the cursor; Up/C-p
 * and Down/C-n walk the history (the line being typed is kept and comes
 * back after the newest entry); Enter submits; Esc, C-c and C-g cancel.
 */
#ifndef GLOSS_TUI_LINEEDIT_H
#define GLOSS_TUI_LINEEDIT_H

#include <stddef.h>

#define LINEEDIT_MAX	1024	/* bytes of a line */
#define LINEEDIT_HIST	100	/* lines of history kept */

enum lineedit_result {
	LINEEDIT_EDITED,	/* the line or cursor may have changed */
	LINEEDIT_SUBMIT,	/* Enter: the line is ready (and remembered) */
	LINEEDIT_CANCEL		/* the prompt is to be closed */
};

struct lineedit {
	char *buf;
	size_t len, cap;
	size_t cur;		/* cursor: byte offset, a cluster boundary */
	char **hist;		/* oldest first */
	size_t nhist;
	size_t hpos;		/* history entry shown; nhist: the draft */
	char *draft;		/* the typed line while history is shown */
};

void lineedit_init(struct lineedit *e);
void lineedit_free(struct lineedit *e);
/** Start a new, empty line (history kept). */
void lineedit_start(struct lineedit *e);
/** Apply one key. On SUBMIT a non-empty line is added to the history. */
enum lineedit_result lineedit_key(struct lineedit *e, int key);
/** The line, NUL-terminated. */
const char *lineedit_text(const struct lineedit *e);
/** Byte offset of the cluster boundary after (next) or before off. */
size_t lineedit_next(const struct lineedit *e, size_t off);
size_t lineedit_prev(const struct lineedit *e, size_t off);

#endif

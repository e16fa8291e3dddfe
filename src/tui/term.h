/*
 * term.h: the terminal, the only part of gloss that talks to curses.
 *
 * Coordinates: screen cells, (0, 0) at the top left. Everything drawn
 * arrives as glyphs that layout measured (UTF-8 known to be safe and of
 * known width); term.c only clips at the screen edge, maps LAY_* glyph
 * attributes and theme elements to colours or, without colour, to bold,
 * reverse and underline, and translates curses keys into keys.h codes.
 */
#ifndef GLOSS_TUI_TERM_H
#define GLOSS_TUI_TERM_H

#include <stddef.h>
#include <stdint.h>

#include "gloss/options.h"
#include "theme.h"

#define TERM_MOUSE_WHEEL_UP	1
#define TERM_MOUSE_WHEEL_DOWN	2
#define TERM_MOUSE_CLICK	3

struct term_mouse {
	int y, x;
	int kind;
};

/* Flags added to what an element's colour gives. */
#define TERM_BOLD	0x01
#define TERM_REVERSE	0x02
#define TERM_UNDERLINE	0x04

/**
 * Start curses (keys from /dev/tty when stdin is not a terminal). Returns
 * 0, or -1 with *cause set (TERM unset, dumb or unusable).
 */
int term_start(const struct gloss_options *o, char **cause);
/** Restore the terminal exactly (also done by the signal handlers). */
void term_stop(void);
/** Screen size in cells. */
void term_size(int *rows, int *cols);
void term_erase(void);
/**
 * Draw one glyph (len bytes of safe UTF-8, width cells) at (y, x) with
 * LAY_* attr over element base plus TERM_* flags; clipped if it does not
 * fit on the screen. LAY_RULE and LAY_BAR glyphs draw as a line.
 */
void term_glyph(int y, int x, const char *s, size_t len, int width,
    uint16_t attr, enum theme_element base, int flags);
/** n blank cells at (y, x) in element base plus flags. */
void term_fill(int y, int x, int n, enum theme_element base, int flags);
/** A vertical line cell at (y, x). */
void term_vline(int y, int x, enum theme_element base);
/** Place the cursor (visible) or hide it (y < 0). */
void term_cursor(int y, int x);
/** Send the drawing to the terminal; full repaint if force. */
void term_flush(int force);
/** How long term_key waits: ms milliseconds, or forever if ms < 0. */
void term_key_timeout(int ms);
/**
 * Wait for a key (keys.h code); mouse events fill *m. Keys without a
 * keys.h code are skipped. KEYC_NONE: the wait timed out, or the read
 * failed (end of input). The terminal is in raw mode, so C-c arrives as
 * the key 3 (the caller decides: close a prompt, or raise SIGINT); C-z
 * and C-\ never arrive: C-z suspends the job as in cbreak mode (SIGTSTP
 * to gloss's process group, the terminal given back first) and C-\
 * raises SIGQUIT here. A bracketed paste arrives as KEYC_PASTE_START, its
 * text (line ends and tabs as KEYC_SPACE, other controls dropped, none of
 * them acting) and KEYC_PASTE_END, which also comes when the paste stops
 * coming without its end mark.
 */
int term_key(struct term_mouse *m);
/**
 * Without waiting: is C-c the next key typed? It is consumed; any other
 * key is left for term_key. For long work that a user may want to stop
 * (a search through a huge document), as C-c stops a search in less.
 */
int term_interrupted(void);

#endif

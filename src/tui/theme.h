/*
 * theme.h: colours of the reader's elements, settable from the
 * configuration file (`color ELEMENT FG [BG]`) before the reader starts,
 * and messages config_load leaves for the status line. No curses: colours
 * are numbers (-1 the terminal's default, 0-255), term.c applies them.
 */
#ifndef GLOSS_TUI_THEME_H
#define GLOSS_TUI_THEME_H

enum theme_element {
	TH_TEXT,
	TH_HEADING,
	TH_INSERTION,
	TH_NOTE,
	TH_QUOTED,
	TH_MATCH,
	TH_GUTTER,
	TH_MARK,
	TH_MISSING,
	TH_BAR,
	TH_REF,
	TH_HILITE,
	TH_TITLE,
	TH_TITLE_FOCUS,
	TH_STATUS,
	TH_SELECT,
	TH_MESSAGE,
	TH_ERROR,
	TH_COUNT
};

struct theme_color {
	int fg, bg;		/* -1: default */
};

/** Colour of an element (defaults unless configured). */
struct theme_color theme_get(enum theme_element e);
/** Element name ("heading"), for messages and tests. */
const char *theme_name(enum theme_element e);
/**
 * Set from names: element, fg, bg (bg may be NULL). Colours: default,
 * black, red, green, yellow, blue, magenta, cyan, white, bright-*, 0-255.
 * Returns 0, or -1 with *cause set to a new message.
 */
int theme_set(const char *element, const char *fg, const char *bg,
    char **cause);
/** Restore the defaults. */
void theme_reset(void);
/** Remember a message for the status line (first one wins). */
void theme_note(const char *msg);
/** The remembered message, or NULL. */
const char *theme_noted(void);

#endif

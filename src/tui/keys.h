/*
 * keys.h: the key table (private to the reader and config.c).
 *
 * One table maps keys to actions; the dispatcher in tui.c looks keys up in
 * it, the help screen is generated from it, and `bind` lines in the
 * configuration file edit it. Keys are integers: a Unicode code point for
 * a printable key, 1-31 for Ctrl-letter, or KEYC_* for named keys. No
 * curses here: term.c translates curses codes into these.
 */
#ifndef GLOSS_TUI_KEYS_H
#define GLOSS_TUI_KEYS_H

#include <stddef.h>

#define KEYC_BASE	0x200000
enum {
	KEYC_UP = KEYC_BASE,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_PPAGE,
	KEYC_NPAGE,
	KEYC_HOME,
	KEYC_END,
	KEYC_ENTER,
	KEYC_TAB,
	KEYC_BTAB,
	KEYC_BSPACE,
	KEYC_ESC,
	KEYC_SPACE,
	KEYC_F1,
	KEYC_F12 = KEYC_F1 + 11,
	KEYC_RESIZE,
	KEYC_MOUSE,
	KEYC_DELETE,
	KEYC_PASTE_START,	/* bracketed paste: the keys up to */
	KEYC_PASTE_END,		/* KEYC_PASTE_END were pasted (term.c) */
	KEYC_NONE
};

enum key_action {
	ACT_NONE,
	ACT_SCROLL_DOWN,
	ACT_SCROLL_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_NEXT,
	ACT_PREV,
	ACT_FOLLOW,
	ACT_BACK,
	ACT_FOCUS_NEXT,
	ACT_FOCUS_PREV,
	ACT_FOCUS_ARTICLE,
	ACT_FOCUS_COMMENTS,
	ACT_FOCUS_CLAUSES,
	ACT_LAYOUT,
	ACT_ZOOM,
	ACT_SEARCH,
	ACT_SEARCH_BACK,
	ACT_SEARCH_NEXT,
	ACT_SEARCH_PREV,
	ACT_GOTO,
	ACT_THREAD,
	ACT_PARENT,
	ACT_REPLY,
	ACT_MARK,
	ACT_MARK_GOTO,
	ACT_CLEAR,
	ACT_HELP,
	ACT_REDRAW,
	ACT_QUIT,
	ACT_COUNT
};

/** Restore the default bindings. */
void keys_reset(void);
/** The action bound to key, or ACT_NONE. */
enum key_action keys_lookup(int key);
/** Name of an action as used by `bind` ("scroll-down"). */
const char *keys_action_name(enum key_action a);
/** One-line description of an action for the help screen. */
const char *keys_action_desc(enum key_action a);
/** Action for a name, or -1. */
int keys_action_find(const char *name);
/** Key for a name ("j", "C-o", "Enter", "PgDn", "F1"), or -1. */
int keys_parse(const char *name);
/** A key's name into buf (room for 16 bytes). */
void keys_name(int key, char *buf, size_t size);
/** Keys bound to a, into keys (room for max); returns how many. */
size_t keys_of_action(enum key_action a, int *keys, size_t max);
/**
 * Bind key name to action name ("none" unbinds). Returns 0, or -1 with
 * *cause set to a new message.
 */
int keys_bind(const char *key, const char *action, char **cause);
/**
 * Help lines generated from the table, one per action: keys then
 * description, keys padded to a column. Returns a new array of new
 * strings (free with keys_help_free).
 */
char **keys_help(size_t *n);
/** The prompt's editing keys (lineedit.h), in the same format. */
char **keys_prompt_help(size_t *n);
void keys_help_free(char **lines, size_t n);

/*
 * A line of the help screen: text as keys_help formats it, and desc, the
 * byte offset of the description in it (0 for a heading, which has no
 * keys), so the screen can wrap a description under itself.
 */
struct keys_help_line {
	char *text;
	size_t desc;
};

/** What the help screen shows: a note on counts, keys_help, a heading, keys_prompt_help. */
struct keys_help_line *keys_help_screen(size_t *n);
void keys_help_screen_free(struct keys_help_line *lines, size_t n);

#endif

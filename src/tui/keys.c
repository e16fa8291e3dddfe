/*
 * keys.c: the key table. One array of actions (name, description) and one
 * array of bindings (key, action); the dispatcher, the help screen and the
 * configuration file all use these, so what help shows is what keys do.
 *
 * Invariants: a key appears at most once in the bindings (binding a key
 * replaces its old action); every action has a name and a description.
 * The table is process state because config_load (options.h) has no
 * context to carry it: it is read by the reader and edited only before
 * the reader starts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gloss/xmalloc.h"
#include "keys.h"

struct key_action_info {
	const char *name;
	const char *desc;
};

static const struct key_action_info keys_actions[ACT_COUNT] = {
	[ACT_NONE] = { "none", "do nothing (unbinds a key)" },
	[ACT_SCROLL_DOWN] = { "scroll-down", "scroll down one line" },
	[ACT_SCROLL_UP] = { "scroll-up", "scroll up one line" },
	[ACT_PAGE_DOWN] = { "page-down", "scroll down one screen" },
	[ACT_PAGE_UP] = { "page-up", "scroll up one screen" },
	[ACT_HALF_DOWN] = { "half-page-down", "scroll down half a screen" },
	[ACT_HALF_UP] = { "half-page-up", "scroll up half a screen" },
	[ACT_TOP] = { "top",
	    "go to the top; with a count N, to item N (7g: comment 7)" },
	[ACT_BOTTOM] = { "bottom", "go to the end; with a count N, to item N" },
	[ACT_NEXT] = { "next-item",
	    "select the next paragraph, comment or clause" },
	[ACT_PREV] = { "previous-item",
	    "select the previous paragraph, comment or clause" },
	[ACT_FOLLOW] = { "follow",
	    "follow the selection: clause <-> article, quote -> source" },
	[ACT_BACK] = { "back", "go back along the jump list" },
	[ACT_FOCUS_NEXT] = { "focus-next", "focus the next pane" },
	[ACT_FOCUS_PREV] = { "focus-previous", "focus the previous pane" },
	[ACT_FOCUS_ARTICLE] = { "focus-article", "focus the Article pane" },
	[ACT_FOCUS_COMMENTS] = { "focus-comments", "focus the Comments pane" },
	[ACT_FOCUS_CLAUSES] = { "focus-clauses", "focus the Clauses pane" },
	[ACT_LAYOUT] = { "toggle-layout",
	    "switch between three panes and one pane with tabs" },
	[ACT_ZOOM] = { "zoom", "show only the focused pane, or all again" },
	[ACT_SEARCH] = { "search", "search forward in the focused pane" },
	[ACT_SEARCH_BACK] = { "search-backward",
	    "search backward in the focused pane" },
	[ACT_SEARCH_NEXT] = { "search-next", "next match" },
	[ACT_SEARCH_PREV] = { "search-previous", "previous match" },
	[ACT_GOTO] = { "goto", "type a number: go to that comment or clause" },
	[ACT_THREAD] = { "toggle-thread",
	    "toggle the threaded view: each reply under the comment it answers" },
	[ACT_PARENT] = { "parent", "select the comment this one replies to" },
	[ACT_REPLY] = { "reply",
	    "select the first reply to this comment; with a count N, the Nth" },
	[ACT_MARK] = { "mark", "then a letter: mark this place with it" },
	[ACT_MARK_GOTO] = { "goto-mark",
	    "then a letter: return to that mark (' again: go back)" },
	[ACT_CLEAR] = { "clear", "clear highlights, message and count" },
	[ACT_HELP] = { "help", "show this help" },
	[ACT_REDRAW] = { "redraw", "redraw the screen" },
	[ACT_QUIT] = { "quit", "quit gloss" },
};

struct key_binding {
	int key;
	enum key_action action;
};

static const struct key_binding keys_defaults[] = {
	{ 'j', ACT_SCROLL_DOWN }, { KEYC_DOWN, ACT_SCROLL_DOWN },
	{ 'e', ACT_SCROLL_DOWN },
	{ 'k', ACT_SCROLL_UP }, { KEYC_UP, ACT_SCROLL_UP },
	{ 'y', ACT_SCROLL_UP },
	{ KEYC_SPACE, ACT_PAGE_DOWN }, { KEYC_NPAGE, ACT_PAGE_DOWN },
	{ 'f', ACT_PAGE_DOWN },
	{ 'b', ACT_PAGE_UP }, { KEYC_PPAGE, ACT_PAGE_UP },
	{ 'd', ACT_HALF_DOWN }, { 'u', ACT_HALF_UP },
	{ 'g', ACT_TOP }, { KEYC_HOME, ACT_TOP }, { '<', ACT_TOP },
	{ 'G', ACT_BOTTOM }, { KEYC_END, ACT_BOTTOM }, { '>', ACT_BOTTOM },
	{ 'J', ACT_NEXT }, { ']', ACT_NEXT },
	{ 'K', ACT_PREV }, { '[', ACT_PREV },
	{ KEYC_ENTER, ACT_FOLLOW },
	{ KEYC_BSPACE, ACT_BACK }, { 'O' & 0x1f, ACT_BACK },
	{ KEYC_TAB, ACT_FOCUS_NEXT }, { KEYC_BTAB, ACT_FOCUS_PREV },
	{ '1', ACT_FOCUS_ARTICLE }, { '2', ACT_FOCUS_COMMENTS },
	{ '3', ACT_FOCUS_CLAUSES },
	{ 'w', ACT_LAYOUT }, { 'z', ACT_ZOOM },
	{ '/', ACT_SEARCH }, { '?', ACT_SEARCH_BACK },
	{ 'n', ACT_SEARCH_NEXT }, { 'N', ACT_SEARCH_PREV },
	{ ':', ACT_GOTO },
	{ 't', ACT_THREAD }, { 'p', ACT_PARENT }, { 'r', ACT_REPLY },
	{ 'm', ACT_MARK }, { '\'', ACT_MARK_GOTO },
	{ KEYC_ESC, ACT_CLEAR },
	{ 'h', ACT_HELP }, { KEYC_F1, ACT_HELP },
	{ 'L' & 0x1f, ACT_REDRAW },
	{ 'q', ACT_QUIT }, { 'Q', ACT_QUIT },
};

static struct key_binding *keys_table;
static size_t keys_n, keys_cap;
static int keys_ready;

static const struct {
	const char *name;
	int key;
} keys_names[] = {
	{ "Up", KEYC_UP }, { "Down", KEYC_DOWN }, { "Left", KEYC_LEFT },
	{ "Right", KEYC_RIGHT }, { "PgUp", KEYC_PPAGE },
	{ "PageUp", KEYC_PPAGE }, { "PgDn", KEYC_NPAGE },
	{ "PageDown", KEYC_NPAGE }, { "Home", KEYC_HOME }, { "End", KEYC_END },
	{ "Enter", KEYC_ENTER }, { "Return", KEYC_ENTER },
	{ "Tab", KEYC_TAB }, { "BTab", KEYC_BTAB }, { "S-Tab", KEYC_BTAB },
	{ "Backspace", KEYC_BSPACE }, { "BSpace", KEYC_BSPACE },
	{ "Esc", KEYC_ESC }, { "Escape", KEYC_ESC }, { "Space", KEYC_SPACE },
};

void
keys_reset(void)
{
	size_t n = sizeof keys_defaults / sizeof keys_defaults[0];

	keys_table = xgrow(keys_table, &keys_cap, n, sizeof *keys_table);
	memcpy(keys_table, keys_defaults, sizeof keys_defaults);
	keys_n = n;
	keys_ready = 1;
}

static void
keys_init(void)
{
	if (!keys_ready)
		keys_reset();
}

enum key_action
keys_lookup(int key)
{
	size_t i;

	keys_init();
	if (key == ' ')
		key = KEYC_SPACE;
	for (i = 0; i < keys_n; i++)
		if (keys_table[i].key == key)
			return keys_table[i].action;
	return ACT_NONE;
}

const char *
keys_action_name(enum key_action a)
{
	return (unsigned)a < ACT_COUNT ? keys_actions[a].name : "?";
}

const char *
keys_action_desc(enum key_action a)
{
	return (unsigned)a < ACT_COUNT ? keys_actions[a].desc : "?";
}

int
keys_action_find(const char *name)
{
	int a;

	for (a = 0; a < ACT_COUNT; a++)
		if (strcmp(keys_actions[a].name, name) == 0)
			return a;
	return -1;
}

/* Decode one UTF-8 character making up all of s; -1 if s is not that. */
static int
keys_parse_char(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), need;
	int cp, i;

	if (len == 0)
		return -1;
	if (u[0] < 0x80)
		need = 1, cp = u[0];
	else if ((u[0] & 0xe0) == 0xc0)
		need = 2, cp = u[0] & 0x1f;
	else if ((u[0] & 0xf0) == 0xe0)
		need = 3, cp = u[0] & 0x0f;
	else if ((u[0] & 0xf8) == 0xf0)
		need = 4, cp = u[0] & 0x07;
	else
		return -1;
	if (len != need)
		return -1;
	for (i = 1; i < (int)need; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (u[i] & 0x3f);
	}
	if (cp < 0x21 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
	    cp > 0x10ffff)
		return -1;
	return cp;
}

int
keys_parse(const char *name)
{
	size_t i;
	char *end;
	long f;

	for (i = 0; i < sizeof keys_names / sizeof keys_names[0]; i++)
		if (strcasecmp(keys_names[i].name, name) == 0)
			return keys_names[i].key;
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' &&
	    name[2] != '\0' && name[3] == '\0') {
		char c = name[2];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c >= 'a' && c <= 'z')
			return c & 0x1f;
		return -1;
	}
	if (name[0] == '^' && name[1] != '\0' && name[2] == '\0')
		return keys_parse((char[]){ 'C', '-', name[1], '\0' });
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' &&
	    name[1] <= '9') {
		f = strtol(name + 1, &end, 10);
		if (*end == '\0' && f >= 1 && f <= 12)
			return KEYC_F1 + (int)f - 1;
	}
	return keys_parse_char(name);
}

void
keys_name(int key, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < sizeof keys_names / sizeof keys_names[0]; i++) {
		if (keys_names[i].key == key) {
			snprintf(buf, size, "%s", keys_names[i].name);
			return;
		}
	}
	if (key >= 1 && key <= 26)
		snprintf(buf, size, "C-%c", 'a' + key - 1);
	else if (key >= KEYC_F1 && key <= KEYC_F12)
		snprintf(buf, size, "F%d", key - KEYC_F1 + 1);
	else if (key > 0x20 && key < 0x110000 && size > 4) {
		char *p = buf;
		unsigned int c = (unsigned int)key;

		if (c < 0x80)
			*p++ = (char)c;
		else if (c < 0x800) {
			*p++ = (char)(0xc0 | (c >> 6));
			*p++ = (char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			*p++ = (char)(0xe0 | (c >> 12));
			*p++ = (char)(0x80 | ((c >> 6) & 0x3f));
			*p++ = (char)(0x80 | (c & 0x3f));
		} else {
			*p++ = (char)(0xf0 | (c >> 18));
			*p++ = (char)(0x80 | ((c >> 12) & 0x3f));
			*p++ = (char)(0x80 | ((c >> 6) & 0x3f));
			*p++ = (char)(0x80 | (c & 0x3f));
		}
		*p = '\0';
	} else
		snprintf(buf, size, "?");
}

size_t
keys_of_action(enum key_action a, int *keys, size_t max)
{
	size_t i, n = 0;

	keys_init();
	for (i = 0; i < keys_n; i++) {
		if (keys_table[i].action != a)
			continue;
		if (n < max)
			keys[n] = keys_table[i].key;
		n++;
	}
	return n < max ? n : max;
}

int
keys_bind(const char *key, const char *action, char **cause)
{
	int k, a;
	size_t i;

	keys_init();
	if ((k = keys_parse(key)) < 0) {
		*cause = xasprintf("unknown key \"%s\"", key);
		return -1;
	}
	if (k == ' ')
		k = KEYC_SPACE;
	if ((a = keys_action_find(action)) < 0) {
		*cause = xasprintf("unknown action \"%s\"", action);
		return -1;
	}
	for (i = 0; i < keys_n; i++) {
		if (keys_table[i].key == k) {
			if (a == ACT_NONE) {
				keys_table[i] = keys_table[--keys_n];
			} else
				keys_table[i].action = a;
			return 0;
		}
	}
	if (a == ACT_NONE)
		return 0;
	keys_table = xgrow(keys_table, &keys_cap, keys_n + 1,
	    sizeof *keys_table);
	keys_table[keys_n].key = k;
	keys_table[keys_n].action = a;
	keys_n++;
	return 0;
}

#define KEYS_HELP_COLUMN 18

/* The prompt's editing keys (src/tui/lineedit.c), for the help screen. */
static const char *const keys_prompt[][2] = {
	{ "Left Right C-b C-f", "move the cursor by one character" },
	{ "Home End C-a C-e", "go to the start or the end of the line" },
	{ "Backspace", "delete before the cursor (closes an empty prompt)" },
	{ "Delete C-d", "delete under the cursor" },
	{ "C-w", "delete the word before the cursor" },
	{ "C-u C-k", "delete to the start, to the end of the line" },
	{ "Up Down C-p C-n", "earlier and later lines (history)" },
	{ "Enter", "search, or go to the number" },
	{ "Esc C-c C-g", "close the prompt" },
};

#define KEYS_NPROMPT	(sizeof keys_prompt / sizeof keys_prompt[0])

/* A help line: keys padded to KEYS_HELP_COLUMN, then the description. */
static void
keys_help_format(struct keys_help_line *l, const char *keys, const char *desc)
{
	l->text = xasprintf("  %-*s %s", KEYS_HELP_COLUMN, keys, desc);
	l->desc = strlen(l->text) - strlen(desc);
}

/* The keys of action a as names separated by spaces, into ks. */
static void
keys_of_action_names(enum key_action a, char *ks, size_t size)
{
	int keys[16];
	size_t nk, i, len = 0;
	char name[16];

	nk = keys_of_action(a, keys, 16);
	ks[0] = '\0';
	for (i = 0; i < nk; i++) {
		keys_name(keys[i], name, sizeof name);
		if (len + strlen(name) + 2 >= size)
			break;
		len += (size_t)snprintf(ks + len, size - len, "%s%s",
		    i ? " " : "", name);
	}
	if (nk == 0)
		snprintf(ks, size, "(unbound)");
}

/* The help lines of the actions into out (room for ACT_COUNT - 1). */
static size_t
keys_help_actions(struct keys_help_line *out)
{
	char ks[256];
	size_t k = 0;
	int a;

	keys_init();
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		keys_of_action_names(a, ks, sizeof ks);
		keys_help_format(&out[k++], ks, keys_actions[a].desc);
	}
	return k;
}

/* The help lines of the prompt's keys into out (room for KEYS_NPROMPT). */
static size_t
keys_help_prompt(struct keys_help_line *out)
{
	size_t i;

	for (i = 0; i < KEYS_NPROMPT; i++)
		keys_help_format(&out[i], keys_prompt[i][0],
		    keys_prompt[i][1]);
	return KEYS_NPROMPT;
}

/* The texts of n help lines made by fill, as an array of strings. */
static char **
keys_help_texts(size_t (*fill)(struct keys_help_line *), size_t room,
    size_t *n)
{
	struct keys_help_line *l = xcalloc(room, sizeof *l);
	char **lines = xcalloc(room, sizeof *lines);
	size_t i;

	*n = fill(l);
	for (i = 0; i < *n; i++)
		lines[i] = l[i].text;
	free(l);
	return lines;
}

char **
keys_prompt_help(size_t *n)
{
	return keys_help_texts(keys_help_prompt, KEYS_NPROMPT, n);
}

char **
keys_help(size_t *n)
{
	return keys_help_texts(keys_help_actions, ACT_COUNT, n);
}

struct keys_help_line *
keys_help_screen(size_t *n)
{
	struct keys_help_line *lines;
	size_t k = 0;

	lines = xcalloc(2 + ACT_COUNT + 2 + KEYS_NPROMPT, sizeof *lines);
	lines[k++].text = xstrdup("A count typed before g, G, J, K or Enter "
	    "picks item N (7g: comment 7).");
	lines[k++].text = xstrdup("");
	k += keys_help_actions(lines + k);
	lines[k++].text = xstrdup("");
	lines[k++].text = xstrdup("In the / ? and : prompts:");
	k += keys_help_prompt(lines + k);
	*n = k;
	return lines;
}

void
keys_help_screen_free(struct keys_help_line *lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(lines[i].text);
	free(lines);
}

void
keys_help_free(char **lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/*
 * theme.c: element colours and the start-up message (see theme.h). Like
 * the key table this is process state, edited only by config_load before
 * the reader starts.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gloss/xmalloc.h"
#include "theme.h"

static const char *theme_names[TH_COUNT] = {
	"text", "heading", "insertion", "note", "quoted", "match", "gutter",
	"mark", "missing", "bar", "reference", "highlight", "title",
	"title-focus", "status", "select", "message", "error"
};

#define C_BLACK 0
#define C_RED 1
#define C_GREEN 2
#define C_YELLOW 3
#define C_BLUE 4
#define C_MAGENTA 5
#define C_CYAN 6
#define C_WHITE 7

static const struct theme_color theme_defaults[TH_COUNT] = {
	[TH_TEXT] = { -1, -1 },
	[TH_HEADING] = { C_YELLOW, -1 },
	[TH_INSERTION] = { C_CYAN, -1 },
	[TH_NOTE] = { C_MAGENTA, -1 },
	[TH_QUOTED] = { C_GREEN, -1 },
	[TH_MATCH] = { C_BLACK, C_YELLOW },
	[TH_GUTTER] = { C_YELLOW, -1 },
	[TH_MARK] = { C_BLUE, -1 },
	[TH_MISSING] = { C_RED, -1 },
	[TH_BAR] = { C_GREEN, -1 },
	[TH_REF] = { C_CYAN, -1 },
	[TH_HILITE] = { C_BLACK, C_CYAN },
	[TH_TITLE] = { -1, -1 },
	[TH_TITLE_FOCUS] = { C_WHITE, C_BLUE },
	[TH_STATUS] = { -1, -1 },
	[TH_SELECT] = { C_CYAN, -1 },
	[TH_MESSAGE] = { C_GREEN, -1 },
	[TH_ERROR] = { C_RED, -1 },
};

static struct theme_color theme_colors[TH_COUNT];
static int theme_ready;
static char *theme_message;

void
theme_reset(void)
{
	memcpy(theme_colors, theme_defaults, sizeof theme_colors);
	theme_ready = 1;
}

struct theme_color
theme_get(enum theme_element e)
{
	if (!theme_ready)
		theme_reset();
	return theme_colors[e];
}

const char *
theme_name(enum theme_element e)
{
	return (unsigned)e < TH_COUNT ? theme_names[e] : "?";
}

static int
theme_parse_color(const char *s, int *c)
{
	static const char *names[] = { "black", "red", "green", "yellow",
	    "blue", "magenta", "cyan", "white" };
	char *end;
	long v;
	int i, bright = 0;

	if (strcasecmp(s, "default") == 0) {
		*c = -1;
		return 0;
	}
	if (strncasecmp(s, "bright-", 7) == 0) {
		bright = 8;
		s += 7;
	}
	for (i = 0; i < 8; i++) {
		if (strcasecmp(s, names[i]) == 0) {
			*c = i + bright;
			return 0;
		}
	}
	if (bright || *s == '\0')
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < 0 || v > 255)
		return -1;
	*c = (int)v;
	return 0;
}

int
theme_set(const char *element, const char *fg, const char *bg, char **cause)
{
	int e, f, b = -1;

	if (!theme_ready)
		theme_reset();
	for (e = 0; e < TH_COUNT; e++)
		if (strcmp(theme_names[e], element) == 0)
			break;
	if (e == TH_COUNT) {
		*cause = xasprintf("unknown element \"%s\"", element);
		return -1;
	}
	if (theme_parse_color(fg, &f) != 0) {
		*cause = xasprintf("unknown colour \"%s\"", fg);
		return -1;
	}
	if (bg != NULL && theme_parse_color(bg, &b) != 0) {
		*cause = xasprintf("unknown colour \"%s\"", bg);
		return -1;
	}
	theme_colors[e].fg = f;
	theme_colors[e].bg = b;
	return 0;
}

void
theme_note(const char *msg)
{
	if (theme_message == NULL)
		theme_message = xstrdup(msg);
}

const char *
theme_noted(void)
{
	return theme_message;
}

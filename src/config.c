/*
 * config.c: the configuration file (config_load in options.h).
 *
 * The file is lines of words separated by blanks; '#' starts a comment.
 *   bind KEY ACTION          (keys.h names; ACTION "none" unbinds)
 *   color ELEMENT FG [BG]    (theme.h names)
 *   set bidi app|terminal|off
 *   set text-width N         (20..1000)
 *   set layout auto|wide|tabs
 *   set ambiguous narrow|wide
 * A bad line is reported with its line number and ignored: the defaults
 * stay for what it tried to set, and gloss still starts. The first
 * problem is also kept for the reader's status line (theme_note).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/options.h"
#include "gloss/report.h"
#include "gloss/xmalloc.h"
#include "tui/keys.h"
#include "tui/theme.h"

#define CONFIG_WORDS 5

/* Split line into at most max words (in place); returns how many, or
 * max + 1 if there are more. */
static int
config_split(char *line, char **w, int max)
{
	int n = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (*p == '\0' || *p == '#')
			return n;
		if (n == max)
			return max + 1;
		w[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r')
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
}

static int
config_set(struct gloss_options *o, char **w, int n, char **cause)
{
	char *end;
	long v;

	if (n != 3) {
		*cause = xstrdup("usage: set OPTION VALUE");
		return -1;
	}
	if (strcmp(w[1], "bidi") == 0) {
		if (strcmp(w[2], "app") == 0)
			o->bidi = TEXT_BIDI_APP;
		else if (strcmp(w[2], "terminal") == 0)
			o->bidi = TEXT_BIDI_TERMINAL;
		else if (strcmp(w[2], "off") == 0)
			o->bidi = TEXT_BIDI_OFF;
		else
			goto bad;
		return 0;
	}
	if (strcmp(w[1], "text-width") == 0) {
		errno = 0;
		v = strtol(w[2], &end, 10);
		if (errno != 0 || *end != '\0' || v < 20 || v > 1000)
			goto bad;
		o->text_width = (int)v;
		return 0;
	}
	if (strcmp(w[1], "layout") == 0) {
		if (strcmp(w[2], "auto") == 0)
			o->layout = GLOSS_LAYOUT_AUTO;
		else if (strcmp(w[2], "wide") == 0)
			o->layout = GLOSS_LAYOUT_WIDE;
		else if (strcmp(w[2], "tabs") == 0)
			o->layout = GLOSS_LAYOUT_TABS;
		else
			goto bad;
		return 0;
	}
	if (strcmp(w[1], "ambiguous") == 0) {
		if (strcmp(w[2], "narrow") == 0)
			o->ambiguous_wide = 0;
		else if (strcmp(w[2], "wide") == 0)
			o->ambiguous_wide = 1;
		else
			goto bad;
		return 0;
	}
	*cause = xasprintf("unknown option \"%s\"", w[1]);
	return -1;
bad:
	*cause = xasprintf("bad value \"%s\" for %s", w[2], w[1]);
	return -1;
}

static int
config_line(struct gloss_options *o, char *line, char **cause)
{
	char *w[CONFIG_WORDS];
	int n;

	n = config_split(line, w, CONFIG_WORDS - 1);
	if (n == 0)
		return 0;
	if (n > CONFIG_WORDS - 1) {
		*cause = xstrdup("too many words");
		return -1;
	}
	if (strcmp(w[0], "bind") == 0) {
		if (n != 3) {
			*cause = xstrdup("usage: bind KEY ACTION");
			return -1;
		}
		return keys_bind(w[1], w[2], cause);
	}
	if (strcmp(w[0], "color") == 0 || strcmp(w[0], "colour") == 0) {
		if (n != 3 && n != 4) {
			*cause = xstrdup("usage: color ELEMENT FG [BG]");
			return -1;
		}
		return theme_set(w[1], w[2], n == 4 ? w[3] : NULL, cause);
	}
	if (strcmp(w[0], "set") == 0)
		return config_set(o, w, n, cause);
	*cause = xasprintf("unknown command \"%s\"", w[0]);
	return -1;
}

static char *
config_default_path(void)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *home;

	if (x != NULL && *x == '/')
		return xasprintf("%s/gloss/config", x);
	home = getenv("HOME");
	if (home == NULL || *home == '\0')
		return NULL;
	return xasprintf("%s/.config/gloss/config", home);
}

/* Bad lines told before the rest of a file is ignored (a binary file). */
#define CONFIG_MAX_PROBLEMS	20

/* Tell a problem (msg, freed here) on stderr and to the reader. */
static void
config_report(char *msg)
{
	report("%s", msg);
	theme_note(msg);
	free(msg);
}

int
config_load(struct gloss_options *o, const char *path)
{
	char *file, *line = NULL, *cause;
	size_t cap = 0;
	unsigned long lineno = 0;
	ssize_t len;
	FILE *f;
	int bad = 0;

	file = path != NULL ? xstrdup(path) : config_default_path();
	if (file == NULL)
		return 0;
	if ((f = fopen(file, "r")) == NULL) {
		if (path != NULL && errno != ENOENT) {
			config_report(xasprintf("%s: %s", file,
			    strerror(errno)));
			bad = 1;
		} else if (path != NULL) {
			config_report(xasprintf("%s: no such file", file));
			bad = 1;
		}
		free(file);
		return bad;
	}
	while ((len = getline(&line, &cap, f)) != -1) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (strlen(line) != (size_t)len)
			cause = xstrdup("NUL byte in line");
		else if (config_line(o, line, &cause) == 0)
			continue;
		config_report(xasprintf("%s:%lu: %s", file, lineno, cause));
		free(cause);
		if (++bad == CONFIG_MAX_PROBLEMS) {	/* not a config file */
			config_report(xasprintf("%s: too many bad lines; the "
			    "rest is ignored", file));
			break;
		}
	}
	if (ferror(f)) {	/* a directory opens, then fails to read */
		config_report(xasprintf("%s: %s", file, strerror(errno)));
		bad++;
	}
	free(line);
	fclose(f);
	free(file);
	return bad;
}

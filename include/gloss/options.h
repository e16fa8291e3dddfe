/*
 * options.h: what the user asked for, from the configuration file and the
 * command line (options.c parses the command line; config.c the file).
 * Command-line options override the file; the file overrides defaults.
 */
#ifndef GLOSS_OPTIONS_H
#define GLOSS_OPTIONS_H

#include <stddef.h>

#include "gloss/text.h"

enum gloss_mode {
	GLOSS_MODE_AUTO,	/* reader on a terminal, dump otherwise */
	GLOSS_MODE_TUI,
	GLOSS_MODE_DUMP,
	GLOSS_MODE_JSON
};

enum gloss_pane {
	GLOSS_PANE_ALL = -1,
	GLOSS_PANE_ARTICLE = 0,
	GLOSS_PANE_COMMENTS = 1,
	GLOSS_PANE_CLAUSES = 2
};

enum gloss_layout {
	GLOSS_LAYOUT_AUTO,	/* by terminal width */
	GLOSS_LAYOUT_WIDE,	/* three panes */
	GLOSS_LAYOUT_TABS	/* one pane at a time */
};

struct gloss_options {
	enum gloss_mode mode;
	enum gloss_pane pane;	/* --pane (dump) */
	int width;		/* --width (dump); 0: terminal width or 80 */
	int text_width;		/* --text-width: readable measure, cells */
	enum gloss_layout layout;
	enum text_bidi bidi;
	int ambiguous_wide;
	int color;		/* 0 never, 1 auto (NO_COLOR honoured) */
	size_t max_size;	/* --max-size: largest input accepted */
	const char *file;	/* NULL: built-in welcome; "-": stdin */
	const char *config_path;	/* --config, or NULL for the default */
	int no_config;		/* --no-config */
};

/** Defaults: auto mode, all panes, text width 80, app bidi, 1 GiB max. */
void options_default(struct gloss_options *o);

/**
 * Parse argv into o. Returns 0 to go on, or an exit status (0 after
 * --help/--version, 2 on bad usage, with a message on stderr).
 * *done is set when the program should exit with the returned status.
 */
int options_parse(struct gloss_options *o, int argc, char **argv,
    int *done);

/**
 * Read the configuration file (path, or $XDG_CONFIG_HOME/gloss/config, or
 * ~/.config/gloss/config when path is NULL) into o and the key table.
 * A missing file is not an error. Bad lines are reported on stderr (or
 * collected for the status line) with their line number and skipped.
 * Returns the number of bad lines.
 */
int config_load(struct gloss_options *o, const char *path);

#endif

/*
 * main.c: options, locale, input, and the choice between the reader and
 * the non-interactive outputs (--dump, --json). Exit status: 0 success,
 * 1 unreadable or invalid input (message "gloss: FILE: reason"), 2 usage.
 */
#include "config.h"

#include <locale.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "gloss/doc.h"
#include "gloss/dump.h"
#include "gloss/input.h"
#include "gloss/json.h"
#include "gloss/options.h"
#include "gloss/parse.h"
#include "gloss/quotes.h"
#include "gloss/report.h"
#include "gloss/text.h"
#include "gloss/tui.h"
#include "gloss/xmalloc.h"

/* The width of stdout's terminal, or 80. */
static int
main_terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Find --config=FILE / --no-config before the full parse (file first). */
static void
main_prescan(struct gloss_options *o, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--no-config") == 0)
			o->no_config = 1;
		else if (strncmp(argv[i], "--config=", 9) == 0)
			o->config_path = argv[i] + 9;
		else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			o->config_path = argv[++i];
	}
}

/* The document to show: FILE, stdin, or the built-in tour. */
static struct doc *
main_load(const struct gloss_options *o, const char **name)
{
	char *buf, *err;
	size_t len, invalid;
	int mapped, guess;
	struct doc *d;

	if (o->file == NULL) {
		const char *w = welcome_text(&len);

		*name = "welcome";
		buf = xmalloc(len + 1);
		memcpy(buf, w, len);
		return parse_text(buf, len, 0);
	}
	*name = strcmp(o->file, "-") == 0 ? "(stdin)" : o->file;
	if (input_read(o->file, o->max_size, &buf, &len, &mapped, &guess,
	    &invalid, &err) != 0) {
		report("%s: %s", *name, err);
		free(err);
		return NULL;
	}
	d = parse_text(buf, len, mapped);
	/* Ill-formed UTF-16/32 is U+FFFD by now: the parser cannot count it. */
	d->invalid_sequences += invalid;
	if (guess != INPUT_GUESS_NONE)
		doc_add_problem(d, 0, input_guess_note(guess));
	return d;
}

int
main(int argc, char **argv)
{
	struct gloss_options o;
	struct text_opts t;
	struct doc *d;
	const char *name;
	int status, done;

	setlocale(LC_ALL, "");
#if defined(HAVE_MALLOPT) && defined(M_MMAP_THRESHOLD)
	/*
	 * Large arrays (the quote finder's filters and tables, the links, a
	 * big document's model) get pages of their own, so freeing one gives
	 * its memory back. Left alone, glibc raises this threshold to the
	 * size of the largest block freed (up to 32 MiB); arrays freed or
	 * regrown after that stay in the heap, and peak memory grows.
	 */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
	options_default(&o);
	main_prescan(&o, argc, argv);
	if (!o.no_config)
		config_load(&o, o.config_path);
	status = options_parse(&o, argc, argv, &done);
	if (done)
		return status;
	if (o.mode == GLOSS_MODE_AUTO)
		o.mode = isatty(STDOUT_FILENO) ? GLOSS_MODE_TUI :
		    GLOSS_MODE_DUMP;
	if (o.file == NULL && !isatty(STDIN_FILENO))
		o.file = "-";
	if ((d = main_load(&o, &name)) == NULL)
		return 1;
	/* The reader finds quote links while it runs; outputs need them now. */
	if (o.mode != GLOSS_MODE_TUI)
		quotes_find(d);

	text_opts_default(&t);
	t.bidi = o.bidi;
	t.ambiguous_wide = o.ambiguous_wide;
	switch (o.mode) {
	case GLOSS_MODE_JSON:
		status = json_write(d, stdout) == 0 ? 0 : 1;
		break;
	case GLOSS_MODE_DUMP:
		status = dump_write(d, &t, o.pane, o.width > 0 ? o.width :
		    main_terminal_width(), stdout) == 0 ? 0 : 1;
		break;
	default:
		status = tui_run(d, &o, name);
		break;
	}
	if (status != 0 && o.mode != GLOSS_MODE_TUI)
		report("write error");
	doc_free(&d);
	return status;
}

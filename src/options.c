/*
 * options.c: the command line. GNU style long options; every value is
 * parsed with bounds. Usage errors print one line and "Try 'gloss --help'"
 * and give exit status 2. The --help text is the reference the man page
 * and README follow.
 */
#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/input.h"
#include "gloss/options.h"
#include "gloss/report.h"
#include "gloss/xmalloc.h"

static const char options_usage[] =
"Usage: gloss [OPTION]... [FILE]\n"
"Read an article, its comment thread and its clause translation in the\n"
"terminal, in three panes. FILE may be - for standard input; with no FILE\n"
"on a terminal, gloss opens a built-in tour.\n"
"When standard output is not a terminal, gloss prints the laid-out panes.\n"
"\n"
"Output:\n"
"  -d, --dump             print the laid-out panes as text and exit\n"
"  -j, --json             print the document model as JSON and exit\n"
"  -t, --tui              run the reader even if stdout is not a terminal\n"
"  -w, --width=N          width of --dump output in cells (default: the\n"
"                         terminal's, else 80)\n"
"  -p, --pane=PANE        --dump only this pane: article, comments,\n"
"                         clauses or all (default)\n"
"\n"
"Text:\n"
"      --bidi=MODE        app (default: gloss reorders and shapes\n"
"                         right-to-left text), terminal (leave it to a\n"
"                         bidi-aware terminal), off\n"
"      --ambiguous=WIDTH  narrow (default) or wide: cells of East Asian\n"
"                         ambiguous characters\n"
"      --text-width=N     readable measure of paragraphs in the reader\n"
"                         (default 80)\n"
"      --layout=LAYOUT    auto (default), wide (three panes) or tabs\n"
"      --no-color         no colours (also when NO_COLOR is set)\n"
"\n"
"Input and configuration:\n"
"      --max-size=SIZE    refuse inputs larger than SIZE (default 1G;\n"
"                         K, M, G suffixes)\n"
"      --config=FILE      read FILE instead of ~/.config/gloss/config\n"
"      --no-config        do not read a configuration file\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Keys in the reader (h shows them all):\n"
"  j k, arrows, Space b, d u, g G   scroll     J K  next/previous item\n"
"  Tab, 1 2 3   focus a pane          Enter  follow      Backspace  back\n"
"  / ? n N      search                w z    layout, zoom      q  quit\n"
"\n"
"Exit status: 0 success, 1 unreadable or invalid input, 2 bad usage.\n";

enum {
	OPT_BIDI = 256,
	OPT_AMBIGUOUS,
	OPT_TEXT_WIDTH,
	OPT_LAYOUT,
	OPT_NO_COLOR,
	OPT_MAX_SIZE,
	OPT_CONFIG,
	OPT_NO_CONFIG
};

static const struct option options_long[] = {
	{ "dump", no_argument, NULL, 'd' },
	{ "json", no_argument, NULL, 'j' },
	{ "tui", no_argument, NULL, 't' },
	{ "width", required_argument, NULL, 'w' },
	{ "pane", required_argument, NULL, 'p' },
	{ "bidi", required_argument, NULL, OPT_BIDI },
	{ "ambiguous", required_argument, NULL, OPT_AMBIGUOUS },
	{ "text-width", required_argument, NULL, OPT_TEXT_WIDTH },
	{ "layout", required_argument, NULL, OPT_LAYOUT },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-colour", no_argument, NULL, OPT_NO_COLOR },
	{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

void
options_default(struct gloss_options *o)
{
	memset(o, 0, sizeof *o);
	o->mode = GLOSS_MODE_AUTO;
	o->pane = GLOSS_PANE_ALL;
	o->text_width = 80;
	o->layout = GLOSS_LAYOUT_AUTO;
	o->bidi = TEXT_BIDI_APP;
	o->color = 1;
	o->max_size = (size_t)1 << 30;
}

static int
options_bad(const char *fmt, const char *arg)
{
	char *msg = xasprintf(fmt, arg);

	report("%s", msg);
	free(msg);
	fputs("Try 'gloss --help' for more information.\n", stderr);
	return 2;
}

/* Status of --help and --version: 0, or 1 with a message when the text
 * could not be written (a full disk, a closed pipe), as --dump does. */
static int
options_flush(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	report("write error");
	return 1;
}

/* A number in [lo, hi], or -1. */
static long
options_number(const char *s, long lo, long hi)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return -1;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < lo || v > hi)
		return -1;
	return v;
}

/* Index of s in the NULL-terminated list, or -1. */
static int
options_word(const char *s, const char *const *list)
{
	int i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(s, list[i]) == 0)
			return i;
	return -1;
}

/*
 * The option getopt_long stopped at, as it was typed, for a message: a
 * long option up to any '=' ("--dump" of "--dump=3"; *islong set), or a
 * short one alone ("-x" of "-dx", and of "-x.txt" after "--dump": getopt
 * leaves optind on a word until its last letter, so argv[optind - 1] is
 * then the word before, and it was named in the message). optopt is 0
 * for an unknown long option, the option's value for a known one given
 * a value it does not take or none, and the letter for a short one.
 */
static const char *
options_culprit(char *buf, size_t size, int argc, char **argv, int *islong)
{
	const char *a = argv[optind - 1];
	size_t n;
	int i;

	*islong = 0;
	if (strncmp(a, "--", 2) == 0) {
		n = strcspn(a + 2, "=");
		for (i = 0; options_long[i].name != NULL; i++)
			if (strncmp(options_long[i].name, a + 2, n) == 0 &&
			    options_long[i].val == optopt)
				break;
		if (optopt == 0 || (n > 0 && options_long[i].name != NULL)) {
			*islong = 1;
			if (n == 0)
				return a;
			snprintf(buf, size, "--%.*s", (int)(n < size - 3 ?
			    n : size - 3), a + 2);
			return buf;
		}
	}
	if (optopt > 0x20 && optopt < 0x7f && optopt != '-') {
		snprintf(buf, size, "-%c", optopt);
		return buf;
	}
	/* A byte of a multibyte character, a control or '-': its whole
	 * word, argv[optind] when getopt has not finished that word yet. */
	n = strlen(a);
	if (a[0] == '-' && a[1] != '-' && n > 1 && a[n - 1] == (char)optopt)
		return a;
	return optind < argc ? argv[optind] : a;
}

int
options_parse(struct gloss_options *o, int argc, char **argv, int *done)
{
	static const char *const panes[] = { "article", "comments", "clauses",
	    "all", NULL };
	static const char *const bidis[] = { "app", "terminal", "off", NULL };
	static const char *const ambs[] = { "narrow", "wide", NULL };
	static const char *const layouts[] = { "auto", "wide", "tabs", NULL };
	int c, k, idx;
	long v;
	char shortname[3] = "-?", culprit[64];
	const char *name;

	*done = 0;
	optind = 1;
	opterr = 0;
	while ((idx = -1, c = getopt_long(argc, argv, ":djtw:p:hV",
	    options_long, &idx)) != -1) {
		switch (c) {
		case 'd':
			o->mode = GLOSS_MODE_DUMP;
			break;
		case 'j':
			o->mode = GLOSS_MODE_JSON;
			break;
		case 't':
			o->mode = GLOSS_MODE_TUI;
			break;
		case 'w':
			if ((v = options_number(optarg, 1, 10000)) < 0)
				goto bad_value;
			o->width = (int)v;
			break;
		case 'p':
			if ((k = options_word(optarg, panes)) < 0)
				goto bad_value;
			o->pane = k == 3 ? GLOSS_PANE_ALL : (enum gloss_pane)k;
			break;
		case OPT_BIDI:
			if ((k = options_word(optarg, bidis)) < 0)
				goto bad_value;
			o->bidi = (enum text_bidi)k;
			break;
		case OPT_AMBIGUOUS:
			if ((k = options_word(optarg, ambs)) < 0)
				goto bad_value;
			o->ambiguous_wide = k;
			break;
		case OPT_TEXT_WIDTH:
			if ((v = options_number(optarg, 20, 1000)) < 0)
				goto bad_value;
			o->text_width = (int)v;
			break;
		case OPT_LAYOUT:
			if ((k = options_word(optarg, layouts)) < 0)
				goto bad_value;
			o->layout = (enum gloss_layout)k;
			break;
		case OPT_NO_COLOR:
			o->color = 0;
			break;
		case OPT_MAX_SIZE:
			if ((o->max_size = input_parse_size(optarg)) == 0)
				goto bad_value;
			break;
		case OPT_CONFIG:
			o->config_path = optarg;
			break;
		case OPT_NO_CONFIG:
			o->no_config = 1;
			break;
		case 'h':
			fputs(options_usage, stdout);
			*done = 1;
			return options_flush();
		case 'V':
			printf("gloss %s\n", PACKAGE_VERSION);
			*done = 1;
			return options_flush();
		case ':':
			*done = 1;
			return options_bad("option '%s' needs a value",
			    options_culprit(culprit, sizeof culprit, argc,
			    argv, &k));
		default:
			*done = 1;
			name = options_culprit(culprit, sizeof culprit, argc,
			    argv, &k);
			return options_bad(optopt != 0 && k ?
			    "option '%s' takes no value" :
			    "unknown option '%s'", name);
		}
		continue;
bad_value:
		*done = 1;
		shortname[1] = (char)c;
		name = idx >= 0 ? options_long[idx].name : shortname;
		report("invalid value '%s' for %s%s", optarg,
		    idx >= 0 ? "--" : "", name);
		fputs("Try 'gloss --help' for more information.\n", stderr);
		return 2;
	}
	if (optind < argc)
		o->file = argv[optind++];
	if (optind < argc) {
		*done = 1;
		return options_bad("too many files ('%s'): gloss reads one",
		    argv[optind]);
	}
	return 0;
}

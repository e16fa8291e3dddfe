/*
 * test_keys.c: the key table (src/tui/keys.c) and the configuration file
 * (src/config.c): every action has a name, a description and a key; the
 * help lines come from the table; bind lines edit it; bad lines are
 * counted and leave the defaults.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gloss/options.h"
#include "../../src/tui/keys.h"
#include "../../src/tui/theme.h"
#include "../tap.h"

static void
test_actions(void)
{
	int a, k[8], missing = 0, undesc = 0;

	keys_reset();
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		if (keys_of_action(a, k, 8) == 0) {
			diag("action %s has no key", keys_action_name(a));
			missing++;
		}
		if (keys_action_desc(a) == NULL ||
		    strlen(keys_action_desc(a)) < 5)
			undesc++;
		if (keys_action_find(keys_action_name(a)) != a)
			missing++;
	}
	ok(missing == 0, "every action has a key and a findable name");
	ok(undesc == 0, "every action has a description");
}

static void
test_lookup(void)
{
	keys_reset();
	is_int(keys_lookup('j'), ACT_SCROLL_DOWN, "j scrolls down");
	is_int(keys_lookup(KEYC_DOWN), ACT_SCROLL_DOWN, "Down scrolls down");
	is_int(keys_lookup(' '), ACT_PAGE_DOWN, "Space pages down");
	is_int(keys_lookup('J'), ACT_NEXT, "J selects the next item");
	is_int(keys_lookup(']'), ACT_NEXT, "] selects the next item");
	is_int(keys_lookup(KEYC_ENTER), ACT_FOLLOW, "Enter follows");
	is_int(keys_lookup(KEYC_BSPACE), ACT_BACK, "Backspace goes back");
	is_int(keys_lookup('O' & 0x1f), ACT_BACK, "C-o goes back");
	is_int(keys_lookup(KEYC_F1), ACT_HELP, "F1 is help");
	is_int(keys_lookup('x'), ACT_NONE, "x is unbound");
}

static void
test_names(void)
{
	char buf[16];
	int keys[] = { 'j', 'O' & 0x1f, KEYC_ENTER, KEYC_PPAGE, KEYC_F1 + 4,
	    KEYC_SPACE, KEYC_BTAB, 0xe9 };
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		keys_name(keys[i], buf, sizeof buf);
		if (keys_parse(buf) != keys[i]) {
			diag("key %d named %s parses as %d", keys[i], buf,
			    keys_parse(buf));
			bad++;
		}
	}
	ok(bad == 0, "key names round-trip");
	is_int(keys_parse("^L"), 'L' & 0x1f, "^L is C-l");
	is_int(keys_parse("C-"), -1, "C- alone is not a key");
	is_int(keys_parse("F13"), -1, "F13 is not a key");
	is_int(keys_parse("jj"), -1, "two letters are not a key");
}

static void
test_help(void)
{
	char **lines, name[16];
	size_t n, i;
	int found = 0, k[8];

	keys_reset();
	lines = keys_help(&n);
	is_int((long long)n, ACT_COUNT - 1, "one help line per action");
	for (i = 0; i < n; i++) {
		if (strstr(lines[i], keys_action_desc(ACT_NEXT)) == NULL)
			continue;
		found = strstr(lines[i], "J") != NULL &&
		    strstr(lines[i], "]") != NULL;
	}
	ok(found, "the next-item line lists J and ]");
	keys_help_free(lines, n);

	/* Rebinding shows in help: the help is made from the table. */
	ok(keys_bind("x", "quit", NULL) == 0, "bind x quit");
	is_int(keys_lookup('x'), ACT_QUIT, "x now quits");
	lines = keys_help(&n);
	found = 0;
	for (i = 0; i < n; i++)
		if (strstr(lines[i], keys_action_desc(ACT_QUIT)) != NULL &&
		    strstr(lines[i], " x") != NULL)
			found = 1;
	ok(found, "help lists x for quit after the rebinding");
	keys_help_free(lines, n);
	ok(keys_bind("q", "none", NULL) == 0, "unbind q");
	is_int(keys_lookup('q'), ACT_NONE, "q does nothing now");
	ok(keys_of_action(ACT_QUIT, k, 8) >= 1, "quit still has a key");
	keys_name(k[0], name, sizeof name);
	ok(strcmp(name, "q") != 0, "and it is not q (%s)", name);
}

static void
test_bind_errors(void)
{
	char *cause = NULL;
	int r;

	keys_reset();
	r = keys_bind("nosuchkey", "quit", &cause);
	ok(r == -1 && cause != NULL, "an unknown key is refused (%s)",
	    cause ? cause : "");
	free(cause);
	cause = NULL;
	r = keys_bind("j", "fly", &cause);
	ok(r == -1 && cause != NULL, "an unknown action is refused (%s)",
	    cause ? cause : "");
	free(cause);
	is_int(keys_lookup('j'), ACT_SCROLL_DOWN, "j is unchanged");
}

static void
test_config(void)
{
	char path[] = "/tmp/gloss-test-config.XXXXXX";
	struct gloss_options o;
	FILE *f;
	int fd, bad;

	keys_reset();
	theme_reset();
	fd = mkstemp(path);
	if (fd < 0 || (f = fdopen(fd, "w")) == NULL) {
		ok(0, "temporary file");
		return;
	}
	fputs("# a comment\n"
	    "bind x half-page-down\n"
	    "bind C-n next-item   # trailing comment\n"
	    "color heading red default\n"
	    "set text-width 66\n"
	    "set layout tabs\n"
	    "set bidi terminal\n"
	    "set ambiguous wide\n"
	    "\n"
	    "bind\n"
	    "set text-width 3\n"
	    "color nothing red\n"
	    "frobnicate\n"
	    "set layout sideways\n", f);
	fclose(f);
	memset(&o, 0, sizeof o);
	o.text_width = 80;
	o.layout = GLOSS_LAYOUT_AUTO;
	o.bidi = TEXT_BIDI_APP;
	bad = config_load(&o, path);
	unlink(path);
	is_int(bad, 5, "five bad lines are counted");
	is_int(keys_lookup('x'), ACT_HALF_DOWN, "bind x half-page-down");
	is_int(keys_lookup('N' & 0x1f), ACT_NEXT, "bind C-n next-item");
	is_int(theme_get(TH_HEADING).fg, 1, "color heading red");
	is_int(o.text_width, 66, "set text-width 66 (a bad one later kept it)");
	is_int(o.layout, GLOSS_LAYOUT_TABS,
	    "set layout tabs (the bad one kept it)");
	is_int(o.bidi, TEXT_BIDI_TERMINAL, "set bidi terminal");
	is_int(o.ambiguous_wide, 1, "set ambiguous wide");
	ok(theme_noted() != NULL && strstr(theme_noted(), ":10:") != NULL,
	    "the first bad line is noted with its number (%s)",
	    theme_noted() ? theme_noted() : "none");
	is_int(config_load(&o, "/nonexistent/gloss/config"), 1,
	    "an explicit missing file is reported");
}

int
main(void)
{
	test_actions();
	test_lookup();
	test_names();
	test_help();
	test_bind_errors();
	test_config();
	return tap_done();
}

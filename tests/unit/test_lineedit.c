/*
 * test_lineedit.c: the prompt's line editor (src/tui/lineedit.c): moving
 * and deleting by grapheme cluster (combining marks, emoji sequences),
 * the kill keys, history with the draft kept, the size limit, keys that
 * must never be inserted, and the cancel and submit keys; deletions that
 * join the clusters around them; and a random key storm over characters
 * that join (ZWJ, emoji, flag letters, Hangul jamo, marks) after which
 * the cursor must always be a cluster boundary.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <unigbrk.h>

#include "../../src/tui/keys.h"
#include "../../src/tui/lineedit.h"
#include "../tap.h"

#define CTRL(c)	((c) & 0x1f)

/* Type the code points of s (UTF-8) one key each. */
static void
type(struct lineedit *e, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	int c, n, k;

	while (*u != '\0') {
		if (*u < 0x80) {
			c = *u;
			n = 1;
		} else if (*u < 0xe0) {
			c = *u & 0x1f;
			n = 2;
		} else if (*u < 0xf0) {
			c = *u & 0x0f;
			n = 3;
		} else {
			c = *u & 0x07;
			n = 4;
		}
		for (k = 1; k < n; k++)
			c = (c << 6) | (u[k] & 0x3f);
		lineedit_key(e, c == ' ' ? KEYC_SPACE : c);
		u += n;
	}
}

static void
keys(struct lineedit *e, const int *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		lineedit_key(e, k[i]);
}

#define KEYS(e, ...) do { \
	static const int k_[] = { __VA_ARGS__ }; \
	keys((e), k_, sizeof k_ / sizeof k_[0]); \
} while (0)

static void
is_line(const struct lineedit *e, const char *text, size_t cur,
    const char *what)
{
	ok(strcmp(lineedit_text(e), text) == 0 && e->cur == cur &&
	    e->len == strlen(text), "%s (\"%s\" cursor %zu)", what,
	    lineedit_text(e), e->cur);
}

static void
test_moves(struct lineedit *e)
{
	lineedit_start(e);
	type(e, "abc");
	KEYS(e, KEYC_LEFT, KEYC_LEFT);
	type(e, "X");
	is_line(e, "aXbc", 2, "Left Left then X inserts in the middle");
	KEYS(e, KEYC_HOME, CTRL('D'));
	is_line(e, "Xbc", 0, "Home, C-d deletes the first character");
	KEYS(e, KEYC_END, KEYC_BSPACE);
	is_line(e, "Xb", 2, "End, Backspace deletes the last");
	KEYS(e, CTRL('A'), CTRL('F'), KEYC_DELETE);
	is_line(e, "X", 1, "C-a, C-f, Delete");
	KEYS(e, CTRL('B'), CTRL('E'));
	is_line(e, "X", 1, "C-b then C-e");
	KEYS(e, KEYC_RIGHT, KEYC_RIGHT, KEYC_DELETE);
	is_line(e, "X", 1, "Right and Delete at the end do nothing");
	KEYS(e, KEYC_HOME, KEYC_LEFT, KEYC_BSPACE);
	is_line(e, "X", 0, "Left and Backspace at the start do nothing");
}

static void
test_clusters(struct lineedit *e)
{
	lineedit_start(e);
	type(e, "cafe\xcc\x81s");		/* e + U+0301 */
	KEYS(e, KEYC_LEFT, KEYC_LEFT);
	is_line(e, "cafe\xcc\x81s", 3, "Left steps over e with its accent");
	KEYS(e, KEYC_RIGHT);
	is_line(e, "cafe\xcc\x81s", 6, "Right steps over it whole");
	KEYS(e, KEYC_BSPACE);
	is_line(e, "cafs", 3, "Backspace deletes e and its accent");
	lineedit_start(e);
	type(e, "a\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7" "b");
	KEYS(e, KEYC_LEFT, KEYC_LEFT);
	is_line(e, "a\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7" "b", 1,
	    "an emoji ZWJ sequence is one step");
	KEYS(e, KEYC_DELETE);
	is_line(e, "ab", 1, "and one deletion");
	lineedit_start(e);
	type(e, "\xcc\x81");
	KEYS(e, KEYC_HOME);
	type(e, "x");
	is_line(e, "x\xcc\x81", 3, "a letter typed before a lone mark: the "
	    "cursor goes after the cluster they make");
	lineedit_start(e);
	type(e, "\xd9\x84\xd8\xa7 \xd9\x85");	/* lam alef, space, meem */
	KEYS(e, KEYC_HOME, KEYC_RIGHT);
	ok(e->cur == 2, "Arabic: Right moves one letter (cursor %zu)",
	    e->cur);
}

/* Whether e->cur is a grapheme cluster boundary of the line. */
static int
at_boundary(const struct lineedit *e)
{
	char brk[LINEEDIT_MAX + 1];

	if (e->cur == 0 || e->cur == e->len)
		return 1;
	if (e->cur > e->len)
		return 0;
	u8_grapheme_breaks((const uint8_t *)e->buf, e->len, brk);
	return brk[e->cur] != 0;
}

static void
test_joins(struct lineedit *e)
{
	lineedit_start(e);
	type(e, "\xf0\x9f\x91\xa9\xe2\x80\x8dx\xf0\x9f\x91\xa9");
	KEYS(e, KEYC_LEFT, KEYC_BSPACE);	/* delete the x */
	ok(e->len == 11 && e->cur == 0, "deleting what kept two emoji apart: "
	    "the cursor goes before the cluster they now make (cursor %zu)",
	    e->cur);
	KEYS(e, KEYC_DELETE);
	is_line(e, "", 0, "and Delete removes that cluster whole");
	lineedit_start(e);
	type(e, "a\xe2\x80\x8b\xcc\x81");	/* a, ZWSP, combining acute */
	KEYS(e, KEYC_LEFT, KEYC_LEFT, KEYC_DELETE);
	is_line(e, "a\xcc\x81", 0, "deleting a ZWSP between a letter and a "
	    "mark: the cursor goes before the joined cluster");
}

/* xorshift64*: a fixed sequence, so a failure replays. */
static uint64_t rnd_state = 0x9e3779b97f4a7c15ULL;

static unsigned
rnd(unsigned n)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return (unsigned)((rnd_state * 0x2545f4914f6cdd1dULL) >> 33) % n;
}

static void
test_storm(struct lineedit *e)
{
	static const int chars[] = { 'a', ' ', 'x', 0x301, 0x200d, 0x200b,
	    0x1f469, 0x1f467, 0x1f1eb, 0x1f1f7, 0xfe0f, 0x1f3fd, 0x1100,
	    0x1161, 0x11a8, 0xac00, 0x915, 0x94d, 0x627, 0x644, 0xe9 };
	static const int moves[] = { KEYC_LEFT, KEYC_RIGHT, KEYC_HOME,
	    KEYC_END, KEYC_BSPACE, KEYC_DELETE, 'W' & 0x1f, 'U' & 0x1f,
	    'K' & 0x1f, KEYC_UP, KEYC_DOWN, KEYC_ENTER };
	long i, bad = 0;
	int k;

	lineedit_start(e);
	for (i = 0; i < 200000; i++) {
		if (rnd(3) != 0)
			k = chars[rnd(sizeof chars / sizeof chars[0])];
		else
			k = moves[rnd(sizeof moves / sizeof moves[0])];
		if (lineedit_key(e, k) != LINEEDIT_EDITED)
			lineedit_start(e);
		if (!at_boundary(e) || e->len > LINEEDIT_MAX ||
		    strlen(e->buf) != e->len) {
			if (bad++ == 0)
				diag("key %d: cursor %zu in \"%s\"", k, e->cur,
				    e->buf);
		}
	}
	ok(bad == 0, "200000 random keys: the cursor is always a cluster "
	    "boundary (%ld failures)", bad);
}

static void
test_kills(struct lineedit *e)
{
	lineedit_start(e);
	type(e, "one two  three");
	KEYS(e, CTRL('W'));
	is_line(e, "one two  ", 9, "C-w deletes the word before the cursor");
	KEYS(e, CTRL('W'));
	is_line(e, "one ", 4, "C-w again takes spaces and the word");
	type(e, "six");
	KEYS(e, KEYC_LEFT, KEYC_LEFT, CTRL('K'));
	is_line(e, "one s", 5, "C-k deletes to the end");
	KEYS(e, KEYC_LEFT, CTRL('U'));
	is_line(e, "s", 0, "C-u deletes to the start");
}

static void
test_history(struct lineedit *e)
{
	int i;
	char buf[32];

	lineedit_start(e);
	type(e, "alpha");
	ok(lineedit_key(e, KEYC_ENTER) == LINEEDIT_SUBMIT, "Enter submits");
	lineedit_start(e);
	type(e, "beta");
	lineedit_key(e, KEYC_ENTER);
	lineedit_start(e);
	lineedit_key(e, KEYC_ENTER);		/* empty: not remembered */
	lineedit_start(e);
	type(e, "beta");
	lineedit_key(e, KEYC_ENTER);		/* repeated: not again */
	lineedit_start(e);
	type(e, "ga");
	KEYS(e, KEYC_UP);
	is_line(e, "beta", 4, "Up shows the newest line");
	KEYS(e, CTRL('P'));
	is_line(e, "alpha", 5, "C-p the one before (no empty, no repeat)");
	KEYS(e, KEYC_UP);
	is_line(e, "alpha", 5, "Up at the oldest stays");
	KEYS(e, KEYC_DOWN);
	is_line(e, "beta", 4, "Down goes newer");
	KEYS(e, CTRL('N'));
	is_line(e, "ga", 2, "and back to the line being typed");
	KEYS(e, KEYC_DOWN);
	is_line(e, "ga", 2, "Down past it stays");
	for (i = 0; i < LINEEDIT_HIST + 50; i++) {
		lineedit_start(e);
		snprintf(buf, sizeof buf, "line %d", i);
		type(e, buf);
		lineedit_key(e, KEYC_ENTER);
	}
	snprintf(buf, sizeof buf, "line %d", 50);
	ok(e->nhist == LINEEDIT_HIST && strcmp(e->hist[0], buf) == 0,
	    "history keeps the newest %d lines", LINEEDIT_HIST);
}

static void
test_limits(struct lineedit *e)
{
	static const int bad[] = { 0x01, 0x1b, 0x7f, 0x85, 0x9b, 0x202e,
	    0x2066, 0x200f, 0x061c, 0x2028, 0x2029, 0xd800, 0x110000,
	    KEYC_NONE, KEYC_RESIZE, KEYC_MOUSE, KEYC_F1, KEYC_TAB };
	size_t i;

	lineedit_start(e);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		lineedit_key(e, bad[i]);
	is_line(e, "", 0, "controls, bidi controls, line separators and "
	    "named keys insert nothing");
	for (i = 0; i < LINEEDIT_MAX + 100; i++)
		lineedit_key(e, 'a');
	ok(e->len == LINEEDIT_MAX, "a line stops at %d bytes", LINEEDIT_MAX);
	KEYS(e, KEYC_BSPACE);
	type(e, "\xc3\xa9");
	ok(e->len == LINEEDIT_MAX - 1, "a character that would not fit "
	    "whole is refused (%zu bytes)", e->len);
	lineedit_start(e);
	ok(lineedit_key(e, KEYC_BSPACE) == LINEEDIT_CANCEL,
	    "Backspace on an empty line cancels");
	type(e, "x");
	ok(lineedit_key(e, KEYC_BSPACE) == LINEEDIT_EDITED,
	    "Backspace on a non-empty line edits");
	ok(lineedit_key(e, KEYC_ESC) == LINEEDIT_CANCEL &&
	    lineedit_key(e, CTRL('C')) == LINEEDIT_CANCEL &&
	    lineedit_key(e, CTRL('G')) == LINEEDIT_CANCEL,
	    "Esc, C-c and C-g cancel");
}

int
main(void)
{
	struct lineedit e;

	lineedit_init(&e);
	test_moves(&e);
	test_clusters(&e);
	test_kills(&e);
	test_joins(&e);
	test_history(&e);
	test_limits(&e);
	lineedit_free(&e);
	lineedit_init(&e);
	test_storm(&e);
	lineedit_free(&e);
	return tap_done();
}

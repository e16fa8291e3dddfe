/*
 * test_input.c: unit tests of input_read() on UTF-16 and UTF-32 files (a
 * byte-order mark, then code units little- or big-endian). Well-formed text becomes
 * the same text in UTF-8; each ill-formed sequence (an unpaired surrogate,
 * an odd byte at the end) becomes one U+FFFD, is counted in *invalid, and
 * the text after it is decoded in step (as Python's
 * bytes.decode("utf-16", "replace") does; for UTF-32, a surrogate, a unit
 * above U+10FFFF and an incomplete unit at the end are each one U+FFFD,
 * as bytes.decode("utf-32", "replace") gives). UTF-8 and Windows-1252 files
 * report no invalid sequences: the parser counts theirs. UTF-16 without a
 * byte-order mark (English, Arabic, either byte order, short and longer
 * than the 8 KiB sniff, a pair cut by its end) is converted and the guess
 * reported; random bytes, UTF-32 without a mark, text with a few NULs,
 * NULs alone and UTF-8 text are handled as before.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "gloss/input.h"
#include "gloss/xmalloc.h"
#include "tap.h"

#define END	(-1)	/* ends a list of code units */
#define FFFD	"\xef\xbf\xbd"

/* Write n bytes to a new temporary file; its path is put in path. */
static int
ti_write(char *path, const void *b, size_t n)
{
	FILE *f;
	int fd;

	strcpy(path, "/tmp/gloss-test-input.XXXXXX");
	if ((fd = mkstemp(path)) < 0 || (f = fdopen(fd, "wb")) == NULL)
		return -1;
	if (n > 0 && fwrite(b, 1, n, f) != n) {
		fclose(f);
		return -1;
	}
	return fclose(f) == 0 ? 0 : -1;
}

/*
 * Read a file of the bytes given through input_read; checks that it
 * succeeds, gives want (wantlen bytes) and counts ninvalid.
 */
static int ti_guess;	/* what the last ti_check's input_read guessed */

static void
ti_check(const char *name, const void *b, size_t n, const char *want,
    size_t wantlen, size_t ninvalid)
{
	char path[64], *buf, *err;
	size_t len, invalid = 99;
	int mapped, legacy;

	ti_guess = -1;
	if (ti_write(path, b, n) != 0) {
		ok(0, "%s: temporary file", name);
		return;
	}
	if (input_read(path, SIZE_MAX, &buf, &len, &mapped, &legacy, &invalid,
	    &err) != 0) {
		ok(0, "%s: input_read fails: %s", name, err);
		free(err);
		unlink(path);
		return;
	}
	unlink(path);
	ti_guess = legacy;
	if (!ok(len == wantlen && memcmp(buf, want, len) == 0, "%s: text",
	    name)) {
		diag("got %zu bytes: %.*s", len, (int)len, buf);
		diag("want %zu bytes: %.*s", wantlen, (int)wantlen, want);
	}
	is_int(invalid, ninvalid, "%s: %zu invalid", name, ninvalid);
	if (mapped)
		munmap(buf, len);
	else
		free(buf);
}

/*
 * UTF-16 with a byte-order mark, the units (up to END), then odd (0..255)
 * as a lone last byte if odd >= 0: checked little- and big-endian.
 */
static void
ti_utf16(const char *name, const int *units, int odd, const char *want,
    size_t ninvalid)
{
	unsigned char b[8192];
	size_t n, i;
	int be;

	for (be = 0; be <= 1; be++) {
		char full[128];

		n = 0;
		b[n++] = be ? 0xfe : 0xff;
		b[n++] = be ? 0xff : 0xfe;
		for (i = 0; units[i] != END && n + 2 <= sizeof b - 1; i++) {
			b[n++] = be ? (unsigned)units[i] >> 8 : units[i] & 0xff;
			b[n++] = be ? units[i] & 0xff : (unsigned)units[i] >> 8;
		}
		if (odd >= 0)
			b[n++] = (unsigned char)odd;
		snprintf(full, sizeof full, "%s (%s)", name, be ? "BE" : "LE");
		ti_check(full, b, n, want, strlen(want), ninvalid);
	}
}

static void
test_wellformed(void)
{
	static const int ascii[] = { 'T', 'i', 't', 'l', 'e', '\n', END };
	static const int bmp[] = { 0x645, 0x631, ' ', 0x4e00, 0xfffd, END };
	static const int pair[] = { 'a', 0xd83d, 0xde00, 'b', END };
	static const int edges[] = { 0xd800, 0xdc00, 0xdbff, 0xdfff, 0xd7ff,
	    0xe000, 0xffff, END };
	static const int none[] = { END };

	ti_utf16("ASCII", ascii, -1, "Title\n", 0);
	ti_utf16("BMP, and a U+FFFD that is text", bmp, -1,
	    "\xd9\x85\xd8\xb1 \xe4\xb8\x80" FFFD, 0);
	ti_utf16("a surrogate pair", pair, -1, "a\xf0\x9f\x98\x80" "b", 0);
	ti_utf16("the first and last pairs, the units around surrogates",
	    edges, -1, "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf\xed\x9f\xbf"
	    "\xee\x80\x80\xef\xbf\xbf", 0);
	ti_utf16("a byte-order mark only", none, -1, "", 0);
}

static void
test_illformed(void)
{
	static const int lone_high[] = { 'b', 'e', 'f', 'o', 'r', 'e', ' ',
	    0xd800, ' ', 'a', 'f', 't', 'e', 'r', END };
	static const int high_nl[] = { 'a', 0xd800, '\n', 'b', '\n', END };
	static const int high_end[] = { 'a', 0xdbff, END };
	static const int low_first[] = { 0xdc00, 'a', END };
	static const int low_high_low[] = { 0xdc00, 0xd800, 0xdc00, END };
	static const int two_high[] = { 0xd800, 0xd800, 0xd83d, 0xde00, END };
	static const int two_low[] = { 'x', 0xdfff, 0xdc00, 'y', END };
	static const int high_bmp[] = { 0xd83d, 0x4e00, END };
	static const int reversed[] = { 0xde00, 0xd83d, END };
	static const int a[] = { 'a', END };
	static const int none[] = { END };

	ti_utf16("a lone high surrogate", lone_high, -1,
	    "before " FFFD " after", 1);
	ti_utf16("a high surrogate before a newline", high_nl, -1,
	    "a" FFFD "\nb\n", 1);
	ti_utf16("a high surrogate at the end", high_end, -1, "a" FFFD, 1);
	ti_utf16("a low surrogate first", low_first, -1, FFFD "a", 1);
	ti_utf16("a low surrogate, then a pair", low_high_low, -1,
	    FFFD "\xf0\x90\x80\x80", 1);
	ti_utf16("two high surrogates, then a pair", two_high, -1,
	    FFFD FFFD "\xf0\x9f\x98\x80", 2);
	ti_utf16("two low surrogates", two_low, -1, "x" FFFD FFFD "y", 2);
	ti_utf16("a high surrogate before a BMP character", high_bmp, -1,
	    FFFD "\xe4\xb8\x80", 1);
	ti_utf16("a pair in the wrong order", reversed, -1, FFFD FFFD, 2);
	ti_utf16("an odd byte at the end", a, 'b', "a" FFFD, 1);
	ti_utf16("a byte-order mark and one byte", none, 0, FFFD, 1);
	ti_utf16("a high surrogate and one byte: one truncated sequence",
	    high_end, 0xdc, "a" FFFD, 1);
}

/* Long inputs: ill-formed all through (the most output a unit can give). */
static void
test_long(void)
{
	static int units[4001];
	static char want[3 * 4001 + 1];
	size_t i;

	for (i = 0; i < 4000; i++) {
		units[i] = 0xdc00 + (int)i % 0x400;
		memcpy(want + 3 * i, FFFD, 3);
	}
	units[i] = END;
	memcpy(want + 3 * i, FFFD, 4);
	ti_utf16("4000 low surrogates and an odd byte", units, 0x20, want,
	    4001);
	for (i = 0; i < 4000; i++)
		units[i] = i % 3 == 0 ? 0xd800 : i % 3 == 1 ? 'x' : '\n';
	units[i] = END;
	for (i = 0; i < 4000 / 3 + 1; i++)
		memcpy(want + 5 * i, FFFD "x\n", 5);
	want[5 * (4000 / 3) + 3] = '\0';
	ti_utf16("a lone high surrogate on every line", units, -1, want,
	    4000 / 3 + 1);
}

/*
 * UTF-32 with a byte-order mark, the code points (up to END; a negative
 * one other than END is the unit -v - 2, for values above INT_MAX), then
 * the first ntail (0..3) bytes of tail: checked little- and big-endian.
 */
static void
ti_utf32(const char *name, const long *cps, const char *tail, size_t ntail,
    const char *want, size_t ninvalid)
{
	unsigned char b[1024];
	size_t n, i, k;
	int be;

	for (be = 0; be <= 1; be++) {
		char full[128];

		n = 0;
		memcpy(b, be ? "\0\0\xfe\xff" : "\xff\xfe\0\0", 4);
		n = 4;
		for (i = 0; cps[i] != END && n + 4 + 3 <= sizeof b; i++) {
			uint32_t v = cps[i] < 0 ? (uint32_t)(-cps[i] - 2) :
			    (uint32_t)cps[i];

			for (k = 0; k < 4; k++)
				b[n++] = (unsigned char)(v >> 8 * (be ? 3 - k : k));
		}
		memcpy(b + n, tail, ntail);
		n += ntail;
		snprintf(full, sizeof full, "UTF-32 %s (%s)", name,
		    be ? "BE" : "LE");
		ti_check(full, b, n, want, strlen(want), ninvalid);
	}
}

static void
test_utf32(void)
{
	static const long ascii[] = { 'T', 'i', 't', 'l', 'e', '\n', END };
	static const long mixed[] = { 0x645, ' ', 0x4e00, 0x1f600, 0xfffd,
	    0x10ffff, END };
	static const long bad[] = { 'a', 0xd800, 'b', 0xdfff, 0x110000,
	    -0xffffffffL - 2, 'c', END };
	static const long a[] = { 'a', END };
	static const long none[] = { END };

	/* FF FE 00 00: UTF-32LE, not UTF-16LE starting with U+0000. */
	ti_utf32("ASCII", ascii, "", 0, "Title\n", 0);
	ti_utf32("BMP, astral, U+FFFD and U+10FFFF", mixed, "", 0,
	    "\xd9\x85 \xe4\xb8\x80\xf0\x9f\x98\x80" FFFD "\xf4\x8f\xbf\xbf",
	    0);
	ti_utf32("a byte-order mark only", none, "", 0, "", 0);
	ti_utf32("surrogates and units above U+10FFFF", bad, "", 0,
	    "a" FFFD "b" FFFD FFFD FFFD "c", 4);
	ti_utf32("one byte at the end", a, "x", 1, "a" FFFD, 1);
	ti_utf32("three bytes at the end", a, "xyz", 3, "a" FFFD, 1);
	ti_utf32("a byte-order mark and two bytes", none, "\0\0", 2, FFFD,
	    1);
}

/* Other input: the parser counts invalid UTF-8, none is reported here. */
static void
test_not_utf16(void)
{
	static const char utf8[] = "T\n\nbad \xff\xfe\xc3( caf\xc3\xa9\n";
	static const char cp1252[] = "Caf\xe9 na\xefve\n";

	ti_check("UTF-8 with invalid bytes, kept as read", utf8,
	    sizeof utf8 - 1, utf8, sizeof utf8 - 1, 0);
	ti_check("Windows-1252", cp1252, sizeof cp1252 - 1,
	    "Caf\xc3\xa9 na\xc3\xafve\n", 13, 0);
}

/* Read a file of the bytes given: checks that it is refused as binary. */
static void
ti_refused(const char *name, const void *b, size_t n)
{
	char path[64], *buf, *err = NULL;
	size_t len;
	int mapped, r;

	if (ti_write(path, b, n) != 0) {
		ok(0, "%s: temporary file", name);
		return;
	}
	r = input_read(path, SIZE_MAX, &buf, &len, &mapped, NULL, NULL, &err);
	unlink(path);
	ok(r == -1 && err != NULL && strstr(err, "binary file") != NULL,
	    "%s: refused as binary (%s)", name, err != NULL ? err : "read");
	if (r == 0) {
		if (mapped)
			munmap(buf, len);
		else
			free(buf);
	}
	free(err);
}

/*
 * Encode UTF-8 text as UTF-16 without a byte-order mark (be: big-endian)
 * into out (room for 2 * strlen(s) bytes); returns the bytes written.
 */
static size_t
ti_to_utf16(const char *s, int be, unsigned char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0, k;
	uint32_t cp, units[2];
	int nu, i;

	while (*u != '\0') {
		if (*u < 0x80) {
			cp = *u++;
		} else if (*u < 0xe0) {
			cp = (uint32_t)(*u & 0x1f) << 6 | (u[1] & 0x3f);
			u += 2;
		} else if (*u < 0xf0) {
			cp = (uint32_t)(*u & 0x0f) << 12 |
			    (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f);
			u += 3;
		} else {
			cp = (uint32_t)(*u & 0x07) << 18 |
			    (uint32_t)(u[1] & 0x3f) << 12 |
			    (uint32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f);
			u += 4;
		}
		nu = 1;
		units[0] = cp;
		if (cp >= 0x10000) {
			units[0] = 0xd800 + ((cp - 0x10000) >> 10);
			units[1] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
			nu = 2;
		}
		for (i = 0; i < nu; i++) {
			k = n;
			out[k + (be ? 0 : 1)] = (unsigned char)(units[i] >> 8);
			out[k + (be ? 1 : 0)] = (unsigned char)units[i];
			n += 2;
		}
	}
	return n;
}

/*
 * text (UTF-8) times copies, as UTF-16 without a mark in both byte
 * orders: read back as the same text, with the guess reported.
 */
static void
ti_unmarked(const char *name, const char *text, size_t copies)
{
	size_t tlen = strlen(text), i, n;
	char *want = xmalloc(tlen * copies + 1);
	unsigned char *b = xmalloc(2 * tlen * copies + 1);
	char full[128];
	int be;

	for (i = 0; i < copies; i++)
		memcpy(want + i * tlen, text, tlen);
	want[tlen * copies] = '\0';
	for (be = 0; be <= 1; be++) {
		n = ti_to_utf16(want, be, b);
		snprintf(full, sizeof full, "no mark, %s, %zu bytes (%s)", name,
		    n, be ? "BE" : "LE");
		ti_check(full, b, n, want, tlen * copies, 0);
		is_int(ti_guess, be ? INPUT_GUESS_UTF16BE : INPUT_GUESS_UTF16LE,
		    "%s: the guess is reported", full);
	}
	free(want);
	free(b);
}

static void
test_unmarked(void)
{
	static const char english[] = "A Ledger at Low Tide\n\nThe harbour "
	    "clerks counted the crates at dawn \xe2\x80\x94 twelve, then "
	    "thirteen \xe2\x80\x94 and the tide was in before they were "
	    "done.\n";
	/* Arabic: "the boy wrote a long letter to his grandmother". */
	static const char arabic[] = "\xd8\xb1\xd8\xb3\xd8\xa7\xd9\x84"
	    "\xd8\xa9\n\n1- \xd9\x83\xd8\xaa\xd8\xa8 \xd8\xa7\xd9\x84"
	    "\xd9\x88\xd9\x84\xd8\xaf \xd8\xb1\xd8\xb3\xd8\xa7\xd9\x84"
	    "\xd8\xa9 \xd8\xb7\xd9\x88\xd9\x8a\xd9\x84\xd8\xa9 \xd9\x84"
	    "\xd8\xac\xd8\xaf\xd8\xaa\xd9\x87 . 1 \xe2\x80\x93 The boy "
	    "wrote a long letter to his grandmother\n";
	/* Arabic only, with Arabic-Indic digits: words and spaces. */
	static const char arabic_only[] = "\xd9\xa3 \xd9\x83\xd8\xaa\xd8\xa8"
	    " \xd8\xa7\xd9\x84\xd9\x88\xd9\x84\xd8\xaf \xd8\xb1\xd8\xb3"
	    "\xd8\xa7\xd9\x84\xd8\xa9\n";
	/* Latin with an emoji (a surrogate pair) on every line. */
	static const char pairs[] = "Notes on \xf0\x9f\x98\x80 tides\n";
	static const char hi[] = "Hi\n";

	ti_unmarked("English", english, 1);
	ti_unmarked("English, past the 8 KiB sniff", english, 60);
	ti_unmarked("Arabic and English", arabic, 1);
	ti_unmarked("Arabic and English, past the 8 KiB sniff", arabic, 60);
	ti_unmarked("Arabic only", arabic_only, 40);
	/* 36 bytes a line: the sniff ends between the units of a pair. */
	ti_unmarked("a surrogate pair on every line", pairs, 300);
	ti_unmarked("a short text", hi, 1);
}

static void
test_unmarked_not(void)
{
	static const char english[] = "The harbour clerks counted the crates "
	    "at dawn.\n";
	unsigned char *b = xmalloc(20000);
	char *t = xmalloc(20000);
	size_t i, n;
	unsigned int seed = 12345;

	/* Random bytes (with NULs) and random 16-bit units: binary. */
	for (i = 0; i < 16384; i++) {
		seed = seed * 1103515245 + 12345;
		b[i] = (unsigned char)(seed >> 16);
	}
	ti_refused("random bytes", b, 16384);
	/* UTF-32 without a mark: every other unit U+0000. */
	for (n = 0, i = 0; english[i] != '\0'; i++, n += 4) {
		memset(b + n, 0, 4);
		b[n] = (unsigned char)english[i];
	}
	ti_refused("UTF-32LE without a mark", b, n);
	for (i = 0; i < n; i += 4) {
		b[i + 3] = b[i];
		b[i] = 0;
	}
	ti_refused("UTF-32BE without a mark", b, n);
	memset(b, 0, 64);
	ti_refused("64 NUL bytes", b, 64);
	/* NULs at every other byte, the rest controls: not text. */
	for (i = 0; i < 2000; i += 2) {
		b[i] = (unsigned char)(1 + i % 7);
		b[i + 1] = 0;
	}
	ti_refused("controls and NULs", b, 2000);
	/* UTF-16LE text with an unpaired surrogate: not taken for UTF-16. */
	n = ti_to_utf16(english, 0, b);
	b[10] = 0x00;
	b[11] = 0xdc;
	ti_refused("UTF-16LE without a mark, with a lone surrogate", b, n);
	/* UTF-8 text with a few stray NULs, at even offsets: read as is. */
	for (n = 0; n + sizeof english <= 4000; n += sizeof english - 1)
		memcpy(t + n, english, sizeof english - 1);
	t[100] = t[1000] = t[2000] = '\0';
	ti_check("UTF-8 with three NULs", t, n, t, n, 0);
	is_int(ti_guess, INPUT_GUESS_NONE, "UTF-8 with three NULs: no guess");
	ti_check("UTF-8 text", english, sizeof english - 1, english,
	    sizeof english - 1, 0);
	is_int(ti_guess, INPUT_GUESS_NONE, "UTF-8 text: no guess");
	free(b);
	free(t);
}

int
main(void)
{
	test_wellformed();
	test_illformed();
	test_long();
	test_utf32();
	test_not_utf16();
	test_unmarked();
	test_unmarked_not();
	return tap_done();
}

/*
 * input.c: the bytes of a document, from a file or standard input.
 *
 * What is read is a snapshot. A regular file is copied by the kernel into
 * a private in-memory file that is then mapped (input_snapshot), or read
 * into a buffer of its size where that is not possible; anything else
 * (pipes, terminals, devices such as /dev/zero that never end) is read in
 * growing chunks, stopped at max_size with a clear reason. The file itself
 * is never mapped: the mapping would let another program change the text
 * under the model, and one that truncates the file (a scraper writing it
 * again with ">") would kill the reader with SIGBUS at its next look at
 * the lost pages. A UTF-16 or UTF-32 byte-order mark (little- or
 * big-endian) means text in that encoding form: it is converted to UTF-8
 * here, each ill-formed sequence (an unpaired surrogate, a UTF-32 unit
 * above U+10FFFF, an incomplete unit at the end) becoming one U+FFFD,
 * and the caller is told how many there were. UTF-16 without a mark is
 * known by its first 8 KiB (input_utf16_guess: valid UTF-16 whose code
 * units lie mostly in a few 256-blocks, among them the block of ASCII,
 * whose zero high bytes put NULs at every other byte) and converted the
 * same way; the caller is told of the guess.
 * Many NUL bytes (or random bytes: input_is_noise) among the first 8 KiB
 * mark a binary file, and the signature of a compressed file or an
 * archive (gzip, xz, zip, ...) such data; either is refused rather than
 * shown as noise, as soon as those 8 KiB are read (input_refusal). Text
 * with invalid UTF-8 and no valid multi-byte sequence is taken to be in
 * a legacy charset, which uchardet names (input_legacy_pick); a name
 * outside the Latin family is taken when the text converts from it
 * without an error, a Latin one other than Windows-1252 only on evidence
 * against Windows-1252, and anything else is read as Windows-1252 (a
 * superset of Latin-1). Text with, among many invalid sequences, only
 * the few valid ones that legacy CJK text makes by chance is converted
 * only when uchardet names a charset it converts from; else it stays
 * UTF-8 (input_is_legacy). The caller is told which.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#ifdef HAVE_SYS_SENDFILE_H
#include <sys/sendfile.h>
#endif
#include <sys/stat.h>
#include <unistd.h>
#include <uchardet.h>
#include <unictype.h>
#include <uniconv.h>

#include "gloss/input.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

#define INPUT_CHUNK	(1 << 16)
#define INPUT_SNIFF	8192

size_t
input_parse_size(const char *s)
{
	char *end;
	unsigned long long v;
	unsigned long long mul = 1;

	if (s == NULL || *s < '0' || *s > '9')
		return 0;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return 0;
	switch (*end) {
	case 'k': case 'K': mul = 1ULL << 10; end++; break;
	case 'm': case 'M': mul = 1ULL << 20; end++; break;
	case 'g': case 'G': mul = 1ULL << 30; end++; break;
	case '\0': break;
	default: return 0;
	}
	if (*end == 'i' || *end == 'B')
		end += (*end == 'i' && end[1] == 'B') ? 2 : 1;
	if (*end != '\0' || v == 0 || v > SIZE_MAX / mul)
		return 0;
	return (size_t)(v * mul);
}

static char *input_refusal(const char *, size_t);

/*
 * Read fd to its end or to max bytes; returns -1 with errno on error.
 * Once the first INPUT_SNIFF bytes are in, an input they show is not
 * text (input_refusal) is read no further: *refused gets the message
 * and *buf what was read (so /dev/zero is refused at once, not after
 * max bytes).
 * hint is the size expected (a regular file's st_size, or 0): the buffer
 * starts that large, so a file that does not change while it is read is
 * read into exactly its size, with no copy; a file that grows meanwhile
 * is read on, in growing chunks.
 */
static int
input_read_fd(int fd, size_t max, size_t hint, char **buf, size_t *len,
    int *over, char **refused)
{
	char *b, c;
	size_t n = 0, cap = hint < max ? hint : max;
	ssize_t r = 0;
	int sniffed = 0;

	*over = 0;
	*refused = NULL;
	b = xmalloc(cap + 1);
	for (;;) {
		if (!sniffed && n >= INPUT_SNIFF) {
			sniffed = 1;
			if ((*refused = input_refusal(b, n)) != NULL)
				break;
		}
		if (n == cap) {
			/* Full: one more byte tells "the end" from "more". */
			r = read(fd, &c, 1);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			if (n >= max) {
				*over = 1;
				break;
			}
			if (max - n <= INPUT_CHUNK || max - n - INPUT_CHUNK <= cap)
				cap = max;
			else
				cap = 2 * cap + INPUT_CHUNK;
			b = xreallocarray(b, cap + 1, 1);
			b[n++] = c;
			continue;
		}
		r = read(fd, b + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (r < 0) {
		int e = errno;

		free(b);
		errno = e;
		return -1;
	}
	*buf = b;
	*len = n;
	return 0;
}

/*
 * A binary file: NUL bytes make up more than 1% of its first 8 KiB and
 * are more than INPUT_STRAY_NUL, or more than a quarter of a short file.
 * Text with a few stray NULs (a short file too) or a line of control
 * characters (shown sanitised) is not; compiled objects and images are
 * full of NULs (so is UTF-16 without a byte-order mark, which
 * input_utf16_guess takes first). Compressed data has
 * few (about one byte in 256): input_packed knows it by its signature.
 */
#define INPUT_STRAY_NUL	8

static int
input_is_binary(const char *b, size_t len)
{
	size_t i, n = len < INPUT_SNIFF ? len : INPUT_SNIFF, nul = 0;

	for (i = 0; i < n; i++)
		if (b[i] == '\0')
			nul++;
	return nul * 4 > n || (nul * 100 > n && nul > INPUT_STRAY_NUL);
}

/* The signature of a compressed file or archive, and what it is. */
struct input_magic {
	const char *magic;
	size_t len;
	const char *what;
};

static const struct input_magic input_magics[] = {
	{ "\x1f\x8b", 2, "gzip-compressed data" },
	{ "\xfd" "7zXZ\0", 6, "xz-compressed data" },
	{ "BZh", 3, "bzip2-compressed data" },
	{ "\x28\xb5\x2f\xfd", 4, "zstd-compressed data" },
	{ "\x1f\x9d", 2, "compress(1) data" },
	{ "PK\x03\x04", 4, "a zip archive" },
	{ "PK\x05\x06", 4, "a zip archive" },
	{ "7z\xbc\xaf\x27\x1c", 6, "a 7-Zip archive" },
};

/*
 * What compressed format or archive b starts with, or NULL. bzip2 needs
 * its block size digit and the start of a block or of its end marker
 * after "BZh" (a text may start with "BZh").
 */
static const char *
input_packed(const char *b, size_t len)
{
	const unsigned char *u = (const unsigned char *)b;
	const struct input_magic *m;
	size_t i;

	for (i = 0; i < sizeof input_magics / sizeof input_magics[0]; i++) {
		m = &input_magics[i];
		if (len < m->len || memcmp(b, m->magic, m->len) != 0)
			continue;
		if (m->magic[0] == 'B' && (len < 5 || u[3] < '1' ||
		    u[3] > '9' || (u[4] != 0x31 && u[4] != 0x17)))
			continue;
		return m->what;
	}
	return NULL;
}

/*
 * Noise: random or compressed bytes without a signature. Among the first
 * INPUT_SNIFF bytes (of at least INPUT_NOISE_MIN), control characters
 * other than tab, line feed, carriage return, form feed and escape make up
 * more than 4% and bytes of invalid UTF-8 more than 15%. Random bytes
 * have about 10% and 45%. Text has neither: a line of control characters
 * is valid UTF-8, text in a legacy charset has no controls, and a page
 * of colour escapes is valid UTF-8 too.
 */
#define INPUT_NOISE_MIN	512

static int
input_is_noise(const char *b, size_t len)
{
	const unsigned char *u = (const unsigned char *)b;
	size_t i = 0, k, n = len < INPUT_SNIFF ? len : INPUT_SNIFF;
	size_t ctl = 0, bad = 0;
	uint32_t cp;

	if (n < INPUT_NOISE_MIN)
		return 0;
	while (i < n) {
		if (u[i] < 0x80) {
			if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' &&
			    u[i] != '\r' && u[i] != '\f' && u[i] != 0x1b) ||
			    u[i] == 0x7f)
				ctl++;
			i++;
			continue;
		}
		k = text_utf8_decode(b + i, n - i, &cp);
		if (cp == 0xfffd && i + k < n)	/* not cut by the sniff */
			bad += k;
		i += k;
	}
	return ctl * 25 > n && bad * 100 > n * 15;
}


/*
 * Is the text not UTF-8? INPUT_LEGACY_SURE: some invalid sequences and
 * not one valid multi-byte sequence (a UTF-8 file with a few bad bytes
 * has plenty). INPUT_LEGACY_LIKELY: at least INPUT_LEGACY_MANY invalid
 * ones and fewer than half as many valid ones: the pairs of Shift_JIS,
 * GBK, Big5 or EUC text now and then form a valid sequence by chance
 * (about one in three of its invalid ones), UTF-8 text has them
 * everywhere; but so may UTF-8 with many broken sequences, so this is
 * taken only when a charset is named for it (input_read). 0: UTF-8.
 * The scan stops as soon as 2 * INPUT_LEGACY_MANY valid sequences
 * outnumber the invalid ones, so a large UTF-8 file is not read through.
 */
#define INPUT_LEGACY_MANY	16
#define INPUT_LEGACY_SURE	1
#define INPUT_LEGACY_LIKELY	2

static int
input_is_legacy(const char *b, size_t len)
{
	size_t i = 0, bad = 0, good = 0;
	uint32_t cp;

	while (i < len) {
		i += text_utf8_ascii_run(b + i, len - i);
		if (i == len)
			break;
		i += text_utf8_decode(b + i, len - i, &cp);
		if (cp != 0xfffd) {
			if (++good >= 2 * INPUT_LEGACY_MANY && good >= bad)
				return 0;
		} else
			bad++;
	}
	if (bad > 0 && good == 0)
		return INPUT_LEGACY_SURE;
	return bad >= INPUT_LEGACY_MANY && good * 2 < bad ?
	    INPUT_LEGACY_LIKELY : 0;
}

/*
 * Legacy charsets gloss reads when uchardet names them: uchardet's name,
 * the iconv name to convert from (a Windows superset where there is
 * one) and what the reader is told. Entry 0 is the fallback; `latin`
 * marks the Latin family, taken only on evidence (input_latin_ok).
 */
static const struct input_charset {
	const char *detected;
	const char *iconv;
	const char *note;
	int latin;
} input_charsets[] = {
	{ "WINDOWS-1252", "CP1252", "not UTF-8: read as Windows-1252", 1 },
	{ "WINDOWS-1250", "CP1250", "not UTF-8: read as Windows-1250", 1 },
	{ "ISO-8859-2", "CP1250", "not UTF-8: read as Windows-1250", 1 },
	{ "WINDOWS-1254", "CP1254", "not UTF-8: read as Windows-1254", 1 },
	{ "ISO-8859-9", "CP1254", "not UTF-8: read as Windows-1254", 1 },
	{ "WINDOWS-1251", "CP1251", "not UTF-8: read as Windows-1251", 0 },
	{ "ISO-8859-5", "ISO-8859-5", "not UTF-8: read as ISO-8859-5", 0 },
	{ "KOI8-R", "KOI8-R", "not UTF-8: read as KOI8-R", 0 },
	{ "IBM866", "IBM866", "not UTF-8: read as IBM866", 0 },
	{ "IBM855", "IBM855", "not UTF-8: read as IBM855", 0 },
	{ "MAC-CYRILLIC", "MAC-CYRILLIC", "not UTF-8: read as MacCyrillic", 0 },
	{ "WINDOWS-1253", "CP1253", "not UTF-8: read as Windows-1253", 0 },
	{ "ISO-8859-7", "ISO-8859-7", "not UTF-8: read as ISO-8859-7", 0 },
	{ "WINDOWS-1255", "CP1255", "not UTF-8: read as Windows-1255", 0 },
	{ "ISO-8859-8", "CP1255", "not UTF-8: read as Windows-1255", 0 },
	{ "WINDOWS-1256", "CP1256", "not UTF-8: read as Windows-1256", 0 },
	{ "ISO-8859-6", "ISO-8859-6", "not UTF-8: read as ISO-8859-6", 0 },
	{ "TIS-620", "CP874", "not UTF-8: read as Windows-874 (Thai)", 0 },
	{ "WINDOWS-874", "CP874", "not UTF-8: read as Windows-874 (Thai)", 0 },
	{ "SHIFT_JIS", "CP932", "not UTF-8: read as Shift_JIS", 0 },
	{ "EUC-JP", "EUC-JP", "not UTF-8: read as EUC-JP", 0 },
	{ "GB18030", "GB18030", "not UTF-8: read as GB18030", 0 },
	{ "BIG5", "CP950", "not UTF-8: read as Big5", 0 },
	{ "EUC-KR", "CP949", "not UTF-8: read as EUC-KR", 0 },
	{ "UHC", "CP949", "not UTF-8: read as EUC-KR", 0 },
	{ "EUC-TW", "EUC-TW", "not UTF-8: read as EUC-TW", 0 },
};

#define INPUT_NCHARSETS	(sizeof input_charsets / sizeof input_charsets[0])
#define INPUT_DETECT_MAX	(4u << 20)	/* bytes uchardet is shown */

const char *
input_guess_note(int guess)
{
	switch (guess) {
	case INPUT_GUESS_NONE:
		return NULL;
	case INPUT_GUESS_UTF16LE:
		return "no byte-order mark: read as UTF-16LE";
	case INPUT_GUESS_UTF16BE:
		return "no byte-order mark: read as UTF-16BE";
	case INPUT_GUESS_CP1252:
		return input_charsets[0].note;
	}
	if (guess > INPUT_GUESS_CHARSET &&
	    (size_t)(guess - INPUT_GUESS_CHARSET) < INPUT_NCHARSETS)
		return input_charsets[guess - INPUT_GUESS_CHARSET].note;
	return "not UTF-8";
}

/* Is byte c (>= 0x80) a letter in Windows-1252? */
static int
input_cp1252_letter(unsigned char c)
{
	static const char *const upper = "\x8a\x8c\x8e\x9a\x9c\x9e\x9f";

	if (c >= 0xc0)
		return c != 0xd7 && c != 0xf7;
	return c == 0x83 || c == 0xaa || c == 0xb5 || c == 0xba ||
	    strchr(upper, (char)c) != NULL;
}

/* Is b[i] a letter: ASCII, or a byte of a legacy letter (>= 0x80)? */
static int
input_letterish(const unsigned char *b, size_t len, size_t i)
{
	return i < len && (b[i] >= 0x80 || (b[i] >= 'a' && b[i] <= 'z') ||
	    (b[i] >= 'A' && b[i] <= 'Z'));
}

/*
 * Evidence against Windows-1252 for Latin charset `name` (uchardet's):
 * a byte that Windows-1252 reads as a symbol standing between letters
 * ("gw¹ó¿d¿" is Polish in Windows-1250: ą, ż), or, for Turkish, the
 * bytes of ı, ş and ğ (ý, þ and ð in Windows-1252, letters no language
 * written in Windows-1252 but Icelandic uses) between letters. Without
 * such evidence a French or German text that uchardet took for another
 * Latin charset is still read as Windows-1252.
 */
static int
input_latin_ok(const char *name, const unsigned char *b, size_t len)
{
	int turkish = strcmp(name, "WINDOWS-1254") == 0 ||
	    strcmp(name, "ISO-8859-9") == 0;
	size_t i, n = len < INPUT_DETECT_MAX ? len : INPUT_DETECT_MAX;

	for (i = 1; i + 1 < n; i++) {
		if (b[i] < 0x80 || !input_letterish(b, n, i - 1) ||
		    !input_letterish(b, n, i + 1))
			continue;
		if (turkish ? (b[i] == 0xfd || b[i] == 0xfe || b[i] == 0xf0) :
		    !input_cp1252_letter(b[i]))
			return 1;
	}
	return 0;
}

/*
 * uchardet, loaded only when a document is not UTF-8 (it is C++: linked
 * in, its runtime would cost every run 1.4 MB of resident memory). Its
 * ABI has been soname 0 since its first release.
 */
#define INPUT_UCHARDET_SONAME	"libuchardet.so.0"

struct input_uchardet {
	void *lib;
	uchardet_t (*make)(void);
	void (*drop)(uchardet_t);
	int (*feed)(uchardet_t, const char *, size_t);
	void (*end)(uchardet_t);
	const char *(*charset)(uchardet_t);
};

/* Load uchardet into *u; -1 if it is not there. */
static int
input_uchardet_load(struct input_uchardet *u)
{
	u->lib = dlopen(INPUT_UCHARDET_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (u->lib == NULL)
		return -1;
	/* POSIX's way to take a function from dlsym. */
	*(void **)&u->make = dlsym(u->lib, "uchardet_new");
	*(void **)&u->drop = dlsym(u->lib, "uchardet_delete");
	*(void **)&u->feed = dlsym(u->lib, "uchardet_handle_data");
	*(void **)&u->end = dlsym(u->lib, "uchardet_data_end");
	*(void **)&u->charset = dlsym(u->lib, "uchardet_get_charset");
	if (u->make == NULL || u->drop == NULL || u->feed == NULL ||
	    u->end == NULL || u->charset == NULL) {
		dlclose(u->lib);
		return -1;
	}
	return 0;
}

/* The input_charsets index of uchardet's name for b, or 0. */
static size_t
input_charset_named(const char *name, const char *b, size_t len)
{
	size_t k;

	for (k = 1; name != NULL && k < INPUT_NCHARSETS; k++) {
		if (strcmp(name, input_charsets[k].detected) != 0)
			continue;
		if (!input_charsets[k].latin || input_latin_ok(name,
		    (const unsigned char *)b, len))
			return k;
		break;
	}
	return 0;
}

/*
 * The legacy charset of b: an index into input_charsets (0: Windows-1252,
 * also when uchardet cannot be loaded), from what uchardet says of its
 * first INPUT_DETECT_MAX bytes.
 */
static size_t
input_legacy_pick(const char *b, size_t len)
{
	struct input_uchardet u;
	uchardet_t ud;
	size_t pick = 0;

	if (input_uchardet_load(&u) != 0)
		return 0;
	if ((ud = u.make()) != NULL) {
		if (u.feed(ud, b, len < INPUT_DETECT_MAX ? len :
		    INPUT_DETECT_MAX) == 0) {
			u.end(ud);
			pick = input_charset_named(u.charset(ud), b, len);
		}
		u.drop(ud);
	}
	dlclose(u.lib);
	return pick;
}

/* Put out (outlen bytes, malloc'd, room for one more) in place of *buf. */
static void
input_replace(char **buf, size_t *len, int *mapped, char *out, size_t outlen)
{
	if (*mapped)
		munmap(*buf, *len);
	else
		free(*buf);
	*buf = out;
	*len = outlen;
	*mapped = 0;
}

/*
 * Convert from a legacy charset to UTF-8; replaces *buf. With `strict`,
 * text the charset cannot have fails (errno EILSEQ) and *buf is kept.
 */
static int
input_convert(const char *enc, int strict, size_t skip, char **buf,
    size_t *len, int *mapped, char **err)
{
	size_t outlen = 0;
	uint8_t *out;

	out = u8_conv_from_encoding(enc, strict ? iconveh_error :
	    iconveh_question_mark, *buf + skip, *len - skip, NULL, NULL,
	    &outlen);
	if (out == NULL) {
		*err = xasprintf("cannot convert %s text: %s", enc,
		    strerror(errno));
		return -1;
	}
	input_replace(buf, len, mapped, xreallocarray(out, outlen + 1, 1),
	    outlen);
	return 0;
}

/*
 * A byte-order mark and the Unicode encoding form it announces. The
 * UTF-32 marks come first: FF FE 00 00 is UTF-32LE (a UTF-16 file does
 * not start with U+0000).
 */
struct input_bom {
	const char *mark;
	size_t len;		/* bytes of the mark */
	size_t unit;		/* bytes of a code unit: 2 or 4 */
	int be;			/* big-endian */
};

static const struct input_bom input_boms[] = {
	{ "\xff\xfe\x00\x00", 4, 4, 0 },	/* UTF-32LE */
	{ "\x00\x00\xfe\xff", 4, 4, 1 },	/* UTF-32BE */
	{ "\xff\xfe", 2, 2, 0 },		/* UTF-16LE */
	{ "\xfe\xff", 2, 2, 1 },		/* UTF-16BE */
};

/* UTF-16 without a mark (input_utf16_guess): LE, then BE. */
static const struct input_bom input_unmarked[] = {
	{ "", 0, 2, 0 },
	{ "", 0, 2, 1 },
};

/* The byte-order mark b starts with, or NULL. */
static const struct input_bom *
input_bom_find(const char *b, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof input_boms / sizeof input_boms[0]; i++)
		if (len >= input_boms[i].len &&
		    memcmp(b, input_boms[i].mark, input_boms[i].len) == 0)
			return &input_boms[i];
	return NULL;
}

/* The code unit of k bytes (2 or 4) at u, big- or little-endian. */
static uint32_t
input_unit(const unsigned char *u, size_t k, int be)
{
	uint32_t v = 0;
	size_t i;

	for (i = 0; i < k; i++)
		v = v << 8 | u[be ? i : k - 1 - i];
	return v;
}

/*
 * Decode one character of UTF-16 from u (n > 0 bytes). Returns the bytes
 * consumed (1..4); *cp gets the code point, or U+FFFD with *bad set for an
 * ill-formed sequence, which is, as in text_utf8.c, the longest prefix
 * that could still have begun a character: a surrogate without its
 * partner (a high one not followed by a low one, a low one on its own; the
 * unit after it is decoded afresh), or an incomplete sequence at the end
 * of the input (an odd byte, or a high surrogate and an odd byte).
 */
static size_t
input_utf16_decode(const unsigned char *u, size_t n, int be, uint32_t *cp,
    int *bad)
{
	uint32_t hi, lo;

	*bad = 0;
	if (n < 2) {
		*cp = 0xfffd;
		*bad = 1;
		return n;
	}
	hi = input_unit(u, 2, be);
	if (hi < 0xd800 || hi > 0xdfff) {
		*cp = hi;
		return 2;
	}
	*cp = 0xfffd;
	*bad = 1;
	if (hi > 0xdbff)
		return 2;	/* a low surrogate first */
	if (n == 3)
		return 3;	/* a high surrogate, then one byte */
	if (n < 4)
		return 2;
	lo = input_unit(u + 2, 2, be);
	if (lo < 0xdc00 || lo > 0xdfff)
		return 2;
	*cp = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
	*bad = 0;
	return 4;
}

/*
 * Decode one character of UTF-32 from u (n > 0 bytes), as
 * input_utf16_decode: a unit that is a surrogate or above U+10FFFF is
 * ill-formed, and so are the 1..3 bytes of an incomplete unit at the end.
 */
static size_t
input_utf32_decode(const unsigned char *u, size_t n, int be, uint32_t *cp,
    int *bad)
{
	*cp = 0xfffd;
	*bad = 1;
	if (n < 4)
		return n;
	*cp = input_unit(u, 4, be);
	if (*cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
		*cp = 0xfffd;
	else
		*bad = 0;
	return 4;
}

/*
 * UTF-16 without a byte-order mark, as the first INPUT_SNIFF bytes (all
 * of a shorter input) show it. Read in one byte order, they must be an
 * even number, at least INPUT_UTF16_MIN, and well-formed UTF-16 (a high
 * surrogate at the end of the full 8 KiB counts as the start of a pair)
 * with no more U+0000 than input_is_binary allows NUL bytes and at most
 * 4% controls (C0 but tab, LF, CR, FF and ESC; DEL; C1; U+FFFE and
 * U+FFFF); at least 90% of the
 * units must lie in the INPUT_UTF16_BLOCKS most common 256-blocks (one
 * script and its punctuation: Latin, Arabic, Cyrillic, ...), and at least
 * 5% in block 0 (spaces, line ends, digits: the NULs at every other
 * byte). Text in one byte order has next to no units in block 0 in the
 * other (each would be a NUL next to a NUL), and random bytes, UTF-32
 * (every other unit U+0000), UTF-8 with a few NULs and compiled files
 * fail one test or more. Scripts spread over many blocks (Chinese,
 * Korean) are not recognised. Returns the encoding form, or NULL (not
 * UTF-16, or taken in both orders).
 */
#define INPUT_UTF16_MIN		4
#define INPUT_UTF16_BLOCKS	4

/* input_utf16_guess for one byte order: the first n of len bytes u. */
static int
input_utf16_plausible(const unsigned char *u, size_t n, size_t len, int be)
{
	size_t block[256], top[INPUT_UTF16_BLOCKS], units = 0, nul = 0;
	size_t ctl = 0, i, k, m, sum;
	uint32_t v, lo;

	memset(block, 0, sizeof block);
	for (i = 0; i < n; i += 2, units++) {
		v = input_unit(u + i, 2, be);
		block[v >> 8]++;
		if (v >= 0xdc00 && v <= 0xdfff)
			return 0;	/* a low surrogate on its own */
		if (v >= 0xd800 && v <= 0xdbff) {
			if (i + 2 == n && len >= INPUT_SNIFF)
				continue;	/* its partner may be past it */
			if (i + 2 == n)
				return 0;
			lo = input_unit(u + i + 2, 2, be);
			if (lo < 0xdc00 || lo > 0xdfff)
				return 0;
			block[lo >> 8]++;
			i += 2;
			units++;
			continue;
		}
		if (v == 0)
			nul++;
		else if ((v < 0x20 && v != '\t' && v != '\n' && v != '\r' &&
		    v != '\f' && v != 0x1b) || (v >= 0x7f && v <= 0x9f) ||
		    v == 0xfffe || v == 0xffff)
			ctl++;
	}
	if (nul * 4 > units || (nul * 100 > units && nul > INPUT_STRAY_NUL) ||
	    ctl * 25 > units || block[0] * 20 < units)
		return 0;
	memset(top, 0, sizeof top);	/* the largest counts, largest first */
	for (i = 0; i < 256; i++) {
		for (k = 0; k < INPUT_UTF16_BLOCKS && top[k] >= block[i]; k++)
			;
		for (m = INPUT_UTF16_BLOCKS - 1; k < INPUT_UTF16_BLOCKS &&
		    m > k; m--)
			top[m] = top[m - 1];
		if (k < INPUT_UTF16_BLOCKS)
			top[k] = block[i];
	}
	for (sum = 0, k = 0; k < INPUT_UTF16_BLOCKS; k++)
		sum += top[k];
	return sum * 10 >= units * 9;
}

static const struct input_bom *
input_utf16_guess(const char *b, size_t len)
{
	const unsigned char *u = (const unsigned char *)b;
	size_t n = len < INPUT_SNIFF ? len : INPUT_SNIFF;
	int le, be;

	if (n < INPUT_UTF16_MIN || n % 2 != 0)
		return NULL;
	le = input_utf16_plausible(u, n, len, 0);
	be = input_utf16_plausible(u, n, len, 1);
	if (le == be)
		return NULL;
	return &input_unmarked[le ? 0 : 1];
}

/*
 * Convert UTF-16 or UTF-32 (as the mark bom says) after the mark in *buf
 * to UTF-8; replaces *buf. Each ill-formed sequence becomes one U+FFFD
 * and decoding goes on in step after it; returns how many there were.
 */
static size_t
input_convert_unicode(const struct input_bom *bom, char **buf, size_t *len,
    int *mapped)
{
	const unsigned char *u = (const unsigned char *)*buf + bom->len;
	size_t n = *len - bom->len, i = 0, outlen = 0, invalid = 0;
	uint32_t cp;
	char *out;
	int bad;

	/*
	 * A UTF-16 unit gives at most 3 bytes (a pair of units 4), a UTF-32
	 * one 4, the incomplete unit at the end 3: room for n / unit + 1
	 * units and the byte after the text.
	 */
	out = xreallocarray(NULL, n / bom->unit + 2, bom->unit == 2 ? 3 : 4);
	while (i < n) {
		i += bom->unit == 2 ?
		    input_utf16_decode(u + i, n - i, bom->be, &cp, &bad) :
		    input_utf32_decode(u + i, n - i, bom->be, &cp, &bad);
		invalid += bad;
		outlen += text_utf8_encode(cp, out + outlen);
	}
	input_replace(buf, len, mapped, xreallocarray(out, outlen + 1, 1),
	    outlen);
	return invalid;
}

/* Free what was read; clears *buf. */
static void
input_release(char **buf, size_t len, int mapped)
{
	if (*buf == NULL)
		return;
	if (mapped)
		munmap(*buf, len);
	else
		free(*buf);
	*buf = NULL;
}

/*
 * A snapshot of the rest of regular file fd (size bytes from its offset)
 * in memory: the kernel copies it (sendfile) into an anonymous in-memory
 * file (memfd), which is mapped read-only. Nothing another program does to
 * the file afterwards reaches the copy, and no copy loop in user space
 * faults in fresh pages one at a time (read(2) into malloc'd memory takes
 * about ten times as long for a 100 MB file: bench/NOTES-perf.md). A file
 * that shrinks meanwhile gives what could be copied. Returns 0 with *buf
 * and *len set, or -1 when the system cannot (no memfd, a file system
 * sendfile cannot read): the caller reads the file instead, and the file
 * offset has not moved.
 */
static int
input_snapshot(int fd, size_t size, char **buf, size_t *len)
{
#if defined(HAVE_MEMFD_CREATE) && defined(HAVE_SENDFILE)
	off_t start, off;
	ssize_t r;
	void *p;
	int m;

	if ((start = lseek(fd, 0, SEEK_CUR)) < 0 || (size_t)start >= size)
		return -1;
	size -= (size_t)start;
	if ((m = memfd_create("gloss-input", MFD_CLOEXEC)) < 0)
		return -1;
	if (ftruncate(m, (off_t)size) != 0)
		goto fail;
	off = start;
	while ((size_t)(off - start) < size) {
		r = sendfile(m, fd, &off, size - (size_t)(off - start));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			goto fail;
		if (r == 0)
			break;	/* the file shrank */
	}
	if (off == start)
		goto fail;
	if ((size_t)(off - start) < size && ftruncate(m, off - start) != 0)
		goto fail;
	size = (size_t)(off - start);
	p = mmap(NULL, size, PROT_READ, MAP_SHARED, m, 0);
	if (p == MAP_FAILED)
		goto fail;
	close(m);
	*buf = p;
	*len = size;
	return 0;
fail:
	close(m);
	return -1;
#else
	(void)fd;
	(void)size;
	(void)buf;
	(void)len;
	return -1;
#endif
}

/*
 * Why the start of an input (its first INPUT_SNIFF bytes, or all of a
 * shorter one) shows it is not a text document: a message, or NULL.
 * Text with a byte-order mark is text, and so is UTF-16 without one
 * (input_utf16_guess).
 */
static char *
input_refusal(const char *b, size_t len)
{
	const char *packed;

	if (input_bom_find(b, len) != NULL)
		return NULL;
	if ((packed = input_packed(b, len)) != NULL)
		return xasprintf("%s, not a text document (decompress or "
		    "extract it first)", packed);
	if (input_utf16_guess(b, len) != NULL)
		return NULL;
	if (input_is_binary(b, len) || input_is_noise(b, len))
		return xstrdup("binary file, not a text document");
	return NULL;
}

/*
 * Look at the first INPUT_SNIFF bytes of a regular file before reading
 * it all: input_refusal's message, or NULL (also when they cannot be
 * read: reading the file will say why).
 */
static char *
input_sniff(int fd)
{
	char b[INPUT_SNIFF];
	ssize_t r;

	do
		r = pread(fd, b, sizeof b, 0);
	while (r < 0 && errno == EINTR);
	return r > 0 ? input_refusal(b, (size_t)r) : NULL;
}

int
input_read(const char *path, size_t max_size, char **buf, size_t *len,
    int *mapped, int *guess, size_t *invalid, char **err)
{
	const struct input_bom *bom;
	struct stat st;
	size_t n, k;
	int fd, over, legacy;

	*buf = NULL;
	*len = 0;
	*mapped = 0;
	*err = NULL;
	if (guess != NULL)
		*guess = INPUT_GUESS_NONE;
	if (invalid != NULL)
		*invalid = 0;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		*err = xstrdup(strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		*err = xstrdup(strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		*err = xstrdup(strerror(EISDIR));
		goto fail;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max_size) {
		*err = xasprintf("larger than the %zu-byte limit (--max-size)",
		    max_size);
		goto fail;
	}
	if (S_ISREG(st.st_mode) && (*err = input_sniff(fd)) != NULL)
		goto fail;
	if (S_ISREG(st.st_mode) && st.st_size > 0 &&
	    input_snapshot(fd, (size_t)st.st_size, buf, len) == 0)
		*mapped = 1;
	else if (input_read_fd(fd, max_size, S_ISREG(st.st_mode) ?
	    (size_t)st.st_size : 0, buf, len, &over, err) != 0) {
		*err = xstrdup(strerror(errno));
		goto fail;
	} else if (*err != NULL) {
		free(*buf);
		*buf = NULL;
		goto fail;
	} else if (over) {
		free(*buf);
		*buf = NULL;
		*err = xasprintf("input does not end within the %zu-byte limit "
		    "(--max-size)", max_size);
		goto fail;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if ((bom = input_bom_find(*buf, *len)) == NULL &&
	    (bom = input_utf16_guess(*buf, *len)) != NULL && guess != NULL)
		*guess = bom->be ? INPUT_GUESS_UTF16BE : INPUT_GUESS_UTF16LE;
	if (bom != NULL) {
		n = input_convert_unicode(bom, buf, len, mapped);
		if (invalid != NULL)
			*invalid = n;
		return 0;
	}
	if ((*err = input_refusal(*buf, *len)) != NULL) {
		input_release(buf, *len, *mapped);
		return -1;
	}
	if ((legacy = input_is_legacy(*buf, *len)) != 0) {
		k = input_legacy_pick(*buf, *len);
		if (k != 0 && input_convert(input_charsets[k].iconv, 1, 0, buf,
		    len, mapped, err) != 0) {
			free(*err);	/* not that charset after all */
			*err = NULL;
			k = 0;
		}
		if (k == 0 && legacy == INPUT_LEGACY_LIKELY)
			return 0;	/* UTF-8 with many broken sequences */
		if (k == 0 && input_convert("CP1252", 0, 0, buf, len, mapped,
		    err) != 0) {
			input_release(buf, *len, *mapped);
			return -1;
		}
		if (guess != NULL)
			*guess = k == 0 ? INPUT_GUESS_CP1252 :
			    INPUT_GUESS_CHARSET + (int)k;
	}
	return 0;
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	return -1;
}

/*
 * input.h: reading a document's bytes. What is read is a snapshot the
 * document owns: a file changed, rewritten or truncated on disk while it
 * is open changes nothing the reader shows. Regular files are copied by
 * the kernel into a private in-memory file that is mapped; pipes,
 * terminals and devices are read up to a size limit. UTF-16 and UTF-32
 * input with a byte-order mark, UTF-16 without one (known by its first
 * 8 KiB) and text in a legacy 8-bit charset are converted to UTF-8.
 * Binary files are refused.
 */
#ifndef GLOSS_INPUT_H
#define GLOSS_INPUT_H

#include <stddef.h>

/* What input_read guessed of an encoding the input did not name. */
enum input_guess {
	INPUT_GUESS_NONE,	/* UTF-8, or named by a byte-order mark */
	INPUT_GUESS_CP1252,	/* not UTF-8: read as Windows-1252 */
	INPUT_GUESS_UTF16LE,	/* UTF-16 without a byte-order mark */
	INPUT_GUESS_UTF16BE,
	INPUT_GUESS_CHARSET	/* and up: not UTF-8, read as another legacy
				 * charset (input_guess_note names it) */
};

/**
 * What to tell the reader of a guess (a static string: "not UTF-8: read
 * as Windows-1256"), or NULL for INPUT_GUESS_NONE.
 */
const char *input_guess_note(int guess);

/**
 * Read path ("-" for standard input) into *buf (*len bytes; *mapped set
 * when it is an mmap to release with munmap, else it is malloc'd).
 * *guess (if not NULL) gets an enum input_guess: INPUT_GUESS_CP1252 when
 * the text was not UTF-8 and was read as Windows-1252 (or
 * INPUT_GUESS_CHARSET and up when it was read as another legacy charset,
 * input_guess_note), INPUT_GUESS_UTF16*
 * when it was taken for UTF-16 without a byte-order mark. *invalid (if not NULL) gets the number of ill-formed
 * sequences of UTF-16 or UTF-32 input, each now one U+FFFD in *buf
 * (invalid UTF-8 stays in *buf as read). Returns 0, or -1 with a malloc'd
 * reason in *err ("No such file or directory", "larger than the
 * 1073741824-byte limit (--max-size)", ...).
 */
int input_read(const char *path, size_t max_size, char **buf, size_t *len,
    int *mapped, int *guess, size_t *invalid, char **err);

/** Parse a size like "1G", "200M", "4096"; returns 0 on error. */
size_t input_parse_size(const char *s);

#endif

/*
 * keys_doc.c: test helper. Prints the reader's help lines exactly as the
 * help screen shows them (generated from the key table, then the prompt's
 * editing keys), one per line, so tests/keys_doc.sh can check that the
 * README and the man page list every key the reader knows.
 */
#include "config.h"

#include <stdio.h>

#include "../src/tui/keys.h"

int
main(void)
{
	char **lines;
	size_t n, i;

	lines = keys_help(&n);
	for (i = 0; i < n; i++)
		puts(lines[i]);
	keys_help_free(lines, n);
	lines = keys_prompt_help(&n);
	for (i = 0; i < n; i++)
		puts(lines[i]);
	keys_help_free(lines, n);
	return 0;
}

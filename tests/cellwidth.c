/*
 * cellwidth.c: test helper. Reads UTF-8 lines on stdin and prints, per
 * line, its width in terminal cells as the C library's wcwidth() counts
 * them (what ncurses and terminals use), independently of gloss's own
 * width code. With -m prints only the maximum; with -c CH prints, per
 * line, the cell column (0-based) of every occurrence of character CH.
 * Invalid UTF-8 or unprintable characters print "invalid" and exit 1.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int
main(int argc, char **argv)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int max = 0, only_max = 0, bad = 0;
	wchar_t col_ch = 0;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 2;
	if (argc > 1 && strcmp(argv[1], "-m") == 0)
		only_max = 1;
	if (argc > 2 && strcmp(argv[1], "-c") == 0)
		mbtowc(&col_ch, argv[2], strlen(argv[2]));
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		mbstate_t st;
		const char *p = line;
		size_t left = (size_t)n;
		int w = 0;

		if (left > 0 && line[left - 1] == '\n')
			left--;
		memset(&st, 0, sizeof st);
		while (left > 0) {
			wchar_t wc;
			size_t k = mbrtowc(&wc, p, left, &st);
			int cw;

			if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
				bad = 1;
				break;
			}
			cw = wcwidth(wc);
			if (cw < 0) {
				bad = 1;
				break;
			}
			if (col_ch != 0 && wc == col_ch)
				printf("%d ", w);
			w += cw;
			p += k;
			left -= k;
		}
		if (col_ch != 0)
			putchar('\n');
		else if (!only_max)
			printf("%d\n", w);
		if (w > max)
			max = w;
	}
	if (only_max)
		printf("%d\n", max);
	free(line);
	if (bad)
		puts("invalid");
	return bad;
}

/*
 * text_thai.c: word breaks inside Thai from libthai (text_thai.h).
 *
 * Coordinates: indices of code points. Each maximal run of Thai letters
 * is copied, NUL-terminated, into a wide-character buffer and given to
 * th_brk_wc_find_breaks, which returns the positions (in the run) where
 * a word starts; those inside the run become break opportunities.
 * Thai digits, the baht sign and Thai punctuation are not letters: UAX
 * #14 already classes them (NU, PR, BA), so they end a run.
 *
 * One ThBrk per struct text_thai: libthai's breakers are independent
 * objects, so two threads each with their own text_para may break at
 * once. Memory: the run's copy and positions, kept between calls.
 */
#include "config.h"

#include <stdlib.h>
#include <wchar.h>

#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include "gloss/text.h"
#include "gloss/text_thai.h"
#include "gloss/xmalloc.h"

struct text_thai {
	ThBrk *brk;		/* NULL: not made yet, or failed */
	int failed;		/* the dictionary could not be loaded */
	thwchar_t *run;
	size_t runcap;
	int *pos;
	size_t poscap;
};

static int
text_thai_letter(uint32_t c)
{
	return (c >= 0x0e01 && c <= 0x0e3a) || (c >= 0x0e40 && c <= 0x0e4e);
}

/* Add the breaks inside the run cps[a, b). */
static void
text_thai_run(struct text_thai *th, const uint32_t *cps, size_t a, size_t b,
    char *brk)
{
	size_t n = b - a, i;
	int k, m;

	th->run = xgrow(th->run, &th->runcap, n + 1, sizeof *th->run);
	th->pos = xgrow(th->pos, &th->poscap, n + 1, sizeof *th->pos);
	for (i = 0; i < n; i++)
		th->run[i] = (thwchar_t)cps[a + i];
	th->run[n] = 0;
	m = th_brk_wc_find_breaks(th->brk, th->run, th->pos, n + 1);
	for (k = 0; k < m; k++) {
		if (th->pos[k] <= 0 || (size_t)th->pos[k] >= n)
			continue;
		i = a + (size_t)th->pos[k];
		if (brk[i] == TEXT_BREAK_NO)
			brk[i] = TEXT_BREAK_ALLOWED;
	}
}

void
text_thai_breaks(struct text_thai **thp, const uint32_t *cps, size_t n,
    char *brk)
{
	struct text_thai *th = *thp;
	size_t a = 0, b;

	for (;;) {
		while (a < n && !text_thai_letter(cps[a]))
			a++;
		if (a >= n)
			return;
		for (b = a + 1; b < n && text_thai_letter(cps[b]); b++)
			;
		if (b - a > 1) {
			if (th == NULL)
				th = *thp = xcalloc(1, sizeof *th);
			if (th->brk == NULL && !th->failed &&
			    (th->brk = th_brk_new(NULL)) == NULL)
				th->failed = 1;
			if (th->failed)
				return;
			text_thai_run(th, cps, a, b, brk);
		}
		a = b;
	}
}

void
text_thai_free(struct text_thai *th)
{
	if (th == NULL)
		return;
	if (th->brk != NULL)
		th_brk_delete(th->brk);
	free(th->run);
	free(th->pos);
	free(th);
}

/*
 * test_text_thai.c: word breaks inside Thai (text_thai.c). A Thai
 * sentence of common words gets a break opportunity at each word's end
 * and nowhere else; breaks outside Thai are what text_linebreaks says;
 * no breaker is made for text without a run of Thai letters; laid out
 * narrow, the sentence's lines end only between words (before this
 * module they were cut at the edge, mid-word).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/layout.h"
#include "gloss/text.h"
#include "gloss/text_thai.h"
#include "gloss/xmalloc.h"
#include "../tap.h"

/* "Thai has no spaces between words", word by word. */
static const char *t_words[] = {
	"ภาษา", "ไทย", "ไม่", "มี", "การ", "เว้น", "วรรค", "ระหว่าง", "คำ"
};
#define T_NWORDS (sizeof t_words / sizeof t_words[0])

/* Decode s into cps; returns the count. */
static size_t
t_decode(const char *s, uint32_t *cps)
{
	size_t i = 0, n = 0, len = strlen(s);

	while (i < len)
		i += text_utf8_decode(s + i, len - i, &cps[n++]);
	return n;
}

static void
test_sentence(void)
{
	uint32_t cps[256];
	char all[512] = "", brk[256], want[256];
	size_t n, i, k, at = 0, bad = 0;
	struct text_thai *th = NULL;

	memset(want, 0, sizeof want);
	for (k = 0; k < T_NWORDS; k++) {
		strcat(all, t_words[k]);
		at += t_decode(t_words[k], cps);
		want[at] = 1;	/* a word ends before code point `at` */
	}
	n = t_decode(all, cps);
	text_linebreaks(cps, n, brk);
	for (i = 1; i < n; i++)
		if (brk[i] != TEXT_BREAK_NO)
			bad++;
	ok(bad == 0, "libunistring alone: no break inside the Thai run");
	text_thai_breaks(&th, cps, n, brk);
	ok(th != NULL, "a breaker is made for Thai");
	for (i = 1, bad = 0; i < n; i++) {
		if ((brk[i] == TEXT_BREAK_ALLOWED) != (want[i] != 0)) {
			if (bad++ < 5)
				diag("code point %zu: brk %d, word end %d", i,
				    brk[i], want[i]);
		}
	}
	ok(bad == 0, "a break at each of the %zu word ends, none inside a "
	    "word", T_NWORDS - 1);
	text_thai_free(th);
}

static void
test_mixed(void)
{
	static const char *s = "Read (ภาษาไทย) at 10:30, then ไทย.";
	uint32_t cps[128];
	char a[128], b[128];
	size_t n = t_decode(s, cps), i, diff = 0, thai = 0;
	struct text_thai *th = NULL;

	text_linebreaks(cps, n, a);
	memcpy(b, a, n);
	text_thai_breaks(&th, cps, n, b);
	for (i = 0; i < n; i++) {
		if (a[i] == b[i])
			continue;
		diff++;
		/* The only new break: after ภาษา, before ไทย. */
		if (cps[i] == 0x0e44 && cps[i - 1] == 0x0e32 &&
		    a[i] == TEXT_BREAK_NO && b[i] == TEXT_BREAK_ALLOWED)
			thai++;
	}
	ok(diff == 1 && thai == 1, "mixed text: one break added, inside the "
	    "Thai word pair (%zu changes)", diff);
	text_thai_free(th);

	th = NULL;
	n = t_decode("No Thai here, only ก.", cps);
	text_linebreaks(cps, n, a);
	memcpy(b, a, n);
	text_thai_breaks(&th, cps, n, b);
	ok(th == NULL && memcmp(a, b, n) == 0,
	    "no run of two Thai letters: nothing made, nothing changed");
	text_thai_free(th);
}

static void
test_layout(void)
{
	struct text_opts o;
	struct text_para p;
	struct lay l;
	struct lay_style st;
	char all[512] = "";
	size_t ends[T_NWORDS + 1], k, i, j, len, bad = 0, width;
	uint32_t src;

	for (k = 0, len = 0; k < T_NWORDS; k++) {
		strcat(all, t_words[k]);
		len += strlen(t_words[k]);
		ends[k] = len;
	}
	text_opts_default(&o);
	o.out_utf8 = 1;
	text_para_init(&p);
	lay_init(&l);
	for (width = 6; width <= 20; width++) {
		memset(&st, 0, sizeof st);
		st.width = (int)width;
		lay_clear(&l);
		lay_para(&l, &p, &o, all, strlen(all), 0, &st);
		for (i = 1; i < l.nlines; i++) {
			src = l.lines[i].src;
			for (j = 0; j < T_NWORDS && ends[j] != src; j++)
				;
			if (j == T_NWORDS && bad++ < 5)
				diag("width %zu: line %zu starts at byte %u, "
				    "inside a word", width, i, src);
		}
		for (i = 0; i < l.nlines; i++)
			if (l.lines[i].width > width)
				bad++;
	}
	ok(bad == 0, "widths 6-20: every line starts at a word and fits");
	lay_free(&l);
	text_para_free(&p);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		tap_skip_all("no C.UTF-8 locale");
	test_sentence();
	test_mixed();
	test_layout();
	return tap_done();
}

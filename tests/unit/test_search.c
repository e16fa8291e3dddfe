/*
 * test_search.c: search_span (src/tui/search.c) folds text a piece at a
 * time; with any piece size it must find exactly the matches of one
 * search over the whole folded text (non-overlapping, left to right),
 * including matches across cuts, through accents, case, soft hyphens and
 * multi-byte characters.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "../../src/tui/search.h"
#include "../tap.h"

/* The reference: fold everything, then search the key once. */
static size_t
ref_search(const struct search *s, const char *text, size_t len,
    struct search_match **m, size_t *cap)
{
	char *key, *p, *at;
	uint32_t *map;
	size_t keylen, left, k, n = 0;

	key = text_fold(text, len, s->keep_case, &keylen, &map);
	p = key;
	left = keylen;
	while (left >= s->keylen &&
	    (at = memmem(p, left, s->key, s->keylen)) != NULL) {
		k = (size_t)(at - key);
		*m = xgrow(*m, cap, n + 1, sizeof **m);
		(*m)[n].start = map[k];
		(*m)[n].end = map[k + s->keylen - 1] + 1;
		n++;
		left -= (size_t)(at - p) + s->keylen;
		p = at + s->keylen;
	}
	free(key);
	free(map);
	return n;
}

static unsigned long rng = 12345;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33) % n;
}

int
main(void)
{
	static const char *bits[] = {
		"a", "b", "A", "B", " ", "\xc3\xa1",		/* á */
		"\xc3\x81",	/* Á */
		"\xc2\xad",	/* soft hyphen */
		"\xe2\x80\x8d",	/* ZWJ */
		"a\xcc\x81",	/* a + combining acute */
		"\xd8\xb9",	/* ع */
		"\xe4\xb8\xad",	/* 中 */
		"\xf0\x9f\x98\x80",	/* emoji */
		"\xff",		/* invalid */
	};
	static const char *pats[] = {
		"a", "ab", "aa", "aba", "Ab", "a b", "\xc3\xa1" "b", "\xd8\xb9",
		"\xe4\xb8\xad" "a", "bbb", "aaaa",
	};
	static const size_t pieces[] = { 1, 2, 3, 5, 7, 16, 64 };
	struct search s;
	struct search_match *m = NULL, *r = NULL;
	size_t mcap = 0, rcap = 0, nm, nr, i, t, len, pi, bad = 0, cases = 0;
	size_t found = 0;
	char text[2048];
	int p;

	for (t = 0; t < 3000; t++) {
		len = 0;
		for (i = rnd(120); i > 0; i--) {
			const char *b = bits[rnd(sizeof bits / sizeof *bits)];

			memcpy(text + len, b, strlen(b));
			len += strlen(b);
		}
		p = (int)rnd(sizeof pats / sizeof *pats);
		if (!search_compile(&s, pats[p]))
			continue;
		nr = ref_search(&s, text, len, &r, &rcap);
		found += nr;
		for (pi = 0; pi < sizeof pieces / sizeof *pieces; pi++) {
			nm = 0;
			search_span_pieces(&s, text, len, 0, pieces[pi], &m,
			    &nm, &mcap);
			cases++;
			if (nm != nr || (nm > 0 &&
			    memcmp(m, r, nm * sizeof *m) != 0))
				bad++;
		}
		search_free(&s);
	}
	ok(bad == 0, "pieces of 1 to 64 bytes find what one search finds "
	    "(%zu of %zu differ; %zu matches)", bad, cases, found);
	ok(found > 1000, "the random texts have matches to find (%zu)", found);

	/* A kana or a Hangul syllable is not found inside another. */
	search_compile(&s, "\xe3\x81\x8b");		/* か */
	nm = 0;
	search_span(&s, "\xe3\x81\x8c\xe3\x81\x8b", 6, 0, &m, &nm, &mcap);
	ok(nm == 1 && m[0].start == 3,
	    "\"\xe3\x81\x8b\" is found in \"\xe3\x81\x8c\xe3\x81\x8b\" once, "
	    "not inside \"\xe3\x81\x8c\" (%zu matches)", nm);
	search_free(&s);
	search_compile(&s, "\xed\x95\x98");		/* 하 */
	nm = 0;
	search_span(&s, "\xed\x95\x9c\xea\xb5\xad", 6, 0, &m, &nm, &mcap);
	ok(nm == 0, "\"\xed\x95\x98\" is not found in \"\xed\x95\x9c"
	    "\xea\xb5\xad\" (%zu matches)", nm);
	search_free(&s);

	/*
	 * Smart case: only a capital letter in the pattern makes the search
	 * case-sensitive. A final sigma or a sharp s, which case folding
	 * changes, is lower case: before, "ψυχής" and "straße" searched
	 * case-sensitively and did not find "ΨΥΧΗΣ" and "STRASSE".
	 */
	search_compile(&s, "\xcf\x88\xcf\x85\xcf\x87\xce\xae\xcf\x82");
	ok(!s.keep_case, "smart case: \"\xcf\x88\xcf\x85\xcf\x87\xce\xae"
	    "\xcf\x82\" is lower case");
	nm = 0;
	search_span(&s, "\xce\xa8\xce\xa5\xce\xa7\xce\x97\xce\xa3", 10, 0,
	    &m, &nm, &mcap);
	ok(nm == 1, "\"\xcf\x88\xcf\x85\xcf\x87\xce\xae\xcf\x82\" finds "
	    "\"\xce\xa8\xce\xa5\xce\xa7\xce\x97\xce\xa3\" (%zu matches)", nm);
	search_free(&s);
	search_compile(&s, "stra\xc3\x9f" "e");
	nm = 0;
	search_span(&s, "STRASSE", 7, 0, &m, &nm, &mcap);
	ok(!s.keep_case && nm == 1, "\"stra\xc3\x9f" "e\" is lower case and "
	    "finds \"STRASSE\" (%zu matches)", nm);
	search_free(&s);
	search_compile(&s, "\xce\xa8\xcf\x85\xcf\x87\xce\xae");
	ok(s.keep_case, "smart case: a Greek capital makes the search "
	    "case-sensitive");
	search_free(&s);

	/*
	 * Arabic-script letter variants (text_letter_fold): a pattern typed
	 * with one finds the other, and the match covers exactly the bytes
	 * of the text's own letters (all two bytes long here), harakat and
	 * tatweel inside it too. Before, "الى" did not find "إلى", nor a
	 * Persian keyboard's "کتابی" the Arabic "كتابي".
	 */
	{
		static const struct {
			const char *pat, *text, *what;
			uint32_t start, end;	/* the match, in text */
		} v[] = {
			{ "\xd8\xa7\xd9\x84\xd9\x89",	/* الى */
			    "\xd9\x88\xd8\xa5\xd9\x84\xd9\x8a\xd9\x87",
			    "\"\xd8\xa7\xd9\x84\xd9\x89\" finds \"\xd8\xa5"
			    "\xd9\x84\xd9\x8a\" in \"\xd9\x88\xd8\xa5\xd9\x84"
			    "\xd9\x8a\xd9\x87\"", 2, 7 },
			{ "\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8\xdb\x8c",
			    "\xd8\xa7\xd9\x84\xd9\x83\xd9\x90\xd8\xaa\xd9"
			    "\x80\xd8\xa7\xd8\xa8\xd9\x8a",
			    "a Persian keyboard's keheh and yeh find kaf and "
			    "yeh, through kasra and tatweel", 4, 17 },
			{ "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd9\x87",
			    "\xd9\x81\xd9\x8a \xd9\x85\xd8\xaf\xd8\xb1\xd8"
			    "\xb3\xd8\xa9",
			    "heh finds teh marbuta", 5, 14 },
			{ "\xd9\x86\xd9\x87\xdb\x8c\xda\xba",
			    "\xdb\x81\xdb\x92 \xd9\x86\xdb\x81\xdb\x8c"
			    "\xda\xba",
			    "heh finds Urdu heh goal", 5, 12 },
			{ "\xd9\x8a\xd9\x8a", "\xdb\x92\xd9\x89",
			    "yeh finds yeh barree and alef maksura", 0, 3 },
		};
		size_t vi;

		for (vi = 0; vi < sizeof v / sizeof *v; vi++) {
			search_compile(&s, v[vi].pat);
			nm = 0;
			search_span(&s, v[vi].text, strlen(v[vi].text), 0, &m,
			    &nm, &mcap);
			if (!ok(nm == 1 && m[0].start == v[vi].start &&
			    m[0].end == v[vi].end, "%s", v[vi].what))
				diag("%zu matches; first [%u, %u)", nm,
				    nm > 0 ? m[0].start : 0,
				    nm > 0 ? m[0].end : 0);
			search_free(&s);
		}
	}

	/* A match across the cut of two pieces. */
	search_compile(&s, "needle");
	nm = 0;
	search_span_pieces(&s, "hay needle hay", 14, 100, 6, &m, &nm, &mcap);
	ok(nm == 1 && m[0].start == 104 && m[0].end == 110,
	    "a match across a cut, at absolute offsets");
	search_free(&s);
	free(m);
	free(r);
	return tap_done();
}

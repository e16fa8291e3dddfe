/*
 * searchtime.c: how long the reader's search (src/tui/search.c) takes to
 * look through a whole document, as a search with no match does: every
 * line of every comment paragraph, every article block and both sides of
 * every clause, in the spans the reader searches. Not installed; see
 * bench/README.md.
 *
 * Usage: bench/searchtime [-r RUNS] PATTERN FILE...
 * For each file: bytes, matches, the median and min-max seconds of RUNS
 * runs (default 3) and MB/s at the median.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "gloss/doc.h"
#include "gloss/input.h"
#include "gloss/parse.h"
#include "gloss/xmalloc.h"
#include "../src/tui/search.h"

#define ST_MAX_RUNS	99

static double
st_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
st_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One span; the matches are counted and dropped. */
static size_t
st_span(struct search *s, const struct doc *d, struct span sp,
    struct search_match **m, size_t *cap)
{
	size_t n = 0;

	if (sp.len > 0)
		search_span(s, d->buf + sp.off, sp.len, sp.off, m, &n, cap);
	return n;
}

/* Search all of d once; returns the number of matches. */
static size_t
st_all(struct search *s, const struct doc *d)
{
	struct search_match *m = NULL;
	size_t cap = 0, n = 0, i, pi, ln;
	const struct doc_comment *cm;

	n += st_span(s, d, d->title, &m, &cap);
	for (i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind != DOC_BLOCK_CLAUSES)
			n += st_span(s, d, d->blocks[i].text, &m, &cap);
	for (i = 0; i < d->ncomments; i++) {
		cm = &d->comments[i];
		for (pi = cm->first_para; pi < cm->first_para + cm->npara; pi++)
			for (ln = 0; ln < d->paras[pi].lines.n; ln++)
				n += st_span(s, d, d->lines[
				    d->paras[pi].lines.first + ln], &m, &cap);
	}
	for (i = 0; i < d->nclauses; i++) {
		n += st_span(s, d, d->clauses[i].original, &m, &cap);
		n += st_span(s, d, d->clauses[i].translation, &m, &cap);
	}
	free(m);
	return n;
}

static int
st_file(const char *pattern, const char *path, int runs)
{
	double secs[ST_MAX_RUNS], t0;
	struct search s;
	struct doc *d;
	char *buf, *err;
	size_t len, found = 0;
	int mapped, legacy, i;

	if (input_read(path, SIZE_MAX, &buf, &len, &mapped, &legacy, NULL,
	    &err) != 0) {
		fprintf(stderr, "searchtime: %s: %s\n", path, err);
		free(err);
		return -1;
	}
	d = parse_text(buf, len, mapped);
	for (i = 0; i < runs; i++) {
		if (!search_compile(&s, pattern)) {
			fprintf(stderr, "searchtime: empty pattern\n");
			doc_free(&d);
			return -1;
		}
		t0 = st_now();
		found = st_all(&s, d);
		secs[i] = st_now() - t0;
		search_free(&s);
	}
	qsort(secs, runs, sizeof *secs, st_cmp);
	printf("%s: %zu bytes, %zu matches of \"%s\", search %.3f s median "
	    "(%.3f-%.3f, %d runs), %.1f MB/s\n", path, len, found, pattern,
	    secs[runs / 2], secs[0], secs[runs - 1], runs,
	    secs[runs / 2] > 0 ? (double)len / 1e6 / secs[runs / 2] : 0.0);
	doc_free(&d);
	return 0;
}

int
main(int argc, char **argv)
{
	int c, runs = 3, status = 0;
	const char *pattern;

	while ((c = getopt(argc, argv, "r:")) != -1) {
		if (c != 'r' || (runs = atoi(optarg)) < 1 ||
		    runs > ST_MAX_RUNS) {
			fprintf(stderr, "usage: searchtime [-r RUNS 1-%d] "
			    "PATTERN FILE...\n", ST_MAX_RUNS);
			return 2;
		}
	}
	if (argc - optind < 2) {
		fprintf(stderr, "usage: searchtime [-r RUNS] PATTERN FILE...\n");
		return 2;
	}
	pattern = argv[optind++];
	for (; optind < argc; optind++)
		if (st_file(pattern, argv[optind], runs) != 0)
			status = 1;
	return status;
}

/*
 * quotetime.c: how long quote detection (quotes_find) takes on each
 * FILE, apart from reading and parsing, for the issue on quote links
 * ("linear in the document's size"). Not installed; see bench/README.md.
 *
 * Usage: bench/quotetime [-r RUNS] FILE...
 * For each file: bytes, comments, links, the candidate keys the first
 * pass listed (repeats included) and kept, the median and min-max seconds
 * of RUNS timed runs (default 3, each on a freshly parsed copy), MB/s at
 * the median, and the peak resident memory of the whole process so far.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "gloss/doc.h"
#include "gloss/input.h"
#include "gloss/parse.h"
#include "gloss/quotes.h"
#include "gloss/xmalloc.h"

#define QT_MAX_RUNS	99

static double
qt_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
qt_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Time quotes_find on path runs times; 0, or -1 after a message. */
static int
qt_file(const char *path, int runs)
{
	double secs[QT_MAX_RUNS], t0;
	struct rusage ru;
	struct quotes_result r;
	struct doc *d;
	char *buf, *err;
	size_t len, ncomments = 0, nlinks = 0, listed = 0, cands = 0;
	int mapped, legacy, i;

	for (i = 0; i < runs; i++) {
		if (input_read(path, SIZE_MAX, &buf, &len, &mapped, &legacy,
		    NULL, &err) != 0) {
			fprintf(stderr, "quotetime: %s: %s\n", path, err);
			free(err);
			return -1;
		}
		d = parse_text(buf, len, mapped);
		t0 = qt_now();
		quotes_compute(d, &r, NULL);	/* what quotes_find does */
		listed = r.listed;
		cands = r.candidates;
		quotes_apply(d, &r);
		secs[i] = qt_now() - t0;
		ncomments = d->ncomments;
		nlinks = d->nlinks;
		doc_free(&d);
	}
	qsort(secs, runs, sizeof *secs, qt_cmp);
	getrusage(RUSAGE_SELF, &ru);
	printf("%s: %zu bytes, %zu comments, %zu links, %zu candidates "
	    "listed, %zu kept, quotes_find %.3f s median (%.3f-%.3f, %d "
	    "runs), %.1f MB/s, peak RSS %ld KB\n", path, len, ncomments,
	    nlinks, listed, cands, secs[runs / 2],
	    secs[0], secs[runs - 1], runs,
	    secs[runs / 2] > 0 ? (double)len / 1e6 / secs[runs / 2] : 0.0,
	    ru.ru_maxrss);
	return 0;
}

int
main(int argc, char **argv)
{
	int c, runs = 3, status = 0;

	while ((c = getopt(argc, argv, "r:")) != -1) {
		if (c != 'r' || (runs = atoi(optarg)) < 1 ||
		    runs > QT_MAX_RUNS) {
			fprintf(stderr, "usage: quotetime [-r RUNS 1-%d] "
			    "FILE...\n", QT_MAX_RUNS);
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: quotetime [-r RUNS] FILE...\n");
		return 2;
	}
	for (; optind < argc; optind++)
		if (qt_file(argv[optind], runs) != 0)
			status = 1;
	return status;
}

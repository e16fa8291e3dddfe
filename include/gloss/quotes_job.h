/*
 * quotes_job.h: quote links found in a background thread, so the reader
 * can show its first screen before quotes_compute has read a large
 * document.
 *
 * While a job runs, its thread only reads the model (quotes_compute);
 * the caller may read the same model but must not change it. The caller
 * polls quotes_job_done and then calls quotes_job_finish, which joins
 * the thread and moves the links into the model (quotes_apply). The
 * thread blocks every signal but faults (SEGV, BUS, FPE, ILL, ABRT), so
 * signals sent to the process reach the caller's thread.
 */
#ifndef GLOSS_QUOTES_JOB_H
#define GLOSS_QUOTES_JOB_H

#include "gloss/doc.h"

struct quotes_job;

/** Start finding d's links in a thread; NULL if no thread could start. */
struct quotes_job *quotes_job_start(const struct doc *d);
/** Whether the thread has finished (never blocks). */
int quotes_job_done(const struct quotes_job *j);
/** Wait for the thread, move its links and parents into d, free j. */
void quotes_job_finish(struct quotes_job *j, struct doc *d);
/** Ask the thread to stop, wait for it, free j; d is left unchanged. */
void quotes_job_cancel(struct quotes_job *j);

#endif

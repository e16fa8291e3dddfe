/*
 * quotes_job.c: quotes_compute in a background thread (see
 * quotes_job.h). The done and cancel flags are C11 atomics: the thread
 * stores done with release order after writing the result, and the
 * caller reads it with acquire order before touching the result (joining
 * the thread orders everything anyway).
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "gloss/quotes.h"
#include "gloss/quotes_job.h"
#include "gloss/xmalloc.h"

struct quotes_job {
	const struct doc *doc;
	pthread_t thread;
	struct quotes_result result;
	atomic_int cancel;
	atomic_int done;
};

static void *
quotes_job_run(void *arg)
{
	struct quotes_job *j = arg;

	quotes_compute(j->doc, &j->result, &j->cancel);
	atomic_store_explicit(&j->done, 1, memory_order_release);
	return NULL;
}

struct quotes_job *
quotes_job_start(const struct doc *d)
{
	struct quotes_job *j = xcalloc(1, sizeof *j);
	sigset_t all, old;
	int rc;

	j->doc = d;
	atomic_init(&j->cancel, 0);
	atomic_init(&j->done, 0);
	/*
	 * The thread inherits this mask: signals sent to the process (INT,
	 * TERM, WINCH...) reach the caller's thread. Faults stay unblocked:
	 * a fault in a thread that blocks it kills the process without
	 * running the handler that restores the terminal.
	 */
	sigfillset(&all);
	sigdelset(&all, SIGSEGV);
	sigdelset(&all, SIGBUS);
	sigdelset(&all, SIGFPE);
	sigdelset(&all, SIGILL);
	sigdelset(&all, SIGABRT);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&j->thread, NULL, quotes_job_run, j);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		free(j);
		return NULL;
	}
	return j;
}

int
quotes_job_done(const struct quotes_job *j)
{
	return atomic_load_explicit(&j->done, memory_order_acquire) != 0;
}

void
quotes_job_finish(struct quotes_job *j, struct doc *d)
{
	pthread_join(j->thread, NULL);
	quotes_apply(d, &j->result);
	quotes_result_free(&j->result);
	free(j);
}

void
quotes_job_cancel(struct quotes_job *j)
{
	atomic_store_explicit(&j->cancel, 1, memory_order_relaxed);
	pthread_join(j->thread, NULL);
	quotes_result_free(&j->result);
	free(j);
}

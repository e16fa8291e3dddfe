/*
 * tap.h: a tiny TAP producer for unit tests (automake tap-driver.sh).
 * ok() records one test point; tap_done() prints the plan and returns the
 * exit status. tap_skip_all() exits 77 style via TAP "1..0 # SKIP".
 */
#ifndef GLOSS_TAP_H
#define GLOSS_TAP_H

#include <stddef.h>

/** One test point; returns cond. */
int ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/** A diagnostic line ("# ..."). */
void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/** Compare strings; on mismatch prints both as diagnostics. */
int is_str(const char *got, const char *want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/** Compare integers; on mismatch prints both as diagnostics. */
int is_int(long long got, long long want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/** Skip the whole file with a reason (prints "1..0 # SKIP reason"). */
void tap_skip_all(const char *reason) __attribute__((noreturn));
/** Print the plan; return 0 if all passed, 1 otherwise. */
int tap_done(void);
/** Read a whole file; NULL if it cannot be read. *len gets its size. */
char *tap_slurp(const char *path, size_t *len);
/** $GLOSS_SHARED/seeds/000_e558593ce161b55e.txt, or NULL if absent. */
const char *tap_seed_path(void);

#endif

/*
 * report.h: messages on standard error. Everything gloss tells the user
 * outside the reader goes through report, which escapes what could drive
 * the terminal (file names, configuration lines and option values come
 * from outside): C0 and C1 controls, DEL and invalid UTF-8 bytes become
 * \xNN, and bidi controls \u202E-style, so a name holding an escape
 * sequence or a right-to-left override prints as visible text.
 */
#ifndef GLOSS_REPORT_H
#define GLOSS_REPORT_H

#include <stddef.h>

/** s[0, len) with controls, invalid bytes and bidi controls escaped (new string). */
char *report_escape(const char *s, size_t len);
/** "gloss: " and the message, escaped, and a newline on stderr. */
void report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

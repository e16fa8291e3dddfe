/*
 * report.c: escaped messages on standard error (report.h). Works on
 * bytes of UTF-8; a character is kept only when it is valid, printable
 * and not a bidi control.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/report.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"

/* Bidi controls: ALM, LRM, RLM, LRE..RLO, LRI..PDI. */
static int
report_bidi_control(uint32_t c)
{
	return c == 0x061c || c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

char *
report_escape(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	char *out = xmalloc(len * 4 + 1), *o = out;
	size_t i = 0, n;
	uint32_t c;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &c);
		if (c == 0xfffd && !(n == 3 && u[i] == 0xef &&
		    u[i + 1] == 0xbf && u[i + 2] == 0xbd)) {
			o += sprintf(o, "\\x%02X", u[i]);
			i++;	/* an invalid byte: resync at the next */
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			o += sprintf(o, "\\x%02X", (unsigned)c);
		else if ((c >= 0x80 && c <= 0x9f) || report_bidi_control(c))
			o += sprintf(o, "\\u%04X", (unsigned)c);
		else {
			memcpy(o, s + i, n);
			o += n;
		}
		i += n;
	}
	*o = '\0';
	return out;
}

void
report(const char *fmt, ...)
{
	va_list ap;
	char *msg, *safe;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	msg = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	safe = report_escape(msg, (size_t)n);
	fprintf(stderr, "gloss: %s\n", safe);
	free(safe);
	free(msg);
}

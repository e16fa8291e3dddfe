/*
 * text_thai.h: line-break opportunities inside Thai, which writes no
 * spaces between words. UAX #14 leaves runs of class SA to a dictionary;
 * libunistring finds none inside them, so a Thai sentence could only be
 * cut at the line's edge, mid-word. This module asks libthai's word
 * breaker (its dictionary) where the words of each run of Thai letters
 * end.
 */
#ifndef GLOSS_TEXT_THAI_H
#define GLOSS_TEXT_THAI_H

#include <stddef.h>
#include <stdint.h>

/** A word breaker and its working memory (not shared between threads). */
struct text_thai;

/**
 * Allow a break (TEXT_BREAK_ALLOWED) at each word boundary that libthai
 * finds inside a run of Thai letters (U+0E01..U+0E3A, U+0E40..U+0E4E) of
 * cps[0, n), where brk (TEXT_BREAK_* before each code point, as
 * text_linebreaks gives it) says TEXT_BREAK_NO. Nothing else changes.
 * *th is made on first need (start with NULL) and reused; if libthai's
 * dictionary cannot be loaded, no break is added.
 */
void text_thai_breaks(struct text_thai **th, const uint32_t *cps, size_t n,
    char *brk);
void text_thai_free(struct text_thai *th);

#endif

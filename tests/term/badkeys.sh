#!/bin/sh
# tests/term/badkeys.sh: bytes from the keyboard that are not characters
# of the locale (a stray byte, a sequence cut short, any non-ASCII key in
# the C locale) are dropped, and every key after them still works: q
# quits, the search prompt goes on taking what is typed. ncurses'
# get_wch waited for ever for the rest of such a sequence, and gloss
# ignored every key after it (q and C-c too) until it was killed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$top_srcdir/tests/data/tui.txt

# quits_after LOCALE DESCRIPTION KEYS...: KEYS (send-keys arguments),
# then q, and gloss has exited with 0.
quits_after() {
	loc=$1 what=$2
	shift 2
	term_start 60 8 "env LANG=$loc LC_ALL=$loc \"$GLOSS\" \"$DOC\""
	term_wait "h help" || { ok 1 "$loc: $what: gloss starts"; return; }
	term_keys "$@"
	term_keys q
	term_wait "GLOSS-EXIT=0"
	ok $? "$loc: $what, then q: gloss quits"
}

quits_after C "é typed (two bytes, not characters here)" é
quits_after C "the byte 0xff" -H ff
quits_after C.UTF-8 "the byte 0xff (never UTF-8)" -H ff
quits_after C.UTF-8 "a lead byte alone (0xc3)" -H c3
quits_after C.UTF-8 "a lead byte, then a valid é" -H c3 c3 a9
quits_after C.UTF-8 "a stray continuation byte (0xa9)" -H a9

# In the prompt: what is typed after a broken sequence still arrives.
term_start 60 8 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \"$GLOSS\" \"$DOC\""
term_wait "h help"
term_keys / é
term_wait_re '^/é *$'
ok $? "C.UTF-8: a valid é is typed into the prompt"
term_keys -H c3
term_keys x
term_wait_re '^/éx *$'
ok $? "C.UTF-8: 0xc3 then x: the cut sequence is dropped, x is typed"
term_keys -H ff
term_keys y
term_wait_re '^/éxy *$'
ok $? "C.UTF-8: 0xff then y: the byte is dropped, y is typed"
term_keys Escape q
term_wait "GLOSS-EXIT=0"
ok $? "C.UTF-8: Esc, q: gloss quits"

term_start 60 8 "env LANG=C LC_ALL=C \"$GLOSS\" \"$DOC\""
term_wait "h help"
term_keys / n a ï v e
term_wait_re '^/nave *$'
ok $? "C: /naïve types /nave (ï is no character of the C locale)"
term_keys C-c
term_wait "h help"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "C: C-c closes the prompt, q quits"

tap_done

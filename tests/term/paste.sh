#!/bin/sh
# paste.sh: bracketed paste. gloss asks the terminal to mark pastes, so a
# pasted text is never read as keys: with no prompt open it is dropped
# (a pasted q does not quit) and the status line says so; into the / or
# : prompt it goes as text on one line (line ends and tabs become spaces,
# C-c and C-z in it do nothing). When gloss exits the shell gets
# unmarked pastes again.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

doc="$TERM_TMP/paste.txt"
printf 'Pasting\n\nThe harbour master counts the boats.\nLine two of the article has nothing.\n' >"$doc"
paste_text() {	# paste_text PRINTF-FORMAT: paste it, marked if asked
	printf "$1" >"$TERM_TMP/buffer"
	tm load-buffer "$TERM_TMP/buffer"
	tm paste-buffer -p
}

term_start 80 12 "$GLOSS --layout=tabs \"$doc\"; echo GLOSS-EXIT=\$?; cat -v"
term_wait "Pasting"
ok $? "opens"
paste_text 'q\nqq\n'
term_wait "pasted text ignored"
ok $? "a paste with no prompt open is ignored, and the status line says so"
term_cap
! grep -q "GLOSS-EXIT" "$TERM_TMP/screen"
ok $? "the pasted q did not quit"

tm send-keys m
term_wait "mark: type a letter"
paste_text 'q'
term_wait "pasted text ignored"
tm send-keys "'" q
term_wait "no mark q"
ok $? "a paste after m is not taken for the mark's letter"

tm send-keys /
term_until '[ "$(term_line 11)" = "/" ]'
paste_text 'two of\nthe\tarticle\003\032'
term_until '[ "$(term_line 11)" = "/two of the article" ]'
ok $? "a paste into the / prompt is one line; C-c and C-z in it do nothing"
tm send-keys Enter
term_wait "Article ¶2"
ok $? "and Enter searches for it"

tm send-keys q
term_wait "GLOSS-EXIT=0"
ok $? "q exits 0"
paste_text 'after'
tm send-keys Enter
term_wait "after"
term_cap
! grep -q "200~" "$TERM_TMP/screen"
ok $? "after exit, pastes reach the shell unmarked"
term_widths_ok
ok $? "no line of $term_caps captured screens exceeds the screen width"
tap_done

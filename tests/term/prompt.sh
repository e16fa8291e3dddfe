#!/bin/sh
# tests/term/prompt.sh: editing the search and goto prompts in the reader
# (tests/data/tui.txt): the cursor moves inside the pattern and the
# terminal cursor follows it, Home and Delete fix a typo at the start,
# Up recalls the last search and : keeps its own history, a pattern
# longer than the screen scrolls with a '<' and keeps the cursor on
# screen, Esc and C-c cancel without searching, C-c stops a long search,
# right-to-left text stays in
# typing order under the cursor, keys gloss does not use are ignored
# however many arrive. TERM=xterm-256color inside tmux
# is deliberate: tmux sends Home as ESC [ 1 ~, which that terminfo entry
# does not list, so this also checks gloss's fallback key sequences.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$top_srcdir/tests/data/tui.txt
cursor_x() { tm display-message -p '#{cursor_x}'; }

term_start 80 24 "TERM=xterm-256color \"$GLOSS\" \"$DOC\""
term_wait "h help"
term_keys 2 End
term_wait "comment 5/5"
ok $? "End (ESC [ 4 ~ under a mismatched TERM) goes to the last comment"
term_keys Home
term_wait "comment 1/5"
ok $? "Home (ESC [ 1 ~) goes to the first"
term_keys / a b c d
term_wait "/abcd"
ok $? "/ opens the prompt and shows what is typed"
[ "$(cursor_x)" = 5 ]
ok $? "the cursor stands after the pattern (column $(cursor_x))"
term_keys Left Left
sleep 0.3
[ "$(cursor_x)" = 3 ]
ok $? "Left Left moves the terminal cursor back two cells (column $(cursor_x))"
term_keys X
term_wait "/abXcd"
ok $? "a key typed there is inserted at the cursor"
term_keys C-u
term_wait_re '^/cd *$'
ok $? "C-u deletes to the start"
term_keys Escape
term_wait "comment 1/5"
ok $? "Esc closes the prompt without searching"
term_keys / a b
term_wait_re '^/ab *$'
term_keys C-c
term_wait "comment 1/5"
ok $? "C-c closes the prompt without searching, and gloss runs on"

term_keys / x m a r i g o l d s Home Delete
term_wait_re '^/marigolds *$'
ok $? "Home then Delete removes a typo at the start"
term_keys Enter
term_wait "comment 4/5"
ok $? "the edited pattern is searched"
term_keys g
term_wait "comment 1/5"
term_keys / Up
term_wait_re '^/marigolds *$'
ok $? "Up recalls the last search"
term_keys Enter
term_wait "comment 4/5"
ok $? "and Enter searches it again"

term_keys : 2 Enter
term_wait "comment 2/5"
term_keys : Up
term_wait_re '^:2 *$'
ok $? ": has its own history"
term_keys Escape

# A pattern longer than the screen: shown from a later point after '<',
# with the cursor on the screen.
long=""
i=0
while [ $i -lt 100 ]; do long="$long a"; i=$((i + 1)); done
term_keys / $long
term_wait_re '^<a+ *$'
ok $? "a long pattern scrolls: the line starts with '<'"
x=$(cursor_x)
[ "$x" -ge 70 ] && [ "$x" -le 79 ]
ok $? "the cursor stays on the screen at its end (column $x)"
term_keys Home
term_wait_re '^/a+'
ok $? "Home shows the start of the pattern again"
[ "$(cursor_x)" = 1 ]
ok $? "with the cursor after the prompt character"
term_keys Escape

# Keys gloss has no use for are ignored, however many: they are not
# taken for a terminal that went away (1000 empty reads end the reader).
# Right-to-left text in the prompt is shown in typing order, so the
# cursor goes where the arrow keys say.
term_keys / a b "$(printf '\327\220\327\221\327\222')"
term_wait "/ab$(printf '\327\220\327\221\327\222')"
ok $? "Hebrew typed in the prompt shows in typing order"
[ "$(cursor_x)" = 6 ]
ok $? "the cursor stands after it (column $(cursor_x))"
term_keys Left
sleep 0.3
[ "$(cursor_x)" = 5 ]
ok $? "Left moves the cursor one cell left (column $(cursor_x))"
term_keys Escape

term_keys g
term_wait "comment 1/5"
i=0
while [ $i -lt 12 ]; do
	term_keys IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC \
	    IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC \
	    IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC \
	    IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC \
	    IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC IC
	i=$((i + 1))
done
term_keys J
term_wait "comment 2/5"
ok $? "1200 Insert presses are ignored and the next key still works"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "q exits 0"

# C-c typed during a search through many comments stops the search (it
# is read between comments) and keeps the place; then q exits 0, not 130.
BIG=$TERM_TMP/many.txt
awk 'BEGIN { print "Title\n\nBody.\n\n20000 Comments\n"
	for (i = 1; i <= 20000; i++)
		printf "  %d. comment %d about the canal and its gate\n", i, i }' \
    >"$BIG"
term_start 80 24 "\"$GLOSS\" \"$BIG\""
term_wait "h help"
term_keys 2 J J
term_wait "comment 3/20000"
term_keys / n o w h e r e z z Enter C-c
term_wait "search interrupted"
ok $? "C-c during a long search interrupts it"
term_wait "comment 3/20000"
ok $? "the place is kept"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "and q still exits 0"

# A line or paragraph separator pasted into the one-line prompt (text
# copied from a web page) is dropped like the controls: it broke the
# prompt's line, and everything typed after it went unseen, the cursor
# left behind at the separator.
term_start 60 12 "LANG=C.UTF-8 \"$GLOSS\" \"$DOC\""
term_wait "h help"
term_keys / k e e "$(printf '\342\200\250')" p e r "$(printf '\342\200\251')" s
term_wait_re '^/keepers *$'
ok $? "U+2028 and U+2029 pasted into the prompt leave one line"
[ "$(cursor_x)" = 8 ]
ok $? "the cursor stands after what was typed (column $(cursor_x))"
term_keys Enter
term_wait "h help" >/dev/null
! grep -q "no match" "$TERM_TMP/screen"
ok $? "the pattern is searched and found"
term_keys q
term_wait "GLOSS-EXIT=0"

# Comments numbered in Persian digits (the parser takes them) are reached
# by typing their number in those digits too, or in ASCII digits.
printf 'Persian digits\n\nText.\n\n\333\262 Comments\n\n  \333\261. first\n\n  \333\262. second\n' \
    >"$TERM_TMP/fa.txt"
term_start 60 12 "LANG=C.UTF-8 \"$GLOSS\" \"$TERM_TMP/fa.txt\""
term_wait "h help"
term_keys 2
term_wait "comment 1/2"
term_keys : ۲ Enter
term_wait "comment 2/2"
ok $? ":۲ goes to comment ۲"
term_keys : 1 Enter
term_wait "comment 1/2"
ok $? ":1 goes to comment ۱"
term_keys : x Enter
term_wait "not a number"
ok $? ":x is not a number"
term_keys J
term_wait "comment 2/2"
term_keys : Space
term_until '[ "$(term_line 11)" = ":" ]'
term_keys Enter
term_wait "h help"
! grep -q "not a number" "$TERM_TMP/screen"
ok $? "an empty : closes the prompt with no complaint"
term_keys q
term_wait "GLOSS-EXIT=0"
term_widths_ok
ok $? "no line of $term_caps captured screens exceeds the screen width"
tap_done

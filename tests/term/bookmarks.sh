#!/bin/sh
# bookmarks.sh: marks, as in less. m and a letter marks the place the
# reader is at (the focused pane, each pane's top and selection); ' and
# the letter returns there, pushing the place it left (Backspace comes
# back); '' goes back like Backspace; a mark survives a resize; a key
# that is not a letter, or an unset mark, is reported; Esc cancels.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

doc="$TERM_TMP/marks.txt"
{
	printf 'Marking places\n\n'
	i=1
	while [ $i -le 40 ]; do
		printf 'Article paragraph P%dX, long enough to take a line or two of its own in a pane of eighty columns.\n' $i
		i=$((i + 1))
	done
	printf '\n20 thoughts on "Marking places"\n\n'
	i=1
	while [ $i -le 20 ]; do
		printf '  %d. Comment C%dX says something short.\n\n' $i $i
		i=$((i + 1))
	done
} >"$doc"

term_start 80 24 "$GLOSS" --layout=tabs "$doc"
term_wait "Marking places"
ok $? "opens"

tm send-keys 2 : 1 2 Enter
term_wait "comment 12/20"
tm send-keys m
term_wait "mark: type a letter"
ok $? "m asks for a letter"
tm send-keys a
term_wait "mark a set"
ok $? "m a sets mark a"
tm send-keys g
term_wait "comment 1/20"
tm send-keys "'" a
term_wait "comment 12/20"
ok $? "' a returns to the comment marked"
tm send-keys BSpace
term_wait "comment 1/20"
ok $? "Backspace goes back to where ' a left"

# A mark holds the focused pane and the article's place too.
tm send-keys 1 : 3 0 Enter
term_wait "P30X"
term_cap
top=$(term_line 1)
tm send-keys m B
term_wait "mark B set"
tm send-keys g 2 G
term_wait "comment 20/20"
tm send-keys "'" B
term_wait_re "^Article"
ok $? "' B focuses the Article pane again"
term_until '[ "$(term_line 1)" = "$top" ]'
ok $? "with the same line at the top ($top)"

# Marks survive a resize: the place is kept by its text.
tm send-keys 2 "'" a
term_wait "comment 12/20"
tm send-keys 1 g
term_wait_re "^Article.* 0%"
tm resize-window -x 50 -y 20
term_wait_re "^Article"
tm send-keys "'" B
term_wait "P30X"
ok $? "after a resize, ' B shows the marked paragraph"
tm resize-window -x 80 -y 24
term_wait_re "^Article"

# '' goes back, as Backspace does.
tm send-keys "'" "'"
term_wait_re "^Article.* 0%"
ok $? "'' goes back to the place before the last jump"

# Errors and cancelling.
tm send-keys "'" z
term_wait "no mark z"
ok $? "' z with no mark z says so"
tm send-keys m 1
term_wait "marks are letters"
ok $? "m 1 is refused: marks are letters"
tm send-keys 2 m Escape J
term_wait "comment 13/20"
ok $? "Esc cancels m, and the next key works as usual"
term_cap
! grep -q "mark" "$TERM_TMP/screen"
ok $? "no message is left about the mark"

tm send-keys q
term_wait "GLOSS-EXIT=0"
ok $? "q exits 0"
term_widths_ok
ok $? "no line of $term_caps captured screens exceeds the screen width"
tap_done

#!/bin/sh
# tests/term/tiny.sh: tiny and changing terminal sizes do not crash the
# reader; every key still works and q still quits cleanly.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$top_srcdir/share/sample.txt
[ -r "$DOC" ] || DOC=$top_srcdir/tests/data/tui.txt

for size in "10 3" "20 5" "4 2" "2 1" "1 2" "1 1"; do
	set -- $size
	term_start 80 24 "\"$GLOSS\" \"$DOC\""
	term_wait "h help"
	tm resize-window -x "$1" -y "$2"
	# Every pane, layout, zoom, help, search and scrolling at that size.
	for k in 2 J J 3 J w z j k G g Space b d u 1 J Enter BSpace h j h \
	    / x Enter n t 2 t p Tab BTab; do
		term_keys "$k"
	done
	# A prompt at the bottom left shows every key before it was read
	# at this size (at 1x1 that cell is the bottom-right one, which
	# curses does not paint: there the reader's answer is awaited with
	# a resize and the status line afterwards instead).
	r=0
	if [ "$1" -gt 1 ]; then
		term_keys :
		term_wait_re '^:'
		r=$?
		term_keys Escape
	fi
	tm resize-window -x 80 -y 24
	term_wait "h help" || r=1
	term_keys q
	term_wait "GLOSS-EXIT=0" || r=1
	ok $r "${1}x$2: keys at that size, back to 80x24, q exits 0"
done

# Resizing repeatedly while keys arrive.
term_start 120 40 "\"$GLOSS\" \"$DOC\""
term_wait "h help"
for s in "150 40" "30 6" "200 60" "9 3" "149 20" "151 20" "80 24"; do
	set -- $s
	tm resize-window -x "$1" -y "$2"
	term_keys j J 2 J
done
term_wait "comment "
r=$?
term_keys q
term_wait "GLOSS-EXIT=0" || r=1
ok $r "resizing while keys arrive: still running, q exits 0"
# On a narrow screen a message that does not fit after the position
# replaces it, so "no match" is seen.
term_start 30 8 "\"$GLOSS\" \"$DOC\""
term_wait "h help"
term_keys 2 / x y z z y Enter
term_wait "no match"
ok $? "30 columns: a failed search says no match"
term_keys j
term_wait_re "^Comments: comment"
ok $? "the next key brings the position back"
term_keys q
term_wait "GLOSS-EXIT=0"

# A tab bar too narrow for the pane names: the other tabs shrink to
# their digit and the focused tab's name is seen.
term_start 20 6 "\"$GLOSS\" --layout=tabs \"$DOC\""
term_wait "h help"
term_keys 3
term_until 'term_line 0 | grep -q "^ 1   2  \[3 Clauses"'
ok $? "20 columns, Clauses focused: ' 1   2  [3 Clauses' on the tab bar"
term_keys 2
term_until 'term_line 0 | grep -q "^ 1  \[2 Comments"'
ok $? "20 columns, Comments focused: its tab is seen"
term_keys q
term_wait "GLOSS-EXIT=0"

term_widths_ok
ok $? "no line of $term_caps captured screens exceeds the screen width"
tap_done

#!/bin/sh
# tests/term/hard_sizes.sh: the reader started at sizes from 1x1 to
# 400x120 on the sample document: it starts, survives every kind of key
# (scrolling, selection, focus, layout, zoom, help), draws nothing wider
# than the screen, and q exits with status 0.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"
. "$top_srcdir/tests/term/hard_lib.sh"

DOC=$top_srcdir/share/sample.txt
[ -r "$DOC" ] || skip_all "share/sample.txt not found"

for size in "1 1" "2 2" "10 3" "20 5" "40 10" "80 24" "132 43" "200 50" \
    "400 120"; do
	set -- $size
	w=$1 h=$2
	hard_start "$w" "$h" "$GLOSS" "$DOC"
	hard_wait_alt
	ok $? "${w}x$h: the reader starts (alternate screen on)"
	if [ "$w" -ge 20 ]; then
		term_wait "h help"
		ok $? "${w}x$h: the status line shows the help hint"
	fi
	r=0
	# In groups, each followed by a capture once gloss has read them.
	# (a digit right after a pane key would make a count: j between.)
	for keys in "j J G g" "2 j 3 J 1 j" "w z"; do
		term_keys $keys
		hard_idle || { diag "${w}x$h: not idle after $keys"; r=1; }
		hard_keep_now
	done
	hard_alive || r=1
	ok $r "${w}x$h: j J G g 2 j 3 J 1 j w z read, gloss still running"

	term_keys h
	hard_idle || r=1
	hard_keep_now
	if [ "$w" -ge 40 ] && [ "$h" -ge 10 ]; then
		grep -q "gloss keys" "$TERM_TMP/screen"
		ok $? "${w}x$h: h shows the help"
	fi
	# Help closes with q at some sizes and Escape at the others; then q
	# quits the reader.
	if [ $((w % 2)) -eq 0 ]; then
		term_keys q
	else
		term_keys Escape
	fi
	hard_idle || r=1
	hard_keep_now
	hard_alive
	ok $? "${w}x$h: closing the help leaves the reader running"
	if [ "$w" -ge 40 ] && [ "$h" -ge 10 ]; then
		! grep -q "gloss keys" "$TERM_TMP/screen"
		ok $? "${w}x$h: the help is gone"
	fi
	term_keys q
	s=$(hard_exit_status)
	[ "$s" = 0 ]
	ok $? "${w}x$h: q exits with status 0 (status $s)"
	[ "$(tm display-message -p '#{alternate_on}')" = 0 ]
	ok $? "${w}x$h: the alternate screen is left"
done

hard_widths_ok
ok $? "no line of $term_caps captured screens is wider than its screen"
tap_done

#!/bin/sh
# counts.sh: counts that begin with 1, 2 or 3 (the pane keys). In the
# Comments pane 12g selects comment 12 and 23g comment 23; 1 then g still
# focuses the Article pane and goes to its top; 2 Enter in Comments is a
# count (not a pane switch). A digit joins the pane key into a count only
# within 1 s (like vim's timeoutlen), so the test waits that long between
# commands, as a reader would.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

doc="$TERM_TMP/many.txt"
{
	printf 'Counting comments\n\nAn article paragraph about counting things.\n\n'
	printf '30 thoughts on "Counting comments"\n\n'
	i=1
	while [ $i -le 30 ]; do
		printf '  %d. This is comment number %d, marker C%dX.\n\n' $i $i $i
		i=$((i + 1))
	done
} >"$doc"

term_start 80 24 "$GLOSS" "$doc"
term_wait "Counting comments"
ok $? "opens"
tm send-keys 2
term_wait_re "comment 1/30"
ok $? "2 focuses the Comments pane"
sleep 1.2	# past the 1 s in which a digit after a pane key joins a count
tm send-keys 1 2 g
term_wait_re "comment 12/30"
ok $? "12g in the Comments pane selects comment 12"
sleep 1.2
tm send-keys 2 3 g
term_wait_re "comment 23/30"
ok $? "23g selects comment 23"
sleep 1.2
tm send-keys 3 0 g
term_wait_re "comment 30/30"
ok $? "30g selects comment 30"
sleep 1.2
tm send-keys 1
sleep 1.2
tm send-keys g
term_wait_re "^Article"
ok $? "1 then g focuses the Article pane"
tm send-keys q
term_wait "GLOSS-EXIT=0"
ok $? "q exits 0"
tap_done

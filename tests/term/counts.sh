#!/bin/sh
# counts.sh: counts and the pane keys 1 2 3. A pane key followed at once
# by a count works in the new pane (3 then 7g: clause 7); in the focused
# pane its own digit starts a count (2 then 25g in Comments: comment 25);
# :N Enter goes to item N in any pane, also when N starts with another
# pane's digit (:12 in Comments); a number beyond every item's is
# reported as typed, never wrapped around.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

doc="$TERM_TMP/many.txt"
{
	printf 'Counting comments\n\nAn article paragraph about counting things.\n\n'
	i=1
	while [ $i -le 12 ]; do
		printf '    %d- \330\271\330\261\330\250 . %d \342\200\223 translation of clause %d.\n' $i $i $i
		i=$((i + 1))
	done
	printf '\n30 thoughts on "Counting comments"\n\n'
	i=1
	while [ $i -le 30 ]; do
		printf '  %d. This is comment number %d, marker C%dX.\n\n' $i $i $i
		i=$((i + 1))
	done
} >"$doc"

term_start 80 24 "$GLOSS" "$doc"
term_wait "Counting comments"
ok $? "opens"
tm send-keys 3 7 g
term_wait_re "clause 7/12"
ok $? "3 then 7g selects clause 7"
tm send-keys 2 2 5 g
term_wait_re "comment 25/30"
ok $? "2 then 25g in the Comments pane selects comment 25"
tm send-keys : 1 2 Enter
term_wait_re "comment 12/30"
ok $? ":12 Enter in the Comments pane selects comment 12"
tm send-keys 3 : 1 1 Enter
term_wait_re "clause 11/12"
ok $? ":11 Enter in the Clauses pane selects clause 11"
tm send-keys : 4 2 9 4 9 6 7 2 9 7 Enter
term_wait "no clause 4294967297"
ok $? ":4294967297 is no clause (not clause 1, its value mod 2^32)"
term_wait_re "clause 11/12"
ok $? "and the selection stays"
tm send-keys 2 : 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 Enter
term_wait "no comment 999999999999999999999"
ok $? "a number too large for a long is reported as typed"
tm send-keys 1 g
term_wait_re "^Article"
ok $? "1 then g focuses the Article pane"
tm send-keys q
term_wait "GLOSS-EXIT=0"
ok $? "q exits 0"

# Numbers that are not positions: a gap, a repeat, a second table, a
# thread that starts at 5. The status line says the printed number when
# it differs from the position; a goto to a number the selection already
# has goes on to the next item with it (round to the first).
doc="$TERM_TMP/gaps.txt"
{
	printf 'Odd numbers\n\nAn article paragraph.\n\n'
	for i in 1 2 3 4 6 6; do
		printf '    %s- \330\271\330\261\330\250 . %s \342\200\223 row %s of one.\n' $i $i $i
	done
	printf '\nA paragraph between the tables.\n\n'
	for i in 1 2; do
		printf '    %s- \330\271\330\261\330\250 . %s \342\200\223 row %s of two.\n' $i $i $i
	done
	printf '\n3 thoughts on "Odd numbers"\n\n'
	for i in 5 6 7; do
		printf '  %s. Comment numbered %s.\n\n' $i $i
	done
} >"$doc"
term_start 80 24 "$GLOSS" "$doc"
term_wait "Odd numbers"
tm send-keys 3 6 g
term_wait "clause 6 (5/8)"
ok $? "3 then 6g: the first clause 6, shown as 6, fifth of eight"
tm send-keys 6 g
term_wait "clause 6/8"
ok $? "6g again: the second clause 6 (sixth: number and position agree)"
tm send-keys 6 g
term_wait "clause 6 (5/8)"
ok $? "and again: round to the first"
tm send-keys : 1 Enter
term_wait "clause 1/8"
ok $? ":1 selects the first table's clause 1 (number and position agree)"
tm send-keys : 1 Enter
term_wait "clause 1 (7/8)"
ok $? ":1 again reaches the second table's clause 1"
tm send-keys 2 6 g
term_wait "comment 6 (2/3)"
ok $? "2 then 6g: comment 6, second of three"
tm send-keys : 8 Enter
term_wait "no comment 8"
ok $? "a number no comment has is reported"
tm send-keys q
term_wait "GLOSS-EXIT=0"
ok $? "q exits 0"
tap_done

#!/bin/sh
# tests/term/hard_resize.sh: a storm of resizes with keys in between
# leaves the reader alive, responsive and drawn for the final size; a
# round trip through a smaller size keeps the selected comment at the top
# of the comments pane.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"
. "$top_srcdir/tests/term/hard_lib.sh"

DOC=$top_srcdir/share/sample.txt
[ -r "$DOC" ] || skip_all "share/sample.txt not found"

STORM=200
hard_quick && STORM=50
SEED=${GLOSS_TEST_SEED:-$$}
diag "storm of $STORM resizes, seed $SEED (set GLOSS_TEST_SEED to replay)"

# The storm: one line per step, "W H KEY" (KEY - for none).
awk -v n="$STORM" -v seed="$SEED" 'BEGIN {
	srand(seed)
	split("j J Space - -", keys, " ")
	for (i = 0; i < n; i++)
		printf "%d %d %s\n", 20 + int(rand() * 181), 5 + int(rand() * 56),
		    keys[1 + int(rand() * 5)]
}' >"$TERM_TMP/storm"

hard_start 80 24 "$GLOSS" "$DOC"
term_wait "h help"
ok $? "the reader starts at 80x24"

i=0
while read -r w h k; do
	hard_resize "$w" "$h"
	[ "$k" = - ] || term_keys "$k"
	i=$((i + 1))
	# Now and then a capture (whatever state the screen is in).
	[ $((i % 25)) -eq 0 ] && hard_keep_now
done <"$TERM_TMP/storm"
hard_resize 100 30
hard_idle
ok $? "after $STORM resizes gloss has read every key and waits for more"
hard_alive
ok $? "gloss is still running"

# Drawn for 100x30: 30 lines, the status line last with the help hint
# at its right end.
term_until '[ "$(wc -l <"$TERM_TMP/screen")" -eq 30 ] &&
    term_line 29 | grep -q "h help *$" &&
    [ "$(term_line 29 | "$CELLWIDTH" -m)" -eq 100 ]'
ok $? "the screen is drawn for the final 100x30 (status line at the bottom)"

term_keys 2 g
term_wait "comment 1/"
ok $? "responsive: 2 g selects comment 1"
term_keys J
term_wait "comment 2/"
ok $? "responsive: J selects comment 2"
hard_widths_ok
ok $? "no line of $term_caps captured screens is wider than its screen"
term_keys q
s=$(hard_exit_status)
[ "$s" = 0 ]
ok $? "q exits with status 0 after the storm (status $s)"

# The comment at the top of the comments pane: the first "#N" on the
# line under the pane's heading (or under the tab bar).
top_comment() {
	sed -n '/Comments/{n;p;q;}' "$TERM_TMP/screen" |
	    grep -o '#[0-9][0-9]*' | head -n 1
}

hard_start 200 50 "$GLOSS" "$DOC"
term_wait "h help"
# J four times, not 5g: a digit that follows the pane key 2 within a
# second makes it the count 25 (by design, see tui_key).
term_keys 2
term_wait "comment 1/"
term_keys J J J J
term_wait "comment 5/"
r=$?
t=$(top_comment)
[ "$t" = "#5" ] || r=1
ok $r "200x50: 2 J J J J selects comment 5 and shows it at the top (top: $t)"
for size in "80 24" "200 50"; do
	set -- $size
	hard_resize "$1" "$2"
	term_until '[ "$(wc -l <"$TERM_TMP/screen")" -eq '"$2"' ] &&
	    term_line '"$(($2 - 1))"' | grep -q "h help *$" &&
	    [ "$(term_line '"$(($2 - 1))"' | "$CELLWIDTH" -m)" -eq '"$1"' ]'
	r=$?
	grep -q "comment 5/" "$TERM_TMP/screen" || r=1
	t=$(top_comment)
	[ "$t" = "#5" ] || r=1
	ok $r "resized to ${1}x$2: comment 5 still selected and at the top (top: $t)"
done
term_keys q
s=$(hard_exit_status)
[ "$s" = 0 ]
ok $? "q exits with status 0 (status $s)"
hard_widths_ok
ok $? "no line of $term_caps captured screens is wider than its screen"
tap_done

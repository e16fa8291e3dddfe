#!/bin/sh
# tests/term/thread.sh: the threaded view (t) shows each comment followed
# by its replies. In the document below comment 4 quotes comment 1 and
# comment 3 quotes comment 2 (so 4 replies to 1, 3 to 2): threaded, the
# pane shows 1, 4, 2, 3 with the replies indented; J and K, search (n),
# a goto, Enter, p, r, Backspace, the hint, a mouse click and Enter from
# the article all go by what is on screen, while the status line keeps
# each comment's place in the document ("comment 4/4"); t again restores
# the document order, keeping the selected comment selected and in view.
# A thread in parts is reordered within each part.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$TERM_TMP/tide.txt
{
	printf 'Tide Tables\n\n'
	printf 'The harbour master posts the tide tables on the door of the customs house every Monday morning.\n\n'
	printf '4 thoughts on \342\200\234Tide Tables\342\200\235\n\n'
	printf '  1. The ferry to the island leaves an hour earlier whenever the spring tide comes in.\n\n'
	printf '  2. My grandmother kept her own tables in a notebook with a green cloth cover.\n\n'
	printf '  3. \342\200\234kept her own tables in a notebook with a green cloth cover\342\200\235 \342\200\224 mine did the same, in pencil.\n\n'
	printf '  4. \342\200\234leaves an hour earlier whenever the spring tide comes in\342\200\235 \342\200\224 not in winter, when the green lamp is out. And \342\200\234posts the tide tables on the door of the customs house\342\200\235 is true only in summer.\n'
} >"$DOC"

# The comment numbers of the header lines on screen, in order ("1 4 2 3").
shown() {
	grep -oE '^(│|x)? *#[0-9]+' "$TERM_TMP/screen" | grep -oE '[0-9]+$' |
	    tr '\n' ' ' | sed 's/ $//'
}
# The comment whose header line is in reverse video (the selection).
selected() {
	tm capture-pane -p -e | grep "$(printf '\033')\[[0-9;]*7m" |
	    grep -oE '#[0-9]+' | head -n 1
}
# The text of the lines with the selection bar (the selected comment).
barred() {
	grep -E '^(│|x)' "$TERM_TMP/screen"
}

term_start 80 40 "TERM=xterm-256color \"$GLOSS\" \"$DOC\""
term_wait "h help"
term_keys 2
term_wait "r: reply #4"
ok $? "comment 1 offers its reply once the links are found"
term_keys t
term_wait "threaded view"
r=$?
[ "$(shown)" = "1 4 2 3" ] || { r=1; diag "shown: $(shown)"; }
ok $r "threaded, the pane shows comments 1, 4, 2, 3"
grep -E -q '^(│|x| )#1' "$TERM_TMP/screen" &&
    grep -E -q '^(│|x| )  #4  ' "$TERM_TMP/screen" &&
    grep -E -q '^(│|x| )#2' "$TERM_TMP/screen" &&
    grep -E -q '^(│|x| )  #3  ' "$TERM_TMP/screen"
ok $? "the replies are indented, the others not"
grep -q "comment 1/4" "$TERM_TMP/screen"
ok $? "comment 1 is still selected"

term_keys J
term_wait "comment 4/4"
ok $? "J goes from comment 1 to its reply, comment 4 (its own place: 4/4)"
[ "$(selected)" = "#4" ]
ok $? "comment 4 is the one shown selected"
term_wait "Enter: quote from #1"
ok $? "the hint is comment 4's"
term_keys J
term_wait "comment 2/4"
ok $? "J then goes to comment 2"
term_keys J
term_wait "comment 3/4"
ok $? "and then to comment 3"
[ "$(selected)" = "#3" ]
ok $? "comment 3 is the one shown selected"
term_keys K K
term_wait "comment 4/4"
ok $? "K K goes back to comment 4"
term_keys 2 J
term_wait "comment 3/4"
ok $? "a count: 2J from comment 4 goes to comment 3"

term_keys : 4 Enter
term_wait "comment 4/4"
ok $? ":4 selects comment 4"
term_keys Enter
term_wait "comment 1/4"
r=$?
term_line 1 | grep -q "The ferry" || r=1
ok $r "Enter on comment 4 shows the comment it quotes, comment 1"
term_keys r
term_wait "comment 4/4"
r=$?
[ "$(selected)" = "#4" ] || r=1
ok $r "r on comment 1 selects its reply, comment 4"
term_keys BSpace
term_wait "comment 1/4"
ok $? "Backspace returns to comment 1"
term_keys 4 g
term_wait "comment 4/4"
term_keys p
term_wait "comment 1/4"
ok $? "p on comment 4 selects comment 1"
term_keys g
term_wait "comment 1/4"

# Search steps through the comments as they are shown: "green" is in
# comments 2, 3 and 4.
term_keys / g r e e n Enter
term_wait "comment 4/4"
ok $? "a search from comment 1 finds comment 4 first"
term_keys n
term_wait "comment 2/4"
ok $? "n then finds comment 2"
term_keys n
term_wait "comment 3/4"
ok $? "and then comment 3"
term_keys n
term_wait "search wrapped"
r=$?
grep -q "comment 4/4" "$TERM_TMP/screen" || r=1
ok $r "and wraps to comment 4"
term_keys N
term_wait "comment 3/4"
ok $? "N goes back to comment 3"

# A click selects the comment clicked on.
term_keys g
term_wait "comment 1/4"
row=$(grep -nE '^(│|x| )#2' "$TERM_TMP/screen" | head -n 1 | cut -d: -f1)
printf '\033[<0;6;%sM\033[<0;6;%sm' "$row" "$row" >"$TERM_TMP/click"
tm load-buffer "$TERM_TMP/click" && tm paste-buffer >/dev/null 2>&1
term_wait "comment 2/4"
r=$?
[ "$(selected)" = "#2" ] || r=1
ok $r "a click on comment 2's line selects comment 2"

# Back to the document order: the selection stays.
term_keys t
term_wait "flat view"
r=$?
[ "$(shown)" = "1 2 3 4" ] || { r=1; diag "shown: $(shown)"; }
ok $r "t again shows the document order"
grep -q "comment 2/4" "$TERM_TMP/screen" && [ "$(selected)" = "#2" ]
ok $? "comment 2 is still selected"
term_keys J
term_wait "comment 3/4"
ok $? "J goes to comment 3 in the document order"

# The article's paragraph is quoted by comment 4: Enter there selects
# comment 4 in the threaded view too.
term_keys t
term_wait "threaded view"
term_keys 1 J
term_wait "Enter: quoted by #4"
term_keys Enter
term_wait "comment 4/4"
r=$?
barred | grep -q "only in summer" || r=1
ok $r "Enter on the quoted paragraph selects comment 4"
# The jump list keeps comments, not places: after t, Backspace still
# comes back to comment 4 (from the paragraph's Enter to comment 1).
term_keys Enter
term_wait "comment 1/4"
term_keys t
term_wait "flat view"
term_keys BSpace
term_wait "comment 4/4"
r=$?
barred | grep -q "only in summer" || r=1
ok $r "after t, Backspace returns to comment 4, not to the place it had"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "q quits"

# A thread in two parts: each part is reordered by itself under its
# header. Pingback 1 quotes comment 1 of the first part (its parent) and
# stays first in its own part, not indented; pingback 3 replies to it.
PARTS=$TERM_TMP/parts.txt
{
	printf 'Parts\n\nAn article about rivers.\n\n3 thoughts on "Parts"\n\n'
	printf '  1. The old mill by the river turned its wheel for two hundred years without stopping.\n\n'
	printf '  2. A second remark, about the bridge.\n\n'
	printf '  3. \342\200\234turned its wheel for two hundred years without stopping\342\200\235 and then it stopped.\n\n'
	printf '3 Pingbacks\n\n'
	printf '  1. Pingback: Elsewhere: the old mill by the river turned its wheel for two hundred years without stopping, says a diary kept in the town library.\n\n'
	printf '  2. Pingback: A blog with nothing to quote.\n\n'
	printf '  3. Pingback: Further: \342\200\234a diary kept in the town library\342\200\235 is real, I have read it.\n'
} >"$PARTS"
term_start 80 40 "TERM=xterm-256color \"$GLOSS\" \"$PARTS\""
term_wait "h help"
term_keys 2
term_wait "r: reply #3"
term_keys t
term_wait "threaded view"
r=$?
seq=$(grep -oE '^(│|x)? *(#[0-9]+|3 Pingbacks)' "$TERM_TMP/screen" |
    sed 's/^[│x ]*//' | tr '\n' ' ' | sed 's/ $//')
[ "$seq" = "#1 #3 #2 3 Pingbacks #1 #3 #2" ] || { r=1; diag "shown: $seq"; }
ok $r "two parts: each reordered under its own header"
grep -E -q '^(│|x| )#1  ↳ reply to #1' "$TERM_TMP/screen"
ok $? "a reply to a comment of an earlier part is not indented"
term_keys J J J
term_wait "comment 1 (4/6)"
ok $? "J three times from comment 1 reaches the first pingback"
term_keys J
term_wait "comment 3 (6/6)"
ok $? "and J then to the pingback's reply"
term_keys q
term_wait "GLOSS-EXIT=0"

# A long thread on a short screen: t keeps the selected comment on
# screen (it moves from near the end to near the start and back).
LONG=$TERM_TMP/long.txt
{
	printf 'Long\n\nAn article.\n\n40 thoughts on "Long"\n\n'
	printf '  1. The first comment says that the river rose above the old stone wall last night.\n\n'
	i=2
	while [ $i -le 39 ]; do
		printf '  %d. Comment number %d is a plain remark.\n\n' $i $i
		i=$((i + 1))
	done
	printf '  40. \342\200\234the river rose above the old stone wall last night\342\200\235 and it did.\n'
} >"$LONG"
term_start 80 12 "TERM=xterm-256color \"$GLOSS\" \"$LONG\""
term_wait "h help"
term_keys 2 G
term_wait "comment 40/40"
term_wait "Enter: quote from #1"
term_keys t
term_wait "threaded view"
r=$?
grep -q "comment 40/40" "$TERM_TMP/screen" || r=1
[ "$(selected)" = "#40" ] || r=1
ok $r "t on the last comment keeps it selected and on screen (now second)"
term_keys t
term_wait "flat view"
r=$?
grep -q "comment 40/40" "$TERM_TMP/screen" || r=1
[ "$(selected)" = "#40" ] || r=1
ok $r "and t back keeps it selected and on screen (last again)"
term_keys q
term_wait "GLOSS-EXIT=0"

term_widths_ok
ok $? "no line of $term_caps captured screens exceeds the screen width"
tap_done

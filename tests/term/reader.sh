#!/bin/sh
# tests/term/reader.sh: the reader in tmux at three sizes: panes, comment
# and clause selection, the clause reference jump and back, search, resize
# keeping the place, quitting, and that nothing drawn exceeds the screen.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$top_srcdir/share/sample.txt
[ -r "$DOC" ] || DOC=$top_srcdir/tests/data/tui.txt
SEED=$(seed_path)

# First three words of comment N of a document, from the file itself.
first_words() {
	sed -n "s/^  $2\. //p" "$1" | head -n 1 | awk '{ print $1, $2, $3 }'
}

# Select the article block whose Enter goes to the clauses (J until the
# status line says so), at most 80 presses.
select_reference() {
	n=0
	while [ $n -lt 80 ]; do
		term_cap
		grep -q 'Enter: clauses' "$TERM_TMP/screen" && return 0
		cp "$TERM_TMP/screen" "$TERM_TMP/before"
		term_keys J
		term_wait_change >/dev/null || return 1
		n=$((n + 1))
	done
	return 1
}

run_size() {	# run_size W H DOC LABEL
	w=$1 h=$2 doc=$3 label=$4
	term_start "$w" "$h" "\"$GLOSS\" \"$doc\""
	term_wait "h help"
	ok $? "$label ${w}x$h: reader starts"
	title=$(head -n 1 "$doc" | cut -c1-20)
	grep -F -q -- "$title" "$TERM_TMP/screen"
	ok $? "$label ${w}x$h: the title is shown"

	term_keys 2
	term_wait "comment 1/"
	ok $? "$label ${w}x$h: 2 focuses the comments"
	term_keys J J J
	term_wait "comment 4/"
	ok $? "$label ${w}x$h: J three times selects comment 4"
	words=$(first_words "$doc" 4)
	top=$(term_line 1)
	second=$(sed -n '2,4p' "$TERM_TMP/screen")
	case "$top" in *"#4"*) r=0 ;; *) r=1 ;; esac
	echo "$second" | grep -F -q -- "$words" || r=1
	ok $r "$label ${w}x$h: comment 4 (\"$words\") is at the top"

	term_keys 3
	term_wait "clause 1/"
	ok $? "$label ${w}x$h: 3 focuses the clauses"
	term_keys 7 g
	term_wait "clause 7/"
	r=$?
	row=$(grep -A1 'Original.*Translation' "$TERM_TMP/screen" | sed -n 2p)
	echo "$row" | grep -E -q '│ *7 ' || r=1
	ok $r "$label ${w}x$h: 7g shows clause 7 first"
	res=$("$PYTHON3" "$TERM_TMP/cells.py" rulecheck "$TERM_TMP/screen")
	case "$res" in ok*) r=0 ;; *) r=1; diag "rule: $res" ;; esac
	ok $r "$label ${w}x$h: the clause rule is at one column on every row"

	term_keys 1 g
	term_wait "Article"
	select_reference
	ok $? "$label ${w}x$h: J reaches the clause reference"
	term_keys Enter
	term_wait "clause 1/"
	ok $? "$label ${w}x$h: Enter on the reference focuses clause 1"
	term_keys BSpace
	term_wait "Enter: clauses"
	ok $? "$label ${w}x$h: Backspace returns to the reference"

	term_keys q
	term_wait "GLOSS-EXIT=0"
	r=$?
	grep -q "h help" "$TERM_TMP/screen" && r=1
	ok $r "$label ${w}x$h: q quits and restores the screen"
}

for size in "80 24" "100 30" "200 50"; do
	set -- $size
	run_size "$1" "$2" "$DOC" sample
	if [ -n "$SEED" ]; then
		run_size "$1" "$2" "$SEED" seed
	fi
done

# Search in the seed (or the sample): n moves to another match, N back.
if [ -n "$SEED" ]; then
	SDOC=$SEED PAT=Maliki
else
	SDOC=$DOC PAT=canal
fi
term_start 80 24 "\"$GLOSS\" \"$SDOC\""
term_wait "h help"
term_keys /
term_keys -l "$PAT"
term_keys Enter
# The pattern is on the prompt line before Enter is read: wait for it
# on the screen with the prompt gone.
term_until 'grep -q "$PAT" "$TERM_TMP/screen" &&
    ! tail -n 1 "$TERM_TMP/screen" | grep -q "^/"'
ok $? "search /$PAT: a match is shown"
cp "$TERM_TMP/screen" "$TERM_TMP/first"
cp "$TERM_TMP/screen" "$TERM_TMP/before"
term_keys n
term_wait_change
r=$?
grep -q "$PAT" "$TERM_TMP/screen" || r=1
ok $r "search: n moves to the next match"
cp "$TERM_TMP/screen" "$TERM_TMP/before"
term_keys N
term_wait_change
cmp -s "$TERM_TMP/screen" "$TERM_TMP/first"
ok $? "search: N returns to the previous match"
term_keys / z q x j z q x j Enter
term_wait "no match"
ok $? "search: a missing pattern says no match"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "search: q quits"

# Resize 200x50 -> 80x24 -> 200x50 keeps the paragraph at the top.
term_start 200 50 "\"$GLOSS\" \"$DOC\""
term_wait "h help"
term_keys J J J J
term_wait "Article ¶4 "
words=$(term_line 1 | sed 's/^[^A-Za-z0-9]*//' | awk '{ print $1, $2, $3 }')
tm resize-window -x 80 -y 24
TERM_W=80
term_until 'term_line 0 | grep -q "^\[1 Article\]" &&
    term_line 1 | grep -F -q -- "$words"'
ok $? "resize to 80x24 keeps \"$words\" at the top"
tm resize-window -x 200 -y 50
TERM_W=200
term_until 'term_line 0 | grep -q "1 Article  " &&
    term_line 1 | grep -F -q -- "$words"'
ok $? "resize back to 200x50 keeps it at the top"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "resize: q quits"

# Resize inside a comment whose long first paragraph wraps to many more
# lines at a narrow width than its short later ones: the line at the top
# stays there, and a round trip of resizes comes back to it exactly.
{
	printf 'Resize inside a comment\n\nAn article.\n\n2 Comments\n\n'
	printf '  1.'
	i=1
	while [ $i -le 24 ]; do
		printf ' Sentence %d of a long opening paragraph, by a reader' $i
		printf ' with a lot to say about the drafting group.'
		i=$((i + 1))
	done
	printf '\n'
	i=1
	while [ $i -le 40 ]; do
		printf '\n    Point %d: short.\n' $i
		i=$((i + 1))
	done
	printf '\n  2. Second comment.\n'
} >"$TERM_TMP/points.txt"
term_start 80 24 "\"$GLOSS\" \"$TERM_TMP/points.txt\""
term_wait "h help"
term_keys 2 / P o i n t Space 3 0 : Enter
term_until 'term_line 1 | grep -q "Point 30:"'
ok $? "resize in a comment: the search puts Point 30 at the top"
r=0
for size in "50 20" "80 24" "160 48" "50 20" "80 24"; do
	set -- $size
	tm resize-window -x "$1" -y "$2"
	TERM_W=$1
	# Drawn for the new size: the status line ends in its last cell.
	if ! term_until 'tail -n 1 "$TERM_TMP/screen" >"$TERM_TMP/status" &&
	    [ "$("$PYTHON3" "$TERM_TMP/cells.py" maxwidth \
	    "$TERM_TMP/status")" -eq "$TERM_W" ] &&
	    term_line 1 | grep -q "Point 30:"'; then
		diag "at $size the top is: $(term_line 1)"
		r=1
	fi
done
ok $r "resizes 50x20, 80x24, 160x48, 50x20, 80x24 keep Point 30 at the top"
# The jump list keeps the text too: back after a resize is where it was.
term_keys : 2 Enter
term_wait "comment 2/2"
tm resize-window -x 50 -y 20
TERM_W=50
term_until 'tail -n 1 "$TERM_TMP/screen" >"$TERM_TMP/status" &&
    [ "$("$PYTHON3" "$TERM_TMP/cells.py" maxwidth \
    "$TERM_TMP/status")" -eq 50 ]'
term_keys BSpace
term_until 'term_line 1 | grep -q "Point 30:"'
ok $? "Backspace after a resize returns to Point 30"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "resize in a comment: q quits"

# Terminal types.
for t in xterm-256color screen-256color tmux-256color linux vt100; do
	if ! infocmp "$t" >/dev/null 2>&1; then
		diag "no terminfo for $t"
		continue
	fi
	term_start 80 24 "TERM=$t \"$GLOSS\" \"$DOC\""
	term_wait "h help"
	r=$?
	term_keys 2 J 3
	term_wait "clause 1/" || r=1
	term_keys q
	term_wait "GLOSS-EXIT=0" || r=1
	ok $r "TERM=$t: starts, moves and quits"
done

term_widths_ok
ok $? "no line of $term_caps captured screens exceeds the screen width"
tap_done

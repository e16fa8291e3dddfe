#!/bin/sh
# tests/term/heading.sh: the Clauses pane draws every row of the clause
# table's heading that layout gives, as --dump prints it: at narrow widths
# "Original" and "Translation" wrap over two or three rows (only the first
# was drawn, and the table began under it). The table follows the last
# heading row; a pane too short for the whole heading keeps one table row.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$top_srcdir/share/sample.txt

# heading_of FILE: the heading rows of a --dump --pane=clauses (after
# "Clauses: N" and a blank line, up to the first clause row).
heading_of() {
	sed -n '3,$p' "$1" | sed '/^[0-9 ]*[0-9]/,$d' | sed 's/ *$//'
}
# screen_rows FIRST N: rows FIRST.. of the screen, the selection column
# dropped, the rule as in the dump, trailing blanks removed.
screen_rows() {
	sed -n "$(($1 + 1)),$(($1 + $2))p" "$TERM_TMP/screen" |
	    sed 's/^.//; s/│/|/g; s/ *$//'
}

# One pane at a time (narrow): the pane's text is 2 cells narrower than
# the terminal (selection column and the column before the scroll edge).
for w in 16 26; do
	"$GLOSS" --dump --pane=clauses --width $((w - 2)) "$DOC" >"$TERM_TMP/dump"
	heading_of "$TERM_TMP/dump" >"$TERM_TMP/want"
	n=$(wc -l <"$TERM_TMP/want")
	term_start "$w" 14 "\"$GLOSS\" \"$DOC\""
	term_wait "h help"
	term_keys 3
	term_wait "Claus"
	screen_rows 1 "$n" >"$TERM_TMP/got"
	cmp -s "$TERM_TMP/got" "$TERM_TMP/want"
	r=$?
	[ $r -eq 0 ] || { diag "want:"; sed 's/^/#   /' "$TERM_TMP/want"; diag "got:"; sed 's/^/#   /' "$TERM_TMP/got"; }
	ok $r "${w} columns: the heading's $n rows are drawn as --dump prints them"
	screen_rows $((1 + n)) 1 | grep -q '^1 (no'
	ok $? "${w} columns: the first clause row follows the heading"
	term_keys q
	term_wait "GLOSS-EXIT=0"
	ok $? "${w} columns: q exits 0"
done

# A pane of three rows: two of the heading's three, then one table row.
term_start 16 5 "\"$GLOSS\" \"$DOC\""
term_wait "h help"
term_keys 3
term_until 'term_line 3 | grep -q "^.1 (no"'
ok $? "a pane of 3 rows: the heading leaves one row to the table"
screen_rows 1 2 | tr '\n' ' ' | grep -q 'Orig | Trans  *inal | latio'
ok $? "a pane of 3 rows: the heading's first two rows above it"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "q exits 0"
tap_done

#!/bin/sh
# tests/term/links.sh: following quote links in the reader (tests/data/
# tui.txt: comment 1 quotes article paragraph 2, comment 5 quotes comment
# 2 and replies to it): Enter on a comment goes to the quoted source with
# the passage highlighted, Enter on a quoted paragraph goes to the first
# comment quoting it, p selects the parent, r a reply, t indents
# replies, Backspace returns; a quote of a clause's Arabic original opens
# that clause with the passage highlighted; accent-insensitive search;
# help and mouse (the wheel in the help too).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$top_srcdir/tests/data/tui.txt

term_start 80 24 "TERM=xterm-256color \"$GLOSS\" \"$DOC\""
term_wait "h help"
term_keys 2 5 g
term_wait "comment 5/5"
ok $? "5g selects comment 5"
term_wait "Enter: quote from #2"
ok $? "the status line says what Enter would do"
term_keys Enter
term_wait "comment 2/5"
r=$?
# The quoted passage is highlighted at its source (a background colour
# or reverse video on the source text).
tm capture-pane -p -e | grep 'Every two' | grep -q "$(printf '\033')\[\(4[0-8]\|7\|[0-9;]*;7\)"
[ $? -eq 0 ] || r=1
ok $r "Enter on comment 5 shows comment 2 with the passage highlighted"
term_keys BSpace
term_wait "comment 5/5"
ok $? "Backspace returns to comment 5"
term_keys p
term_wait "comment 2/5"
ok $? "p selects the comment it replies to"
term_keys C-o
term_wait "comment 5/5"
ok $? "C-o goes back as well"
term_keys p
term_wait "r: reply #5"
ok $? "on comment 2, which quotes nothing, the status line offers its reply"
term_keys r
term_wait "comment 5/5"
ok $? "r on comment 2 selects its reply, comment 5"
term_keys r
term_wait "no comment replies to this one"
ok $? "r on a comment nobody replies to says so"
term_keys p 2 r
term_wait "this comment has 1 reply"
ok $? "2r on a comment with one reply says how many it has"
term_keys r
term_wait "comment 5/5"
term_keys t
term_wait "threaded view"
r=$?
grep -E -q '^(│|x)  #5' "$TERM_TMP/screen" || r=1
ok $r "t indents a reply under its parent"
term_keys t 1 g

term_keys 1 : 2 Enter
term_wait "Enter: quoted by #1"
ok $? ":2 in the article selects the quoted paragraph"
term_keys Enter
term_wait "comment 1/5"
ok $? "Enter on a quoted paragraph opens the first comment quoting it"
term_keys Enter
term_wait_re 'Article .2 '
ok $? "Enter on comment 1 goes back to paragraph 2 in the article"

# Accent- and case-insensitive search, in the comments pane.
term_keys 2 / M A R I G O L D S Enter
term_wait "no match"
ok $? "a pattern with capitals matches case"
term_keys / m a r i g o l d s Enter
term_wait "comment 4/5"
ok $? "a lower-case pattern ignores case"
term_keys Escape
term_keys g / a t Space s e a Enter
term_wait "comment 5/5"
ok $? "search finds text in a later comment"

# Accents: a plain pattern finds the word with a diaeresis.
term_keys 1 g / c o o p e r a t e Enter
term_wait_re 'Article .1 '
r=$?
tm capture-pane -p -e | grep 'co.perate' | grep -q "$(printf '\033')\[[0-9;]*\(4[0-7]\|7\)m"
[ $? -eq 0 ] || r=1
ok $r "an accent-free pattern finds and highlights \"coöperate\""

# Help comes from the key table; Esc/q closes it.
term_keys h
term_wait "go back along the jump list"
ok $? "h shows the help"
term_keys q
term_until '! grep -q "go back along the jump list" "$TERM_TMP/screen" &&
    tail -n 1 "$TERM_TMP/screen" | grep -q "^Article"'
ok $? "q closes the help, not the reader"

# Mouse: a click on the third tab focuses the clauses.
# (xterm's SGR mouse report, typed into the pane as raw input)
printf '\033[<0;34;1M\033[<0;34;1m' >"$TERM_TMP/click"
tm load-buffer "$TERM_TMP/click" && tm paste-buffer >/dev/null 2>&1
term_wait "clause 1/8"
ok $? "a click on a tab focuses that pane"

term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "q quits"

# Mouse: the wheel scrolls the pane under the pointer (a short screen so
# the article does not fit).
term_start 80 12 "TERM=xterm-256color \"$GLOSS\" \"$DOC\""
term_wait "Article 0%"
cp "$TERM_TMP/screen" "$TERM_TMP/first"
cp "$TERM_TMP/screen" "$TERM_TMP/before"
printf '\033[<65;10;5M' >"$TERM_TMP/wheel"
tm load-buffer "$TERM_TMP/wheel" && tm paste-buffer >/dev/null 2>&1
term_wait_change
r=$?
grep -q '^\[1 Article\]' "$TERM_TMP/screen" || r=1
ok $r "the mouse wheel scrolls the article down"
cp "$TERM_TMP/screen" "$TERM_TMP/before"
printf '\033[<64;10;5M' >"$TERM_TMP/wheel"
tm load-buffer "$TERM_TMP/wheel" && tm paste-buffer >/dev/null 2>&1
term_until 'term_line 1 | grep -q "The lighthouse keepers"'
ok $? "and back up to the title"
# The wheel scrolls the help screen too (it did nothing there).
term_keys h
term_wait "gloss keys"
cp "$TERM_TMP/screen" "$TERM_TMP/before"
printf '\033[<65;10;5M' >"$TERM_TMP/wheel"
tm load-buffer "$TERM_TMP/wheel" && tm paste-buffer >/dev/null 2>&1
term_wait_change
r=$?
term_line 0 | grep -q "gloss keys" || r=1
term_line 1 | grep -q "A count typed" && r=1
grep -q "scroll down one line" "$TERM_TMP/screen" && r=1
ok $r "the mouse wheel scrolls the help down"
printf '\033[<64;10;5M' >"$TERM_TMP/wheel"
tm load-buffer "$TERM_TMP/wheel" && tm paste-buffer >/dev/null 2>&1
term_until 'term_line 1 | grep -q "A count typed"'
ok $? "and back up to its first line"
term_keys q
term_until '! grep -q "gloss keys" "$TERM_TMP/screen"'
ok $? "q closes the help"
term_keys q
term_wait "GLOSS-EXIT=0"
# No file on a terminal: the built-in welcome tour.
term_start 100 30 "\"$GLOSS\""
term_wait "Welcome to gloss"
ok $? "without a file the welcome tour opens"
term_keys 3
term_wait "clause 1/4"
ok $? "the tour has a clause table"
term_keys q
term_wait "GLOSS-EXIT=0"

# NO_COLOR: no colours, the focused tab still stands out (reverse).
term_start 80 24 "NO_COLOR=1 \"$GLOSS\" \"$DOC\""
term_wait "h help"
tm capture-pane -p -e >"$TERM_TMP/esc"
r=0
grep -q "$(printf '\033')\[[0-9;]*3[0-7]m" "$TERM_TMP/esc" && r=1
grep -q "$(printf '\033')\[[0-9;]*4[0-7]m" "$TERM_TMP/esc" && r=1
ok $r "NO_COLOR: no colours are used"
head -n 1 "$TERM_TMP/esc" | grep -q "$(printf '\033')\[[0-9;]*7m\[1 Article"
ok $? "NO_COLOR: the focused tab is in reverse video"
term_keys q
term_wait "GLOSS-EXIT=0"

# A configuration file: a binding applies, a bad line is reported with its
# number in the status line, and gloss still starts.
mkdir -p "$TERM_TMP/cfg/gloss"
printf 'bind x quit\nset layout tabs\nfrobnicate now\n' \
    >"$TERM_TMP/cfg/gloss/config"
term_start 200 30 "XDG_CONFIG_HOME=\"$TERM_TMP/cfg\" \"$GLOSS\" \"$DOC\""
term_wait "config:3: unknown command"
ok $? "config: the bad line is reported with its number"
term_wait_re '^\[1 Article\]'
ok $? "config: set layout tabs applies on a wide terminal"
term_keys x
term_wait "GLOSS-EXIT=0"
ok $? "config: bind x quit applies"

# Invalid UTF-8 is reported once in the status line.
# (UTF-8 text with two bad bytes: a file with no valid multi-byte
# sequence at all would be read as Latin-1 instead.)
{
	printf 'Bytes \342\200\234here\342\200\235 \377 now\n\n'
	printf 'A paragraph with a second bad byte: \300 and no more.\n'
} >"$TERM_TMP/bad.txt"
term_start 80 24 "\"$GLOSS\" \"$TERM_TMP/bad.txt\""
term_wait "2 invalid byte sequences shown as"
ok $? "invalid bytes are reported on open"
term_keys j
term_wait_re "Article [0-9]+%  *Bytes"
ok $? "the report goes away after the next key"
term_keys q
term_wait "GLOSS-EXIT=0"

# An empty (or blank) file opens, says so, and quits normally.
printf '\n  \n\t\n' >"$TERM_TMP/blank.txt"
term_start 80 24 "\"$GLOSS\" \"$TERM_TMP/blank.txt\""
term_wait "empty document"
ok $? "an empty document is reported on open"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "an empty document quits with status 0"

# A quote of a clause's Arabic original: Enter opens the Clauses pane at
# that clause with the passage highlighted (a background colour: the
# selected row itself is in reverse video) in the original's column, left
# of the rule, before the translation's words. The Arabic, written for
# this test, says "build a new bridge over the great river before the end
# of winter".
ar='\330\250\331\206\330\247\330\241 \330\254\330\263\330\261 \330\254\330\257\331\212\330\257 \331\201\331\210\331\202 \330\247\331\204\331\206\331\207\330\261 \330\247\331\204\331\203\330\250\331\212\330\261 \331\202\330\250\331\204 \331\206\331\207\330\247\331\212\330\251 \330\247\331\204\330\264\330\252\330\247\330\241'
printf "Bridge\n\nA short article about a river.\n\n    1- \331\212\330\255\331\202 $ar . 1 \342\200\223 Yes.\n    2- \331\212\330\255\331\202 . 2 \342\200\223 The city may build a new bridge.\n\n1 thought on \"Bridge\"\n\n  1. It reads \342\200\234$ar\342\200\235 there.\n" >"$TERM_TMP/orig.txt"
term_start 80 24 "TERM=xterm-256color \"$GLOSS\" \"$TERM_TMP/orig.txt\""
term_wait "h help"
term_keys 2
term_wait "Enter: quote from clause 1 (original)"
ok $? "a quote of a clause original offers its clause and side"
term_keys Enter
term_wait "clause 1/2"
r=$?
tm capture-pane -p -e | grep ' Yes\.' >"$TERM_TMP/row"
"$PYTHON3" -c '
import re, sys
row = open(sys.argv[1], encoding="utf-8").read()
hl = re.search("\033\\[([0-9;]*;)?4[0-8]m", row)
sys.exit(0 if hl and hl.start() < row.index(" Yes.") else 1)' "$TERM_TMP/row"
[ $? -eq 0 ] || r=1
ok $r "Enter shows clause 1 with the passage highlighted in the original"
term_keys q
term_wait "GLOSS-EXIT=0"

# The seed (skipped when absent): comment 4 quotes comment 3, and the
# article paragraph that comment 1 quotes leads back to comment 1. The
# paragraph number comes from --dump ("↩ ¶N" under #1), not from here.
SEED=$(seed_path)
if [ -n "$SEED" ]; then
	para=$("$GLOSS" --dump --width 100 --pane comments "$SEED" |
	    awk '/^#1( |$)/ { in1 = 1; next } /^#/ { in1 = 0 }
		in1 && /↩ ¶/ { sub(/.*↩ ¶/, ""); sub(/[^0-9].*/, ""); print; exit }')
	term_start 100 30 "TERM=xterm-256color \"$GLOSS\" \"$SEED\""
	term_wait "h help"
	term_keys 2 4 g
	term_wait "comment 4/"
	ok $? "seed: 4g selects comment 4"
	term_wait "Enter: quote from #3"
	ok $? "seed: comment 4 offers its quote of comment 3"
	# The first two words of the passage comment 4 quotes, from --json.
	words=$("$GLOSS" --json "$SEED" | "$PYTHON3" -c '
import json, sys
q = json.load(sys.stdin)["comments"][3]["quotes"]
print(" ".join(q[0]["text"].split()[:2]) if q else "")')
	term_keys Enter
	term_wait "comment 3/"
	r=$?
	[ -n "$words" ] || r=1
	tm capture-pane -p -e | grep -F "$words" |
	    grep -q "$(printf '\033')\[\(4[0-8]\|7\|[0-9;]*;7\)"
	[ $? -eq 0 ] || r=1
	ok $r "seed: Enter shows comment 3 with the passage highlighted"
	term_keys BSpace
	term_wait "comment 4/"
	ok $? "seed: Backspace returns to comment 4"
	if [ -n "$para" ]; then
		term_keys 1 : $(echo "$para" | sed 's/./& /g') Enter
		term_wait "Enter: quoted by #1"
		ok $? "seed: :$para in the article selects the paragraph comment 1 quotes"
		term_keys Enter
		term_wait "comment 1/"
		ok $? "seed: Enter there selects comment 1"
	else
		ok 1 "seed: --dump shows the paragraph comment 1 quotes"
	fi
	term_keys q
	term_wait "GLOSS-EXIT=0"
	ok $? "seed: q exits 0"
else
	diag "seed not found: its link tests are skipped"
fi

# A paragraph quoted twice by comment 1 and once by comment 2 says
# "quoted by #1 #2": 2 Enter opens comment 2, the second it names, not
# comment 1's second quote.
printf 'Twice\n\nThe boats come back to the harbour before the evening bell rings.\n\n2 thoughts on "Twice"\n\n  1. First: the boats come back to the harbour before the evening bell rings.\n\n    Again: the boats come back to the harbour before the evening bell rings.\n\n  2. Yes, the boats come back to the harbour before the evening bell rings.\n' >"$TERM_TMP/twice.txt"
term_start 80 24 "TERM=xterm-256color \"$GLOSS\" \"$TERM_TMP/twice.txt\""
term_wait "h help"
term_keys J
term_wait "Enter: quoted by #1"
term_keys 0 2 Enter
term_wait "comment 2/2"
ok $? "2 Enter (typed 0 2: 2 alone focuses the comments) on a paragraph opens the second comment quoting it"
term_keys 1 0 3 Enter
term_wait "not quoted that often"
ok $? "3 Enter there: not quoted that often"
term_keys q
term_wait "GLOSS-EXIT=0"

term_widths_ok
ok $? "no line of $term_caps captured screens exceeds the screen width"
tap_done

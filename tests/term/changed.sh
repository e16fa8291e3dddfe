#!/bin/sh
# tests/term/changed.sh: the file changes on disk while the reader has it
# open (a scraper writes it again with ">", an editor saves over it). The
# reader goes on with the text it read at open: no SIGBUS when the file
# is truncated, no text changing under the model when it is rewritten in
# place, and q still exits 0.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$TERM_TMP/thread.txt

# The file truncated to nothing, then every pane, a search to the end of
# the text and a jump back.
cp "$top_srcdir/share/sample.txt" "$DOC"
term_start 100 30 "\"$GLOSS\" \"$DOC\""
term_wait "h help"
: >"$DOC"
for k in G g 2 G g 3 G 1 G; do
	term_keys "$k"
done
term_keys / "old mill" Enter
term_wait "old mill"
r=$?
term_keys g
term_wait "Two towns, one canal" || r=1
term_keys q
term_wait "GLOSS-EXIT=0" || r=1
ok $r "truncated while open: every pane, a search through the text, q exits 0"

# The file rewritten in place, same size, other bytes: the reader shows
# and searches what it read at open.
cp "$top_srcdir/share/sample.txt" "$DOC"
term_start 100 30 "\"$GLOSS\" \"$DOC\""
term_wait "h help"
"$PYTHON3" -c 'import sys; n = len(open(sys.argv[1], "rb").read()); open(sys.argv[1], "r+b").write(b"Z" * n)' "$DOC"
term_keys / "old mill" Enter
term_wait "old mill"
r=$?
term_keys g
term_wait "Two towns, one canal" || r=1
grep -q ZZZ "$TERM_TMP/screen" && r=1
term_keys q
term_wait "GLOSS-EXIT=0" || r=1
ok $r "rewritten in place while open: the text read at open is shown and searched"

tap_done

#!/bin/sh
# tests/term/help.sh: the help screen at narrow and wide sizes. Paging
# through it with Space shows every help line (tests/keys_doc) whole, its
# keys and its description, wrapped but never cropped, and no line wider
# than the screen; a resize keeps the help line at the top.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$top_srcdir/share/sample.txt
[ -r "$DOC" ] || skip_all "share/sample.txt not found"
KEYS_DOC=$top_builddir/tests/keys_doc
[ -x "$KEYS_DOC" ] || skip_all "tests/keys_doc not built"
"$KEYS_DOC" >"$TERM_TMP/help-lines" || exit 1

# help_pages W H: open the help and page through it with Space until the
# screen stops changing; every page's lines between the title and the
# status line go into $TERM_TMP/pages.
help_pages() {
	term_start "$1" "$2" "$GLOSS" "$DOC"
	term_wait "h help" || return 1
	term_keys h
	term_wait "gloss keys" || return 1
	: >"$TERM_TMP/pages"
	n=0
	while [ $n -lt 100 ]; do
		sed -n "2,$(($2 - 1))p" "$TERM_TMP/screen" >>"$TERM_TMP/pages"
		cp "$TERM_TMP/screen" "$TERM_TMP/before"
		term_keys Space
		# The last page does not move: wait a little, then stop.
		TERM_WAIT=1 term_wait_change >/dev/null || return 0
		n=$((n + 1))
	done
	return 1
}

# help_whole: every help line's keys and description, with spaces
# normalised, occur in the pages in one piece.
help_whole() {
	"$PYTHON3" - "$TERM_TMP/help-lines" "$TERM_TMP/pages" <<'PY'
import sys
norm = lambda s: ' '.join(s.split())
pages = norm(open(sys.argv[2], encoding='utf-8').read())
bad = 0
for l in open(sys.argv[1], encoding='utf-8'):
    want = norm(l)
    if want not in pages:
        print('# missing or cropped: ' + want)
        bad += 1
print(bad)
PY
}

for size in "24 10" "30 12" "50 14" "80 24" "132 30"; do
	set -- $size
	help_pages "$1" "$2"
	ok $? "${1}x$2: the help pages through to its end"
	b=$(help_whole)
	echo "$b" | grep '^#'
	[ "$(echo "$b" | tail -n 1)" = 0 ]
	ok $? "${1}x$2: every help line is shown whole"
	m=$(max_width "$TERM_TMP/pages")
	[ "$m" -le "$1" ]
	ok $? "${1}x$2: no help line is wider than the screen ($m cells)"
done

# A resize keeps the place: the help line at the top stays at the top.
term_start 100 12 "$GLOSS" "$DOC"
term_wait "h help"
term_keys h
term_wait "gloss keys"
term_keys j j j j j j j j j j j
term_wait_re '^  K \[ '
ok $? "100x12: eleven lines down, the previous-item line is at the top"
tm resize-window -x 36 -y 12
term_until '[ "$(term_line 1)" = "  K [" ]'
ok $? "36x12: after the resize the same help line is at the top"
term_widths_ok
ok $? "no captured screen is wider than the terminal"
tap_done

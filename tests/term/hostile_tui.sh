#!/bin/sh
# hostile_tui.sh: every file of the hostile corpus (tests/hostile_gen.py)
# opened in the reader in tmux at 80x24: it either runs (survives j, J, G,
# 2, G, 3, G, /, q and exits 0, every screen within the width, the window
# title untouched) or refuses with exit 1 and one "gloss: FILE: reason"
# line. The 20 MB one-line file is left out under AddressSanitizer (slow).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"
. "$top_srcdir/tests/term/hard_lib.sh"

mkdir "$TERM_TMP/in"
big=big
hard_quick && big=
"$PYTHON3" "$top_srcdir/tests/hostile_gen.py" "$TERM_TMP/in" $big || exit 1
cp "$GLOSS" "$TERM_TMP/in/binary-executable"

for f in "$TERM_TMP"/in/*; do
	n=$(basename "$f")
	rm -f "$TERM_TMP"/cap.*
	HARD_AFTER="2>$TERM_TMP/err" hard_start 80 24 "$GLOSS" "$f"
	if hard_wait_alt 2>/dev/null; then
		hard_keep_now
		for k in j J G 2 G 3 G 1; do
			tm send-keys "$k"
		done
		tm send-keys / z z z Enter
		hard_idle >/dev/null 2>&1
		hard_keep_now
		tm send-keys Escape q
		st=$(hard_exit_status)
		[ "$st" = 0 ]
		ok $? "$n: the reader runs and q exits 0 (status $st)"
		hard_widths_ok
		ok $? "$n: every screen fits 80 cells"
		title=$(tm display-message -p '#{pane_title}')
		case "$title" in *pwned*) t=1 ;; *) t=0 ;; esac
		ok $t "$n: the window title is untouched ($title)"
	else
		st=$(hard_exit_status)
		lines=$(wc -l <"$TERM_TMP/err")
		[ "$st" = 1 ] && [ "$lines" -eq 1 ] &&
		    grep -q "^gloss: $f: " "$TERM_TMP/err"
		ok $? "$n: refused with exit 1 and one message ($(head -c 80 "$TERM_TMP/err"))"
	fi
done
tap_done

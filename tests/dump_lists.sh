#!/bin/sh
# dump_lists.sh: a paragraph that starts with a list marker ("* ", "- ",
# "• ", "1. ", "12) ", "(3) ", "a) ") hangs its wrapped lines under the
# text after the marker, in article paragraphs, block quotes and comment
# lines, mirrored for right-to-left text; numbers and dashes that are not
# markers ("1.5", "-5", "2024.") do not, nor a marker too wide for the
# width.
. "$top_srcdir/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/doc" <<'DOC'
Lists

* alpha beta gamma delta epsilon zeta eta theta
12) alpha beta gamma delta epsilon zeta eta theta
(3) alpha beta gamma delta epsilon zeta eta theta
• alpha beta gamma delta epsilon zeta eta theta
1.5 alpha beta gamma delta epsilon zeta eta theta
2024. alpha beta gamma delta epsilon zeta eta theta

    - alpha beta gamma delta epsilon zeta eta theta

1 thought on “Lists”

  1. A list in a comment:
    a) one two three four five six seven eight nine
DOC
"$GLOSS" --dump --width 24 "$tmp/doc" >"$tmp/out"
ok $? "dump exits 0"
# The line after the first of an item, by the item's first line.
after() { grep -A1 -F -x -e "$1" "$tmp/out" | sed -n 2p; }
[ "$(after '* alpha beta gamma delta')" = "  epsilon zeta eta theta" ]
ok $? "a bullet hangs by 2 (got: '$(after '* alpha beta gamma delta')')"
[ "$(after '12) alpha beta gamma')" = "    delta epsilon zeta" ]
ok $? "\"12) \" hangs by 4 (got: '$(after '12) alpha beta gamma')')"
[ "$(after '(3) alpha beta gamma')" = "    delta epsilon zeta" ]
ok $? "\"(3) \" hangs by 4 (got: '$(after '(3) alpha beta gamma')')"
[ "$(after '• alpha beta gamma delta')" = "  epsilon zeta eta theta" ]
ok $? "a U+2022 bullet hangs by 2"
[ "$(after '1.5 alpha beta gamma')" = "delta epsilon zeta eta" ]
ok $? "\"1.5\" is no marker (got: '$(after '1.5 alpha beta gamma')')"
[ "$(after '2024. alpha beta gamma')" = "delta epsilon zeta eta" ]
ok $? "\"2024.\" is no marker"
[ "$(after '  | - alpha beta gamma')" = "  |   delta epsilon zeta" ]
ok $? "a block quote's item hangs inside the bar (got: '$(after '  | - alpha beta gamma')')"
[ "$(after '  a) one two three four')" = "     five six seven" ]
ok $? "a comment line's item hangs under its text (got: '$(after '  a) one two three four')')"
LC_ALL=C.UTF-8 "$PYTHON3" -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 24 for l in open(sys.argv[1], encoding="utf-8")))' "$tmp/out"
ok $? "no line wider than 24"

# Right to left: the hang is mirrored, the wrapped lines end short of the
# right edge.
printf 'RTL\n\n* \330\243\331\204\331\201 \330\250\330\247\330\241 \330\252\330\247\330\241 \330\253\330\247\330\241 \330\254\331\212\331\205 \330\255\330\247\330\241 \330\256\330\247\330\241 \330\257\330\247\331\204\n' >"$tmp/rtl"
"$GLOSS" --dump --width 20 "$tmp/rtl" | sed -n '3,$p' | grep -v '^$' >"$tmp/rtlout"
lines=$(wc -l <"$tmp/rtlout")
[ "$lines" -ge 2 ]; ok $? "the right-to-left item wraps ($lines lines)"
LC_ALL=C.UTF-8 "$PYTHON3" - "$tmp/rtlout" <<'PY'
import sys
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
# Flush right, so the first line reaches cell 20; the second stops two
# cells short of it, under the text after the mirrored marker.
assert len(lines[0]) == 20, lines
assert len(lines[1]) == 18, lines
PY
ok $? "its second line ends 2 cells short of the right edge"

# Too narrow for the marker: no hang.
"$GLOSS" --dump --width 6 "$tmp/doc" | grep -A1 -x -F '12)' | sed -n 2p >"$tmp/narrow"
[ "$(cut -c1 "$tmp/narrow")" != " " ]; ok $? "at width 6 a 4-cell marker does not hang (got: '$(cat "$tmp/narrow")')"
tap_done

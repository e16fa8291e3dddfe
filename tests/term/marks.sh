#!/bin/sh
# tests/term/marks.sh: zero-width characters after a wide character are
# drawn with it, as --dump prints them: decomposed kana (か + U+3099 is
# が), Hangul written as conjoining jamo, an ideograph with an accent. The
# reader drew each character alone, and ncurses put a mark after a wide
# character in the hidden right half of its cell: the screen showed か
# and the first jamo only. A narrow base with a mark is checked too.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$TERM_TMP/marks.txt
"$PYTHON3" - "$DOC" <<'PY'
import sys
kana = "\u304b\u3099\u304d\u3099 \u30cf\u309a\u30f3"
jamo = "\u1112\u1161\u11ab\u1100\u1173\u11af"
han = "\u4e2d\u0301"
narrow = "e\u0301"
many = "\u4e2d" + "\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307"
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("Marks\n\nkana %s end\njamo %s end\nhan %s end\n"
            "narrow %s end\nmany %s end\n" % (kana, jamo, han, narrow, many))
PY

term_start 60 20 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \"$GLOSS\" \"$DOC\""
term_wait "h help"
for what in kana jamo han narrow; do
	want=$("$GLOSS" --dump --width 60 "$DOC" | grep "^$what ")
	grep -F -q -- "$want" "$TERM_TMP/screen"
	ok $? "$what: the screen shows what --dump prints ($want)"
done
# A cell holds a few marks (CCHARW_MAX); the ideograph and the first
# marks are drawn, and the line goes on after it.
grep -q "many 中̀.* end *$" "$TERM_TMP/screen"
ok $? "an ideograph with eight marks: drawn with its first marks, the line goes on"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "q quits"
term_widths_ok
ok $? "no line of $term_caps captured screens exceeds the screen width"
tap_done

#!/bin/sh
# tests/term/letters.sh: search in the reader folds the letter variants
# of Arabic-script writing (text_letter_fold): a pattern typed with one
# variant finds the other and highlights exactly the text's own letters.
# "الی" (typed on a Persian keyboard, without hamza) finds "إلى", a
# Persian keyboard's keheh finds Arabic kaf and
# Arabic kaf finds keheh, heh finds teh marbuta. Checked with
# --bidi=off (the highlighted cells hold the original letters in
# logical order) and in the default mode (shaped and reordered: the
# highlighted cells, read right to left and unshaped, are the original
# letters). Before, each of these searches said "no match".
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$TERM_TMP/letters.txt
"$PYTHON3" - "$DOC" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("Letters in the reader\n\n"
            "An article with nothing to find in it.\n\n"
            "5 comments\n\n"
            "  1. The first comment is in English.\n\n"
            # "he went to the market in the morning"
            "  2. \u0630\u0647\u0628 \u0625\u0644\u0649 \u0627\u0644\u0633"
            "\u0648\u0642 \u0635\u0628\u0627\u062d\u0627.\n\n"
            # "he wrote a long letter"
            "  3. \u0643\u062a\u0628 \u0631\u0633\u0627\u0644\u0629 "
            "\u0637\u0648\u064a\u0644\u0629.\n\n"
            # Persian: "this is a good book"
            "  4. \u0627\u06cc\u0646 \u06a9\u062a\u0627\u0628 \u062e\u0648"
            "\u0628\u06cc \u0627\u0633\u062a.\n\n"
            "  5. The last comment.\n")
PY

# hl.py MODE WANT: the text of the highlighted cells (a background
# colour) of the captured screen, but the tab bar and the status line,
# is WANT (MODE logical); or, read right to left with presentation forms
# unshaped (NFKC), it is WANT (MODE visual).
cat >"$TERM_TMP/hl.py" <<'PY'
import re, sys, unicodedata
mode, want = sys.argv[1], sys.argv[2]
lines = open(sys.argv[3], encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
runs = []
for line in lines[1:-1]:
    bg, cur = False, ""
    for tok in re.split("(\033\\[[0-9;]*m)", line):
        if tok.startswith("\033["):
            for p in (tok[2:-1] or "0").split(";"):
                if p in ("0", "49") or p == "":
                    bg = False
                elif re.fullmatch("4[0-7]|48", p):
                    bg = True
            if not bg and cur:
                runs.append(cur)
                cur = ""
            continue
        tok = re.sub("[\016\017]", "", tok)
        if bg:
            cur += tok
    if cur:
        runs.append(cur)
got = "".join(runs)
if mode == "visual":
    got = unicodedata.normalize("NFKC", got[::-1])
if got != want:
    print("highlighted: %r, want %r" % (got, want))
    sys.exit(1)
PY

# search PATTERN COMMENT WANT WHAT: from the first comment, / PATTERN
# lands on comment COMMENT with exactly WANT highlighted.
search() {
	term_keys g
	term_wait "comment 1/5"
	term_keys /
	term_wait_re '^/ *$'
	term_keys -l "$1"
	term_keys Enter
	term_wait "comment $2/5"
	r=$?
	tm capture-pane -p -e >"$TERM_TMP/esc"
	"$PYTHON3" "$TERM_TMP/hl.py" "$mode" "$3" "$TERM_TMP/esc" ||
	    r=1
	ok $r "$4 ($mode)"
}

alef_ilaa=$(printf '\330\247\331\204\333\214')		# الی
ilaa=$(printf '\330\245\331\204\331\211')		# إلى
keheh_ktb=$(printf '\332\251\330\252\330\250')		# کتب
kaf_ktb=$(printf '\331\203\330\252\330\250')		# كتب
kaf_ktab=$(printf '\331\203\330\252\330\247\330\250')	# كتاب
keheh_ktab=$(printf '\332\251\330\252\330\247\330\250')	# کتاب
tawila_heh=$(printf '\330\267\331\210\331\212\331\204\331\207')	# طويله
tawila=$(printf '\330\267\331\210\331\212\331\204\330\251')	# طويلة

for mode in logical visual; do
	if [ $mode = logical ]; then
		bidi=--bidi=off
	else
		bidi=
	fi
	term_start 80 24 "env LANG=C.UTF-8 LC_ALL=C.UTF-8" \
	    "TERM=xterm-256color \"$GLOSS\" $bidi \"$DOC\""
	term_wait "h help"
	term_keys 2
	term_wait "comment 1/5"
	search "$alef_ilaa" 2 "$ilaa" \
	    "bare alef and Farsi yeh find and highlight hamza and alef maksura"
	search "$keheh_ktb" 3 "$kaf_ktb" \
	    "a Persian keyboard's keheh finds and highlights Arabic kaf"
	search "$kaf_ktab" 4 "$keheh_ktab" \
	    "Arabic kaf finds and highlights Persian keheh"
	search "$tawila_heh" 3 "$tawila" \
	    "heh finds and highlights teh marbuta"
	term_keys q
	term_wait "GLOSS-EXIT=0"
	ok $? "q quits ($mode)"
done
term_widths_ok
ok $? "no line of $term_caps captured screens exceeds the screen width"
tap_done

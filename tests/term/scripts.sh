#!/bin/sh
# tests/term/scripts.sh: search in the reader in scripts other than Latin
# and Arabic. Only accents are ignored: a Devanagari vowel sign is part of
# the word, a kana's voicing mark and a Hangul syllable's jamo are not
# cut off, so "में" is not found in "मन", "か" not in "が", "하" not in
# "한" (before, each search stopped at the wrong comment). Hebrew points
# and Greek accents and case are still ignored.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$TERM_TMP/scripts.txt
"$PYTHON3" - "$DOC" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("Scripts in the reader\n\n"
            "An article with nothing to find in it.\n\n"
            "5 comments\n\n"
            "  1. The first comment is in English.\n\n"
            "  2. \u092f\u0939 \u092e\u0928 \u0915\u0940 \u092c\u093e\u0924, "
            "\ud55c\uad6d, \u304c.\n\n"
            "  3. \u0928\u0926\u0940 \u092e\u0947\u0902 \u092a\u093e\u0928\u0940, "
            "\ud558\ub098, \u304b.\n\n"
            "  4. \u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd "
            "\u03a4\u0397\u03a3 \u03a8\u03a5\u03a7\u0397\u03a3.\n\n"
            "  5. The last comment.\n")
PY

term_start 80 24 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \"$GLOSS\" \"$DOC\""
term_wait "h help"
term_keys 2
term_wait "comment 1/5"

# search PATTERN COMMENT WHAT: from the first comment, / PATTERN lands on
# comment COMMENT.
search() {
	term_keys g
	term_wait "comment 1/5"
	term_keys /
	term_wait_re '^/ *$'
	term_keys -l "$1"
	term_keys Enter
	term_wait "comment $2/5"
	ok $? "$3"
}
search "$(printf '\340\244\256\340\245\207\340\244\202')" 3 \
    "Devanagari: the vowel sign and anusvara are part of the pattern"
search "$(printf '\355\225\230')" 3 \
    "Hangul: a syllable is not found inside another"
search "$(printf '\343\201\213')" 3 \
    "kana: ka is not found inside ga"
search "$(printf '\327\251\327\234\327\225\327\235')" 4 \
    "Hebrew: an unpointed pattern finds pointed text"
search "$(printf '\317\210\317\205\317\207\316\256\317\202')" 4 \
    "Greek: lower case with accent and final sigma finds capitals"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "q quits"
term_widths_ok
ok $? "no line of $term_caps captured screens exceeds the screen width"
tap_done

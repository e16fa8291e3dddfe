#!/bin/sh
# tests/term/hard_giant.sh: a file that is one huge line (its title), a
# document with one huge paragraph, one with a huge comment and one with
# a huge cell in its clause table. --dump
# and the reader lay such text out a part at a time (layout.h), so their
# peak memory stays a small multiple of the file, not the ~15 bytes a
# byte a whole layout takes; the reader still goes to the end (G), back
# (g) and finds and highlights a word in the middle, and what it shows at
# the end is what --dump prints. Memory is not checked under
# AddressSanitizer (its shadow memory and quarantine).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"
. "$top_srcdir/tests/term/hard_lib.sh"
skip() { ok 0 "# SKIP $*"; }

MIB=12
hard_asan && MIB=3
ONE=$TERM_TMP/one.txt
TWO=$TERM_TMP/two.txt
THREE=$TERM_TMP/three.txt
FOUR=$TERM_TMP/four.txt
"$PYTHON3" - "$ONE" "$TWO" "$MIB" "$THREE" "$FOUR" <<'EOF'
import sys
words = ("river stone water bridge harbour lantern morning evening quiet "
         "window alpha gamma delta beta orchard canal").split()
n = int(sys.argv[3]) * 1024 * 1024
out, size, i = [], 0, 0
while size < n:
    w = words[(i * 7 + i // 16) % len(words)]
    if i == 40000:
        w = "MIDDLEWORD"
    out.append(w)
    size += len(w) + 1
    i += 1
line = " ".join(out) + " LASTWORD"
open(sys.argv[1], "w").write(line)		# no newline at all
open(sys.argv[2], "w").write("A title\n\n" + line + "\n\nShort tail.\n")
open(sys.argv[4], "w").write("A title\n\nBody.\n\n2 thoughts on \"A title\"\n"
                             "\n  1. " + line + "\n\n  2. Short second comment.\n")
open(sys.argv[5], "w").write("A title\n\nBody.\n\n    1- \u0646\u0647\u0631 . 1 \u2013 "
                             + line + "\n    2- \u0645\u0627\u0621 . 2 \u2013 "
                             "Short second clause.\n")
EOF
[ -s "$ONE" ] || skip_all "python3 could not write the documents"
size_kb=$(( $(wc -c <"$ONE") / 1024 ))

# mem_ok KB FACTOR WHAT: KB (a peak) is under FACTOR times the file;
# skipped under AddressSanitizer or when KB could not be read.
mem_ok() {
	if hard_asan || [ -z "$1" ]; then
		skip "$3 (AddressSanitizer build or no /proc)"
	else
		test "$1" -lt $(($2 * size_kb))
		ok $? "$3 $1 KB < $2 x the file ($size_kb KB)"
	fi
}

# reader_hwm: the running reader's peak RSS in KB (VmHWM).
reader_hwm() {
	awk '/^VmHWM/ { print $2 }' "/proc/$(cat "$HARD_PID")/status" \
	    2>/dev/null
}

# Peak RSS in KB of a command (its children's maximum).
peak() {
	"$PYTHON3" -c '
import resource, subprocess, sys
r = subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], "wb"))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)
' "$@"
}

set -- $(peak "$TERM_TMP/one.dump" "$GLOSS" --dump --width 80 "$ONE")
ok $(test "$2" = 0; echo $?) "a one-line file of $MIB MiB: --dump exits 0"
tail -n 2 "$TERM_TMP/one.dump" | grep -q 'LASTWORD$'
ok $? "its dump ends with the line's last word"
mem_ok "$1" 3 "--dump peak memory"

# The reader: to the end and back; the screen's last text line is the
# dump's (same width: text is at most 80 cells wide in a wider pane).
hard_start 100 24 "$GLOSS" --layout=tabs "$ONE"
term_wait "h help"
ok $? "the reader opens the one-line file"
term_keys G
term_wait LASTWORD
ok $? "G shows the last word"
"$GLOSS" --dump --width 80 "$ONE" | grep -v '^$' | tail -n 1 >"$TERM_TMP/last"
term_cap
sed '$d; s/^.//; s/ *$//' "$TERM_TMP/screen" | grep -v '^$' | tail -n 1 \
    >"$TERM_TMP/shown"
cmp -s "$TERM_TMP/last" "$TERM_TMP/shown" ||
    { diag "dump: $(cat "$TERM_TMP/last")"; diag "shown: $(cat "$TERM_TMP/shown")"; false; }
ok $? "the last line shown is the dump's last line"
hwm=$(reader_hwm)
term_keys g
term_wait "0%"
ok $? "g goes back to the top"
mem_ok "$hwm" 3 "reader peak memory after G"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "q exits 0"

# A huge paragraph after a title: search finds the word in its middle
# and highlights it; the paragraph after it is still there.
hard_start 100 30 "$GLOSS" "$TWO"
term_wait "h help"
term_keys / MIDDLEWORD Enter
term_wait_re '^│.*MIDDLEWORD'
ok $? "search finds a word in the middle of the huge paragraph"
tm capture-pane -p -e >"$TERM_TMP/esc"
grep -q "$(printf '\033')\[[0-9;]*m*MIDDLEWORD" "$TERM_TMP/esc"
ok $? "and it is drawn with an attribute (highlighted)"
term_keys G
term_wait "Short tail."
ok $? "G reaches the paragraph after the huge one"
# Finding quote links holds the words of a paragraph under 8 MiB (the
# AddressSanitizer size) or of a comment, about 4.5 bytes a byte here.
mem_ok "$(reader_hwm)" 8 "reader peak memory with a search"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "q exits 0"

# A huge comment: the same, in the Comments pane.
set -- $(peak "$TERM_TMP/three.dump" "$GLOSS" --dump --width 80 "$THREE")
ok $(test "$2" = 0; echo $?) "a comment of $MIB MiB: --dump exits 0"
grep -q 'LASTWORD$' "$TERM_TMP/three.dump" &&
    grep -q '^  Short second comment\.$' "$TERM_TMP/three.dump"
ok $? "its dump has the comment's last word and the next comment"
mem_ok "$1" 8 "--dump peak memory"
hard_start 100 30 "$GLOSS" --layout=tabs "$THREE"
term_wait "h help"
term_keys 2 / MIDDLEWORD Enter
term_wait_re '^│.*MIDDLEWORD'
ok $? "search finds a word in the middle of the huge comment"
term_keys G
term_wait "Short second comment."
ok $? "G reaches the comment after it"
term_keys K
term_wait "comment 1/2"
ok $? "K selects the huge comment"
mem_ok "$(reader_hwm)" 8 "reader peak memory"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "q exits 0"

# A clause whose translation is huge: laid out a chunk of each side at a
# time (it used to be laid out whole, about 30 bytes a byte).
set -- $(peak "$TERM_TMP/four.dump" "$GLOSS" --dump --width 80 "$FOUR")
ok $(test "$2" = 0; echo $?) "a clause of $MIB MiB: --dump exits 0"
grep -q 'LASTWORD$' "$TERM_TMP/four.dump" &&
    grep -q '| Short second clause\.$' "$TERM_TMP/four.dump"
ok $? "its dump has the cell's last word and the next clause"
mem_ok "$1" 8 "--dump peak memory"
hard_start 100 30 "$GLOSS" --layout=tabs "$FOUR"
term_wait "h help"
term_keys 3 / MIDDLEWORD Enter
term_wait_re '^│.*MIDDLEWORD'
ok $? "search finds a word in the middle of the huge cell"
term_keys G
term_wait "Short second clause."
ok $? "G reaches the clause after it"
mem_ok "$(reader_hwm)" 8 "reader peak memory"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "q exits 0"
tap_done

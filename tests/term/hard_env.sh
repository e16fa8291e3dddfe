#!/bin/sh
# tests/term/hard_env.sh: the reader in unusual environments. TERM dumb
# or unset: a clear message and a nonzero status (or a plain dump), never
# an escape sequence. Locales C, ISO-8859-1 and C.UTF-8: the reader opens,
# shows the text (characters the charset lacks as '?'), fits the screen,
# exits 0. stdin a pipe: the document from the pipe, keys from the
# terminal. stdout a pipe: the same dump as --dump.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"
. "$top_srcdir/tests/term/hard_lib.sh"

DOC=$top_srcdir/share/sample.txt
[ -r "$DOC" ] || skip_all "share/sample.txt not found"
TITLE="Two towns, one canal: the water pact of Wadi Safa and Tell Nour"
RAW=$TERM_TMP/raw

# raw_has FILE PYTHON-BYTES: FILE contains the bytes (a Python literal).
raw_has() {
	"$PYTHON3" -S -c 'import sys
sys.exit(0 if eval(sys.argv[2]) in open(sys.argv[1], "rb").read() else 1)' \
	    "$1" "$2"
}

# --- TERM dumb or unset ---------------------------------------------------
for case in dumb unset; do
	if [ "$case" = dumb ]; then
		set -- env TERM=dumb "$GLOSS" "$DOC"
	else
		set -- env -u TERM "$GLOSS" "$DOC"
	fi
	HARD_GATE=1 hard_start 80 24 "$@"
	hard_go "$RAW"
	s=$(hard_exit_status)
	term_wait "GLOSS-EXIT=$s"
	if [ "$s" != 0 ]; then
		grep -q "TERM" "$TERM_TMP/screen"
		ok $? "TERM $case: status $s and a message about TERM on the screen"
		grep '^gloss' "$TERM_TMP/screen" | sed 's/^/#   /'
	else
		grep -F -q "$TITLE" "$TERM_TMP/screen"
		ok $? "TERM $case: status 0 and a plain dump"
	fi
	! raw_has "$RAW" 'b"\x1b"'
	ok $? "TERM $case: not one escape character was written"
	[ "$(tm display-message -p '#{alternate_on}')" = 0 ]
	ok $? "TERM $case: the alternate screen was never entered"
done

# --- locales ----------------------------------------------------------------
LOCDIR=$TERM_TMP/locale
LATIN1=
for l in en_US.ISO-8859-1 en_US.iso88591 en_US; do
	if locale -a 2>/dev/null | grep -q -x "$l" &&
	    [ "$(LC_ALL=$l locale charmap 2>/dev/null)" = ISO-8859-1 ]; then
		LATIN1="env LC_ALL=$l LANG=$l"
		break
	fi
done
if [ -z "$LATIN1" ] && command -v localedef >/dev/null 2>&1; then
	mkdir -p "$LOCDIR"
	if localedef -i en_US -f ISO-8859-1 "$LOCDIR/en_US.ISO-8859-1" \
	    >/dev/null 2>&1 &&
	    [ "$(LOCPATH=$LOCDIR LC_ALL=en_US.ISO-8859-1 locale charmap \
	    2>/dev/null)" = ISO-8859-1 ]; then
		LATIN1="env LOCPATH=$LOCDIR LC_ALL=en_US.ISO-8859-1 LANG=en_US.ISO-8859-1"
	fi
fi

# run_locale LABEL ENV-WORDS...: open the sample, check the title line
# (the en dash as DASH), a few keys, exit 0; the raw output is kept.
run_locale() {
	label=$1 dash=$2
	shift 2
	HARD_GATE=1 hard_start 100 60 "$@" "$GLOSS" "$DOC"
	hard_go "$RAW"
	term_wait "h help"
	ok $? "$label: the reader opens"
	grep -F -q "$TITLE $dash translated" "$TERM_TMP/screen"
	ok $? "$label: the title is shown, its en dash as '$dash'"
	grep -q "coperated\|co.perated" "$TERM_TMP/screen"
	ok $? "$label: the block quote is shown"
	term_keys 2
	term_wait "comment 1/"
	ok $? "$label: 2 focuses the comments"
	for keys in "J J" "3 J" "w" "1 G"; do
		term_keys $keys
		hard_idle
		hard_keep_now
	done
	term_keys q
	s=$(hard_exit_status)
	[ "$s" = 0 ]
	ok $? "$label: q exits with status 0 (status $s)"
}

run_locale "LC_ALL=C" "?" env LC_ALL=C LANG=C
# Nothing outside printable ASCII (tmux captures the alternate character
# set's line drawing as the ASCII letters that select it).
LC_ALL=C grep -n '[^ -~]' "$TERM_TMP"/cap.*.100 >"$TERM_TMP/nonascii"
[ ! -s "$TERM_TMP/nonascii" ]
ok $? "LC_ALL=C: only ASCII on the screen"
sed 's/^/#   /' "$TERM_TMP/nonascii" | head -n 5

if [ -n "$LATIN1" ]; then
	run_locale "ISO-8859-1" "?" $LATIN1
	# tmux decodes the pane as UTF-8 and drops Latin-1 bytes, so look at
	# the bytes gloss wrote: "coöperated" with o-diaeresis as 0xF6.
	raw_has "$RAW" 'b"co\xf6perated"'
	ok $? "ISO-8859-1: o-diaeresis is written as the Latin-1 byte 0xF6"
	! raw_has "$RAW" 'b"\xc3\xb6"'
	ok $? "ISO-8859-1: no UTF-8 is written"
else
	ok 0 "# SKIP ISO-8859-1: no such locale and localedef cannot make one"
fi

run_locale "C.UTF-8" "–" env LC_ALL=C.UTF-8 LANG=C.UTF-8
hard_widths_ok
ok $? "locales: no line of $term_caps captured screens is wider than its screen"

# --- stdin a pipe -------------------------------------------------------------
HARD_BEFORE="cat '$DOC' |" hard_start 100 30 "$GLOSS"
term_wait "h help"
r=$?
grep -F -q "$TITLE" "$TERM_TMP/screen" || r=1
ok $r "stdin a pipe: the reader opens the piped document"
term_keys 2
term_wait "comment 1/"
r=$?
term_keys J J
term_wait "comment 3/" || r=1
ok $r "stdin a pipe: keys come from the terminal (2 J J: comment 3)"
term_keys q
s=$(hard_exit_status)
[ "$s" = 0 ]
ok $? "stdin a pipe: q exits with status 0 (status $s)"

# --- stdout a pipe ------------------------------------------------------------
"$GLOSS" --dump --width=80 "$DOC" >"$TERM_TMP/dump.want"
HARD_AFTER="| cat >'$TERM_TMP/dump.got'" hard_start 100 30 "$GLOSS" "$DOC"
s=$(hard_exit_status)
[ "$s" = 0 ]
ok $? "stdout a pipe: status 0 without a key (status $s)"
cmp -s "$TERM_TMP/dump.want" "$TERM_TMP/dump.got"
ok $? "stdout a pipe: the output is the 80-column --dump"

HARD_GATE=1 HARD_AFTER="| head -n 5" hard_start 100 30 "$GLOSS" "$DOC"
hard_go "$RAW"
s=$(hard_exit_status)
term_wait "GLOSS-EXIT="
case $s in 0|141) r=0 ;; *) r=1 ;; esac
grep -F -q "$TITLE" "$TERM_TMP/screen" || r=1
ok $r "gloss | head: the dump's first lines, status 0 or SIGPIPE (status $s)"
grep -q "^gloss" "$TERM_TMP/screen" && diag "$(grep '^gloss' "$TERM_TMP/screen")"
! raw_has "$RAW" 'b"\x1b"'
ok $? "gloss | head: not one escape character reaches the terminal"
tap_done

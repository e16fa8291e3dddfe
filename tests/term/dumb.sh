#!/bin/sh
# tests/term/dumb.sh: the reader refuses terminals it cannot drive (TERM
# dumb or unset) with a message and status 1, never garbage; --bidi=app
# switches the terminal's bidi mode and restores it on q and on signals;
# signals restore the screen.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$top_srcdir/tests/data/tui.txt

term_start 80 24 "TERM=dumb \"$GLOSS\" \"$DOC\""
term_wait "GLOSS-EXIT=1"
r=$?
grep -q "gloss: TERM" "$TERM_TMP/screen" || r=1
ok $r "TERM=dumb: a message and exit status 1"
n=$(grep -c . "$TERM_TMP/screen")
[ "$n" -le 3 ]
ok $? "TERM=dumb: nothing else is printed ($n lines)"

term_start 80 24 "env -u TERM \"$GLOSS\" \"$DOC\""
term_wait "GLOSS-EXIT=1"
r=$?
grep -q "TERM is not set" "$TERM_TMP/screen" || r=1
ok $r "TERM unset: a message and exit status 1"

# Signals restore the terminal.
for sig in TERM INT HUP; do
	term_start 80 24 "\"$GLOSS\" \"$DOC\""
	term_wait "h help"
	pid=$(pgrep -n -f "^$GLOSS $DOC" 2>/dev/null || pgrep -n -x gloss)
	if [ -z "$pid" ]; then
		ok 1 "SIG$sig: gloss process found"
		continue
	fi
	kill -s "$sig" "$pid"
	term_wait "GLOSS-EXIT="
	r=$?
	grep -q "h help" "$TERM_TMP/screen" && r=1
	ok $r "SIG$sig: the screen is restored ($(grep -o 'GLOSS-EXIT=[0-9]*' "$TERM_TMP/screen"))"
done

# Bidi mode sequences, seen on the raw output of a pseudo-terminal.
if command -v script >/dev/null 2>&1 && command -v od >/dev/null 2>&1; then
	out=$TERM_TMP/raw
	printf q | TERM=xterm-256color timeout 20 script -qfc \
	    "\"$GLOSS\" --bidi=app \"$DOC\"" /dev/null >"$out" 2>/dev/null
	seq=$(od -An -c "$out" | tr -d ' \n')
	case "$seq" in
	*'033[8l033[1k'*'033[8h'*) r=0 ;;
	*) r=1 ;;
	esac
	ok $r "--bidi=app: CSI 8 l and CSI 1 SP k at start, CSI 8 h at exit"
	printf q | TERM=xterm-256color timeout 20 script -qfc \
	    "\"$GLOSS\" --bidi=terminal \"$DOC\"" /dev/null >"$out" 2>/dev/null
	seq=$(od -An -c "$out" | tr -d ' \n')
	case "$seq" in
	*'033[8l'*) r=1 ;;
	*) r=0 ;;
	esac
	ok $r "--bidi=terminal: the bidi mode is left alone"
else
	diag "script(1) not found: bidi sequence checks skipped"
fi
tap_done

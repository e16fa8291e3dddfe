#!/bin/sh
# tests/term/hard_exit.sh: every way the reader can end leaves the
# terminal as it found it: q, C-c, C-\, and the signals INT, TERM, HUP,
# SEGV and ABRT sent to it. The pane's shell records `stty -a` before and
# after gloss, and prints a line before it that must be visible again
# afterwards (the alternate screen left); tmux's own view of the pane's
# modes (cursor, keypad, mouse, ...) must be as before; and with
# --bidi=app the last bidi mode sequence written is CSI 8 h (implicit
# mode back on), after the CSI 8 l gloss wrote at the start; so is
# CSI ? 2004 l (bracketed paste off), after gloss's CSI ? 2004 h.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"
. "$top_srcdir/tests/term/hard_lib.sh"

DOC=$top_srcdir/share/sample.txt
[ -r "$DOC" ] || skip_all "share/sample.txt not found"
RAW=$TERM_TMP/raw
MODES='#{alternate_on} cursor=#{cursor_flag} insert=#{insert_flag}'
MODES="$MODES keypad=#{keypad_flag} kcursor=#{keypad_cursor_flag}"
MODES="$MODES mouse=#{mouse_any_flag}#{mouse_all_flag}#{mouse_button_flag}"
MODES="$MODES#{mouse_standard_flag}#{mouse_sgr_flag}#{mouse_utf8_flag}"
MODES="$MODES origin=#{origin_flag} wrap=#{wrap_flag}"

# The pane's shell saves the terminal settings around gloss and lets
# nothing dump core.
HARD_PROLOGUE="ulimit -c 0 2>/dev/null
stty -a >'$TERM_TMP/stty.before'
echo HARD-BEFORE-\$\$"
HARD_EPILOGUE="stty -a >'$TERM_TMP/stty.after'"
HARD_GATE=1

# signum NAME: the number of signal NAME (POSIX shells' kill -l cannot
# be relied on to translate names).
signum() {
	case $1 in
	HUP) echo 1 ;; INT) echo 2 ;; QUIT) echo 3 ;; ABRT) echo 6 ;;
	SEGV) echo 11 ;; TERM) echo 15 ;;
	esac
}

# bidi_restored FILE: the last CSI 8 h comes after the last CSI 8 l (and
# there is a CSI 8 l).
bidi_restored() {
	"$PYTHON3" -S -c 'import sys
b = open(sys.argv[1], "rb").read()
l, h = b.rfind(b"\x1b[8l"), b.rfind(b"\x1b[8h")
sys.exit(0 if 0 <= l < h else 1)' "$1"
}

# paste_restored FILE: bracketed paste was switched on (CSI ? 2004 h) and
# the last switch is off (CSI ? 2004 l).
paste_restored() {
	"$PYTHON3" -S -c 'import sys
b = open(sys.argv[1], "rb").read()
h, l = b.rfind(b"\x1b[?2004h"), b.rfind(b"\x1b[?2004l")
sys.exit(0 if 0 <= h < l else 1)' "$1"
}

# run_exit LABEL EXPECTED-STATUSES HOW: start the reader, end it by HOW
# (a function), check the terminal.
run_exit() {
	label=$1 want=$2 how=$3
	rm -f "$TERM_TMP/stty.before" "$TERM_TMP/stty.after"
	hard_start 80 24 "$GLOSS" --bidi=app "$DOC"
	term_wait "HARD-BEFORE-" >/dev/null
	mark=$(grep -o 'HARD-BEFORE-[0-9]*' "$TERM_TMP/screen")
	modes=$(tm display-message -p "$MODES")
	hard_go "$RAW"
	term_wait "h help" >/dev/null
	$how
	s=$(hard_exit_status)
	case " $want " in
	*" $s "*) r=0 ;;
	*) r=1 ;;
	esac
	ok $r "$label: gloss ends (status $s; expected one of: $want)"
	term_wait "GLOSS-EXIT=" >/dev/null
	cmp -s "$TERM_TMP/stty.before" "$TERM_TMP/stty.after"
	r=$?
	[ $r -ne 0 ] && diff "$TERM_TMP/stty.before" "$TERM_TMP/stty.after" |
	    sed 's/^/#   /'
	ok $r "$label: stty -a is the same as before"
	r=0
	grep -q -x "$mark" "$TERM_TMP/screen" || r=1
	grep -q "h help" "$TERM_TMP/screen" && r=1
	[ $r -ne 0 ] && sed 's/^/#   /' "$TERM_TMP/screen"
	ok $r "$label: the shell's screen is back (its line before gloss shows)"
	now=$(tm display-message -p "$MODES")
	[ "$now" = "$modes" ]
	ok $? "$label: the pane's modes are as before ($now)"
	bidi_restored "$RAW"
	ok $? "$label: --bidi=app: CSI 8 h written after the last CSI 8 l"
	paste_restored "$RAW"
	ok $? "$label: bracketed paste switched off after it was switched on"
}

end_q() { term_keys q; }
end_ctrl_c() { term_keys C-c; }
end_ctrl_backslash() { term_keys 'C-\'; }
end_sig() {
	p=$(hard_pid)
	hard_idle
	kill -s "$SIG" "$p"
}
end_prompt_term() {
	term_keys 2 /
	hard_idle
	SIG=TERM end_sig
}

run_exit "q" "0" end_q
run_exit "C-c" "130" end_ctrl_c
for SIG in INT TERM HUP; do
	n=$(signum "$SIG")
	run_exit "kill -$SIG" "$((128 + n))" end_sig
done
run_exit "kill -TERM at the search prompt" "143" end_prompt_term
# Crashes and C-\: the default action kills gloss (status 128+N), or a
# handler restores the terminal and re-raises; either way the terminal
# must be back as it was.
n=$(signum QUIT)
run_exit "C-\\ (SIGQUIT)" "$((128 + n))" end_ctrl_backslash
for SIG in SEGV ABRT; do
	n=$(signum "$SIG")
	run_exit "kill -$SIG" "$((128 + n)) 1" end_sig
done
tap_done

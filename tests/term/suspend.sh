#!/bin/sh
# tests/term/suspend.sh: suspending the reader (C-z, or SIGTSTP sent to
# it) and resuming it with fg. While it is stopped the shell has the
# terminal as it was: the alternate screen left, mouse and keypad modes
# off and, with --bidi=app, the terminal's implicit bidi mode back (the
# last bidi mode sequence written is CSI 8 h); resumed, gloss switches
# explicit mode on again (CSI 8 l) before anything else it draws, redraws
# its screen, takes keys, and q exits 0. gloss left the terminal in
# explicit mode while it was stopped: the shell's Arabic came out in
# logical order on a bidi-aware terminal.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

DOC=$top_srcdir/tests/data/tui.txt
BASH=$(command -v bash) || skip_all "bash not found (job control)"
RAW=$TERM_TMP/raw
MODES='#{alternate_on} mouse=#{mouse_any_flag}#{mouse_standard_flag}'
MODES="$MODES keypad=#{keypad_flag}#{keypad_cursor_flag}"

# last_bidi FILE: the last bidi mode sequence in FILE (8h, 8l or none),
# and whether anything is drawn after it ("then-draws") or not.
last_bidi() {
	"$PYTHON3" -S -c 'import sys
b = open(sys.argv[1], "rb").read()
l, h = b.rfind(b"\x1b[8l"), b.rfind(b"\x1b[8h")
if l < 0 and h < 0:
    print("none"); sys.exit(0)
print("8l" if l > h else "8h")' "$1"
}

# last_paste FILE: the last bracketed paste switch in FILE (on, off or
# none).
last_paste() {
	"$PYTHON3" -S -c 'import sys
b = open(sys.argv[1], "rb").read()
h, l = b.rfind(b"\x1b[?2004h"), b.rfind(b"\x1b[?2004l")
print("none" if h < 0 and l < 0 else "on" if h > l else "off")' "$1"
}

# drawn_after_8l FILE: the reader's screen (its title) is drawn
# after the last CSI 8 l, so it is drawn in explicit mode.
drawn_after_8l() {
	"$PYTHON3" -S -c 'import sys
b = open(sys.argv[1], "rb").read()
l = b.rfind(b"\x1b[8l")
sys.exit(0 if l >= 0 and b.find(b"keepers", l) > l else 1)' "$1"
}

# suspend_resume LABEL HOW [WRAP]: start the reader under an interactive
# bash (through the script WRAP when given), stop it by HOW (a
# function), check the terminal, fg, check again.
suspend_resume() {
	label=$1 how=$2 wrap=$3
	term_kill
	term_n=$((term_n + 1))
	TERM_SOCK=gloss-test-$$-$term_n
	rm -f "$RAW"
	tm new-session -d -x 100 -y 30 "env -u PROMPT_COMMAND PS1='SH> ' \"$BASH\" --norc --noprofile -i"
	tm resize-window -x 100 -y 30 >/dev/null 2>&1
	TERM_W=100
	term_wait "SH> " >/dev/null
	# The shell's own bracketed paste would hide gloss's switches.
	term_keys "bind 'set enable-bracketed-paste off'" Enter
	before=$(tm display-message -p "$MODES")
	tm pipe-pane -o "cat >>'$RAW'"
	term_keys "clear" Enter
	term_keys "$wrap \"$GLOSS\" --bidi=app \"$DOC\"" Enter
	term_wait "h help" >/dev/null
	term_keys 2
	term_wait "comment 1/5" >/dev/null
	$how
	term_wait "Stopped"
	ok $? "$label: gloss is stopped and the shell prompts"
	sleep 0.3
	modes=$(tm display-message -p "$MODES")
	[ "$modes" = "$before" ]
	ok $? "$label: stopped, the terminal modes are the shell's ($modes)"
	b=$(last_bidi "$RAW")
	[ "$b" = 8h ]
	ok $? "$label: stopped, implicit bidi mode is back (last: $b)"
	b=$(last_paste "$RAW")
	[ "$b" = off ]
	ok $? "$label: stopped, bracketed paste is off for the shell ($b)"
	: >"$RAW"
	term_keys "fg" Enter
	term_wait "comment 1/5"
	ok $? "$label: fg redraws the reader where it was"
	sleep 0.3
	b=$(last_bidi "$RAW")
	[ "$b" = 8l ] && drawn_after_8l "$RAW"
	ok $? "$label: resumed, explicit bidi mode before the screen (last: $b)"
	b=$(last_paste "$RAW")
	[ "$b" = on ]
	ok $? "$label: resumed, bracketed paste is on again ($b)"
	term_keys J
	term_wait "comment 2/5"
	ok $? "$label: resumed, keys work"
	term_keys q
	term_until '[ "$(tm display-message -p "#{alternate_on}")" = 0 ]' \
	    >/dev/null
	term_keys "echo GLOSS-EXIT=\$?" Enter
	term_wait "GLOSS-EXIT=0"
	ok $? "$label: q exits 0"
	b=$(last_bidi "$RAW")
	[ "$b" = 8h ]
	ok $? "$label: after q, implicit bidi mode (last: $b)"
}

key_cz() { term_keys C-z; }
kill_tstp() {
	pid=$(pgrep -n -f "^$GLOSS --bidi=app $DOC")
	[ -n "$pid" ] && kill -s TSTP "$pid"
}

suspend_resume "C-z" key_cz
# A script that runs gloss (a wrapper, an alias for a pager): C-z stops
# the whole job, as the terminal driver does, not gloss alone (the shell
# waited for the script, which waited for the stopped gloss: the
# terminal hung with no prompt).
printf '"$@"\nexit $?\n' >"$TERM_TMP/wrap.sh"
suspend_resume "C-z, through a script" key_cz "sh $TERM_TMP/wrap.sh"
suspend_resume "SIGTSTP" kill_tstp
tap_done

# tests/term/hard_lib.sh: helpers shared by the hardening terminal tests
# (tests/term/hard_*.sh). Source after tests/lib.sh and term-lib.sh.
#
# hard_start W H COMMAND...: like term_start, but COMMAND (words, e.g.
# "$GLOSS" FILE, or env VAR=X "$GLOSS" FILE) runs through a small script
# that writes its pid to $HARD_PID (COMMAND is exec'd, so that is the pid
# of gloss) and its exit status to $HARD_STATUS, so both are known at any
# terminal size (at 1x1 nothing readable fits on the screen); then the
# pane shows GLOSS-EXIT=STATUS as with term_start. Shell text
# in these variables, when set, goes into the pane's script:
#   HARD_BEFORE, HARD_AFTER  before and after COMMAND on its command line
#                            (e.g. "cat FILE |" and "| head -n 5")
#   HARD_PROLOGUE            lines run first, in the pane
#   HARD_EPILOGUE            lines run after COMMAND ends, before the
#                            status file appears
# With HARD_GATE=1, COMMAND waits for the file $TERM_TMP/go (hard_go).
HARD_PID=$TERM_TMP/gloss.pid
HARD_STATUS=$TERM_TMP/gloss.status
CELLWIDTH=$top_builddir/tests/cellwidth
[ -x "$CELLWIDTH" ] || skip_all "tests/cellwidth not built"

# hard_quote WORD: WORD as one single-quoted shell word.
hard_quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

hard_start() {
	hw=$1 hh=$2
	shift 2
	rm -f "$HARD_PID" "$HARD_STATUS" "$HARD_STATUS.g" "$TERM_TMP/go"
	{
		printf 'echo $$ >%s\n' "$(hard_quote "$HARD_PID.t")"
		printf 'mv %s %s\n' "$(hard_quote "$HARD_PID.t")" \
		    "$(hard_quote "$HARD_PID")"
		printf 'exec'
		for a in "$@"; do
			printf ' %s' "$(hard_quote "$a")"
		done
		printf '\n'
	} >"$TERM_TMP/gloss.sh"
	{
		# C-c and C-\ reach every process of the pane: this shell
		# ignores them through a trap (reset to default for gloss).
		printf 'trap : INT QUIT\n'
		printf '%s\n' "${HARD_PROLOGUE:-:}"
		[ "${HARD_GATE:-0}" = 1 ] &&
		    printf 'while [ ! -e %s ]; do sleep 0.05; done\n' \
		    "$(hard_quote "$TERM_TMP/go")"
		printf '%s { sh %s; echo $? >%s; } %s\n' \
		    "${HARD_BEFORE:-}" "$(hard_quote "$TERM_TMP/gloss.sh")" \
		    "$(hard_quote "$HARD_STATUS.g")" "${HARD_AFTER:-}"
		printf '%s\n' "${HARD_EPILOGUE:-:}"
		printf 'mv %s %s\n' "$(hard_quote "$HARD_STATUS.g")" \
		    "$(hard_quote "$HARD_STATUS")"
		printf 'echo GLOSS-EXIT=$(cat %s)\n' "$(hard_quote "$HARD_STATUS")"
		printf 'exec sleep 600\n'
	} >"$TERM_TMP/run.sh"
	# exec: no shell of term_start's stays around to die of a C-c.
	term_start "$hw" "$hh" "exec sh $TERM_TMP/run.sh"
}

# hard_go [RAW]: let a HARD_GATE'd command start; with RAW, first have
# tmux copy every byte the pane's programs write to the file RAW.
hard_go() {
	if [ -n "${1:-}" ]; then
		: >"$1"
		tm pipe-pane -O "cat >>'$1'"
	fi
	: >"$TERM_TMP/go"
}

# hard_wait_file FILE: poll until FILE exists (TERM_WAIT seconds).
hard_wait_file() {
	i=0
	while [ $i -lt $((TERM_WAIT * 10)) ]; do
		[ -s "$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	diag "timed out waiting for $1"
	return 1
}

# hard_pid: the pid of the running gloss (empty when it has not started).
hard_pid() {
	[ -s "$HARD_PID" ] && cat "$HARD_PID"
}

# hard_alive: gloss is still running.
hard_alive() {
	p=$(hard_pid)
	[ -n "$p" ] && kill -0 "$p" 2>/dev/null && [ ! -e "$HARD_STATUS" ]
}

# hard_wait_alt: wait until gloss has switched the pane to the alternate
# screen (curses started), whatever the size.
hard_wait_alt() {
	hard_wait_file "$HARD_PID" || return 1
	i=0
	while [ $i -lt $((TERM_WAIT * 10)) ]; do
		[ "$(tm display-message -p '#{alternate_on}' 2>/dev/null)" = 1 ] &&
		    return 0
		[ -e "$HARD_STATUS" ] && {
			diag "gloss exited with status $(cat "$HARD_STATUS")"
			return 1
		}
		sleep 0.1
		i=$((i + 1))
	done
	diag "timed out waiting for the alternate screen"
	return 1
}

# hard_exit_status: wait for gloss to end and print its exit status.
hard_exit_status() {
	hard_wait_file "$HARD_STATUS" >/dev/null || { echo none; return 1; }
	cat "$HARD_STATUS"
}

# hard_resize W H: resize the window; later captures are kept under W.
hard_resize() {
	tm resize-window -x "$1" -y "$2"
	TERM_W=$1
}

# hard_keep_now: capture the screen now and keep it for the width check.
hard_keep_now() {
	term_cap
	term_keep
}

# hard_widths_ok: every kept capture fits its width, measured with
# tests/cellwidth (the C library's wcwidth), and has no unprintable
# character in it.
hard_widths_ok() {
	bad=0
	for f in "$TERM_TMP"/cap.*; do
		[ -f "$f" ] || continue
		w=${f##*.}
		m=$("$CELLWIDTH" -m <"$f")
		case "$m" in
		''|*[!0-9]*)
			diag "$f: cellwidth says: $m"
			bad=1
			continue
			;;
		esac
		if [ "$m" -gt "$w" ]; then
			diag "$f: a line is $m cells wide on a $w-cell screen"
			sed 's/^/#   /' "$f"
			bad=1
		fi
	done
	return $bad
}

# hard_quick: 0 when the tests should do less (GLOSS_TEST_QUICK set, or
# gloss built with AddressSanitizer, which is several times slower).
hard_quick() {
	[ -n "${GLOSS_TEST_QUICK:-}" ] && return 0
	hard_asan
}

# hard_asan: 0 when gloss is built with AddressSanitizer.
hard_asan() {
	if command -v ldd >/dev/null 2>&1 &&
	    ldd "$GLOSS" 2>/dev/null | grep -q asan; then
		return 0
	fi
	if command -v nm >/dev/null 2>&1 &&
	    nm "$GLOSS" 2>/dev/null | grep -q '__asan_init'; then
		return 0
	fi
	return 1
}

# hard_idle: wait until gloss has read every key sent so far and sleeps
# waiting for more (the pane's input queue is empty and the process is
# asleep, seen twice in a row), so a capture shows the screen the keys
# led to. Polls; returns 1 on timeout or when gloss is gone.
cat >"$TERM_TMP/idle.py" <<'PY'
import fcntl, os, struct, sys, termios, time
tty, pid, limit = sys.argv[1], sys.argv[2], float(sys.argv[3])
fd = os.open(tty, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
end = time.time() + limit
calm = 0
while time.time() < end:
    try:
        with open('/proc/%s/stat' % pid) as f:
            state = f.read().rsplit(')', 1)[1].split()[0]
    except OSError:
        sys.exit(2)
    queued = struct.unpack('i', fcntl.ioctl(fd, termios.TIOCINQ, b'\0' * 4))[0]
    if queued == 0 and state == 'S':
        calm += 1
        if calm >= 3:
            sys.exit(0)
    else:
        calm = 0
    time.sleep(0.02)
sys.exit(1)
PY
hard_idle() {
	p=$(hard_pid)
	[ -n "$p" ] || return 1
	"$PYTHON3" -S "$TERM_TMP/idle.py" "$(tm display-message -p '#{pane_tty}')" \
	    "$p" "$TERM_WAIT"
}

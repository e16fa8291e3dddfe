# tests/term/term-lib.sh: drive the real gloss binary in a private tmux
# server. Source after tests/lib.sh. Every wait polls the screen (up to
# TERM_WAIT seconds); nothing sleeps blindly.
TMUX_BIN=${TMUX_BIN:-$(command -v tmux)}
[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || skip_all "tmux not found"
[ -n "$PYTHON3" ] || PYTHON3=$(command -v python3)
[ -n "$PYTHON3" ] || skip_all "python3 not found"
[ -x "$GLOSS" ] || skip_all "gloss binary not built"

# ncurses loads the gpm mouse library for TERM=linux; it leaks under
# LeakSanitizer (sanitizer builds) and is of no use inside tmux.
NCURSES_GPM_TERMS=
export NCURSES_GPM_TERMS
TERM_SOCK=gloss-test-$$-0
term_n=0
TERM_WAIT=${TERM_WAIT:-10}
TERM_TMP=$(mktemp -d "${TMPDIR:-/tmp}/gloss-term.XXXXXX")
# term_kill: stop the current server and remove its socket file.
term_kill() {
	tm kill-server >/dev/null 2>&1
	k=0
	while [ $k -lt 50 ] && tm has-session >/dev/null 2>&1; do
		sleep 0.1
		k=$((k + 1))
	done
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TERM_SOCK"
}
trap 'term_kill; rm -rf "$TERM_TMP"' EXIT
term_caps=0

# No status line from the start, so the reader never sees a first size
# that changes under it.
printf 'set -g status off\n' >"$TERM_TMP/tmux.conf"
tm() { "$TMUX_BIN" -L "$TERM_SOCK" -f "$TERM_TMP/tmux.conf" "$@"; }

# term_start W H COMMAND...: a fresh session running COMMAND, then a
# marker line with its exit status, then an idle shell.
term_start() {
	w=$1 h=$2
	shift 2
	term_kill
	term_n=$((term_n + 1))
	TERM_SOCK=gloss-test-$$-$term_n
	printf '%s\n' "$*; echo GLOSS-EXIT=\$?; exec sleep 600" >"$TERM_TMP/cmd"
	tm new-session -d -x "$w" -y "$h" "sh $TERM_TMP/cmd"
	tm resize-window -x "$w" -y "$h" >/dev/null 2>&1
	TERM_W=$w
}

# term_cap: capture the screen into $TERM_TMP/screen; term_keep keeps a
# copy for the width check at the end.
term_cap() {
	tm capture-pane -p >"$TERM_TMP/screen" 2>/dev/null
}
term_keep() {
	term_caps=$((term_caps + 1))
	cp "$TERM_TMP/screen" "$TERM_TMP/cap.$term_caps.$TERM_W"
}

# term_wait TEXT: wait until the screen contains TEXT (fixed string).
term_wait() {
	i=0
	while [ $i -lt $((TERM_WAIT * 10)) ]; do
		term_cap
		grep -F -q -- "$1" "$TERM_TMP/screen" && { term_keep; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	diag "timed out waiting for: $1"
	sed 's/^/#   /' "$TERM_TMP/screen"
	return 1
}

# term_wait_re REGEX: the same with an extended regular expression.
term_wait_re() {
	i=0
	while [ $i -lt $((TERM_WAIT * 10)) ]; do
		term_cap
		grep -E -q -- "$1" "$TERM_TMP/screen" && { term_keep; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	diag "timed out waiting for /$1/"
	sed 's/^/#   /' "$TERM_TMP/screen"
	return 1
}

# term_wait_change: wait until the screen differs from $TERM_TMP/before.
term_wait_change() {
	i=0
	while [ $i -lt $((TERM_WAIT * 10)) ]; do
		term_cap
		cmp -s "$TERM_TMP/screen" "$TERM_TMP/before" || { term_keep; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	diag "timed out waiting for the screen to change"
	return 1
}

# term_until 'SHELL TEST': wait until the test holds for a captured
# screen (it reads $TERM_TMP/screen, e.g. through term_line).
term_until() {
	i=0
	while [ $i -lt $((TERM_WAIT * 10)) ]; do
		term_cap
		if eval "$1"; then
			term_keep
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	diag "timed out waiting until: $1"
	sed 's/^/#   /' "$TERM_TMP/screen"
	return 1
}

term_keys() { tm send-keys "$@"; }
term_line() { sed -n "$(($1 + 1))p" "$TERM_TMP/screen"; }

# Python helpers: cell widths as wcwidth (glibc) sees them.
cat >"$TERM_TMP/cells.py" <<'PY'
import sys, unicodedata
def w(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
        return 0
    if unicodedata.east_asian_width(ch) in ('W', 'F'):
        return 2
    return 1
def cells(s):
    return sum(w(c) for c in s)
def rules(s, ch='\u2502'):
    out, x = [], 0
    for c in s:
        if c == ch:
            out.append(x)
        x += w(c)
    return out
cmd = sys.argv[1]
lines = [l.rstrip('\n') for l in open(sys.argv[2], encoding='utf-8')]
if cmd == 'maxwidth':
    print(max([cells(l) for l in lines] or [0]))
elif cmd == 'rulecheck':
    # The clause table: its heading line holds "Original" and the rule;
    # every later row holding a rule right of "Original" has it there.
    head = [i for i, l in enumerate(lines) if 'Original' in l and 'Translation' in l]
    if not head:
        print('no-table'); sys.exit(0)
    h = lines[head[0]]
    left = cells(h[:h.index('Original')])
    col = [x for x in rules(h) if x > left]
    if len(col) != 1:
        print('bad-head', col); sys.exit(0)
    bad = 0
    for l in lines[head[0] + 1:-1]:
        r = [x for x in rules(l) if x > left]
        if r and r != col:
            bad += 1
    print('ok' if bad == 0 else 'bad %d' % bad, col[0])
PY

# term_widths_ok: every captured screen so far fits its width.
term_widths_ok() {
	bad=0
	for f in "$TERM_TMP"/cap.*; do
		[ -f "$f" ] || continue
		w=${f##*.}
		m=$("$PYTHON3" "$TERM_TMP/cells.py" maxwidth "$f")
		if [ "$m" -gt "$w" ]; then
			diag "$f: a line is $m cells wide on a $w-cell screen"
			bad=1
		fi
	done
	return $bad
}

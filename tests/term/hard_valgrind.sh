#!/bin/sh
# tests/term/hard_valgrind.sh: memory and resources. Under valgrind's
# memcheck, --dump and --json of the sample and of the seed, and a reader
# session in tmux, have no memory error and no definite leak (ncurses
# keeps memory reachable at exit: only definite leaks count). The reader
# writes no file (HOME, XDG_CONFIG_HOME and the working directory are
# empty directories that must stay empty; under strace, nothing but a
# terminal is opened for writing) and holds no file descriptor beyond
# 0, 1, 2 and its terminal.
# Valgrind parts skip without valgrind or when gloss is built with
# AddressSanitizer (the two cannot run together); terminal parts skip
# without tmux.
. "$top_srcdir/tests/lib.sh"

DOC=$top_srcdir/share/sample.txt
[ -r "$DOC" ] || skip_all "share/sample.txt not found"
[ -x "$GLOSS" ] || skip_all "gloss binary not built"
SEED=$(seed_path)
VG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/gloss-vg.XXXXXX")
trap 'rm -rf "$VG_TMP"' EXIT

# skip DESCRIPTION: one skipped test point.
skip() { ok 0 "# SKIP $*"; }

VG=
if ! command -v valgrind >/dev/null 2>&1; then
	VG_WHY="valgrind not found"
elif ldd "$GLOSS" 2>/dev/null | grep -q asan ||
    nm "$GLOSS" 2>/dev/null | grep -q __asan_init; then
	VG_WHY="gloss is built with AddressSanitizer"
else
	VG=$(command -v valgrind)
fi
VG_FLAGS="--leak-check=full --show-leak-kinds=definite"
VG_FLAGS="$VG_FLAGS --errors-for-leak-kinds=definite --error-exitcode=9"

# vg_ok LABEL STATUS LOG: the status is not valgrind's 9 (and is 0) and
# the log reports no error.
vg_ok() {
	r=0
	[ "$2" = 0 ] || r=1
	grep -q "ERROR SUMMARY: 0 errors" "$3" || r=1
	[ $r -ne 0 ] && grep -E 'ERROR SUMMARY|definitely|Invalid|uninit' "$3" |
	    head -n 10 | sed 's/^/#   /'
	ok $r "$1 (status $2)"
}

# --- valgrind: dump and json ----------------------------------------------------
for f in "$DOC" "$SEED"; do
	case "$f" in
	"$DOC") name=sample ;;
	*) name=seed ;;
	esac
	for mode in --dump --json; do
		if [ -z "$f" ]; then
			skip "valgrind $mode seed: seed not found"
			continue
		fi
		if [ -z "$VG" ]; then
			skip "valgrind $mode $name: $VG_WHY"
			continue
		fi
		log=$VG_TMP/vg$mode-$name.log
		"$VG" $VG_FLAGS --log-file="$log" "$GLOSS" $mode --width=80 \
		    "$f" >"$VG_TMP/out" 2>"$VG_TMP/err"
		s=$?
		vg_ok "valgrind gloss $mode $name: no memory error, no definite leak" \
		    "$s" "$log"
		"$GLOSS" $mode --width=80 "$f" >"$VG_TMP/out.plain" 2>/dev/null
		cmp -s "$VG_TMP/out" "$VG_TMP/out.plain"
		ok $? "valgrind gloss $mode $name: the same output as without"
	done
done

# --- the reader, in tmux --------------------------------------------------------
TMUX_BIN=${TMUX_BIN:-$(command -v tmux)}
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ] ||
    { [ -z "$PYTHON3" ] && ! command -v python3 >/dev/null 2>&1; }; then
	skip "reader under valgrind, files and descriptors: tmux or python3 not found"
	tap_done
	exit
fi
. "$top_srcdir/tests/term/term-lib.sh"
. "$top_srcdir/tests/term/hard_lib.sh"
trap 'term_kill; rm -rf "$TERM_TMP" "$VG_TMP"' EXIT

EMPTY_HOME=$VG_TMP/home
EMPTY_CWD=$VG_TMP/cwd
mkdir -p "$EMPTY_HOME" "$EMPTY_CWD"
HARD_PROLOGUE="cd '$EMPTY_CWD'"
ISOLATED="env HOME=$EMPTY_HOME XDG_CONFIG_HOME=$EMPTY_HOME"

# session: 2 J J 3 J, a search and its next match, q; every step
# waited for on the screen.
session() {
	term_wait "h help" || return 1
	term_keys 2
	term_wait "comment 1/" || return 1
	term_keys J J
	term_wait "comment 3/" || return 1
	term_keys 3
	term_wait "clause 1/" || return 1
	term_keys J
	term_wait "clause 2/" || return 1
	term_keys / c a n a l
	term_wait_re '^/canal' || return 1
	term_keys Enter n
	hard_idle || return 1
	term_keys q
	st=$(hard_exit_status)
	[ "$st" = 0 ] || { diag "exit status $st"; return 1; }
}

# empty_dirs_ok LABEL: HOME and the working directory are still empty.
empty_dirs_ok() {
	left=$(ls -A "$EMPTY_HOME" "$EMPTY_CWD" | grep -v -e '^$' -e ':$')
	[ -z "$left" ]
	ok $? "$1: nothing written to HOME or the working directory${left:+ ($left)}"
}

if [ -n "$VG" ]; then
	log=$VG_TMP/vg-reader.log
	TERM_WAIT=60
	hard_start 100 30 $ISOLATED "$VG" $VG_FLAGS --log-file="$log" \
	    "$GLOSS" "$DOC"
	session
	ok $? "valgrind reader session: 2 J J 3 J /canal n q, exit 0"
	vg_ok "valgrind reader session: no memory error, no definite leak" \
	    "$(cat "$HARD_STATUS" 2>/dev/null)" "$log"
	TERM_WAIT=10
else
	skip "valgrind reader session: $VG_WHY"
	skip "valgrind reader session: $VG_WHY"
fi

# The same session without valgrind, its files and descriptors watched.
hard_start 100 30 $ISOLATED "$GLOSS" "$DOC"
term_wait "h help"
hard_idle
# Descriptors of the running reader: 0, 1, 2 and terminals only.
p=$(hard_pid)
tty=$(tm display-message -p '#{pane_tty}')
extra=
for fd in /proc/"$p"/fd/*; do
	n=${fd##*/}
	t=$(readlink "$fd")
	case "$n:$t" in
	[012]:*|*:"$tty"|*:/dev/tty) ;;
	*) extra="$extra $n=$t" ;;
	esac
	diag "reader fd $n: $t"
done
[ -d /proc/"$p"/fd ] && [ -z "$extra" ]
ok $? "reader: no descriptor beyond 0, 1, 2 and the terminal${extra:+ (extra:$extra)}"
session
ok $? "reader session: 2 J J 3 J /canal n q, exit 0"
empty_dirs_ok "reader"

# The reader with the document on a pipe keeps /dev/tty and fd 0 only.
HARD_BEFORE="cat '$DOC' |" hard_start 100 30 $ISOLATED "$GLOSS"
term_wait "h help"
hard_idle
p=$(hard_pid)
extra=
for fd in /proc/"$p"/fd/*; do
	n=${fd##*/}
	t=$(readlink "$fd")
	case "$n:$t" in
	[012]:*|*:"$tty"|*:/dev/tty|*:/dev/pts/*) ;;
	*) extra="$extra $n=$t" ;;
	esac
	diag "reader on a pipe fd $n: $t"
done
[ -d /proc/"$p"/fd ] && [ -z "$extra" ]
ok $? "reader on a pipe: no descriptor beyond 0, 1, 2 and the terminal${extra:+ (extra:$extra)}"
term_keys q
s=$(hard_exit_status)
[ "$s" = 0 ]
ok $? "reader on a pipe: q exits 0 (status $s)"
empty_dirs_ok "reader on a pipe"

(cd "$EMPTY_CWD" && $ISOLATED "$GLOSS" --dump "$DOC" >/dev/null &&
    $ISOLATED "$GLOSS" --json "$DOC" >/dev/null)
ok $? "--dump and --json run from an empty directory"
empty_dirs_ok "--dump and --json"

# Under strace: no file but a terminal is opened for writing.
if command -v strace >/dev/null 2>&1 &&
    strace -o /dev/null true >/dev/null 2>&1; then
	slog=$VG_TMP/strace.log
	# LeakSanitizer cannot work under a tracer: no leak check there.
	hard_start 100 30 $ISOLATED \
	    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	    strace -f -o "$slog" \
	    -e trace=open,openat,creat "$GLOSS" "$DOC"
	TERM_WAIT=30
	session
	ok $? "reader under strace: the session runs, exit 0"
	TERM_WAIT=10
	grep -E 'O_WRONLY|O_RDWR|O_CREAT|creat\(' "$slog" |
	    grep -v -e '"/dev/tty"' -e '"/dev/pts/' -e '= -1 ' >"$VG_TMP/writes"
	[ ! -s "$VG_TMP/writes" ]
	ok $? "reader under strace: nothing but a terminal opened for writing"
	sed 's/^/#   /' "$VG_TMP/writes" | head -n 5
	empty_dirs_ok "reader under strace"
else
	skip "reader under strace: strace not found or not permitted"
	skip "reader under strace: strace not found or not permitted"
	skip "reader under strace: strace not found or not permitted"
fi
tap_done

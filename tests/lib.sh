# tests/lib.sh: TAP helpers for shell tests. Source it, call ok/skip_all,
# end with tap_done. Environment from the Makefile: GLOSS (the binary),
# top_srcdir, GLOSS_SHARED (the ../shared folder), PYTHON3, TMUX_BIN.
tap_n=0
tap_failed=0
export LC_ALL=C.UTF-8
ok() {	# ok STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}
diag() { echo "# $*"; }
skip_all() { echo "1..0 # SKIP $*"; exit 0; }
tap_done() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }
seed_path() {
	s="${GLOSS_SHARED:-$top_srcdir/../shared}/seeds/000_e558593ce161b55e.txt"
	[ -r "$s" ] && echo "$s"
}
# max_width FILE: the widest line of FILE in cells (wcwidth via python).
max_width() {
	"$PYTHON3" - "$1" <<'PY'
import sys, unicodedata
def w(ch):
    o = ord(ch)
    if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
        return 0
    if unicodedata.east_asian_width(ch) in ('W', 'F'):
        return 2
    return 1
m = 0
for line in open(sys.argv[1], encoding='utf-8'):
    m = max(m, sum(w(c) for c in line.rstrip('\n')))
print(m)
PY
}

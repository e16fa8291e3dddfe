#!/bin/sh
# dump_seed.sh: --dump of the real seed document (skipped when absent):
# every comment and clause printed, no line wider than the width, the
# clause table's rule at one column on every row at several widths, and
# the Arabic original shaped and in visual order in app mode, logical and
# unshaped in terminal mode.
. "$top_srcdir/tests/lib.sh"
seed=$(seed_path) || skip_all "seed document not found (GLOSS_SHARED)"
[ -n "$seed" ] || skip_all "seed document not found (GLOSS_SHARED)"
cw="$top_builddir/tests/cellwidth"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

"$GLOSS" --dump --width 72 "$seed" >"$tmp/all72"
ok $? "dump of the seed at 72 columns exits 0"
m=$("$cw" -m <"$tmp/all72")
[ "$m" -le 72 ] 2>/dev/null
ok $? "no line wider than 72 cells (widest: $m)"
missing=""
for n in 1 2 3 4 5 6 7 8 9 10 11 12; do
	grep -q "^#$n\( \|\$\)" "$tmp/all72" || missing="$missing #$n"
done
[ -z "$missing" ]
ok $? "every comment 1-12 has its header line${missing:+ (missing:$missing)}"
grep -q "^Comments: 12 of 13 shown" "$tmp/all72"
ok $? "comments heading says 12 of 13 shown"

for w in 60 80 100 140; do
	"$GLOSS" --dump --pane clauses --width "$w" "$seed" >"$tmp/cl$w"
	ok $? "clauses pane at $w exits 0"
	m=$("$cw" -m <"$tmp/cl$w")
	[ "$m" -le "$w" ] 2>/dev/null
	ok $? "clauses at $w: no line wider than $w (widest: $m)"
	# Every line after the heading has the rule; all at one column.
	cols=$(tail -n +2 "$tmp/cl$w" | grep -v '^$' | "$cw" -c '|' |
	    awk '{print $1}' | sort -u)
	n=$(echo "$cols" | wc -l)
	[ "$n" -eq 1 ] && [ -n "$cols" ]
	ok $? "clauses at $w: rule at one column on every row ($(echo $cols))"
	missing=""
	for k in 1 2 3 4 5 6 7 8 9 10; do
		grep -q "^ \{0,2\}$k " "$tmp/cl$w" || missing="$missing $k"
	done
	[ -z "$missing" ]
	ok $? "clauses at $w: every clause number in the gutter${missing:+ (missing:$missing)}"
done

"$GLOSS" --dump --pane clauses --width 100 --bidi=app "$seed" >"$tmp/app"
"$GLOSS" --dump --pane clauses --width 100 --bidi=terminal "$seed" >"$tmp/term"
"$PYTHON3" - "$seed" "$tmp/app" "$tmp/term" <<'PY' >"$tmp/py"
import sys, unicodedata, re
seed, app, term = sys.argv[1:4]
# The logical original of clause 2, from the seed itself.
orig = None
for line in open(seed, encoding='utf-8'):
    m = re.match(r'\s+2-\s*(.*?)\s*\.?\s*2 [\u2013-]', line)
    if m:
        orig = m.group(1).strip(' .')
        break
def row(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    for i, l in enumerate(lines):
        if re.match(r'^ *2 \|', l) or re.match(r'^ *2 ', l) and '|' in l:
            left = l.split('|')[0][3:]
            return left.strip()
    return None
a, t = row(app), row(term)
pres = lambda s: any(0xFE70 <= ord(c) <= 0xFEFF or 0xFB50 <= ord(c) <= 0xFDFF for c in s)
norm = lambda s: unicodedata.normalize('NFKC', s)
print('found', orig is not None and a is not None and t is not None)
print('app_shaped', pres(a or ''))
print('app_visual', norm(a or '')[::-1].strip(' .') == orig)
print('term_unshaped', not pres(t or ''))
print('term_logical', (t or '').strip(' .') == orig)
PY
grep -q 'found True' "$tmp/py"; ok $? "clause 2 original found in both modes"
grep -q 'app_shaped True' "$tmp/py"; ok $? "app mode: Arabic in presentation forms"
grep -q 'app_visual True' "$tmp/py"; ok $? "app mode: Arabic in visual order"
grep -q 'term_unshaped True' "$tmp/py"; ok $? "terminal mode: no presentation forms"
grep -q 'term_logical True' "$tmp/py"; ok $? "terminal mode: logical order"
tap_done

#!/bin/sh
# dump_sample.sh: golden --dump output of share/sample.txt at 60 and 100
# columns. Regenerate after an intended layout change with:
#   src/gloss --dump --width N share/sample.txt > tests/golden/sample-N.txt
. "$top_srcdir/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for w in 60 100; do
	"$GLOSS" --dump --width "$w" "$top_srcdir/share/sample.txt" >"$tmp/$w"
	ok $? "dump at $w exits 0"
	diff -u "$top_srcdir/tests/golden/sample-$w.txt" "$tmp/$w" >"$tmp/diff"
	st=$?
	[ $st -eq 0 ] || sed 's/^/# /' "$tmp/diff" | head -40
	ok $st "dump at $w matches tests/golden/sample-$w.txt"
	m=$("$top_builddir/tests/cellwidth" -m <"$tmp/$w")
	[ "$m" -le "$w" ]
	ok $? "no line wider than $w (widest: $m)"
done
tap_done

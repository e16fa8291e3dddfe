#!/bin/sh
# dump_sample.sh: golden --dump output of share/sample.txt at 24 (where the
# lines gloss generates wrap with a hanging indent), 60 and 100 columns.
# Regenerate after an intended layout change with:
#   src/gloss --dump --width N share/sample.txt > tests/golden/sample-N.txt
. "$top_srcdir/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for w in 24 60 100; do
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

# The comments heading when the header's count is wrong: fewer comments
# than it says are "N of M shown"; more were said to be "3 of 2 shown".
printf 'Counts\n\nText.\n\n2 Comments\n\n  1. One.\n\n  2. Two.\n\n  3. Three.\n' \
    >"$tmp/more"
"$GLOSS" --dump --width 60 "$tmp/more" | grep -q '^Comments: 3 (the header says 2)$'
ok $? "more comments than the header says: 'Comments: 3 (the header says 2)'"
printf 'Counts\n\nText.\n\n5 Comments\n\n  1. One.\n\n  2. Two.\n\n  3. Three.\n' \
    >"$tmp/fewer"
"$GLOSS" --dump --width 60 "$tmp/fewer" | grep -q '^Comments: 3 of 5 shown$'
ok $? "fewer comments than the header says: 'Comments: 3 of 5 shown'"

# A configuration file that cannot be read is reported, also when it is
# a directory (it opened, then every read failed, and nothing was said).
"$GLOSS" --config="$tmp" --dump "$tmp/more" >/dev/null 2>"$tmp/err"
grep -q "gloss: $tmp: Is a directory" "$tmp/err"
ok $? "--config=DIRECTORY: 'Is a directory' ($(cat "$tmp/err"))"
"$GLOSS" --config="$tmp/none" --dump "$tmp/more" >/dev/null 2>"$tmp/err"
grep -q "gloss: $tmp/none: no such file" "$tmp/err"
ok $? "--config=MISSING: 'no such file'"
tap_done

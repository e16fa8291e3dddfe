#!/bin/sh
# dump_refs.sh: the references under quoting comments in --dump: a quote
# of an article paragraph gives "↩ ¶N" and the paragraph gets "¶N quoted
# by #M"; a quote of a clause translation gives "↩ clause N"; a quote of
# an earlier comment gives "↩ #N" and a "reply to" header; the clause
# table reference gets "quoted by #M (clause N)"; a bar marks the
# screen lines that show quoted text.
. "$top_srcdir/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf 'Refs\n\nFirst paragraph of the article says nothing much.\n\nSecond paragraph: the orchards of the valley need water in late summer.\n\n    1- \330\271\330\261\330\250 . 1 \342\200\223 the two towns share the canal water in equal parts always\n\n4 thoughts on "Refs"\n\n  1. I read that the two towns share the canal water in equal parts always, really.\n\n  2. Agreed: the orchards of the valley need water in late summer. Obvious.\n\n  3. Well, as someone said, Obvious. And the orchards of the valley need water in late summer too.\n' >"$tmp/doc"
"$GLOSS" --dump --width 100 "$tmp/doc" >"$tmp/out"
ok $? "dump exits 0"
grep -q '^  ↩ clause 1$' "$tmp/out"; ok $? "a quote of a clause refers to the clause"
grep -q '^¶2 quoted by #2' "$tmp/out"; ok $? "the quoted paragraph says who quotes it"
grep -q '^quoted by #1 (clause 1)$' "$tmp/out"
ok $? "the quoted clause table says which comment quotes which clause"
! grep -q '¶0' "$tmp/out"; ok $? "no paragraph number 0 anywhere"
grep -q '^  ↩ ¶2$' "$tmp/out"; ok $? "a quote of a paragraph refers to it"
grep -q '^| Agreed: the orchards' "$tmp/out"; ok $? "quoted lines carry a bar"
grep -q '^#1$' "$tmp/out"; ok $? "an unquoting comment has a plain header"

# The bar marks only the screen lines that show quoted text, not every
# line of a paragraph that holds a quote somewhere.
printf 'Bars\n\nThe orchards of the valley need water in late summer.\n\n1 thought on "Bars"\n\n  1. I grew up there and I can tell you plainly that the orchards of the valley need water in late summer, and the wells run dry by August in most years since the drought.\n' >"$tmp/bars"
"$GLOSS" --dump --width 40 "$tmp/bars" >"$tmp/barsout"
ok $? "bars: dump exits 0"
grep -q '^| plainly that the orchards' "$tmp/barsout" &&
    grep -q '^| valley need water in late summer' "$tmp/barsout"
ok $? "bars: the lines with quoted words carry the bar"
grep -q '^  I grew up there' "$tmp/barsout" &&
    grep -q '^  the wells run dry' "$tmp/barsout" &&
    grep -q '^  years since the drought' "$tmp/barsout"
ok $? "bars: the lines of the comment's own words before and after do not"

# Right-to-left comments and block quotes keep their left gutter: a
# full line of Arabic is right-aligned after it, and the quote bar of a
# quoting comment is on every line that holds quoted text.
w=$(printf '\331\210\331\202\330\271')	# a three-letter Arabic word
para=""
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do para="$para$w "; done
printf 'RTL\n\n%s\n\n    %s\n\n1 thought on "RTL"\n\n  1. %s\n' \
    "$para" "$para" "$para" >"$tmp/rtl"
"$GLOSS" --dump --width 30 "$tmp/rtl" >"$tmp/rtlout"
ok $? "RTL document: dump exits 0"
sed -n '/^  | /,/^$/p' "$tmp/rtlout" | grep -v '^$' >"$tmp/quote"
test -s "$tmp/quote" && ! grep -qv '^  | ' "$tmp/quote"
ok $? "an RTL block quote: every line starts with its bar"
sed -n '/^#1/,$p' "$tmp/rtlout" | sed '1d;/↩/,$d' | grep -v '^$' >"$tmp/cm"
test -s "$tmp/cm" && ! grep -qv '^| ' "$tmp/cm"
ok $? "an RTL quoting comment: every line starts with its bar"

# A right-to-left title is aligned like the paragraphs under it.
printf '%s%s\n\n%s\n' "$w " "$w" "$para" >"$tmp/rtltitle"
"$GLOSS" --dump --width 30 "$tmp/rtltitle" >"$tmp/rtltitleout"
ok $? "RTL title: dump exits 0"
head -n 1 "$tmp/rtltitleout" | grep -q '^                       [^ ]'
ok $? "an RTL title is right-aligned"
tap_done

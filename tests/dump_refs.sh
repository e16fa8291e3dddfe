#!/bin/sh
# dump_refs.sh: the references under quoting comments in --dump: a quote
# of an article paragraph gives "↩ ¶N" and the paragraph gets "¶N quoted
# by #M"; a quote of a clause translation gives "↩ clause N"; a quote of
# an earlier comment gives "↩ #N" and a "reply to" header; the clause
# table reference gets "quoted by #M (clause N)"; a bar marks the
# screen lines that show quoted text. A clause reference names the side
# quoted ("(original)", "(translation)", "(both sides)"), and a source
# quoted twice in a paragraph is named once.
. "$top_srcdir/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf 'Refs\n\nFirst paragraph of the article says nothing much.\n\nSecond paragraph: the orchards of the valley need water in late summer.\n\n    1- \330\271\330\261\330\250 . 1 \342\200\223 the two towns share the canal water in equal parts always\n\n4 thoughts on "Refs"\n\n  1. I read that the two towns share the canal water in equal parts always, really.\n\n  2. Agreed: the orchards of the valley need water in late summer. Obvious.\n\n  3. Well, as someone said, Obvious. And the orchards of the valley need water in late summer too.\n' >"$tmp/doc"
"$GLOSS" --dump --width 100 "$tmp/doc" >"$tmp/out"
ok $? "dump exits 0"
grep -q '^  ↩ clause 1 (translation)$' "$tmp/out"
ok $? "a quote of a clause refers to the clause and its side"
grep -q '^¶2 quoted by #2' "$tmp/out"; ok $? "the quoted paragraph says who quotes it"
grep -q '^quoted by #1 (clause 1)$' "$tmp/out"
ok $? "the quoted clause table says which comment quotes which clause"
! grep -q '¶0' "$tmp/out"; ok $? "no paragraph number 0 anywhere"
grep -q '^  ↩ ¶2$' "$tmp/out"; ok $? "a quote of a paragraph refers to it"
grep -q '^| Agreed: the orchards' "$tmp/out"; ok $? "quoted lines carry a bar"
grep -q '^#1$' "$tmp/out"; ok $? "an unquoting comment has a plain header"

# At narrow widths the lines gloss generates wrap with a hanging indent
# (LAY_HANG, 2 cells) instead of being cropped: joined up again, each is
# whole, and no line is wider than the width.
for w in 14 16 20 24 30 40; do
	"$GLOSS" --dump --width $w "$tmp/doc" >"$tmp/narrow"
	m=$("$top_builddir/tests/cellwidth" -m <"$tmp/narrow")
	[ "$m" -le "$w" ]; ok $? "width $w: no line wider (widest: $m)"
	tr '\n' ' ' <"$tmp/narrow" | tr -s ' ' >"$tmp/flat"
	for s in '¶2 quoted by #2 #3' '> Clause 1: translation in pane 3' \
	    'quoted by #1 (clause 1)' 'Comments: 3 of 4 shown' \
	    '↩ clause 1'; do
		grep -qF "$s" "$tmp/flat"; ok $? "width $w: '$s' is whole"
	done
done
for w in 12 16; do	# a reply header and a reference under a comment
	"$GLOSS" --dump --width $w "$top_srcdir/share/sample.txt" |
	    tr '\n' ' ' | tr -s ' ' >"$tmp/flat"
	grep -qF '#5 ↳ reply to #3 ' "$tmp/flat" && grep -qF ' ↩ ¶13 ' "$tmp/flat"
	ok $? "width $w: the sample's reply header and references are whole"
done
"$GLOSS" --dump --width 14 "$tmp/doc" >"$tmp/narrow"
grep -A2 '^> Clause 1:$' "$tmp/narrow" | tr '\n' '/' >"$tmp/ref"
[ "$(cat "$tmp/ref")" = '> Clause 1:/  translation/  in pane 3/' ]
ok $? "width 14: the reference's next lines hang by 2 cells ($(cat "$tmp/ref"))"
grep -A1 '^¶2 quoted by$' "$tmp/narrow" | tail -1 | grep -q '^  #2 #3$'
ok $? "width 14: so do the quoted-by line's"
"$GLOSS" --dump --width 14 --pane=clauses "$tmp/doc" >"$tmp/narrow"
grep -q '^  Orig | Trans$' "$tmp/narrow" && grep -q '^  inal | latio$' "$tmp/narrow"
ok $? "width 14: the column headings wrap in their columns"
printf 'T\n\n    3 \342\200\223 only a translation\n' >"$tmp/noorig"
"$GLOSS" --dump --width 16 --pane=clauses "$tmp/noorig" >"$tmp/narrow"
sed -n '/^3 /,$p' "$tmp/narrow" | cut -c3-7 | tr -d ' \n' | grep -q '^(nooriginal)$'
ok $? "width 16: '(no original)' wraps in its column ($(sed -n '/^3 /,$p' "$tmp/narrow" | cut -c3-7 | tr '\n' '/'))"
# Sides and repeats. #1's first paragraph quotes both sides of clause 1
# and ¶1 twice, its second only the original; #2 quotes clause 2's
# translation twice; #3 quotes #2 twice. The Arabic, written for this
# test, says "the farmers draw the river's water in the hot summer".
ar='\331\212\330\263\330\252\331\202\331\212 \330\247\331\204\331\201\331\204\330\247\330\255\331\210\331\206 \331\205\330\247\330\241 \330\247\331\204\331\206\331\207\330\261 \331\201\331\212 \330\247\331\204\330\265\331\212\331\201 \330\247\331\204\330\255\330\247\330\261'
printf "Sides\n\nThe orchards of the valley need water in late summer.\n\n    1- $ar . 1 \342\200\223 the farmers draw river water in the hot summer\n    2- \330\271\330\261\330\250 . 2 \342\200\223 the miller keeps the old stone wheel turning every day\n\n3 thoughts on \"Sides\"\n\n  1. It says $ar, that is, the farmers draw river water in the hot summer. So the orchards of the valley need water in late summer, yes, the orchards of the valley need water in late summer.\n\n    In the original alone: $ar.\n\n  2. Twice: the miller keeps the old stone wheel turning every day, and again the miller keeps the old stone wheel turning every day. My grandmother walked to that mill on foot each morning.\n\n  3. She said my grandmother walked to that mill on foot each morning, and my grandmother walked to that mill on foot each morning.\n" >"$tmp/sides"
"$GLOSS" --dump --width 100 "$tmp/sides" >"$tmp/sidesout"
ok $? "sides: dump exits 0"
grep '↩' "$tmp/sidesout" | tr '\n' '/' >"$tmp/refs"
[ "$(cat "$tmp/refs")" = '  ↩ clause 1 (both sides) ¶1/  ↩ clause 1 (original)/  ↩ clause 2 (translation)/  ↩ #2/' ]
ok $? "sides: each reference once, clauses with their side ($(cat "$tmp/refs"))"
grep -q '^quoted by #1 (clause 1) #2 (clause 2)$' "$tmp/sidesout"
ok $? "sides: the clause table names each comment and clause once"
grep -q '^¶1 quoted by #1$' "$tmp/sidesout"
ok $? "sides: the paragraph quoted twice names its comment once"
"$GLOSS" --dump --width 16 "$tmp/sides" | tr '\n' ' ' | tr -s ' ' >"$tmp/flat"
grep -qF '↩ clause 1 (both sides) ¶1 ' "$tmp/flat"
ok $? "sides: width 16: the reference is whole"

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

# The quoted comment's side: "quoted by #2" under the paragraph #2
# quotes twice (not under #1's first paragraph), named once; #3 quotes
# the same words from #2, the latest comment that has them.
printf 'Back\n\nAn article about nothing in particular at all.\n\n3 thoughts on "Back"\n\n  1. A first paragraph that nobody will quote from here.\n\n    The ferry across the lower river stops running in the dry months.\n\n  2. You say the ferry across the lower river stops running in the dry months, and again: the ferry across the lower river stops running in the dry months.\n\n  3. Not so: the ferry across the lower river stops running in the dry months only some years.\n' >"$tmp/back"
"$GLOSS" --dump --width 100 "$tmp/back" >"$tmp/backout"
ok $? "quoted comment: dump exits 0"
grep -A1 'The ferry across the lower river stops running in the dry months.$' "$tmp/backout" | sed -n 2p >"$tmp/qb"
[ "$(cat "$tmp/qb")" = "  quoted by #2" ]
ok $? "the quoted paragraph of a comment says who quotes it, once (got: '$(cat "$tmp/qb")')"
grep -A1 '^  ↩ #1$' "$tmp/backout" | sed -n 2p >"$tmp/qb2"
[ "$(cat "$tmp/qb2")" = "  quoted by #3" ]
ok $? "a paragraph that quotes and is quoted: its sources, then who quotes it (got: '$(cat "$tmp/qb2")')"
[ "$(grep -c 'quoted by' "$tmp/backout")" -eq 2 ]
ok $? "no other paragraph says it is quoted"
tap_done

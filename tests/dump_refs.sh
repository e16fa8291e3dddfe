#!/bin/sh
# dump_refs.sh: the references under quoting comments in --dump: a quote
# of an article paragraph gives "↩ ¶N" and the paragraph gets "¶N quoted
# by #M"; a quote of a clause translation gives "↩ clause N"; a quote of
# an earlier comment gives "↩ #N" and a "reply to" header; the clause
# table reference gets "quoted by #M (clause N)".
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
tap_done

#!/bin/sh
# tests/bench_gendoc.sh: bench/gendoc writes the same bytes for the same
# size and seed, other bytes for another seed, and a document with every
# part of the format (title, clause table, header, >1000 comments, trailer).
. "$top_srcdir/tests/lib.sh"

gendoc="$top_builddir/bench/gendoc"
[ -x "$gendoc" ] || skip_all "bench/gendoc not built"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench_gendoc.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

"$gendoc" 64K 7 > "$tmp/a"; ok $? "gendoc 64K 7 exits 0"
"$gendoc" 64K 7 > "$tmp/b"
cmp -s "$tmp/a" "$tmp/b"; ok $? "same size and seed give the same bytes"
"$gendoc" 64K 8 > "$tmp/c"
! cmp -s "$tmp/a" "$tmp/c"; ok $? "another seed gives other bytes"
"$gendoc" 64K > "$tmp/d"; "$gendoc" 64K 1 > "$tmp/e"
cmp -s "$tmp/d" "$tmp/e"; ok $? "the default seed is 1"
"$gendoc" 12X > /dev/null 2>&1; [ $? -eq 2 ]; ok $? "a bad size is a usage error"

"$gendoc" 1M > "$tmp/m"; ok $? "gendoc 1M exits 0"
size=$(wc -c < "$tmp/m")
[ "$size" -ge 1000000 ] && [ "$size" -le 1100000 ]
ok $? "1M is about 1 MiB ($size bytes)"

head -n 1 "$tmp/m" | grep -q '^[^ ]'; ok $? "first line is a title"
[ "$(sed -n 2p "$tmp/m")" = "" ]; ok $? "a blank line follows the title"

nhead=$(grep -c '^[0-9][0-9]* thoughts on “.*”$' "$tmp/m")
[ "$nhead" -eq 1 ]; ok $? "one comment header (found $nhead)"

n1=$(grep -c '^    1 – ' "$tmp/m")
[ "$n1" -eq 1 ]; ok $? "clause 1 has no original (found $n1)"
nclause=$(grep -cE '^    [0-9]+- .+ \. [0-9]+ – ' "$tmp/m")
[ "$nclause" -ge 9 ]; ok $? "clauses with an original ($nclause)"
nnote=$(grep -cE '^    [0-9]+.* – .*\[[^]]* ~[A-Z][A-Z]\]' "$tmp/m")
[ "$nnote" -ge 1 ]; ok $? "an editor's note in the clause table ($nnote)"

ncom=$(grep -cE '^  [0-9]+\. ' "$tmp/m")
[ "$ncom" -gt 1000 ]; ok $? "more than 1000 comments ($ncom)"
claimed=$(grep '^[0-9][0-9]* thoughts on' "$tmp/m" | sed 's/ .*//')
[ "$claimed" -eq $((ncom + 1)) ]
ok $? "header claims one more comment than present ($claimed)"
last=$(grep -E '^  [0-9]+\. ' "$tmp/m" | tail -n 1 | sed -E 's/^  ([0-9]+)\..*/\1/')
[ "$last" -eq "$ncom" ]; ok $? "comments are numbered 1..$ncom"
[ "$(tail -n 1 "$tmp/m")" = "Comments are closed." ]; ok $? "trailer"
ncont=$(grep -cE '^    [^ ]' "$tmp/m")
[ "$ncont" -gt "$ncom" ]; ok $? "continuation lines ($ncont)"
# A block quote: blank, indented lines, blank, before the clause table.
nbq=$(awk '/^    1 – /{exit} p2 != "" && p2 !~ /^ / && p1 == "" && /^    [^ 0-9]/{n++} {p2=p1; p1=$0} END{print n+0}' "$tmp/m")
[ "$nbq" -gt 0 ]; ok $? "block quotes in the article ($nbq)"
# Comments that open with two lines of an earlier comment, verbatim.
nq=$(awk '
	/ thoughts on “/ { incom = 1; next }
	!incom { next }
	/^  [0-9]+\. / { t = $0; sub(/^  [0-9]+\. /, "", t); pend = t; last = t; next }
	/^    [^ ]/ { u = $0; sub(/^    /, "", u)
		if (pend != "" && ((pend SUBSEP u) in pair)) n++
		if (last != "") pair[last SUBSEP u] = 1
		pend = ""; last = u; next }
	{ pend = ""; last = "" }
	END { print n + 0 }' "$tmp/m")
[ "$nq" -gt 10 ]; ok $? "comments quoting two lines of an earlier one ($nq)"
grep -q '…' "$tmp/m" && grep -q '—' "$tmp/m" && grep -q '“' "$tmp/m"
ok $? "ellipsis, em dash and curly quotes present"

# bench/quotetime reports the links quotes_find finds (as many as --json).
qt="$top_builddir/bench/quotetime"
if [ -x "$qt" ]; then
	out=$("$qt" -r 1 "$tmp/m"); ok $? "quotetime exits 0"
	links=$("$GLOSS" --json "$tmp/m" | "$PYTHON3" -c '
import json, sys
print(sum(len(c["quotes"]) for c in json.load(sys.stdin)["comments"]))')
	echo "$out" | grep -q " $links links, [0-9]* candidates listed, [0-9]* kept, quotes_find [0-9.]* s median"
	ok $? "quotetime counts the same $links links as --json"
	"$qt" -r 0 "$tmp/m" >/dev/null 2>&1; [ $? -eq 2 ]
	ok $? "quotetime: a bad run count is a usage error"
	"$qt" "$tmp/missing" >/dev/null 2>&1; [ $? -eq 1 ]
	ok $? "quotetime: a missing file fails with 1"
fi

tap_done

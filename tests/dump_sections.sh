#!/bin/sh
# dump_sections.sh: a thread in parts. A second header under the comments
# ("2 Pingbacks") with comments of its own starts a new part: --dump shows
# that header above the part's first comment, the counts of all headers
# add up in the Comments heading, and --json lists the part in
# "sections". A header with no comment after it stays text.
. "$top_srcdir/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf 'Rivers\n\nThe river rose twice this spring and the ferry stopped.\n\n3 thoughts on \342\200\234Rivers\342\200\235\n\n  1. The ferry has stopped before.\n\n  2. It will run again in May.\n\n  3. Not this year, I think.\n\n2 Pingbacks\n\n  1. Pingback: Valley notes \302\273 Rivers\n  2. Trackback: Weekly links\n\nComments are closed.\n' >"$tmp/doc"
"$GLOSS" --dump --width 60 "$tmp/doc" >"$tmp/out"
ok $? "dump exits 0"
grep -q '^Comments: 5 (closed)$' "$tmp/out"; ok $? "the counts of both headers add up"
! grep -q 'the header says' "$tmp/out"; ok $? "no count complaint"
# The part's header sits in the Comments pane, right above its comment.
sed -n '/^Comments:/,$p' "$tmp/out" >"$tmp/comments"
grep -A2 '^2 Pingbacks$' "$tmp/comments" | tr '\n' '/' >"$tmp/after"
[ "$(cat "$tmp/after")" = "2 Pingbacks//#1/" ]; ok $? "the part's header, a blank line, then #1 (got: $(cat "$tmp/after"))"
sed -n '1,/^Comments:/p' "$tmp/out" >"$tmp/article"
! grep -q 'Pingbacks' "$tmp/article"; ok $? "the header is not article text"
grep -q '^  Trackback: Weekly links$' "$tmp/comments"; ok $? "the part's comments follow"
"$GLOSS" --json "$tmp/doc" >"$tmp/json"; ok $? "json exits 0"
"$PYTHON3" - "$tmp/json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
want = [{"header": "2 Pingbacks", "line": 13, "declared": 2, "first_comment": 3}]
assert d["sections"] == want, d["sections"]
assert d["comment_count"] == 5
assert not [p for p in d["problems"] if "sequence" in p["message"]], d["problems"]
PY
ok $? "json lists the part, and no number is out of sequence"

# Numbers start at 1 in each part, so a reference to a comment of
# another part says which part ("#2 in part 1"); within a part, and from
# the article to the first part, "#2" is enough.
printf 'Lights

The keeper wrote every night about the weather over the bay and the ships.

3 Comments

  1. The keeper wrote every night about the weather, a lovely habit.

  2. Agreed, a lovely habit for anyone who lives by the sea.

  3. Agreed, a lovely habit for anyone who lives by the sea, yes.

2 Pingbacks

  1. Pingback: Notes on lights â a lovely habit for anyone who lives by the sea

  2. Trackback: The bay log
' >"$tmp/parts"
"$GLOSS" --dump --width 100 "$tmp/parts" >"$tmp/pout"
ok $? "dump of a thread in parts exits 0"
grep -q '^\[0-9]* quoted by #1$\|^¶1 quoted by #1$' "$tmp/pout"
ok $? "the article names comment 1 of the first part as #1"
grep -q '^#3  \(.*\) reply to #2$' "$tmp/pout"
ok $? "a reply in the same part names its parent #2"
grep -q '^  quoted by #3$' "$tmp/pout"
ok $? "comment 2 is quoted by #3 of its own part, named #3"
grep -q '^  quoted by #1 in part 2$' "$tmp/pout"
ok $? "comment 3 is quoted by #1 of part 2, named with its part"
grep -q '^#1  \(.*\) reply to #3 in part 1$' "$tmp/pout"
ok $? "the pingback replies to #3 in part 1, named with its part"
grep -q '^  \(.*\) #3 in part 1$' "$tmp/pout"
ok $? "and its reference line names the part too"
[ "$(grep -c 'in part' "$tmp/pout")" = 3 ]
ok $? "no other reference names a part"

# No comment after it: the line is not a header of a part.
printf 'Rivers\n\nBody.\n\n2 Comments\n\n  1. a\n\n  2. b\n\n2 Pingbacks\n\nNone yet.\n' >"$tmp/none"
"$GLOSS" --json "$tmp/none" >"$tmp/json2"
"$PYTHON3" -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["sections"] == [], d["sections"]' "$tmp/json2"
ok $? "a header with no comment after it starts no part"
tap_done

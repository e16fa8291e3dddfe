#!/bin/sh
# tests/json_export.sh: json_write on the sample document, the seed (if
# present) and random bytes, checked with python3's json module: the output
# parses, counts match the documents (counted by reading them), offsets of
# quotes slice the emitted text, and no raw control character appears.
. "$top_srcdir/tests/lib.sh"

[ -n "$PYTHON3" ] && [ -x "$PYTHON3" ] || skip_all "python3 not available"
dump="$top_builddir/tests/unit/test_json"
[ -x "$dump" ] || skip_all "tests/unit/test_json not built"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# The checks, in python: j is the parsed output; EXPECT adds more.
cat >"$tmp/check.py" <<'PY'
import json, sys
raw = open(sys.argv[1], 'rb').read()
name, expect = sys.argv[2], sys.argv[3]
n = 0
def ok(cond, what):
    global n
    n += 1
    print('%d\t%s: %s' % (0 if cond else 1, name, what))
try:
    j = json.loads(raw.decode('utf-8'))
    ok(True, 'valid UTF-8 JSON')
except Exception as e:
    ok(False, 'valid UTF-8 JSON (%s)' % e)
    sys.exit(0)
ok(all(b >= 0x20 or b == 0x0a for b in raw) and 0x7f not in raw,
   'no raw control bytes')
good = True
for c in j['comments']:
    for q in c['quotes']:
        t = c['paragraphs'][q['paragraph']]['text']
        good &= 0 <= q['start'] <= q['end'] <= len(t)
        good &= t[q['start']:q['end']] == q['text']
        s = q['source']
        if s['kind'] == 'article' and 'clause' in s:
            good &= s['side'] in ('original', 'translation')
            good &= j['clauses'][s['clause']]['block'] == s['block']
            st = j['clauses'][s['clause']][s['side']] or ''
        elif s['kind'] == 'article':
            st = j['blocks'][s['block']]['text']
            good &= j['blocks'][s['block']]['line'] == s['paragraph_line']
        else:
            st = j['comments'][s['comment']]['paragraphs'][s['paragraph']]['text']
        good &= 0 <= s['start'] <= s['end'] <= len(st)
ok(good, 'quote offsets slice the emitted texts')
good = True
for c in j['clauses']:
    for x in c['notes']:
        good &= c['translation'][x['start']:x['end']] == x['text']
ok(good, 'note offsets slice the translations')
ok(j['comment_count'] == len(j['comments']), 'comment_count')
good = True
for c in j['comments']:
    pc = c['parent_comment']
    good &= (pc is None) == (c['parent'] is None)
    if pc is not None:
        good &= 0 <= pc < len(j['comments'])
        good &= j['comments'][pc]['number'] == c['parent']
ok(good, 'parent_comment indexes the parent')
good = True
prev = 0
for sec in j['sections']:
    good &= prev < sec['first_comment'] < len(j['comments'])
    prev = sec['first_comment']
ok(good, 'sections start at comments, in order')
groups = set(b['group'] for b in j['blocks'] if b['kind'] == 'quote')
kinds = [b['kind'] for b in j['blocks']]
paras = [len(c['paragraphs']) for c in j['comments']]
exec(expect)
PY

# check NAME FILE EXPECT: dump FILE and run the checks (python prints
# "status<TAB>what" lines, which become TAP points here).
check() {
	"$dump" --dump "$2" >"$tmp/out.json"
	ok $? "$1: json_write succeeds"
	if ! "$PYTHON3" "$tmp/check.py" "$tmp/out.json" "$1" "$3" \
	    >"$tmp/results"; then
		printf '1\t%s: the python checks ran\n' "$1" >>"$tmp/results"
	fi
	while IFS='	' read -r st what; do
		ok "$st" "$what"
	done <"$tmp/results"
}

check sample "$top_srcdir/share/sample.txt" '
ok(j["title"].startswith("Two towns, one canal"), "title")
ok(j["declared_comments"] == 9, "header claims 9")
ok(j["comment_count"] == 8, "8 comments")
ok([c["number"] for c in j["comments"]] == list(range(1, 9)), "numbers 1-8")
ok(j["comments_closed"] is True, "comments closed")
ok(kinds.count("paragraph") == 14, "14 article paragraphs")
ok(len(groups) == 2 and kinds.count("quote") == 3, "two block quotes, 3 lines")
ok(kinds.count("clauses") == 1, "one clause block")
ok([c["number"] for c in j["clauses"]] == list(range(1, 9)), "clauses 1-8")
ok(j["clauses"][0]["original"] is None, "clause 1 has no original")
ok(all(c["original_direction"] == "rtl" for c in j["clauses"][1:]), "RTL originals")
ok([x["signature"] for x in j["clauses"][1]["notes"]] == ["MR"], "clause 2 note signed MR")
ok(sum(len(c["notes"]) for c in j["clauses"]) == 5, "five notes")
ok(paras == [1, 1, 2, 1, 2, 2, 1, 3], "comment paragraphs")
ok([len(p["text"].split("\n")) for p in j["comments"][4]["paragraphs"]] == [4, 1], "comment 5 line breaks")
ok(len(j["problems"]) == 1 and j["problems"][0]["line"] == 35, "one problem: the count, at the header")
ok(j["invalid_sequences"] == 0, "valid UTF-8")
'

seed=$(seed_path)
if [ -n "$seed" ]; then
	check seed "$seed" '
ok(j["title"].startswith("Iraq signs military agreement"), "title")
ok(j["declared_comments"] == 13 and j["comment_count"] == 12, "13 declared, 12 present")
ok([c["number"] for c in j["comments"]] == list(range(1, 13)), "numbers 1-12")
ok(j["comments_closed"] is True, "comments closed")
ok(len(groups) == 6 and kinds.count("quote") == 15, "six block quotes")
ok(kinds.count("paragraph") == 27 and kinds.count("clauses") == 1, "paragraphs, one clause block")
ok([c["number"] for c in j["clauses"]] == list(range(1, 11)), "clauses 1-10")
ok(j["clauses"][0]["original"] is None, "clause 1 has no original")
ok([x["signature"] for x in j["clauses"][1]["notes"]] == ["HC"], "clause 2 note signed HC")
ok(paras == [1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 4], "comment paragraphs")
'
else
	diag "seed document not available: seed checks skipped"
fi

# Quotes of both sides of a clause (the Arabic written for this test:
# "the city may build a new bridge over the great river before winter").
"$PYTHON3" -c '
import sys
ar = "\u064a\u062d\u0642 \u0644\u0644\u0645\u062f\u064a\u0646\u0629 "
q = ("\u0628\u0646\u0627\u0621 \u062c\u0633\u0631 \u062c\u062f\u064a\u062f "
     "\u0641\u0648\u0642 \u0627\u0644\u0646\u0647\u0631 "
     "\u0627\u0644\u0643\u0628\u064a\u0631 \u0642\u0628\u0644 "
     "\u0627\u0644\u0634\u062a\u0627\u0621")
doc = ("Sides\n\nA short article about a river.\n\n"
       "    1- " + ar + q + " . 1 \u2013 The city may build a new bridge "
       "over the great river before winter.\n\n2 thoughts on \"Sides\"\n\n"
       "  1. It reads \u201c" + q + "\u201d there.\n\n"
       "  2. So the city may build a new bridge over the great river.\n")
sys.stdout.buffer.write(doc.encode())
' >"$tmp/sides.txt"
check sides "$tmp/sides.txt" '
qs = [c["quotes"] for c in j["comments"]]
ok([len(x) for x in qs] == [1, 1], "one quote in each comment")
s1, s2 = qs[0][0]["source"], qs[1][0]["source"]
ok(s1.get("clause") == 0 and s1.get("side") == "original",
   "a quote of the original says side original")
ok(s2.get("clause") == 0 and s2.get("side") == "translation",
   "a quote of the translation says side translation")
o, t = j["clauses"][0]["original"], j["clauses"][0]["translation"]
ok(o[s1["start"]:s1["end"]] == qs[0][0]["text"],
   "original offsets slice the quoted Arabic")
ok(t[s2["start"]:s2["end"]] == "The city may build a new bridge over the great river",
   "translation offsets slice the quoted words")
'

# Random bytes, every value 0-255 likely: the output must still be JSON.
"$PYTHON3" -c '
import random, sys
r = random.Random(7)
parts = [b"T\n", b"    1- \xd9\x86\xd8\xb5 . 1 \xe2\x80\x93 [x ~AB]\n", b"2 Comments\n"]
for i in range(400):
    parts.append(bytes(r.randrange(256) for _ in range(r.randrange(1, 40))))
    parts.append(r.choice([b"\n", b"\r", b"\r\n", b"\n  3. ", b"\n    "]))
sys.stdout.buffer.write(b"".join(parts))
' >"$tmp/random.txt"
check random "$tmp/random.txt" '
ok(j["invalid_sequences"] > 0, "invalid sequences counted")
'
tap_done

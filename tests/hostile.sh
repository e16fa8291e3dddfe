#!/bin/sh
# hostile.sh: every file of the hostile corpus (tests/hostile_gen.py)
# through --dump (at several widths and every bidi mode) and --json.
# Expected: exit 0 with output, or exit 1 with one line "gloss: FILE:
# reason"; never a crash or sanitizer report, never a hang (timeout), no
# ESC, C1 control or bidi control byte in the output; JSON parses.
. "$top_srcdir/tests/lib.sh"
[ -n "$PYTHON3" ] || skip_all "python3 not found"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in"
"$PYTHON3" "$top_srcdir/tests/hostile_gen.py" "$tmp/in" big || exit 1
cp "$GLOSS" "$tmp/in/binary-executable"

# clean FILE: no ESC, no C0 except LF, no DEL, no C1 (raw or UTF-8), no
# bidi controls. Prints what it found.
clean() {
	"$PYTHON3" - "$1" <<'PY'
import re, sys
b = open(sys.argv[1], 'rb').read()
bad = re.findall(rb'[\x00-\x09\x0b-\x1f\x7f]', b)
c1 = re.findall(rb'\xc2[\x80-\x9f]', b)
bidi = re.findall(rb'\xe2\x80[\xaa-\xae\x8e\x8f]|\xe2\x81[\xa6-\xa9]|\xd8\x9c|\xef\xbb\xbf', b)
if bad or c1 or bidi:
    print('controls:', sorted(set(bad))[:10], 'c1:', len(c1), 'bidi:', len(bidi))
    sys.exit(1)
PY
}

for f in "$tmp"/in/*; do
	n=$(basename "$f")
	for mode in "--width 80" "--width 1 --bidi=terminal" "--width 33 --bidi=off" "--width 200"; do
		timeout 120 "$GLOSS" --dump $mode "$f" >"$tmp/out" 2>"$tmp/err"
		st=$?
		if [ $st -eq 0 ]; then
			why=$(clean "$tmp/out")
			ok $? "$n: --dump $mode exits 0 with clean output $why"
		elif [ $st -eq 1 ]; then
			lines=$(wc -l <"$tmp/err")
			grep -q "^gloss: $f: " "$tmp/err" && [ "$lines" -eq 1 ]
			ok $? "$n: --dump $mode refused with one message: $(head -c 100 "$tmp/err")"
		else
			ok 1 "$n: --dump $mode exit status $st: $(head -c 300 "$tmp/err")"
		fi
	done
	timeout 120 "$GLOSS" --json "$f" >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ $st -eq 0 ]; then
		"$PYTHON3" -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$tmp/out" 2>"$tmp/jerr"
		ok $? "$n: --json is valid JSON $(head -c 200 "$tmp/jerr")"
		why=$(clean "$tmp/out")
		ok $? "$n: --json has no raw control bytes $why"
	else
		[ $st -eq 1 ] && grep -q "^gloss: $f: " "$tmp/err"
		ok $? "$n: --json exit $st: $(head -c 100 "$tmp/err")"
	fi
done

# Specific expectations.
"$GLOSS" --dump --width 80 "$tmp/in/escapes.txt" >"$tmp/out"
grep -q 'pwned' "$tmp/out"
ok $? "escapes: the text of the title sequence is shown as text"
grep -q '␛' "$tmp/out"
ok $? "escapes: ESC shown as a visible symbol"
"$GLOSS" --json "$tmp/in/million-comments.txt" >"$tmp/out"
"$PYTHON3" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["comment_count"] == 1000000 and len(d["comments"]) == 1000000 else 1)' "$tmp/out"
ok $? "a million one-line comments are all parsed"
"$GLOSS" --json "$tmp/in/count-2pow64.txt" >"$tmp/out"
"$PYTHON3" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["comment_count"] == 1 else 1)' "$tmp/out"
ok $? "a header count of 2^64 does not break the comments"
"$GLOSS" --dump --width 80 "$tmp/in/latin1.txt" >"$tmp/out"
grep -q 'Café naïve' "$tmp/out"
ok $? "Latin-1 text is read as Windows-1252"
"$GLOSS" --json "$tmp/in/latin1.txt" | grep -q 'read as Windows-1252'
ok $? "Latin-1 text: the conversion is reported as a problem"
"$GLOSS" --dump "$tmp/in/invalid-utf8.txt" | grep -q '�'
ok $? "UTF-8 with invalid bytes keeps U+FFFD (not read as Windows-1252)"
for n in utf16le-unpaired utf16be-unpaired; do
	"$GLOSS" --json "$tmp/in/$n.txt" >"$tmp/out"
	"$PYTHON3" -c 'import json,sys; d=json.load(open(sys.argv[1])); t=open(sys.argv[2],"rb").read().decode("utf-16","replace"); sys.exit(0 if d["invalid_sequences"] == t.count("\ufffd") > 0 and d["blocks"][-1]["text"] == t.split("\n")[-1] else 1)' "$tmp/out" "$tmp/in/$n.txt"
	ok $? "$n: each ill-formed sequence counted and U+FFFD, as Python decodes it"
done
tap_done

#!/bin/sh
# cli.sh: the command line: help, version, usage errors (2), unreadable
# input (1, "gloss: FILE: reason"), stdin, size limit, endless devices,
# binary files, compressed files, UTF-16 and UTF-32 (with ill-formed sequences),
# UTF-16 without a byte-order mark, and dump as the default when stdout is
# not a terminal.
. "$top_srcdir/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
sample="$top_srcdir/share/sample.txt"

"$GLOSS" --help >"$tmp/out" 2>&1; ok $? "--help exits 0"
grep -q '^Usage: gloss' "$tmp/out"; ok $? "--help prints usage"
"$GLOSS" --version >"$tmp/out" 2>&1; ok $? "--version exits 0"
grep -q '^gloss [0-9]' "$tmp/out"; ok $? "--version prints the version"
"$GLOSS" --no-such-option >"$tmp/out" 2>&1; [ $? -eq 2 ]; ok $? "unknown option exits 2"
grep -q "Try 'gloss --help'" "$tmp/out"; ok $? "unknown option suggests --help"
"$GLOSS" --width=abc "$sample" >/dev/null 2>&1; [ $? -eq 2 ]; ok $? "bad --width exits 2"
# A usage error names the option that is wrong, as it was typed; getopt
# leaves its index on a word of short options until the word's last
# letter, and the word before was named ("unknown option '--dump'" for
# a file named -x.txt after --dump).
usage_says() {	# usage_says MESSAGE ARGS...: exit 2 and exactly "gloss: MESSAGE"
	want=$1
	shift
	"$GLOSS" "$@" </dev/null >/dev/null 2>"$tmp/err"
	st=$?
	got=$(head -n 1 "$tmp/err")
	[ $st -eq 2 ] && [ "$got" = "gloss: $want" ]
	ok $? "$* names the option: $got"
}
usage_says "unknown option '-x'" --dump -x.txt
usage_says "unknown option '-x'" -dx
usage_says "unknown option '-x'" -x
usage_says "unknown option '--bogus'" --bogus=3 "$sample"
usage_says "option '--dump' takes no value" --dump=3 "$sample"
usage_says "option '--no-col' takes no value" --no-col=1 "$sample"
usage_says "option '-w' needs a value" --dump -dw
usage_says "option '--width' needs a value" --dump --width
e_acute=$(printf -- '-\303\251')
usage_says "unknown option '$e_acute'" --dump "$e_acute"
"$GLOSS" --width 70000 "$sample" >/dev/null 2>"$tmp/err"
grep -q "^gloss: invalid value '70000' for --width\$" "$tmp/err"; ok $? "a bad value names its option (separate argument)"
"$GLOSS" -w 0 "$sample" >/dev/null 2>"$tmp/err"
grep -q "^gloss: invalid value '0' for -w\$" "$tmp/err"; ok $? "a bad value names its short option"
"$GLOSS" --pane=nope "$sample" >/dev/null 2>&1; [ $? -eq 2 ]; ok $? "bad --pane exits 2"
"$GLOSS" --bidi=sideways "$sample" >/dev/null 2>&1; [ $? -eq 2 ]; ok $? "bad --bidi exits 2"
"$GLOSS" a b >/dev/null 2>&1; [ $? -eq 2 ]; ok $? "two files exit 2"
"$GLOSS" --dump "$tmp/missing" >"$tmp/out" 2>"$tmp/err"; [ $? -eq 1 ]; ok $? "missing file exits 1"
grep -q "^gloss: $tmp/missing: No such file or directory\$" "$tmp/err"; ok $? "missing file message names the file"
[ ! -s "$tmp/out" ]; ok $? "nothing on stdout for a missing file"
# Names and configuration lines from outside never reach stderr raw.
bad=$(printf '%s/x\033]0;T\007\377\342\200\256y' "$tmp")
"$GLOSS" --dump "$bad" >/dev/null 2>"$tmp/err"; [ $? -eq 1 ]; ok $? "a file name with controls: exit 1"
LC_ALL=C grep -q "x\\\\x1B]0;T\\\\x07\\\\xFF\\\\u202Ey: No such file" "$tmp/err"; ok $? "its controls, bad byte and bidi override are escaped"
! LC_ALL=C grep -q "$(printf '[\033\007\377]')" "$tmp/err"; ok $? "no raw ESC, BEL or invalid byte on stderr"
printf 'bind \033]2;PWNED\007 quit\n' >"$tmp/cfg"
"$GLOSS" --config="$tmp/cfg" --dump "$sample" >/dev/null 2>"$tmp/err"
LC_ALL=C grep -q 'unknown key "\\x1B]2;PWNED\\x07"' "$tmp/err"; ok $? "a configuration line's controls are escaped"
head -c 20000 /dev/urandom | tr '\n' 'x' | fold -w 40 >"$tmp/cfgbin"
"$GLOSS" --config="$tmp/cfgbin" --dump "$sample" >/dev/null 2>"$tmp/err"
[ "$(wc -l <"$tmp/err")" -le 21 ]; ok $? "a binary configuration file: at most 21 lines of complaints"
grep -q "too many bad lines" "$tmp/err"; ok $? "and it says the rest is ignored"
"$GLOSS" --dump "$tmp" >/dev/null 2>"$tmp/err"; [ $? -eq 1 ]; ok $? "directory exits 1"
grep -q "^gloss: $tmp: Is a directory" "$tmp/err"; ok $? "directory message"
"$GLOSS" --dump --max-size 1K "$sample" >/dev/null 2>"$tmp/err"; [ $? -eq 1 ]; ok $? "file over --max-size exits 1"
grep -q "limit (--max-size)" "$tmp/err"; ok $? "size limit message"
head -c 4096 /dev/zero >"$tmp/zeros"
yes "An endless line of text." | timeout 20 "$GLOSS" --dump --max-size 1M - >/dev/null 2>"$tmp/err"; [ $? -eq 1 ]; ok $? "an endless text is stopped at the limit with exit 1"
grep -q "does not end within" "$tmp/err"; ok $? "an endless text: message"
"$GLOSS" --dump "$tmp/zeros" >/dev/null 2>"$tmp/err"; [ $? -eq 1 ]; ok $? "binary file exits 1"
grep -q "binary file" "$tmp/err"; ok $? "binary file message"
: >"$tmp/empty"
"$GLOSS" --dump "$tmp/empty" >"$tmp/out" 2>&1; ok $? "empty file exits 0"
"$GLOSS" --dump --width 60 - <"$sample" >"$tmp/stdin" 2>&1; ok $? "stdin as '-' exits 0"
"$GLOSS" --dump --width 60 "$sample" >"$tmp/file" 2>&1
cmp -s "$tmp/stdin" "$tmp/file"; ok $? "stdin and file give the same dump"
# A pipe is read in growing chunks: a document of many chunks reads the
# same as the file, one of exactly --max-size bytes is read, one byte more
# is refused.
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	cat "$sample"
done >"$tmp/many"
n=$(wc -c <"$tmp/many")
"$GLOSS" --dump "$tmp/many" >"$tmp/many.file" 2>&1
cat "$tmp/many" | "$GLOSS" --dump - >"$tmp/many.pipe" 2>&1
cmp -s "$tmp/many.pipe" "$tmp/many.file"; ok $? "a pipe of $n bytes gives the file's dump"
cat "$tmp/many" | "$GLOSS" --dump --max-size "$n" - >"$tmp/many.pipe" 2>&1
cmp -s "$tmp/many.pipe" "$tmp/many.file"; ok $? "a pipe of exactly --max-size bytes is read"
cat "$tmp/many" | "$GLOSS" --dump --max-size "$((n - 1))" - >/dev/null 2>"$tmp/err"; [ $? -eq 1 ]
ok $? "a pipe one byte over --max-size exits 1"
"$GLOSS" --dump --max-size "$n" "$tmp/many" >"$tmp/many.pipe" 2>&1
cmp -s "$tmp/many.pipe" "$tmp/many.file"; ok $? "a file of exactly --max-size bytes is read"
# Standard input that is a file is read from its current offset (like cat).
(dd bs=1 count=4 of=/dev/null 2>/dev/null; "$GLOSS" --dump -) <"$sample" >"$tmp/off.stdin" 2>&1
tail -c +5 "$sample" | "$GLOSS" --dump - >"$tmp/off.pipe" 2>&1
cmp -s "$tmp/off.stdin" "$tmp/off.pipe"; ok $? "a file as stdin is read from its current offset"
"$GLOSS" "$sample" >"$tmp/auto" 2>&1 </dev/null; ok $? "no mode with stdout a pipe exits 0"
"$GLOSS" --dump --width 80 "$sample" >"$tmp/dump80"
cmp -s "$tmp/auto" "$tmp/dump80"; ok $? "stdout not a terminal: dumps at 80 columns"
cat "$sample" | "$GLOSS" --width 60 >"$tmp/pipe" 2>&1; ok $? "cmd | gloss dumps"
cmp -s "$tmp/pipe" "$tmp/file"; ok $? "cmd | gloss reads stdin"
printf '\377\376T\000i\000t\000l\000e\000\n\000' >"$tmp/utf16"
"$GLOSS" --dump "$tmp/utf16" >"$tmp/out" 2>&1; ok $? "UTF-16 with BOM exits 0"
grep -q '^Title' "$tmp/out"; ok $? "UTF-16 is converted"
# An unpaired surrogate is one U+FFFD, counted, and the text after it is
# decoded in step; so is a high surrogate and an odd byte at the end.
printf '\377\376T\000\n\000\n\000b\000\000\330 \000a\000\n\000\n\000c\000\n\000' \
    >"$tmp/utf16le-lone"
printf 'T\n\nb\357\277\275 a\n\nc\n\n' >"$tmp/want"
"$GLOSS" --dump --width 80 "$tmp/utf16le-lone" >"$tmp/out" 2>&1
cmp -s "$tmp/out" "$tmp/want"; ok $? "UTF-16LE: a lone high surrogate, in step after it"
cat "$tmp/utf16le-lone" | "$GLOSS" --dump --width 80 - >"$tmp/out" 2>&1
cmp -s "$tmp/out" "$tmp/want"; ok $? "UTF-16LE: the same from a pipe"
"$GLOSS" --json "$tmp/utf16le-lone" >"$tmp/out" 2>&1
grep -q '"invalid_sequences":1,' "$tmp/out"; ok $? "UTF-16LE: the lone surrogate is counted"
printf '\376\377\000T\000\n\000\n\334\000\000x\000\n\000\n\330\075\336\000\000\n\330\000z' \
    >"$tmp/utf16be-lone"
printf 'T\n\n\357\277\275x\n\n\360\237\230\200\n\n\357\277\275\n\n' >"$tmp/want"
"$GLOSS" --dump --width 80 "$tmp/utf16be-lone" >"$tmp/out" 2>&1
cmp -s "$tmp/out" "$tmp/want"; ok $? "UTF-16BE: a lone low surrogate, a truncated end"
"$GLOSS" --json "$tmp/utf16be-lone" >"$tmp/out" 2>&1
grep -q '"invalid_sequences":2,' "$tmp/out"; ok $? "UTF-16BE: both are counted"
# UTF-16 without a byte-order mark, English and Arabic, both byte orders,
# short and past the 8 KiB sniff: read as if it had one, the guess noted;
# UTF-32 without a mark stays a binary file.
if [ -n "$PYTHON3" ]; then
	"$PYTHON3" - "$tmp" <<'PY'
import sys
d = sys.argv[1]
en = "Low Tide\n\nThe harbour clerks counted the crates at dawn.\n"
ar = ("\u0631\u0633\u0627\u0644\u0629\n\n"
      "1- \u0643\u062a\u0628 \u0627\u0644\u0648\u0644\u062f "
      "\u0631\u0633\u0627\u0644\u0629 . 1 \u2013 The boy wrote a letter\n")
for name, t in (("en", en), ("ar", ar)):
    open(d + "/" + name + ".utf8", "w", encoding="utf-8").write(t)
    for e in ("le", "be"):
        open(d + "/" + name + "." + e, "wb").write(t.encode("utf-16-" + e))
        long = t + (t.split("\n")[-2] + "\n\n") * 150
        open(d + "/" + name + "-long.utf8", "w", encoding="utf-8").write(long)
        open(d + "/" + name + "-long." + e, "wb").write(long.encode("utf-16-" + e))
    open(d + "/" + name + ".utf32", "wb").write(t.encode("utf-32-le"))
PY
	for f in en ar en-long ar-long; do
		"$GLOSS" --dump --width 60 "$tmp/$f.utf8" >"$tmp/want" 2>&1
		for e in le be; do
			"$GLOSS" --dump --width 60 "$tmp/$f.$e" >"$tmp/out" 2>"$tmp/err"
			ok $? "UTF-16${e} without a mark ($f): exits 0 ($(cat "$tmp/err"))"
			cmp -s "$tmp/out" "$tmp/want"; ok $? "UTF-16${e} without a mark ($f): as its UTF-8"
		done
	done
	"$GLOSS" --json "$tmp/ar.le" >"$tmp/out" 2>&1
	grep -q "no byte-order mark: read as UTF-16LE" "$tmp/out"; ok $? "UTF-16LE without a mark: the guess is a problem noted"
	"$GLOSS" --json "$tmp/en.be" >"$tmp/out" 2>&1
	grep -q "no byte-order mark: read as UTF-16BE" "$tmp/out"; ok $? "UTF-16BE without a mark: the guess is a problem noted"
	cat "$tmp/ar-long.be" | "$GLOSS" --dump --width 60 - >"$tmp/out" 2>&1
	"$GLOSS" --dump --width 60 "$tmp/ar-long.utf8" >"$tmp/want" 2>&1
	cmp -s "$tmp/out" "$tmp/want"; ok $? "UTF-16BE without a mark: the same from a pipe"
	for f in en ar; do
		"$GLOSS" --dump "$tmp/$f.utf32" >/dev/null 2>"$tmp/err"; [ $? -eq 1 ]
		ok $? "UTF-32LE without a mark ($f): still a binary file ($(cat "$tmp/err"))"
	done
fi
# UTF-32 with a byte-order mark, both byte orders (FF FE 00 00 is
# UTF-32LE, not UTF-16LE starting with U+0000); an incomplete last unit
# is one U+FFFD, counted.
printf '\377\376\000\000T\000\000\000\n\000\000\000\n\000\000\000\351\000\000\000\000\366\001\000\n\000\000\000x\000' \
    >"$tmp/utf32le"
printf '\000\000\376\377\000\000\000T\000\000\000\n\000\000\000\n\000\000\000\351\000\001\366\000\000\000\000\n\000\000\000' \
    >"$tmp/utf32be"
printf 'T\n\n\303\251\360\237\230\200\n\n\357\277\275\n\n' >"$tmp/want"
for n in utf32le utf32be; do
	"$GLOSS" --dump --width 80 "$tmp/$n" >"$tmp/out" 2>&1
	cmp -s "$tmp/out" "$tmp/want"; ok $? "$n: converted to UTF-8"
	"$GLOSS" --json "$tmp/$n" >"$tmp/out" 2>&1
	grep -q '"invalid_sequences":1,' "$tmp/out"; ok $? "$n: the incomplete unit is counted"
done
# Files joined with cat, each with a UTF-8 byte-order mark: the second
# mark starts a line (and one is doubled); the comment on that line is
# read as if the mark were absent, and no mark reaches the output.
printf '\357\273\277Joined\n\nText \357\273\277here.\n\n2 Comments\n\n  1. One.\n' >"$tmp/part1"
printf '\357\273\277\357\273\277  2. Two.\n' >"$tmp/part2"
cat "$tmp/part1" "$tmp/part2" >"$tmp/joined"
"$GLOSS" --dump --width 40 "$tmp/joined" >"$tmp/out" 2>&1
printf 'Joined\n\nText here.\n\nComments: 2\n\n#1\n  One.\n\n#2\n  Two.\n\n' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want"; ok $? "a byte-order mark at the start of a line: the comment is read"
for mode in app terminal off; do
	"$GLOSS" --dump --width 40 --bidi=$mode "$tmp/joined" >"$tmp/out" 2>&1
	! LC_ALL=C grep -q "$(printf '\357\273\277')" "$tmp/out"
	ok $? "--bidi=$mode: U+FEFF is never printed"
done
# Compressed data and archives (few NULs: about one byte in 256) are
# refused by their signature, with what they are; a text with a few stray
# NULs is read, a short one too.
if command -v gzip >/dev/null 2>&1; then
	gzip -c "$sample" >"$tmp/sample.gz"
	"$GLOSS" --dump "$tmp/sample.gz" >"$tmp/out" 2>"$tmp/err"; [ $? -eq 1 ]
	ok $? "gzip data exits 1"
	grep -q "^gloss: $tmp/sample.gz: gzip-compressed data, not a text document" "$tmp/err"
	ok $? "gzip data: the message says what it is ($(cat "$tmp/err"))"
	[ ! -s "$tmp/out" ]; ok $? "gzip data: nothing on stdout"
fi
head -c 30000 /dev/urandom | tr -d '\000' >"$tmp/noise"
for k in 'gzip \037\213\010\000' 'xz \375\067\172\130\132\000' 'zip \120\113\003\004' \
    'zstd \050\265\057\375' 'bzip2 BZh91AY\046SY'; do
	n=${k%% *}
	{ printf "${k#* }"; cat "$tmp/noise"; } >"$tmp/$n"
	"$GLOSS" --dump "$tmp/$n" >/dev/null 2>"$tmp/err"; [ $? -eq 1 ]
	ok $? "$n signature: exits 1"
	grep -q "^gloss: $tmp/$n: .*$n.*, not a text document" "$tmp/err"
	ok $? "$n signature: the message names it ($(cat "$tmp/err"))"
done
# Random bytes without a signature (compressed data inside another
# format, a raw image) are noise: refused. Text with many control
# characters, or in a legacy charset, or full of colour escapes, is not.
"$GLOSS" --dump "$tmp/noise" >"$tmp/out" 2>"$tmp/err"; [ $? -eq 1 ]
ok $? "random bytes: exits 1"
grep -q "^gloss: $tmp/noise: binary file, not a text document" "$tmp/err"
ok $? "random bytes: binary file ($(cat "$tmp/err"))"
[ ! -s "$tmp/out" ]; ok $? "random bytes: nothing on stdout"
{ echo Controls; echo; for i in $(seq 40); do printf 'a\001\002\003\004\005\006\007\010\016\017 z\n'; done; } >"$tmp/ctl"
"$GLOSS" --dump "$tmp/ctl" >/dev/null 2>&1; ok $? "a text of control characters is read"
{ echo Latin; echo; for i in $(seq 100); do printf 'na\357ve caf\351 \253d\351j\340 vu\273\n'; done; } >"$tmp/latin1"
"$GLOSS" --dump "$tmp/latin1" >/dev/null 2>&1; ok $? "a long Latin-1 text is read"
{ echo Colours; echo; for i in $(seq 100); do printf '\033[1;31mred\033[0m \033[32mgr\303\274n\033[0m\n'; done; } >"$tmp/ansi"
"$GLOSS" --dump "$tmp/ansi" >/dev/null 2>&1; ok $? "a text full of colour escapes is read"
# An endless stream is refused by its first bytes, not after --max-size.
"$GLOSS" --dump - </dev/zero >/dev/null 2>"$tmp/err"; [ $? -eq 1 ]
ok $? "NULs on standard input: exits 1"
grep -q "binary file" "$tmp/err"; ok $? "NULs on standard input: refused at once ($(cat "$tmp/err"))"
printf 'BZh is a title\n\nText.\n' >"$tmp/bzh"
"$GLOSS" --dump "$tmp/bzh" >/dev/null 2>&1; ok $? "a text starting with BZh is read"
printf 'Stray\n\nA\000 NUL or \000two\000.\n' >"$tmp/nul-short"
"$GLOSS" --dump --width 40 "$tmp/nul-short" >"$tmp/out" 2>"$tmp/err"
ok $? "a short text with three stray NULs is read ($(cat "$tmp/err"))"
grep -q '^A␀ NUL or ␀two␀\.$' "$tmp/out"; ok $? "its NULs are shown as symbols"
{ head -c 2000 "$sample"; printf '\000\000\000\n'; tail -c +2001 "$sample"; } >"$tmp/nul-long"
"$GLOSS" --dump "$tmp/nul-long" >/dev/null 2>&1; ok $? "a long text with stray NULs is read"
head -c 16 /dev/zero >"$tmp/zeros16"
"$GLOSS" --dump "$tmp/zeros16" >/dev/null 2>"$tmp/err"; [ $? -eq 1 ]
ok $? "16 NUL bytes: binary, exits 1"
"$GLOSS" --json "$sample" >"$tmp/json"; ok $? "--json exits 0"
"$GLOSS" --dump --width 72 "$sample" >/dev/full 2>"$tmp/err"; [ $? -eq 1 ]; ok $? "write error exits 1"
grep -q '^gloss: write error$' "$tmp/err"; ok $? "a write error is reported"
# --help and --version too: status 1 and the message (there was none).
for opt in --help --version --json; do
	if [ -w /dev/full ]; then
		"$GLOSS" $opt "$sample" >/dev/full 2>"$tmp/err"
		st=$?
		[ $st -eq 1 ] && grep -q '^gloss: write error$' "$tmp/err"
		ok $? "$opt on a full device: status 1 ($st) and a message"
	else
		ok 0 "# SKIP no /dev/full"
	fi
done
tap_done

#!/bin/sh
# fuzz_replay.sh: every file of the fuzz seed corpus (tests/fuzz/corpus)
# and every input a fuzzer once crashed or hung on (tests/fuzz/regress)
# through the real binary: --dump at several widths and bidi modes, and
# --json. Expected: exit 0, or exit 1 with exactly one line "gloss: FILE:
# reason"; never a crash, a sanitizer report or a hang (timeout 60); the
# output holds no ESC, no C0 control but LF, no DEL, no C1 control, no
# bidi control and no U+FEFF; --json output parses (when python3 exists;
# without it only the byte checks run, done with od and grep).
. "$top_srcdir/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fz="$top_srcdir/tests/fuzz"
set -- "$fz"/corpus/* "$fz"/regress/*
[ -e "$1" ] || skip_all "no corpus in $fz"

# clean FILE: prints what forbidden bytes FILE holds; status 1 if any.
if [ -n "$PYTHON3" ]; then
	clean() {
		"$PYTHON3" - "$1" <<'PY'
import re, sys
b = open(sys.argv[1], 'rb').read()
bad = re.findall(rb'[\x00-\x09\x0b-\x1f\x7f]', b)
c1 = re.findall(rb'\xc2[\x80-\x9f]', b)
bidi = re.findall(rb'\xe2\x80[\xaa-\xae\x8e\x8f]|\xe2\x81[\xa6-\xa9]|'
    rb'\xd8\x9c|\xef\xbb\xbf', b)
try:
    b.decode('utf-8')
    utf8 = True
except UnicodeDecodeError:
    utf8 = False
if bad or c1 or bidi or not utf8:
    print('controls:', sorted(set(bad))[:10], 'c1:', len(c1),
          'bidi:', len(bidi), 'utf8:', utf8)
    sys.exit(1)
PY
	}
else
	clean() {
		od -An -v -tx1 "$1" | tr -s ' \n' '\n\n' | grep -x \
		    -e '0[0-9]' -e '0[b-f]' -e '1[0-9a-f]' -e 7f | sort -u |
		    tr '\n' ' ' | grep . && return 1
		LC_ALL=C grep -l "$(printf '\302[\200-\237]')" "$1" && return 1
		return 0
	}
fi

# run NAME FILE ARGS...: one run of gloss; checks status, message, bytes.
run() {
	n=$1 f=$2
	shift 2
	timeout 60 "$GLOSS" "$@" "$f" >"$tmp/out" 2>"$tmp/err"
	st=$?
	case $st in
	0)
		why=$(clean "$tmp/out")
		ok $? "$n: $* exits 0, clean output $why"
		;;
	1)
		lines=$(wc -l <"$tmp/err")
		case $(cat "$tmp/err") in
		"gloss: $f: "?*) [ "$lines" -eq 1 ] ;;
		*) false ;;
		esac
		ok $? "$n: $* refused with one message: $(head -c 100 "$tmp/err")"
		;;
	*)
		ok 1 "$n: $* exit status $st: $(head -c 300 "$tmp/err")"
		;;
	esac
	return $st
}

for f; do
	[ -f "$f" ] || continue
	n=$(basename "$(dirname "$f")")/$(basename "$f")
	for mode in "--width 80" "--width 1 --bidi=app" "--width 7 --bidi=terminal" \
	    "--width 33 --bidi=off" "--width 300 --pane article" \
	    "--width 45 --pane comments" "--width 64 --pane clauses"; do
		# shellcheck disable=SC2086
		run "$n" "$f" --dump $mode
	done
	if run "$n" "$f" --json && [ -n "$PYTHON3" ]; then
		"$PYTHON3" - "$tmp/out" >"$tmp/jerr" 2>&1 <<'PY'
# Valid JSON, and every quote's offsets select the right text: the
# passage in its paragraph, and a non-empty passage with the same words
# (letters, marks, digits; case ignored) at its source, where the quote
# may have left out brackets ("[...]") of the source. A clause source is
# in the side its "side" names.
import functools, json, re, sys, unicodedata
d = json.load(open(sys.argv[1], encoding='utf-8'))
def words(s):
    return ''.join(c for c in s.lower() if unicodedata.category(c)[0] in 'LMN')
def same(src, want):
    """Whether want is the words of src with some brackets left out."""
    parts = re.split(r'(\[[^\]]*\])', src)
    @functools.lru_cache(maxsize=None)
    def go(k, at):
        if k == len(parts):
            return at == len(want)
        w = words(parts[k])
        if want.startswith(w, at) and go(k + 1, at + len(w)):
            return True
        return parts[k].startswith('[') and go(k + 1, at)
    return go(0, 0)
for c in d['comments']:
    for q in c['quotes']:
        p = c['paragraphs'][q['paragraph']]['text']
        assert p[q['start']:q['end']] == q['text'], ('quote', q)
        s = q['source']
        if s['kind'] == 'comment':
            t = d['comments'][s['comment']]['paragraphs'][s['paragraph']]['text']
        elif 'clause' in s:
            t = d['clauses'][s['clause']][s['side']] or ''
        else:
            t = d['blocks'][s['block']].get('text', '')
        src = t[s['start']:s['end']]
        assert src and same(src, words(q['text'])), ('source', q, src)
PY
		ok $? "$n: --json is valid, quote offsets right $(tail -n 1 "$tmp/jerr" | head -c 300)"
	fi
done
# Inputs that once took minutes (time quadratic in the number of quoted
# passages): one comment paragraph of 20000 lines, each quoting the
# article; 60000 comments all quoting one article paragraph. They are
# generated here (megabytes) and must finish within the timeout like any
# other input.
if [ -n "$PYTHON3" ]; then
	"$PYTHON3" - "$tmp" <<'PY'
import os, sys
art = 'Seven pale herons waited beside the frozen northern channel'
q = 'pale herons waited beside the frozen northern channel'
with open(os.path.join(sys.argv[1], 'lines.txt'), 'w') as f:
    f.write('Herons\n\n%s\n\n1 comment\n\n  1. so\n' % art)
    f.write(('    %s\n' % q) * 20000)
with open(os.path.join(sys.argv[1], 'comments.txt'), 'w') as f:
    f.write('Herons\n\n%s\n\n60000 comments\n\n' % art)
    for i in range(60000):
        f.write('  %d. %s\n' % (i + 1, q))
PY
	for f in "$tmp/lines.txt" "$tmp/comments.txt"; do
		n=generated/$(basename "$f")
		run "$n" "$f" --dump --width 80
		run "$n" "$f" --json
	done
fi
tap_done

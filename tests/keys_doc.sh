#!/bin/sh
# keys_doc.sh: every line of the reader's help screen (generated from the
# key table, printed by tests/keys_doc) is documented with the same keys
# and description in README.md and in the man page.
. "$top_srcdir/tests/lib.sh"
[ -n "$PYTHON3" ] || skip_all "python3 not found"
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
"$top_builddir/tests/keys_doc" >"$tmp" || exit 1
"$PYTHON3" - "$tmp" "$top_srcdir/README.md" "$top_srcdir/share/gloss.1" <<'PY'
import sys
help_lines = [l.rstrip('\n') for l in open(sys.argv[1], encoding='utf-8')]
readme = open(sys.argv[2], encoding='utf-8').read().split('\n')
man = open(sys.argv[3], encoding='utf-8').read().replace('\\-', '-').split('\n')
n = 0
for l in help_lines:
    keys, desc = l[2:21].split(), l[21:].strip()
    n += 1
    want = '| ' + ' '.join('`%s`' % k for k in keys) + ' | ' + desc + ' |'
    print(('ok' if want in readme else 'not ok') + ' %d - README documents %s: %s' % (n, ' '.join(keys), desc))
    n += 1
    good = any(man[i] == '.B ' + ' '.join(keys) and man[i + 1] == desc for i in range(len(man) - 1))
    print(('ok' if good else 'not ok') + ' %d - man page documents %s: %s' % (n, ' '.join(keys), desc))
print('# %d help lines checked' % len(help_lines))
print('1..%d' % n)
PY

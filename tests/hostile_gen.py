#!/usr/bin/env python3
"""hostile_gen.py DIR: write the hostile-input corpus into DIR.

Each file is made here (nothing large is committed). Names say what they
hold; hostile.sh runs every one through --dump and --json.
"""
import os, sys

d = sys.argv[1]
big = len(sys.argv) > 2 and sys.argv[2] == 'big'

def w(name, data):
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)

head = b'A title for hostile tests\n\nA paragraph of ordinary text.\n\n'
tail = b'\n3 thoughts on \xe2\x80\x9cA title\xe2\x80\x9d\n\n  1. A comment.\n\nComments are closed.\n'
w('empty.txt', b'')
w('blank-lines.txt', b'\n\n   \n\t\n\r\n' * 100)
w('only-title.txt', b'Just a title')
w('utf16le-bom.txt', '\ufeffTitle in UTF-16\n\nSome text \u0645\u0631\u062d\u0628\u0627.\n'.encode('utf-16-le'))
w('utf16be-bom.txt', '\ufeffTitle in UTF-16 BE\n\nText.\n'.encode('utf-16-be'))
w('utf32le-bom.txt', '\ufeffTitle in UTF-32\n\nSome text \u0645\u0631\u062d\u0628\u0627 \U0001f600.\n'.encode('utf-32-le') + b'\x00\xd8\x00\x00\x41')
w('utf32be-bom.txt', '\ufeffTitle in UTF-32 BE\n\nText.\n'.encode('utf-32-be'))
# Unpaired surrogates (high, low, two highs, a reversed pair) between
# lines, a pair, and at the end a lone surrogate then an odd byte.
bad16 = ['\ud800', '\udfff', '\udbff\udbff', '\ude00\ud83d', '\ud83d\ude00']
u16 = ''.join(chr(65 + i % 26) * 3 + ' \n' + bad16[i % 5] for i in range(300))
w('utf16le-unpaired.txt', b'\xff\xfe' + u16.encode('utf-16-le', 'surrogatepass') + b'\x00\xd8\x41')
w('utf16be-unpaired.txt', b'\xfe\xff' + u16.encode('utf-16-be', 'surrogatepass') + b'\xdc\x00\x41')
w('latin1.txt', 'Caf\u00e9 na\u00efve r\u00e9sum\u00e9\n\nUn paragraphe en fran\u00e7ais: \u00e0 bient\u00f4t.\n'.encode('latin-1'))
w('invalid-utf8.txt', head + b'bad \xff\xfe bytes \xc3\x28 truncated \xe2\x82 overlong \xc0\xaf \xe0\x80\xaf surrogate \xed\xa0\x80 big \xf4\x90\x80\x80 end\n' + tail)
w('nul-bytes.txt', head + b'text with a NUL \x00 in it\n' + tail)
w('c0-c1.txt', head + b'C0: ' + bytes(c for c in range(0, 32) if c not in (10, 13)) + b' DEL \x7f C1 raw: ' + bytes(range(0x80, 0xa0)) + b' C1 utf8: ' + ''.join(chr(c) for c in range(0x80, 0xa0)).encode() + b'\n' + tail)
esc = (b'title \x1b]0;pwned\x07 clip \x1b]52;c;ZWNobyBwd25lZA==\x07 link \x1b]8;;http://x\x1b\\x\x1b]8;;\x1b\\ '
       b'clear \x1b[2J home \x1b[H move \x1b[10;10H query \x1b[c \x1b[6n decrqss \x1bP$qm\x1b\\ bell \x07 cr \r over c1csi \x9b2J \xc2\x9b2J')
w('escapes.txt', head + esc + b'\n\n    ' + esc + b'\n\n' + b'\n3 thoughts on "T"\n\n  1. ' + esc + b'\n    ' + esc + b'\n')
w('combining-10000.txt', head + b'e' + ('\u0301' * 10000).encode() + b' and more\n' + tail)
w('nested-embeddings.txt', head + ('\u202b\u202a' * 2500).encode() + b'deep text \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a' + ('\u202c' * 5000).encode() + b'\n' + ('\u2067' * 5000).encode() + b'isolates\n' + tail)
w('numbers-odd.txt', head + b'5 thoughts on \xe2\x80\x9cT\xe2\x80\x9d\n\n  3. third first\n\n  1. then one\n\n  1. one again\n\n  99999999999999999999. huge\n\n  0. zero\n\nComments are closed.\n')
w('count-2pow64.txt', head + b'18446744073709551616 thoughts on "T"\n\n  1. A comment.\n')
w('count-huge.txt', head + b'99999999999999999999999999999 Comments\n\n  1. A comment.\n')
w('clause-odd.txt', head + b'    1- \n    2 \xe2\x80\x93\n    3- only original\n    999999999999- x . 999999999999 \xe2\x80\x93 y\n    4- [[[unbalanced . 4 \xe2\x80\x93 ]]] [~] [ ~ ] [a ~b\n\n' + tail)
w('long-word.txt', head + b'x' * 100000 + b'\n' + tail)
w('tabs.txt', head + b'\ta\tb\t\tc\n\t\t\tindented by tabs\n' + tail)
w('crlf-cr.txt', (head + b'line one\r\nline two\rline three\n' + tail).replace(b'\n', b'\r\n'))
if big:
    # A 20 MB single line and 1,000,000 one-line comments.
    w('single-line-20mb.txt', b'A title\n\n' + (b'word ' * 4 * 1024 * 1024) + b'\n')
    parts = [b'Title\n\nArticle.\n\n1000000 thoughts on "Title"\n\n']
    for i in range(1, 1000001):
        parts.append(b'  %d. c%d\n' % (i, i))
    w('million-comments.txt', b''.join(parts))

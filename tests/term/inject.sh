#!/bin/sh
# inject.sh: a document full of terminal escape sequences (window title,
# OSC 52 clipboard, OSC 8, screen clear, cursor moves, queries, C1 CSI,
# bidi overrides) opened in the reader in tmux: the title and clipboard
# stay untouched, the sequences show as visible symbols, and the screen
# is not cleared or scrambled by them.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

doc="$TERM_TMP/escapes.txt"
printf 'Escapes in a title \033]0;PWNED-TITLE\007 here\n\nA paragraph that sets the clipboard \033]52;c;UFdORUQtQ0xJUA==\007 and a link \033]8;;http://example.invalid/\033\\text\033]8;;\033\\ then clears \033[2J\033[H and moves \033[20;20HMOVED and asks \033[c\033[6n and DECRQSS \033P$qm\033\\ and C1 \302\2332J and RLO \342\200\256reversed\342\200\254 end.\n\n3 thoughts on "Escapes"\n\n  1. A comment with a title \033]2;PWNED-TWO\007 and a bell \007.\n' >"$doc"

for size in "80 24" "120 30"; do
	set -- $size
	term_start "$1" "$2" "$GLOSS" "$doc"
	tm set-option -g set-clipboard on >/dev/null 2>&1
	tm set-option -g allow-rename on >/dev/null 2>&1
	term_wait "Escapes in a title"
	ok $? "$1x$2: the reader opens the document with escapes"
	title=$(tm display-message -p '#{pane_title}')
	case "$title" in *PWNED*) st=1 ;; *) st=0 ;; esac
	ok $st "$1x$2: the window title was not set by the document ($title)"
	bufs=$(tm list-buffers 2>/dev/null | wc -l)
	[ "$bufs" -eq 0 ]
	ok $? "$1x$2: the clipboard (OSC 52) was not written ($bufs buffers)"
	grep -q '␛' "$TERM_TMP/screen"
	ok $? "$1x$2: ESC is shown as a visible symbol"
	grep -q 'PWNED-TITLE' "$TERM_TMP/screen"
	ok $? "$1x$2: the text of the sequence stays visible as text"
	head -1 "$TERM_TMP/screen" | grep -q 'Article'
	ok $? "$1x$2: the first row is still gloss's own (no clear or cursor move took effect)"
	tm send-keys q
	term_wait "GLOSS-EXIT=0"
	ok $? "$1x$2: q exits 0"
done
tap_done

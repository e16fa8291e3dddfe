#!/bin/sh
# sections.sh: a thread in parts on screen. The header of a later part
# ("2 Pingbacks") stands above the part's first comment in the Comments
# pane; when that comment is selected, its own "#1" line is the one in
# reverse video and the selection bar starts there, not at the header.
# A search finds the header, with the comment under it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/term/term-lib.sh"

doc="$TERM_TMP/parts.txt"
printf 'Parts\n\nAn article about rivers.\n\n3 thoughts on "Parts"\n\n  1. First.\n\n  2. Second.\n\n  3. Third.\n\n2 Pingbacks\n\n  1. Pingback: Elsewhere\n\n  2. Pingback: Further\n' >"$doc"

term_start 80 20 "$GLOSS" "$doc"
term_wait "An article about rivers"
ok $? "opens"
tm send-keys 2 J J J
term_wait_re "comment 1 \\(4/5\\)"
ok $? "J three times selects the pingbacks' first comment"
tm capture-pane -p -e >"$TERM_TMP/esc"
term_cap
grep -q '^ *2 Pingbacks' "$TERM_TMP/screen"; ok $? "the part's header is on screen"
hdr=$(grep -n '2 Pingbacks' "$TERM_TMP/esc" | head -n 1 | cut -d: -f1)
[ -n "$hdr" ] || hdr=1
sed -n "${hdr}p" "$TERM_TMP/esc" >"$TERM_TMP/hline"
sed -n "$((hdr + 2))p" "$TERM_TMP/esc" >"$TERM_TMP/cline"
! grep -q '7m' "$TERM_TMP/hline"; ok $? "the header is not in reverse video"
! grep -q '│' "$TERM_TMP/hline"; ok $? "the header has no selection bar"
grep -q '7m[^#]*#1' "$TERM_TMP/cline"; ok $? "the comment's own #1 line is in reverse video"
grep -q '│' "$TERM_TMP/cline"; ok $? "and the selection bar starts there"
# The part's header is searched with its first comment.
tm send-keys g / P i n g b a c k s Enter
term_wait_re "comment 1 \\(4/5\\)"
ok $? "a search for the part's header selects its first comment"
term_cap
! grep -q 'no match' "$TERM_TMP/screen"; ok $? "and finds it"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "quits"

# Numbers start again in each part: the status line's hints name a
# comment of another part with its part.
doc="$TERM_TMP/partlinks.txt"
printf 'Lights

The keeper wrote every night about the weather over the bay.

3 Comments

  1. One.

  2. Two.

  3. A lovely habit for anyone who lives by the sea, I think.

2 Pingbacks

  1. Pingback: Notes â a lovely habit for anyone who lives by the sea

  2. Trackback: The bay log
' >"$doc"
term_start 100 20 "$GLOSS" "$doc"
term_wait "The keeper wrote"
tm send-keys 2 J J
term_wait "r: reply #1 in part 2"
ok $? "comment 3 offers its reply, the first pingback, as #1 in part 2"
tm send-keys J
term_wait "Enter: quote from #3 in part 1"
ok $? "the pingback's quote is from #3 in part 1"
term_keys q
term_wait "GLOSS-EXIT=0"
ok $? "quits"
tap_done

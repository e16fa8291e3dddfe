/*
 * term.c: curses (see term.h). The only file of gloss that includes
 * <curses.h>.
 *
 * Coordinates are screen cells. Drawing never goes past the screen edge:
 * a glyph that does not fit whole is not drawn. Invariant: after
 * term_stop (or a fatal signal), and while gloss is suspended, the
 * terminal is back as it was, with the bidi mode restored when gloss
 * changed it and bracketed paste off.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "gloss/layout.h"
#include "gloss/text.h"
#include "gloss/xmalloc.h"
#include "keys.h"
#include "term.h"

static SCREEN *term_screen;
static FILE *term_in, *term_out;
static int term_running;
static int term_atexit_set;
static int term_bidi_app;
static int term_colors;
static int term_outfd = -1;

#define TERM_BDSM_OFF	"\033[8l\033[1 k"	/* explicit mode, LTR */
#define TERM_BDSM_ON	"\033[8h"		/* back to implicit */

/*
 * Bracketed paste (xterm's mode 2004): the terminal wraps pasted text in
 * ESC [ 200 ~ ... ESC [ 201 ~, so a paste is never read as commands (a
 * pasted q would quit). Switched on with the reader and off whenever the
 * shell gets the terminal; terminals without it ignore the mode.
 */
#define TERM_PASTE_ON	"\033[?2004h"
#define TERM_PASTE_OFF	"\033[?2004l"
#define TERM_KEY_PASTE_START	(KEY_MAX + 1)	/* define_key codes */
#define TERM_KEY_PASTE_END	(KEY_MAX + 2)
/* A paste whose end marker does not come within this is over. */
#define TERM_PASTE_WAIT_MS	500
static int term_pasting;

/*
 * Fatal and terminating signals. The handler must be async-signal-safe,
 * so it does not call curses: it writes a restore string prepared at
 * start (leave the alternate screen, cursor visible, keypad and mouse off,
 * attributes off, implicit bidi mode back) and puts back the terminal
 * modes saved before curses started; then the signal takes its default
 * course, so the exit status (and a core dump) are the signal's own.
 */
static const int term_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT,
    SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define TERM_NSIGNALS (sizeof term_signals / sizeof term_signals[0])
static char term_restore[512];
static size_t term_restore_len;
static struct termios term_saved;
static int term_saved_fd = -1;

/* Put the terminal back without curses (async-signal-safe). */
static void
term_restore_raw(void)
{
	if (term_running) {
		term_running = 0;
		if (term_outfd >= 0)
			(void)!write(term_outfd, term_restore,
			    term_restore_len);
		if (term_saved_fd >= 0)
			tcsetattr(term_saved_fd, TCSAFLUSH, &term_saved);
	}
}

static void
term_signal(int sig)
{
	term_restore_raw();
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

/*
 * Suspend (SIGTSTP: C-z, see term_suspend, or sent from elsewhere) and
 * resume. Like ncurses' own handler, which this replaces, it leaves
 * curses with endwin (alternate screen, keypad and mouse modes off, the
 * shell's terminal modes back) and on SIGCONT repaints the whole screen
 * (a refresh after endwin puts curses' modes back first). It also puts
 * the terminal's implicit bidi mode back while gloss is stopped, and
 * switches explicit mode on again before the repaint, so the shell's
 * text is not shown in logical order and gloss's is not reordered twice.
 * ncurses calls curses from its handler too; only the main thread draws,
 * and the other threads block SIGTSTP (quotes_job.c).
 */
static struct sigaction term_tstp_saved, term_tstp_action;
static int term_tstp_set;

/* Leave curses for the shell (once). */
static void
term_suspend_leave(void)
{
	if (!term_running || isendwin())
		return;
	endwin();
	fflush(term_out);
	(void)!write(term_outfd, TERM_PASTE_OFF, sizeof TERM_PASTE_OFF - 1);
	if (term_bidi_app)
		(void)!write(term_outfd, TERM_BDSM_ON, sizeof TERM_BDSM_ON - 1);
}

/* Back from the shell: modes, bidi mode, then the whole screen. */
static void
term_suspend_return(void)
{
	if (!term_running || !isendwin())
		return;
	if (term_bidi_app)
		(void)!write(term_outfd, TERM_BDSM_OFF,
		    sizeof TERM_BDSM_OFF - 1);
	(void)!write(term_outfd, TERM_PASTE_ON, sizeof TERM_PASTE_ON - 1);
	flushinp();
	clearok(curscr, TRUE);
	refresh();
}

static void
term_tstp(int sig)
{
	int saved_errno = errno;
	sigset_t set, old;

	(void)sig;
	term_suspend_leave();
	signal(SIGTSTP, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, &old);
	raise(SIGTSTP);		/* stopped here until SIGCONT */
	sigprocmask(SIG_SETMASK, &old, NULL);
	sigaction(SIGTSTP, &term_tstp_action, NULL);
	term_suspend_return();
	errno = saved_errno;
}

/*
 * C-z: what the terminal driver would do, SIGTSTP to the whole
 * foreground job (a script that runs gloss, the other commands of a
 * pipeline), but with the terminal given back first: the shell takes the
 * terminal as soon as the first process of the job stops, and gloss must
 * not be still restoring it then (its tcsetattr from the background
 * would stop it once more). Raised in gloss alone, C-z left a wrapper
 * script waiting for a stopped gloss and the shell without its terminal.
 * Nothing happens when SIGTSTP is ignored (a shell without job control).
 */
static void
term_suspend(void)
{
	if (!term_tstp_set)
		return;
	term_suspend_leave();
	if (kill(0, SIGTSTP) != 0)
		raise(SIGTSTP);
	term_suspend_return();	/* when the handler has not already */
}

/*
 * Take SIGTSTP over from ncurses while the reader runs, unless it is
 * ignored (a shell without job control: then C-z does nothing, as with
 * the terminal driver); term_tstp_restore puts back what was there.
 */
static void
term_tstp_install(void)
{
	struct sigaction *sa = &term_tstp_action;

	if (sigaction(SIGTSTP, NULL, &term_tstp_saved) != 0 ||
	    term_tstp_saved.sa_handler == SIG_IGN)
		return;
	memset(sa, 0, sizeof *sa);
	sa->sa_handler = term_tstp;
	sigemptyset(&sa->sa_mask);
	sigaddset(&sa->sa_mask, SIGWINCH);	/* ncurses' resize flag */
	sa->sa_flags = SA_RESTART;
	term_tstp_set = sigaction(SIGTSTP, sa, NULL) == 0;
}

static void
term_tstp_restore(void)
{
	if (term_tstp_set) {
		sigaction(SIGTSTP, &term_tstp_saved, NULL);
		term_tstp_set = 0;
	}
}

/*
 * exit() while the reader runs (out of memory in any thread, see
 * xmalloc.c) restores the terminal the same way; after term_stop it
 * does nothing.
 */
static void
term_atexit(void)
{
	term_restore_raw();
}

/* Append a terminfo string (if the terminal has it) to the restore text. */
static void
term_restore_add(const char *s)
{
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (term_restore_len + n < sizeof term_restore) {
		memcpy(term_restore + term_restore_len, s, n);
		term_restore_len += n;
	}
}

static void
term_restore_prepare(int mouse)
{
	term_restore_len = 0;
	term_restore_add(tigetstr("sgr0"));
	term_restore_add(tigetstr("cnorm"));
	term_restore_add(tigetstr("rmkx"));
	if (mouse)
		term_restore_add("\033[?1000l\033[?1002l\033[?1006l");
	term_restore_add(TERM_PASTE_OFF);
	term_restore_add(tigetstr("rmcup"));
	if (term_bidi_app)
		term_restore_add(TERM_BDSM_ON);
}

static void
term_signals_set(void (*handler)(int))
{
	size_t i;

	for (i = 0; i < TERM_NSIGNALS; i++)
		signal(term_signals[i], handler);
}

static int
term_usable_name(const char *t)
{
	return t != NULL && *t != '\0' && strcmp(t, "dumb") != 0 &&
	    strcmp(t, "unknown") != 0;
}

static void
term_init_colors(const struct gloss_options *o)
{
	const char *nc = getenv("NO_COLOR");
	int e, deflt;

	term_colors = 0;
	if (o->color == 0 || (nc != NULL && *nc != '\0') || !has_colors())
		return;
	if (start_color() == ERR || COLORS < 8 || COLOR_PAIRS < TH_COUNT + 1)
		return;
	deflt = use_default_colors() == OK;
	for (e = 0; e < TH_COUNT; e++) {
		struct theme_color c = theme_get(e);

		if (c.fg >= COLORS)
			c.fg = c.fg % 8;
		if (c.bg >= COLORS)
			c.bg = c.bg % 8;
		if (!deflt) {
			if (c.fg < 0)
				c.fg = COLOR_WHITE;
			if (c.bg < 0)
				c.bg = COLOR_BLACK;
		}
		init_pair((short)(e + 1), (short)c.fg, (short)c.bg);
	}
	term_colors = 1;
}

/*
 * Editing and paging keys as the common terminals send them, for when
 * TERM names another terminal than the one in use (xterm-256color inside
 * tmux or screen is common): otherwise Home arrives as ESC [ 1 ~ and is
 * read as Esc, '[', '1', '~'. Sequences the terminfo entry already binds
 * keep their meaning.
 */
static void
term_define_keys(void)
{
	static const struct {
		const char *seq;
		int code;
	} keys[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME },
		{ "\033[H", KEY_HOME }, { "\033OH", KEY_HOME },
		{ "\033[4~", KEY_END }, { "\033[8~", KEY_END },
		{ "\033[F", KEY_END }, { "\033OF", KEY_END },
		{ "\033[3~", KEY_DC }, { "\033[2~", KEY_IC },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033[A", KEY_UP }, { "\033OA", KEY_UP },
		{ "\033[B", KEY_DOWN }, { "\033OB", KEY_DOWN },
		{ "\033[C", KEY_RIGHT }, { "\033OC", KEY_RIGHT },
		{ "\033[D", KEY_LEFT }, { "\033OD", KEY_LEFT },
		{ "\033[Z", KEY_BTAB },
		{ "\033[200~", TERM_KEY_PASTE_START },
		{ "\033[201~", TERM_KEY_PASTE_END },
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (key_defined(keys[i].seq) == 0)
			define_key(keys[i].seq, keys[i].code);
}

int
term_start(const struct gloss_options *o, char **cause)
{
	const char *t = getenv("TERM");
	const char *cup;

	if (!term_usable_name(t)) {
		*cause = xasprintf("TERM is %s%s%s: the reader needs a "
		    "terminal that can move the cursor (try --dump)",
		    t && *t ? "\"" : "", t && *t ? t : "not set",
		    t && *t ? "\"" : "");
		return -1;
	}
	term_out = stdout;
	term_in = stdin;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		term_in = fopen("/dev/tty", "r");
		if (term_in == NULL) {
			*cause = xstrdup("cannot open /dev/tty for keys");
			return -1;
		}
		if (!isatty(STDOUT_FILENO))
			term_out = fopen("/dev/tty", "w");
		if (term_out == NULL) {
			fclose(term_in);
			*cause = xstrdup("cannot open /dev/tty");
			return -1;
		}
	}
	term_saved_fd = fileno(term_in);
	if (tcgetattr(term_saved_fd, &term_saved) != 0)
		term_saved_fd = -1;
	term_screen = newterm(NULL, term_out, term_in);
	if (term_screen == NULL) {
		*cause = xasprintf("unknown terminal type \"%s\"", t);
		return -1;
	}
	set_term(term_screen);
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(term_screen);
		term_screen = NULL;
		*cause = xasprintf("terminal \"%s\" cannot move the cursor "
		    "(try --dump)", t);
		return -1;
	}
	term_outfd = fileno(term_out);
	term_bidi_app = o->bidi == TEXT_BIDI_APP;
	term_restore_prepare(has_mouse() || tigetstr("kmous") != NULL);
	term_running = 1;
	if (!term_atexit_set)
		term_atexit_set = atexit(term_atexit) == 0;
	term_signals_set(term_signal);
	term_tstp_install();
	raw();		/* C-c is a key (term_key) */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	term_define_keys();
	intrflush(stdscr, FALSE);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	term_init_colors(o);
	fflush(term_out);
	if (term_bidi_app)
		(void)!write(term_outfd, TERM_BDSM_OFF,
		    sizeof TERM_BDSM_OFF - 1);
	(void)!write(term_outfd, TERM_PASTE_ON, sizeof TERM_PASTE_ON - 1);
	return 0;
}

void
term_stop(void)
{
	if (!term_running)
		return;
	curs_set(1);
	endwin();
	fflush(term_out);
	(void)!write(term_outfd, TERM_PASTE_OFF, sizeof TERM_PASTE_OFF - 1);
	if (term_bidi_app)
		(void)!write(term_outfd, TERM_BDSM_ON, sizeof TERM_BDSM_ON - 1);
	term_running = 0;
	term_pasting = 0;
	term_signals_set(SIG_DFL);
	term_tstp_restore();
	delscreen(term_screen);
	term_screen = NULL;
	if (term_in != stdin)
		fclose(term_in);
	if (term_out != stdout)
		fclose(term_out);
	term_in = term_out = NULL;
}

void
term_size(int *rows, int *cols)
{
	*rows = LINES;
	*cols = COLS;
}

void
term_erase(void)
{
	erase();
}

/* Element and curses attributes for a glyph's LAY_* attributes. */
static attr_t
term_attr(uint16_t attr, enum theme_element base, int flags, short *pair)
{
	enum theme_element e = base;
	attr_t a = A_NORMAL;

	if (attr & LAY_MATCH)
		e = TH_MATCH, a |= term_colors ? 0 : A_REVERSE;
	else if (attr & LAY_HILITE)
		e = TH_HILITE, a |= term_colors ? 0 : A_REVERSE | A_UNDERLINE;
	else if (attr & LAY_NOTE)
		e = TH_NOTE, a |= A_DIM;
	else if (attr & LAY_INSERTION)
		e = TH_INSERTION, a |= term_colors ? 0 : A_DIM;
	else if (attr & LAY_BAR)
		e = TH_BAR;
	else if (attr & LAY_RULE)
		e = TH_TEXT;
	else if (attr & LAY_QUOTED)
		e = TH_QUOTED, a |= term_colors ? 0 : A_UNDERLINE;
	else if (attr & LAY_MISSING)
		e = TH_MISSING, a |= A_DIM;
	else if (attr & LAY_GUTTER)
		e = TH_GUTTER, a |= A_BOLD;
	else if (attr & LAY_HEADING)
		e = TH_HEADING, a |= A_BOLD;
	else if (attr & LAY_REF)
		e = TH_REF, a |= A_BOLD | A_UNDERLINE;
	else if (attr & LAY_MARK)
		e = TH_MARK, a |= term_colors ? 0 : A_DIM;
	if (flags & TERM_BOLD)
		a |= A_BOLD;
	if (flags & TERM_REVERSE)
		a |= A_REVERSE;
	if (flags & TERM_UNDERLINE)
		a |= A_UNDERLINE;
	*pair = term_colors ? (short)(e + 1) : 0;
	return a;
}

/*
 * Draw a base character and the zero-width characters after it (n > 1)
 * as one cell; 0 if they are not that. Adding them one at a time does
 * not do: ncurses joins a zero-width character to the cell before the
 * cursor, which after a wide character is its right half, never drawn,
 * so か + U+3099 showed か and a decomposed Hangul syllable its first
 * jamo. A cell holds CCHARW_MAX characters; the rest are dropped, as
 * adding them one at a time did.
 */
static int
term_cell(int y, int x, const wchar_t *w, size_t n, attr_t a, short pair)
{
	wchar_t c[CCHARW_MAX + 1];
	cchar_t cc;
	size_t i;

	if (wcwidth(w[0]) < 1)
		return 0;
	for (i = 1; i < n; i++)
		if (wcwidth(w[i]) != 0)
			return 0;
	if (n > CCHARW_MAX)
		n = CCHARW_MAX;
	wmemcpy(c, w, n);
	c[n] = L'\0';
	if (setcchar(&cc, c, a, pair, NULL) != OK)
		return 0;
	return mvadd_wch(y, x, &cc) == OK;
}

void
term_glyph(int y, int x, const char *s, size_t len, int width,
    uint16_t attr, enum theme_element base, int flags)
{
	wchar_t w[TEXT_DRAW_MAX * 2 + 1];
	size_t n = 0, i, k;
	uint32_t cp;
	short pair;
	attr_t a;

	if (y < 0 || x < 0 || y >= LINES || x + width > COLS || width < 0)
		return;
	a = term_attr(attr, base, flags, &pair);
	attr_set(a, pair, NULL);
	if (attr & (LAY_RULE | LAY_BAR)) {
		mvaddch(y, x, ACS_VLINE);
		attr_set(A_NORMAL, 0, NULL);
		return;
	}
	for (i = 0; i < len && n < sizeof w / sizeof w[0] - 1; i += k) {
		k = text_utf8_decode(s + i, len - i, &cp);
		w[n++] = (wchar_t)cp;
	}
	w[n] = L'\0';
	if (n > 1 && term_cell(y, x, w, n, a, pair))
		;
	else if (n > 0)
		mvaddnwstr(y, x, w, (int)n);
	attr_set(A_NORMAL, 0, NULL);
}

void
term_fill(int y, int x, int n, enum theme_element base, int flags)
{
	short pair;
	attr_t a;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (x + n > COLS)
		n = COLS - x;
	if (n <= 0)
		return;
	a = term_attr(0, base, flags, &pair);
	attr_set(a, pair, NULL);
	mvhline(y, x, ' ', n);
	attr_set(A_NORMAL, 0, NULL);
}

void
term_vline(int y, int x, enum theme_element base)
{
	short pair;
	attr_t a;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	a = term_attr(0, base, 0, &pair);
	attr_set(a, pair, NULL);
	mvaddch(y, x, ACS_VLINE);
	attr_set(A_NORMAL, 0, NULL);
}

void
term_cursor(int y, int x)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS) {
		curs_set(0);
		return;
	}
	move(y, x);
	curs_set(1);
}

void
term_flush(int force)
{
	if (force)
		clearok(curscr, TRUE);
	refresh();
}

static int
term_map_code(int c)
{
	switch (c) {
	case KEY_UP: return KEYC_UP;
	case KEY_DOWN: return KEYC_DOWN;
	case KEY_LEFT: return KEYC_LEFT;
	case KEY_RIGHT: return KEYC_RIGHT;
	case KEY_PPAGE: return KEYC_PPAGE;
	case KEY_NPAGE: return KEYC_NPAGE;
	case KEY_HOME: return KEYC_HOME;
	case KEY_END: return KEYC_END;
	case KEY_ENTER: return KEYC_ENTER;
	case KEY_BTAB: return KEYC_BTAB;
	case KEY_BACKSPACE: return KEYC_BSPACE;
	case KEY_RESIZE: return KEYC_RESIZE;
	case KEY_MOUSE: return KEYC_MOUSE;
	case KEY_DC: return KEYC_DELETE;
	case TERM_KEY_PASTE_START: return KEYC_PASTE_START;
	case TERM_KEY_PASTE_END: return KEYC_PASTE_END;
	}
	if (c >= KEY_F(1) && c <= KEY_F(12))
		return KEYC_F1 + (c - KEY_F(1));
	return KEYC_NONE;
}

static int term_timeout_ms = -1;	/* what term_key_timeout set */

/* The wait for a key: the caller's, or a paste's while one comes in. */
static void
term_wait_set(void)
{
	timeout(term_pasting ? TERM_PASTE_WAIT_MS : term_timeout_ms);
}

void
term_key_timeout(int ms)
{
	term_timeout_ms = ms;
	term_wait_set();
}

/* A paste starts or ends (its marker came, or it stopped coming). */
static int
term_paste(int on)
{
	term_pasting = on;
	term_wait_set();
	return on ? KEYC_PASTE_START : KEYC_PASTE_END;
}

/*
 * Keys are read a byte at a time (wgetch) and characters decoded here,
 * not with get_wch: ncurses' get_wch waits for ever for the rest of an
 * invalid multibyte sequence (a stray byte from a terminal in another
 * encoding, any non-ASCII key in the C locale), and every key after it,
 * q and C-c too, is lost in the wait. Here an invalid sequence is
 * dropped, and the byte that broke it is read again as a key of its own.
 * The bytes of one character come together, so a sequence stops waiting
 * for more after TERM_MB_WAIT_MS.
 */
#define TERM_MB_WAIT_MS	50

/* The character whose first byte is b (>= 0x80), or -1 if none. */
static long
term_key_mb(int b)
{
	mbstate_t st;
	wchar_t wc;
	size_t r;
	char c;
	int n;

	memset(&st, 0, sizeof st);
	for (n = 1;; n++) {
		c = (char)b;
		r = mbrtowc(&wc, &c, 1, &st);
		if (r != (size_t)-2)
			break;
		if (n >= MB_LEN_MAX)
			return -1;
		timeout(TERM_MB_WAIT_MS);
		b = getch();
		term_wait_set();
		if (b == ERR)
			return -1;	/* cut short */
		if (b > 0xff) {		/* a key code: a key of its own */
			ungetch(b);
			return -1;
		}
	}
	if (r == (size_t)-1) {
		if (n > 1)
			ungetch(b);	/* it may start the next key */
		return -1;
	}
	return (long)wc;
}

int
term_key(struct term_mouse *m)
{
	MEVENT ev;
	long wc;
	int r;

	for (;;) {
		r = getch();
		if (r == ERR)
			return term_pasting ? term_paste(0) : KEYC_NONE;
		if (r >= KEY_MIN) {
			int k = term_map_code(r);

			if (k == KEYC_PASTE_START || k == KEYC_PASTE_END)
				return term_paste(k == KEYC_PASTE_START);

			/* A key gloss has no use for (Insert, F13, S-Left...)
			 * is skipped: KEYC_NONE means no key came at all. */
			if (k == KEYC_NONE)
				continue;
			if (k != KEYC_MOUSE)
				return k;
			if (getmouse(&ev) != OK)
				continue;
			m->y = ev.y;
			m->x = ev.x;
			if (ev.bstate & BUTTON4_PRESSED)
				m->kind = TERM_MOUSE_WHEEL_UP;
			else if (ev.bstate & BUTTON5_PRESSED)
				m->kind = TERM_MOUSE_WHEEL_DOWN;
			else if (ev.bstate & (BUTTON1_PRESSED |
			    BUTTON1_CLICKED))
				m->kind = TERM_MOUSE_CLICK;
			else
				continue;
			return KEYC_MOUSE;
		}
		wc = r;
		if (r >= 0x80 && (wc = term_key_mb(r)) < 0)
			continue;	/* not a character: dropped */
		if (term_pasting) {
			/* Pasted text is text: line ends and tabs are
			 * spaces, other controls are dropped, none acts
			 * (C-z, C-\ and C-c among them). */
			if (wc == '\r' || wc == '\n' || wc == '\t')
				return KEYC_SPACE;
			if (wc < 0x20 || (wc >= 0x7f && wc < 0xa0))
				continue;
			return wc == ' ' ? KEYC_SPACE : (int)wc;
		}
		switch (wc) {
		case 0x1a:	/* C-z */
			term_suspend();
			continue;
		case 0x1c:	/* C-\ */
			raise(SIGQUIT);
			continue;
		case '\r':
		case '\n':
			return KEYC_ENTER;
		case '\t':
			return KEYC_TAB;
		case 8:
		case 127:
			return KEYC_BSPACE;
		case 27:
			return KEYC_ESC;
		case ' ':
			return KEYC_SPACE;
		}
		return (int)wc;
	}
}

int
term_interrupted(void)
{
	int r;

	timeout(0);
	r = getch();
	term_wait_set();
	if (r == ERR)
		return 0;
	if (r == 3)
		return 1;
	ungetch(r);	/* any other key (a mouse event too) stays queued */
	return 0;
}

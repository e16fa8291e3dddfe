/*
 * gendoc.c: writes a synthetic document in gloss's plain-text format
 * ("scraped article", DESIGN.md section 1) for the benchmarks.
 *
 *	gendoc SIZE [SEED] > file
 *
 * SIZE is a byte count with an optional K, M or G suffix (powers of 1024);
 * SEED (default 1) selects the text. The output is a title, article
 * paragraphs with block quotes, one clause table (Arabic original beside an
 * English translation), a comment header that claims one comment more than
 * is present, the comments, and the trailer "Comments are closed.". The
 * article and clause table stay small (at most a few hundred KB); comments
 * fill the rest until the output is about SIZE bytes.
 *
 * Coordinates: everything here is bytes. Text is built in two growable
 * buffers (the article part and the comment part) and written at the end,
 * because the header before the comments must state their count.
 *
 * Invariants: the output depends only on SIZE and SEED (one splitmix64
 * stream, no locale, no clock), so equal arguments give equal bytes. Every
 * word list entry is valid UTF-8 and holds no newline; lines never contain
 * control characters. A comment that opens by quoting copies its text
 * verbatim from the article or from two consecutive lines of an earlier
 * comment, without quotation marks, as real scraped threads do.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gloss/xmalloc.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

struct gbuf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

/* A span of bytes in one of the buffers. */
struct span {
	size_t	off;
	size_t	len;
};

struct gen {
	uint64_t	 rng;
	struct gbuf	 art;		/* title, article, clause table */
	struct gbuf	 com;		/* the comments */
	struct span	*sent;		/* article sentences (in art) */
	size_t		 nsent;
	size_t		 sentcap;
	struct span	*cmt;		/* each comment's whole text (in com) */
	size_t		 ncmt;
	size_t		 cmtcap;
};

static const char *const w_noun[] = {
	"agreement", "council", "harbour", "treaty", "ministry", "border",
	"province", "garrison", "delegation", "parliament", "committee",
	"budget", "election", "ceasefire", "convoy", "pipeline", "reservoir",
	"railway", "port", "market", "tariff", "envoy", "coalition", "faction",
	"militia", "court", "statute", "draft", "clause", "annex", "protocol",
	"mandate", "deadline", "summit", "communiqué", "spokesman", "official",
	"neighbour", "ally", "rival", "region", "capital", "village", "valley",
	"river", "bridge", "checkpoint", "base", "camp", "airfield", "embassy",
	"consulate", "newspaper", "editor", "column", "report", "rumour",
	"source", "translation", "text", "version", "paragraph", "footnote",
	"question", "answer", "argument", "point", "view", "position", "stance",
	"policy", "strategy", "plan", "proposal", "offer", "demand", "condition",
	"guarantee", "assurance", "immunity", "jurisdiction", "sovereignty",
	"withdrawal", "presence", "occupation", "influence", "pressure",
	"balance", "interest", "history", "memory", "grievance", "dispute",
	"negotiation", "compromise", "deal", "vote", "majority", "minority",
	"opposition", "government", "cabinet", "president", "minister",
	"general", "admiral", "colonel", "analyst", "diplomat", "scholar",
	"reader", "commenter", "blogger", "reporter", "wire service", "network",
	"channel", "website", "forum", "thread", "letter", "speech", "interview",
	"press conference", "hearing", "session", "recess", "winter", "summer",
	"harvest", "drought", "flood", "price", "wage", "loan", "debt", "grain",
	"oil field", "gas line", "power plant", "school", "hospital", "clinic",
	"road", "highway", "tunnel", "ferry", "island", "coast", "plain",
	"mountain pass", "frontier", "district", "quarter", "suburb", "square",
	"monument", "archive", "library", "record", "ledger", "map", "census",
	"naïveté", "café", "coöperation", "détente", "régime", "façade",
};

static const char *const w_verb[] = {
	"signed", "rejected", "approved", "delayed", "announced", "denied",
	"confirmed", "questioned", "proposed", "revised", "leaked", "published",
	"ignored", "welcomed", "condemned", "endorsed", "blocked", "reopened",
	"postponed", "negotiated", "drafted", "amended", "ratified", "disputed",
	"explained", "described", "reported", "noted", "suggested", "implied",
	"claimed", "insisted", "argued", "warned", "promised", "hinted",
	"admitted", "conceded", "refused", "accepted", "offered", "demanded",
	"supported", "opposed", "undermined", "strengthened", "weakened",
	"covered", "missed", "overlooked", "followed", "watched", "read",
	"translated", "quoted", "cited", "summarised", "misread", "clarified",
	"complicated", "shaped", "changed", "reversed", "repeated", "echoed",
	"built", "closed", "guarded", "crossed", "mapped", "counted", "taxed",
};

static const char *const w_verb_now[] = {
	"seems", "looks", "appears", "remains", "stays", "turns out",
	"has to be", "ought to be", "might be", "will be", "could be",
	"is", "was", "is still", "is not",
};

static const char *const w_adj[] = {
	"new", "old", "long", "short", "final", "early", "late", "formal",
	"informal", "secret", "public", "partial", "full", "vague", "clear",
	"careful", "reckless", "modest", "ambitious", "fragile", "durable",
	"binding", "temporary", "permanent", "regional", "national", "local",
	"foreign", "domestic", "military", "civilian", "political", "economic",
	"legal", "historic", "awkward", "curious", "odd", "familiar", "rare",
	"crucial", "minor", "major", "serious", "cautious", "bold", "quiet",
	"loud", "bitter", "sweet", "narrow", "broad", "recent", "earlier",
	"later", "second", "third", "revised", "original", "leaked", "official",
	"unofficial", "rough", "literal", "free", "strict", "loose", "genuine",
	"naïve", "upland", "coastal", "northern", "southern", "eastern",
	"western", "central", "remote", "crowded", "empty", "busy", "slow",
};

static const char *const w_adv[] = {
	"clearly", "quietly", "suddenly", "finally", "already", "still",
	"probably", "certainly", "perhaps", "indeed", "apparently", "plainly",
	"openly", "carefully", "rarely", "often", "once again", "at last",
	"for now", "so far", "in effect", "in the end", "by then",
};

static const char *const w_prep[] = {
	"in", "on", "at", "with", "without", "under", "over", "after", "before",
	"during", "against", "for", "from", "into", "beyond", "across",
	"behind", "near", "between", "among", "around", "through", "toward",
};

static const char *const w_det[] = {
	"the", "the", "the", "a", "this", "that", "every", "each", "another",
	"their", "our", "its", "some", "one",
};

static const char *const w_conj[] = {
	"and", "but", "because", "while", "although", "since", "so", "yet",
	"unless", "until", "whereas", "even though", "as long as", "once",
	"before", "after", "which means", "so that",
};

static const char *const w_lead[] = {
	"Meanwhile", "Still", "Of course", "In any case", "Anyway",
	"To be fair", "Even so", "For what it’s worth", "Then again",
	"As far as I can tell", "On the other hand", "In short", "Sadly",
	"Frankly", "Honestly", "Oddly enough", "Last week", "Yesterday",
	"Today", "This morning", "By contrast", "Either way", "Mind you",
	"Well", "So", "And yet", "In fairness",
};

static const char *const w_opener[] = {
	"I think", "I suspect", "it’s clear that", "there’s no doubt that",
	"I don’t believe", "we’re told", "they’re saying", "I’d argue",
	"it seems", "I can’t see why", "nobody doubts that", "I’m sure",
	"you’ll find that", "it doesn’t follow that", "that’s because",
	"it isn’t true that",
};

static const char *const w_name[] = {
	"Marguerite", "Tobias", "Okonkwo", "Ines", "Dariush", "Yusra", "Pell",
	"Halvorsen", "Teodora", "Mbeki-Laine", "Oskar", "Rutendo", "Farida",
	"Lucian", "Amaru", "Sigrún", "Kwame", "Ilse", "Nadia", "Bram",
	"Ottoline", "Zeynep", "Cormac", "Ayodele", "Wen", "Priya", "Esteban",
	"Hollis", "Maren", "Idris",
};

static const char *const w_place[] = {
	"Varnholm", "Kessaria", "the Upper Delta", "Ostravel", "Marrowgate",
	"Lisvane", "the Salt Coast", "Tarnow Ridge", "Qalimar", "Vessen",
	"Brunmark", "the Eastern Plain", "Corvale", "Haldane Bay", "Ashkir",
	"Pelloran", "Sundby", "the River Kell", "Dovrenna", "Mirabad",
};

static const char *const w_initials[] = {
	"RT", "MB", "JK", "AL", "PW", "SN", "EO", "DV",
};

static const char *const w_short[] = {
	"Happy days.", "Well said.", "Quite so.", "Thanks for this.",
	"Not so fast.", "Exactly!", "Hmm.", "Interesting times…",
	"Choices, choices…", "We’ll see.", "Agreed.", "I doubt it.",
};

/*
 * Arabic vocabulary written for this generator: common nouns, verbs,
 * adjectives and particles of Modern Standard Arabic, unvocalised.
 */
static const char *const w_ar[] = {
	"في", "من", "إلى", "على", "عن", "مع", "بين", "بعد", "قبل", "حتى",
	"ضد", "دون", "عند", "لدى", "منذ", "خلال", "حول", "نحو", "فوق", "تحت",
	"هذا", "هذه", "ذلك", "تلك", "الذي", "التي", "الذين", "ما", "لا", "لم",
	"لن", "قد", "كل", "بعض", "أي", "غير", "أن", "إن", "أو", "ثم", "بل",
	"لكن", "إذا", "كما", "أيضا", "فقط", "جدا", "هنا", "هناك", "الآن",
	"كان", "يكون", "ليس", "قال", "يقول", "أعلن", "يعلن", "وقع", "يوقع",
	"رفض", "يرفض", "قبل", "يقبل", "طلب", "يطلب", "أكد", "يؤكد", "نفى",
	"ينفي", "اقترح", "يقترح", "وافق", "يوافق", "عارض", "يعارض", "بنى",
	"يبني", "أغلق", "يغلق", "فتح", "يفتح", "حدد", "يحدد", "منع", "يمنع",
	"سمح", "يسمح", "حق", "يحق", "يجب", "يمكن", "ينبغي", "تم", "يتم",
	"صار", "أصبح", "بقي", "يبقى", "عاد", "يعود", "ذهب", "جاء", "خرج",
	"دخل", "كتب", "قرأ", "ترجم", "نشر", "سأل", "أجاب", "عمل", "يعمل",
	"الحكومة", "الدولة", "الوزارة", "الوزير", "الرئيس", "البرلمان",
	"المجلس", "اللجنة", "الجيش", "القوات", "الشرطة", "الحدود", "المدينة",
	"القرية", "الميناء", "النهر", "الجسر", "الطريق", "السوق", "المدرسة",
	"المستشفى", "الجامعة", "المكتبة", "الصحيفة", "الكتاب", "الرسالة",
	"الخبر", "التقرير", "النص", "المادة", "الفقرة", "البند", "الاتفاق",
	"الاتفاقية", "المعاهدة", "القانون", "الدستور", "المحكمة", "القاضي",
	"الشعب", "المواطنين", "السكان", "الناس", "الأطفال", "العائلة",
	"الماء", "الخبز", "القمح", "النفط", "الغاز", "الكهرباء", "الأرض",
	"السماء", "الشمس", "القمر", "البحر", "الجبل", "الصحراء", "الشتاء",
	"الصيف", "الربيع", "الخريف", "اليوم", "الأمس", "الغد", "السنة",
	"الشهر", "الأسبوع", "الساعة", "الوقت", "المدة", "الموعد", "الاجتماع",
	"المؤتمر", "الوفد", "السفير", "السفارة", "القنصلية", "الجيران",
	"المنطقة", "الإقليم", "المحافظة", "العاصمة", "الشمال", "الجنوب",
	"الشرق", "الغرب", "الأمن", "السلام", "الحرب", "الهدنة", "المفاوضات",
	"الحوار", "الموقف", "الرأي", "السياسة", "الاقتصاد", "الميزانية",
	"الضرائب", "الأسعار", "الأجور", "الديون", "التجارة", "الصناعة",
	"الزراعة", "الحصاد", "المطر", "الجفاف", "الفيضان", "القافلة",
	"المعسكر", "القاعدة", "المطار", "الحاجز", "السجن", "المعتقلين",
	"الحصانة", "السيادة", "الانسحاب", "الوجود", "النفوذ", "الضغط",
	"المصالح", "التاريخ", "الذاكرة", "الخلاف", "النزاع", "التسوية",
	"التصويت", "الأغلبية", "الأقلية", "المعارضة", "الحكم", "السلطة",
	"الشركات", "المقاولين", "الموظفين", "الضباط", "الجنود", "الحراس",
	"جديد", "جديدة", "قديم", "قديمة", "كبير", "كبيرة", "صغير", "صغيرة",
	"طويل", "طويلة", "قصير", "قصيرة", "واضح", "واضحة", "سري", "سرية",
	"رسمي", "رسمية", "مؤقت", "مؤقتة", "دائم", "دائمة", "محلي", "محلية",
	"وطني", "وطنية", "أجنبي", "أجنبية", "عسكري", "عسكرية", "مدني",
	"مدنية", "سياسي", "سياسية", "اقتصادي", "اقتصادية", "قانوني",
	"قانونية", "كامل", "كاملة", "جزئي", "جزئية", "مستقل", "مستقلة",
	"الأول", "الثاني", "الثالث", "الأخير", "الأولى", "الثانية", "الأخيرة",
	"بشكل", "بسبب", "بموجب", "وفق", "حسب", "باستثناء", "بالإضافة",
	"والتي", "وذلك", "ولا", "وهو", "وهي", "وقد", "ومن", "وفي", "وعلى",
	"للحكومة", "للقوات", "للدولة", "للشعب", "بالقوة", "بالكامل",
	"العراقية", "الإقليمية", "الدولية", "المحلية", "المشتركة", "المسلحة",
	"الحدودية", "الأمنية", "المدنية", "الرسمية", "العامة", "الخاصة",
	"مجلس", "وزارة", "حكومة", "قوات", "مدينة", "منطقة", "عدد", "نوع",
	"حماية", "إدارة", "مراقبة", "تنفيذ", "مراجعة", "تعديل", "إلغاء",
	"تجديد", "تمديد", "بناء", "إعادة", "دعم", "تدريب", "تسليم", "نقل",
};

static const char *const w_ar_num[] = {
	"2", "3", "5", "10", "12", "15", "30", "60", "90", "100", "2011",
	"2015", "2020",
};

static void
gbuf_need(struct gbuf *b, size_t more)
{
	if (b->len + more > b->cap)
		b->p = xgrow(b->p, &b->cap, b->len + more, 1);
}

static void
gbuf_add(struct gbuf *b, const char *s, size_t n)
{
	gbuf_need(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void
gbuf_puts(struct gbuf *b, const char *s)
{
	gbuf_add(b, s, strlen(s));
}

static void
gbuf_putc(struct gbuf *b, char c)
{
	gbuf_need(b, 1);
	b->p[b->len++] = c;
}

static void
gbuf_putu(struct gbuf *b, unsigned long long v)
{
	char	tmp[24];
	int	n;

	n = snprintf(tmp, sizeof tmp, "%llu", v);
	gbuf_add(b, tmp, (size_t)n);
}

/* Drops one trailing space, if any, before punctuation. */
static void
gbuf_unspace(struct gbuf *b)
{
	if (b->len > 0 && b->p[b->len - 1] == ' ')
		b->len--;
}

/* splitmix64: the only source of randomness. */
static uint64_t
gen_next(struct gen *g)
{
	uint64_t	z;

	z = (g->rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [0, n): n is small, so the modulo bias is negligible. */
static size_t
gen_below(struct gen *g, size_t n)
{
	return (size_t)(gen_next(g) % n);
}

/* A number in [lo, hi]. */
static size_t
gen_range(struct gen *g, size_t lo, size_t hi)
{
	return lo + gen_below(g, hi - lo + 1);
}

/* True with probability pct percent. */
static int
gen_pct(struct gen *g, unsigned pct)
{
	return gen_below(g, 100) < pct;
}

#define PICK(g, a) ((a)[gen_below((g), NITEMS(a))])

/* Appends a word, capitalising its first byte when cap is set. */
static void
gen_word(struct gbuf *b, const char *w, int cap)
{
	size_t	n = strlen(w);

	gbuf_add(b, w, n);
	if (cap && w[0] >= 'a' && w[0] <= 'z')
		b->p[b->len - n] = (char)(w[0] - 'a' + 'A');
	gbuf_putc(b, ' ');
}

/* A noun phrase: determiner, optional adjective, noun, or a name. */
static void
gen_np(struct gen *g, struct gbuf *b, int cap)
{
	size_t		 r = gen_below(g, 20);
	const char	*det, *adj = NULL, *noun;

	if (r == 0) {
		gen_word(b, PICK(g, w_name), 0);
		return;
	}
	if (r == 1) {
		gen_word(b, PICK(g, w_place), cap);
		return;
	}
	det = PICK(g, w_det);
	if (gen_pct(g, 45))
		adj = PICK(g, w_adj);
	noun = PICK(g, w_noun);
	if (strcmp(det, "a") == 0 && strchr("aeiou", (adj ? adj : noun)[0]))
		det = "an";
	gen_word(b, det, cap);
	if (adj != NULL)
		gen_word(b, adj, 0);
	gen_word(b, noun, 0);
}

/* A clause: subject, verb, object, optional prepositional phrases. */
static void
gen_clause(struct gen *g, struct gbuf *b, int cap)
{
	size_t	i, n;

	if (gen_pct(g, 12)) {
		gen_word(b, PICK(g, w_opener), cap);
		cap = 0;
	}
	gen_np(g, b, cap);
	if (gen_pct(g, 15))
		gen_word(b, PICK(g, w_adv), 0);
	if (gen_pct(g, 20)) {
		gen_word(b, PICK(g, w_verb_now), 0);
		gen_word(b, PICK(g, w_adj), 0);
	} else {
		gen_word(b, PICK(g, w_verb), 0);
		gen_np(g, b, 0);
	}
	n = gen_below(g, 3);
	for (i = 0; i < n; i++) {
		gen_word(b, PICK(g, w_prep), 0);
		gen_np(g, b, 0);
	}
}

/*
 * One English sentence, 8 to 40 words or so, with the punctuation a
 * scraped blog carries: commas, dashes, curly quotes, apostrophes,
 * ellipses. Ends without a trailing space.
 */
static void
gen_sentence(struct gen *g, struct gbuf *b)
{
	size_t	i, n;
	int	cap = 1;
	size_t	r;

	if (gen_pct(g, 18)) {
		gen_word(b, PICK(g, w_lead), 0);
		gbuf_unspace(b);
		gbuf_puts(b, ", ");
		cap = 0;
	}
	gen_clause(g, b, cap);
	n = gen_below(g, 3);
	for (i = 0; i < n; i++) {
		r = gen_below(g, 10);
		gbuf_unspace(b);
		if (r < 5) {
			gbuf_puts(b, ", ");
			gen_word(b, PICK(g, w_conj), 0);
			gen_clause(g, b, 0);
		} else if (r < 7) {
			gbuf_puts(b, r == 5 ? " — " : "– ");
			gen_clause(g, b, 0);
		} else if (r < 9) {
			gbuf_puts(b, " “");
			gen_np(g, b, 0);
			gen_word(b, PICK(g, w_verb), 0);
			gen_np(g, b, 0);
			gbuf_unspace(b);
			gbuf_puts(b, "” ");
		} else {
			gbuf_puts(b, " (");
			gen_word(b, PICK(g, w_adv), 0);
			gen_word(b, PICK(g, w_adj), 0);
			gbuf_unspace(b);
			gbuf_puts(b, ") ");
		}
	}
	gbuf_unspace(b);
	r = gen_below(g, 100);
	if (r < 78)
		gbuf_putc(b, '.');
	else if (r < 88)
		gbuf_putc(b, '?');
	else if (r < 93)
		gbuf_putc(b, '!');
	else
		gbuf_puts(b, " …");
}

/* A line of nmin..nmax sentences, no newline; records sentences if asked. */
static void
gen_line(struct gen *g, struct gbuf *b, size_t nmin, size_t nmax,
    int record)
{
	size_t	i, n, start;

	n = gen_range(g, nmin, nmax);
	for (i = 0; i < n; i++) {
		if (i > 0)
			gbuf_putc(b, ' ');
		start = b->len;
		gen_sentence(g, b);
		if (record) {
			g->sent = xgrow(g->sent, &g->sentcap, g->nsent + 1,
			    sizeof *g->sent);
			g->sent[g->nsent].off = start;
			g->sent[g->nsent].len = b->len - start;
			g->nsent++;
		}
	}
}

static void
gen_title(struct gen *g, struct gbuf *b)
{
	gen_word(b, PICK(g, w_place), 1);
	gen_word(b, PICK(g, w_noun), 0);
	gen_word(b, PICK(g, w_verb), 0);
	gen_word(b, PICK(g, w_adj), 0);
	gen_word(b, PICK(g, w_noun), 0);
	gbuf_unspace(b);
	gbuf_puts(b, "– ");
	gen_word(b, PICK(g, w_prep), 0);
	gen_word(b, PICK(g, w_place), 0);
	gbuf_unspace(b);
}

/* An indented block quote of 1..5 lines, set off by blank lines. */
static void
gen_blockquote(struct gen *g, struct gbuf *b)
{
	size_t	i, n;

	gbuf_putc(b, '\n');
	n = gen_range(g, 1, 5);
	for (i = 0; i < n; i++) {
		gbuf_puts(b, "    ");
		gen_line(g, b, 1, 4, 0);
		gbuf_putc(b, '\n');
	}
	gbuf_putc(b, '\n');
}

/* Arabic text of n words, with an occasional comma or Latin number. */
static void
gen_arabic(struct gen *g, struct gbuf *b, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			gbuf_putc(b, ' ');
		if (gen_pct(g, 4))
			gbuf_puts(b, PICK(g, w_ar_num));
		else
			gbuf_puts(b, PICK(g, w_ar));
		if (i + 1 < n && gen_pct(g, 6))
			gbuf_puts(b, "،");
	}
}

/* English translation with [insertions] and sometimes [note ~XX]. */
static void
gen_translation(struct gen *g, struct gbuf *b)
{
	size_t	i, n, mark;

	n = gen_range(g, 1, 3);
	for (i = 0; i < n; i++) {
		if (i > 0)
			gbuf_putc(b, ' ');
		mark = b->len;
		gen_sentence(g, b);
		if (gen_pct(g, 35)) {
			/* Put an insertion after the sentence's first word. */
			struct gbuf	tail = { NULL, 0, 0 };
			char		*sp;

			sp = memchr(b->p + mark, ' ', b->len - mark);
			if (sp != NULL) {
				size_t	cut = (size_t)(sp - b->p) + 1;

				gbuf_add(&tail, b->p + cut, b->len - cut);
				b->len = cut;
				gbuf_putc(b, '[');
				gen_word(b, PICK(g, w_adj), 0);
				if (gen_pct(g, 50))
					gen_word(b, PICK(g, w_noun), 0);
				gbuf_unspace(b);
				gbuf_puts(b, "] ");
				gbuf_add(b, tail.p, tail.len);
				free(tail.p);
			}
		}
	}
	if (gen_pct(g, 25)) {
		gbuf_puts(b, " [");
		gen_sentence(g, b);
		gbuf_puts(b, " ~");
		gbuf_puts(b, PICK(g, w_initials));
		gbuf_putc(b, ']');
	}
}

/* The clause table: nclauses indented lines, the first without original. */
static void
gen_clauses(struct gen *g, struct gbuf *b, size_t nclauses)
{
	size_t	i;

	gbuf_puts(b, "Here is a rough translation of the text as it was "
	    "circulated:\n\n");
	for (i = 1; i <= nclauses; i++) {
		gbuf_puts(b, "    ");
		gbuf_putu(b, i);
		if (i > 1) {
			gbuf_puts(b, "- ");
			gen_arabic(g, b, gen_range(g, 5, 45));
			gbuf_puts(b, " . ");
			gbuf_putu(b, i);
		}
		gbuf_puts(b, " – ");
		gen_translation(g, b);
		gbuf_putc(b, '\n');
	}
	gbuf_putc(b, '\n');
}

/* Title, article paragraphs with block quotes, and the clause table. */
static void
gen_article(struct gen *g, size_t target, size_t nclauses)
{
	struct gbuf	*b = &g->art;
	size_t		 half = target / 2;
	int		 table = 0;

	gen_title(g, b);
	gbuf_puts(b, "\n\n");
	while (b->len < target || !table) {
		gen_line(g, b, 1, 6, 1);
		gbuf_putc(b, '\n');
		if (!table && b->len >= half) {
			gen_clauses(g, b, nclauses);
			table = 1;
		} else if (gen_pct(g, 12)) {
			gen_word(b, PICK(g, w_lead), 0);
			gbuf_unspace(b);
			gbuf_puts(b, ", the report says:\n");
			gen_blockquote(g, b);
		}
	}
	gen_line(g, b, 1, 3, 1);
	gbuf_putc(b, '\n');
	gbuf_putc(b, '\n');
}

/*
 * The lines of comment c that hold text, without their "  N. " or "    "
 * prefix, into out (at most max); returns how many there are.
 */
static size_t
gen_comment_lines(struct gen *g, size_t c, struct span *out, size_t max)
{
	const char	*first = g->com.p + g->cmt[c].off;
	const char	*p = first, *end = first + g->cmt[c].len;
	const char	*nl, *q;
	size_t		 k = 0;

	while (p < end && k < max) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		q = p;
		while (q < nl && *q == ' ')
			q++;
		if (p == first) {
			while (q < nl && *q >= '0' && *q <= '9')
				q++;
			if (q < nl && *q == '.')
				q++;
			if (q < nl && *q == ' ')
				q++;
		}
		if (q < nl) {
			out[k].off = (size_t)(q - g->com.p);
			out[k].len = (size_t)(nl - q);
			k++;
		}
		p = nl + 1;
	}
	return k;
}

/* Picks an earlier comment at a near, middle or far distance. */
static size_t
gen_earlier(struct gen *g)
{
	size_t	n = g->ncmt, r = gen_below(g, 10);

	if (r < 4)
		return n - gen_range(g, 1, n < 5 ? n : 5);
	if (r < 7)
		return n - gen_range(g, 1, n < 100 ? n : 100);
	return gen_below(g, n);
}

/*
 * The opening of a quoting comment: two consecutive lines of an earlier
 * comment, or one sentence of the article. Appends the first quoted line
 * (no newline) and, when there is one, "\n    " plus the second.
 */
static void
gen_quote(struct gen *g, struct gbuf *b)
{
	struct span	l[6];
	size_t		c, n, i, tries;
	struct span	*s;

	if (g->ncmt > 0 && gen_pct(g, 60)) {
		for (tries = 0; tries < 4; tries++) {
			c = gen_earlier(g);
			n = gen_comment_lines(g, c, l, NITEMS(l));
			if (n < 2)
				continue;
			i = gen_below(g, n - 1);
			/* Adjacent lines only: no blank line between them. */
			if (l[i].off + l[i].len + 1 + 4 != l[i + 1].off)
				continue;
			/* Reserve first: the source may be in b itself. */
			gbuf_need(b, l[i].len + l[i + 1].len + 5);
			gbuf_add(b, g->com.p + l[i].off, l[i].len);
			gbuf_puts(b, "\n    ");
			gbuf_add(b, g->com.p + l[i + 1].off, l[i + 1].len);
			return;
		}
	}
	s = &g->sent[gen_below(g, g->nsent)];
	gbuf_add(b, g->art.p + s->off, s->len);
}

/* One comment "  N. ..." with its continuation lines and a blank after. */
static void
gen_comment(struct gen *g)
{
	struct gbuf	*b = &g->com;
	size_t		 start = b->len, i, n;
	size_t		 r = gen_below(g, 100);

	gbuf_puts(b, "  ");
	gbuf_putu(b, g->ncmt + 1);
	gbuf_puts(b, ". ");
	if (r < 15) {
		gen_quote(g, b);
		n = gen_range(g, 1, 4);
	} else if (r < 22) {
		gbuf_puts(b, PICK(g, w_name));
		gbuf_putc(b, ',');
		n = gen_range(g, 1, 4);
	} else {
		gen_line(g, b, 1, 4, 0);
		n = gen_range(g, 0, 3);
	}
	for (i = 0; i < n; i++) {
		gbuf_putc(b, '\n');
		if (gen_pct(g, 15))
			gbuf_putc(b, '\n');
		gbuf_puts(b, "    ");
		if (gen_pct(g, 6))
			gbuf_puts(b, PICK(g, w_short));
		else
			gen_line(g, b, 1, 4, 0);
	}
	gbuf_puts(b, "\n\n");
	g->cmt = xgrow(g->cmt, &g->cmtcap, g->ncmt + 1, sizeof *g->cmt);
	g->cmt[g->ncmt].off = start;
	g->cmt[g->ncmt].len = b->len - start;
	g->ncmt++;
}

/* Parses "123", "64K", "10M", "1G". Returns 0 on error. */
static size_t
gendoc_parse_size(const char *s)
{
	char			*end;
	unsigned long long	 v;
	unsigned long long	 mul = 1;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s)
		return 0;
	switch (*end) {
	case '\0':
		break;
	case 'k': case 'K':
		mul = 1ULL << 10;
		end++;
		break;
	case 'm': case 'M':
		mul = 1ULL << 20;
		end++;
		break;
	case 'g': case 'G':
		mul = 1ULL << 30;
		end++;
		break;
	default:
		return 0;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end != '\0' || v == 0 || v > (1ULL << 40) / mul)
		return 0;
	return (size_t)(v * mul);
}

static void
gendoc_usage(void)
{
	fputs("usage: gendoc SIZE[K|M|G] [SEED] > file\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct gen	 g;
	struct gbuf	 head = { NULL, 0, 0 };
	static const char trailer[] = "Comments are closed.\n";
	size_t		 size, atarget, nclauses, total;
	unsigned long long seed = 1;
	char		*end;
	char		*title;
	size_t		 tlen;

	if (argc < 2 || argc > 3)
		gendoc_usage();
	if ((size = gendoc_parse_size(argv[1])) == 0)
		gendoc_usage();
	if (argc == 3) {
		errno = 0;
		seed = strtoull(argv[2], &end, 10);
		if (errno != 0 || end == argv[2] || *end != '\0')
			gendoc_usage();
	}
	memset(&g, 0, sizeof g);
	g.rng = seed * 0x2545f4914f6cdd1dULL + 0x1234567ULL;

	atarget = size / 20;
	if (atarget < 3000)
		atarget = 3000;
	if (atarget > 200000)
		atarget = 200000;
	nclauses = 10 + (size >> 21);
	if (nclauses > 60)
		nclauses = 60;
	gen_article(&g, atarget, nclauses);

	/* The title is the first line of the article buffer. */
	end = memchr(g.art.p, '\n', g.art.len);
	title = g.art.p;
	tlen = (size_t)(end - title);

	total = g.art.len + tlen + 32 + sizeof trailer;
	do
		gen_comment(&g);
	while (total + g.com.len < size);

	gbuf_putu(&head, g.ncmt + 1);
	gbuf_puts(&head, " thoughts on “");
	gbuf_add(&head, title, tlen);
	gbuf_puts(&head, "”\n\n");

	if (fwrite(g.art.p, 1, g.art.len, stdout) != g.art.len ||
	    fwrite(head.p, 1, head.len, stdout) != head.len ||
	    fwrite(g.com.p, 1, g.com.len, stdout) != g.com.len ||
	    fputs(trailer, stdout) == EOF || fflush(stdout) != 0) {
		perror("gendoc: write");
		return 1;
	}
	free(head.p);
	free(g.art.p);
	free(g.com.p);
	free(g.sent);
	free(g.cmt);
	return 0;
}

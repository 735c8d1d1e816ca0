/*
 * quotes_speaker.c - who said each quotation of one report.
 *
 * 1. Names. Runs of capitalised words (with "of", "de", "van", ... inside;
 *    "and", "for", "on" only inside an organisation's name) are read once
 *    over the whole report. Leading function words ("The", "But") are
 *    dropped; leading titles ("Secretary of State", "Sen.", "Foreign
 *    Minister", "Democratic Alliance Chief Whip") are stripped and kept as
 *    roles. A run is an organisation when it holds an organisation word
 *    (Department, Ministry, University, ...) or is a short acronym; a
 *    person when it starts with a known given name (data/given-names-en.txt,
 *    which also gives the usual gender), carries a title, stands next to a
 *    role noun ("spokesman John Kirby", "Gelb, a professor", "Tomas Varga,
 *    54,"), or speaks ("Lou Tambone said") and is later called by its last
 *    word alone, as persons are (companies are called by their first).
 *    All-capital headings are not names. A lone word is a person when it
 *    is the surname of exactly one person of the report ("Kirby",
 *    "Secretary Kerry" -> John Kerry, the full name may come later), has a
 *    title, or is somewhere the subject of a speech verb ("Boehner said").
 *
 * 2. The attribution of each quotation, tried in this order:
 *    after   “...,” SPEAKER [, APPOSITIVE,] VERB  |  “...,” VERB SPEAKER
 *            (the quotation must end with , ? ! or a dash, or be followed
 *            by a comma: one closed by a period ends its sentence)
 *    before  SPEAKER VERB[,:] “...”  |  VERB SPEAKER: “...”  |
 *            according to SPEAKER, “...”  |  SPEAKER VERB that ... “partial”
 *            (the last speech verb of the sentence before the mark, not
 *            across "but", "while", ";"; a full quotation must follow its
 *            verb closely; "X said ... and accused Y of “...”" and
 *            "..., calling it “...”" take the subject of the first verb)
 *    inherit a full quotation with no attribution of its own takes the
 *            speaker of the previous quotation in its paragraph, or of the
 *            last one of the previous paragraph when it opens its own and
 *            no other attribution stands between
 *    VERB is a lower-case form from data/speech-verbs-en.txt, not in the
 *    passive ("is described as") and not a participle introducing its
 *    subject ("“...,” saying he ...").
 *
 * 3. The speaker of the attribution phrase:
 *    a name               the name, titles stripped, surname completed; a
 *                         person in the phrase wins over the organisation
 *                         it works for ("David Wasserman of the Cook
 *                         Political Report")
 *    he / she             the first person of that gender named in the
 *                         nearest earlier sentence that names one, the one
 *                         who speaks there if any ("Caldera, Chavez said");
 *                         none when that person is only an object ("quotes
 *                         from Jane Austen") or an unknown name opens a
 *                         sentence on the way ("Conard doesn't ...")
 *    it                   the nearest earlier organisation, or company
 *    they                 the nearest earlier organisation
 *    the spokesman, the minister (definite role)
 *                         the nearest earlier person who bears that role;
 *                         a role the report never names is an unnamed source
 *    the ministry, the company (definite organisation)
 *                         the nearest earlier organisation of that kind
 *    the statement, the tweet (definite document)
 *                         who issued it: the name after "from/by/on", the
 *                         possessor, or the subject of "released/issued/
 *                         said in" in the nearest earlier sentence naming it
 *    a spokesman, officials, one visitor (indefinite)
 *                         an unnamed source: no speaker
 *    Anything not resolved with confidence is left NULL: precision first.
 */
#include "analyze/quotes.h"

#include <stdlib.h>
#include <string.h>

#include "util/strmap.h"
#include "util/vec.h"

/* ----------------------------------------------------------- word lists */

static const char *const quotes_titles[] = {"mr",
                                            "mr.",
                                            "mrs",
                                            "mrs.",
                                            "ms",
                                            "ms.",
                                            "miss",
                                            "dr",
                                            "dr.",
                                            "prof",
                                            "prof.",
                                            "professor",
                                            "sen.",
                                            "senator",
                                            "rep.",
                                            "representative",
                                            "gov.",
                                            "governor",
                                            "president",
                                            "vice",
                                            "secretary",
                                            "minister",
                                            "premier",
                                            "chancellor",
                                            "prime",
                                            "mayor",
                                            "judge",
                                            "justice",
                                            "ambassador",
                                            "gen.",
                                            "general",
                                            "col.",
                                            "colonel",
                                            "lt.",
                                            "lieutenant",
                                            "capt.",
                                            "captain",
                                            "sgt.",
                                            "sergeant",
                                            "adm.",
                                            "admiral",
                                            "maj.",
                                            "pvt.",
                                            "cpl.",
                                            "sir",
                                            "dame",
                                            "lord",
                                            "lady",
                                            "rev.",
                                            "reverend",
                                            "father",
                                            "pope",
                                            "king",
                                            "queen",
                                            "prince",
                                            "princess",
                                            "sheikh",
                                            "ayatollah",
                                            "commissioner",
                                            "chief",
                                            "director",
                                            "chairman",
                                            "chairwoman",
                                            "spokesman",
                                            "spokeswoman",
                                            "spokesperson",
                                            "detective",
                                            "inspector",
                                            "officer",
                                            "superintendent",
                                            "sheriff",
                                            "attorney",
                                            "coach",
                                            "speaker",
                                            "leader",
                                            "foreign",
                                            "defense",
                                            "defence",
                                            "interior",
                                            "finance",
                                            "deputy",
                                            "acting",
                                            "former",
                                            "state",
                                            "supreme",
                                            "leader",
                                            "crown",
                                            "emir",
                                            "sultan",
                                            "senior",
                                            "executive",
                                            "house",
                                            "majority",
                                            "minority",
                                            "assistant",
                                            "associate",
                                            "u.s.",
                                            "us",
                                            "congressman",
                                            "congresswoman",
                                            "councilman",
                                            "councilwoman",
                                            "chair",
                                            "treasurer",
                                            "treasury",
                                            "health",
                                            "justice",
                                            "homeland",
                                            "security",
                                            "labor",
                                            "labour",
                                            "trade",
                                            "education",
                                            "energy",
                                            "environment",
                                            "agriculture",
                                            "transportation",
                                            "commerce",
                                            "economy",
                                            "culture",
                                            "first",
                                            "grand",
                                            "high",
                                            NULL};

static const char *const quotes_org_words[] = {"department",
                                               "ministry",
                                               "government",
                                               "council",
                                               "agency",
                                               "office",
                                               "party",
                                               "university",
                                               "college",
                                               "committee",
                                               "commission",
                                               "police",
                                               "bank",
                                               "company",
                                               "corporation",
                                               "corp.",
                                               "inc.",
                                               "ltd.",
                                               "co.",
                                               "association",
                                               "union",
                                               "organization",
                                               "organisation",
                                               "institute",
                                               "court",
                                               "army",
                                               "navy",
                                               "force",
                                               "forces",
                                               "embassy",
                                               "foundation",
                                               "group",
                                               "service",
                                               "services",
                                               "administration",
                                               "house",
                                               "senate",
                                               "congress",
                                               "parliament",
                                               "assembly",
                                               "times",
                                               "post",
                                               "news",
                                               "network",
                                               "authority",
                                               "board",
                                               "bureau",
                                               "center",
                                               "centre",
                                               "club",
                                               "church",
                                               "coalition",
                                               "federation",
                                               "fund",
                                               "hospital",
                                               "league",
                                               "museum",
                                               "press",
                                               "school",
                                               "society",
                                               "trust",
                                               "watch",
                                               "media",
                                               "airlines",
                                               "airways",
                                               "motors",
                                               "systems",
                                               "technologies",
                                               "labs",
                                               "project",
                                               "movement",
                                               "front",
                                               "alliance",
                                               "cabinet",
                                               "kremlin",
                                               "pentagon",
                                               "guard",
                                               "tribunal",
                                               "reuters",
                                               "journal",
                                               "telegraph",
                                               "guardian",
                                               "herald",
                                               "tribune",
                                               "gazette",
                                               "magazine",
                                               "radio",
                                               "television",
                                               "tv",
                                               "agency",
                                               "commission",
                                               "secretariat",
                                               "directorate",
                                               "brigade",
                                               "command",
                                               "communiqué",
                                               "communique",
                                               "international",
                                               "holdings",
                                               "partners",
                                               "global",
                                               "industries",
                                               "enterprises",
                                               "capital",
                                               "council",
                                               "ministry",
                                               "squad",
                                               "unit",
                                               "team",
                                               "panel",
                                               "forum",
                                               "conference",
                                               "program",
                                               "programme",
                                               "initiative",
                                               "institution",
                                               "laboratory",
                                               "academy",
                                               "observatory",
                                               "caucus",
                                               "legislature",
                                               "assembly",
                                               NULL};

/* Person roles; the index is stored on entities. */
static const char *const quotes_roles[] = {
    "spokesman",      "spokeswoman", "spokesperson",  "official",
    "minister",       "secretary",   "president",     "senator",
    "representative", "congressman", "congresswoman", "governor",
    "mayor",          "ambassador",  "diplomat",      "director",
    "chief",          "head",        "chairman",      "chairwoman",
    "chair",          "leader",      "commander",     "general",
    "officer",        "lawyer",      "attorney",      "prosecutor",
    "judge",          "professor",   "scientist",     "researcher",
    "analyst",        "expert",      "economist",     "adviser",
    "advisor",        "aide",        "founder",       "ceo",
    "executive",      "manager",     "owner",         "member",
    "lawmaker",       "politician",  "candidate",     "activist",
    "witness",        "resident",    "victim",        "teacher",
    "student",        "doctor",      "nurse",         "coach",
    "author",         "journalist",  "reporter",      "editor",
    "correspondent",  "pilot",       "worker",        "employee",
    "detective",      "sheriff",     "captain",       "chancellor",
    "premier",        "king",        "queen",         "prince",
    "princess",       "pope",        "bishop",        "priest",
    "rabbi",          "imam",        "inspector",     "superintendent",
    "commissioner",   "deputy",      "assistant",     "negotiator",
    "envoy",          "historian",   "sociologist",   "specialist",
    "consultant",     "strategist",  "campaigner",    "organizer",
    "organiser",      "chancellor",  "treasurer",     "founder",
    "partner",        "colonel",     "lieutenant",    "sergeant",
    "admiral",        "player",      "striker",       "defender",
    "goalkeeper",     "manager",     "mother",        "father",
    "wife",           "husband",     "son",           "daughter",
    "brother",        "sister",      "friend",        "neighbor",
    "neighbour",      "owner",       "farmer",        "surgeon",
    "physician",      "engineer",    "architect",     "designer",
    "actor",          "actress",     "singer",        "writer",
    "novelist",       "poet",        "director",      "boss",
    "host",           "owner",       "chairperson",   "secretary-general",
    "creator",        "co-founder",  "head",          NULL};

/* Plural or collective sources that stay anonymous. */
static const char *const quotes_anon_plural[] = {
    "officials",   "sources",    "experts",    "analysts",    "critics",       "observers",
    "people",      "residents",  "witnesses",  "authorities", "diplomats",     "aides",
    "advisers",    "advisors",   "lawmakers",  "activists",   "investigators", "prosecutors",
    "researchers", "scientists", "economists", "insiders",    "members",       "supporters",
    "opponents",   "protesters", "protestors", "organizers",  "organisers",    "spokespeople",
    "leaders",     "doctors",    "police",     "employees",   "workers",       "locals",
    "officers",    NULL};

static const char *const quotes_org_nouns[] = {
    "ministry",     "government", "department",   "embassy",
    "police",       "company",    "agency",       "office",
    "committee",    "commission", "council",      "court",
    "army",         "military",   "party",        "administration",
    "campaign",     "team",       "group",        "organization",
    "organisation", "network",    "channel",      "newspaper",
    "paper",        "site",       "website",      "union",
    "firm",         "bank",       "university",   "school",
    "hospital",     "board",      "authority",    "bureau",
    "service",      "institute",  "foundation",   "association",
    "federation",   "league",     "club",         "parliament",
    "congress",     "senate",     "regime",       "coalition",
    "alliance",     "movement",   "navy",         "guard",
    "consulate",    "cabinet",    "presidency",   "palace",
    "white",        "outlet",     "broadcaster",  "platform",
    "publication",  "ministry",   "secretariat",  "watchdog",
    "regulator",    "maker",      "manufacturer", "carmaker",
    "retailer",     "startup",    "business",     "brand",
    "operator",     "developer",  "producer",     "supplier",
    "chain",        "airline",    "insurer",      "lender",
    "utility",      NULL};

/* Organisation nouns that may refer to a company named without an
 * organisation word ("Voltra Mobility ... the company said"). */
static const char *const quotes_corporate_nouns[] = {
    "company",      "firm",         "group",    "maker",     "manufacturer", "carmaker", "retailer",
    "airline",      "bank",         "startup",  "business",  "brand",        "platform", "network",
    "organization", "organisation", "operator", "developer", "producer",     "supplier", "chain",
    "club",         "team",         "insurer",  "lender",    "utility",      NULL};

/* Prepositions that attach a place or affiliation to a noun ("one woman in
 * Lisk"): the noun before them is the head of the phrase. */
static const char *const quotes_pp_preps[] = {"in",     "at",     "from", "near", "outside",
                                              "inside", "across", "with", "for",  NULL};

static const char *const quotes_doc_nouns[] = {
    "statement", "communique",   "communiqué", "release",     "letter",  "tweet",   "post",
    "message",   "note",         "memo",       "email",       "e-mail",  "filing",  "complaint",
    "document",  "announcement", "notice",     "transcript",  "posting", "account", "report",
    "video",     "broadcast",    "bulletin",   "declaration", "tweets",  "posts",   NULL};

static const char *const quotes_dets[] = {
    "the",   "a",   "an", "this", "that", "these",   "those", "his",     "her",  "its",
    "their", "our", "my", "your", "one",  "another", "some",  "several", "many", NULL};

static const char *const quotes_definite[] = {"the",   "this", "that", "his",  "her", "its",
                                              "their", "our",  "my",   "your", NULL};

static const char *const quotes_adverbs[] = {
    "also",  "later",      "then",    "again", "further",   "previously", "earlier", "once",
    "still", "recently",   "now",     "today", "yesterday", "had",        "has",     "have",
    "was",   "were",       "is",      "are",   "will",      "would",      "could",   "might",
    "may",   "did",        "does",    "do",    "not",       "never",      "later",   "first",
    "last",  "separately", "already", "even",  "simply",    "just",       "only",    NULL};

static const char *const quotes_time_words[] = {
    "monday",  "tuesday",   "wednesday", "thursday", "friday",    "saturday", "sunday",
    "january", "february",  "march",     "april",    "may",       "june",     "july",
    "august",  "september", "october",   "november", "december",  "jan.",     "feb.",
    "mar.",    "apr.",      "jun.",      "jul.",     "aug.",      "sep.",     "sept.",
    "oct.",    "nov.",      "dec.",      "today",    "yesterday", "tonight",  NULL};

static const char *const quotes_clause_breaks[] = {"but",     "while",   "although", "though",
                                                   "whereas", "however", "yet",      NULL};

static const char *const quotes_connectors[] = {
    "of", "de", "da", "del", "della", "di", "do", "dos", "das", "van", "von", "der", "den",
    "la", "le", "du", "bin", "ibn",   "al", "el", "y",   "and", "for", "on",  NULL};

static const char *const quotes_issue_verbs[] = {
    "released", "issued", "published", "sent", "posted", "put", "distributed", "shared", NULL};

/* Abbreviated titles and the role each stands for. */
static const char *const quotes_title_abbrev[][2] = {
    {"sen.", "senator"},         {"rep.", "representative"},
    {"gov.", "governor"},        {"gen.", "general"},
    {"prof.", "professor"},      {"dr.", "doctor"},
    {"lt.", "lieutenant"},       {"capt.", "captain"},
    {"sgt.", "sergeant"},        {"adm.", "admiral"},
    {"col.", "colonel"},         {"pres.", "president"},
    {"supt.", "superintendent"}, {"det.", "detective"},
    {"insp.", "inspector"},      {NULL, NULL}};

/* Index of word t in the list (ASCII case-insensitive, also ignoring a
 * final period in t when the entry has none), or -1. */
static int quotes_in_list(const char *text, const ch_qtok *t, const char *const *list) {
    if (t->kind != QTK_WORD)
        return -1;
    for (int i = 0; list[i]; i++)
        if (quotes_tok_is(text, t, list[i]))
            return i;
    return -1;
}

/* The role a title word stands for ("Sen." -> senator, "Minister" ->
 * minister), or -1. */
static int quotes_title_role(const char *text, const ch_qtok *t) {
    for (size_t i = 0; quotes_title_abbrev[i][0]; i++)
        if (quotes_tok_is(text, t, quotes_title_abbrev[i][0])) {
            for (int k = 0; quotes_roles[k]; k++)
                if (!strcmp(quotes_roles[k], quotes_title_abbrev[i][1]))
                    return k;
            return -1;
        }
    return quotes_in_list(text, t, quotes_roles);
}

/* ------------------------------------------------------------- context */

typedef struct quotes_ent {
    const char *name; /* canonical, arena */
    size_t name_len;
    char gender; /* 'm', 'f' or 0 */
    uint8_t person, org;
    uint8_t roles[8]; /* indices into quotes_roles, +1 (0 = none) */
} quotes_ent;

typedef struct quotes_mention {
    size_t tok, end; /* tokens [tok, end) */
    uint32_t ent;
} quotes_mention;

/* A string-keyed map to 32-bit values (keys interned in a string map). */
typedef struct quotes_index {
    ch_strmap *m;
    uint32_t *val; /* (cap) by key id */
    size_t cap;
} quotes_index;

#define QUOTES_AMBIG (UINT32_MAX - 1)

/* Lower-cases (ASCII) s[0..n) into buf (cap bytes); returns the length,
 * or 0 when it does not fit. */
static size_t quotes_lower_key(const char *s, size_t n, char *buf, size_t cap) {
    if (!n || n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++)
        buf[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a') : s[i];
    return n;
}

/* The value of key s[0..n) (ASCII case ignored), or UINT32_MAX. */
static uint32_t quotes_index_get(const quotes_index *ix, const char *s, size_t n) {
    char k[256];
    size_t kn = quotes_lower_key(s, n, k, sizeof k);
    uint32_t id = kn ? strmap_get(ix->m, k, kn) : STRMAP_NONE;
    return id == STRMAP_NONE ? UINT32_MAX : ix->val[id];
}

/* Sets key s[0..n) to v; 'add' adds v to the old value instead (0 when
 * absent). Returns 0, or -1 when out of memory. Keys that are too long are
 * not stored. */
static int quotes_index_put(quotes_index *ix, const char *s, size_t n, uint32_t v, int add) {
    char k[256];
    size_t kn = quotes_lower_key(s, n, k, sizeof k);
    if (!kn)
        return 0;
    int is_new;
    uint32_t id = strmap_intern(ix->m, k, kn, &is_new);
    if (id == STRMAP_NONE)
        return -1;
    if (id >= ix->cap) {
        size_t nc = ix->cap ? ix->cap * 2 : 64;
        while (nc <= id)
            nc *= 2;
        uint32_t *nv = realloc(ix->val, nc * sizeof *nv);
        if (!nv)
            return -1;
        ix->val = nv;
        ix->cap = nc;
    }
    ix->val[id] = add ? (is_new ? 0 : ix->val[id]) + v : v;
    return 0;
}

static void quotes_index_free(quotes_index *ix) {
    strmap_free(ix->m);
    free(ix->val);
}

typedef struct quotes_ctx {
    const ch_quote_lex *lx;
    const char *text;
    size_t len;
    ch_qtok *t;
    size_t nt;
    uint8_t *inq;  /* (nt) token inside a quotation, marks included */
    uint32_t *sid; /* (nt) sentence number */
    uint32_t *pid; /* (nt) paragraph number */
    uint32_t *mat; /* (nt) mention index + 1 covering the token, 0 if none */
    quotes_ent *ent;
    size_t nent, ecap;
    quotes_mention *men;
    size_t nmen, mcap;
    ch_strmap *speakers;    /* capitalised words that are subjects of speech verbs */
    quotes_index full;      /* lower-case entity name -> entity */
    quotes_index firstlast; /* "first last" of a person -> entity */
    quotes_index surname;   /* last word of a multi-word person -> entity, or QUOTES_AMBIG */
    quotes_index alone;     /* capitalised word standing alone -> occurrences */
    ch_strmap *midcaps;     /* words written capitalised inside a sentence */
    ch_arena *a;
    ch_buf scratch;
} quotes_ctx;

/* The result of reading one attribution phrase. */
typedef struct quotes_attr {
    ch_quote_attr kind;
    const char *speaker;
    size_t s, e; /* attribution tokens [s, e) (phrase plus appositive) */
    size_t v;    /* the speech verb, or SIZE_MAX */
    int ok;
} quotes_attr;

static int quotes_is_word(const quotes_ctx *x, size_t i) {
    return i < x->nt && x->t[i].kind == QTK_WORD;
}

static int quotes_is_p(const quotes_ctx *x, size_t i, const char *set) {
    return i < x->nt && x->t[i].kind == QTK_PUNCT && x->t[i].len == 1 &&
           strchr(set, x->text[x->t[i].off]) != NULL;
}

static int quotes_is_dash(const quotes_ctx *x, size_t i) {
    if (i >= x->nt || x->t[i].kind != QTK_PUNCT)
        return 0;
    const char *s = x->text + x->t[i].off;
    return x->t[i].len == 3 && (!memcmp(s, "\xe2\x80\x94", 3) || !memcmp(s, "\xe2\x80\x93", 3));
}

static int quotes_is_verb(const quotes_ctx *x, size_t i) {
    return quotes_is_word(x, i) && x->t[i].lower &&
           quotes_lex_is_speech_verb(x->lx, x->text + x->t[i].off, x->t[i].len);
}

static int quotes_is_ing(const quotes_ctx *x, size_t i) {
    return x->t[i].len > 4 && !memcmp(x->text + x->t[i].off + x->t[i].len - 3, "ing", 3);
}

/* 1 if the verb at v is in the passive ("is described", "was told"): its
 * subject is not who spoke. */
static int quotes_is_passive(const quotes_ctx *x, size_t v) {
    static const char *const be[] = {"is", "was", "were", "are", "been", "be", "being", NULL};
    size_t k = v;
    while (k > 0 && v - k < 3) {
        k--;
        if (quotes_in_list(x->text, &x->t[k], be) >= 0)
            return 1;
        if (!quotes_is_word(x, k) || !x->t[k].lower ||
            !(x->t[k].len > 4 && x->text[x->t[k].off + x->t[k].len - 2] == 'l' &&
              x->text[x->t[k].off + x->t[k].len - 1] == 'y'))
            return 0; /* only "-ly" adverbs may stand between: "is often described" */
    }
    return 0;
}

static int quotes_is_stop(const quotes_ctx *x, size_t i) {
    return quotes_is_word(x, i) && quotes_lex_is_stop(x->lx, x->text + x->t[i].off, x->t[i].len);
}

static int quotes_is_adverb(const quotes_ctx *x, size_t i) {
    if (!quotes_is_word(x, i) || !x->t[i].lower)
        return 0;
    const ch_qtok *t = &x->t[i];
    if (t->len > 4 && x->text[t->off + t->len - 2] == 'l' && x->text[t->off + t->len - 1] == 'y')
        return 1;
    return quotes_in_list(x->text, t, quotes_adverbs) >= 0;
}

static int quotes_is_time(const quotes_ctx *x, size_t i) {
    return quotes_in_list(x->text, &x->t[i], quotes_time_words) >= 0;
}

static int quotes_is_det(const quotes_ctx *x, size_t i) {
    return quotes_is_word(x, i) && quotes_in_list(x->text, &x->t[i], quotes_dets) >= 0;
}

/* A word ending in 's or ’s (or s’): a possessive. Returns the length of
 * the word without the ending, or 0. */
static size_t quotes_possessive(const quotes_ctx *x, size_t i) {
    const ch_qtok *t = &x->t[i];
    const char *s = x->text + t->off;
    if (t->len > 2 && s[t->len - 2] == '\'' && (s[t->len - 1] == 's' || s[t->len - 1] == 'S'))
        return t->len - 2;
    if (t->len > 4 && !memcmp(s + t->len - 4, "\xe2\x80\x99s", 4))
        return t->len - 4;
    /* WikiLeaks’ (a closing ’ right after the word) */
    if (i + 1 < x->nt && x->t[i + 1].off == t->off + t->len && x->t[i + 1].len == 3 &&
        !memcmp(x->text + x->t[i + 1].off, "\xe2\x80\x99", 3) && s[t->len - 1] == 's')
        return t->len;
    return 0;
}

/* A capitalised word that can be part of a name. */
static int quotes_is_capword(const quotes_ctx *x, size_t i) {
    return quotes_is_word(x, i) && x->t[i].cap && !quotes_is_time(x, i);
}

/* Token text of [s, e) joined by single spaces, a final possessive
 * dropped; arena copy or NULL. */
static const char *quotes_join(quotes_ctx *x, size_t s, size_t e, size_t *out_len) {
    buf_clear(&x->scratch);
    for (size_t i = s; i < e; i++) {
        size_t l = x->t[i].len;
        if (i + 1 == e && x->t[i].kind == QTK_WORD) {
            size_t p = quotes_possessive(x, i);
            if (p)
                l = p;
        }
        if (i > s && x->t[i].off > x->t[i - 1].off + x->t[i - 1].len &&
            buf_putc(&x->scratch, ' ') != 0)
            return NULL;
        if (buf_append(&x->scratch, x->text + x->t[i].off, l) != 0)
            return NULL;
    }
    if (out_len)
        *out_len = x->scratch.len;
    return arena_strndup(x->a, x->scratch.data ? x->scratch.data : "", x->scratch.len);
}

/* Equality of two words ignoring ASCII case. */
static int quotes_same_word(const char *a, size_t na, const char *b, size_t nb) {
    if (na != nb)
        return 0;
    for (size_t i = 0; i < na; i++) {
        char p = a[i], q = b[i];
        if (p >= 'A' && p <= 'Z')
            p = (char)(p - 'A' + 'a');
        if (q >= 'A' && q <= 'Z')
            q = (char)(q - 'A' + 'a');
        if (p != q)
            return 0;
    }
    return 1;
}

/* The last space-separated word of a name. */
static void quotes_last_word(const char *s, size_t n, const char **w, size_t *wn) {
    size_t i = n;
    while (i > 0 && s[i - 1] != ' ')
        i--;
    *w = s + i;
    *wn = n - i;
}

static void quotes_first_word(const char *s, size_t n, const char **w, size_t *wn) {
    size_t i = 0;
    while (i < n && s[i] != ' ')
        i++;
    *w = s;
    *wn = i;
}

static void quotes_ent_add_role(quotes_ent *e, int role) {
    if (role < 0)
        return;
    for (size_t i = 0; i < sizeof e->roles; i++) {
        if (e->roles[i] == (uint8_t)(role + 1))
            return;
        if (!e->roles[i]) {
            e->roles[i] = (uint8_t)(role + 1);
            return;
        }
    }
}

static int quotes_ent_has_role(const quotes_ent *e, int role) {
    for (size_t i = 0; i < sizeof e->roles && e->roles[i]; i++)
        if (e->roles[i] == (uint8_t)(role + 1))
            return 1;
    return 0;
}

/* ------------------------------------------------------------- names */

typedef struct quotes_run {
    size_t s, e;     /* the name, titles and leading function words removed */
    size_t raw_s;    /* where the capitalised run began (titles included) */
    int titled;      /* a person title was stripped */
    char gender;     /* from a title: Mr -> m, Mrs/Ms -> f */
    int role;        /* a role title stripped (index into quotes_roles), or -1 */
    int org, person; /* classification */
} quotes_run;

static int quotes_has_org_word(const quotes_ctx *x, size_t s, size_t e) {
    for (size_t i = s; i < e; i++)
        if (quotes_in_list(x->text, &x->t[i], quotes_org_words) >= 0)
            return 1;
    return 0;
}

/* 1 if the word looks like an initial or initials: "F.", "J.D." */
static int quotes_is_initial(const quotes_ctx *x, size_t i) {
    const ch_qtok *t = &x->t[i];
    return quotes_is_word(x, i) && t->cap && t->len >= 2 && x->text[t->off + t->len - 1] == '.' &&
           (t->len == 2 || x->text[t->off + t->len - 3] == '.');
}

/* Reads the capitalised run starting at token i; fills *r and returns the
 * index after it. */
static size_t quotes_read_run(quotes_ctx *x, size_t i, quotes_run *r) {
    size_t j = i;
    while (j < x->nt) {
        if (j > i && (x->t[j].para || x->inq[j] != x->inq[i]))
            break;
        if (quotes_is_capword(x, j)) {
            j++;
            if (quotes_possessive(x, j - 1))
                break;
            continue;
        }
        if (j > i && quotes_in_list(x->text, &x->t[j], quotes_connectors) >= 0 && x->t[j].lower &&
            quotes_is_capword(x, j + 1) && !x->t[j + 1].para) {
            j++;
            continue;
        }
        break;
    }
    /* "and", "for", "on" join words only inside an organisation's name
     * ("Council on Foreign Relations"), not two names ("Clinton and Trump") */
    if (!quotes_has_org_word(x, i, j))
        for (size_t k = i + 1; k < j; k++)
            if (quotes_tok_is(x->text, &x->t[k], "and") ||
                quotes_tok_is(x->text, &x->t[k], "for") || quotes_tok_is(x->text, &x->t[k], "on")) {
                j = k;
                break;
            }
    size_t e = j;
    while (e > i && !quotes_is_capword(x, e - 1))
        e--; /* never end on a connector */
    memset(r, 0, sizeof *r);
    r->role = -1;
    r->raw_s = i;
    size_t s = i;
    /* leading function words ("The", "But", "He") */
    while (s < e && quotes_is_stop(x, s))
        s++;
    r->s = s;
    r->e = e;
    if (s >= e)
        return j > i ? j : i + 1;
    /* "Host Megan Doyle" at the start of a sentence: a capitalised common
     * word before a given name is not part of the name */
    int at_start =
        s == 0 || x->t[s].para || quotes_is_p(x, s - 1, ".!?:") || x->t[s - 1].kind == QTK_MARK;
    if (at_start && e - s >= 3 &&
        !quotes_lex_given_name(x->lx, x->text + x->t[s].off, x->t[s].len) &&
        quotes_in_list(x->text, &x->t[s], quotes_titles) < 0 &&
        quotes_lex_given_name(x->lx, x->text + x->t[s + 1].off, x->t[s + 1].len))
        s++;
    /* "Secretary of State John Kerry": the name starts at the given name */
    for (size_t k = s + 1; k + 1 < e; k++) {
        if (quotes_lex_given_name(x->lx, x->text + x->t[k].off, x->t[k].len) &&
            !quotes_lex_given_name(x->lx, x->text + x->t[k - 1].off, x->t[k - 1].len)) {
            /* the words before it form a title: at least one title word
             * ("Transport Minister", "Secretary of State") */
            int titles = 0;
            for (size_t m = s; m < k; m++)
                titles += quotes_in_list(x->text, &x->t[m], quotes_titles) >= 0 ||
                          quotes_in_list(x->text, &x->t[m], quotes_org_words) >= 0;
            /* "Democratic Alliance Chief Whip John Steenhuisen", but not
             * "Jackie Robinson Foundation" */
            if (titles && !quotes_has_org_word(x, k, e)) {
                for (size_t m = s; m < k; m++) {
                    int ro = quotes_title_role(x->text, &x->t[m]);
                    if (ro >= 0)
                        r->role = ro;
                }
                r->titled = 1;
                s = k;
                /* "MUST WATCH Mitt Romney on Trump": the name ends at a
                 * joining word once the organisation is cut away */
                for (size_t m = s + 1; m < e; m++)
                    if (quotes_tok_is(x->text, &x->t[m], "and") ||
                        quotes_tok_is(x->text, &x->t[m], "for") ||
                        quotes_tok_is(x->text, &x->t[m], "on")) {
                        e = m;
                        r->e = e;
                        break;
                    }
                break;
            }
        }
    }
    if (!r->titled && (quotes_has_org_word(x, s, e) ||
                       (e - s == 1 && x->t[s].allcap && x->t[s].len >= 2 && x->t[s].len <= 6))) {
        r->s = s;
        r->org = 1;
        return j;
    }
    /* "Secretary Kerry", "Sen. Warren", "Mr. Kirby" */
    while (e - s >= 2 &&
           (quotes_in_list(x->text, &x->t[s], quotes_titles) >= 0 ||
            (r->titled && quotes_in_list(x->text, &x->t[s], quotes_connectors) >= 0))) {
        const ch_qtok *t = &x->t[s];
        if (quotes_tok_is(x->text, t, "mr") || quotes_tok_is(x->text, t, "mr."))
            r->gender = 'm';
        else if (quotes_tok_is(x->text, t, "mrs") || quotes_tok_is(x->text, t, "mrs.") ||
                 quotes_tok_is(x->text, t, "ms") || quotes_tok_is(x->text, t, "ms.") ||
                 quotes_tok_is(x->text, t, "miss"))
            r->gender = 'f';
        int ro = quotes_title_role(x->text, t);
        if (ro >= 0)
            r->role = ro;
        r->titled = 1;
        s++;
    }
    r->s = s;
    int given = quotes_lex_given_name(x->lx, x->text + x->t[s].off, x->t[s].len);
    if (r->titled || (e - s >= 2 && (given || quotes_is_initial(x, s))))
        r->person = 1;
    if (!r->gender && given && e - s >= 2 && given != 'u')
        r->gender = (char)given;
    return j;
}

/* The role noun right before a run ("spokesman John Kirby", "president,
 * Rafael Correa") or in an appositive right after it ("Gelb, a professor
 * of history"); -1 if none. */
static int quotes_role_near(const quotes_ctx *x, const quotes_run *r, int *appos_role) {
    int before = -1;
    size_t b = r->raw_s;
    if (b > 0 && quotes_is_p(x, b - 1, ","))
        b--;
    if (b > 0 && quotes_is_word(x, b - 1) && x->t[b - 1].lower)
        before = quotes_in_list(x->text, &x->t[b - 1], quotes_roles);
    *appos_role = -1;
    size_t i = r->e;
    if (i < x->nt && quotes_is_p(x, i, ",")) {
        /* ", [54,] [a|the|Ecuador's] [modifiers] ROLE": a noun phrase, not
         * a clause ("Daniels, represented by her lawyer" is not one) */
        size_t k = i + 1;
        if (k + 1 < x->nt && x->t[k].kind == QTK_NUM && quotes_is_p(x, k + 1, ","))
            k += 2;
        if (k < x->nt &&
            (quotes_is_det(x, k) || (quotes_is_capword(x, k) && quotes_possessive(x, k))))
            k++;
        for (int m = 0; k < x->nt && m < 6; k++, m++) {
            if (x->t[k].para || !quotes_is_word(x, k) || quotes_is_verb(x, k) ||
                quotes_is_stop(x, k))
                break;
            if (x->t[k].lower) {
                int ro = quotes_in_list(x->text, &x->t[k], quotes_roles);
                if (ro >= 0) {
                    *appos_role = ro;
                    break;
                }
            }
        }
    }
    return before;
}

static uint32_t quotes_find_ent_full(const quotes_ctx *x, const char *name, size_t n) {
    return quotes_index_get(&x->full, name, n);
}

/* The single person entity whose surname is w[0..n) ("Kirby"), or whose
 * first and last names match those of the multi-word name given; -2 when
 * several match, -1 when none. */
static long quotes_find_by_surname(const quotes_ctx *x, const char *w, size_t n) {
    uint32_t id = quotes_index_get(&x->surname, w, n);
    return id == UINT32_MAX ? -1 : id == QUOTES_AMBIG ? -2 : (long)id;
}

/* Records a new multi-word person in the surname and first-last indexes. */
static int quotes_index_person(quotes_ctx *x, uint32_t id) {
    const quotes_ent *e = &x->ent[id];
    if (!e->person || !memchr(e->name, ' ', e->name_len))
        return 0;
    const char *f, *l;
    size_t fn, ln;
    quotes_first_word(e->name, e->name_len, &f, &fn);
    quotes_last_word(e->name, e->name_len, &l, &ln);
    uint32_t old = quotes_index_get(&x->surname, l, ln);
    if (quotes_index_put(&x->surname, l, ln, old == UINT32_MAX || old == id ? id : QUOTES_AMBIG,
                         0) != 0)
        return -1;
    char fl[256];
    if (fn + ln + 1 < sizeof fl) {
        memcpy(fl, f, fn);
        fl[fn] = ' ';
        memcpy(fl + fn + 1, l, ln);
        if (quotes_index_get(&x->firstlast, fl, fn + 1 + ln) == UINT32_MAX &&
            quotes_index_put(&x->firstlast, fl, fn + 1 + ln, id, 0) != 0)
            return -1;
    }
    return 0;
}

static int quotes_mention_cmp(const void *a, const void *b) {
    const quotes_mention *p = a, *q = b;
    return p->tok < q->tok ? -1 : p->tok > q->tok;
}

static int quotes_add_mention(quotes_ctx *x, size_t s, size_t e, uint32_t ent) {
    quotes_mention m = {s, e, ent};
    if (VEC_PUSH(x->men, x->nmen, x->mcap, m) != 0)
        return -1;
    for (size_t i = s; i < e; i++)
        x->mat[i] = (uint32_t)x->nmen;
    return 0;
}

static long quotes_new_ent(quotes_ctx *x, size_t s, size_t e) {
    quotes_ent en;
    memset(&en, 0, sizeof en);
    en.name = quotes_join(x, s, e, &en.name_len);
    if (!en.name || VEC_PUSH(x->ent, x->nent, x->ecap, en) != 0)
        return -1;
    if (quotes_index_get(&x->full, en.name, en.name_len) == UINT32_MAX &&
        quotes_index_put(&x->full, en.name, en.name_len, (uint32_t)(x->nent - 1), 0) != 0)
        return -1;
    return (long)(x->nent - 1);
}

/* Occurrences of the word at token w standing alone: not next to another
 * capitalised word. */
static size_t quotes_alone(const quotes_ctx *x, size_t w) {
    size_t l = quotes_possessive(x, w);
    uint32_t n = quotes_index_get(&x->alone, x->text + x->t[w].off, l ? l : x->t[w].len);
    return n == UINT32_MAX ? 0 : n;
}

/* Counts, once per report, the capitalised words standing alone (for
 * quotes_alone) and the words written capitalised inside a sentence (for
 * quotes_unknown_name). Returns 0 or -1. */
static int quotes_count_words(quotes_ctx *x) {
    for (size_t k = 0; k < x->nt; k++) {
        if (!quotes_is_capword(x, k))
            continue;
        const ch_qtok *t = &x->t[k];
        if (!((k > 0 && quotes_is_capword(x, k - 1) && !t->para) ||
              (k + 1 < x->nt && quotes_is_capword(x, k + 1) && !x->t[k + 1].para))) {
            size_t l = quotes_possessive(x, k);
            if (quotes_index_put(&x->alone, x->text + t->off, l ? l : t->len, 1, 1) != 0)
                return -1;
        }
        if (k > 0 && !t->para && x->sid[k - 1] == x->sid[k] && x->t[k - 1].kind != QTK_MARK &&
            strmap_intern(x->midcaps, x->text + t->off, t->len, NULL) == STRMAP_NONE)
            return -1;
    }
    return 0;
}

/* 1 if an unknown two- or three-word name speaks ("Lou Tambone said") and
 * the report goes on to call it by its last word alone ("Tambone"), as it
 * does a person, and never by its first word alone, as it does a company
 * ("Voltra Mobility said ... Voltra"). */
static int quotes_run_speaks_as_person(const quotes_ctx *x, const quotes_run *r) {
    if (r->e - r->s > 3)
        return 0;
    size_t v = r->e;
    while (v < x->nt && v < r->e + 2 && quotes_is_adverb(x, v))
        v++;
    int speaks =
        v < x->nt && quotes_is_verb(x, v) && !quotes_is_ing(x, v) && !quotes_is_passive(x, v);
    if (!speaks && r->raw_s > 0 && quotes_is_verb(x, r->raw_s - 1) && r->e < x->nt &&
        quotes_is_p(x, r->e, ".,"))
        speaks = 1;
    return speaks && quotes_alone(x, r->e - 1) > 0 && quotes_alone(x, r->s) == 0;
}

/* Reads every name of the report into entities and mentions. */
static int quotes_read_names(quotes_ctx *x) {
    quotes_run *runs = NULL;
    size_t nr = 0, rcap = 0;
    int rc = -1;
    for (size_t i = 0; i < x->nt;) {
        if (!quotes_is_capword(x, i)) {
            i++;
            continue;
        }
        quotes_run r;
        size_t j = quotes_read_run(x, i, &r);
        int heading = r.e - r.s >= 2;
        for (size_t k = r.s; k < r.e && heading; k++)
            heading = x->t[k].allcap;
        if (r.s < r.e && !heading && VEC_PUSH(runs, nr, rcap, r) != 0)
            goto done;
        i = j > i ? j : i + 1;
    }
    /* roles next to runs, or an age ("Tomas Varga, 54,"), make persons of
     * unknown names */
    for (size_t k = 0; k < nr; k++) {
        quotes_run *r = &runs[k];
        if (r->org || r->e - r->s < 2)
            continue;
        int ar, br = quotes_role_near(x, r, &ar);
        size_t e = r->e;
        int age = e + 2 < x->nt && quotes_is_p(x, e, ",") && x->t[e + 1].kind == QTK_NUM &&
                  x->t[e + 1].len <= 3 && quotes_is_p(x, e + 2, ",");
        if (br >= 0 || ar >= 0 || age || quotes_run_speaks_as_person(x, r))
            r->person = 1;
    }
    /* pass 1: multi-word persons and organisations become entities */
    for (size_t k = 0; k < nr; k++) {
        quotes_run *r = &runs[k];
        if (!(r->org || (r->person && r->e - r->s >= 2)))
            continue;
        size_t nl;
        const char *nm = quotes_join(x, r->s, r->e, &nl);
        if (!nm)
            goto done;
        uint32_t id = quotes_find_ent_full(x, nm, nl);
        if (id == UINT32_MAX && r->person) {
            /* "John F. Kerry" and "John Kerry" are one person */
            const char *f1, *l1;
            size_t f1n, l1n;
            char fl[256];
            quotes_first_word(nm, nl, &f1, &f1n);
            quotes_last_word(nm, nl, &l1, &l1n);
            if (f1n + l1n + 1 < sizeof fl) {
                memcpy(fl, f1, f1n);
                fl[f1n] = ' ';
                memcpy(fl + f1n + 1, l1, l1n);
                id = quotes_index_get(&x->firstlast, fl, f1n + 1 + l1n);
            }
        }
        if (id == UINT32_MAX) {
            long ne = quotes_new_ent(x, r->s, r->e);
            if (ne < 0)
                goto done;
            id = (uint32_t)ne;
            x->ent[id].person = (uint8_t)r->person;
            x->ent[id].org = (uint8_t)r->org;
            if (quotes_index_person(x, id) != 0)
                goto done;
        }
        quotes_ent *en = &x->ent[id];
        if (!en->gender && r->gender)
            en->gender = r->gender;
        if (r->person) {
            int ar, br = quotes_role_near(x, r, &ar);
            quotes_ent_add_role(en, r->role);
            quotes_ent_add_role(en, br);
            quotes_ent_add_role(en, ar);
        }
        if (quotes_add_mention(x, r->s, r->e, id) != 0)
            goto done;
    }
    /* pass 2: single words that are the surname of one person */
    for (size_t k = 0; k < nr; k++) {
        quotes_run *r = &runs[k];
        if (r->org || (r->person && r->e - r->s >= 2))
            continue;
        if (r->e - r->s != 1) {
            /* an unknown multi-word name: an entity of unknown kind */
            long ne = quotes_new_ent(x, r->s, r->e);
            if (ne < 0 || quotes_add_mention(x, r->s, r->e, (uint32_t)ne) != 0)
                goto done;
            continue;
        }
        size_t wl = quotes_possessive(x, r->s);
        if (!wl)
            wl = x->t[r->s].len;
        long id = quotes_find_by_surname(x, x->text + x->t[r->s].off, wl);
        if (id == -2)
            continue;
        if (id >= 0 && r->gender && x->ent[id].gender && r->gender != x->ent[id].gender) {
            /* "Mrs. Cordell" is not Louie Cordell: a person of her own */
            long ne = quotes_new_ent(x, r->raw_s, r->e);
            if (ne < 0)
                goto done;
            x->ent[ne].person = 1;
            x->ent[ne].gender = r->gender;
            if (quotes_add_mention(x, r->s, r->e, (uint32_t)ne) != 0)
                goto done;
            continue;
        }
        if (id < 0) {
            size_t nl;
            const char *nm = quotes_join(x, r->s, r->e, &nl);
            if (!nm)
                goto done;
            uint32_t known = quotes_find_ent_full(x, nm, nl);
            if (known != UINT32_MAX) {
                id = (long)known;
            } else {
                /* a lone capitalised word is a name only with a title or
                 * when it speaks somewhere in the report */
                if (!r->titled &&
                    (x->t[r->s].allcap || strmap_get(x->speakers, x->text + x->t[r->s].off,
                                                     x->t[r->s].len) == STRMAP_NONE))
                    continue;
                id = quotes_new_ent(x, r->s, r->e);
                if (id < 0)
                    goto done;
                x->ent[id].person = 1;
            }
        }
        quotes_ent *en = &x->ent[id];
        if (!en->gender && r->gender)
            en->gender = r->gender;
        int ar, br = quotes_role_near(x, r, &ar);
        quotes_ent_add_role(en, r->role);
        quotes_ent_add_role(en, br);
        quotes_ent_add_role(en, ar);
        if (quotes_add_mention(x, r->s, r->e, (uint32_t)id) != 0)
            goto done;
    }
    /* mentions in text order */
    if (x->nmen > 1)
        qsort(x->men, x->nmen, sizeof *x->men, quotes_mention_cmp);
    memset(x->mat, 0, x->nt * sizeof *x->mat);
    for (size_t i = 0; i < x->nmen; i++)
        for (size_t k = x->men[i].tok; k < x->men[i].end; k++)
            x->mat[k] = (uint32_t)(i + 1);
    rc = 0;
done:
    free(runs);
    return rc;
}

/* Moves 'e' back over adverbs, auxiliaries and time expressions that
 * stand between a subject and its verb ("Kirby later said", "McConnell on
 * Wednesday called"); not below 'lo'. */
static size_t quotes_peel(const quotes_ctx *x, size_t lo, size_t e) {
    for (;;) {
        if (e > lo && quotes_is_adverb(x, e - 1)) {
            e--;
        } else if (e > lo && quotes_is_time(x, e - 1)) {
            e--;
            if (e > lo && quotes_is_word(x, e - 1) && x->t[e - 1].lower &&
                (quotes_tok_is(x->text, &x->t[e - 1], "on") ||
                 quotes_tok_is(x->text, &x->t[e - 1], "last") ||
                 quotes_tok_is(x->text, &x->t[e - 1], "this") ||
                 quotes_tok_is(x->text, &x->t[e - 1], "late") ||
                 quotes_tok_is(x->text, &x->t[e - 1], "early")))
                e--;
        } else {
            return e;
        }
    }
}

/* Collects into x->speakers the capitalised words that are somewhere the
 * subject of a speech verb ("Boehner said", "said Boehner."): names that
 * speak, even when the report never gives a first name. Returns 0 or -1. */
static int quotes_find_speaking_words(quotes_ctx *x) {
    for (size_t v = 0; v < x->nt; v++) {
        if (x->inq[v] || !quotes_is_verb(x, v) || quotes_is_ing(x, v) || quotes_is_passive(x, v))
            continue;
        size_t k = v;
        while (k > 0 && v - k < 3 && quotes_is_adverb(x, k - 1))
            k--;
        size_t w = SIZE_MAX;
        static const char *const preps[] = {"in",     "at", "from", "of", "near", "outside",
                                            "across", "to", "for",  "on", NULL};
        if (k > 0 && quotes_is_capword(x, k - 1) && !x->inq[k - 1] &&
            !(k > 1 && quotes_in_list(x->text, &x->t[k - 2], preps) >= 0))
            w = k - 1; /* not "one woman in Lisk said" */
        else if (v + 2 < x->nt && quotes_is_capword(x, v + 1) && quotes_is_p(x, v + 2, ".,"))
            w = v + 1;
        if (w == SIZE_MAX || quotes_is_stop(x, w))
            continue;
        if (strmap_intern(x->speakers, x->text + x->t[w].off, x->t[w].len, NULL) == STRMAP_NONE)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------ sentence layout */

static void quotes_number_sentences(quotes_ctx *x) {
    uint32_t s = 0, p = 0;
    for (size_t i = 0; i < x->nt; i++) {
        if (i > 0) {
            int brk = x->t[i].para;
            if (!brk && quotes_is_p(x, i - 1, ".!?"))
                brk = 1;
            if (!brk && i >= 2 && x->t[i - 1].kind == QTK_MARK && quotes_is_p(x, i - 2, ".!?") &&
                (x->t[i].cap || (x->t[i].kind == QTK_MARK && (x->t[i].mark & QMARK_OPEN))))
                brk = 1;
            if (brk)
                s++;
            if (x->t[i].para)
                p++;
        }
        x->sid[i] = s;
        x->pid[i] = p;
    }
}

/* ------------------------------------------------------- noun phrases */

static int quotes_pronoun(const quotes_ctx *x, size_t i) {
    static const char *const pr[] = {"he", "she", "they", "it", NULL};
    return quotes_is_word(x, i) ? quotes_in_list(x->text, &x->t[i], pr) : -1;
}

static int quotes_is_of(const quotes_ctx *x, size_t i) {
    return quotes_is_word(x, i) && x->t[i].lower &&
           (quotes_tok_is(x->text, &x->t[i], "of") || quotes_tok_is(x->text, &x->t[i], "for") ||
            quotes_tok_is(x->text, &x->t[i], "at"));
}

/* The noun phrase that ends at 'end' (exclusive), not before 'lo':
 * capitalised words, content words, possessives, "of"/"for" before a name,
 * back to and including a determiner. Returns its first token (== end when
 * there is none). */
static size_t quotes_np_back(const quotes_ctx *x, size_t lo, size_t end) {
    size_t s = end;
    int n = 0;
    if (end > lo && quotes_pronoun(x, end - 1) >= 0)
        return end - 1;
    while (s > lo && n < 8) {
        size_t i = s - 1;
        /* WikiLeaks’ account: the ’ is a token of its own */
        if (i > lo && s < end && x->t[i].len == 3 &&
            !memcmp(x->text + x->t[i].off, "\xe2\x80\x99", 3) && quotes_is_capword(x, i - 1) &&
            x->t[i - 1].off + x->t[i - 1].len == x->t[i].off && !x->inq[i]) {
            s = i - 1;
            n++;
            continue;
        }
        if (x->inq[i] || !quotes_is_word(x, i))
            break;
        if (quotes_is_det(x, i)) {
            if (s >= end)
                break;
            s = i;
            /* "a spokesman for the ministry": the phrase goes on before the
             * preposition when a noun precedes it */
            if (i >= lo + 2 && quotes_is_word(x, i - 1) && x->t[i - 1].lower &&
                (quotes_is_of(x, i - 1) ||
                 quotes_in_list(x->text, &x->t[i - 1], quotes_pp_preps) >= 0) &&
                quotes_is_word(x, i - 2) && x->t[i - 2].lower && !quotes_is_stop(x, i - 2) &&
                !quotes_is_verb(x, i - 2) && !x->inq[i - 1] && !x->inq[i - 2]) {
                s = i - 1;
                n++;
                continue;
            }
            break;
        }
        if (x->t[i].cap) {
            if (quotes_is_time(x, i))
                break;
            s = i;
            n++;
            if (x->t[i].para)
                break;
            continue;
        }
        if (quotes_is_of(x, i) && s < end &&
            (x->t[s].cap || quotes_tok_is(x->text, &x->t[s], "the"))) {
            s = i;
            n++;
            continue;
        }
        /* "one woman in Lisk": a place after the noun */
        if (s < end && i > lo && quotes_in_list(x->text, &x->t[i], quotes_pp_preps) >= 0 &&
            quotes_is_word(x, i - 1) && x->t[i - 1].lower && !quotes_is_stop(x, i - 1) &&
            !quotes_is_verb(x, i - 1) && !x->inq[i - 1]) {
            s = i;
            n++;
            continue;
        }
        if (quotes_is_stop(x, i) || quotes_is_verb(x, i) || quotes_is_adverb(x, i))
            break;
        s = i;
        n++;
        if (x->t[i].para)
            break;
    }
    /* never start on "of"/"for" */
    while (s < end && quotes_is_of(x, s))
        s++;
    return s;
}

/* The noun phrase that starts at 's', not reaching 'hi'. Returns its end
 * (== s when there is none). */
static size_t quotes_np_fwd(const quotes_ctx *x, size_t s, size_t hi) {
    size_t e = s;
    int n = 0;
    if (e < hi && quotes_pronoun(x, e) >= 0)
        return e + 1;
    if (e < hi && quotes_is_det(x, e))
        e++;
    while (e < hi && n < 8) {
        if (x->inq[e] || (e > s && x->t[e].para) || !quotes_is_word(x, e))
            break;
        if (x->t[e].cap) {
            if (quotes_is_time(x, e))
                break;
            e++;
            n++;
            if (quotes_possessive(x, e - 1))
                continue;
            continue;
        }
        if (quotes_is_of(x, e) && e + 1 < hi &&
            (x->t[e + 1].cap || quotes_tok_is(x->text, &x->t[e + 1], "the"))) {
            e++;
            if (quotes_tok_is(x->text, &x->t[e], "the"))
                e++;
            n++;
            continue;
        }
        if (quotes_is_stop(x, e) || quotes_is_verb(x, e) || quotes_is_adverb(x, e) ||
            quotes_is_time(x, e))
            break;
        e++;
        n++;
    }
    /* a phrase of nothing but a determiner is none */
    if (e == s + 1 && quotes_is_det(x, s))
        return s;
    while (e > s && quotes_is_of(x, e - 1))
        e--;
    return e;
}

/* ---------------------------------------------------------- reference */

/* Sentences a pronoun looks back, and mentions a role or organisation
 * looks back. */
#define QUOTES_PRONOUN_REACH 12
#define QUOTES_MENTION_REACH 400

/* The subject of the sentence that ends before token 'end' and starts at
 * 's0': its first capitalised word outside quotations among its first
 * four tokens ("Still, Correa made clear ..."), or SIZE_MAX. */
static size_t quotes_subject(const quotes_ctx *x, size_t s0, size_t end) {
    size_t b = s0;
    if (b < end && x->inq[b]) {
        /* “...,” Lou Tambone said: the subject follows the quotation */
        while (b < end && x->inq[b])
            b++;
        while (b < end && (quotes_is_p(x, b, ",") || quotes_is_dash(x, b)))
            b++;
    }
    for (size_t k = b; k < end && k < b + 4; k++) {
        if (x->inq[k])
            return SIZE_MAX;
        if (quotes_is_capword(x, k) && !quotes_is_stop(x, k))
            return k;
    }
    return SIZE_MAX;
}

/* 1 if the subject word at 'subj' may be an unknown name: its capitalised
 * run holds no known name, and the word is written capitalised somewhere
 * in the report where a sentence does not begin ("... and Conard share").
 * "Shipping analyst Priya Natarajan" opens with a common word. */
static int quotes_unknown_name(const quotes_ctx *x, size_t subj) {
    for (size_t k = subj; k < x->nt && quotes_is_capword(x, k); k++)
        if (x->mat[k])
            return 0;
    if (quotes_in_list(x->text, &x->t[subj], quotes_titles) >= 0)
        return 0;
    const ch_qtok *w = &x->t[subj];
    return strmap_get(x->midcaps, x->text + w->off, w->len) != STRMAP_NONE;
}

/* The first person of a compatible gender named in the nearest earlier
 * sentence (outside quotations, within two paragraphs) that names one.
 * Abstains (NULL) when a sentence on the way, or that sentence itself,
 * opens with a capitalised word that is not a known person ("Conard
 * doesn't have to ..."): an unknown name may be the antecedent. */
static const char *quotes_resolve_pronoun(const quotes_ctx *x, size_t at, char gender) {
    size_t k = at;
    for (int sentences = 0; k > 0 && sentences < QUOTES_PRONOUN_REACH; sentences++) {
        uint32_t sid = x->sid[k - 1];
        size_t s0 = k - 1;
        while (s0 > 0 && x->sid[s0 - 1] == sid)
            s0--;
        if (x->pid[at] - x->pid[s0] > 2)
            break;
        /* the first compatible person, or the first one that speaks
         * ("Caldera, Chavez said ...") */
        size_t best = SIZE_MAX, speaker = SIZE_MAX;
        for (size_t i = s0; i < k && speaker == SIZE_MAX; i++) {
            if (x->inq[i] || !x->mat[i] || (i > s0 && x->mat[i - 1] == x->mat[i]))
                continue;
            const quotes_ent *e = &x->ent[x->men[x->mat[i] - 1].ent];
            if (!e->person || (e->gender && gender && e->gender != gender))
                continue;
            if (best == SIZE_MAX)
                best = i;
            size_t v = x->men[x->mat[i] - 1].end;
            while (v < k && quotes_is_adverb(x, v))
                v++;
            if (v < k && quotes_is_verb(x, v) && !quotes_is_ing(x, v))
                speaker = i;
        }
        if (speaker != SIZE_MAX)
            best = speaker;
        /* "quotes from Jane Austen": a person named as an object is no
         * safe antecedent */
        static const char *const preps[] = {"from", "of", "by",      "with", "about", "to",
                                            "for",  "at", "against", "like", "than",  NULL};
        if (best != SIZE_MAX && speaker == SIZE_MAX && best > s0 &&
            quotes_in_list(x->text, &x->t[best - 1], preps) >= 0)
            return NULL;
        size_t subj = quotes_subject(x, s0, k);
        int unknown = subj != SIZE_MAX && subj != at && quotes_unknown_name(x, subj);
        if (best != SIZE_MAX) {
            /* "Voltra chief executive Hannah Lindqvist": a modifier of the
             * name, not another subject */
            int modifier = 1;
            for (size_t i = subj + 1; unknown && i < best && modifier; i++)
                modifier = quotes_is_word(x, i) && !quotes_is_stop(x, i) && !quotes_is_verb(x, i);
            if (unknown && subj < best && !modifier)
                return NULL;
            return x->ent[x->men[x->mat[best] - 1].ent].name;
        }
        if (unknown)
            return NULL;
        k = s0;
    }
    return NULL;
}

/* 1 if the name of entity e contains the word w. */
static int quotes_ent_has_word(const quotes_ent *e, const char *w, size_t wn) {
    const char *p = e->name, *end = e->name + e->name_len;
    while (p < end) {
        const char *q = memchr(p, ' ', (size_t)(end - p));
        if (!q)
            q = end;
        if (quotes_same_word(p, (size_t)(q - p), w, wn))
            return 1;
        p = q + 1;
    }
    return 0;
}

/* The organisation an "it", "they" (word NULL) or "the ministry" (word set)
 * refers to: the nearest earlier organisation whose name holds that word;
 * failing that, when 'loose', the nearest earlier non-person name that
 * opens the naming of its sentence ("Voltra Mobility ... the company").
 * Only names outside quotations count; without a word, at most two
 * paragraphs back. */
static const char *quotes_resolve_org(const quotes_ctx *x, size_t at, const ch_qtok *word,
                                      int loose) {
    const char *fallback = NULL;
    size_t seen = 0;
    for (size_t k = x->nmen; k-- > 0;) {
        const quotes_mention *m = &x->men[k];
        if (m->tok >= at || x->inq[m->tok])
            continue;
        if (++seen > QUOTES_MENTION_REACH)
            break;
        uint32_t dist = x->pid[at] - x->pid[m->tok];
        if (!word && dist > 2)
            break;
        const quotes_ent *e = &x->ent[m->ent];
        if (e->person)
            continue;
        if (e->org && (!word || quotes_ent_has_word(e, x->text + word->off, word->len)))
            return fallback && !word ? fallback : e->name;
        /* a company-like name that opens its sentence as its subject
         * ("Voltra Mobility, which sells ..., said"), not any place */
        if (loose && !fallback && !e->org && dist <= 3 && memchr(e->name, ' ', e->name_len)) {
            size_t s0 = m->tok, pe = m->end;
            while (s0 > 0 && x->sid[s0 - 1] == x->sid[m->tok])
                s0--;
            while (pe < x->nt && !x->t[pe].para)
                pe++;
            /* words only before it ("Electric bike maker Voltra ..."), and
             * a paragraph that is a sentence, not a headline or a menu */
            int subject = m->tok - s0 <= 6;
            for (size_t i = s0; i < m->tok && subject; i++)
                subject = quotes_is_word(x, i) && !x->inq[i];
            int sentence =
                pe > 0 && (quotes_is_p(x, pe - 1, ".!?") || x->t[pe - 1].kind == QTK_MARK);
            if (subject && sentence)
                fallback = e->name;
        }
        if (!word && fallback)
            return fallback;
    }
    return fallback;
}

/* The nearest earlier person who bears role 'role'. */
static const char *quotes_resolve_role(const quotes_ctx *x, size_t at, int role) {
    size_t seen = 0;
    for (size_t k = x->nmen; k-- > 0;) {
        const quotes_mention *m = &x->men[k];
        if (m->tok >= at)
            continue;
        if (++seen > QUOTES_MENTION_REACH)
            break;
        const quotes_ent *e = &x->ent[m->ent];
        if (e->person && quotes_ent_has_role(e, role))
            return e->name;
    }
    return NULL;
}

static quotes_attr quotes_read_phrase(quotes_ctx *x, size_t s, size_t e, size_t as, size_t ae,
                                      int depth);

/* The name of the capitalised run at token i (a known entity, or the run
 * read afresh), or NULL. */
static const char *quotes_name_at(quotes_ctx *x, size_t i) {
    if (x->mat[i])
        return x->ent[x->men[x->mat[i] - 1].ent].name;
    if (!quotes_is_capword(x, i))
        return NULL;
    quotes_run r;
    quotes_read_run(x, i, &r);
    if (r.s >= r.e)
        return NULL;
    return quotes_join(x, r.s, r.e, NULL);
}

/* Who issued the document named by token 'noun' ("the statement"): looks
 * at the nearest earlier sentence mentioning the same word. */
static const char *quotes_resolve_issuer(quotes_ctx *x, size_t at, size_t noun, int depth) {
    int sentences = 0;
    uint32_t last_sid = at < x->nt ? x->sid[at] : 0;
    for (size_t k = at; k-- > 0;) {
        if (x->sid[k] != last_sid) {
            last_sid = x->sid[k];
            if (++sentences > 30)
                break;
        }
        if (x->inq[k] || !quotes_is_word(x, k) ||
            !quotes_same_word(x->text + x->t[k].off, x->t[k].len, x->text + x->t[noun].off,
                              x->t[noun].len))
            continue;
        /* "WikiLeaks’ tweet", "the ministry's statement" */
        if (k > 0 && quotes_is_capword(x, k - 1) && quotes_possessive(x, k - 1)) {
            const char *n = quotes_name_at(x, k - 1);
            if (n)
                return n;
        }
        /* "a statement from the ministry", "a tweet on WikiLeaks’ account" */
        if (k + 1 < x->nt && quotes_is_word(x, k + 1) &&
            (quotes_tok_is(x->text, &x->t[k + 1], "from") ||
             quotes_tok_is(x->text, &x->t[k + 1], "by") ||
             quotes_tok_is(x->text, &x->t[k + 1], "on") ||
             quotes_tok_is(x->text, &x->t[k + 1], "of"))) {
            for (size_t m = k + 2; m < x->nt && m < k + 5; m++) {
                if (x->inq[m] || !quotes_is_word(x, m))
                    break;
                if (quotes_is_capword(x, m) && !quotes_is_stop(x, m)) {
                    const char *n = quotes_name_at(x, m);
                    if (n)
                        return n;
                }
            }
        }
        /* the subject of the verb that issued it: "X released a statement",
         * "X said in a statement" (not "X said the statement was ...") */
        size_t s0 = k;
        while (s0 > 0 && x->sid[s0 - 1] == x->sid[k])
            s0--;
        for (size_t v = s0; v < x->nt && x->sid[v] == x->sid[k]; v++) {
            int issues = quotes_is_word(x, v) && x->t[v].lower &&
                         quotes_in_list(x->text, &x->t[v], quotes_issue_verbs) >= 0 && v < k;
            int said_in = quotes_is_verb(x, v) && v + 3 <= k && k <= v + 4 &&
                          quotes_tok_is(x->text, &x->t[v + 1], "in");
            /* "In an official statement, the government said ..." */
            int led_by = quotes_is_verb(x, v) && !quotes_is_ing(x, v) && k < v && k <= s0 + 4 &&
                         quotes_tok_is(x->text, &x->t[s0], "in");
            said_in = said_in || led_by;
            if (x->inq[v] || !(issues || said_in))
                continue;
            size_t e = v;
            while (e > s0 && quotes_is_adverb(x, e - 1))
                e--;
            size_t s = quotes_np_back(x, s0, e);
            if (s < e) {
                quotes_attr r = quotes_read_phrase(x, s, e, 0, 0, depth + 1);
                if (r.ok && r.speaker)
                    return r.speaker;
            }
            break;
        }
        /* nothing here: an earlier sentence may say who issued it */
        k = s0;
    }
    return NULL;
}

/* Reads the attribution phrase [s, e) with its appositive [as, ae). */
static quotes_attr quotes_read_phrase(quotes_ctx *x, size_t s, size_t e, size_t as, size_t ae,
                                      int depth) {
    quotes_attr r;
    memset(&r, 0, sizeof r);
    r.s = s;
    r.e = ae > e ? ae : e;
    r.v = SIZE_MAX;
    if (e <= s)
        return r;
    int pr = e - s == 1 ? quotes_pronoun(x, s) : -1;
    if (pr >= 0) {
        r.ok = 1;
        r.kind = QATTR_PRONOUN;
        if (pr == 0 || pr == 1)
            r.speaker = quotes_resolve_pronoun(x, s, pr == 0 ? 'm' : 'f');
        else
            r.speaker = quotes_resolve_org(x, s, NULL, pr == 3); /* "it" may be a company */
        return r;
    }
    if (x->t[s].kind != QTK_WORD || (quotes_is_stop(x, s) && !quotes_is_det(x, s)))
        return r;
    /* the head noun comes before a place or affiliation ("one woman in
     * Lisk", "director of Remera") */
    size_t e0 = e;
    for (size_t k = s + 1; k < e; k++)
        if (x->t[k - 1].lower && !quotes_is_stop(x, k - 1) &&
            (quotes_in_list(x->text, &x->t[k], quotes_pp_preps) >= 0 ||
             (quotes_tok_is(x->text, &x->t[k], "of") &&
              quotes_in_list(x->text, &x->t[k - 1], quotes_roles) >= 0))) {
            e = k;
            break;
        }
    size_t h = e - 1;
    if (quotes_is_capword(x, h) && !quotes_is_stop(x, h)) {
        /* the phrase ends in a name */
        size_t rs = h;
        if (x->mat[h]) {
            rs = x->men[x->mat[h] - 1].tok;
            if (rs < s)
                rs = s;
        } else {
            while (rs > s &&
                   (quotes_is_capword(x, rs - 1) ||
                    (rs - 1 > s && quotes_is_of(x, rs - 1) && quotes_is_capword(x, rs - 2))))
                rs--;
        }
        r.ok = 1;
        r.kind = QATTR_NAMED;
        /* "David Wasserman of the Cook Political Report": the person */
        size_t p = rs;
        if (p > s && quotes_tok_is(x->text, &x->t[p - 1], "the"))
            p--;
        if (p > s + 1 && x->t[p - 1].lower &&
            (quotes_tok_is(x->text, &x->t[p - 1], "of") ||
             quotes_tok_is(x->text, &x->t[p - 1], "at") ||
             quotes_tok_is(x->text, &x->t[p - 1], "from")) &&
            x->mat[p - 2] && x->ent[x->men[x->mat[p - 2] - 1].ent].person) {
            r.speaker = x->ent[x->men[x->mat[p - 2] - 1].ent].name;
            return r;
        }
        if (rs >= s + 2 && quotes_tok_is(x->text, &x->t[rs - 1], "of") &&
            quotes_in_list(x->text, &x->t[rs - 2], quotes_org_nouns) >= 0) {
            /* "the government of Ecuador" */
            size_t b = s;
            if (quotes_tok_is(x->text, &x->t[b], "a") || quotes_tok_is(x->text, &x->t[b], "an"))
                b++;
            r.speaker = quotes_join(x, b, e, NULL);
            return r;
        }
        if (x->mat[h]) {
            const quotes_ent *en = &x->ent[x->men[x->mat[h] - 1].ent];
            if (en->org && rs == s + 1 && quotes_tok_is(x->text, &x->t[s], "the")) {
                r.speaker = quotes_join(x, s, x->men[x->mat[h] - 1].end, NULL);
                if (r.speaker && r.speaker[0] == 'T')
                    ((char *)r.speaker)[0] = 't'; /* "the State Department" */
                return r;
            }
            r.speaker = en->name;
            return r;
        }
        quotes_run run;
        quotes_read_run(x, rs, &run);
        if (run.s < run.e && run.e <= e) {
            size_t wl = quotes_possessive(x, run.s);
            long id = run.e - run.s == 1 ? quotes_find_by_surname(x, x->text + x->t[run.s].off,
                                                                  wl ? wl : x->t[run.s].len)
                                         : -1;
            r.speaker = id >= 0 ? x->ent[id].name : quotes_join(x, run.s, run.e, NULL);
            if (run.org && rs == s + 1 && quotes_tok_is(x->text, &x->t[s], "the")) {
                r.speaker = quotes_join(x, s, run.e, NULL);
                if (r.speaker && r.speaker[0] == 'T')
                    ((char *)r.speaker)[0] = 't';
            }
        } else {
            r.ok = 0;
        }
        return r;
    }
    if (!x->t[h].lower)
        return r;
    /* a person inside the phrase: "political analyst Jean-Marc Leger of the
     * polling firm" */
    for (size_t k = s; k < e; k++)
        if (x->mat[k] && x->ent[x->men[x->mat[k] - 1].ent].person) {
            r.ok = 1;
            r.kind = QATTR_NAMED;
            r.speaker = x->ent[x->men[x->mat[k] - 1].ent].name;
            return r;
        }
    /* a named person in the appositive: "Ecuador’s foreign minister, Guillaume Long," */
    for (size_t k = as; k < ae; k++)
        if (x->mat[k] && x->ent[x->men[x->mat[k] - 1].ent].person) {
            r.ok = 1;
            r.kind = QATTR_NAMED;
            r.speaker = x->ent[x->men[x->mat[k] - 1].ent].name;
            return r;
        }
    int definite = quotes_in_list(x->text, &x->t[s], quotes_definite) >= 0 ||
                   (quotes_is_capword(x, s) && quotes_possessive(x, s));
    size_t name_tok = SIZE_MAX;
    for (size_t k = s; k < h && name_tok == SIZE_MAX; k++)
        if (quotes_is_capword(x, k) && !quotes_is_stop(x, k))
            name_tok = k;
    int role = quotes_in_list(x->text, &x->t[h], quotes_roles);
    if (quotes_in_list(x->text, &x->t[h], quotes_doc_nouns) >= 0) {
        /* "a tweet from WikiLeaks’ official account": the issuer */
        for (size_t k = h + 1; k < e0 && name_tok == SIZE_MAX; k++)
            if (quotes_is_capword(x, k) && !quotes_is_stop(x, k))
                name_tok = k;
        r.ok = 1;
        r.kind = QATTR_ROLE;
        if (name_tok != SIZE_MAX)
            r.speaker = quotes_name_at(x, name_tok);
        else if (definite && depth == 0)
            r.speaker = quotes_resolve_issuer(x, s, h, depth);
        else
            r.kind = QATTR_ANONYMOUS;
        if (r.speaker && r.kind == QATTR_ROLE && name_tok != SIZE_MAX)
            r.kind = QATTR_NAMED;
        return r;
    }
    if (quotes_in_list(x->text, &x->t[h], quotes_anon_plural) >= 0) {
        r.ok = 1;
        r.kind = QATTR_ANONYMOUS;
        return r;
    }
    if (role >= 0) {
        r.ok = 1;
        /* a role the report never puts a name to is an unnamed source */
        r.speaker = definite ? quotes_resolve_role(x, s, role) : NULL;
        r.kind = r.speaker ? QATTR_ROLE : QATTR_ANONYMOUS;
        return r;
    }
    if (quotes_in_list(x->text, &x->t[h], quotes_org_nouns) >= 0) {
        r.ok = 1;
        if (name_tok != SIZE_MAX) {
            size_t b = s;
            if (quotes_tok_is(x->text, &x->t[b], "a") || quotes_tok_is(x->text, &x->t[b], "an"))
                b++;
            r.kind = QATTR_NAMED;
            r.speaker = quotes_join(x, b, e, NULL);
        } else if (definite) {
            r.kind = QATTR_ROLE;
            r.speaker = quotes_resolve_org(
                x, s, &x->t[h], quotes_in_list(x->text, &x->t[h], quotes_corporate_nouns) >= 0);
        } else {
            r.kind = QATTR_ANONYMOUS;
        }
        return r;
    }
    /* "said one visitor", "a man said": a source the report does not name */
    if (quotes_is_det(x, s) && !quotes_tok_is(x->text, &x->t[s], "that") &&
        !quotes_tok_is(x->text, &x->t[s], "this")) {
        r.ok = 1;
        r.kind = QATTR_ANONYMOUS;
    }
    return r;
}

/* -------------------------------------------------------- attribution */

/* 1 if [s, e) reads as an appositive: it opens with a determiner or a
 * possessive, is a name, or is an age ("Gelb, a professor", "Ecuador's
 * minister", "Guillaume Long", "54"). "Mich.-based company" is not. */
static int quotes_is_appositive(const quotes_ctx *x, size_t s, size_t e) {
    if (s >= e)
        return 0;
    if (quotes_is_det(x, s) || x->t[s].kind == QTK_NUM)
        return 1;
    if (quotes_is_capword(x, s) && quotes_possessive(x, s))
        return 1;
    for (size_t k = s; k < e; k++)
        if (!quotes_is_capword(x, k) && !quotes_is_initial(x, k))
            return x->t[k].lower && quotes_in_list(x->text, &x->t[k], quotes_roles) >= 0 &&
                   k == s; /* "director of Remera" */
    return 1;
}

/* After the closing mark: “...,” SPEAKER VERB / “...,” VERB SPEAKER. */
static quotes_attr quotes_try_after(quotes_ctx *x, size_t i) {
    quotes_attr none;
    memset(&none, 0, sizeof none);
    size_t hi = i;
    while (hi < x->nt && hi < i + 30 && !(hi > i && x->t[hi].para) && !x->inq[hi] &&
           !quotes_is_p(x, hi, ".;!?"))
        hi++;
    if (hi == i)
        return none;
    size_t v = SIZE_MAX;
    if (quotes_is_verb(x, i))
        v = i;
    else if (quotes_is_adverb(x, i) && quotes_is_verb(x, i + 1) && i + 1 < hi)
        v = i + 1;
    /* “...,” saying he ...: a participle does not introduce its speaker */
    if (v != SIZE_MAX && quotes_is_ing(x, v))
        return none;
    int according = quotes_tok_is(x->text, &x->t[i], "according") && i + 1 < hi &&
                    quotes_tok_is(x->text, &x->t[i + 1], "to");
    if (v != SIZE_MAX || according) {
        size_t s = according ? i + 2 : v + 1;
        size_t e = quotes_np_fwd(x, s, hi);
        size_t as = 0, ae = 0;
        if (e > s && e < hi && quotes_is_p(x, e, ",")) {
            as = e + 1;
            ae = as;
            while (ae < hi && ae < as + 20 && !quotes_is_p(x, ae, ",") && !quotes_is_verb(x, ae))
                ae++;
        }
        quotes_attr r = quotes_read_phrase(x, s, e, as, ae, 0);
        r.v = v;
        return r;
    }
    size_t k = i;
    for (; k < hi && k < i + 16; k++) {
        if (quotes_is_verb(x, k))
            break;
        const ch_qtok *t = &x->t[k];
        if (!(t->kind == QTK_WORD || quotes_is_p(x, k, ",()-")))
            return none;
    }
    if (k >= hi || !quotes_is_verb(x, k) || quotes_is_passive(x, k))
        return none;
    size_t e = k;
    e = quotes_peel(x, i, e);
    if (e == i)
        return none;
    size_t c1 = SIZE_MAX, c2 = SIZE_MAX;
    for (size_t m = i; m < e; m++)
        if (quotes_is_p(x, m, ",")) {
            if (c1 == SIZE_MAX)
                c1 = m;
            c2 = m;
        }
    if (c1 != SIZE_MAX && !quotes_is_appositive(x, c1 + 1, c2 > c1 ? c2 : e))
        return none; /* "the Battle Creek, Mich.-based company said" */
    quotes_attr r = c1 == SIZE_MAX ? quotes_read_phrase(x, i, e, 0, 0, 0)
                                   : quotes_read_phrase(x, i, c1, c1 + 1, c2 > c1 ? c2 : e, 0);
    r.v = k;
    return r;
}

static int quotes_is_clause_break(const quotes_ctx *x, size_t i) {
    return quotes_is_p(x, i, ";") || (quotes_is_word(x, i) && x->t[i].lower &&
                                      quotes_in_list(x->text, &x->t[i], quotes_clause_breaks) >= 0);
}

/* Before the opening mark 'o': SPEAKER VERB[,:] “...” and its variants. */
static quotes_attr quotes_try_before(quotes_ctx *x, size_t o, int partial) {
    quotes_attr none;
    memset(&none, 0, sizeof none);
    if (o == 0)
        return none;
    size_t end = o;
    /* X said:\n“...” — a colon ending the previous paragraph */
    if (x->t[o].para) {
        if (!quotes_is_p(x, o - 1, ":"))
            return none;
        end = o;
    }
    size_t h0 = end, outside = 0;
    while (h0 > 0 && end - h0 < 45) {
        size_t i = h0 - 1;
        if (!x->inq[i] && quotes_is_p(x, i, ".!?"))
            break;
        h0 = i;
        if (x->t[i].para && i != o)
            break;
    }
    size_t v = SIZE_MAX, acc = SIZE_MAX;
    for (size_t k = end; k-- > h0;) {
        if (x->inq[k])
            continue;
        if (quotes_is_clause_break(x, k))
            break;
        if (quotes_tok_is(x->text, &x->t[k], "according") && k + 1 < end &&
            quotes_tok_is(x->text, &x->t[k + 1], "to")) {
            acc = k;
            break;
        }
        if (quotes_is_verb(x, k)) {
            v = k;
            break;
        }
        outside++;
    }
    if (acc != SIZE_MAX) {
        /* "according to X," — X must end its phrase, not start a clause */
        size_t s = acc + 2, e = quotes_np_fwd(x, s, end);
        if (e < end && !quotes_is_p(x, e, ",.:;") && x->t[e].kind != QTK_MARK)
            return none;
        return quotes_read_phrase(x, s, e, 0, 0, 0);
    }
    if (v == SIZE_MAX || quotes_is_passive(x, v))
        return none;
    if (!partial) {
        /* a full quotation follows its verb closely: "X said:", "said X," */
        size_t last = end - 1;
        while (last > v && x->inq[last])
            last--;
        if (outside > 12 || !(last == v || quotes_is_p(x, last, ":,") ||
                              quotes_tok_is(x->text, &x->t[last], "that")))
            return none;
    }
    size_t e = v;
    e = quotes_peel(x, h0, e);
    /* "X said ... and accused Y of “...”": the subject of the first verb */
    for (int hops = 0; hops < 3 && e > h0 && quotes_tok_is(x->text, &x->t[e - 1], "and"); hops++) {
        size_t v2 = SIZE_MAX;
        for (size_t k = e - 1; k-- > h0;) {
            if (x->inq[k])
                continue;
            if (quotes_is_clause_break(x, k) || quotes_is_p(x, k, ","))
                break;
            if (quotes_is_verb(x, k)) {
                v2 = k;
                break;
            }
        }
        if (v2 == SIZE_MAX)
            break;
        e = v2;
        e = quotes_peel(x, h0, e);
    }
    /* "..., calling it “...”": a participle takes the subject of the
     * clause it hangs on */
    if (e == v && e > h0 && quotes_is_p(x, e - 1, ",") && quotes_is_ing(x, v)) {
        size_t v2 = SIZE_MAX;
        for (size_t k = e - 1; k-- > h0;) {
            if (x->inq[k])
                continue;
            if (quotes_is_clause_break(x, k))
                break;
            if (quotes_is_verb(x, k)) {
                v2 = k;
                break;
            }
        }
        if (v2 == SIZE_MAX)
            return none;
        e = v2;
        e = quotes_peel(x, h0, e);
    }
    size_t as = 0, ae = 0;
    if (e > h0 && quotes_is_p(x, e - 1, ",")) {
        size_t p = SIZE_MAX;
        for (size_t m = e - 1; m-- > h0 && e - 1 - m <= 15;) {
            if (x->inq[m])
                break;
            if (quotes_is_p(x, m, ",")) {
                p = m;
                break;
            }
        }
        if (p == SIZE_MAX)
            goto inverted;
        as = p + 1;
        ae = e - 1;
        e = p;
    }
    size_t s = quotes_np_back(x, h0, e);
    if (s < e) {
        quotes_attr r;
        /* "William Becker, creator of the museum, says" with the second
         * comma missing: the name before the comma speaks */
        if (!as && s >= h0 + 2 && quotes_is_p(x, s - 1, ",") && x->mat[s - 2] &&
            x->ent[x->men[x->mat[s - 2] - 1].ent].person && !x->mat[e - 1])
            r = quotes_read_phrase(x, x->men[x->mat[s - 2] - 1].tok, s - 1, s, e, 0);
        else
            r = quotes_read_phrase(x, s, e, as, ae, 0);
        r.v = v;
        return r;
    }
inverted:;
    /* "said Kirby: “...”" (a pronoun there is an object: "calling it") */
    size_t s2 = v + 1, e2 = quotes_np_fwd(x, s2, end);
    if (e2 > s2 && quotes_pronoun(x, s2) < 0 && (e2 == end || quotes_is_p(x, e2, ":,"))) {
        quotes_attr r = quotes_read_phrase(x, s2, e2, 0, 0, 0);
        r.v = v;
        return r;
    }
    return none;
}

/* First token at or after byte 'off'. */
static size_t quotes_tok_at(const quotes_ctx *x, size_t off) {
    size_t lo = 0, hi = x->nt;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->t[mid].off < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

typedef struct quotes_qpos {
    size_t o, c;   /* opening and closing mark tokens */
    size_t as, ae; /* attribution tokens, as == ae if none */
    size_t v;      /* its speech verb, or SIZE_MAX */
} quotes_qpos;

int quotes_attribute(const ch_quote_lex *lx, const char *text, size_t len, ch_quote *q, size_t n,
                     ch_arena *a) {
    for (size_t i = 0; i < n; i++) {
        q[i].speaker = q[i].attribution = NULL;
        q[i].attr_off = q[i].attr_len = 0;
        q[i].attr_kind = QATTR_NONE;
    }
    if (!n)
        return 0;
    quotes_ctx x;
    memset(&x, 0, sizeof x);
    x.lx = lx;
    x.text = text;
    x.len = len;
    x.a = a;
    int rc = -1;
    quotes_qpos *pos = NULL;
    if (quotes_tokenize(lx, text, len, &x.t, &x.nt) != 0)
        goto done;
    if (!x.nt)
        return 0;
    x.inq = calloc(x.nt, 1);
    x.sid = calloc(x.nt, sizeof *x.sid);
    x.pid = calloc(x.nt, sizeof *x.pid);
    x.mat = calloc(x.nt, sizeof *x.mat);
    pos = calloc(n, sizeof *pos);
    if (!x.inq || !x.sid || !x.pid || !x.mat || !pos)
        goto done;
    for (size_t i = 0; i < n; i++) {
        size_t fw = quotes_tok_at(&x, q[i].off);
        size_t c = quotes_tok_at(&x, q[i].off + q[i].len);
        size_t o = fw > 0 ? fw - 1 : 0;
        if (c >= x.nt)
            c = x.nt - 1;
        pos[i].o = o;
        pos[i].c = c;
        pos[i].v = SIZE_MAX;
        for (size_t k = o; k <= c; k++)
            x.inq[k] = 1;
    }
    quotes_number_sentences(&x);
    x.speakers = strmap_new();
    x.midcaps = strmap_new();
    x.full.m = strmap_new();
    x.firstlast.m = strmap_new();
    x.surname.m = strmap_new();
    x.alone.m = strmap_new();
    if (!x.speakers || !x.midcaps || !x.full.m || !x.firstlast.m || !x.surname.m || !x.alone.m ||
        quotes_count_words(&x) != 0 || quotes_find_speaking_words(&x) != 0 ||
        quotes_read_names(&x) != 0)
        goto done;
    for (size_t i = 0; i < n; i++) {
        size_t o = pos[i].o, c = pos[i].c;
        quotes_attr r;
        memset(&r, 0, sizeof r);
        /* after the quotation, when it ends with , ? ! or a dash */
        size_t after = c + 1;
        int open_end = c > 0 && (quotes_is_p(&x, c - 1, ",?!") || quotes_is_dash(&x, c - 1));
        if (after < x.nt && !x.t[after].para &&
            (quotes_is_p(&x, after, ",") || quotes_is_dash(&x, after))) {
            open_end = 1;
            after++;
        }
        if (open_end && after < x.nt && !x.t[after].para && !x.inq[after])
            r = quotes_try_after(&x, after);
        if (!r.ok)
            r = quotes_try_before(&x, o, q[i].partial);
        if (r.ok) {
            q[i].attr_kind = r.kind;
            q[i].speaker = r.speaker;
            q[i].attribution = quotes_join(&x, r.s, r.e, NULL);
            if (!q[i].attribution)
                goto done;
            q[i].attr_off = x.t[r.s].off;
            q[i].attr_len = x.t[r.e - 1].off + x.t[r.e - 1].len - q[i].attr_off;
            pos[i].as = r.s;
            pos[i].ae = r.e;
            pos[i].v = r.v;
            continue;
        }
        /* inherit: the previous quotation of the paragraph, or the last of
         * the previous paragraph when this one opens its own */
        if (i == 0 || q[i].partial || q[i - 1].attr_kind == QATTR_NONE)
            continue;
        const quotes_qpos *pp = &pos[i - 1];
        size_t pc = pp->c;
        int ok = x.pid[o] == x.pid[pc];
        if (!ok && x.t[o].para && x.pid[o] == x.pid[pc] + 1) {
            /* the previous paragraph ends with that quotation's sentence */
            uint32_t last = x.sid[o - 1];
            ok = last == x.sid[pc] || (pp->ae > pp->as && last == x.sid[pp->ae - 1]);
        }
        /* another speech verb in a sentence of its own between the two
         * means another attribution */
        uint32_t attr_sid = pp->v != SIZE_MAX ? x.sid[pp->v] : x.sid[pc];
        for (size_t k = pc + 1; k < o && ok; k++) {
            if (x.inq[k] || k == pp->v || (k >= pp->as && k < pp->ae) || x.sid[k] == attr_sid ||
                x.sid[k] == x.sid[pc])
                continue;
            if (quotes_is_verb(&x, k))
                ok = 0;
        }
        if (ok) {
            q[i].attr_kind =
                q[i - 1].attr_kind == QATTR_ANONYMOUS ? QATTR_ANONYMOUS : QATTR_INHERITED;
            q[i].speaker = q[i - 1].speaker;
            q[i].attribution = q[i - 1].attribution;
            q[i].attr_off = q[i - 1].attr_off;
            q[i].attr_len = q[i - 1].attr_len;
            pos[i].as = pp->as;
            pos[i].ae = pp->ae;
            pos[i].v = pp->v;
        }
    }
    rc = 0;
done:
    free(x.t);
    free(x.inq);
    free(x.sid);
    free(x.pid);
    free(x.mat);
    free(x.ent);
    free(x.men);
    strmap_free(x.speakers);
    strmap_free(x.midcaps);
    quotes_index_free(&x.full);
    quotes_index_free(&x.firstlast);
    quotes_index_free(&x.surname);
    quotes_index_free(&x.alone);
    free(pos);
    buf_free(&x.scratch);
    return rc;
}

/* ------------------------------------------------------- comparison */

/* Splits a name into lower-case words without initials ("F.") or a
 * leading "the"; returns the count (at most 'max'). */
static size_t quotes_name_words(const char *s, const char **w, size_t *wn, size_t max) {
    size_t n = 0;
    while (*s && n < max) {
        while (*s == ' ')
            s++;
        const char *b = s;
        while (*s && *s != ' ')
            s++;
        size_t l = (size_t)(s - b);
        if (!l)
            break;
        if (l == 2 && b[1] == '.')
            continue; /* an initial */
        if (n == 0 && quotes_same_word(b, l, "the", 3))
            continue;
        w[n] = b;
        wn[n] = l;
        n++;
    }
    return n;
}

int quotes_speaker_same(const char *a, const char *b) {
    if (!a || !b)
        return 0;
    const char *wa[16], *wb[16];
    size_t la[16], lb[16];
    size_t na = quotes_name_words(a, wa, la, 16), nb = quotes_name_words(b, wb, lb, 16);
    if (!na || !nb)
        return 0;
    if (na == nb) {
        size_t i = 0;
        while (i < na && quotes_same_word(wa[i], la[i], wb[i], lb[i]))
            i++;
        if (i == na)
            return 1;
    }
    /* a surname alone against a full name */
    if ((na == 1 || nb == 1) && quotes_same_word(wa[na - 1], la[na - 1], wb[nb - 1], lb[nb - 1]))
        return 1;
    /* first and last names agree (a middle name left out) */
    return na >= 2 && nb >= 2 && quotes_same_word(wa[0], la[0], wb[0], lb[0]) &&
           quotes_same_word(wa[na - 1], la[na - 1], wb[nb - 1], lb[nb - 1]);
}

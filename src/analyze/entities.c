/*
 * entities.c - names of people, organizations and places, aliases merged
 * (see entities.h for the rules).
 *
 * Pass 1 walks every sentence's words and cuts runs of capitalised words
 * (with inner joiners "of", "de", "al", "&" and initials "F."), drops a
 * sentence-initial word the cluster writes in lower case elsewhere, splits
 * title-case headlines at such words, peels titles off the front, and
 * records one mention per name under a normalised key (lower case, initials
 * and possessives dropped, legal suffixes removed), with votes for its kind
 * read from the words around it.
 *
 * Pass 2 merges keys with union-find: same first and last word, surname,
 * acronym, organisation part, demonym. The kind of a merged entity is the
 * sum of its votes; the display name its most frequent full form.
 */
#include "analyze/entities.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/dates.h"
#include "util/vec.h"

/* --------------------------------------------------------------- lists */

static const char *const ent_titles[] = {"mr",
                                         "mrs",
                                         "ms",
                                         "miss",
                                         "dr",
                                         "sen",
                                         "senator",
                                         "rep",
                                         "representative",
                                         "gov",
                                         "governor",
                                         "president",
                                         "vice",
                                         "secretary",
                                         "minister",
                                         "premier",
                                         "chancellor",
                                         "judge",
                                         "justice",
                                         "gen",
                                         "general",
                                         "col",
                                         "colonel",
                                         "capt",
                                         "captain",
                                         "lt",
                                         "lieutenant",
                                         "sgt",
                                         "sergeant",
                                         "officer",
                                         "detective",
                                         "chief",
                                         "mayor",
                                         "king",
                                         "queen",
                                         "prince",
                                         "princess",
                                         "pope",
                                         "rev",
                                         "reverend",
                                         "father",
                                         "professor",
                                         "prof",
                                         "dean",
                                         "speaker",
                                         "commissioner",
                                         "ambassador",
                                         "sheriff",
                                         "coach",
                                         "pvt",
                                         "cpl",
                                         "adm",
                                         "admiral",
                                         "lord",
                                         "lady",
                                         "sir",
                                         "dame",
                                         "rabbi",
                                         "imam",
                                         "bishop",
                                         "cardinal",
                                         "president-elect",
                                         "chairman",
                                         "chairwoman",
                                         "ceo",
                                         "attorney",
                                         "councilman",
                                         "councilwoman",
                                         "congressman",
                                         "congresswoman",
                                         "superintendent",
                                         "inspector",
                                         "sgt",
                                         NULL};

static const char *const ent_role_nouns[] = {
    "spokesman",  "spokeswoman", "spokesperson", "professor",  "founder",    "co-founder",
    "lawyer",     "attorney",    "leader",       "director",   "executive",  "analyst",
    "minister",   "president",   "nominee",      "candidate",  "actor",      "actress",
    "singer",     "author",      "writer",       "reporter",   "editor",     "chairman",
    "chairwoman", "official",    "officer",      "scientist",  "researcher", "economist",
    "senator",    "governor",    "mayor",        "judge",      "teacher",    "student",
    "resident",   "survivor",    "victim",       "witness",    "manager",    "coach",
    "player",     "captain",     "owner",        "husband",    "wife",       "son",
    "daughter",   "brother",     "sister",       "mother",     "father",     "friend",
    "neighbor",   "neighbour",   "boyfriend",    "girlfriend", "partner",    "treasurer",
    "accountant", "engineer",    "doctor",       "nurse",      "pilot",      "ceo",
    "secretary",  "adviser",     "advisor",      "aide",       "prosecutor", "detective",
    "commander",  "star",        "host",         "chief",      "historian",  "activist",
    "suspect",    "passenger",   "defendant",    "plaintiff",  "consultant", NULL};

static const char *const ent_org_words[] = {"department",
                                            "ministry",
                                            "inc",
                                            "corp",
                                            "corporation",
                                            "co",
                                            "ltd",
                                            "llc",
                                            "plc",
                                            "party",
                                            "police",
                                            "committee",
                                            "council",
                                            "university",
                                            "college",
                                            "school",
                                            "agency",
                                            "bureau",
                                            "commission",
                                            "office",
                                            "institute",
                                            "association",
                                            "foundation",
                                            "fund",
                                            "army",
                                            "navy",
                                            "court",
                                            "congress",
                                            "senate",
                                            "parliament",
                                            "times",
                                            "post",
                                            "news",
                                            "press",
                                            "journal",
                                            "group",
                                            "bank",
                                            "company",
                                            "organization",
                                            "organisation",
                                            "service",
                                            "network",
                                            "union",
                                            "league",
                                            "federation",
                                            "board",
                                            "administration",
                                            "guard",
                                            "airlines",
                                            "airways",
                                            "motors",
                                            "systems",
                                            "technologies",
                                            "labs",
                                            "media",
                                            "club",
                                            "church",
                                            "hospital",
                                            "center",
                                            "centre",
                                            "authority",
                                            "coalition",
                                            "campaign",
                                            "cabinet",
                                            "government",
                                            "embassy",
                                            "brigade",
                                            "forces",
                                            "force",
                                            "aerospace",
                                            "industries",
                                            "holdings",
                                            "partners",
                                            "capital",
                                            "reuters",
                                            "tribune",
                                            "herald",
                                            "gazette",
                                            "magazine",
                                            "channel",
                                            "studios",
                                            "records",
                                            "society",
                                            "academy",
                                            "laboratory",
                                            "museum",
                                            "library",
                                            "commission",
                                            "assembly",
                                            "secretariat",
                                            "command",
                                            "universidad",
                                            "universit\xc3\xa9",
                                            "inc.",
                                            "sealines",
                                            "ventures",
                                            NULL};

static const char *const ent_legal[] = {"inc", "corp", "co", "ltd",  "llc",
                                        "plc", "sa",   "ag", "gmbh", NULL};

static const char *const ent_joiners[] = {"of",  "de",  "la",  "del", "da",  "van",
                                          "von", "der", "den", "al",  "bin", "du",
                                          "le",  "y",   "for", "on",  NULL};

static const char *const ent_speech[] = {"said",     "says",      "told",     "added",  "wrote",
                                         "tweeted",  "explained", "argued",   "noted",  "asked",
                                         "insisted", "testified", "recalled", "stated", NULL};

static const char *const ent_place_owned[] = {
    "embassy",   "government", "president", "capital",  "foreign", "prime",      "economy",
    "border",    "ambassador", "army",      "military", "people",  "parliament", "ministry",
    "election",  "leader",     "coast",     "navy",     "police",  "borders",    "citizens",
    "territory", "state",      "largest",   NULL};

static const char *const ent_place_preps[] = {"in",      "at",     "near",       "across",
                                              "outside", "inside", "throughout", NULL};

/* Capitalised words that are not names: zones, units, pronouns. */
static const char *const ent_not_names[] = {"gmt", "utc", "est", "edt", "pst", "pdt", "cst",
                                            "cdt", "bst", "cet", "et",  "pt",  "am",  "pm",
                                            "tv",  "ok",  "i",   "a",   NULL};

/* Abbreviations a name may carry with their period: "St. Louis". */
static const char *const ent_abbrevs[] = {"st",  "mt",  "ft",   "jr",  "sr",   "dr", "mr",  "mrs",
                                          "ms",  "gen", "gov",  "sen", "rep",  "lt", "col", "capt",
                                          "sgt", "pvt", "prof", "rev", "dept", NULL};

const char *entities_kind_name(ch_entkind k) {
    switch (k) {
    case CH_ENT_PERSON:
        return "person";
    case CH_ENT_ORG:
        return "org";
    case CH_ENT_PLACE:
        return "place";
    default:
        return "other";
    }
}

/* ------------------------------------------------------------ helpers */

static int ent_lower_is(const char *s, size_t n, const char *const *list) {
    for (size_t k = 0; list[k]; k++) {
        size_t m = strlen(list[k]);
        if (m != n)
            continue;
        size_t j = 0;
        while (j < n && tolower((unsigned char)s[j]) == (unsigned char)list[k][j])
            j++;
        if (j == n)
            return 1;
    }
    return 0;
}

typedef struct ent_rd {
    const ch_acorpus *k;
    const char *t;
    const ch_aword *w;
    const uint32_t *stem;
    size_t n;
} ent_rd;

static int ent_is_cap(const ent_rd *r, size_t i) {
    return i < r->n && r->w[i].kind == AW_WORD && (r->w[i].flags & AW_CAP);
}

static int ent_word_in(const ent_rd *r, size_t i, const char *const *list) {
    if (i >= r->n || r->w[i].kind != AW_WORD)
        return 0;
    return ent_lower_is(r->t + r->w[i].off, aword_base_len(r->t, &r->w[i]), list);
}

/* The cluster writes this word in lower case somewhere (or it is a
 * stopword): a capital at the start of a sentence tells nothing. */
static int ent_common_word(const ent_rd *r, size_t i) {
    uint32_t s = r->stem[i];
    if (s == STRMAP_NONE)
        return 1;
    return r->k->lower[s] != 0;
}

/* Word token i is an initial ("F" followed by a glued period) or an
 * abbreviation inside a name. */
static int ent_is_initial(const ent_rd *r, size_t i) {
    return i < r->n && r->w[i].kind == AW_WORD && r->w[i].len == 1 && (r->w[i].flags & AW_CAP);
}

/* ------------------------------------------------------------ records */

typedef struct ent_cand {
    int votes[3]; /* person, org, place */
    uint32_t count;
    uint32_t mid;  /* mentions not at the start of a sentence */
    uint32_t ntok; /* words in the key */
    int demonym;   /* looks like an adjective of nationality */
    int acronym;   /* written in capitals */
    int common;    /* one word the cluster also writes in lower case */
    uint32_t parent;
} ent_cand;

typedef struct ent_ment {
    uint32_t cand;
    uint32_t doc, g;
    size_t off, len;   /* the name, title excluded */
    size_t foff, flen; /* the form with its title */
} ent_ment;

typedef struct ent_state {
    const ch_acorpus *k;
    ch_strmap *keys;
    ent_cand *c;
    size_t nc, ccap;
    ent_ment *m;
    size_t nm, mcap;
    ch_buf kb;
} ent_state;

/* Appends the normalised key of tokens [s, e) to b: lower case (ASCII),
 * possessive and periods dropped, initials dropped, leading "the" and a
 * trailing legal suffix dropped. Returns the number of words, -1 OOM. */
static int ent_key(const ent_rd *r, size_t s, size_t e, ch_buf *b) {
    buf_clear(b);
    int words = 0;
    size_t last = e;
    /* a legal suffix at the end goes when something precedes it */
    for (size_t i = e; i > s; i--) {
        if (r->w[i - 1].kind == AW_WORD) {
            if (ent_word_in(r, i - 1, ent_legal)) {
                size_t before = 0;
                for (size_t j = s; j < i - 1; j++)
                    before += r->w[j].kind == AW_WORD;
                if (before >= 1)
                    last = i - 1;
            }
            break;
        }
    }
    for (size_t i = s; i < last; i++) {
        const ch_aword *w = &r->w[i];
        if (w->kind != AW_WORD)
            continue;
        if (ent_is_initial(r, i) && i + 1 < last)
            continue;
        if (words == 0 && ent_lower_is(r->t + w->off, w->len, (const char *const[]){"the", NULL}))
            continue;
        size_t n = aword_base_len(r->t, w);
        if (words && buf_putc(b, ' ') != 0)
            return -1;
        if (ent_lower_is(r->t + w->off, n, (const char *const[]){"dept", NULL})) {
            if (buf_puts(b, "department") != 0)
                return -1;
        } else {
            for (size_t j = 0; j < n; j++) {
                char ch = r->t[w->off + j];
                if (ch == '.')
                    continue;
                if (buf_putc(b, (char)tolower((unsigned char)ch)) != 0)
                    return -1;
            }
        }
        words++;
    }
    return words;
}

/* Looks like a demonym: ends in -an, -ian, -ean, -ese, -ish, -i (+ s). */
static int ent_demonym_like(const char *key) {
    size_t n = strlen(key);
    if (strchr(key, ' ') || n < 5)
        return 0;
    if (key[n - 1] == 's')
        n--;
    if (n >= 2 && key[n - 2] == 'a' && key[n - 1] == 'n')
        return 1;
    if (n >= 3 && strncmp(key + n - 3, "ese", 3) == 0)
        return 1;
    if (n >= 3 && strncmp(key + n - 3, "ish", 3) == 0)
        return 1;
    if (n >= 2 && key[n - 1] == 'i' && key[n - 2] != 'i')
        return 1;
    return 0;
}

static int ent_add(ent_state *st, const ent_rd *r, uint32_t doc, uint32_t g, size_t s, size_t e,
                   size_t fs, const int votes[3], int mid) {
    int words = ent_key(r, s, e, &st->kb);
    if (words < 0)
        return -1;
    if (words == 0)
        return 0;
    int is_new = 0;
    uint32_t id = strmap_intern(st->keys, st->kb.data, st->kb.len, &is_new);
    if (id == STRMAP_NONE)
        return -1;
    if (is_new) {
        ent_cand c;
        memset(&c, 0, sizeof c);
        c.ntok = (uint32_t)words;
        c.parent = id;
        c.demonym = ent_demonym_like(st->kb.data);
        c.acronym = e - s == 1 && (r->w[s].flags & AW_UPPER) && r->w[s].len <= 6;
        c.common = words == 1 && e - s == 1 && !c.acronym && ent_common_word(r, s);
        if (VEC_PUSH(st->c, st->nc, st->ccap, c) != 0)
            return -1;
    }
    ent_cand *c = &st->c[id];
    for (int k = 0; k < 3; k++)
        c->votes[k] += votes[k];
    c->count++;
    c->mid += mid != 0;
    ent_ment m;
    m.cand = id;
    m.doc = doc;
    m.g = g;
    m.off = r->w[s].off;
    m.len = r->w[e - 1].off + aword_base_len(r->t, &r->w[e - 1]) - m.off;
    /* the period of an abbreviation belongs to it: "U.S.", "Inc." */
    if (e < r->n && aword_punct(&r->w[e], '.') && !(r->w[e].flags & AW_SPACE) &&
        aword_base_len(r->t, &r->w[e - 1]) == r->w[e - 1].len &&
        (memchr(r->t + r->w[e - 1].off, '.', r->w[e - 1].len) || ent_word_in(r, e - 1, ent_legal)))
        m.len++;
    m.foff = r->w[fs].off;
    m.flen = r->w[e - 1].off + aword_base_len(r->t, &r->w[e - 1]) - m.foff;
    return VEC_PUSH(st->m, st->nm, st->mcap, m);
}

/* --------------------------------------------------------- pass 1 */

/* Votes from the words around the name [s, e) (title stripped at fs). */
static void ent_votes(const ent_rd *r, size_t fs, size_t s, size_t e, int title, int votes[3]) {
    votes[0] = votes[1] = votes[2] = 0;
    if (title)
        votes[0] += 3;
    for (size_t i = s; i < e; i++)
        if (ent_word_in(r, i, ent_org_words))
            votes[1] += i + 1 == e ? 3 : 2;
    /* a role noun before: "spokesman John Kirby", "president, Rafael Correa";
     * not when the name only modifies a noun ("official Twitter account") */
    int modifier = e < r->n && r->w[e].kind == AW_WORD && !(r->w[e].flags & AW_CAP) &&
                   r->stem[e] != STRMAP_NONE && !ent_word_in(r, e, ent_speech) &&
                   r->t[r->w[e].off + r->w[e].len - 1] != 's' &&
                   !(r->w[e].len > 2 && r->t[r->w[e].off + r->w[e].len - 1] == 'd' &&
                     r->t[r->w[e].off + r->w[e].len - 2] == 'e');
    if (fs > 0 && r->w[fs - 1].kind == AW_WORD &&
        (!(r->w[fs - 1].flags & AW_CAP) || (r->w[fs - 1].flags & AW_START)) &&
        ent_word_in(r, fs - 1, ent_role_nouns) && !modifier)
        votes[0] += 2;
    /* "the island of Tessaly", "the city of Merrow" */
    if (fs > 1 && ent_word_in(r, fs - 1, (const char *const[]){"of", NULL}) &&
        ent_word_in(r, fs - 2,
                    (const char *const[]){"island", "city", "town", "village", "state", "province",
                                          "region", "county", "republic", "kingdom", "port",
                                          "capital", NULL}))
        votes[2] += 3;
    if (fs > 1 && aword_punct(&r->w[fs - 1], ',') && r->w[fs - 2].kind == AW_WORD &&
        !(r->w[fs - 2].flags & AW_CAP) && ent_word_in(r, fs - 2, ent_role_nouns) && e - s >= 2)
        votes[0] += 2;
    /* an apposition after: ", a State Department spokesman", ", 45," */
    if (e < r->n && aword_punct(&r->w[e], ',')) {
        if (e + 2 < r->n && r->w[e + 1].kind == AW_NUM && r->w[e + 1].len <= 3 &&
            aword_punct(&r->w[e + 2], ','))
            votes[0] += 2;
        static const char *const org_nouns[] = {
            "subsidiary", "company",      "firm",         "startup",      "group",
            "unit",       "agency",       "organization", "organisation", "nonprofit",
            "charity",    "broadcaster",  "newspaper",    "network",      "airline",
            "operator",   "manufacturer", "maker",        "retailer",     "bank",
            "carrier",    "insurer",      "publisher",    "party",        "website",
            "site",       "outlet",       "union",        "division",     NULL};
        for (size_t j = e + 1; j < r->n && j <= e + 7; j++) {
            if (r->w[j].kind == AW_PUNCT)
                break;
            if (r->w[j].kind == AW_WORD && aword_base_len(r->t, &r->w[j]) < r->w[j].len)
                continue; /* "the company's founder": the possessor is not the noun */
            int role = !(r->w[j].flags & AW_CAP) && ent_word_in(r, j, ent_role_nouns);
            int orgn = !(r->w[j].flags & AW_CAP) && ent_word_in(r, j, org_nouns);
            if (!role && !orgn)
                continue;
            /* ", the company said": a new subject, not an apposition */
            if (j + 1 < r->n && ent_word_in(r, j + 1, ent_speech))
                break;
            votes[role ? 0 : 1] += 2;
            break;
        }
    }
    /* "John Smith said" / "said John Smith": organisations speak too, so
     * only names of two or three words count */
    size_t nw = 0;
    for (size_t i = s; i < e; i++)
        nw += r->w[i].kind == AW_WORD && !ent_is_initial(r, i);
    if (nw >= 2 && nw <= 3 &&
        ((e < r->n && ent_word_in(r, e, ent_speech)) ||
         (fs > 0 && ent_word_in(r, fs - 1, ent_speech))))
        votes[0] += 1;
    /* "X's embassy" */
    if (aword_base_len(r->t, &r->w[e - 1]) < r->w[e - 1].len && e < r->n &&
        ent_word_in(r, e, ent_place_owned))
        votes[2] += 2;
    /* "in X" */
    if (fs > 0 && ent_word_in(r, fs - 1, ent_place_preps) && !(r->w[fs - 1].flags & AW_CAP))
        votes[2] += 1;
    /* "X-based" arrives as one word and is handled by the caller */
}

/* Handles one run of capitalised words [s, e) of sentence g. */
static int ent_sequence(ent_state *st, const ent_rd *r, uint32_t doc, uint32_t g, size_t s,
                        size_t e) {
    /* datelines: "LONDON -", "PORT CALDER, Veloria (Wire) -" */
    int dateline = 0;
    if ((r->w[s].flags & (AW_START | AW_NEWLINE)) && s == 0) {
        int upper = 1;
        for (size_t i = s; i < e; i++)
            if (r->w[i].kind == AW_WORD && !(r->w[i].flags & AW_UPPER))
                upper = 0;
        if (upper && e < r->n && r->w[e].kind == AW_PUNCT &&
            (r->w[e].cp == ',' || r->w[e].cp == 0x2014 || r->w[e].cp == 0x2013 ||
             r->w[e].cp == '-' || r->w[e].cp == '('))
            dateline = 1;
    }
    /* the last title word with a name after it */
    size_t ns = s, t_last = e;
    for (size_t i = s; i < e; i++)
        if (ent_word_in(r, i, ent_titles) && i + 1 < e)
            t_last = i;
    int title = 0;
    if (t_last < e) {
        int org = 0;
        for (size_t i = t_last + 1; i < e; i++)
            org |= ent_word_in(r, i, ent_org_words);
        if (!org) {
            title = 1;
            ns = t_last + 1;
            if (ns < e && aword_punct(&r->w[ns], '.'))
                ns++;
            /* "Secretary of State John Kerry": the title's complement */
            if (ns + 1 < e && ent_lower_is(r->t + r->w[ns].off, r->w[ns].len,
                                           (const char *const[]){"of", NULL})) {
                size_t rest = 0;
                for (size_t i = ns + 1; i < e; i++)
                    rest += r->w[i].kind == AW_WORD;
                ns += rest >= 5 ? 3 : rest >= 3 ? 2 : 0;
            }
            /* a nationality before the title: "Velorian Transport Minister" */
            if (s < t_last && r->w[s].kind == AW_WORD &&
                aword_base_len(r->t, &r->w[s]) == r->w[s].len) {
                int v[3] = {0, 0, 1};
                ch_buf tmp = {0};
                int wn = ent_key(r, s, s + 1, &tmp);
                int dem = wn == 1 && ent_demonym_like(tmp.data);
                buf_free(&tmp);
                if (wn < 0)
                    return -1;
                if (dem && ent_add(st, r, doc, g, s, s + 1, s, v, !(r->w[s].flags & AW_START)) != 0)
                    return -1;
            }
        }
    }
    while (ns < e && r->w[ns].kind != AW_WORD)
        ns++;
    if (ns >= e)
        return 0;
    /* a lone title, month or weekday is not a name */
    if (e - ns == 1) {
        const ch_aword *w = &r->w[ns];
        size_t bl = aword_base_len(r->t, w);
        if (ent_word_in(r, ns, ent_titles) || dates_month_word(r->t + w->off, bl) ||
            dates_weekday_word(r->t + w->off, bl) >= 0)
            return 0;
    }
    if (e - ns == 1 && ent_word_in(r, ns, ent_not_names))
        return 0;
    int votes[3];
    ent_votes(r, s, ns, e, title, votes);
    if (dateline)
        votes[2] += 3;
    /* "PORT CALDER, Veloria (" : the region after a dateline */
    int mid = !(r->w[ns].flags & AW_START);
    return ent_add(st, r, doc, g, ns, e, s, votes, mid);
}

/* "of", "for", "on" join only after an organisation word or a title
 * ("University of Illinois", "Secretary of State", "Council on Foreign
 * Relations"), never after a person's name ("Kerry of the State
 * Department"); "de", "van", "al" ... always join. */
static int ent_joiner_ok(const ent_rd *r, size_t s, size_t j) {
    if (!ent_word_in(r, j, (const char *const[]){"of", "for", "on", NULL}))
        return 1;
    if (j > s && ent_word_in(r, j - 1, ent_titles))
        return 1; /* "Secretary of State", right after the title only */
    for (size_t i = s; i < j; i++)
        if (ent_word_in(r, i, ent_org_words))
            return 1;
    return 0;
}

/* A capitalised word at i may continue the name being read. */
static int ent_continues(const ent_rd *r, size_t i, int titlecase) {
    if (!ent_is_cap(r, i) || (r->w[i].flags & AW_NEWLINE))
        return 0;
    if (titlecase && ent_common_word(r, i))
        return 0;
    return 1;
}

static int ent_scan_sentence(ent_state *st, uint32_t g) {
    const ch_acorpus *k = st->k;
    uint32_t doc = k->sent_doc[g];
    size_t first = k->sent_first[g];
    ent_rd r = {k, k->docs[doc].text, k->w + first, k->stem + first, k->sent_first[g + 1] - first};
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < r.n; i++)
        if (r.w[i].kind == AW_WORD) {
            words++;
            caps += (r.w[i].flags & AW_CAP) != 0;
        }
    /* a title-case headline: capitals say little there */
    int titlecase = words >= 3 && caps * 10 >= words * 6;
    size_t i = 0;
    while (i < r.n) {
        if (!ent_is_cap(&r, i)) {
            i++;
            continue;
        }
        if (((r.w[i].flags & AW_START) || titlecase) && ent_common_word(&r, i) &&
            !(ent_word_in(&r, i, ent_titles) &&
              (ent_is_cap(&r, i + 1) ||
               (ent_word_in(&r, i + 1, (const char *const[]){"of", NULL}) &&
                ent_is_cap(&r, i + 2)))) &&
            !(ent_is_cap(&r, i + 1) && ent_word_in(&r, i + 1, ent_titles) &&
              ent_is_cap(&r, i + 2))) {
            /* a common word starting a sentence, unless it leads a title
             * ("Captain Piet Holm", "Council President Rosa Delgado") */
            i++;
            continue;
        }
        size_t s = i, j = i, last = i;
        for (;;) {
            last = j;
            if (aword_base_len(r.t, &r.w[j]) < r.w[j].len &&
                !(ent_lower_is(r.t + r.w[j].off, aword_base_len(r.t, &r.w[j]),
                               (const char *const[]){"children", "women", "men", "people",
                                                     "veterans", "workers", "teachers", "farmers",
                                                     NULL}) &&
                  ent_continues(&r, j + 1, titlecase)))
                break; /* a possessive ends the name, except in "Children's Fund" */
            size_t nx = j + 1;
            if (nx < r.n && aword_punct(&r.w[nx], '.') && !(r.w[nx].flags & AW_SPACE) &&
                (ent_is_initial(&r, j) || memchr(r.t + r.w[j].off, '.', r.w[j].len) ||
                 ent_word_in(&r, j, ent_titles) || ent_word_in(&r, j, ent_legal) ||
                 ent_word_in(&r, j, ent_abbrevs)))
                nx++;
            if (ent_continues(&r, nx, titlecase)) {
                j = nx;
                continue;
            }
            /* joiners inside a name: "University of Illinois", "Council on
             * Foreign Relations", "Universidad San Francisco de Quito" */
            if (nx < r.n && ent_word_in(&r, nx, ent_joiners) && !(r.w[nx].flags & AW_CAP) &&
                ent_joiner_ok(&r, s, nx)) {
                size_t after = nx + 1;
                if (after < r.n &&
                    ent_lower_is(r.t + r.w[after].off, r.w[after].len,
                                 (const char *const[]){"the", NULL}) &&
                    !(r.w[after].flags & AW_CAP))
                    after++;
                if (ent_continues(&r, after, titlecase) &&
                    !dates_month_word(r.t + r.w[after].off, aword_base_len(r.t, &r.w[after])) &&
                    dates_weekday_word(r.t + r.w[after].off, aword_base_len(r.t, &r.w[after])) <
                        0) {
                    j = after;
                    continue;
                }
            }
            break;
        }
        if (ent_sequence(st, &r, doc, (uint32_t)g, s, last + 1) != 0)
            return -1;
        i = last + 1;
    }
    return 0;
}

/* --------------------------------------------------------- pass 2 */

static uint32_t ent_root(ent_cand *c, uint32_t i) {
    while (c[i].parent != i) {
        c[i].parent = c[c[i].parent].parent;
        i = c[i].parent;
    }
    return i;
}

static void ent_union(ent_cand *c, uint32_t a, uint32_t b) {
    uint32_t ra = ent_root(c, a), rb = ent_root(c, b);
    if (ra == rb)
        return;
    if (ra < rb)
        c[rb].parent = ra;
    else
        c[ra].parent = rb;
}

/* First / last word of a key (pointer and length). */
static void ent_first_word(const char *key, const char **w, size_t *n) {
    const char *sp = strchr(key, ' ');
    *w = key;
    *n = sp ? (size_t)(sp - key) : strlen(key);
}

static void ent_last_word(const char *key, const char **w, size_t *n) {
    const char *sp = strrchr(key, ' ');
    *w = sp ? sp + 1 : key;
    *n = strlen(*w);
}

static int ent_person_voted(const ent_cand *c) {
    return c->votes[0] > 0 && c->votes[0] >= c->votes[1] && c->votes[0] >= c->votes[2];
}

/* Initials of a multi-word key, joiners skipped, into out (cap bytes). */
static void ent_initials(const char *key, char *out, size_t cap) {
    size_t n = 0;
    const char *p = key;
    while (*p && n + 1 < cap) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        if (!ent_lower_is(p, len, ent_joiners) &&
            !ent_lower_is(p, len, (const char *const[]){"the", NULL}))
            out[n++] = *p;
        p += len;
        while (*p == ' ')
            p++;
    }
    out[n] = '\0';
}

/* Country names a demonym may come from, by suffix rules; calls 'try' on
 * each (stops when it returns 1). */
static int ent_demonym_bases(const char *d, char out[][64], size_t maxn) {
    char b[64];
    size_t n = strlen(d);
    if (n >= sizeof b - 8)
        return 0;
    memcpy(b, d, n + 1);
    size_t cnt = 0;
#define ENT_BASE(cut, add)                                                                         \
    do {                                                                                           \
        if (cnt < maxn && n > (size_t)(cut) + 2) {                                                 \
            memcpy(out[cnt], b, n - (cut));                                                        \
            strcpy(out[cnt] + n - (cut), add);                                                     \
            cnt++;                                                                                 \
        }                                                                                          \
    } while (0)
    if (n > 1 && b[n - 1] == 's' && (b[n - 2] == 'n' || b[n - 2] == 'i')) {
        b[--n] = '\0'; /* "Velorians" */
    }
    if (n >= 3 && strcmp(b + n - 3, "ian") == 0) {
        ENT_BASE(3, "");
        ENT_BASE(3, "a");
        ENT_BASE(3, "y");
        ENT_BASE(1, "");
    } else if (n >= 3 && strcmp(b + n - 3, "ean") == 0) {
        ENT_BASE(3, "");
        ENT_BASE(1, "");
    } else if (n >= 2 && strcmp(b + n - 2, "an") == 0) {
        ENT_BASE(1, "");
        ENT_BASE(2, "");
        ENT_BASE(2, "o");
        ENT_BASE(2, "a");
    } else if (n >= 3 && strcmp(b + n - 3, "ese") == 0) {
        ENT_BASE(3, "");
        ENT_BASE(3, "a");
        ENT_BASE(3, "on");
    } else if (n >= 3 && strcmp(b + n - 3, "ish") == 0) {
        ENT_BASE(3, "");
        ENT_BASE(3, "ey");
        ENT_BASE(3, "and");
        ENT_BASE(3, "en");
        ENT_BASE(3, "land");
    } else if (n >= 1 && b[n - 1] == 'i') {
        ENT_BASE(1, "");
        ENT_BASE(1, "a");
    }
#undef ENT_BASE
    return (int)cnt;
}

static void ent_merge(ent_state *st) {
    ent_cand *c = st->c;
    size_t nc = st->nc;
    /* same first and last word: John Kerry, John F. Kerry, John Forbes Kerry */
    for (size_t i = 0; i < nc; i++) {
        if (c[i].ntok < 2)
            continue;
        const char *ki = strmap_key(st->keys, (uint32_t)i, NULL), *fi, *li;
        size_t nfi, nli;
        ent_first_word(ki, &fi, &nfi);
        ent_last_word(ki, &li, &nli);
        for (size_t j = i + 1; j < nc; j++) {
            if (c[j].ntok < 2)
                continue;
            const char *kj = strmap_key(st->keys, (uint32_t)j, NULL), *fj, *lj;
            size_t nfj, nlj;
            ent_first_word(kj, &fj, &nfj);
            ent_last_word(kj, &lj, &nlj);
            if (nfi == nfj && nli == nlj && memcmp(fi, fj, nfi) == 0 && memcmp(li, lj, nli) == 0 &&
                (ent_person_voted(&c[i]) || ent_person_voted(&c[j]) ||
                 (c[i].votes[1] == 0 && c[j].votes[1] == 0)))
                ent_union(c, (uint32_t)i, (uint32_t)j);
        }
    }
    /* surnames: Kerry -> John Kerry (the most mentioned person of that name) */
    for (size_t i = 0; i < nc; i++) {
        if (c[i].ntok != 1 || c[i].demonym || c[i].acronym || c[i].votes[1] > c[i].votes[0] + 1 ||
            c[i].votes[2] > c[i].votes[0] + 1)
            continue;
        const char *ki = strmap_key(st->keys, (uint32_t)i, NULL);
        size_t best = nc;
        for (size_t j = 0; j < nc; j++) {
            if (c[j].ntok < 2 || c[j].votes[1] > c[j].votes[0] || c[j].votes[2] > c[j].votes[0])
                continue;
            const char *lj;
            size_t nlj;
            ent_last_word(strmap_key(st->keys, (uint32_t)j, NULL), &lj, &nlj);
            if (nlj == strlen(ki) && memcmp(lj, ki, nlj) == 0 &&
                (best == nc || c[j].count > c[best].count))
                best = j;
        }
        if (best < nc)
            ent_union(c, (uint32_t)i, (uint32_t)best);
    }
    /* acronyms: DNC -> Democratic National Committee, U.S. -> United States */
    for (size_t i = 0; i < nc; i++) {
        if (c[i].ntok != 1 || !c[i].acronym)
            continue;
        const char *ki = strmap_key(st->keys, (uint32_t)i, NULL);
        for (size_t j = 0; j < nc; j++) {
            if (c[j].ntok < 2 || ent_person_voted(&c[j]))
                continue;
            char ini[32];
            ent_initials(strmap_key(st->keys, (uint32_t)j, NULL), ini, sizeof ini);
            if (strlen(ini) >= 2 && strcmp(ini, ki) == 0)
                ent_union(c, (uint32_t)i, (uint32_t)j);
        }
    }
    /* parts of organisation names: Nordlys -> Nordlys Aerospace (when no
     * other organisation starts with it); City Council -> Merrow City
     * Council */
    uint32_t *prefix_of = malloc((nc ? nc : 1) * sizeof *prefix_of);
    if (prefix_of)
        for (size_t i = 0; i < nc; i++)
            prefix_of[i] = 0;
    for (size_t pass = 0; pass < 2 && prefix_of; pass++)
        for (size_t j = 0; j < nc; j++) {
            if (c[j].ntok < 2 || c[j].votes[1] <= c[j].votes[0] || c[j].votes[1] < c[j].votes[2])
                continue;
            const char *kj = strmap_key(st->keys, (uint32_t)j, NULL);
            size_t lj = strlen(kj);
            for (size_t i = 0; i < nc; i++) {
                if (i == j || c[i].ntok >= c[j].ntok || c[i].demonym)
                    continue;
                const char *ki = strmap_key(st->keys, (uint32_t)i, NULL);
                size_t li = strlen(ki);
                if (c[i].ntok == 1) {
                    if (c[i].votes[0] > 0 || c[i].votes[2] > 0 || c[i].acronym)
                        continue;
                    if (li < lj && memcmp(kj, ki, li) == 0 && kj[li] == ' ') {
                        if (pass == 0)
                            prefix_of[i]++;
                        else if (prefix_of[i] == 1)
                            ent_union(c, (uint32_t)i, (uint32_t)j);
                    }
                } else {
                    const char *lw;
                    size_t nlw;
                    ent_last_word(ki, &lw, &nlw);
                    if (pass == 1 && li < lj && strcmp(kj + lj - li, ki) == 0 &&
                        kj[lj - li - 1] == ' ' && ent_lower_is(lw, nlw, ent_org_words) &&
                        c[i].votes[0] == 0)
                        ent_union(c, (uint32_t)i, (uint32_t)j);
                }
            }
        }
    free(prefix_of);
    /* demonyms: Ecuadorian, Ecuadorean -> Ecuador (when Ecuador is named) */
    for (size_t i = 0; i < nc; i++) {
        if (!c[i].demonym)
            continue;
        char bases[8][64];
        int nb = ent_demonym_bases(strmap_key(st->keys, (uint32_t)i, NULL), bases, 8);
        for (int b = 0; b < nb; b++) {
            uint32_t j = strmap_get(st->keys, bases[b], strlen(bases[b]));
            if (j == STRMAP_NONE || j == i || c[j].demonym || ent_person_voted(&c[j]))
                continue;
            c[j].votes[2] += 3;
            ent_union(c, (uint32_t)i, j);
            break;
        }
    }
}

/* --------------------------------------------------------- output */

typedef struct ent_form {
    const char *s;
    size_t n;
    uint32_t count;
    int demonym; /* 2: a common word ("Embassy"), named only when nothing else is */
} ent_form;

static int ent_form_add(ent_form **f, size_t *n, size_t *cap, const char *s, size_t len,
                        int demonym) {
    for (size_t i = 0; i < *n; i++)
        if ((*f)[i].n == len && memcmp((*f)[i].s, s, len) == 0) {
            (*f)[i].count++;
            return 0;
        }
    ent_form x = {s, len, 1, demonym};
    return VEC_PUSH(*f, *n, *cap, x);
}

static size_t ent_upper_count(const char *s, size_t n) {
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        u += s[i] >= 'A' && s[i] <= 'Z';
    return u;
}

static size_t ent_words_in(const char *s, size_t n) {
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

int entities_find(const ch_adoc *docs, size_t n_docs, const char *language, ch_arena *a,
                  ch_entities *out) {
    memset(out, 0, sizeof *out);
    ch_acorpus k;
    ent_state st;
    memset(&st, 0, sizeof st);
    int rc = aword_corpus_build(&k, docs, n_docs, language);
    uint32_t *roots = NULL, *order = NULL;
    ent_form *forms = NULL;
    size_t nf = 0, fcap = 0;
    ch_entity *ents = NULL;
    size_t ne = 0, ecap = 0;
    if (rc != 0)
        goto done;
    rc = -1;
    st.k = &k;
    st.keys = strmap_new();
    if (!st.keys)
        goto done;
    for (size_t g = 0; g < k.n_sents; g++)
        if (ent_scan_sentence(&st, (uint32_t)g) != 0)
            goto done;
    ent_merge(&st);

    /* group mentions by root, in mention order */
    roots = malloc((st.nm ? st.nm : 1) * sizeof *roots);
    order = malloc((st.nm ? st.nm : 1) * sizeof *order);
    if (!roots || !order)
        goto done;
    for (size_t i = 0; i < st.nm; i++)
        roots[i] = ent_root(st.c, st.m[i].cand);
    uint8_t *seen = calloc(st.nc ? st.nc : 1, 1);
    if (!seen)
        goto done;
    for (size_t i = 0; i < st.nm; i++) {
        uint32_t r = roots[i];
        if (seen[r])
            continue;
        seen[r] = 1;
        /* totals for the group */
        int votes[3] = {0, 0, 0};
        uint32_t mid = 0, nment = 0;
        int all_dem = 1, acronym = 0, all_common = 1;
        for (size_t c = 0; c < st.nc; c++)
            if (ent_root(st.c, (uint32_t)c) == r) {
                for (int v = 0; v < 3; v++)
                    votes[v] += st.c[c].votes[v];
                mid += st.c[c].mid;
                all_dem &= st.c[c].demonym;
                acronym |= st.c[c].acronym;
                all_common &= st.c[c].common;
            }
        for (size_t m = i; m < st.nm; m++)
            nment += roots[m] == r;
        int multi = 0;
        for (size_t c = 0; c < st.nc; c++)
            if (ent_root(st.c, (uint32_t)c) == r && st.c[c].ntok >= 2)
                multi = 1;
        if (all_dem || (mid == 0 && !multi) || all_common)
            continue; /* an adjective of nationality alone, only ever sentence-initial, or a
                         common word written with a capital ("Internet", "Embassy") */
        ch_entity e;
        memset(&e, 0, sizeof e);
        e.kind = CH_ENT_OTHER;
        int best = 0;
        for (int v = 0; v < 3; v++)
            if (votes[v] > best) {
                best = votes[v];
                e.kind = (ch_entkind)v;
            }
        /* weak evidence ("in X" once among many mentions) decides nothing */
        if (best < 2 || (e.kind == CH_ENT_PLACE && (uint32_t)votes[2] * 4 < nment))
            e.kind = CH_ENT_OTHER;
        if (e.kind == CH_ENT_OTHER && acronym)
            e.kind = CH_ENT_ORG;
        ch_mention *ms = arena_alloc(a, nment * sizeof *ms);
        uint32_t *pd = arena_calloc(a, n_docs ? n_docs : 1, sizeof *pd);
        if (!ms || !pd) {
            free(seen);
            goto done;
        }
        nf = 0;
        size_t nm = 0;
        for (size_t m = i; m < st.nm; m++) {
            if (roots[m] != r)
                continue;
            const ent_ment *em = &st.m[m];
            const ch_adoc *d = &docs[em->doc];
            ch_mention *x = &ms[nm++];
            size_t local = em->g - k.doc_first[em->doc];
            x->doc = em->doc;
            x->sent = d->sents[local].sent;
            x->off = em->off;
            x->len = em->len;
            x->src_off = aword_src(d, em->off);
            x->src_len = aword_src_end(d, em->off + em->len) - x->src_off;
            pd[em->doc]++;
            if (ent_form_add(&forms, &nf, &fcap, d->text + em->off, em->len,
                             st.c[em->cand].demonym  ? 1
                             : st.c[em->cand].common ? 2
                                                     : 0) != 0) {
                free(seen);
                goto done;
            }
        }
        /* the name: most frequent non-demonym form, fuller forms for people */
        size_t bi = nf;
        int any_plain = 0;
        for (size_t f = 0; f < nf; f++)
            any_plain |= forms[f].demonym == 0;
        for (size_t f = 0; f < nf; f++) {
            if (forms[f].demonym == 1 || (forms[f].demonym == 2 && any_plain))
                continue;
            if (bi == nf) {
                bi = f;
                continue;
            }
            size_t wf = ent_words_in(forms[f].s, forms[f].n),
                   wb = ent_words_in(forms[bi].s, forms[bi].n);
            int better;
            if (e.kind == CH_ENT_PERSON && (wf >= 2) != (wb >= 2))
                better = wf >= 2;
            else if (forms[f].count != forms[bi].count)
                better = forms[f].count > forms[bi].count;
            else if (forms[f].n != forms[bi].n)
                better = forms[f].n > forms[bi].n;
            else
                better = ent_upper_count(forms[f].s, forms[f].n) <
                         ent_upper_count(forms[bi].s, forms[bi].n);
            if (better)
                bi = f;
        }
        if (bi == nf)
            bi = 0;
        e.name = arena_strndup(a, forms[bi].s, forms[bi].n);
        /* aliases: every form, names and the forms with their titles */
        for (size_t m = i; m < st.nm; m++) {
            if (roots[m] != r)
                continue;
            const ent_ment *em = &st.m[m];
            if (em->foff != em->off &&
                ent_form_add(&forms, &nf, &fcap, docs[em->doc].text + em->foff, em->flen, 0) != 0) {
                free(seen);
                goto done;
            }
        }
        const char **al = arena_alloc(a, nf * sizeof *al);
        if (!e.name || !al) {
            free(seen);
            goto done;
        }
        for (size_t f = 0; f < nf; f++) {
            al[f] = arena_strndup(a, forms[f].s, forms[f].n);
            if (!al[f]) {
                free(seen);
                goto done;
            }
        }
        e.aliases = al;
        e.n_aliases = nf;
        e.per_doc = pd;
        e.mentions = ms;
        e.n_mentions = nm;
        if (VEC_PUSH(ents, ne, ecap, e) != 0) {
            free(seen);
            goto done;
        }
    }
    free(seen);
    /* most mentioned first, then by name */
    for (size_t i = 1; i < ne; i++) {
        ch_entity x = ents[i];
        size_t j = i;
        while (j > 0 &&
               (ents[j - 1].n_mentions < x.n_mentions ||
                (ents[j - 1].n_mentions == x.n_mentions && strcmp(ents[j - 1].name, x.name) > 0))) {
            ents[j] = ents[j - 1];
            j--;
        }
        ents[j] = x;
    }
    out->e = arena_alloc(a, (ne ? ne : 1) * sizeof *out->e);
    if (!out->e)
        goto done;
    if (ne)
        memcpy(out->e, ents, ne * sizeof *ents);
    out->n = ne;
    out->n_docs = n_docs;
    rc = 0;
done:
    if (rc != 0)
        memset(out, 0, sizeof *out);
    free(roots);
    free(order);
    free(forms);
    free(ents);
    free(st.c);
    free(st.m);
    buf_free(&st.kb);
    strmap_free(st.keys);
    aword_corpus_free(&k);
    return rc;
}

long entities_lookup(const ch_entities *es, const char *name) {
    size_t n = strlen(name);
    for (size_t i = 0; i < es->n; i++) {
        const ch_entity *e = &es->e[i];
        for (size_t j = 0; j <= e->n_aliases; j++) {
            const char *s = j < e->n_aliases ? e->aliases[j] : e->name;
            if (strlen(s) != n)
                continue;
            size_t k = 0;
            while (k < n && tolower((unsigned char)s[k]) == tolower((unsigned char)name[k]))
                k++;
            if (k == n)
                return (long)i;
        }
    }
    return -1;
}

/*
 * facts.c - grouping sentences that state the same thing across reports.
 *
 * Each sentence is first classified:
 *   denial     a cue of rejection: deny/denied/denies, "is false", "untrue",
 *              "no truth", rejects/refutes/dismisses;
 *   claim      an attribution cue: a speech or assertion verb (said, says,
 *              claimed, alleged, tweeted, accused, insisted, ...) or
 *              "according to";
 *   statement  anything else.
 * The party of a claim or denial is the capitalised name run next to the
 * cue ("WikiLeaks said", "said John Kirby", "according to the ministry")
 * or the run that opens the sentence; a pronoun or function word alone
 * ("He said", "That said") names no party, and idioms that attribute
 * nothing ("That said, ...", "Having said that", "Needless to say") are no
 * claim.
 *
 * Grouping is greedy in document order: a sentence joins the existing fact
 * whose representative is most similar (cosine of TF-IDF vectors at least
 * the threshold) among those of the SAME kind whose party does not differ;
 * otherwise it starts a new fact. So "WikiLeaks says Kerry pressured Ecuador"
 * and "the State Department denies Kerry pressured Ecuador" never merge, and
 * neither becomes the plain statement "Kerry pressured Ecuador".
 *
 * Cost: O(sentences x facts) cosine merges; meant for clusters a reader
 * looks at (tens of reports), not for thousand-report streams.
 */
#include "analyze/facts.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/vec.h"

/* Cue words, lower case, matched as whole words. */
static const char *const facts_denial_cues[] = {
    "deny",     "denies",   "denied",   "denying",   "denial",    "untrue",
    "refuted",  "refutes",  "rejected", "rejects",   "dismissed", "dismisses",
    "disputed", "disputes", "baseless", "unfounded", "false",     NULL,
};
static const char *const facts_claim_cues[] = {
    "said",      "says",      "say",       "claimed",  "claims",  "claim",    "alleged",
    "alleges",   "allege",    "tweeted",   "accused",  "accuses", "insisted", "insists",
    "asserted",  "asserts",   "told",      "stated",   "states",  "reported", "reports",
    "announced", "announces", "confirmed", "confirms", "argued",  "argues",   "maintained",
    "maintains", "suggested", "suggests",  "warned",   "warns",   "wrote",    "added",
    "according", NULL,
};

static int facts_is_word_char(unsigned char ch) {
    return isalnum(ch) || ch == '\'' || ch >= 0x80;
}

/* 1 if the lower-cased word w[0..n) is in the NULL-terminated list. */
static int facts_in_list(const char *const *list, const char *w, size_t n) {
    char low[32];
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    for (size_t i = 0; list[i]; i++)
        if (!strcmp(list[i], low))
            return 1;
    return 0;
}

typedef struct facts_word {
    size_t off, len;
} facts_word;

/* Splits text into words (runs of letters, digits, apostrophes, non-ASCII). */
static size_t facts_words(const char *t, size_t len, facts_word *w, size_t cap) {
    size_t n = 0, i = 0;
    while (i < len && n < cap) {
        while (i < len && !facts_is_word_char((unsigned char)t[i]))
            i++;
        size_t s = i;
        while (i < len && facts_is_word_char((unsigned char)t[i]))
            i++;
        if (i > s)
            w[n++] = (facts_word){s, i - s};
    }
    return n;
}

static int facts_capitalised(const char *t, const facts_word *w) {
    return isupper((unsigned char)t[w->off]);
}

/* Connectors that may sit inside an organisation's name. */
static int facts_name_glue(const char *t, const facts_word *w) {
    return (w->len == 2 && !strncmp(t + w->off, "of", 2)) ||
           (w->len == 3 && !strncmp(t + w->off, "the", 3));
}

/* Capitalised words that name a time, not a party. */
static const char *const facts_time_words[] = {
    "monday",   "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march",    "april",     "may",      "june",   "july",     "august", "september",
    "october",  "november", "december",  "jan",      "feb",    "mar",      "apr",    "jun",
    "jul",      "aug",      "sept",      "sep",      "oct",    "nov",      "dec",    NULL,
};

/* Capitalised words that stand for a party named elsewhere, or for none
 * ("That said, ..."): a run of one of them alone is no party. */
static const char *const facts_pronouns[] = {
    "he",    "she",  "it",   "they", "we",    "i",    "you",   "this", "that",  "these", "those",
    "there", "here", "what", "who",  "which", "his",  "her",   "its",  "their", "our",   "my",
    "your",  "but",  "and",  "so",   "also",  "then", "as",    "if",   "when",  "while", "a",
    "an",    "the",  "in",   "on",   "at",    "for",  "after", NULL,
};

/* 1 if the claim cue at word i is part of an idiom that attributes
 * nothing: "That said," / "This said,", "Having said that", "Needless to
 * say". */
static int facts_idiom(const char *t, size_t len, const facts_word *w, size_t i) {
    static const char *const that[] = {"that", "this", NULL};
    static const char *const having[] = {"having", NULL};
    static const char *const needless[] = {"needless", NULL};
    const char *s = t + w[i].off;
    if (w[i].len == 4 && !strncmp(s, "said", 4)) {
        size_t after = w[i].off + w[i].len;
        if (i > 0 && facts_in_list(that, t + w[i - 1].off, w[i - 1].len) && after < len &&
            t[after] == ',')
            return 1;
        if (i > 0 && facts_in_list(having, t + w[i - 1].off, w[i - 1].len))
            return 1;
    }
    if (w[i].len == 3 && !strncmp(s, "say", 3) && i > 1 && w[i - 1].len == 2 &&
        !strncmp(t + w[i - 1].off, "to", 2) &&
        facts_in_list(needless, t + w[i - 2].off, w[i - 2].len))
        return 1;
    return 0;
}

/* 1 if words k and k + 1 may belong to one name: only spaces, one line
 * break or the periods of initials and titles ("J.D. Bowen", "Mr. Trump")
 * lie between them, no comma, quotation mark or dash ("Roger Ailes, I
 * said"). */
static int facts_joined(const char *t, const facts_word *w, size_t k) {
    size_t lines = 0;
    for (size_t i = w[k].off + w[k].len; i < w[k + 1].off; i++) {
        if (t[i] == '\n')
            lines++;
        else if (t[i] != ' ' && t[i] != '\t' && t[i] != '\r' && t[i] != '.')
            return 0;
    }
    return lines < 2;
}

/* The capitalised run ending at word e (inclusive) going left, or starting at
 * word s going right; returns an arena copy of it or NULL. A run that is
 * only a day or month name, or only a pronoun or function word, is no
 * party. */
static const char *facts_run(const char *t, const facts_word *w, size_t n, size_t at, int dir,
                             ch_arena *a) {
    if (at >= n || !facts_capitalised(t, &w[at]))
        return NULL;
    size_t first = at, last = at;
    if (dir > 0) {
        while (last + 1 < n && facts_joined(t, w, last) &&
               (facts_capitalised(t, &w[last + 1]) ||
                (last + 2 < n && facts_joined(t, w, last + 1) && facts_name_glue(t, &w[last + 1]) &&
                 facts_capitalised(t, &w[last + 2]))))
            last += facts_capitalised(t, &w[last + 1]) ? 1 : 2;
    } else {
        while (first > 0 && facts_joined(t, w, first - 1) && facts_capitalised(t, &w[first - 1]))
            first--;
    }
    if (first == last && (facts_in_list(facts_time_words, t + w[first].off, w[first].len) ||
                          facts_in_list(facts_pronouns, t + w[first].off, w[first].len)))
        return NULL;
    size_t off = w[first].off, end = w[last].off + w[last].len;
    return arena_strndup(a, t + off, end - off);
}

ch_fact_kind facts_classify(const char *text, size_t len, ch_arena *a, const char **party) {
    facts_word w[256];
    size_t n = facts_words(text, len, w, 256);
    *party = NULL;
    ch_fact_kind kind = FACT_STATEMENT;
    size_t cue = n;
    for (size_t i = 0; i < n; i++) {
        const char *s = text + w[i].off;
        if (facts_in_list(facts_denial_cues, s, w[i].len) ||
            (i + 1 < n && w[i].len == 2 && !strncmp(s, "no", 2) && w[i + 1].len == 5 &&
             !strncmp(text + w[i + 1].off, "truth", 5))) {
            kind = FACT_DENIAL;
            cue = i;
            break;
        }
        if (kind == FACT_STATEMENT && facts_in_list(facts_claim_cues, s, w[i].len) &&
            !facts_idiom(text, len, w, i)) {
            kind = FACT_CLAIM;
            cue = i;
        }
    }
    if (kind == FACT_STATEMENT || !a)
        return kind;
    /* the party: "according to X", "X said", "said X", else the opening name */
    const char *p = NULL;
    if (w[cue].len == 9 && !strncmp(text + w[cue].off, "according", 9))
        p = facts_run(text, w, n,
                      cue + 2 < n && facts_name_glue(text, &w[cue + 2]) ? cue + 3 : cue + 2, 1, a);
    if (!p && cue > 0)
        p = facts_run(text, w, n, cue - 1, -1, a);
    if (!p)
        p = facts_run(text, w, n, cue + 1, 1, a);
    if (!p && n > 1 && facts_capitalised(text, &w[1]))
        p = facts_run(text, w, n, 0, 1, a);
    *party = p;
    return kind;
}

/* Parties differ when both are known and share no word. */
static int facts_parties_differ(const char *x, const char *y) {
    if (!x || !y)
        return 0;
    facts_word wx[16], wy[16];
    size_t nx = facts_words(x, strlen(x), wx, 16), ny = facts_words(y, strlen(y), wy, 16);
    for (size_t i = 0; i < nx; i++)
        for (size_t j = 0; j < ny; j++)
            if (wx[i].len == wy[j].len && wx[i].len > 2 &&
                !strncmp(x + wx[i].off, y + wy[j].off, wx[i].len))
                return 0;
    return 1;
}

typedef struct facts_build {
    uint32_t *sents;
    size_t n, cap;
    ch_fact_kind kind;
    const char *party;
    uint32_t first; /* first sentence index, for ordering */
} facts_build;

static int facts_cmp(const void *pa, const void *pb) {
    const ch_fact *a = pa, *b = pb;
    if (a->n_docs != b->n_docs)
        return a->n_docs > b->n_docs ? -1 : 1;
    return a->sents[0] < b->sents[0] ? -1 : a->sents[0] > b->sents[0];
}

int facts_analyze(const chorus_cluster *c, const ch_svec *vec, double threshold, ch_arena *a,
                  ch_facts *out) {
    out->f = NULL;
    out->n = 0;
    facts_build *fb = NULL;
    size_t n_fb = 0, cap_fb = 0;
    int rc = -1;
    for (size_t i = 0; i < c->n_sents; i++) {
        const ch_sentence *s = &c->sents[i];
        const char *party;
        ch_fact_kind kind = facts_classify(c->docs[s->doc].text + s->off, s->len, a, &party);
        size_t best = n_fb;
        double best_sim = threshold;
        for (size_t k = 0; k < n_fb && vec[i].n; k++) {
            if (fb[k].kind != kind || facts_parties_differ(fb[k].party, party))
                continue;
            if (c->sents[fb[k].sents[0]].doc == s->doc)
                continue; /* a report restating itself is not more support */
            double sim = svec_dot(&vec[i], &vec[fb[k].sents[0]]);
            if (sim >= best_sim) {
                best_sim = sim;
                best = k;
            }
        }
        if (best == n_fb) {
            facts_build nb = {NULL, 0, 0, kind, party, (uint32_t)i};
            if (VEC_PUSH(fb, n_fb, cap_fb, nb) != 0)
                goto done;
        }
        if (VEC_PUSH(fb[best].sents, fb[best].n, fb[best].cap, (uint32_t)i) != 0)
            goto done;
        if (!fb[best].party)
            fb[best].party = party;
    }
    out->f = arena_calloc(a, n_fb ? n_fb : 1, sizeof *out->f);
    if (!out->f)
        goto done;
    for (size_t k = 0; k < n_fb; k++) {
        ch_fact *f = &out->f[k];
        uint32_t *sents = arena_alloc(a, fb[k].n * sizeof *sents);
        uint32_t *docs = arena_alloc(a, fb[k].n * sizeof *docs);
        if (!sents || !docs)
            goto done;
        memcpy(sents, fb[k].sents, fb[k].n * sizeof *sents);
        size_t nd = 0;
        for (size_t j = 0; j < fb[k].n; j++) { /* sentences come in report order */
            uint32_t d = c->sents[sents[j]].doc;
            if (!nd || docs[nd - 1] != d)
                docs[nd++] = d;
        }
        f->sents = sents;
        f->n_sents = fb[k].n;
        f->docs = docs;
        f->n_docs = nd;
        f->kind = fb[k].kind;
        f->party = fb[k].party;
    }
    out->n = n_fb;
    qsort(out->f, out->n, sizeof *out->f, facts_cmp);
    rc = 0;
done:
    for (size_t k = 0; k < n_fb; k++)
        free(fb[k].sents);
    free(fb);
    return rc;
}

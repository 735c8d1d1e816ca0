/*
 * prior.c - what selection prefers in a news sentence besides its content:
 * one multiplicative factor per sentence, 1 meaning neutral, applied to
 * the relevance of MMR (the default method) and to the value of a sentence
 * in the ILP (ilp.c). Each part is switched by a CHORUS_PRIOR_* bit, and
 * the query's part by the presence of a query.
 *
 *   prior_i = (1 + PRIOR_SUPPORT * support_i + PRIOR_POSITION / (1 + pos_i)
 *                + PRIOR_QUERY * cos(i, query))
 *             * (1 - PRIOR_CONTEXT  if i needs the sentence before it)
 *             * min(1, words_i / PRIOR_MIN_WORDS) * min(1, PRIOR_MAX_WORDS / words_i)
 *
 * support_i: how much of the other reports carry the same content - the
 * mean over the other reports d of the best cosine between i and a
 * sentence of d (from the sparse similarity graph, graph.c, so huge
 * clusters stay cheap). It is the citation machinery's notion (a report
 * carries a sentence when it has a close one) made graded: content that
 * every outlet repeats is the story, and near-identical copies of one
 * sentence in several outlets lift that sentence once, as one.
 * position: the opening sentences of a news report carry its lead.
 * context: a sentence that opens with a pronoun or connective ("He",
 *   "But", "This"), starts in lower case, or holds an odd number of
 *   quotation marks (a quotation opened or closed elsewhere) reads badly
 *   out of its place.
 * length: fragments under PRIOR_MIN_WORDS words and run-ons over
 *   PRIOR_MAX_WORDS (often two sentences the splitter could not part, or a
 *   list) lose in proportion.
 * query: cosine to the query's TF-IDF vector, so sentences on the topic
 *   gain while the centroid (or the concepts) keep the coverage.
 *
 * Weights were measured with `chorus eval` on the development data
 * (docs/benchmarks.md has the ablations), looking for values that help
 * everywhere rather than the best on one set: support 0.5 and position 0.1
 * help full-length clusters at 100 words (DUC 2006, full Multi-News) and
 * cost nothing measurable on the short Multi-News clusters; they are the
 * default (CHORUS_PRIOR_DEFAULT). Length and context cost a little ROUGE
 * everywhere - sentences opening with "He" or "But" carry as much
 * reference content as any other - so they are off by default and there
 * for readers who prefer self-contained sentences; the context penalty is
 * kept mild (0.1). The query weight 4 sits in the middle of a plateau (2
 * to 6) on the DUC 2006 topics.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/graph.h"
#include "summarize/method.h"

#define PRIOR_SUPPORT 0.5
#define PRIOR_POSITION 0.1
#define PRIOR_CONTEXT 0.1
#define PRIOR_QUERY 4.0
#define PRIOR_MIN_WORDS 8.0
#define PRIOR_MAX_WORDS 80.0

static int prior_word_is(const char *t, size_t n, const char *w) {
    size_t k = strlen(w);
    if (n < k || strncmp(t, w, k) != 0)
        return 0;
    return n == k || !((t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z') ||
                       (t[k] >= '0' && t[k] <= '9') || t[k] == '\'');
}

int prior_needs_context(const char *t, size_t n) {
    static const char *const words[] = {
        "But",         "And",          "Or",          "So",       "Yet",       "He",
        "She",         "They",         "It",          "This",     "These",     "Those",
        "That",        "His",          "Her",         "Their",    "Its",       "Him",
        "Them",        "Also",         "However",     "Still",    "Then",      "Meanwhile",
        "Instead",     "Moreover",     "Besides",     "Thus",     "Hence",     "Therefore",
        "Furthermore", "Nevertheless", "Nonetheless", "Such",     "Both",      "Another",
        "Others",      "Otherwise",    "Indeed",      "Likewise", "Similarly", "Later",
    };
    size_t quotes = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '"')
            quotes++;
        else if ((unsigned char)t[i] == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
                 ((unsigned char)t[i + 2] == 0x9C || (unsigned char)t[i + 2] == 0x9D))
            quotes++;
    }
    if (quotes % 2)
        return 1; /* a quotation opened or closed elsewhere */
    while (n && (*t == ' ' || *t == '"' || *t == '\'' || *t == '(')) {
        t++;
        n--;
    }
    if (n && *t >= 'a' && *t <= 'z')
        return 1; /* starts in the middle of something */
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (prior_word_is(t, n, words[k]))
            return 1;
    return 0;
}

int prior_compute(const ch_rank_input *in, unsigned which, double *prior) {
    const size_t n = in->n;
    const double a_pos = PRIOR_POSITION, a_sup = PRIOR_SUPPORT, a_ctx = PRIOR_CONTEXT,
                 l_min = PRIOR_MIN_WORDS, l_max = PRIOR_MAX_WORDS;
    const int query = in->query && in->query->n;
    for (size_t i = 0; i < n; i++)
        prior[i] = 1.0;
    if ((which & CHORUS_PRIOR_SUPPORT) && in->n_docs > 1) {
        double *sup = malloc(n * sizeof *sup);
        if (!sup || graph_support(in, sup, NULL) != 0) {
            free(sup);
            return -1;
        }
        for (size_t i = 0; i < n; i++)
            prior[i] += a_sup * sup[i];
        free(sup);
    }
    for (size_t i = 0; i < n; i++) {
        if (which & CHORUS_PRIOR_POSITION)
            prior[i] += a_pos / (1.0 + in->pos[i]);
        if (query)
            prior[i] += PRIOR_QUERY * svec_dot(&in->vec[i], in->query);
        if ((which & CHORUS_PRIOR_CONTEXT) && in->text &&
            prior_needs_context(in->text[i], in->text_len[i]))
            prior[i] *= 1.0 - a_ctx;
        if (which & CHORUS_PRIOR_LENGTH) {
            double w = in->n_words[i];
            if (w < l_min && w > 0)
                prior[i] *= w / l_min;
            if (w > l_max)
                prior[i] *= l_max / w;
        }
    }
    return 0;
}

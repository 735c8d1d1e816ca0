/*
 * rouge_boot.c - ROUGE-1.5.5's averages and bootstrap confidence intervals.
 *
 * ROUGE-1.5.5 does not print the plain mean of the per-evaluation scores:
 * its Average_R/P/F are the mean of its bootstrap samples, so matching its
 * digits means drawing the very samples it draws. It does this, for each
 * metric:
 *
 *   instances = evaluation keys "<id>.<system>" in byte order
 *   for i in 0 .. resamples-1:
 *       srand(i)                       # Perl's drand48, seeded with i
 *       pick N = |instances| instances with int(rand(N)), summing their
 *       (R, P, F) -- or, with -t 1, their (reference count, peer count,
 *       hits) and then turning the sums into R, P and F
 *       sample = sums / N              # -t 0
 *   each of R, P, F: sort the samples ascending, average them in that
 *   order -> Average; the interval bounds are read off the sorted samples
 *   at (100 - c)/2 % from either end with ROUGE-1.5.5's interpolation.
 *
 * Perl's rand is the 48-bit linear congruential generator of drand48:
 * x' = (0x5DEECE66D x + 0xB) mod 2^48, srand(s) sets x = s * 2^16 +
 * 0x330E, and rand(N) = N * x' / 2^48. Reproducing it gives ROUGE-1.5.5's
 * figures, intervals included, to the last digit. The seed of sample i is
 * config.seed + i, so seed 0 is ROUGE-1.5.5's choice and any other seed
 * gives other, equally valid, intervals.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval/rouge.h"

typedef struct rboot_rng {
    uint64_t x;
} rboot_rng;

static void rboot_srand(rboot_rng *g, uint32_t seed) {
    g->x = 0x330EULL + ((uint64_t)seed << 16);
}

static double rboot_drand(rboot_rng *g) {
    g->x = (g->x * 0x5DEECE66DULL + 0xBULL) & 0xFFFFFFFFFFFFULL;
    return (double)g->x * 0x1p-48; /* exact: x / 2^48 */
}

static int rboot_cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* R, P, F of summed counts (reference, peer, hits) as ROUGE-1.5.5 computes
 * them for -t 1. */
static void rboot_rpf(double model, double peer, double hit, double alpha, double out[3]) {
    double R = model > 0 ? hit / model : 0;
    double P = peer > 0 ? hit / peer : 0;
    double den = (1 - alpha) * P + alpha * R;
    out[0] = R;
    out[1] = P;
    out[2] = den > 0 ? (R * P) / den : 0;
}

/* Element i of a sorted sample array, 0 past its end (as Perl reads an
 * element that does not exist). */
static double rboot_at(const double *a, size_t n, long i) {
    return i >= 0 && (size_t)i < n ? a[i] : 0;
}

chorus_status chorus_rouge_average_of(const chorus_rouge *r, size_t m, chorus_rouge_average *out) {
    if (!r || !out || m >= chorus_rouge_metric_count(r))
        return CHORUS_ERR_INVALID;
    memset(out, 0, sizeof *out);
    const chorus_rouge_config *cfg = rouge_config(r);
    size_t n = chorus_rouge_size(r);
    out->n_evals = n;
    if (n == 0)
        return CHORUS_OK;

    size_t *order = rouge_sorted_evals(r, 0);
    double *val = malloc(n * 3 * sizeof *val); /* per instance, sorted order */
    if (!order || !val) {
        free(order);
        free(val);
        return CHORUS_ERR_NOMEM;
    }
    int by_eval = cfg->counting == CHORUS_ROUGE_BY_EVAL;
    double sum[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        double v[6];
        rouge_eval_values(r, order[i], m, v);
        out->model_count += v[3];
        out->peer_count += v[4];
        out->hits += v[5];
        for (int k = 0; k < 3; k++) {
            val[3 * i + k] = by_eval ? v[k] : v[3 + k];
            sum[k] += val[3 * i + k];
        }
    }
    free(order);

    double plain[3];
    if (by_eval) {
        for (int k = 0; k < 3; k++)
            plain[k] = rouge_round5(sum[k] / (double)n);
    } else {
        rboot_rpf(sum[0], sum[1], sum[2], cfg->alpha, plain);
        for (int k = 0; k < 3; k++)
            plain[k] = rouge_round5(plain[k]);
    }
    if (cfg->resamples <= 0 || cfg->counting == CHORUS_ROUGE_RAW) {
        out->recall = plain[0];
        out->precision = plain[1];
        out->f = plain[2];
        out->recall_ci[0] = out->recall_ci[1] = plain[0];
        out->precision_ci[0] = out->precision_ci[1] = plain[1];
        out->f_ci[0] = out->f_ci[1] = plain[2];
        free(val);
        return CHORUS_OK;
    }

    size_t ns = (size_t)cfg->resamples;
    double *samples = malloc(ns * 3 * sizeof *samples); /* [k * ns + i] */
    if (!samples) {
        free(val);
        return CHORUS_ERR_NOMEM;
    }
    for (size_t i = 0; i < ns; i++) {
        rboot_rng g;
        rboot_srand(&g, cfg->seed + (uint32_t)i);
        double s[3] = {0, 0, 0};
        for (size_t k = 0; k < n; k++) {
            size_t pick = (size_t)((double)n * rboot_drand(&g));
            if (pick >= n)
                pick = n - 1;
            s[0] += val[3 * pick];
            s[1] += val[3 * pick + 1];
            s[2] += val[3 * pick + 2];
        }
        if (by_eval) {
            for (int q = 0; q < 3; q++)
                s[q] /= (double)n;
        } else {
            double t[3];
            rboot_rpf(s[0], s[1], s[2], cfg->alpha, t);
            memcpy(s, t, sizeof t);
        }
        for (int q = 0; q < 3; q++)
            samples[(size_t)q * ns + i] = s[q];
    }
    free(val);

    double delta = (double)ns * ((100 - cfg->confidence) / 2.0) / 100.0;
    long ciUa = (long)((double)ns - delta - 1);
    long ciLa = (long)delta;
    double ciR = (double)ns - delta - 1 - (double)ciUa;
    double avg[3], lo[3], hi[3];
    for (int q = 0; q < 3; q++) {
        double *a = samples + (size_t)q * ns;
        qsort(a, ns, sizeof *a, rboot_cmp);
        double tot = 0;
        for (size_t i = 0; i < ns; i++)
            tot += a[i];
        avg[q] = rouge_round5(tot / (double)ns);
        lo[q] = rouge_round5(rboot_at(a, ns, ciLa) +
                             (rboot_at(a, ns, ciLa + 1) - rboot_at(a, ns, ciLa)) * ciR);
        hi[q] = rouge_round5(rboot_at(a, ns, ciUa) +
                             (rboot_at(a, ns, ciUa + 1) - rboot_at(a, ns, ciUa)) * ciR);
    }
    free(samples);
    out->recall = avg[0];
    out->precision = avg[1];
    out->f = avg[2];
    out->recall_ci[0] = lo[0];
    out->recall_ci[1] = hi[0];
    out->precision_ci[0] = lo[1];
    out->precision_ci[1] = hi[1];
    out->f_ci[0] = lo[2];
    out->f_ci[1] = hi[2];
    return CHORUS_OK;
}

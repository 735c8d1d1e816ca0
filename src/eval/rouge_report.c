/*
 * rouge_report.c - ROUGE reports: ROUGE-1.5.5's text layout and JSON.
 *
 * The text report is what ROUGE-1.5.5 prints, line for line, so scripts
 * that parse its output keep working. Per metric:
 *
 *   ---------------------------------------------
 *   1 ROUGE-1 Average_R: 0.30472 (95%-conf.int. 0.28813 - 0.32163)
 *   1 ROUGE-1 Average_P: ...
 *   1 ROUGE-1 Average_F: ...
 *   .............................................          (with -d)
 *   1 ROUGE-1 Eval d061.1 R:0.40316 P:0.42500 F:0.41379    (with -d)
 *
 * "1" is the system id; per-evaluation lines carry "<id>.<system>", in
 * ROUGE-1.5.5's order (by leading number when ids have one, else bytes).
 * With -t 1 the Eval figures are the raw counts (reference, peer, hits);
 * with -t 2 the averages are replaced by one line of summed counts,
 * "M_count: .. P_count: .. H_count: ..". Numbers that ROUGE-1.5.5 prints
 * unformatted are printed as Perl prints numbers (%.15g).
 *
 * The JSON document (docs/rouge.md) carries the same figures plus the
 * options as ROUGE-1.5.5 flags.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "eval/rouge.h"
#include "util/buf.h"

#define RREP_DASHES "---------------------------------------------\n"
#define RREP_DOTS ".............................................\n"

static int rrep_text(const chorus_rouge *r, ch_buf *b) {
    const chorus_rouge_config *cfg = rouge_config(r);
    const char *sys = rouge_system_id(r);
    size_t n = chorus_rouge_size(r);
    size_t *order = NULL;
    if (cfg->per_eval && n > 0) {
        order = rouge_sorted_evals(r, 1);
        if (!order)
            return -1;
    }
    char conf[40];
    rouge_perl_num(conf, sizeof conf, cfg->confidence);
    int bad = 0;
    for (size_t m = 0; m < chorus_rouge_metric_count(r) && !bad; m++) {
        const char *name = chorus_rouge_metric_name(r, m);
        chorus_rouge_average avg;
        if (chorus_rouge_average_of(r, m, &avg) != CHORUS_OK) {
            bad = 1;
            break;
        }
        bad |= buf_puts(b, RREP_DASHES);
        if (cfg->counting != CHORUS_ROUGE_RAW) {
            bad |= buf_printf(b, "%s %s Average_R: %7.5f (%s%%-conf.int. %7.5f - %7.5f)\n", sys,
                              name, avg.recall, conf, avg.recall_ci[0], avg.recall_ci[1]);
            bad |= buf_printf(b, "%s %s Average_P: %7.5f (%s%%-conf.int. %7.5f - %7.5f)\n", sys,
                              name, avg.precision, conf, avg.precision_ci[0], avg.precision_ci[1]);
            bad |= buf_printf(b, "%s %s Average_F: %7.5f (%s%%-conf.int. %7.5f - %7.5f)\n", sys,
                              name, avg.f, conf, avg.f_ci[0], avg.f_ci[1]);
        } else {
            bad |= buf_printf(b, "%s %s M_count: %lld P_count: %lld H_count: %lld\n", sys, name,
                              (long long)avg.model_count, (long long)avg.peer_count,
                              (long long)avg.hits);
        }
        if (!cfg->per_eval)
            continue;
        bad |= buf_puts(b, RREP_DOTS);
        for (size_t k = 0; k < n && !bad; k++) {
            size_t i = order[k];
            double v[6];
            rouge_eval_values(r, i, m, v);
            const char *id = chorus_rouge_eval_id(r, i);
            if (cfg->counting == CHORUS_ROUGE_BY_EVAL) {
                bad |= buf_printf(b, "%s %s Eval %s.%s R:%7.5f P:%7.5f F:%7.5f\n", sys, name, id,
                                  sys, v[0], v[1], v[2]);
            } else {
                char a[40], p[40], h[40];
                rouge_perl_num(a, sizeof a, v[3]);
                rouge_perl_num(p, sizeof p, v[4]);
                rouge_perl_num(h, sizeof h, v[5]);
                bad |=
                    buf_printf(b, "%s %s Eval %s.%s R:%s P:%s F:%s\n", sys, name, id, sys, a, p, h);
            }
        }
    }
    free(order);
    return bad ? -1 : 0;
}

/* A count as an integer when it is one, else a real. */
static json_t *rrep_count(double x) {
    if (x == (double)(long long)x && x < 9e15 && x > -9e15)
        return json_integer((json_int_t)x);
    return json_real(x);
}

static int rrep_set(json_t *obj, const char *key, json_t *val) {
    return val ? json_object_set_new(obj, key, val) : -1;
}

static json_t *rrep_pair(double lo, double hi) {
    json_t *a = json_array();
    if (!a)
        return NULL;
    if (json_array_append_new(a, json_real(lo)) != 0 ||
        json_array_append_new(a, json_real(hi)) != 0) {
        json_decref(a);
        return NULL;
    }
    return a;
}

static json_t *rrep_json(const chorus_rouge *r) {
    const chorus_rouge_config *cfg = rouge_config(r);
    size_t n = chorus_rouge_size(r);
    json_t *root = json_object();
    json_t *metrics = json_array();
    char *flags = chorus_rouge_config_flags(cfg);
    size_t *order = n > 0 ? rouge_sorted_evals(r, 1) : NULL;
    int bad = !root || !metrics || !flags || (n > 0 && !order);
    static const char *const counting[] = {"eval", "token", "raw"};
    if (!bad) {
        bad |= rrep_set(root, "compatible_with", json_string("ROUGE-1.5.5"));
        bad |= rrep_set(root, "flags", json_string(flags));
        bad |= rrep_set(root, "system", json_string(rouge_system_id(r)));
        bad |= rrep_set(root, "evaluations", json_integer((json_int_t)n));
        bad |= rrep_set(root, "counting", json_string(counting[cfg->counting]));
        bad |= rrep_set(root, "confidence", json_real(cfg->confidence));
        bad |= rrep_set(root, "resamples", json_integer(cfg->resamples));
        bad |= rrep_set(root, "seed", json_integer((json_int_t)cfg->seed));
    }
    for (size_t m = 0; !bad && m < chorus_rouge_metric_count(r); m++) {
        chorus_rouge_average avg;
        json_t *jm = json_object();
        if (!jm || json_array_append_new(metrics, jm) != 0 ||
            chorus_rouge_average_of(r, m, &avg) != CHORUS_OK) {
            bad = 1;
            break;
        }
        json_t *ja = json_object(), *je = json_array();
        bad |= rrep_set(jm, "name", json_string(chorus_rouge_metric_name(r, m)));
        bad |= rrep_set(jm, "average", ja);
        bad |= rrep_set(jm, "evals", je);
        if (bad)
            break;
        bad |= rrep_set(ja, "recall", json_real(avg.recall));
        bad |= rrep_set(ja, "precision", json_real(avg.precision));
        bad |= rrep_set(ja, "f", json_real(avg.f));
        if (cfg->resamples > 0 && cfg->counting != CHORUS_ROUGE_RAW) {
            bad |= rrep_set(ja, "recall_ci", rrep_pair(avg.recall_ci[0], avg.recall_ci[1]));
            bad |=
                rrep_set(ja, "precision_ci", rrep_pair(avg.precision_ci[0], avg.precision_ci[1]));
            bad |= rrep_set(ja, "f_ci", rrep_pair(avg.f_ci[0], avg.f_ci[1]));
        }
        bad |= rrep_set(ja, "reference_count", rrep_count(avg.model_count));
        bad |= rrep_set(ja, "peer_count", rrep_count(avg.peer_count));
        bad |= rrep_set(ja, "hits", rrep_count(avg.hits));
        for (size_t k = 0; k < n && !bad; k++) {
            size_t i = order[k];
            double v[6];
            rouge_eval_values(r, i, m, v);
            json_t *x = json_object();
            if (!x || json_array_append_new(je, x) != 0) {
                bad = 1;
                break;
            }
            bad |= rrep_set(x, "id", json_string(chorus_rouge_eval_id(r, i)));
            bad |= rrep_set(x, "recall", json_real(v[0]));
            bad |= rrep_set(x, "precision", json_real(v[1]));
            bad |= rrep_set(x, "f", json_real(v[2]));
            bad |= rrep_set(x, "reference_count", rrep_count(v[3]));
            bad |= rrep_set(x, "peer_count", rrep_count(v[4]));
            bad |= rrep_set(x, "hits", rrep_count(v[5]));
        }
    }
    if (!bad)
        bad |= json_object_set_new(root, "metrics", metrics);
    else
        json_decref(metrics);
    free(flags);
    free(order);
    if (bad) {
        json_decref(root);
        return NULL;
    }
    return root;
}

char *chorus_rouge_report(const chorus_rouge *r, chorus_rouge_format fmt, size_t *len) {
    if (!r)
        return NULL;
    ch_buf b = {0};
    if (fmt == CHORUS_ROUGE_JSON) {
        json_t *root = rrep_json(r);
        if (!root)
            return NULL;
        char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
        json_decref(root);
        if (!s)
            return NULL;
        int bad = buf_puts(&b, s) | buf_putc(&b, '\n');
        free(s);
        if (bad) {
            buf_free(&b);
            return NULL;
        }
    } else if (rrep_text(r, &b) != 0) {
        buf_free(&b);
        return NULL;
    }
    return buf_detach(&b, len);
}

/*
 * ilp.c - concept-coverage selection (Gillick & Favre 2009), solved exactly
 * with GLPK's branch and bound, with a greedy fallback.
 *
 * Model. Concepts c with weights w_c (concept.c: content bigrams weighted
 * by the number of reports containing them), candidate sentences j with
 * cost l_j in the budget's unit and a bonus b_j from the priors:
 *
 *     maximize   sum_c w_c x_c + sum_j b_j s_j
 *     subject to sum_j l_j s_j <= L                (the budget left; with a
 *                                                   byte budget l_j counts
 *                                                   the separator, and L
 *                                                   one more byte)
 *                x_c <= sum_{j contains c} s_j     (a concept counts once,
 *                                                   if some chosen j has it)
 *                s_a + s_b <= 1                    (a, b redundant: cosine
 *                                                   above the cut-off)
 *                s_j in {0, 1},  0 <= x_c <= 1
 *
 * Gillick & Favre also require s_j <= x_c for every concept of j; with
 * positive weights and maximization those rows never bind, so they are
 * left out, and x_c may be continuous: for any 0/1 choice of s the best
 * x_c is 0 or 1. The bonus b_j = (prior_j - 1) * W_j, W_j the weight of
 * j's concepts, lets the priors (prior.c: position, support, length,
 * context, query) scale a sentence's value as they scale MMR's relevance.
 *
 * Candidates: sentences that pass the shared gates (method.h) and have at
 * least one concept; when there are more than ILP_MAX_CANDIDATES, the ones
 * with the largest W_j * prior_j per unit of cost are kept, which bounds
 * the problem on huge clusters.
 *
 * Limits and fallback. GLPK runs with its presolver, silently, under a
 * time limit (chorus_options.ilp_time_limit, default 1 s per cluster) and
 * a node limit (ILP_MAX_NODES branch-and-bound nodes, which unlike time
 * does not depend on the machine). The greedy solution is always computed
 * first (cost-scaled greedy for budgeted coverage, then the best single
 * sentence if better: half of (1 - 1/e) of the optimum when no pairs are
 * excluded, Khuller, Moss & Naor 1999); the exact solution replaces it
 * only when GLPK returns one at least as good. So a GLPK failure (out of
 * memory: GLPK's error hook jumps back here and its environment is
 * released), a limit hit, or a time limit of 0 all give the greedy
 * answer, never an error or an abort. When the time limit is what stopped
 * the search, the result can depend on the machine's speed.
 *
 * Filling. The budget left after the solution (words or bytes the chosen
 * sentences do not use) is filled greedily: the candidate whose new
 * concept weight, scaled to the part that fits, is largest; with
 * truncate_last that sentence overflows and the caller cuts it.
 *
 * scores[i] = W_i * prior_i.
 */
#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "summarize/concept.h"
#include "summarize/method.h"
#include "util/vec.h"

/* Branch-and-bound nodes GLPK may explore on one cluster. */
#define ILP_MAX_NODES 20000
/* Candidates kept for the solver on huge clusters. */
#define ILP_MAX_CANDIDATES 1500

/* Records that candidates a and b may not both be chosen. */
static int ilp_add_pair(ilp_prob *p, uint32_t a, uint32_t b) {
    if (p->n_pairs == p->cap_pairs) {
        size_t cap = p->cap_pairs ? 2 * p->cap_pairs : 16;
        uint32_t *na = realloc(p->pa, cap * sizeof *na);
        if (!na)
            return -1;
        p->pa = na;
        uint32_t *nb = realloc(p->pb, cap * sizeof *nb);
        if (!nb)
            return -1;
        p->pb = nb;
        p->cap_pairs = cap;
    }
    p->pa[p->n_pairs] = a;
    p->pb[p->n_pairs] = b;
    p->n_pairs++;
    return 0;
}

/* ------------------------------------------------------------ greedy */

double ilp_objective(const ilp_prob *p, const unsigned char *chosen, unsigned char *mark) {
    double f = 0.0;
    memset(mark, 0, p->n_concepts ? p->n_concepts : 1);
    for (size_t k = 0; k < p->m; k++) {
        if (!chosen[k])
            continue;
        f += p->bonus[k];
        for (uint32_t q = p->coff[k]; q < p->coff[k + 1]; q++)
            if (!mark[p->cid[q]]) {
                mark[p->cid[q]] = 1;
                f += p->w[p->cid[q]];
            }
    }
    return f;
}

/* 1 if candidate k conflicts with a chosen one. */
static int ilp_conflicts(const ilp_prob *p, const unsigned char *chosen, size_t k) {
    for (size_t e = 0; e < p->n_pairs; e++)
        if ((p->pa[e] == k && chosen[p->pb[e]]) || (p->pb[e] == k && chosen[p->pa[e]]))
            return 1;
    return 0;
}

/* Cost-scaled greedy for budgeted coverage: repeatedly the candidate with
 * the largest gain / cost among those that fit and conflict with nothing
 * chosen (ties: the lower index); then the best single candidate if it
 * beats the greedy set. */
int ilp_solve_greedy(const ilp_prob *p, unsigned char *chosen, double *obj) {
    size_t nc = p->n_concepts ? p->n_concepts : 1;
    unsigned char *cov = calloc(nc, 1), *mark = malloc(nc), *dead = calloc(p->m ? p->m : 1, 1);
    if (!cov || !mark || !dead) {
        free(cov);
        free(mark);
        free(dead);
        return -1;
    }
    memset(chosen, 0, p->m ? p->m : 1);
    double used = 0.0;
    for (;;) {
        size_t best = SIZE_MAX;
        double bv = 0.0;
        for (size_t k = 0; k < p->m; k++) {
            if (chosen[k] || dead[k])
                continue;
            if (used + p->cost[k] > p->budget + 1e-9 || ilp_conflicts(p, chosen, k)) {
                dead[k] = 1;
                continue;
            }
            double g = p->bonus[k];
            for (uint32_t q = p->coff[k]; q < p->coff[k + 1]; q++)
                if (!cov[p->cid[q]])
                    g += p->w[p->cid[q]];
            double v = g / (p->cost[k] > 0 ? p->cost[k] : 1.0);
            if (g > 0 && (best == SIZE_MAX || v > bv)) {
                best = k;
                bv = v;
            }
        }
        if (best == SIZE_MAX)
            break;
        chosen[best] = 1;
        used += p->cost[best];
        for (uint32_t q = p->coff[best]; q < p->coff[best + 1]; q++)
            cov[p->cid[q]] = 1;
    }
    double f = ilp_objective(p, chosen, mark);
    /* best singleton */
    size_t bs = SIZE_MAX;
    double bf = f;
    for (size_t k = 0; k < p->m; k++) {
        if (p->cost[k] > p->budget + 1e-9)
            continue;
        double g = p->bonus[k];
        for (uint32_t q = p->coff[k]; q < p->coff[k + 1]; q++)
            g += p->w[p->cid[q]];
        if (g > bf) {
            bf = g;
            bs = k;
        }
    }
    if (bs != SIZE_MAX) {
        memset(chosen, 0, p->m);
        chosen[bs] = 1;
        f = bf;
    }
    *obj = f;
    free(cov);
    free(mark);
    free(dead);
    return 0;
}

/* -------------------------------------------------------------- GLPK */

typedef struct ilp_glpk_ctx {
    jmp_buf jb;
    long nodes, max_nodes; /* branch-and-bound nodes seen, allowed */
    int tm_lim;            /* ms */
    const ilp_prob *p;
    uint32_t *col; /* (n_concepts) column of each concept, 0: none */
    size_t nc;     /* concept columns */
    int *ia, *ja;  /* (nnz + 1) the constraint matrix, 1-based */
    double *ar;
    unsigned char *chosen; /* (m) out */
    double obj;            /* out */
    int rc;                /* out: 1 optimal, 0 feasible, -1 none */
} ilp_glpk_ctx;

static void ilp_glpk_hook(void *info) {
    ilp_glpk_ctx *ctx = info;
    longjmp(ctx->jb, 1);
}

static void ilp_glpk_cb(glp_tree *T, void *info) {
    ilp_glpk_ctx *ctx = info;
    if (glp_ios_reason(T) == GLP_ISELECT && ++ctx->nodes > ctx->max_nodes)
        glp_ios_terminate(T);
}

/* Builds and solves the problem; any GLPK failure jumps out of it. */
static void ilp_glpk_body(ilp_glpk_ctx *ctx) {
    const ilp_prob *p = ctx->p;
    const uint32_t *col = ctx->col;
    const size_t nc = ctx->nc;
    int *ia = ctx->ia, *ja = ctx->ja;
    double *ar = ctx->ar;
    glp_prob *P = glp_create_prob();
    glp_set_obj_dir(P, GLP_MAX);
    glp_add_rows(P, (int)(1 + nc + p->n_pairs));
    glp_add_cols(P, (int)(p->m + nc));
    for (size_t k = 0; k < p->m; k++) {
        glp_set_col_kind(P, (int)k + 1, GLP_BV);
        glp_set_obj_coef(P, (int)k + 1, p->bonus[k]);
    }
    for (size_t c = 0; c < p->n_concepts; c++) {
        if (!col[c])
            continue;
        glp_set_col_bnds(P, (int)col[c], GLP_DB, 0.0, 1.0);
        glp_set_obj_coef(P, (int)col[c], p->w[c]);
    }
    size_t e = 0;
    /* row 1: the budget */
    glp_set_row_bnds(P, 1, GLP_UP, 0.0, p->budget);
    for (size_t k = 0; k < p->m; k++) {
        e++;
        ia[e] = 1;
        ja[e] = (int)k + 1;
        ar[e] = p->cost[k];
    }
    /* rows 2..nc+1: x_c - (sum of the candidates containing c) <= 0 */
    for (size_t c = 0; c < p->n_concepts; c++) {
        if (!col[c])
            continue;
        int r = (int)(col[c] - p->m) + 1;
        glp_set_row_bnds(P, r, GLP_UP, 0.0, 0.0);
        e++;
        ia[e] = r;
        ja[e] = (int)col[c];
        ar[e] = 1.0;
    }
    for (size_t k = 0; k < p->m; k++)
        for (uint32_t q = p->coff[k]; q < p->coff[k + 1]; q++) {
            e++;
            ia[e] = (int)(col[p->cid[q]] - p->m) + 1;
            ja[e] = (int)k + 1;
            ar[e] = -1.0;
        }
    /* conflicting pairs: s_a + s_b <= 1 */
    for (size_t q = 0; q < p->n_pairs; q++) {
        int r = (int)(2 + nc + q);
        glp_set_row_bnds(P, r, GLP_UP, 0.0, 1.0);
        e++;
        ia[e] = r;
        ja[e] = (int)p->pa[q] + 1;
        ar[e] = 1.0;
        e++;
        ia[e] = r;
        ja[e] = (int)p->pb[q] + 1;
        ar[e] = 1.0;
    }
    glp_load_matrix(P, (int)e, ia, ja, ar);
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    parm.tm_lim = ctx->tm_lim;
    parm.cb_func = ilp_glpk_cb;
    parm.cb_info = ctx;
    int ret = glp_intopt(P, &parm);
    int status = glp_mip_status(P);
    if (status == GLP_OPT || status == GLP_FEAS) {
        for (size_t k = 0; k < p->m; k++)
            ctx->chosen[k] = glp_mip_col_val(P, (int)k + 1) > 0.5;
        ctx->obj = glp_mip_obj_val(P);
        ctx->rc = (ret == 0 && status == GLP_OPT) ? 1 : 0;
    }
    glp_delete_prob(P);
}

/* Runs ilp_glpk_body under GLPK's error hook, then releases the thread's
 * GLPK environment (everything GLPK allocated), whatever happened. */
static void ilp_glpk_guarded(ilp_glpk_ctx *ctx) {
    glp_term_out(GLP_OFF);
    glp_error_hook(ilp_glpk_hook, ctx);
    if (setjmp(ctx->jb) == 0)
        ilp_glpk_body(ctx);
    else
        ctx->rc = -1;
    glp_error_hook(NULL, NULL);
    glp_free_env();
}

int ilp_solve_exact(const ilp_prob *p, double time_limit, unsigned char *chosen, double *obj) {
    if (!(time_limit > 0) || p->m == 0)
        return -1;
    ilp_glpk_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.p = p;
    ctx.tm_lim = time_limit * 1000.0 < (double)INT_MAX ? (int)(time_limit * 1000.0 + 0.5) : INT_MAX;
    if (ctx.tm_lim < 1)
        ctx.tm_lim = 1;
    ctx.max_nodes = ILP_MAX_NODES;
    ctx.chosen = chosen;
    ctx.rc = -1;
    ctx.col = calloc(p->n_concepts ? p->n_concepts : 1, sizeof *ctx.col);
    size_t nnz = p->m + p->coff[p->m] + 2 * p->n_pairs + p->n_concepts;
    ctx.ia = malloc((nnz + 1) * sizeof *ctx.ia);
    ctx.ja = malloc((nnz + 1) * sizeof *ctx.ja);
    ctx.ar = malloc((nnz + 1) * sizeof *ctx.ar);
    if (ctx.col && ctx.ia && ctx.ja && ctx.ar) {
        /* columns: candidates 1..m, then the concepts they contain */
        for (size_t k = 0; k < p->m; k++)
            for (uint32_t q = p->coff[k]; q < p->coff[k + 1]; q++)
                if (!ctx.col[p->cid[q]])
                    ctx.col[p->cid[q]] = (uint32_t)(p->m + ++ctx.nc);
        ilp_glpk_guarded(&ctx);
        *obj = ctx.obj;
    }
    free(ctx.col);
    free(ctx.ia);
    free(ctx.ja);
    free(ctx.ar);
    return ctx.rc;
}

/* ------------------------------------------------------------ method */

/* Candidate order for pruning: value per unit of cost, then index. */
typedef struct ilp_rank {
    double v;
    uint32_t i;
} ilp_rank;

static int ilp_cmp_rank(const void *a, const void *b) {
    const ilp_rank *x = a, *y = b;
    if (x->v != y->v)
        return x->v > y->v ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

/* Gain of sentence i's concepts not yet covered (cov: 1 per concept). */
static double ilp_new_weight(const cpt_model *cm, const unsigned char *cov, uint32_t i) {
    double g = 0.0;
    for (uint32_t q = cm->off[i]; q < cm->off[i + 1]; q++)
        if (!cov[cm->ids[q]])
            g += cm->weight[cm->ids[q]];
    return g;
}

/* Cost of sentence i in the model: sel_cost with the separator byte of a
 * byte budget always counted (see the budget below). */
static size_t ilp_cost(const sel_state *st, uint32_t i) {
    return st->unit == SEL_BYTES ? (size_t)st->in->n_bytes[i] + 1 : sel_cost(st, i);
}

int ilp_select(sel_state *st, double *scores) {
    const ch_rank_input *in = st->in;
    const size_t n = in->n;
    cpt_model cm;
    if (cpt_build(in, &cm) != 0)
        return -1;
    ilp_prob p;
    memset(&p, 0, sizeof p);
    size_t nc1 = cm.n_concepts ? cm.n_concepts : 1;
    p.cand = malloc((n ? n : 1) * sizeof *p.cand);
    p.cost = malloc((n ? n : 1) * sizeof *p.cost);
    p.bonus = malloc((n ? n : 1) * sizeof *p.bonus);
    p.coff = malloc((n + 1) * sizeof *p.coff);
    double *prior = malloc((n ? n : 1) * sizeof *prior);
    ilp_rank *rank = malloc((n ? n : 1) * sizeof *rank);
    unsigned char *chosen = calloc(n ? n : 1, 1), *g = calloc(n ? n : 1, 1);
    unsigned char *cov = calloc(nc1, 1);
    int rc = -1;
    if (!p.cand || !p.cost || !p.bonus || !p.coff || !prior || !rank || !chosen || !g || !cov ||
        prior_compute(in, st->priors, prior) != 0)
        goto out;
    p.w = cm.weight;
    p.n_concepts = cm.n_concepts;
    for (size_t i = 0; i < n; i++) {
        double wsum = 0.0;
        for (uint32_t q = cm.off[i]; q < cm.off[i + 1]; q++)
            wsum += cm.weight[cm.ids[q]];
        scores[i] = wsum * prior[i];
    }
    /* candidates: pass the gates, fit, have concepts */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t u = (uint32_t)i;
        if (!sel_eligible(st, u) || sel_redundant(st, u) || sel_fit(st, u) != SEL_FITS ||
            cm.off[i] == cm.off[i + 1])
            continue;
        double cost = (double)sel_cost(st, u);
        rank[m].v = scores[i] / (cost > 0 ? cost : 1.0);
        rank[m].i = u;
        m++;
    }
    if (m > ILP_MAX_CANDIDATES) {
        qsort(rank, m, sizeof *rank, ilp_cmp_rank);
        m = ILP_MAX_CANDIDATES;
        /* back to input order, for determinism of the model's layout */
        for (size_t k = 0; k < m; k++)
            rank[k].v = 0.0;
        qsort(rank, m, sizeof *rank, ilp_cmp_rank);
    }
    size_t tot = 0;
    for (size_t k = 0; k < m; k++)
        tot += cm.off[rank[k].i + 1] - cm.off[rank[k].i];
    p.cid = malloc((tot ? tot : 1) * sizeof *p.cid);
    if (!p.cid)
        goto out;
    size_t o = 0;
    for (size_t k = 0; k < m; k++) {
        uint32_t i = rank[k].i;
        double wsum = 0.0;
        p.cand[k] = i;
        p.cost[k] = (double)ilp_cost(st, i);
        p.coff[k] = (uint32_t)o;
        for (uint32_t q = cm.off[i]; q < cm.off[i + 1]; q++) {
            p.cid[o++] = cm.ids[q];
            wsum += cm.weight[cm.ids[q]];
        }
        p.bonus[k] = (prior[i] - 1.0) * wsum;
    }
    p.coff[m] = (uint32_t)o;
    p.m = m;
    /* pairs that may not both be chosen: the redundancy gate */
    for (size_t a = 0; a < m; a++)
        for (size_t b = a + 1; b < m; b++) {
            double c = svec_dot(&in->vec[p.cand[a]], &in->vec[p.cand[b]]);
            if ((c > st->redundancy || c >= SEL_DUPLICATE_COS) &&
                ilp_add_pair(&p, (uint32_t)a, (uint32_t)b) != 0)
                goto out;
        }
    /* a byte budget charges a separator before every sentence but the
     * first: charge it to all and give the first one back */
    p.budget = (double)(st->limit - st->used) + (st->unit == SEL_BYTES && st->n_sel == 0 ? 1 : 0);
    double fg = 0.0, fi = 0.0;
    if (ilp_solve_greedy(&p, g, &fg) != 0)
        goto out;
    int solved = ilp_solve_exact(&p, st->time_limit, chosen, &fi);
    if (solved < 0 || fi < fg - 1e-9)
        memcpy(chosen, g, m ? m : 1);
    /* take the chosen sentences, highest score first */
    for (;;) {
        size_t best = SIZE_MAX;
        for (size_t k = 0; k < m; k++)
            if (chosen[k] && (best == SIZE_MAX || sel_before(in, scores[p.cand[k]], p.cand[k],
                                                             scores[p.cand[best]], p.cand[best])))
                best = k;
        if (best == SIZE_MAX)
            break;
        chosen[best] = 0;
        sel_take(st, p.cand[best], 0);
        for (uint32_t q = cm.off[p.cand[best]]; q < cm.off[p.cand[best] + 1]; q++)
            cov[cm.ids[q]] = 1;
    }
    /* fill what is left of the budget */
    while (!sel_full(st)) {
        uint32_t best = UINT32_MAX;
        double bv = 0.0;
        sel_fit_result bf = SEL_NO_FIT;
        for (size_t i = 0; i < n; i++) {
            uint32_t u = (uint32_t)i;
            if (!sel_eligible(st, u) || sel_redundant(st, u))
                continue;
            sel_fit_result f = sel_fit(st, u);
            if (f == SEL_NO_FIT)
                continue;
            double gain = ilp_new_weight(&cm, cov, u) * prior[i];
            double cost = (double)sel_cost(st, u);
            if (f == SEL_OVERFLOW && cost > 0)
                gain *= (double)(st->limit - st->used) / cost;
            if (best == UINT32_MAX || sel_before(in, gain, u, bv, best)) {
                best = u;
                bv = gain;
                bf = f;
            }
        }
        if (best == UINT32_MAX)
            break;
        sel_take(st, best, bf == SEL_OVERFLOW);
        for (uint32_t q = cm.off[best]; q < cm.off[best + 1]; q++)
            cov[cm.ids[q]] = 1;
    }
    rc = 0;
out:
    free(p.cid);
    free(p.cand);
    free(p.cost);
    free(p.bonus);
    free(p.coff);
    free(p.pa);
    free(p.pb);
    free(prior);
    free(rank);
    free(chosen);
    free(g);
    free(cov);
    cpt_free(&cm);
    return rc;
}

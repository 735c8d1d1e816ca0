/*
 * parallel.c - a parallel for-loop over independent items, for the
 * commands that process many clusters (batch, eval).
 *
 * Threads are started for each call and joined before it returns; each
 * takes the next unclaimed index from an atomic counter, so uneven clusters
 * balance themselves. Results are written by index, so the caller's output
 * order never depends on scheduling.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "cli.h"

typedef struct parallel_ctx {
    size_t n;
    atomic_size_t next;
    void (*fn)(void *arg, size_t i);
    void *arg;
} parallel_ctx;

static void *parallel_worker(void *p) {
    parallel_ctx *ctx = p;
    for (;;) {
        size_t i = atomic_fetch_add(&ctx->next, 1);
        if (i >= ctx->n)
            return NULL;
        ctx->fn(ctx->arg, i);
    }
}

void cli_parallel_for(size_t n, size_t threads, void (*fn)(void *arg, size_t i), void *arg) {
    pthread_t tid[CLI_MAX_THREADS];
    parallel_ctx ctx = {n, 0, fn, arg};
    size_t started = 0;
    for (size_t t = 1; t < threads && t < n && started < CLI_MAX_THREADS; t++) {
        if (pthread_create(&tid[started], NULL, parallel_worker, &ctx) != 0)
            break; /* fewer threads: the calling one still does all the work */
        started++;
    }
    parallel_worker(&ctx);
    for (size_t t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
}

size_t cli_default_threads(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (size_t)(n < CLI_MAX_THREADS ? n : CLI_MAX_THREADS) : 1;
}

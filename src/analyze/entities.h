/*
 * entities.h - people, organizations and places named by the reports, with
 * their aliases merged and their mentions counted per report.
 *
 * Names are read from runs of capitalised words ("John F. Kerry", "State
 * Department", "Universidad San Francisco de Quito"), after dropping a
 * sentence's first word when the cluster uses it in lower case elsewhere
 * ("But", "Despite"). Titles are peeled off and kept as evidence
 * ("Secretary of State John F. Kerry" -> John F. Kerry, a person). The kind
 * of each name is voted by its contexts:
 *   person  a title or a role noun before it ("spokesman John Kirby"), an
 *           apposition after it (", a professor"), "Mr." ...;
 *   org     an organisation word in it (Department, Ministry, Inc., Party,
 *           Police, University ...), an all-capital acronym;
 *   place   "in X", "X's embassy", a dateline ("LONDON -"), a demonym that
 *           points to it.
 * Aliases merge when a name is another's surname or shares its first and
 * last words (Kerry, John Kerry, John F. Kerry, John Forbes Kerry), when an
 * acronym spells another's initials (DNC), when an organisation drops a
 * legal suffix or keeps a leading or trailing part of its name (Calder
 * Sealines Inc. / Calder Sealines), and when a demonym derives from a place
 * of the cluster by suffix rules (Ecuadorian, Ecuadorean -> Ecuador;
 * Italian -> Italy; Chinese -> China): no list of countries is used.
 *
 * Memory: results live in the arena passed in. Functions return 0, -1 when
 * out of memory, -2 when the language has no stemmer.
 */
#ifndef CHORUS_ANALYZE_ENTITIES_H
#define CHORUS_ANALYZE_ENTITIES_H

#include <stddef.h>
#include <stdint.h>

#include "analyze/aword.h"
#include "util/arena.h"

struct chorus_cluster;

typedef enum ch_entkind {
    CH_ENT_PERSON = 0,
    CH_ENT_ORG = 1,
    CH_ENT_PLACE = 2,
    CH_ENT_OTHER = 3 /* a name whose kind the text does not reveal */
} ch_entkind;

/* "person", "org", "place", "other". */
const char *entities_kind_name(ch_entkind k);

typedef struct ch_mention {
    uint32_t doc;    /* report */
    uint32_t sent;   /* ch_aspan.sent of its sentence */
    size_t off, len; /* the name as written (title and possessive excluded), article bytes */
    size_t src_off, src_len; /* the same in the original input */
} ch_mention;

typedef struct ch_entity {
    const char *name; /* the fullest common form: "John Kerry" */
    ch_entkind kind;
    const char **aliases; /* (n_aliases) every distinct form, as written */
    size_t n_aliases;
    const uint32_t *per_doc;    /* (n_docs of ch_entities) mentions in each report */
    const ch_mention *mentions; /* (n_mentions) in report and text order */
    size_t n_mentions;
} ch_entity;

typedef struct ch_entities {
    ch_entity *e; /* (n) most mentioned first, then by name */
    size_t n;
    size_t n_docs;
} ch_entities;

/* Finds the entities of docs[0..n_docs). */
int entities_find(const ch_adoc *docs, size_t n_docs, const char *language, ch_arena *a,
                  ch_entities *out);

/* The same for a cluster. */
int entities_analyze(const struct chorus_cluster *c, ch_arena *a, ch_entities *out);

/* Index of the entity one of whose aliases equals 'name' (ASCII case
 * ignored), or -1. */
long entities_lookup(const ch_entities *es, const char *name);

#endif

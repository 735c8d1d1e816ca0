/*
 * test_facts.c - the kind of a sentence (statement, claim, denial) and the
 * party it names, on written sentences: attribution cues, idioms that
 * attribute nothing, and pronouns that are no party.
 */
#include "testutil.h"

#include <string.h>

#include "analyze/facts.h"

typedef struct facts_case {
    const char *text;
    ch_fact_kind kind;
    const char *party; /* NULL: none found */
} facts_case;

static const facts_case facts_cases[] = {
    {"The ferry ran aground on a sandbar near the north pier.", FACT_STATEMENT, NULL},
    {"The Harbour Authority said the pier would reopen on Friday.", FACT_CLAIM,
     "The Harbour Authority"},
    {"The pier will reopen on Friday, according to City Hall.", FACT_CLAIM, "City Hall"},
    {"\"We will be back by Friday,\" said Ines Falk.", FACT_CLAIM, "Ines Falk"},
    {"The ferry company denied that the crew had been drinking.", FACT_DENIAL, NULL},
    {"Any suggestion that the captain was asleep is false, Ines Falk said.", FACT_DENIAL,
     "Ines Falk"},
    /* idioms: nobody is quoted */
    {"That said, the ferry company expects the service to resume.", FACT_STATEMENT, NULL},
    {"This said, few passengers complained.", FACT_STATEMENT, NULL},
    {"Having said that, the crew stayed on board overnight.", FACT_STATEMENT, NULL},
    {"Needless to say, the timetable was torn up.", FACT_STATEMENT, NULL},
    /* without the comma "that" introduces what was said */
    {"Officials said that the pier was safe.", FACT_CLAIM, "Officials"},
    {"A report that said the pier was unsafe was withdrawn.", FACT_CLAIM, NULL},
    /* a pronoun is no party, but the sentence is still a claim */
    {"He said the pier was safe.", FACT_CLAIM, NULL},
    {"They told reporters the pier was safe.", FACT_CLAIM, NULL},
    {"It said in a statement that the pier was safe.", FACT_CLAIM, NULL},
    /* a name does not run across a comma, a quotation mark or a dash */
    {"Along with Roger Ailes, I said no to the offer.", FACT_CLAIM, NULL},
    {"\"We'll raise money for the crew,\" Ines Falk said.", FACT_CLAIM, "Ines Falk"},
    {"Mr. Falk said the pier was safe.", FACT_CLAIM, "Mr. Falk"},
    {"U.S. Senator Ann Lee said the pier was safe.", FACT_CLAIM, "U.S. Senator Ann Lee"},
    {"The captain - Ann Lee - said the pier was safe.", FACT_CLAIM, "Ann Lee"},
    /* a day name next to the cue is no party */
    {"Officials on Tuesday said the pier was safe.", FACT_CLAIM, NULL},
};

static void test_classify(void **state) {
    (void)state;
    ch_arena *a = arena_new(0);
    assert_non_null(a);
    for (size_t k = 0; k < sizeof facts_cases / sizeof *facts_cases; k++) {
        const facts_case *fc = &facts_cases[k];
        const char *party = "unset";
        ch_fact_kind kind = facts_classify(fc->text, strlen(fc->text), a, &party);
        if (kind != fc->kind)
            fail_msg("kind %d, expected %d: %s", (int)kind, (int)fc->kind, fc->text);
        if (fc->kind == FACT_STATEMENT) {
            assert_null(party);
            continue;
        }
        if (fc->party == NULL && party != NULL)
            fail_msg("party \"%s\", expected none: %s", party, fc->text);
        if (fc->party != NULL && (party == NULL || strcmp(party, fc->party) != 0))
            fail_msg("party \"%s\", expected \"%s\": %s", party ? party : "(none)", fc->party,
                     fc->text);
    }
    /* no arena: the kind alone */
    const char *party = "unset";
    assert_int_equal(facts_classify("Ines Falk said so.", 18, NULL, &party), FACT_CLAIM);
    assert_null(party);
    arena_free(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_classify),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#!/bin/bash
# cli_rouge.sh - `chorus rouge` end to end: its three input modes, short and
# long options, JSON, errors and exit codes, and (when ../shared is there)
# byte-for-byte parity of its report with ROUGE-1.5.5's on six flag sets.
# usage: bash cli_rouge.sh /path/to/chorus /path/to/source
set -u
CHORUS=$1
SRC=$2
FIX="$SRC/tests/fixtures/rouge"
. "$SRC/tests/cli-common.bash"

# d02 by hand: peer "city council approved the new budget" (6 words),
# reference "the council approved a budget for the city" (8 words).
# ROUGE-1: city council approved the budget = 5 hits: R 5/8, P 5/6,
#   F from the rounded R and P: .83333 x .625 / (.416665 + .3125) =
#   .7142847 -> .71428 (unrounded, 2 x 5/8 x 5/6 / (5/8 + 5/6) = .71429)
# ROUGE-2: only council-approved of 5 peer and 7 reference bigrams:
#   R 1/7 = .14286, P .2, F = .2 x .14286 / (.1 + .07143) = .16667
"$CHORUS" rouge -n 2 -d --pairs "$FIX/pairs.tsv" > "$TMP/pairs.txt"
check "pairs mode runs" [ $? -eq 0 ]
check "ROUGE-1 of d02" grep -qx '1 ROUGE-1 Eval d02.1 R:0.62500 P:0.83333 F:0.71428' "$TMP/pairs.txt"
check "ROUGE-2 of d02" grep -qx '1 ROUGE-2 Eval d02.1 R:0.14286 P:0.20000 F:0.16667' "$TMP/pairs.txt"
check "ROUGE-L block" grep -q '^1 ROUGE-L Average_F: ' "$TMP/pairs.txt"
check "layout" grep -qx -- '---------------------------------------------' "$TMP/pairs.txt"

# the same evaluations through long options and through two directories
"$CHORUS" rouge --ngram 2 --per-eval --pairs "$FIX/pairs.tsv" > "$TMP/long.txt"
check "long options = short flags" cmp -s "$TMP/pairs.txt" "$TMP/long.txt"
"$CHORUS" rouge -n 2 -d "$FIX/peers" "$FIX/refs" > "$TMP/dirs.txt"
check "directory mode = pairs mode" cmp -s "$TMP/pairs.txt" "$TMP/dirs.txt"
"$CHORUS" rouge -nd 2 --pairs "$FIX/pairs.tsv" > /dev/null 2>&1
check "a value flag ends a bundle (-nd 2 is -n 'd')" [ $? -eq 2 ]

# one evaluation from files: every bootstrap sample is that evaluation
"$CHORUS" rouge -n 1 "$FIX/peers/d02.txt" "$FIX/refs/d02.A.txt" > "$TMP/one.txt"
check "single evaluation" grep -qx '1 ROUGE-1 Average_R: 0.62500 (95%-conf.int. 0.62500 - 0.62500)' "$TMP/one.txt"

# JSON
"$CHORUS" rouge -n 2 --json --pairs "$FIX/pairs.tsv" > "$TMP/out.json"
check "json runs" [ $? -eq 0 ]
check "json content" grep -q '"compatible_with": "ROUGE-1.5.5"' "$TMP/out.json"
if command -v python3 > /dev/null 2>&1; then
    check "json parses" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["metrics"][0]["evals"][1]["recall"] == 0.625' "$TMP/out.json"
fi

# help teaches both spellings
"$CHORUS" rouge --help > "$TMP/help.txt"
check "help exit 0" [ $? -eq 0 ]
check "help short and long" grep -q -- '-l N   --max-words N' "$TMP/help.txt"

# stemming with and without exception lists
check "--wordnet-dir none" status_is 0 "$CHORUS" rouge -m --wordnet-dir none "$FIX/peers/d02.txt" "$FIX/refs/d02.A.txt"
check "missing wordnet dir" status_is 3 "$CHORUS" rouge -m --wordnet-dir "$TMP/nowhere" "$FIX/peers/d02.txt" "$FIX/refs/d02.A.txt"

# errors
check "unknown option" status_is 2 "$CHORUS" rouge --frobnicate "$FIX/peers/d02.txt" "$FIX/refs/d02.A.txt"
check "unknown flag" status_is 2 "$CHORUS" rouge -q "$FIX/peers/d02.txt" "$FIX/refs/d02.A.txt"
check "no reference" status_is 2 "$CHORUS" rouge "$FIX/peers/d02.txt"
check "words and bytes" status_is 2 "$CHORUS" rouge -l 5 -b 5 "$FIX/peers/d02.txt" "$FIX/refs/d02.A.txt"
check "stopwords need a list" status_is 2 "$CHORUS" rouge -s "$FIX/peers/d02.txt" "$FIX/refs/d02.A.txt"
check "missing file" status_is 3 "$CHORUS" rouge "$FIX/peers/d02.txt" "$TMP/missing.txt"
printf 'peers/d02.txt\n' > "$TMP/bad.tsv"
check "pairs line without reference" status_is 1 "$CHORUS" rouge --pairs "$TMP/bad.tsv"
printf 'a b c\n' > "$TMP/stop.txt"
check "-s with --stopwords" status_is 0 "$CHORUS" rouge -s --stopwords "$TMP/stop.txt" "$FIX/peers/d02.txt" "$FIX/refs/d02.A.txt"

# chorus eval: a cluster whose reports are nothing but page furniture
# counts, scored as an empty summary, and is reported as such
cat > "$TMP/eval.jsonl" <<'JSONL'
{"id": "c1", "documents": ["The harbour bridge reopened on Monday after repairs that took two years. Traffic was light in the morning.", "Engineers said the harbour bridge would carry trams again by the spring. The repairs cost more than planned."], "summary": "The harbour bridge reopened on Monday after two years of repairs."}
{"id": "c2", "documents": ["Tweet with a location Posts may carry the place they were sent from; you may delete that location history. Learn more"], "summary": "The harbour bridge reopened on Monday."}
JSONL
"$CHORUS" eval --words 20 "$TMP/eval.jsonl" > "$TMP/eval.txt" 2> "$TMP/eval.err"
check "eval with a furniture-only cluster exits 0" [ $? -eq 0 ]
check "both clusters are scored" grep -q '^2 clusters' "$TMP/eval.txt"
check "the furniture-only cluster is reported" grep -q '1 cluster held nothing but page furniture' "$TMP/eval.err"
head -1 "$TMP/eval.jsonl" > "$TMP/eval1.jsonl"
"$CHORUS" eval --words 20 "$TMP/eval1.jsonl" > "$TMP/eval1.txt" 2>/dev/null
r_both=$(awk '/^ROUGE-1 /{print $2}' "$TMP/eval.txt")
r_one=$(awk '/^ROUGE-1 /{print $2}' "$TMP/eval1.txt")
check "the empty summary halves the mean recall" \
    python3 -c "import sys; a, b = map(float, sys.argv[1:]); assert b > 0 and abs(a - b / 2) < 1e-4" "$r_both" "$r_one"

# parity with ROUGE-1.5.5's own reports
PAR="$SRC/../shared/data/rouge-parity"
if [ -d "$PAR" ] && [ -f /usr/share/wordnet/verb.exc ]; then
    for f in "$PAR"/expected.*.txt; do
        name=$(basename "$f" .txt)
        flags=$(head -1 "$f" | sed 's/^# ROUGE-1.5.5 flags: //')
        # shellcheck disable=SC2086
        "$CHORUS" rouge $flags --stopwords "$PAR/smart_common_words.txt" --pairs "$PAR/pairs.tsv" > "$TMP/$name.txt"
        check "parity $name ($flags)" cmp -s <(tail -n +2 "$f") "$TMP/$name.txt"
    done
else
    echo "skipping ROUGE-1.5.5 parity: ../shared or /usr/share/wordnet absent"
fi

finish cli_rouge

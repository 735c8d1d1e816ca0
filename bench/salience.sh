#!/usr/bin/env bash
# The salience model: how data/salience-model.txt is fitted, and how well
# the salience method does on clusters its model never saw.
#
# Held-out check (printed as a Markdown section; bench/benchmarks.sh
# includes it): the Multi-News validation clusters are split in two halves
# by their number (even / odd). Model A is fitted on the odd half and the
# 81 full-length Multi-News clusters, and scored on the even half and on
# DUC 2006; model B is fitted on the even half and DUC 2006, and scored on
# the odd half and on the full-length Multi-News clusters. Every figure of
# the salience method below is thus from clusters outside its training
# data; the default's figures on the same clusters sit beside them.
#
# usage: bench/salience.sh [BUILD_DIR] [--write-model]
#   --write-model  also refits data/salience-model.txt on all three sets
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
chorus="$build/chorus"
train="$build/bench_train_salience"
data=../shared/data
for f in "$chorus" "$train"; do
    [ -x "$f" ] || { echo "salience: $f not found; build first" >&2; exit 1; }
done
[ -d "$data" ] || { echo "salience: $data not found" >&2; exit 1; }
mn=$data/multinews-val/val.jsonl.gz
raw=$data/multinews-raw/train-sample.jsonl.gz
duc=$data/duc2006/docs
duc_flags="-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0"
threads=$(nproc)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "${2:-}" = --write-model ]; then
    "$train" "$mn" "$raw" "$duc" >"$tmp/model"
    {
        head -n 1 "$tmp/model"
        echo "# fitted by bench_train_salience (bench/salience.sh --write-model) on Multi-News"
        echo "# validation, the 81 full-length Multi-News clusters and DUC 2006, each set"
        echo "# weighted alike"
        tail -n +2 "$tmp/model" | grep -v '^# fitted'
    } >data/salience-model.txt
    echo "salience: wrote data/salience-model.txt" >&2
fi

# clusters 0, 2, 4, ... (even) and 1, 3, 5, ... (odd) of the validation set
gzip -dc "$mn" | awk 'NR % 2 == 1' >"$tmp/even.jsonl"
gzip -dc "$mn" | awk 'NR % 2 == 0' >"$tmp/odd.jsonl"
"$train" "$tmp/odd.jsonl" "$raw" >"$tmp/A"
"$train" "$tmp/even.jsonl" "$duc" >"$tmp/B"

# score ARGS... -> "| R-1 | R-2 " (F1 for Multi-News, recall with the DUC flags)
score() {
    local col=$1
    shift
    "$chorus" eval -q -j "$threads" "$@" >"$tmp/eval" 2>"$tmp/err" || {
        cat "$tmp/err" >&2
        echo "| failed | failed "
        return
    }
    awk -v col="$col" '/^ROUGE-(1|2) / { printf "| %.2f ", (col == "F" ? $4 : $2) * 100 }' "$tmp/eval"
}

echo "## The salience method on clusters its model never saw"
echo
echo "\`bash bench/salience.sh BUILD_DIR\`: model A is fitted on the odd half of the"
echo "Multi-News validation clusters and the full-length Multi-News clusters, model B on the"
echo "even half and DUC 2006; each is scored only on data it was not fitted on. Multi-News"
echo "halves: F1; full-length sets: recall with the DUC flags, 100 words."
echo
echo "| method | even half 300w R-1 | R-2 | even half 100w R-1 | R-2 | DUC 2006 100w R-1 | R-2 |"
echo "|---|---|---|---|---|---|---|"
for m in default salience; do
    model=()
    [ $m = salience ] && model=(--model "$tmp/A")
    echo "| $m (model A) $(score F --words 300 --method $m "${model[@]}" "$tmp/even.jsonl")$(score F --words 100 --method $m "${model[@]}" "$tmp/even.jsonl")$(score R --words 100 --rouge-flags "$duc_flags" --method $m "${model[@]}" "$duc")|"
done
echo
echo "| method | odd half 300w R-1 | R-2 | odd half 100w R-1 | R-2 | full Multi-News 100w R-1 | R-2 |"
echo "|---|---|---|---|---|---|---|"
for m in default salience; do
    model=()
    [ $m = salience ] && model=(--model "$tmp/B")
    echo "| $m (model B) $(score F --words 300 --method $m "${model[@]}" "$tmp/odd.jsonl")$(score F --words 100 --method $m "${model[@]}" "$tmp/odd.jsonl")$(score R --words 100 --rouge-flags "$duc_flags" --method $m "${model[@]}" "$raw")|"
done
echo

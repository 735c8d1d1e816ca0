#!/usr/bin/env bash
# Throughput of `chorus batch`: the Multi-News validation split (when
# ../shared/data is present) and synthetic clusters of 1, 10 and 1,000
# reports. Prints clusters/s, input MB/s and peak RSS for each.
#
# usage: bench/run.sh [BUILD_DIR]   (default: build, made by scripts/demo)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
chorus="$build/chorus"
[ -x "$chorus" ] || { echo "bench: $chorus not found; run scripts/demo first" >&2; exit 1; }
threads=$(nproc)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() { # label input-file [n-clusters]
    local label=$1 input=$2
    local bytes n
    bytes=$(stat -c %s "$input")
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$chorus" batch --quiet --threads "$threads" \
        --words 300 "$input" >"$tmp/out" 2>"$tmp/err" || true
    n=$(wc -l <"$tmp/out")
    read -r secs rss_kb <"$tmp/time"
    python3 - "$label" "$n" "$secs" "$rss_kb" "$bytes" "$(file -b --mime-type "$input")" "$input" <<'PY'
import gzip, sys
label, n, secs, rss, size, mime, path = sys.argv[1:]
n, secs, rss, size = int(n), float(secs), int(rss), int(size)
if mime == "application/gzip":
    size = sum(len(l) for l in gzip.open(path, "rb"))
secs = max(secs, 0.001)
print(f"{label:<34} {n:>6} clusters  {secs:8.2f} s  {n / secs:9.1f} clusters/s  "
      f"{size / 1e6 / secs:7.1f} MB/s  peak RSS {rss / 1024:6.1f} MB")
PY
}

echo "chorus batch --words 300 --threads $threads ($(nproc) cores)"
val=../shared/data/multinews-val/val.jsonl.gz
if [ -f "$val" ]; then
    run "Multi-News validation" "$val"
else
    echo "Multi-News validation: skipped (../shared/data is not present)"
fi
python3 bench/synth_clusters.py 1 2000 >"$tmp/s1.jsonl"
python3 bench/synth_clusters.py 10 300 >"$tmp/s10.jsonl"
python3 bench/synth_clusters.py 1000 3 >"$tmp/s1000.jsonl"
run "synthetic, 1 report/cluster" "$tmp/s1.jsonl"
run "synthetic, 10 reports/cluster" "$tmp/s10.jsonl"
run "synthetic, 1,000 reports/cluster" "$tmp/s1000.jsonl"

#!/usr/bin/env bash
# The HTML report in a real headless browser: it loads, has every section,
# highlights summary sentences and quote variants where they come from, and
# renders at laptop and phone widths (screenshots kept in the build tree).
# Skips (exit 77) when Chromium is not installed.
# Usage: cli_report_html.sh CHORUS SOURCE_DIR
set -u
chorus=$1
src=$2
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "SKIP: no Chromium found (Debian: apt-get install chromium)"
    exit 77
fi
out_dir="$(dirname "$chorus")/screenshots"
mkdir -p "$out_dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

"$chorus" report --html "$src/examples/harbor-bridge" >"$tmp/report.html" 2>"$tmp/err" ||
    { echo "FAIL: chorus report --html: $(cat "$tmp/err")"; exit 1; }
grep -q -E '<script|<link|@import|src="http' "$tmp/report.html" && fail "report is not self-contained"

run_browser() { # extra args...
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/profile" "$@" "file://$tmp/report.html" 2>>"$tmp/browser.log"
}

run_browser --dump-dom >"$tmp/dom.html" || fail "browser could not load the report"
python3 - "$tmp/dom.html" <<'PY' || fail "DOM checks"
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
for section in ["summary", "sources", "facts", "quotes", "conflicts", "entities", "timeline"]:
    assert f'id="{section}"' in dom, f"section {section} missing"
assert len(re.findall(r'class="s sum', dom)) >= 2, "summary sentences not highlighted in the sources"
assert re.search(r'class="s[^"]*shared', dom), "shared facts not highlighted"
assert "<mark" in dom, "no highlighted quote variant words"
assert re.search(r'<td class="y"', dom), "support matrix has no marks"
PY

for size in 1366,900 390,844; do
    png="$out_dir/report-${size/,/x}.png"
    rm -f "$png"
    run_browser --screenshot="$png" --window-size="$size" --hide-scrollbars >/dev/null
    [ -s "$png" ] || fail "no screenshot at $size"
done

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "HTML report checks passed; screenshots in $out_dir"

#!/bin/bash
# cli_extract.sh - `chorus extract` end to end: text and JSON output, gzip
# input, standard input, --url, errors and exit codes.
# usage: bash cli_extract.sh /path/to/chorus /path/to/source
set -u
CHORUS=$1
SRC=$2
FIX="$SRC/tests/fixtures/html"
. "$SRC/tests/cli-common.bash"

"$CHORUS" extract "$FIX/boilerplate.html" > "$TMP/out.txt"
check "text: exit 0" [ $? -eq 0 ]
check "text: title line" grep -q '^Title: *Elmwood pier reopens after storm repairs$' "$TMP/out.txt"
check "text: date line" grep -q '^Date: *2021-03-09T14:05:00+01:00$' "$TMP/out.txt"
check "text: site line" grep -q '^Site: *The Coastal Ledger$' "$TMP/out.txt"
check "text: body" grep -q 'The north pier in Elmwood reopened to walkers' "$TMP/out.txt"
check "text: no comments" bash -c "! grep -q 'marina development' '$TMP/out.txt'"

"$CHORUS" extract --json "$FIX/jsonld.html" > "$TMP/out.json"
check "json: exit 0" [ $? -eq 0 ]
check "json: one line" [ "$(wc -l < "$TMP/out.json")" -eq 1 ]
check "json: byline" grep -q '"byline":"Oskar Lindqvist, Priya Raman"' "$TMP/out.json"
check "json: date" grep -q '"date":"2021-11-02T09:30:00Z"' "$TMP/out.json"
check "json: paragraphs with offsets" grep -q '"paragraphs":\[{"text":"The city council approved' "$TMP/out.json"
# the first paragraph's offset points at its text in the page file
off=$(grep -o '"offset":[0-9]*' "$TMP/out.json" | head -1 | cut -d: -f2)
check "json: offset into the page" [ "$(tail -c +$((off + 1)) "$FIX/jsonld.html" | head -c 17)" = "The city council " ]

gzip -c "$FIX/broken.html" > "$TMP/page.html.gz"
"$CHORUS" extract "$TMP/page.html.gz" > "$TMP/gz.txt"
check "gzip input" grep -q 'Apple growers across the Brenn valley' "$TMP/gz.txt"
"$CHORUS" extract - < "$FIX/broken.html" > "$TMP/stdin.txt"
check "standard input" cmp -s "$TMP/gz.txt" "$TMP/stdin.txt"
"$CHORUS" extract -u https://farm.example/apples "$FIX/broken.html" > "$TMP/url.txt"
check "--url" grep -q '^URL: *https://farm.example/apples$' "$TMP/url.txt"
check "--url: site from host" grep -q '^Site: *farm.example$' "$TMP/url.txt"

check "help: exit 0" status_is 0 "$CHORUS" extract --help
check "no file: usage error" status_is 2 "$CHORUS" extract
check "bad option: usage error" status_is 2 "$CHORUS" extract --nope "$FIX/broken.html"
check "missing file: I/O error" status_is 3 "$CHORUS" extract "$TMP/absent.html"
: > "$TMP/empty.html"
check "empty file: input error" status_is 1 "$CHORUS" extract "$TMP/empty.html"
head -c 3000 /dev/zero > "$TMP/zeros.bin"
check "binary file: input error" status_is 1 "$CHORUS" extract "$TMP/zeros.bin"

finish cli_extract

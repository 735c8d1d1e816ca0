#!/usr/bin/env bash
# The chorus command end to end: summarize, batch, formats, errors, exit codes.
# Usage: cli_summarize.sh CHORUS SOURCE_DIR
set -u
chorus=$1
src=$2
ex="$src/examples/harbor-bridge"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect_rc() { # expected-rc description command...
    local want=$1 what=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    [ "$rc" -eq "$want" ] || fail "$what: exit $rc, expected $want ($(head -c 300 "$tmp/err"))"
}

# --- summarize: text output with citations and a source list
expect_rc 0 "summarize example" "$chorus" summarize --words 80 "$ex"/*.txt
grep -q '\[[0-9,]*\]$' "$tmp/out" || fail "no citation marks in text output"
grep -q '^Sources:$' "$tmp/out" || fail "no source list"
grep -q -E 'Skip to main content|ADVERTISEMENT|Share this article|fb-pixel|@MerrowPolice' "$tmp/out" &&
    fail "page furniture in the summary"
# a directory is the same cluster as its files
"$chorus" summarize --words 80 "$ex" >"$tmp/dir.out" 2>/dev/null
sed 's#^\[\([0-9]\)\] .*/#[\1] #' "$tmp/out" >"$tmp/a"
sed 's#^\[\([0-9]\)\] .*/#[\1] #' "$tmp/dir.out" >"$tmp/b"
head -n -6 "$tmp/a" | cmp -s - <(head -n -6 "$tmp/b") || fail "directory and file list differ"

# --- json is valid, versioned, and byte-identical across runs
expect_rc 0 "summarize --json" "$chorus" summarize --json "$ex"
cp "$tmp/out" "$tmp/j1"
"$chorus" summarize --json "$ex" >"$tmp/j2" 2>/dev/null
cmp -s "$tmp/j1" "$tmp/j2" || fail "json output differs between two runs"
python3 - "$tmp/j1" <<'PY' || fail "json content"
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert d["schema"] == 1, d["schema"]
assert len(d["documents"]) == 4
assert d["summary"], "empty summary"
assert any(doc["removed"]["count"] > 0 for doc in d["documents"]), "nothing removed"
for s in d["summary"]:
    assert s["doc"] in s["cites"], s
    assert s["length"] > 0
PY

# --- the cross-source report: every section, each item pointing into an input
expect_rc 0 "report --json" "$chorus" report --json "$ex"
python3 - "$tmp/out" "$ex" <<'PY' || fail "report json"
import json, os, sys
d = json.loads(open(sys.argv[1]).read())
ex = sys.argv[2]
inputs = [open(os.path.join(ex, f), "rb").read() for f in sorted(os.listdir(ex))]
assert d["kind"] == "report"
for key in ["summary", "facts", "quotes", "conflicts", "entities", "timeline"]:
    assert key in d, key
def check(span):
    raw = inputs[span["doc"] - 1][span["offset"]:span["offset"] + span["length"]]
    assert raw.decode() == span["text"], (raw, span["text"])
# the injury counts disagree (12 in two reports, 14 in one): one conflict
counts = [c for c in d["conflicts"] if c["kind"] == "count"]
assert counts, d["conflicts"]
for c in d["conflicts"]:
    for side in c["sides"]:
        check(side)
# the towing company's statement, carried by two outlets with a changed word
# and a named vs unnamed speaker, is one quote with two variants
q = [g for g in d["quotes"] if len(g["sources"]) >= 2 and g["attribution_differs"]]
assert q, d["quotes"]
assert any(v["differs"] for v in q[0]["variants"]), q[0]
for g in d["quotes"]:
    for v in g["variants"]:
        check(v)
# a denial is never merged with the claim it denies
kinds = {f["kind"] for f in d["facts"]}
assert "denial" in kinds and "claim" in kinds, kinds
for f in d["facts"]:
    for s in f["sentences"]:
        check(s)
names = {e["name"]: e for e in d["entities"]}
assert "Owen Fitch" in names and "Fitch" in names["Owen Fitch"]["aliases"], list(names)
PY
expect_rc 0 "report --markdown" "$chorus" report --markdown "$ex"
grep -q '^## Where the reports disagree' "$tmp/out" || fail "markdown report has no conflicts section"

# --- the text report lists what people said, not titles or scare quotes;
# idioms such as "That said," attribute nothing; a bare year is printed once
mkdir -p "$tmp/ferry"
cat >"$tmp/ferry/a.txt" <<'TXT'
The night ferry to Lindqvist Island ran aground on a sandbar in 1987, and the new "Seawolf" boat was meant to end such trouble.
Harbour master Ines Falk called the grounding "a disaster for the island" on Tuesday.
That said, the ferry company expects the service to resume on Friday.
TXT
cat >"$tmp/ferry/b.txt" <<'TXT'
Passengers tried to "sabotage" the timetable by boarding early, a crew member joked.
Ines Falk said the ferry company would pay for hotel rooms for every stranded passenger.
The night ferry to Lindqvist Island ran aground on a sandbar, the company confirmed.
TXT
expect_rc 0 "report on a written cluster" "$chorus" report "$tmp/ferry"
grep -q 'Ines Falk: "a disaster for the island"' "$tmp/out" || fail "attributed quotation not listed"
grep -q -E 'speaker unknown: "(Seawolf|sabotage)"' "$tmp/out" && fail "title or scare quote listed as a quotation"
grep -q 'claim by That' "$tmp/out" && fail "'That said,' read as a claim by \"That\""
grep -q '^  1987: The night ferry' "$tmp/out" || fail "bare year not printed once in the timeline"
grep -q 'trouble\. \[1\]$' "$tmp/out" || fail "timeline line without its citation mark"
expect_rc 0 "report --json on a written cluster" "$chorus" report --json "$tmp/ferry"
python3 - "$tmp/out" <<'PY' || fail "json report lost the short quotation"
import json, sys
d = json.loads(open(sys.argv[1]).read())
texts = [v["text"] for g in d["quotes"] for v in g["variants"]]
assert "sabotage" in texts, texts
PY
expect_rc 0 "report --html on a written cluster" "$chorus" report --html "$tmp/ferry"
grep -q '<b>1987</b>' "$tmp/out" || fail "bare year not printed once in the html timeline"
grep -q 'sabotage&rdquo;' "$tmp/out" && fail "scare quote listed among the html quotations"

# --- markdown
expect_rc 0 "summarize --markdown" "$chorus" summarize --markdown "$ex"
grep -q '^### Sources' "$tmp/out" || fail "markdown has no source list"

# --- stdin
expect_rc 0 "summarize from stdin" sh -c "cat '$ex/01-coastal-courier.txt' | '$chorus' summarize -"
[ -s "$tmp/out" ] || fail "no output from stdin"

# --- saved web pages are read through the article extractor
for i in 1 2; do
    python3 - "$ex" "$i" >"$tmp/page$i.html" <<'PY'
import html, os, sys
ex, i = sys.argv[1], int(sys.argv[2])
name = sorted(os.listdir(ex))[i]
paras = [p for p in open(os.path.join(ex, name)).read().split("\n\n") if p.strip()]
body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
print(f"<!DOCTYPE html><html><head><title>Report {i}</title></head><body>"
      f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>{body}</article>"
      f"<footer>Contact us | Privacy policy</footer></body></html>")
PY
done
expect_rc 0 "summarize HTML pages" "$chorus" summarize --json "$tmp/page1.html" "$tmp/page2.html"
python3 - "$tmp/out" <<'PY' || fail "HTML input"
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert [doc["title"] for doc in d["documents"]] == ["Report 1", "Report 2"], d["documents"]
text = " ".join(s["text"] for s in d["summary"])
assert "Privacy policy" not in text and "Home News" not in text, text
assert d["summary"], "empty summary"
PY

# --- bad input: clear message, non-zero exit
: >"$tmp/empty.txt"
expect_rc 1 "empty file" "$chorus" summarize "$tmp/empty.txt"
grep -q "empty.txt" "$tmp/err" || fail "empty-file error does not name the file"
printf '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00' >"$tmp/bin.txt"
expect_rc 1 "binary file" "$chorus" summarize "$tmp/bin.txt"
grep -q "bin.txt" "$tmp/err" || fail "binary-file error does not name the file"
expect_rc 3 "missing file" "$chorus" summarize "$tmp/nope.txt"
expect_rc 2 "unknown option" "$chorus" summarize --frobnicate "$ex"
expect_rc 2 "bad number" "$chorus" summarize --words many "$ex"
expect_rc 2 "unknown method" "$chorus" summarize --method magic "$ex"
expect_rc 2 "unknown command" "$chorus" frobnicate
printf 'The ferry left on time \xff\xfe and arrived late in the evening.\n' >"$tmp/bad-utf8.txt"
expect_rc 0 "invalid utf-8 is repaired" "$chorus" summarize "$tmp/bad-utf8.txt"
grep -q "warning: 2 invalid UTF-8 sequences" "$tmp/err" || fail "no repair warning: $(cat "$tmp/err")"

# --- help teaches
for cmd in summarize batch idf; do
    expect_rc 0 "$cmd --help" "$chorus" $cmd --help
    grep -q -i "example" "$tmp/out" || fail "$cmd --help has no examples"
done
expect_rc 0 "--help" "$chorus" --help

# --- batch: one line per cluster, in order, errors in line
{
    python3 - "$ex" <<'PY'
import json, os, sys
ex = sys.argv[1]
docs = [open(os.path.join(ex, f)).read() for f in sorted(os.listdir(ex))]
for i in range(5):
    print(json.dumps({"id": f"c{i}", "documents": docs[i % 4:] + docs[:i % 4]}))
print(json.dumps({"id": "bad", "documents": []}))
print("{not json")
print(json.dumps({"id": "last", "documents": [{"text": docs[0], "source": "Coastal Courier"}]}))
PY
} >"$tmp/clusters.jsonl"
expect_rc 1 "batch with a bad line" "$chorus" batch --threads 2 "$tmp/clusters.jsonl"
python3 - "$tmp/out" <<'PY' || fail "batch output"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
ids = [l.get("id") for l in lines]
assert ids == ["c0", "c1", "c2", "c3", "c4", None, None, "last"], ids
assert "error" in lines[5] and "error" in lines[6]
assert lines[7]["documents"][0]["source"] == "Coastal Courier"
PY
grep -q ":7:" "$tmp/err" || fail "malformed JSONL line not reported with its number"
# threads do not change the output
"$chorus" batch --threads 1 "$tmp/clusters.jsonl" >"$tmp/b1" 2>/dev/null
"$chorus" batch --threads 2 "$tmp/clusters.jsonl" >"$tmp/b2" 2>/dev/null
cmp -s "$tmp/b1" "$tmp/b2" || fail "batch output depends on --threads"

# --- the salience method and its model file
expect_rc 0 "salience method" "$chorus" summarize --method salience --words 60 "$ex"
grep -q '\[[0-9,]*\]$' "$tmp/out" || fail "salience: no cited sentences"
expect_rc 3 "missing model" "$chorus" summarize --method salience --model "$tmp/none.txt" "$ex"
grep -q "cannot open" "$tmp/err" || fail "missing model: no clear message"
printf 'chorus-salience 2\nbias 0\ncentroid oops\n' >"$tmp/bad.model"
expect_rc 1 "malformed model" "$chorus" summarize --method salience --model "$tmp/bad.model" "$ex"
grep -q "line 3" "$tmp/err" || fail "malformed model: line not named ($(cat "$tmp/err"))"
# a model written by hand: every weight 0 but a strong taste for digits
{
    echo "chorus-salience 2"
    echo "bias 0"
    for f in centroid centroid_rel support_mean support_max lexrank pos_inv pos_first pos_rel \
        pos_last len_log len_short len_long context quote concept_df term_df content_ratio \
        question first_person doc_share headline unfinished single_doc lexicon_mean lexicon_pos; do
        echo "$f 0"
    done
    echo "digit 10"
} >"$tmp/digits.model"
expect_rc 0 "hand-written model" "$chorus" summarize --method salience --model "$tmp/digits.model" \
    --sentences 1 "$ex"
head -n 1 "$tmp/out" | grep -q '[0-9].*\[' || fail "model with a taste for digits chose no number"
# compression of tokenised spacing is on by default
printf 'The council said , " we will vote on the bridge , " and adjourned at noon .\n' >"$tmp/tok.txt"
expect_rc 0 "tokenised input" "$chorus" summarize --words 40 "$tmp/tok.txt"
grep -q 'said, "we will vote on the bridge," and adjourned at noon.' "$tmp/out" ||
    fail "tokenised spacing kept: $(head -n 1 "$tmp/out")"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "all command-line checks passed"

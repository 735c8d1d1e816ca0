#!/usr/bin/env python3
"""Writes synthetic JSONL clusters for the throughput benchmark.

usage: synth_clusters.py N_DOCS N_CLUSTERS [SEED] > clusters.jsonl

Each report has about 25 sentences of 15-30 words drawn from a fixed
vocabulary; reports of one cluster share a pool of "event" sentences, with
words swapped, so that near-duplicates and citations occur as in real news.
"""
import json
import random
import sys

WORDS = """council harbor bridge ferry minister police court report official city
vote budget tram storm flood river school hospital union strike company market
price share election party leader mayor governor agency investigation witness
statement spokesman spokeswoman government residents workers engineers pilots
tuesday wednesday morning evening week month year percent million billion
closed opened approved rejected said told announced confirmed denied warned
according expected damaged injured arrested charged funded delayed reopened
north south east west central local national regional public private new old
first second third last early late major minor long short high low large small""".split()
GLUE = "the a of to in on and for with by at from after before that which".split()


def sentence(rng, n):
    words = []
    for i in range(n):
        words.append(rng.choice(GLUE) if i % 3 == 1 else rng.choice(WORDS))
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def main():
    n_docs = int(sys.argv[1])
    n_clusters = int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    for c in range(n_clusters):
        pool = [sentence(rng, rng.randint(15, 30)) for _ in range(40)]
        docs = []
        for d in range(n_docs):
            sents = []
            for _ in range(25):
                if rng.random() < 0.4:
                    s = rng.choice(pool).split()
                    s[rng.randrange(1, len(s) - 1)] = rng.choice(WORDS)
                    sents.append(" ".join(s))
                else:
                    sents.append(sentence(rng, rng.randint(15, 30)))
            paras = ["\n".join(sents[i:i + 3]) for i in range(0, len(sents), 3)]
            docs.append({"text": "\n\n".join(paras), "source": f"outlet-{d}"})
        print(json.dumps({"id": f"synth-{n_docs}-{c}", "documents": docs}))


if __name__ == "__main__":
    main()

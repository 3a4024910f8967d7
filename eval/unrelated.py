#!/usr/bin/env python3
"""Unrelated articles pasted together: does the comparison say so, and keep them apart?

Usage: python3 eval/unrelated.py [--sets 40] [--intruders 30] [--engine PATH]

Input: the gold article bodies of the article-html corpus (`../shared/data/article-html/`, 181 real
news pages on as many stories), run through `corroborate compare --format json`.

1. Sets of five articles drawn at random (seeds 0..sets-1): five stories. Reported: the share of
   article pairs the engine puts in one event group (ideal 0), facts told by two sources or
   more, conflicts, and sources flagged "possibly a different event" (ideal all).
2. The five seed articles (one story) plus one article drawn at random (seeds 0..intruders-1):
   how often the intruder is alone in its group and flagged, whether the seeds stay in one
   group, and the facts and conflicts that take in the intruder (ideal 0).

No gold beyond "these are different stories"; a few drawn pairs may touch (two articles on one
outlet's beat), so 0 is a bound, not a target.
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import systems  # noqa: E402

DEFAULT_DIR = os.path.join(systems.REPO, "..", "shared", "data", "article-html")


def run(engine, files):
    out = subprocess.run([engine, "compare", "--format", "json"] + files, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", default=DEFAULT_DIR)
    ap.add_argument("--engine", default=systems.DEFAULT_ENGINE)
    ap.add_argument("--sets", type=int, default=40)
    ap.add_argument("--intruders", type=int, default=30)
    a = ap.parse_args()
    gold = json.load(open(os.path.join(a.dir, "ground-truth.json")))
    seeds = sorted(glob.glob(os.path.join(systems.REPO, "data", "seeds", "*.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, k in enumerate(sorted(gold)):
            p = os.path.join(tmp, "%03d.txt" % i)
            open(p, "w").write(gold[k]["articleBody"])
            files.append(p)
        pairs = together = multi = conflicts = flagged = 0
        for s in range(a.sets):
            rep = run(a.engine, random.Random(s).sample(files, 5))
            g = [x["event_group"] for x in rep["sources"]]
            pairs += 10
            together += sum(g[i] == g[j] for i in range(5) for j in range(i + 1, 5))
            multi += sum(f["corroboration"] > 1 for f in rep["facts"])
            conflicts += len(rep["conflicts"])
            flagged += len(rep["different_event"])
        print(f"{a.sets} sets of five unrelated articles: article pairs in one group {together} of {pairs} "
              f"({100 * together / pairs:.1f}%); facts told by 2+ sources {multi}; conflicts {conflicts}; "
              f"sources flagged as a different event {flagged} of {5 * a.sets}")
        alone = flag = split = facts = confl = 0
        for s in range(a.intruders):
            rep = run(a.engine, seeds + [random.Random(s).choice(files)])
            g = [x["event_group"] for x in rep["sources"]]
            me = rep["sources"][-1]["id"]
            alone += g[-1] not in g[:-1]
            split += len(set(g[:-1])) > 1
            flag += any(d["source"] == me for d in rep["different_event"])
            facts += sum(f["corroboration"] > 1 and me in f["sources"] for f in rep["facts"])
            confl += sum(any(me in v["sources"] for v in c["values"]) for c in rep["conflicts"])
        print(f"the five seeds + one unrelated article, {a.intruders} draws: intruder alone in its group {alone}, "
              f"flagged {flag}; seeds split {split}; facts with the intruder {facts}; conflicts with it {confl}")


if __name__ == "__main__":
    main()

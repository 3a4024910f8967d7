#!/usr/bin/env python3
"""Conflict precision on real news: the engine's conflicts on ECB+ sub-topics, judged by hand.

Usage: python3 eval/conflicts_ecb.py [--split trainval|test] [--sample N] [--seed S] [--draw hash|random]
                                     [-v] [--todo OUT]

Input: each `subtopic/<t>_<ecb|ecbplus>.json` of the converted ECB+ corpus: one real event told
by several outlets, run through `corroborate compare --format json` as one set of articles. ECB+
has no gold conflicts, so precision is measured on a sample:

- Every conflict of severity "conflict" (number, date, role, quote) is listed with a key
  (sub-topic, kind, subject, values).
- A sample of N of them is looked up in
  `eval/conflicts_judged.json`, where a person has judged conflicts by reading the evidence:
  `true` = the sources really disagree about the same thing (a real error, a real difference of
  wording of one quote); `false` = not a conflict (different things, one source's own two
  values, page furniture, the same words). The precision is judged-true / judged in the sample.
  The sample is the N conflicts whose keys hash lowest (SHA-1 of the seed and the key, as in the
  other hand-judged harnesses, `judged.py`): a conflict two engines both report is in both
  samples or in neither, so judgements carry over when the list grows. `--draw random` gives the
  seeded random draw used before 2026-11-23.
- Every judged conflict of the split is also checked for whether the engine still reports it.
- Sampled conflicts not judged yet are printed (`-v` prints their evidence) to be judged and
  added to the file; the figure counts only judged ones and says how many were not.

Tune on trainval (the judged file holds trainval judgements); run test once, then judge its
sample and report it without changing the engine for it.

`--mixed` runs each `topic/<t>.json` instead: two real events of one kind (two fires, two
fights) told by several outlets each, mixed as a user might paste them. A conflict whose values
come from articles of different events compares two events, not two accounts of one: it is
false without judging. The harness counts them (the figure to keep at zero) and prints them.
"""
import argparse
import json
import os
import random
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ecb  # noqa: E402
import judged as judged_lib  # noqa: E402
import systems  # noqa: E402

DEFAULT_ECB = os.path.join(systems.REPO, "..", "shared", "data", "ecbplus")
JUDGED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conflicts_judged.json")


def key(subtopic, c):
    vals = sorted(v["value"] for v in c["values"])
    return "%s | %s | %s | %s" % (subtopic, c["kind"], c.get("subject", ""), " / ".join(vals))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="trainval")
    ap.add_argument("--ecb-dir", default=DEFAULT_ECB)
    ap.add_argument("--engine", default=systems.DEFAULT_ENGINE)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--draw", choices=("hash", "random"), default="hash",
                    help="hash: the N keys hashing lowest (default); random: the seeded random draw used before")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--todo", metavar="OUT", help="write the sampled keys not judged yet as a JSON list")
    ap.add_argument("--mixed", action="store_true", help="run the mixed topics; count conflicts across their two events")
    args = ap.parse_args(argv)
    corpus = ecb.Corpus(args.ecb_dir)
    if args.mixed:
        return mixed(corpus, args)
    judged = {}
    if os.path.exists(JUDGED):
        for j in json.load(open(JUDGED, encoding="utf-8"))["judged"]:
            judged[j["key"]] = j
    commit, _ = systems.engine_info(args.engine)
    conflicts = []  # (key, conflict)
    ndocs = 0
    severities = Counter()
    for path in corpus.subtopic_files(corpus.topics(args.split)):
        data = corpus.load(path)
        docs = [(d["id"], d["text"]) for d in data["docs"]]
        ndocs += len(docs)
        rep = systems.run_engine(docs, args.engine).report
        sub = os.path.basename(path)[: -len(".json")]
        for c in rep.get("conflicts", []):
            severities[(c["kind"], c["severity"])] += 1
            if c["severity"] == "conflict":
                conflicts.append((key(sub, c), c))
    print("ECB+ conflicts, split %s (%d sub-topics' articles, %d documents), engine %s"
          % (args.split, len(corpus.subtopic_files(corpus.topics(args.split))), ndocs, commit))
    print("by kind and severity: " + ", ".join("%s %s %d" % (k, s, n) for (k, s), n in sorted(severities.items())))
    print("conflicts (severity conflict): %d, %.2f per document" % (len(conflicts), len(conflicts) / max(ndocs, 1)))
    if args.draw == "random":
        sample = random.Random(args.seed).sample(conflicts, min(args.sample, len(conflicts)))
    else:
        sample = judged_lib.hash_sample(conflicts, args.seed, args.sample)
    good = bad = 0
    todo = []
    by_kind = Counter()
    for k, c in sample:
        j = judged.get(k)
        if j is None:
            todo.append((k, c))
        elif j["verdict"]:
            good += 1
            by_kind[(c["kind"], True)] += 1
        else:
            bad += 1
            by_kind[(c["kind"], False)] += 1
    n = good + bad
    print("sample of %d (seed %d): judged %d, true %d, false %d: precision %.1f%%; not judged yet %d"
          % (len(sample), args.seed, n, good, bad, 100.0 * good / n if n else 0.0, len(todo)))
    kinds = sorted({k for k, _ in by_kind})
    print("judged by kind: " + ", ".join("%s %d/%d" % (k, by_kind[(k, True)], by_kind[(k, True)] + by_kind[(k, False)]) for k in kinds))
    present = {k for k, _ in conflicts}
    n_judged, kept_t, all_t, kept_f = judged_lib.still_reported(corpus, args.split, judged, present)
    print("all %d judged conflicts of this split still reported: true %d of %d, false %d of %d: precision among them %s"
          % (n_judged, kept_t, all_t, kept_f, n_judged - all_t,
             "%.1f%%" % (100.0 * kept_t / (kept_t + kept_f)) if kept_t + kept_f else "n/a"))
    if args.todo:
        with open(args.todo, "w", encoding="utf-8") as f:
            json.dump([k for k, _ in todo], f, ensure_ascii=False, indent=1)
    for k, c in todo:
        print("TO JUDGE: " + k.replace("\n", " "))
        if args.verbose:
            for v in c["values"]:
                print("    %-24s %s | %s" % (v["value"][:24], ",".join(v["sources"][:3]), v["evidence"][0]["text"][:260].replace("\n", " ")))
    if args.verbose:
        print("judged false in the sample:")
        for k, c in sample:
            j = judged.get(k)
            if j is not None and not j["verdict"]:
                print("   %s  (%s)" % (k, j.get("why", "")))


def mixed(corpus, args):
    """Conflicts of severity "conflict" on the mixed topics, and those spanning the two events."""
    commit, _ = systems.engine_info(args.engine)
    by_kind = Counter()
    across = []
    ndocs = ntopics = 0
    for t in corpus.topics(args.split):
        path = os.path.join(corpus.dir, "topic", "%s.json" % t)
        if not os.path.exists(path):
            continue
        data = corpus.load(path)
        ntopics += 1
        ndocs += len(data["docs"])
        event = {d["id"]: d["subtopic"] for d in data["docs"]}
        rep = systems.run_engine([(d["id"], d["text"]) for d in data["docs"]], args.engine).report
        for c in rep.get("conflicts", []):
            if c["severity"] != "conflict":
                continue
            events = {event[s] for v in c["values"] for s in v["sources"]}
            by_kind[(c["kind"], len(events) > 1)] += 1
            if len(events) > 1:
                across.append((t, c))
    total = sum(by_kind.values())
    print("ECB+ mixed topics, split %s (%d topics, %d documents), engine %s" % (args.split, ntopics, ndocs, commit))
    print("conflicts (severity conflict): %d; across the two events: %d" % (total, len(across)))
    print("by kind (within one event / across): " + ", ".join(
        "%s %d/%d" % (k, by_kind[(k, False)], by_kind[(k, True)]) for k in sorted({k for k, _ in by_kind})))
    for t, c in across:
        print("ACROSS: topic %s | %s | %s" % (t, c["kind"], c.get("subject", "")))
        if args.verbose:
            for v in c["values"]:
                print("    %-24s %s | %s" % (v["value"][:24], ",".join(v["sources"][:3]), v["evidence"][0]["text"][:200].replace("\n", " ")))


if __name__ == "__main__":
    main()

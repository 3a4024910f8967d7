#!/usr/bin/env python3
"""Strict precision of corroborated facts on real news: pairs of evidence sentences, judged by hand.

Usage: python3 eval/fact_pairs_ecb.py [--split trainval|test] [--engine BINARY] [--sample N] [--seed S]
                                      [-v] [--todo OUT]

Why: `eval/facts_ecb.py` counts two sentences of a fact as right when they mention the same gold
event chain of ECB+. That is lenient: "Fire destroys historic dairy building" and "Police ask
anyone with information about how the fire started to call" both mention the fire, yet they do
not tell the same fact, and a reader shown them as one corroborated fact is misled. This harness
asks the stricter question the product's users ask.

Input: each `subtopic/<t>_<ecb|ecbplus>.json` of the converted ECB+ corpus (one real event told
by several outlets), run through `corroborate compare --format json` as one set of articles.

- A *pair* is two evidence passages of one corroborated fact (`facts[]`) from different sources.
  Its key is the sentence pair: sub-topic, and each side's source id and sentence number, in
  sorted order, so that a judgement survives engine changes that move a piece's edges or renumber
  facts. A sentence pair found in several facts is listed once (with its first fact).
- A sample of N pairs is looked up in
  `eval/fact_pairs_judged.json`, where a person has judged pairs by reading both whole sentences
  and the engine's fact summary: `true` = the two sentences state a common claim about the
  event (the same happening, figure, quote, person's role...; in other words or with different
  details is fine); `false` = they do not (they only share words, names or a topic, tell
  different happenings, or the shared part is page furniture such as a date line or a byline).
  Precision = judged true / judged in the sample. The sample is the N pairs whose keys hash
  lowest (SHA-1 of the seed and the key): a pair that two engines both report is in both
  samples or in neither, so judgements carry over between engine versions, and each sample is
  still a uniform random draw from its engine's pairs.
- Sampled pairs not judged yet are listed; `--todo OUT` writes them as a JSON list with all that
  is needed to judge them: key, sub-topic, fact summary and source count, and each side's
  source, sentence number, whole sentence and evidence passage.
- Every judged pair of the split is also checked for whether the engine still reports it: when
  a change only adds or only removes pairs, the judged ones that remain estimate the change.

Tune on trainval; run test once, then judge its sample and report it without changing the
engine for it.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ecb  # noqa: E402
import judged as judged_lib  # noqa: E402
import systems  # noqa: E402

DEFAULT_ECB = os.path.join(systems.REPO, "..", "shared", "data", "ecbplus")
JUDGED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fact_pairs_judged.json")


def sentence_text(run, source, spans, i):
    a, b = spans[i]
    ca, cb = run.span(source, a, b)
    if ca is None:
        return ""
    return run.texts[source][ca:cb]


def collect(corpus, split, engine):
    """[(key, record)] of every cross-source sentence pair of every fact, and counts."""
    out = []
    seen = set()
    ndocs = nfacts = 0
    for path in corpus.subtopic_files(corpus.topics(split)):
        data = corpus.load(path)
        docs = [(d["id"], d["text"]) for d in data["docs"]]
        ndocs += len(docs)
        run = systems.run_engine(docs, engine)
        rep = run.report
        sub = os.path.basename(path)[: -len(".json")]
        spans = {s["id"]: s.get("sentence_spans", []) for s in rep.get("sources", [])}
        for f in rep.get("facts", []):
            if f.get("corroboration", 0) < 2:
                continue
            nfacts += 1
            ev = f.get("evidence", [])
            for i in range(len(ev)):
                for j in range(i + 1, len(ev)):
                    x, y = ev[i], ev[j]
                    if x["source"] == y["source"]:
                        continue
                    (x, y) = sorted((x, y), key=lambda e: (e["source"], e["sentence"]))
                    k = "%s | %s §%d | %s §%d" % (sub, x["source"], x["sentence"], y["source"], y["sentence"])
                    if k in seen:
                        continue
                    seen.add(k)
                    side = lambda e: {
                        "source": e["source"],
                        "sentence": e["sentence"],
                        "passage": e["text"],
                        "whole_sentence": sentence_text(run, e["source"], spans[e["source"]], e["sentence"]),
                    }
                    out.append((k, {
                        "key": k,
                        "subtopic": sub,
                        "fact": f["id"],
                        "summary": f["summary"],
                        "corroboration": f["corroboration"],
                        "a": side(x),
                        "b": side(y),
                    }))
    return out, ndocs, nfacts


def pct(a, n):
    return "%.1f%%" % (100.0 * a / n) if n else "n/a"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="trainval")
    ap.add_argument("--ecb-dir", default=DEFAULT_ECB)
    ap.add_argument("--engine", default=systems.DEFAULT_ENGINE)
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--todo", metavar="OUT", help="write the sampled pairs not judged yet as a JSON list")
    args = ap.parse_args(argv)
    corpus = ecb.Corpus(args.ecb_dir)
    judged = {}
    if os.path.exists(JUDGED):
        for j in json.load(open(JUDGED, encoding="utf-8"))["judged"]:
            judged[j["key"]] = j
    commit, note = systems.engine_info(args.engine)
    if note:
        print(note)
    pairs, ndocs, nfacts = collect(corpus, args.split, args.engine)
    nsub = len(corpus.subtopic_files(corpus.topics(args.split)))
    print("ECB+ corroborated facts as sentence pairs, split %s (%d sub-topics, %d documents), engine %s"
          % (args.split, nsub, ndocs, commit))
    print("facts told by 2+ sources: %d; cross-source sentence pairs: %d" % (nfacts, len(pairs)))
    sample = judged_lib.hash_sample(pairs, args.seed, args.sample)
    good = bad = 0
    todo = []
    for k, r in sample:
        j = judged.get(k)
        if j is None:
            todo.append((k, r))
        elif j["verdict"]:
            good += 1
        else:
            bad += 1
    n = good + bad
    print("sample of %d (seed %d): judged %d, true %d, false %d: precision %s; not judged yet %d"
          % (len(sample), args.seed, n, good, bad, pct(good, n), len(todo)))
    present = {k for k, _ in pairs}
    n_judged, kept_t, all_t, kept_f = judged_lib.still_reported(corpus, args.split, judged, present)
    print("all %d judged pairs of this split still reported: true %d of %d, false %d of %d: precision among them %s"
          % (n_judged, kept_t, all_t, kept_f, n_judged - all_t, pct(kept_t, kept_t + kept_f)))
    if args.todo:
        with open(args.todo, "w", encoding="utf-8") as f:
            json.dump([r for _, r in todo], f, ensure_ascii=False, indent=1)
    for k, r in todo:
        print("TO JUDGE: %s" % k)
        if args.verbose:
            print_pair(r)
    if args.verbose:
        print("judged in the sample (verdict, key, why):")
        for k, r in sample:
            j = judged.get(k)
            if j is not None:
                print("  %-5s %s\n        summary: %s\n        why: %s"
                      % ("true" if j["verdict"] else "FALSE", k, r["summary"], j.get("why", "")))


def print_pair(r):
    print("    fact %s (%d sources): %s" % (r["fact"], r["corroboration"], r["summary"]))
    for s in (r["a"], r["b"]):
        print("    %s §%d: %s" % (s["source"], s["sentence"], s["whole_sentence"][:300].replace("\n", " ")))


if __name__ == "__main__":
    main()

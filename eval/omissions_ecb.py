#!/usr/bin/env python3
"""Omission precision on real news: the engine's omissions on ECB+ sub-topics, judged by hand.

Usage: python3 eval/omissions_ecb.py [--split trainval|test] [--engine BINARY] [--sample N] [--seed S]
                                     [-v] [--todo OUT]

Input: each `subtopic/<t>_<ecb|ecbplus>.json` of the converted ECB+ corpus: one real event told
by several outlets, run through `corroborate compare --format json` as one set of articles. An
omission is one entry of the report's `omissions[]`: a source, and a fact that most other sources
of its event group tell and it does not. ECB+ has no gold omissions, so precision is measured on
a sample:

- Every omission is listed with a key (sub-topic, omitting source id, the fact's summary), so a
  judgement survives engine changes that keep the same omission (fact ids are not kept: they
  are renumbered whenever the facts change).
- A sample of N of them is looked up in
  `eval/omissions_judged.json`, where a person has judged omissions by reading the fact's
  evidence and the FULL text of the omitting source: `true` = the omitting source really does
  not report that fact, in any wording; `false` = it does report it (the `why` quotes the
  sentence that does), or the "fact" is not a fact about the event (page furniture,
  boilerplate, generic commentary). The precision is judged-true / judged in the sample.
- Sampled omissions not judged yet are listed (`-v` prints the fact's evidence sentences);
  `--todo OUT` writes them as a JSON list with everything needed to judge them: key, sub-topic,
  omitting source, fact id and summary, told_by, each evidence passage with its source, and the
  full text of the omitting source (to search it for the fact in other words). The figure
  counts only judged ones and says how many were not. The sample (`--draw hash`, the default)
  is the N omissions whose keys hash lowest (SHA-1 of the seed and the key): a uniform draw from
  the engine's omissions in which an omission two engine versions share is in both samples or in
  neither, so judgements carry over when the facts change. `--draw random` is the seeded
  `random.sample` of the figures before 2026-11-23's eleventh session, whose picks all move when
  the list changes.

Specific / no specific (the breakdown to choose a rule by): an omission's fact "has a specific"
when at least one of the fact's evidence passages (`facts[].evidence[].text`, one per telling
source and clause) contains
  - a digit (any character matching Python's `\\d`: "33", "2008", "1st", "6:41pm"), or
  - a capitalised word not at sentence start. Words are `[^\\W\\d_][\\w'\u2019.-]*` (ecb._WORD); a
    word is capitalised when its first character is upper case (str.isupper), and the bare
    pronoun "I" (and "I'm", "I've", "I'd", "I'll") does not count. A word is at sentence start
    when the text of its sentence before it, stripped of white space, is empty or ends with one
    of . ! ? : ; " \u201c \u2018 ' ( - \u2014 (ecb.informative_position, the rule by which eval/ecb.py
    decides where a capital says something). "Its sentence" begins at the later of the start
    of the engine's sentence (`sources[].sentence_spans[evidence.sentence]`) and the start of
    the line (ECB+ texts are one sentence per line), and the text before the word is read from
    the source itself, so a clause that starts mid-sentence does not make its first word a
    sentence start. Every word of a Title Case headline after the first counts as
    capitalised, and a word after an abbreviation's full stop ("Jan. Smith") counts as at
    sentence start: the rule takes no account of either.
The sample's precision is printed for the two classes, and by the kind of the first specific
found (each passage is searched for a digit first, then for a capitalised word; passages in
evidence order), with that specific for each sampled omission under `-v`, and the share of all
omissions with a specific.

Tune on trainval (the judged file holds trainval judgements: the seed-1 sample of 80, which here
begins with the default sample of 40, as random.sample's first picks do not depend on N for N up
to 85 and a population over 277); run test once, then judge its sample and report it without
changing the engine for it.
"""
import argparse
import json
import os
import random
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ecb  # noqa: E402
import judged as judged_lib  # noqa: E402
import systems  # noqa: E402

DEFAULT_ECB = os.path.join(systems.REPO, "..", "shared", "data", "ecbplus")
JUDGED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "omissions_judged.json")

_DIGIT = re.compile(r"\d")
_PRONOUN_I = {"I", "I'm", "I've", "I'd", "I'll", "I\u2019m", "I\u2019ve", "I\u2019d", "I\u2019ll"}


def key(subtopic, o):
    return "%s | %s | %s" % (subtopic, o["source"], o["summary"])


def passage_specific(text, a, b, sentence_start):
    """The first specific in text[a:b] (a digit, or a capitalised word not at sentence start),
    as (kind, token), or None. sentence_start: code-point offset where the passage's sentence
    begins (the engine's sentence start; a later line start wins)."""
    m = _DIGIT.search(text, a, b)
    if m:
        s = m.start()
        while s > a and not text[s - 1].isspace():
            s -= 1
        e = m.end()
        while e < b and not text[e].isspace():
            e += 1
        return "digit", text[s:e]
    line_start = text.rfind("\n", 0, a) + 1
    start = max(sentence_start, line_start)
    for w in ecb._WORD.finditer(text, a, b):
        word = w.group().rstrip(".")
        if not word or not word[0].isupper() or word in _PRONOUN_I:
            continue
        # the part of the sentence before the word, read from the source (not from the passage)
        s = max(start, text.rfind("\n", 0, w.start()) + 1)
        if ecb.informative_position(text[s:w.end()], w.start() - s):
            return "capital", word
    return None


def fact_specific(run, fact, sentence_starts):
    """(kind, token, source) of the first specific in any evidence passage of the fact, or None."""
    for ev in fact.get("evidence", []):
        a, b = run.span(ev["source"], ev["start"], ev["end"])
        text = run.texts[ev["source"]]
        if a is None:  # offsets unusable: fall back to the passage alone, its start as sentence start
            text, a, b = ev["text"], 0, len(ev["text"])
            sstart = 0
        else:
            spans = sentence_starts.get(ev["source"], [])
            sstart = spans[ev["sentence"]] if 0 <= ev.get("sentence", -1) < len(spans) else 0
            sstart = min(sstart, a)
        found = passage_specific(text, a, b, sstart)
        if found:
            return found + (ev["source"],)
    return None


def collect(corpus, split, engine):
    """[(key, record)] of every omission of the split, and the number of documents."""
    out = []
    ndocs = 0
    for path in corpus.subtopic_files(corpus.topics(split)):
        data = corpus.load(path)
        docs = [(d["id"], d["text"]) for d in data["docs"]]
        ndocs += len(docs)
        run = systems.run_engine(docs, engine)
        rep = run.report
        sub = os.path.basename(path)[: -len(".json")]
        facts = {f["id"]: f for f in rep.get("facts", [])}
        sentence_starts = {}
        for src in rep.get("sources", []):
            starts = []
            for sa, sb in src.get("sentence_spans", []):
                ca, _ = run.span(src["id"], sa, sb)
                starts.append(ca if ca is not None else 0)
            sentence_starts[src["id"]] = starts
        for o in rep.get("omissions", []):
            f = facts.get(o["fact"], {"evidence": []})
            spec = fact_specific(run, f, sentence_starts)
            rec = {
                "key": key(sub, o),
                "subtopic": sub,
                "source": o["source"],
                "fact": o["fact"],
                "summary": o["summary"],
                "told_by": o["told_by"],
                "specific": bool(spec),
                "specific_kind": spec[0] if spec else "none",
                "specific_found": ("%s %r in %s" % spec) if spec else None,
                "evidence": [{"source": ev["source"], "text": ev["text"]} for ev in f.get("evidence", [])],
                "omitting_source_text": run.texts[o["source"]],
            }
            out.append((rec["key"], rec))
    return out, ndocs


def pct(a, n):
    return "%.1f%%" % (100.0 * a / n) if n else "n/a"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="trainval")
    ap.add_argument("--ecb-dir", default=DEFAULT_ECB)
    ap.add_argument("--engine", default=systems.DEFAULT_ENGINE)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--draw", choices=("hash", "random"), default="hash",
                    help="hash (default): the N omissions whose keys hash lowest, so that an omission two engines "
                    "both report is in both samples or in neither; random: random.sample with the seed (the draw "
                    "of the figures before 2026-11-23's eleventh session)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--todo", metavar="OUT", help="write the sampled omissions not judged yet, with the evidence "
                    "and the omitting source's full text, as a JSON list")
    args = ap.parse_args(argv)
    corpus = ecb.Corpus(args.ecb_dir)
    judged = {}
    if os.path.exists(JUDGED):
        for j in json.load(open(JUDGED, encoding="utf-8"))["judged"]:
            judged[j["key"]] = j
    commit, note = systems.engine_info(args.engine)
    if note:
        print(note)
    omissions, ndocs = collect(corpus, args.split, args.engine)
    nsub = len(corpus.subtopic_files(corpus.topics(args.split)))
    print("ECB+ omissions, split %s (%d sub-topics' articles, %d documents), engine %s" % (args.split, nsub, ndocs, commit))
    nspec = sum(1 for _, r in omissions if r["specific"])
    print("omissions: %d, %.2f per document; %d omitting sources; facts with a specific %d (%s), without %d"
          % (len(omissions), len(omissions) / max(ndocs, 1), len({(r["subtopic"], r["source"]) for _, r in omissions}),
             nspec, pct(nspec, len(omissions)), len(omissions) - nspec))
    if args.draw == "random":
        rng = random.Random(args.seed)
        sample = rng.sample(omissions, min(args.sample, len(omissions)))
    else:
        sample = judged_lib.hash_sample(omissions, args.seed, args.sample)
    good = bad = 0
    todo = []
    by_spec = Counter()
    by_kind = Counter()
    for k, r in sample:
        j = judged.get(k)
        if j is None:
            todo.append((k, r))
            continue
        if j["verdict"]:
            good += 1
        else:
            bad += 1
        by_spec[(r["specific"], bool(j["verdict"]))] += 1
        by_kind[(r["specific_kind"], bool(j["verdict"]))] += 1
    n = good + bad
    print("sample of %d (seed %d): judged %d, true %d, false %d: precision %s; not judged yet %d"
          % (len(sample), args.seed, n, good, bad, pct(good, n), len(todo)))
    for spec, label in ((True, "with a specific"), (False, "without a specific")):
        t, f = by_spec[(spec, True)], by_spec[(spec, False)]
        print("judged, fact %s: %d/%d true, precision %s" % (label, t, t + f, pct(t, t + f)))
    print("judged by the first specific found (a digit is looked for first): " + ", ".join(
        "%s %d/%d" % (k, by_kind[(k, True)], by_kind[(k, True)] + by_kind[(k, False)]) for k in ("digit", "capital", "none")))
    # Every judged omission of this split, from earlier engines' samples too: which are still
    # reported. An engine change that only removes omissions leaves a random sample of the
    # earlier ones restricted to what remains: its precision estimates the new precision.
    present = {k for k, _ in omissions}
    n_judged, kept_t, all_t, kept_f = judged_lib.still_reported(corpus, args.split, judged, present)
    print("all %d judged omissions of this split still reported: true %d of %d, false %d of %d: precision among them %s"
          % (n_judged, kept_t, all_t, kept_f, n_judged - all_t, pct(kept_t, kept_t + kept_f)))
    if args.todo:
        with open(args.todo, "w", encoding="utf-8") as f:
            json.dump([r for _, r in todo], f, ensure_ascii=False, indent=1)
    for k, r in todo:
        print("TO JUDGE: [%s] %s" % ("spec" if r["specific"] else "none", k.replace("\n", " ")))
        if args.verbose:
            print_evidence(r)
    if args.verbose:
        print("judged in the sample (verdict, specific, key, why):")
        for k, r in sample:
            j = judged.get(k)
            if j is None:
                continue
            print("  %-5s %-4s %s\n        specific: %s\n        why: %s"
                  % ("true" if j["verdict"] else "FALSE", "spec" if r["specific"] else "none", k.replace("\n", " "),
                     r["specific_found"] or "-", j.get("why", "")))


def print_evidence(r):
    print("    told by %s; specific: %s" % (",".join(r["told_by"]), r["specific_found"] or "none"))
    for ev in r["evidence"]:
        print("    %-14s %s" % (ev["source"], ev["text"][:300].replace("\n", " ")))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Facts, conflicts and "different event" on the seed articles against the hand-made gold
(tests/fixtures/seeds.facts.gold.json).

Usage: python3 eval/facts_seeds.py [--gold FILE] [--engine BINARY] [-v]

Matching (all on character spans of the articles; gold evidence is exact text, located with
str.find, the engine's evidence comes with UTF-8 byte offsets):
- A gold passage is *covered* by an engine fact when one of the fact's evidence units overlaps it.
- Fact clustering, pairwise over gold passages of different sources: gold says "same fact" when
  both passages are in one gold fact; the engine says "same fact" when one engine fact covers
  both. Precision / recall / F1 over those pairs.
- Corroborated facts: a gold fact told by 3+ sources is "found as one cluster" when one engine
  fact covers a passage of every one of its sources (and "with the right sources" when that engine
  fact's sources are exactly the gold sources).
- Conflicts: an engine conflict of severity "conflict" is *correct* when its kind equals a gold
  conflict's kind (severity "conflict") and its evidence overlaps passages of at least two of that
  gold conflict's values; gold conflicts no engine conflict matches are *missed*; other engine
  conflicts are *false* (those matching a gold `not_conflicts` entry are counted separately).
- Different event: the sources the engine flags against the gold list.
- Omissions, by the engine's rule applied to the gold: within the sources that tell the main event
  (all but the gold's different-event ones), a gold fact told by at least two of them and by
  more than half of the others is an omission of each that does not tell it. An engine omission
  (source, fact) is *correct* when its fact covers a passage of a gold fact the source does not
  tell; a gold omission is *found* when the source has an engine omission whose fact covers a
  passage of that gold fact.
"""
import argparse
import json
import os
import sys
from itertools import combinations

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import systems  # noqa: E402

REPO = systems.REPO
SEEDS = os.path.join(REPO, "data", "seeds")
DEFAULT_GOLD = os.path.join(REPO, "tests", "fixtures", "seeds.facts.gold.json")


def locate(texts, source, text):
    i = texts[source].find(text)
    if i < 0:
        raise SystemExit("gold text not found in %s: %r" % (source, text[:80]))
    return (source, i, i + len(text))


def overlaps(a, b):
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--engine", default=systems.DEFAULT_ENGINE)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not os.path.exists(args.gold):
        raise SystemExit("no gold file %s" % args.gold)
    gold = json.load(open(args.gold, encoding="utf-8"))
    docs = []
    for f in sorted(os.listdir(SEEDS)):
        if f.endswith(".txt"):
            with open(os.path.join(SEEDS, f), encoding="utf-8", newline="") as fh:
                docs.append((f[:-4], fh.read()))
    texts = dict(docs)
    run = systems.run_engine(docs, args.engine)
    rep = run.report

    def espan(e):
        a, b = run.span(e["source"], e["start"], e["end"])
        return (e["source"], a, b)

    # Engine facts as lists of spans.
    efacts = [(f["id"], [espan(e) for e in f["evidence"]], set(f["sources"])) for f in rep["facts"]]

    # Gold passages.
    passages = []  # (fact id, span)
    for gf in gold["facts"]:
        for ev in gf["evidence"]:
            passages.append((gf["id"], locate(texts, ev["source"], ev["text"])))
    cover = [set(fid for fid, spans, _ in efacts if any(overlaps(p, s) for s in spans)) for _, p in passages]

    tp = npred = ngold = 0
    wrong = []
    for (i, (fa, pa)), (j, (fb, pb)) in combinations(enumerate(passages), 2):
        if pa[0] == pb[0]:
            continue
        g = fa == fb
        e = bool(cover[i] & cover[j])
        ngold += g
        npred += e
        tp += g and e
        if args.verbose and g != e:
            wrong.append(("missed" if g else "false", fa, fb, texts[pa[0]][pa[1]:pa[2]], texts[pb[0]][pb[1]:pb[2]]))
    p, r, f = prf(tp, npred, ngold)
    print("Seeds facts (gold %s)" % os.path.relpath(args.gold, REPO))
    print("fact clustering, pairwise over %d gold passages from different sources: gold pairs %d, engine pairs %d, both %d: P %.1f R %.1f F1 %.1f"
          % (len(passages), ngold, npred, tp, 100 * p, 100 * r, 100 * f))
    for w in sorted(wrong):
        print("   %-6s %s / %s: %r / %r" % (w[0], w[1], w[2], w[3][:60], w[4][:60]))

    # Corroborated facts told by 3+ sources.
    big = []
    for gf in gold["facts"]:
        srcs = sorted({ev["source"] for ev in gf["evidence"]})
        if len(srcs) < 3:
            continue
        spans = [locate(texts, ev["source"], ev["text"]) for ev in gf["evidence"]]
        found = exact = False
        for fid, espans, esrcs in efacts:
            covered = {s[0] for s in spans if any(overlaps(s, x) for x in espans)}
            if covered >= set(srcs):
                found = True
                exact = exact or esrcs == set(srcs)
        big.append((gf["id"], len(srcs), found, exact))
    nf = sum(1 for b in big if b[2])
    ne = sum(1 for b in big if b[3])
    print("gold facts told by 3+ sources: %d; found as one engine fact covering all their sources: %d; with exactly their sources: %d"
          % (len(big), nf, ne))
    if args.verbose:
        for b in big:
            print("   %-32s sources %d  found %s  exact sources %s" % b)

    # Conflicts.
    gconf = [c for c in gold.get("conflicts", []) if c.get("severity", "conflict") == "conflict"]
    gspans = [[locate(texts, s, v["text"]) for v in c["values"] for s in v["sources"][:1]] for c in gconf]
    notc = gold.get("not_conflicts", [])
    matched = set()
    correct = false = false_known = 0
    details = []
    for c in rep["conflicts"]:
        if c["severity"] != "conflict":
            continue
        ev = [espan(e) for v in c["values"] for e in v["evidence"]]
        hit = None
        for gi, gc in enumerate(gconf):
            if gc["kind"] != c["kind"]:
                continue
            touched = sum(1 for gs in gspans[gi] if any(overlaps(gs, e) for e in ev))
            if touched >= 2:
                hit = gi
                break
        if hit is not None:
            correct += 1
            matched.add(hit)
            details.append("correct: %s %s" % (c["kind"], c["subject"]))
        else:
            known = any(any(overlaps(locate(texts, s, v["text"]), e) for v in nc.get("values", []) for s in v.get("sources", [])[:1] for e in ev) for nc in notc)
            false += 1
            false_known += known
            details.append("false%s: %s %s" % (" (a gold not-conflict)" if known else "", c["kind"], c["subject"]))
    missed = len(gconf) - len(matched)
    print("conflicts: gold %d; engine found %d, missed %d, false %d (of which %d are gold not-conflicts)"
          % (len(gconf), correct, missed, false, false_known))
    compat = sum(1 for c in rep["conflicts"] if c["severity"] == "compatible")
    print("engine 'differs, compatible' notes (not counted as conflicts): %d" % compat)
    if args.verbose:
        for d in details:
            print("   " + d)
        for gi, gc in enumerate(gconf):
            if gi not in matched:
                print("   missed: %s %s" % (gc["kind"], gc.get("subject")))

    gd = sorted({d["source"] for d in gold.get("different_event", [])})
    ed = sorted(d["source"] for d in rep.get("different_event", []))
    print("different event: gold %s, engine %s" % (gd, ed))

    # Omissions.
    main_group = sorted(set(texts) - set(gd))
    gsources = {gf["id"]: {ev["source"] for ev in gf["evidence"]} for gf in gold["facts"]}
    gold_om = set()
    for fid, srcs in gsources.items():
        told = srcs & set(main_group)
        for x in main_group:
            if x not in told and len(told) >= 2 and 2 * len(told) > len(main_group) - 1:
                gold_om.add((x, fid))
    covers = {fid: {i for i, (_, p) in enumerate(passages) if any(overlaps(p, sp) for sp in spans)} for fid, spans, _ in efacts}
    correct = 0
    found = set()
    om_details = []
    for o in rep.get("omissions", []):
        gfs = {passages[i][0] for i in covers.get(o["fact"], ())}
        ok = any(o["source"] not in gsources[g] for g in gfs)
        correct += ok
        found |= {(o["source"], g) for g in gfs} & gold_om
        om_details.append("%s: %s omits %r (gold facts %s)" % ("correct" if ok else "false", o["source"][:3], o["summary"][:60], sorted(gfs) or "none"))
    n = len(rep.get("omissions", []))
    print("omissions: engine %d, correct %d (P %.1f); gold %d (a fact most of the main event's other sources tell), found %d (R %.1f)"
          % (n, correct, 100.0 * correct / n if n else 0.0, len(gold_om), len(found), 100.0 * len(found) / len(gold_om) if gold_om else 0.0))
    if args.verbose:
        for d in om_details:
            print("   " + d)
        for x, g in sorted(gold_om - found):
            print("   missed: %s omits %s" % (x[:3], g))


if __name__ == "__main__":
    main()

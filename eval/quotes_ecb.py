#!/usr/bin/env python3
"""Quote speakers on ECB+: does the engine find each quotation of the gold and name who said it?

Usage: python3 eval/quotes_ecb.py [--split trainval|test|all] [-v] [--engine PATH] [--json OUT]

Gold: eval/quotes_ecb.gold.json (its `description` tells how the 60 documents were chosen and
labelled): every quotation of 45 train/val and 15 test documents, with its UTF-8 byte span, its kind
("speech": someone said or wrote it; "term": a scare quote, title, nickname, ... nobody said) and,
for speech, the speaker and a `key` word (surname, organisation word or head noun) that any correct
answer contains. Tune on trainval; test (topics 36-45) is reported only.

Engine: `corroborate compare --format json` once per ECB+ subtopic, on the gold documents of that
subtopic (temporary files `<doc id, / -> _>.txt`, so the stem is the source id). The CLI needs two
articles at least: a subtopic with a single gold document gets the first other document of its
subtopic file as a companion (its quotes are not scored). An engine quote matches a gold quote when
one of its evidence spans overlaps the gold span in the same document (the largest overlap wins).

Figures, per split:
- speech: found (some engine quote overlaps); correct = the engine speaker, lowercased and split on
  non-letters, contains `key`; wrong = another speaker; none = speaker null or quote not found.
  accuracy = correct / speech quotes whose gold speaker is not null. Speech with a null gold speaker
  that the engine attributes is counted as "spurious".
- terms: how many the engine gives a speaker (lower is better) and how many it lists at all.
-v lists every wrong, none and spurious case (doc, quoted words, gold speaker, engine speaker).
"""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import systems  # noqa: E402

DEFAULT_ECB = os.path.join(systems.REPO, "..", "shared", "data", "ecbplus")
DEFAULT_GOLD = os.path.join(systems.EVAL_DIR, "quotes_ecb.gold.json")
NON_LETTERS = re.compile(r"[^a-z]+")


def stem(doc_id):
    return doc_id.replace("/", "_")


def subtopic_file(doc_id):
    """'12_8ecbplus' -> '12_ecbplus.json'."""
    topic = doc_id.split("_")[0]
    return "%s_%s.json" % (topic, "ecbplus" if doc_id.endswith("ecbplus") else "ecb")


def speaker_words(speaker):
    return set(w for w in NON_LETTERS.split((speaker or "").lower()) if w)


def run_engine(engine, docs):
    """docs: [(id, text)]. Returns {source id: [(start, end, speaker, text)]} in UTF-8 bytes."""
    with tempfile.TemporaryDirectory(prefix="corroborate-quotes-") as tmp:
        paths = []
        for doc_id, text in docs:
            p = os.path.join(tmp, stem(doc_id) + ".txt")
            with open(p, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            paths.append(p)
        proc = subprocess.run([engine, "compare"] + paths + ["--format", "json"], capture_output=True)
    if proc.returncode != 0:
        raise RuntimeError("corroborate exited %d: %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace").strip()[:500]))
    report = json.loads(proc.stdout.decode("utf-8"))
    if report.get("offset_unit", "utf8") != "utf8":
        raise RuntimeError("unexpected offset_unit %r" % report.get("offset_unit"))
    out = defaultdict(list)
    for q in report.get("quotes", []):
        for ev in q.get("evidence", []):
            out[ev["source"]].append((ev["start"], ev["end"], q.get("speaker"), q.get("text")))
    return out


def match(gold_q, engine_quotes):
    """The engine quote whose span overlaps the gold span most, or None."""
    best, best_len = None, 0
    for eq in engine_quotes:
        ov = min(gold_q["end"], eq[1]) - max(gold_q["start"], eq[0])
        if ov > best_len:
            best, best_len = eq, ov
    return best


def score(quotes):
    """quotes: gold quotes with `engine` (matched engine quote or None). Returns counts and cases."""
    c = defaultdict(int)
    cases = []
    for q in quotes:
        eq = q["engine"]
        got = eq[2] if eq else None
        if q["kind"] == "term":
            c["terms"] += 1
            c["terms_listed"] += eq is not None
            c["terms_attributed"] += got is not None
            continue
        c["speech"] += 1
        c["found"] += eq is not None
        if q["speaker"] is None:
            c["unattributed"] += 1
            if got is not None:
                c["spurious"] += 1
                cases.append(("spurious", q, got))
            continue
        c["named"] += 1
        if got is None:
            c["none"] += 1
            c["none_missed"] += eq is None
            cases.append(("none" if eq else "none (not found)", q, got))
        elif q["key"] in speaker_words(got):
            c["correct"] += 1
        else:
            c["wrong"] += 1
            cases.append(("wrong", q, got))
    return c, cases


def summary(split, c):
    acc = 100.0 * c["correct"] / c["named"] if c["named"] else 0.0
    return ("%s: speech %d (named %d, found %d): correct %d (%.1f%%), wrong %d, none %d (%d not found); "
            "unattributed speech given a speaker %d/%d; terms given a speaker %d/%d (listed %d)"
            % (split, c["speech"], c["named"], c["found"], c["correct"], acc, c["wrong"], c["none"], c["none_missed"],
               c["spurious"], c["unattributed"], c["terms_attributed"], c["terms"], c["terms_listed"]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="trainval", choices=("trainval", "test", "all"))
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--ecb-dir", default=DEFAULT_ECB)
    ap.add_argument("--engine", default=systems.DEFAULT_ENGINE)
    ap.add_argument("--json", metavar="OUT", help="also write the counts and every case as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong / none / spurious case")
    args = ap.parse_args(argv)
    if not os.path.exists(args.engine):
        sys.exit("%s not found: build it with `cargo build --release`" % args.engine)
    gold = json.load(open(args.gold, encoding="utf-8"))["quotes"]
    splits = ("trainval", "test") if args.split == "all" else (args.split,)
    gold = [dict(q) for q in gold if q["split"] in splits]
    # Group the gold documents by subtopic file.
    groups = defaultdict(list)
    for q in gold:
        f = subtopic_file(q["doc"])
        if q["doc"] not in groups[f]:
            groups[f].append(q["doc"])
    engine_quotes = {}
    texts = {}
    for f in sorted(groups):
        data = json.load(open(os.path.join(args.ecb_dir, "subtopic", f), encoding="utf-8"))
        by_id = {d["id"]: d["text"] for d in data["docs"]}
        docs = [(d, by_id[d]) for d in groups[f]]
        if len(docs) == 1:
            companion = next(d["id"] for d in data["docs"] if d["id"] != docs[0][0])
            docs.append((companion, by_id[companion]))
        for d in groups[f]:
            texts[d] = by_id[d].encode("utf-8")
        found = run_engine(args.engine, docs)
        for d in groups[f]:
            engine_quotes[d] = found.get(stem(d), [])
    bad = 0
    for q in gold:
        if texts[q["doc"]][q["start"]:q["end"]].decode("utf-8", "replace") != q["text"]:
            bad += 1
        q["engine"] = match(q, engine_quotes[q["doc"]])
    commit, note = systems.engine_info(args.engine)
    print("ECB+ quote speakers, split %s, %s, engine %s" % (args.split, datetime.date.today(), commit))
    if note:
        print(note)
    if bad:
        print("warning: %d gold spans do not match the corpus text (wrong --ecb-dir or corpus changed?)" % bad)
    results = {}
    for split in splits:
        qs = [q for q in gold if q["split"] == split]
        c, cases = score(qs)
        results[split] = (c, cases)
        print("%d documents, %d quotations (%d speech, %d terms)"
              % (len({q["doc"] for q in qs}), len(qs), c["speech"], c["terms"]))
        print(summary(split, c))
        if args.verbose:
            for kind, q, got in cases:
                print("  %-17s %-13s %-62s gold %-28s engine %s"
                      % (kind, q["doc"], json.dumps(q["text"][:60], ensure_ascii=False), q["speaker"], got))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"split": args.split, "engine_commit": commit,
                       "results": {s: {"counts": c, "cases": [{"case": k, "doc": q["doc"], "start": q["start"], "end": q["end"],
                                                                "text": q["text"], "gold": q["speaker"], "key": q["key"], "engine": got}
                                                               for k, q, got in cases]}
                                   for s, (c, cases) in results.items()}}, fh, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()

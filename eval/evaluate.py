#!/usr/bin/env python3
"""Evaluation harness for Corroborate's extraction: precision / recall / F1 of our engine,
spaCy en_core_web_sm and a same-surface-string baseline, on the same inputs with the same code.

    python3 eval/evaluate.py seeds                  # our gold on the 5 seed articles
    python3 eval/evaluate.py ecb [--split test]     # ECB+ test topics 36-45 (default)
    python3 eval/evaluate.py ecb --split trainval   # ECB+ train + val topics, for tuning
    python3 eval/evaluate.py all                    # both

Options: --systems corroborate,spacy,baseline (default: all three), --json OUT, --verbose
(per-topic figures), --engine PATH (default target/release/corroborate), --ecb-dir DIR,
--gold FILE (seeds gold), --dump-gold FILE (ECB+: every gold mention kept or discarded, why).
Standard library only; spaCy runs in a subprocess with eval/.venv/bin/python (eval/setup.sh).
See eval/README.md for the matching rules.
"""
import argparse
import datetime
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
import ecb  # noqa: E402
import seeds  # noqa: E402
import systems  # noqa: E402
from common import KINDS  # noqa: E402

ALL_SYSTEMS = ("corroborate", "spacy", "baseline")
DEFAULT_ECB = os.path.normpath(os.path.join(systems.REPO, "..", "shared", "data", "ecbplus"))
DEFAULT_GOLD = os.path.join(systems.REPO, "tests", "fixtures", "seeds.gold.json")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- ECB+

def run_ecb(args, wanted, results):
    t0 = time.time()
    corpus = ecb.Corpus(args.ecb_dir)
    topics = corpus.topics(args.split)
    files = corpus.subtopic_files(topics)
    log("ECB+ %s: building the gold standard of %d subtopics..." % (args.split, len(files)))
    golds = [ecb.Gold(corpus, p) for p in files]
    n_docs = sum(len(g.docs) for g in golds)
    all_docs = [(d, g.docs[d]) for g in golds for d in g.doc_order]

    print()
    print("=" * 100)
    print("ECB+ %s split: topics %s; %d subtopics, %d documents, %d selected (annotated) sentences" % (
        args.split, compact_ranges(topics), len(golds), n_docs, sum(g.n_selected_sentences() for g in golds)))
    print("=" * 100)
    checks = {
        "offset_mismatches": sum(len(g.offset_mismatches) for g in golds),
        "line_sentence_mismatches": sum(len(g.line_mismatches) for g in golds),
        "selected_flag_vs_csv_mismatches": sum(g.selected_flag_mismatches for g in golds),
        "duplicate_gold_spans": sum(g.duplicates for g in golds),
    }
    print("data checks: text[char_start:char_end] != mention text: %(offset_mismatches)d; "
          "line index != sentence number (ecbplus: -1): %(line_sentence_mismatches)d; "
          "'selected' != CSV: %(selected_flag_vs_csv_mismatches)d; gold spans annotated twice: "
          "%(duplicate_gold_spans)d" % checks)
    for g in golds:
        for m in g.offset_mismatches[:3]:
            print("  offset mismatch:", m)
    n_gold = {k: sum(1 for g in golds for m in g.mentions if m[3] == k) for k in KINDS}
    n_rejected = sum(1 for g in golds for r in g.rejected)
    print("gold named mentions in selected sentences: person %(person)d, place %(place)d, "
          "organization %(organization)d" % n_gold,
          "(%d other annotated PER/ORG/GPE/LOC/FAC/MET mentions there are not pure names: "
          "don't-care)" % n_rejected)
    if args.dump_gold:
        dump_gold(golds, args.dump_gold)

    res = {"split": args.split, "topics": topics, "subtopics": len(golds), "documents": n_docs,
           "gold_mentions": n_gold, "checks": checks, "systems": {}}
    results["ecb"] = res

    # ---- predictions: {system: {subtopic name: [mention]}}
    preds = {}
    engine_errors = []
    excluded = {}  # doc -> spans the engine dropped as repeated lines (same rule as the seeds)
    if True:  # the engine always runs when it can: its dropped lines define the exclusions
        commit, note = systems.engine_info(args.engine)
        res["engine_commit"] = args.commit_label
        if note and os.path.abspath(args.engine) == os.path.abspath(systems.DEFAULT_ENGINE):
            print(note)
        try:
            preds["corroborate"] = {}
            t = time.time()
            for g in golds:
                try:
                    run = systems.run_engine([(d, g.docs[d]) for d in g.doc_order], args.engine)
                except RuntimeError as e:
                    engine_errors.append("%s: %s" % (g.name, e))
                    preds["corroborate"][g.name] = []
                    continue
                if run.bad_offsets:
                    engine_errors.append("%s: %d spans not on character boundaries" % (g.name, run.bad_offsets))
                preds["corroborate"][g.name] = run.mentions
                for d, ws in run.warnings.items():
                    excluded[d] = [(w["start"], w["end"]) for w in ws
                                   if w["kind"] in seeds.EXCLUDED_WARNINGS and w["start"] is not None]
            res["engine_seconds"] = round(time.time() - t, 1)
            log("corroborate: %d subtopics in %.1fs" % (len(golds), time.time() - t))
        except systems.SystemUnavailable as e:
            print("corroborate: skipped: %s" % e)
            del preds["corroborate"]
            excluded = seeds.repeated_lines(dict(all_docs))
    n_gold_excluded = 0
    for g in golds:
        before = len(g.mentions)
        g.mentions = [m for m in g.mentions if not seeds.inside(excluded, m[0], m[1], m[2])]
        n_gold_excluded += before - len(g.mentions)
    print("excluded for every system: gold mentions and predictions inside %d repeated lines that the "
          "engine drops (%s): %d gold mentions" % (
              sum(1 for g in golds for d in g.doc_order for _ in excluded.get(d, ())),
              "its duplicate-line warnings" if "corroborate" in preds else "found by the harness",
              n_gold_excluded))
    res["excluded_gold_mentions"] = n_gold_excluded
    res["gold_mentions"] = {k: sum(1 for g in golds for m in g.mentions if m[3] == k) for k in KINDS}
    if "corroborate" not in wanted and "baseline" not in wanted:
        preds.pop("corroborate", None)
    if engine_errors:
        print("corroborate errors (those subtopics count as no predictions):")
        for e in engine_errors:
            print("  " + e)
        res["engine_errors"] = engine_errors
    if "spacy" in wanted:
        try:
            t = time.time()
            info, by_doc = systems.run_spacy(all_docs)
            res["spacy"] = info
            res["spacy_seconds"] = round(time.time() - t, 1)
            print("spaCy %s, model %s %s (module %s)" % (info["spacy"], info["model"], info["model_version"], info["module"]))
            log("spacy: %d docs in %.1fs" % (len(all_docs), time.time() - t))
            preds["spacy"] = {g.name: [m for d in g.doc_order for m in by_doc.get(d, [])] for g in golds}
        except systems.SystemUnavailable as e:
            print("spacy: skipped: %s" % e)

    # ---- filter: person/place/organization, inside selected sentences, not don't-care
    scored = {}
    ignored = {}
    unannotated = {}
    for s, by_sub in preds.items():
        scored[s] = {}
        ignored[s] = unannotated[s] = 0
        for g in golds:
            keep = []
            gold_spans = {}
            for m in g.mentions:
                gold_spans.setdefault(m[0], []).append((m[1], m[2]))
            for m in by_sub.get(g.name, []):
                if m[3] not in KINDS or not g.in_selected(m[0], m[1]):
                    continue
                if seeds.inside(excluded, m[0], m[1], m[2]):
                    continue
                overlaps_gold = any(min(b, m[2]) > max(a, m[1]) for a, b in gold_spans.get(m[0], ()))
                if not overlaps_gold and g.is_dont_care(m[0], m[1], m[2]):
                    ignored[s] += 1
                    continue
                if not g.is_annotated(m[0], m[1], m[2]):
                    unannotated[s] += 1
                keep.append(m)
            scored[s][g.name] = keep

    # ---- detection
    print()
    print("(a) Named-mention detection, selected sentences only. exact: same span after the shared "
          "normalisation and same kind; lenient: overlapping span and same kind (one-to-one); "
          "'any kind': kinds ignored. P R F1 in %.")
    det = {}
    per_topic = {}
    for s in scored:
        total = None
        for g in golds:
            d = common.detection(g.mentions, scored[s][g.name])
            total = common.add_rows(total, d)
            per_topic.setdefault(g.topic, {})
            per_topic[g.topic][s] = common.add_rows(per_topic[g.topic].get(s), d)
        det[s] = total
        res["systems"].setdefault(s, {})["detection"] = total
        res["systems"][s]["ignored_predictions_in_dont_care"] = ignored[s]
        res["systems"][s]["predictions_on_unannotated_text"] = unannotated[s]
    order = [s for s in ("corroborate", "spacy") if s in det]
    common.print_detection_table(det, order)
    for s in order:
        npred = det[s]["exact"]["all"]["pred"]
        print("  %s: %d predictions inside don't-care mentions ignored; %d of %d scored predictions "
              "(%.0f%%) overlap no ECB+ entity annotation of any tag (ECB+ annotates only the "
              "participants of its seminal events, and this conversion has no unlinked mentions)" % (
                  s, ignored[s], unannotated[s], npred, 100.0 * unannotated[s] / npred if npred else 0))
    if args.verbose:
        for s in order:
            conf = {}
            for g in golds:
                for k, v in common.confusion(g.mentions, scored[s][g.name]).items():
                    conf[k] = conf.get(k, 0) + v
            common.print_confusion(conf, s)
        print()
        print("per topic, all 3 kinds (exact F1 / lenient F1):")
        for t in sorted(per_topic):
            print("  topic %-3s" % t + "".join(
                "  %s %s/%s (gold %d, pred %d)" % (s, common.pct(per_topic[t][s]["exact"]["all"]["f1"]),
                                                   common.pct(per_topic[t][s]["lenient"]["all"]["f1"]).strip(),
                                                   per_topic[t][s]["exact"]["all"]["gold"],
                                                   per_topic[t][s]["exact"]["all"]["pred"])
                for s in order))

    # ---- clustering
    print()
    print("(b) Cross-document clustering within each subtopic, over the gold named mentions a system "
          "detected (lenient: overlap, any kind, one-to-one). Key: the gold chains; response: the "
          "system's entities, or the same-surface-string baseline (normalised text, case-folded).")
    rows = []
    coref = {}
    topic_rows = {}

    def collect(label, fn, pred_by_sub):
        key, resp = {}, {}
        for g in golds:
            k, r, _ = fn(g.mentions, pred_by_sub[g.name], prefix=g.name)
            key.update(k)
            resp.update(r)
            if args.verbose:
                topic_rows.setdefault(label, {}).setdefault(g.topic, ({}, {}))
                topic_rows[label][g.topic][0].update(k)
                topic_rows[label][g.topic][1].update(r)
        c = common.coref_scores(key, resp)
        rows.append((label, c))
        coref[label] = c

    if "corroborate" in scored:
        collect("corroborate", common.clustering_key_response, scored["corroborate"])
        if "baseline" in wanted:
            collect("same-string on corroborate's mentions", common.same_string_clusters, scored["corroborate"])
    if "spacy" in scored and "baseline" in wanted:
        collect("same-string on spacy's mentions", common.same_string_clusters, scored["spacy"])
    if "baseline" in wanted:
        gold_as_pred = {g.name: g.mentions for g in golds}
        collect("same-string on all gold mentions", common.same_string_clusters, gold_as_pred)
    common.print_coref_table(rows)
    res["clustering"] = coref
    if args.verbose and topic_rows:
        print()
        print("per topic CoNLL F1:")
        for t in sorted({t for v in topic_rows.values() for t in v}):
            parts = []
            for label in topic_rows:
                kr = topic_rows[label].get(t)
                c = common.coref_scores(*kr) if kr else None
                parts.append("%s %s" % (label.split(" on ")[0] + ("(" + label.split(" on ")[1].split("'")[0] + ")" if " on " in label else ""),
                                        common.pct(c["conll_f1"]).strip() if c else "-"))
            print("  topic %-3s %s" % (t, "  ".join(parts)))
    res["seconds"] = round(time.time() - t0, 1)


def compact_ranges(nums):
    nums = sorted(nums)
    out, start, prev = [], None, None
    for n in nums + [None]:
        if start is None:
            start = prev = n
        elif n is not None and n == prev + 1:
            prev = n
        else:
            out.append(str(start) if start == prev else "%d-%d" % (start, prev))
            start = prev = n
    return ",".join(out)


def dump_gold(golds, path):
    with open(path, "w", encoding="utf-8") as f:
        for g in golds:
            for m in g.mentions:
                f.write(json.dumps({"subtopic": g.name, "doc": m[0], "start": m[1], "end": m[2], "kind": m[3],
                                    "text": m[4], "chain": m[5], "kept": True}, ensure_ascii=False) + "\n")
            for r in g.rejected:
                f.write(json.dumps({"subtopic": g.name, "doc": r[0], "start": r[1], "end": r[2], "tag": r[3],
                                    "text": r[4], "kept": False, "why": r[5]}, ensure_ascii=False) + "\n")
    print("gold mentions written to %s (JSON lines)" % path)


# --------------------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("seeds", "ecb", "all"))
    ap.add_argument("--split", default="test", help="ECB+ split: test (topics 36-45, default), trainval, train, val, all")
    ap.add_argument("--systems", default=",".join(ALL_SYSTEMS),
                    help="comma-separated among corroborate, spacy, baseline (default: all)")
    ap.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    ap.add_argument("--verbose", "-v", action="store_true", help="per-topic / per-document figures")
    ap.add_argument("--engine", default=systems.DEFAULT_ENGINE, help="the corroborate binary")
    ap.add_argument("--engine-commit", help="label of the engine's version when --engine is not built from "
                    "this checkout (default: git rev-parse --short HEAD, noting uncommitted changes)")
    ap.add_argument("--ecb-dir", default=DEFAULT_ECB, help="the converted ECB+ corpus (read-only)")
    ap.add_argument("--gold", default=DEFAULT_GOLD, help="the seeds gold standard")
    ap.add_argument("--dump-gold", metavar="FILE", help="ECB+: write the gold mentions kept and discarded")
    args = ap.parse_args(argv)
    wanted = [s.strip() for s in args.systems.split(",") if s.strip()]
    for s in wanted:
        if s not in ALL_SYSTEMS:
            ap.error("unknown system %r (choose among %s)" % (s, ", ".join(ALL_SYSTEMS)))
    if "spacy" in wanted and not systems.spacy_available():
        print("note: spaCy is not set up (no %s): run `bash eval/setup.sh` once; spaCy is skipped." % systems.VENV_PYTHON)
        wanted.remove("spacy")

    results = {"date": datetime.date.today().isoformat(), "systems": wanted}
    commit, _ = systems.engine_info(args.engine)
    if args.engine_commit:
        commit = args.engine_commit
    args.commit_label = commit
    results["engine_commit"] = commit
    print("Corroborate evaluation %s, engine commit %s, systems: %s" % (results["date"], commit, ", ".join(wanted)))
    if args.what in ("seeds", "all"):
        seeds.run_seeds(args, wanted, results)
    if args.what in ("ecb", "all"):
        run_ecb(args, wanted, results)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, ensure_ascii=False, default=str)
        print()
        print("figures written to %s" % args.json)


if __name__ == "__main__":
    main()

"""The seeds evaluation: our hand-made gold (tests/fixtures/seeds.gold.json) on data/seeds/*.txt.

Gold format: {"docs": {doc_id: {"entities": [{text, start, end, kind, ref}],
  "roles": [{ref, role, country, text, start, end}],
  "numbers": [{text, start, end, value, bound, counts}], "dates": [{text, start, end, value}],
  "quotes": [{text, start, end, speaker}]}}}, offsets in code points into data/seeds/<doc_id>.txt.
"""
import json
import os
import re
import time
from collections import Counter, defaultdict

import common
import scorer
import systems
from common import KINDS
from normalise import fold, normalise_span, normalise_text

SEEDS_DIR = os.path.join(systems.REPO, "data", "seeds")
EXCLUDED_WARNINGS = ("duplicate-line",)
BOUND_PREFIX = {"exact": "", "at_least": ">=", "more_than": ">", "less_than": "<", "at_most": "<=",
                "about": "~", "just_over": ">~", "just_under": "<~"}
_VALUE = re.compile(r"^\s*(>=|<=|>~|<~|>|<|~)?\s*(-?\d+(?:\.\d+)?)\s*$")


def inside(spans, doc, a, b):
    return any(s <= a and b <= e for s, e in spans.get(doc, ()))


def repeated_lines(texts):
    """Fallback when the engine cannot run: later copies of a non-empty line, per document."""
    out = {}
    for doc, text in texts.items():
        seen, spans, pos = set(), [], 0
        for line in text.split("\n"):
            key = line.strip()
            if key and key in seen:
                spans.append((pos, pos + len(line)))
            seen.add(key)
            pos += len(line) + 1
        out[doc] = spans
    return out


def number_key(value, bound):
    """Gold (value, bound) in the engine's notation: (5, "at_most") -> "<=5"."""
    if isinstance(value, str):
        v = value.strip()
    else:
        v = ("%d" % value) if float(value) == int(float(value)) else repr(float(value))
    return BOUND_PREFIX.get(bound or "exact", "?") + v


def same_value(pred, gold_value, gold_bound):
    if pred == number_key(gold_value, gold_bound):
        return True
    m = _VALUE.match(pred or "")
    try:
        gv = float(gold_value)
    except (TypeError, ValueError):
        return False
    if not m:
        return False
    return (m.group(1) or "") == BOUND_PREFIX.get(gold_bound or "exact") and float(m.group(2)) == gv


def run_seeds(args, wanted, results):
    t0 = time.time()
    print()
    print("=" * 100)
    shown = os.path.relpath(args.gold, systems.REPO)
    print("Seeds: our gold on the seed articles (%s)" % (args.gold if shown.startswith("..") else shown))
    print("=" * 100)
    if not os.path.exists(args.gold):
        print("no gold file %s yet: seeds evaluation skipped" % args.gold)
        results["seeds"] = {"skipped": "no gold file"}
        return
    with open(args.gold, encoding="utf-8") as f:
        gold = json.load(f)
    docs = gold.get("docs", {})
    texts = {}
    for doc_id in docs:
        p = os.path.join(SEEDS_DIR, doc_id + ".txt")
        if not os.path.exists(p):
            print("warning: gold document %s has no %s: skipped" % (doc_id, p))
            continue
        with open(p, encoding="utf-8", newline="") as f:
            texts[doc_id] = f.read()
    res = {"documents": len(texts)}
    results["seeds"] = res

    # ---- offset check
    mismatches = []
    for doc_id, d in docs.items():
        if doc_id not in texts:
            continue
        for part in ("entities", "roles", "numbers", "dates", "quotes"):
            for it in d.get(part, []):
                if texts[doc_id][it["start"]:it["end"]] != it.get("text"):
                    mismatches.append((doc_id, part, it["start"], it["end"], it.get("text"),
                                       texts[doc_id][it["start"]:it["end"]]))
    res["offset_mismatches"] = len(mismatches)
    print("gold offset check: %d item(s) where text[start:end] != text" % len(mismatches))
    for m in mismatches[:10]:
        print("  ", m)

    # ---- engine (always run when available: its dropped duplicate lines define the exclusions)
    order = sorted(texts)
    run = None
    engine_error = None
    try:
        run = systems.run_engine([(d, texts[d]) for d in order], args.engine)
    except (systems.SystemUnavailable, RuntimeError) as e:
        engine_error = str(e)
        print("corroborate: %s" % e)
    if run is not None:
        excluded = {d: [(w["start"], w["end"]) for w in run.warnings.get(d, [])
                        if w["kind"] in EXCLUDED_WARNINGS and w["start"] is not None] for d in order}
        how = "spans the engine reports as dropped duplicate lines (sources[].warnings)"
    else:
        excluded = repeated_lines(texts)
        how = "repeated lines found by the harness (the engine could not run)"
    n_ex = sum(len(v) for v in excluded.values())

    def keep(doc, it):
        return not inside(excluded, doc, it["start"], it["end"])

    # ---- gold items
    g_ments, refs_text = [], defaultdict(list)
    dropped = Counter()
    for doc_id in order:
        d = docs[doc_id]
        for it in d.get("entities", []):
            refs_text[it.get("ref")].append(it.get("text") or "")
            if not keep(doc_id, it):
                dropped["entities"] += 1
                continue
            if it.get("kind") not in KINDS:
                continue
            a, b = normalise_span(texts[doc_id], it["start"], it["end"])
            g_ments.append((doc_id, a, b, it["kind"], texts[doc_id][a:b], it.get("ref")))
    print("excluded from recall and precision, for every system: gold items and predictions inside "
          "%d %s: %s" % (n_ex, how, ", ".join("%s %d" % kv for kv in sorted(dropped.items())) or "no gold item"))
    res["excluded_spans"] = n_ex

    # ---- predictions
    preds = {}
    if run is not None and ("corroborate" in wanted or "baseline" in wanted):
        preds["corroborate"] = [m for m in run.mentions if m[3] in KINDS and keep(m[0], {"start": m[1], "end": m[2]})]
    if "spacy" in wanted:
        try:
            info, by_doc = systems.run_spacy([(d, texts[d]) for d in order])
            res["spacy"] = info
            print("spaCy %s, model %s %s" % (info["spacy"], info["model"], info["model_version"]))
            preds["spacy"] = [m for d in order for m in by_doc.get(d, [])
                              if keep(d, {"start": m[1], "end": m[2]})]
        except systems.SystemUnavailable as e:
            print("spacy: skipped: %s" % e)

    print()
    print("Entity mentions (person, place, organization). exact: same span after the shared "
          "normalisation and same kind; lenient: overlap and same kind (one-to-one). P R F1 in %.")
    det = {s: common.detection(g_ments, preds[s]) for s in preds if s in ("corroborate", "spacy")}
    common.print_detection_table(det, [s for s in ("corroborate", "spacy") if s in det])
    res["detection"] = det
    if args.verbose:
        for s in det:
            common.print_confusion(common.confusion(g_ments, preds[s]), s)
        for s in det:
            print("  per document, %s (lenient F1, all 3 kinds):" % s)
            for doc_id in order:
                d = common.detection([m for m in g_ments if m[0] == doc_id], [m for m in preds[s] if m[0] == doc_id])
                print("    %s %s" % (doc_id, common.pct(d["lenient"]["all"]["f1"])))

    if run is not None and "corroborate" in wanted:
        res["roles"] = score_roles(docs, order, texts, g_ments, run, keep)
        res["numbers"] = score_numbers(docs, order, run, keep, args.verbose)
        res["quotes"] = score_quotes(docs, order, run, keep, refs_text, args.verbose)
        print("\nDates: not scored (the report has no list of dates).")

    # ---- clustering
    print()
    print("Cross-document clustering over the gold mentions a system detected (lenient, any kind, "
          "one-to-one); key: gold refs.")
    rows = []
    if "corroborate" in preds:
        k, r, _ = common.clustering_key_response(g_ments, preds["corroborate"])
        rows.append(("corroborate", common.coref_scores(k, r)))
        if "baseline" in wanted:
            k, r, _ = common.same_string_clusters(g_ments, preds["corroborate"])
            rows.append(("same-string on corroborate's mentions", common.coref_scores(k, r)))
    if "spacy" in preds and "baseline" in wanted:
        k, r, _ = common.same_string_clusters(g_ments, preds["spacy"])
        rows.append(("same-string on spacy's mentions", common.coref_scores(k, r)))
    if "baseline" in wanted:
        k, r, _ = common.same_string_clusters(g_ments, g_ments)
        rows.append(("same-string on all gold mentions", common.coref_scores(k, r)))
    common.print_coref_table(rows)
    res["clustering"] = dict(rows)
    if engine_error:
        res["engine_error"] = engine_error
    res["seconds"] = round(time.time() - t0, 1)


# --------------------------------------------------------------------------- roles

def engine_entities_over(run, doc, a, b):
    return {m[5] for m in run.mentions if m[0] == doc and min(b, m[2]) > max(a, m[1])}


def role_matches(title, country, g):
    if fold(title) != fold(g.get("role") or ""):
        return False
    return g.get("country") in (None, "") or (country is not None and fold(country) == fold(g["country"]))


def score_roles(docs, order, texts, g_ments, run, keep):
    gold_roles = [(d, r) for d in order for r in docs[d].get("roles", []) if keep(d, r)]
    found = found_same_source = no_entity = 0
    for d, r in gold_roles:
        ents = set()
        for m in g_ments:
            if m[0] == d and m[5] == r.get("ref"):
                ents |= engine_entities_over(run, d, m[1], m[2])
        if not ents:
            no_entity += 1
            continue
        roles = [x for e in ents for x in run.roles_of(e)]
        if any(role_matches(t, c, r) for t, c, _ in roles):
            found += 1
        if any(role_matches(t, c, r) and d in srcs for t, c, srcs in roles):
            found_same_source += 1
    # precision: every (entity, role, source) of the engine, against the gold roles of the gold
    # ref its mentions cover most
    ref_votes = defaultdict(Counter)
    for m in run.mentions:
        for g in g_ments:
            if g[0] == m[0] and min(g[2], m[2]) > max(g[1], m[1]):
                ref_votes[m[5]][g[5]] += 1
    n_pred = correct = 0
    for eid in run.entities:
        ref = ref_votes[eid].most_common(1)[0][0] if ref_votes[eid] else None
        for title, country, srcs in run.roles_of(eid):
            for s in srcs:
                n_pred += 1
                if ref is not None and any(r.get("ref") == ref and role_matches(title, country, r)
                                           for r in docs.get(s, {}).get("roles", [])):
                    correct += 1
    n = len(gold_roles)
    p, rr, f = scorer.prf(correct, n_pred, found, n)
    print()
    print("Roles (corroborate only): a gold role is found when an engine entity over the person's gold "
          "mention has a role whose title (before ' (') equals it, case-insensitively, and whose "
          "country matches (any country when the gold has none).")
    print("  gold roles %d: found %d (recall %s%%), also attributed to that source %d; person not "
          "detected %d. Engine role-source pairs %d, correct %d (precision %s%%). F1 %s%%" % (
              n, found, common.pct(rr).strip(), found_same_source, no_entity, n_pred, correct,
              common.pct(p).strip(), common.pct(f).strip()))
    return {"gold": n, "found": found, "found_same_source": found_same_source, "person_not_detected": no_entity,
            "pred": n_pred, "correct": correct, "p": p, "r": rr, "f1": f}


# --------------------------------------------------------------------------- numbers

def score_numbers(docs, order, run, keep, verbose):
    gold = [(d, n["start"], n["end"], None, n) for d in order for n in docs[d].get("numbers", []) if keep(d, n)]
    pred = [(n["source"], n["start"], n["end"], None, n) for n in run.numbers
            if n["source"] in docs and keep(n["source"], n)]
    pairs = scorer.match_lenient(gold, pred, typed=False)
    value_ok = counts_ok = both_ok = 0
    wrong = []
    for i, j in pairs:
        g, p = gold[i][4], pred[j][4]
        v = same_value(p.get("value"), g.get("value"), g.get("bound"))
        c = (p.get("counts") or "") == (g.get("counts") or "")
        value_ok += v
        counts_ok += c
        both_ok += v and c
        if not (v and c):
            wrong.append((gold[i][0], g.get("text"), number_key(g.get("value"), g.get("bound")), g.get("counts"),
                          p.get("text"), p.get("value"), p.get("counts")))
    p_, r_, f_ = scorer.prf(len(pairs), len(pred), len(pairs), len(gold))
    m = len(pairs)
    print()
    print("Numbers (corroborate only): matched on overlapping spans (one-to-one), then value+bound "
          "and counted thing compared (exact strings; the gold bound in the engine's notation).")
    print("  gold %d, predicted %d, matched %d: P %s R %s F1 %s; of the matched: value+bound correct %d "
          "(%s%%), counts correct %d (%s%%), both %d (%s%%)" % (
              len(gold), len(pred), m, common.pct(p_), common.pct(r_), common.pct(f_),
              value_ok, common.pct(value_ok / m if m else 0).strip(), counts_ok,
              common.pct(counts_ok / m if m else 0).strip(), both_ok, common.pct(both_ok / m if m else 0).strip()))
    if verbose:
        for w in wrong:
            print("    %s gold %r = %s %r | engine %r = %s %r" % w)
    return {"gold": len(gold), "pred": len(pred), "matched": m, "p": p_, "r": r_, "f1": f_,
            "value_bound_correct": value_ok, "counts_correct": counts_ok, "both_correct": both_ok}


# --------------------------------------------------------------------------- quotes

def canonical_names(refs_text):
    """ref -> (canonical name, set of folded surface forms): the most complete name is the one
    with most words, then most characters."""
    out = {}
    for ref, forms in refs_text.items():
        if ref is None:
            continue
        norm = [normalise_text(f) for f in forms if f]
        if not norm:
            continue
        best = max(norm, key=lambda s: (len(s.split()), len(s)))
        out[ref] = (best, {fold(x) for x in norm})
    return out


def speaker_correct(pred, gold_speaker, names):
    if gold_speaker is None:
        return pred is None
    if pred is None:
        return False
    if gold_speaker in names:
        best, forms = names[gold_speaker]
        return fold(pred) == fold(best) or fold(normalise_text(pred)) in forms
    return fold(pred) == fold(gold_speaker) or fold(normalise_text(pred)) == fold(normalise_text(gold_speaker))


def score_quotes(docs, order, run, keep, refs_text, verbose):
    names = canonical_names(refs_text)
    gold = [(d, q["start"], q["end"], None, q) for d in order for q in docs[d].get("quotes", []) if keep(d, q)]
    pred = [(q["doc"], q["start"], q["end"], None, q) for q in run.quotes if q["doc"] in docs and keep(q["doc"], q)]
    pairs = scorer.match_lenient(gold, pred, typed=False)
    by_type = defaultdict(lambda: [0, 0])  # gold speaker type -> [matched, correct]
    wrong = []
    for i, j in pairs:
        gs = gold[i][4].get("speaker")
        typ = "none" if gs is None else ("entity" if gs in names else "description")
        ok = speaker_correct(pred[j][4].get("speaker"), gs, names)
        by_type[typ][0] += 1
        by_type[typ][1] += ok
        if not ok:
            wrong.append((gold[i][0], (gold[i][4].get("text") or "")[:50], gs,
                          names.get(gs, (gs,))[0], pred[j][4].get("speaker")))
    m = len(pairs)
    correct = sum(v[1] for v in by_type.values())
    p_, r_, f_ = scorer.prf(m, len(pred), m, len(gold))
    print()
    print("Quotes (corroborate only): found when a predicted quote span overlaps the gold span (one-to-one); "
          "speaker correct when it equals the canonical name of the gold ref (or any of its surface forms; "
          "case/diacritics ignored), or the gold description, or both are null.")
    print("  gold %d, predicted %d, found %d: P %s R %s F1 %s; speaker correct %d of %d found (%s%%): %s" % (
        len(gold), len(pred), m, common.pct(p_), common.pct(r_), common.pct(f_), correct, m,
        common.pct(correct / m if m else 0).strip(),
        ", ".join("%s %d/%d" % (t, v[1], v[0]) for t, v in sorted(by_type.items()))))
    if verbose:
        for w in wrong:
            print("    %s %r gold speaker %r (%r) | engine %r" % w)
    return {"gold": len(gold), "pred": len(pred), "found": m, "p": p_, "r": r_, "f1": f_,
            "speaker_correct": correct, "speaker_by_gold_type": {k: {"found": v[0], "correct": v[1]} for k, v in by_type.items()}}

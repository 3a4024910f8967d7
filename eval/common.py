"""Scoring shared by the seeds and the ECB+ evaluations, and table printing."""
from collections import defaultdict

import scorer
from normalise import surface_key

KINDS = ("person", "place", "organization")


def pct(x):
    return "%5.1f" % (100 * x)


def detection(gold, pred):
    """Mention detection figures. gold, pred: lists of (doc, start, end, kind, ...), kinds among
    KINDS. Returns {mode: {row: {gold, pred, tp, p, r, f1}}} for modes exact / lenient and rows
    person, place, organization, all (kinds must agree) and any-kind (kinds ignored)."""
    out = {}
    for mode, match in (("exact", scorer.match_exact), ("lenient", scorer.match_lenient)):
        typed = match(gold, pred, typed=True)
        untyped = match(gold, pred, typed=False)
        rows = {}
        tp_by_kind = defaultdict(int)
        for i, _ in typed:
            tp_by_kind[gold[i][3]] += 1
        for k in KINDS:
            ng = sum(1 for g in gold if g[3] == k)
            npred = sum(1 for p in pred if p[3] == k)
            rows[k] = row(tp_by_kind[k], npred, ng)
        rows["all"] = row(len(typed), len(pred), len(gold))
        rows["any-kind"] = row(len(untyped), len(pred), len(gold))
        out[mode] = rows
    return out


def confusion(gold, pred):
    """{(gold kind, predicted kind): count} over the lenient any-kind one-to-one matches."""
    out = defaultdict(int)
    for i, j in scorer.match_lenient(gold, pred, typed=False):
        out[(gold[i][3], pred[j][3])] += 1
    return out


def print_confusion(conf, label, out=print):
    out("  kinds of %s's lenient any-kind matches (rows: gold, columns: predicted):" % label)
    out("    %-13s" % "" + "".join("%13s" % k for k in KINDS))
    for g in KINDS:
        out("    %-13s" % g + "".join("%13d" % conf.get((g, p), 0) for p in KINDS))


def row(tp, npred, ngold):
    p, r, f = scorer.prf(tp, npred, tp, ngold)
    return {"gold": ngold, "pred": npred, "tp": tp, "p": p, "r": r, "f1": f}


def add_rows(a, b):
    """Sum two detection results (micro-average)."""
    if a is None:
        return b
    out = {}
    for mode in a:
        out[mode] = {}
        for k in a[mode]:
            x, y = a[mode][k], b[mode][k]
            out[mode][k] = row(x["tp"] + y["tp"], x["pred"] + y["pred"], x["gold"] + y["gold"])
    return out


def clustering_key_response(gold, pred, prefix=""):
    """Key and response partitions over the gold mentions matched (lenient: overlap, any kind,
    one-to-one) by a prediction. gold items carry their gold cluster at [5], pred items their
    system cluster at [5]. Returns (key, response, n_matched): dicts {mention id: cluster}."""
    pairs = scorer.match_lenient(gold, pred, typed=False)
    key, resp = {}, {}
    for i, j in pairs:
        mid = (prefix, i)
        key[mid] = gold[i][5]
        resp[mid] = (prefix, pred[j][5])
    return key, resp, len(pairs)


def same_string_clusters(gold, pred, prefix=""):
    """The same-surface-string baseline on the gold mentions matched by pred: the response
    cluster of a matched gold mention is the case-folded normalised text of the prediction."""
    pairs = scorer.match_lenient(gold, pred, typed=False)
    key, resp = {}, {}
    for i, j in pairs:
        mid = (prefix, i)
        key[mid] = gold[i][5]
        resp[mid] = (prefix, surface_key(pred[j][4]))
    return key, resp, len(pairs)


def coref_scores(key, resp):
    if not key:
        return None
    c = scorer.conll(key, resp)
    return {
        "mentions": len(key),
        "key_clusters": len(set(key.values())),
        "response_clusters": len(set(resp.values())),
        "muc": dict(zip(("r", "p", "f1"), c["muc"])),
        "b3": dict(zip(("r", "p", "f1"), c["b3"])),
        "ceafe": dict(zip(("r", "p", "f1"), c["ceafe"])),
        "conll_f1": c["conll_f1"],
    }


# --------------------------------------------------------------------------- printing

def print_detection_table(results, systems, rows=KINDS + ("all", "any-kind"), out=print):
    """results: {system: detection()}."""
    out("%-13s %-12s %6s %6s | %-17s | %-17s" % ("kind", "system", "gold", "pred",
                                                  "exact  P    R    F1", "lenient P   R    F1"))
    for k in rows:
        first = True
        for s in systems:
            if s not in results:
                continue
            ex, le = results[s]["exact"][k], results[s]["lenient"][k]
            label = {"all": "all 3 kinds", "any-kind": "any kind"}.get(k, k) if first else ""
            out("%-13s %-12s %6d %6d | %s %s %s | %s %s %s" % (
                label, s, ex["gold"], ex["pred"], pct(ex["p"]), pct(ex["r"]), pct(ex["f1"]),
                pct(le["p"]), pct(le["r"]), pct(le["f1"])))
            first = False


def print_coref_table(rows, out=print):
    """rows: [(label, coref_scores() or None)]."""
    out("%-44s %5s | %-17s | %-17s | %-17s | %6s" % (
        "system", "ments", "MUC    P    R   F1", "B3     P    R   F1", "CEAF-e P    R   F1", "CoNLL"))
    for label, c in rows:
        if c is None:
            out("%-44s %5s | (no matched mention)" % (label, 0))
            continue
        out("%-44s %5d | %s %s %s | %s %s %s | %s %s %s | %6s" % (
            label, c["mentions"],
            pct(c["muc"]["p"]), pct(c["muc"]["r"]), pct(c["muc"]["f1"]),
            pct(c["b3"]["p"]), pct(c["b3"]["r"]), pct(c["b3"]["f1"]),
            pct(c["ceafe"]["p"]), pct(c["ceafe"]["r"]), pct(c["ceafe"]["f1"]),
            pct(c["conll_f1"])))

"""Scoring: precision/recall/F1, span matching, and the coreference metrics MUC, B³, CEAF-e and
CoNLL F1 (standard definitions, as in the reference coreference scorer of Pradhan et al. 2014).

Standard library only. A mention is any hashable value; a clustering is a list of clusters
(iterables of mentions) or a dict {mention: cluster id}.
"""
from collections import defaultdict


# --------------------------------------------------------------------------- P / R / F1

def prf(tp_pred, n_pred, tp_gold, n_gold):
    """Precision = tp_pred / n_pred, recall = tp_gold / n_gold, F1 their harmonic mean.
    With one-to-one matching tp_pred == tp_gold. 0 when a denominator is 0."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------------- span matching
# A span item is a tuple (doc, start, end, kind, ...); extra fields are ignored here.

def match_exact(gold, pred, typed=True):
    """One-to-one pairs (gold index, pred index) of items with the same doc, start, end (and
    kind when typed). Identical items on one side are paired in order."""
    by_key = defaultdict(list)
    for i, g in enumerate(gold):
        by_key[(g[0], g[1], g[2], g[3] if typed else None)].append(i)
    pairs = []
    for j, p in enumerate(pred):
        lst = by_key.get((p[0], p[1], p[2], p[3] if typed else None))
        if lst:
            pairs.append((lst.pop(0), j))
    return pairs


def overlap(a_start, a_end, b_start, b_end):
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match_lenient(gold, pred, typed=True):
    """One-to-one pairs (gold index, pred index) of overlapping items of the same doc (and kind
    when typed), chosen greedily: largest overlap first, then closest boundaries, then order."""
    gold_by_doc = defaultdict(list)
    for i, g in enumerate(gold):
        gold_by_doc[g[0]].append(i)
    cands = []
    for j, p in enumerate(pred):
        for i in gold_by_doc.get(p[0], ()):
            g = gold[i]
            if typed and g[3] != p[3]:
                continue
            ov = overlap(g[1], g[2], p[1], p[2])
            if ov > 0:
                cands.append((-ov, abs(g[1] - p[1]) + abs(g[2] - p[2]), i, j))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    pairs.sort()
    return pairs


# --------------------------------------------------------------------------- clusterings

def as_clusters(clustering):
    """A list of frozensets from a list of iterables or a dict {mention: cluster id}."""
    if isinstance(clustering, dict):
        groups = defaultdict(set)
        for m, c in clustering.items():
            groups[c].add(m)
        return [frozenset(g) for g in groups.values()]
    return [frozenset(c) for c in clustering if len(c)]


def _index(clusters):
    return {m: i for i, c in enumerate(clusters) for m in c}


def muc(key, response):
    """MUC (Vilain et al. 1995): (recall, precision, F1). Recall = sum over key clusters K of
    (|K| - |partitions of K by the response|) / sum (|K| - 1); mentions of K absent from the
    response are a partition each. Precision: the same with the roles swapped."""
    key, response = as_clusters(key), as_clusters(response)

    def score(a, b):
        idx = _index(b)
        num = den = 0
        for c in a:
            parts = set()
            for m in c:
                parts.add(("in", idx[m]) if m in idx else ("alone", m))
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    r, p = score(key, response), score(response, key)
    return r, p, f1(p, r)


def b_cubed(key, response):
    """B³ (Bagga & Baldwin 1998), mention-weighted: recall = mean over key mentions m of
    |K(m) ∩ R(m)| / |K(m)|, precision = mean over response mentions of |K(m) ∩ R(m)| / |R(m)|
    (a mention absent from the other side shares nothing)."""
    key, response = as_clusters(key), as_clusters(response)

    def score(a, b):
        idx = _index(b)
        total = n = 0
        for c in a:
            counts = defaultdict(int)
            for m in c:
                if m in idx:
                    counts[idx[m]] += 1
            total += sum(v * v for v in counts.values()) / len(c)
            n += len(c)
        return total / n if n else 0.0

    r, p = score(key, response), score(response, key)
    return r, p, f1(p, r)


def phi4(k, r):
    return 2 * len(k & r) / (len(k) + len(r))


def ceaf_e(key, response):
    """Entity-based CEAF (Luo 2005) with phi4(K, R) = 2|K∩R| / (|K| + |R|): the best one-to-one
    alignment of key and response clusters (Kuhn-Munkres); recall = total similarity / number of
    key clusters, precision = total similarity / number of response clusters."""
    key, response = as_clusters(key), as_clusters(response)
    total = 0.0
    # Clusters that share no mention have similarity 0: align each connected component apart.
    r_idx = defaultdict(set)
    for j, c in enumerate(response):
        for m in c:
            r_idx[m].add(j)
    k_of = defaultdict(set)
    for i, c in enumerate(key):
        for m in c:
            k_of[m].add(i)
    seen_k = set()
    for k0 in range(len(key)):
        if k0 in seen_k:
            continue
        comp_k, comp_r, stack = [], set(), [k0]
        seen_k.add(k0)
        while stack:
            i = stack.pop()
            comp_k.append(i)
            for m in key[i]:
                for j in r_idx.get(m, ()):
                    if j not in comp_r:
                        comp_r.add(j)
                        for m2 in response[j]:
                            for i2 in k_of.get(m2, ()):
                                if i2 not in seen_k:
                                    seen_k.add(i2)
                                    stack.append(i2)
        comp_r = sorted(comp_r)
        if not comp_r:
            continue
        sim = [[phi4(key[i], response[j]) for j in comp_r] for i in comp_k]
        total += max_assignment(sim)
    r = total / len(key) if key else 0.0
    p = total / len(response) if response else 0.0
    return r, p, f1(p, r)


def conll(key, response):
    """CoNLL F1: the mean of the MUC, B³ and CEAF-e F1 (all three returned too)."""
    m, b, c = muc(key, response), b_cubed(key, response), ceaf_e(key, response)
    return {"muc": m, "b3": b, "ceafe": c, "conll_f1": (m[2] + b[2] + c[2]) / 3}


def max_assignment(weights):
    """Maximum total weight of a one-to-one assignment of rows to columns of a rectangular
    matrix of non-negative weights (Hungarian algorithm, O(n^2 m))."""
    n = len(weights)
    if n == 0:
        return 0.0
    m = len(weights[0])
    if m == 0:
        return 0.0
    transpose = n > m
    if transpose:
        weights = [list(col) for col in zip(*weights)]
        n, m = m, n
    big = max(max(row) for row in weights)
    cost = [[big - w for w in row] for row in weights]  # minimise cost, n <= m
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return sum(weights[p[j] - 1][j - 1] for j in range(1, m + 1) if p[j])

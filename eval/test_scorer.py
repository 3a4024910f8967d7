"""Unit tests of the scorer on hand-computed toy cases.

    python3 -m unittest eval/test_scorer.py
"""
import itertools
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import scorer  # noqa: E402
from normalise import fold, normalise_span, normalise_text, surface_key  # noqa: E402

# Key {a b c} {d e f g}; response {a b} {c d} {f g h i} (the example of Pradhan et al. 2014,
# "Scoring coreference partitions of predicted mentions", worked out by hand below).
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


class CorefMetrics(unittest.TestCase):
    def assertTriple(self, got, r, p, f):
        self.assertAlmostEqual(got[0], r, places=9, msg="recall")
        self.assertAlmostEqual(got[1], p, places=9, msg="precision")
        self.assertAlmostEqual(got[2], f, places=9, msg="F1")

    def test_muc(self):
        # recall: {a b c} -> {a b}{c}: 3-2 = 1; {d e f g} -> {d}{e}{f g}: 4-3 = 1; 2 / (2+3)
        # precision: {a b}: 1; {c d}: 0; {f g h i} -> {f g}{h}{i}: 1; 2 / (1+1+3)
        self.assertTriple(scorer.muc(KEY, RESPONSE), 0.4, 0.4, 0.4)

    def test_b_cubed(self):
        # recall: a,b 2/3 each, c 1/3; d 1/4, e 0, f,g 2/4 each -> (5/3 + 5/4) / 7 = 5/12
        # precision: a,b 1 each; c,d 1/2 each; f,g 2/4 each, h,i 0 -> 4 / 8
        r, p = 5 / 12, 0.5
        self.assertTriple(scorer.b_cubed(KEY, RESPONSE), r, p, 2 * p * r / (p + r))

    def test_ceaf_e(self):
        # phi4: K1-R1 = 4/5, K1-R2 = 2/5, K2-R2 = 1/3, K2-R3 = 1/2; best K1-R1 + K2-R3 = 1.3
        r, p = 1.3 / 2, 1.3 / 3
        self.assertTriple(scorer.ceaf_e(KEY, RESPONSE), r, p, 2 * p * r / (p + r))

    def test_conll(self):
        out = scorer.conll(KEY, RESPONSE)
        r, p = 5 / 12, 0.5
        b3 = 2 * p * r / (p + r)
        ce = 2 * (1.3 / 2) * (1.3 / 3) / (1.3 / 2 + 1.3 / 3)
        self.assertAlmostEqual(out["conll_f1"], (0.4 + b3 + ce) / 3)
        self.assertAlmostEqual(ce, 0.52)

    def test_identical(self):
        clusters = [{1, 2, 3}, {4, 5}, {6}]
        for metric in (scorer.muc, scorer.b_cubed, scorer.ceaf_e):
            self.assertTriple(metric(clusters, clusters), 1.0, 1.0, 1.0)

    def test_all_merged_against_singletons(self):
        key = [{"a"}, {"b"}, {"c"}]
        resp = [{"a", "b", "c"}]
        # MUC: no link in the key -> recall 0/0 = 0; the response's 2 links are all wrong
        self.assertTriple(scorer.muc(key, resp), 0.0, 0.0, 0.0)
        # B3: recall 1 for every key mention, precision 1/3 for every response mention
        self.assertTriple(scorer.b_cubed(key, resp), 1.0, 1 / 3, 0.5)
        # CEAF-e: one key cluster aligned with phi4 = 2*1/(1+3) = 0.5
        self.assertTriple(scorer.ceaf_e(key, resp), 0.5 / 3, 0.5, 0.25)

    def test_dict_input(self):
        key = {"a": 1, "b": 1, "c": 2}
        resp = {"a": "x", "b": "y", "c": "y"}
        # B3 recall: a 1/2, b 1/2, c 1 -> 2/3; precision: a 1, b 1/2, c 1/2 -> 2/3
        self.assertTriple(scorer.b_cubed(key, resp), 2 / 3, 2 / 3, 2 / 3)
        # MUC recall: {a b} split in 2 -> 0/1; precision: {b c} split in 2 -> 0/1
        self.assertTriple(scorer.muc(key, resp), 0.0, 0.0, 0.0)


class Assignment(unittest.TestCase):
    def test_small(self):
        w = [[0.8, 0.4, 0.0], [0.0, 1 / 3, 0.5]]
        self.assertAlmostEqual(scorer.max_assignment(w), 1.3)
        self.assertAlmostEqual(scorer.max_assignment([list(c) for c in zip(*w)]), 1.3)

    def test_against_brute_force(self):
        rng = random.Random(7)
        for _ in range(200):
            n, m = rng.randint(1, 5), rng.randint(1, 5)
            w = [[rng.choice([0, 0, rng.random()]) for _ in range(m)] for _ in range(n)]
            if n <= m:
                best = max(sum(w[i][perm[i]] for i in range(n))
                           for perm in itertools.permutations(range(m), n))
            else:
                best = max(sum(w[perm[j]][j] for j in range(m))
                           for perm in itertools.permutations(range(n), m))
            self.assertAlmostEqual(scorer.max_assignment(w), best)


class Matching(unittest.TestCase):
    GOLD = [("d", 0, 5, "person"), ("d", 10, 20, "place"), ("d", 30, 35, "person"),
            ("e", 0, 5, "person")]

    def test_exact(self):
        pred = [("d", 0, 5, "person"), ("d", 10, 20, "organization"), ("e", 0, 4, "person")]
        self.assertEqual(scorer.match_exact(self.GOLD, pred), [(0, 0)])
        self.assertEqual(scorer.match_exact(self.GOLD, pred, typed=False), [(0, 0), (1, 1)])

    def test_lenient_one_to_one(self):
        # one long prediction over two gold mentions matches only one of them (largest overlap)
        # (3-33 overlaps 0-5 by 2 and 30-35 by 3: it goes to 30-35, and 0-5 stays unmatched)
        pred = [("d", 3, 33, "person"), ("d", 12, 14, "place"), ("e", 3, 9, "person")]
        pairs = scorer.match_lenient(self.GOLD, pred)
        self.assertEqual(pairs, [(1, 1), (2, 0), (3, 2)])
        self.assertEqual(scorer.match_lenient(self.GOLD[:1], pred[:1]), [(0, 0)])
        # equal overlaps: the closer boundaries win
        gold = [("d", 0, 4, "person"), ("d", 6, 8, "person")]
        self.assertEqual(scorer.match_lenient(gold, [("d", 2, 8, "person")]), [(1, 0)])
        self.assertEqual(scorer.match_lenient(gold, [("d", 0, 7, "person")]), [(0, 0)])
        # typed: a kind mismatch is no match
        self.assertEqual(scorer.match_lenient(gold, [("d", 0, 4, "place")]), [])

    def test_prf(self):
        p, r, f = scorer.prf(2, 4, 2, 8)
        self.assertEqual((p, r), (0.5, 0.25))
        self.assertAlmostEqual(f, 1 / 3)
        self.assertEqual(scorer.prf(0, 0, 0, 0), (0.0, 0.0, 0.0))


class Normalisation(unittest.TestCase):
    def test_span(self):
        t = "said the Kremlin's spokesman"
        a, b = normalise_span(t, 5, 18)
        self.assertEqual(t[a:b], "Kremlin")
        t = "The Hague\u2019s court"
        a, b = normalise_span(t, 0, 11)
        self.assertEqual(t[a:b], "Hague")
        self.assertEqual(normalise_text(" the "), "the")  # nothing left: keep it
        self.assertEqual(normalise_text("Theodore"), "Theodore")

    def test_keys(self):
        self.assertEqual(fold("Zelensk\u00fd  KYIV"), "zelensky kyiv")
        self.assertEqual(surface_key("the U.S.'s"), "u.s.")


if __name__ == "__main__":
    unittest.main()

//! Clause similarity: the clauses of every source (units), which the omission and "different
//! event" checks use, and the similar pairs of clauses from different sources, which the
//! conflict finder uses (numbers told in similar clauses). The facts themselves are built from
//! matched pieces of sentences ([`super::pieces`]); a fact's clauses are the clauses its pieces
//! overlap.
//!
//! Each clause (a sentence, or part of one split at ", which", ", resulting in", ";"…) is a sparse vector of features: its matching terms (synonyms merged, stemmed),
//! the entities it mentions and the numbers it gives with what they count, each weighted by
//! inverse document frequency over all clauses (numbers count double: they are the strongest
//! anchors). Candidate pairs come from an inverted index over features, skipping features so
//! common that they would pair nearly everything (still counted in the score), so the cost is
//! O(Σ_f df_f²) over the indexed features instead of O(U²) for U clauses; the cosine of each
//! candidate is then computed exactly in O(features).

use super::pieces::SentenceFeatures;
use crate::extract::Doc;

/// Two clauses at or above this cosine tell much the same thing (omissions and number
/// conflicts compare clauses with fractions of it).
pub const THRESHOLD: f32 = 0.32;
/// A pair must share at least this many features, so that two short clauses that share one
/// word do not merge.
pub const MIN_SHARED_FEATURES: usize = 2;
/// A unit with fewer features than this ("which led to this delegation") is too thin to match:
/// it stays a detail of its source.
pub const MIN_UNIT_FEATURES: usize = 3;

/// The unit that facts are made of: one clause of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Unit {
    pub doc: usize,
    pub sentence: usize,
    /// Byte span of the clause.
    pub start: usize,
    pub end: usize,
}

/// Index into the list of units.
pub type UnitId = usize;

/// Every clause of every article, in order.
pub fn units(docs: &[Doc]) -> Vec<Unit> {
    let mut out = Vec::new();
    for (doc, d) in docs.iter().enumerate() {
        for (sentence, s) in d.sentences.iter().enumerate() {
            for &(a, b) in &s.clauses {
                out.push(Unit { doc, sentence, start: s.tokens[a].start, end: s.tokens[b - 1].end });
            }
        }
    }
    out
}

/// The units and their similar pairs.
pub struct Similarity {
    pub units: Vec<Unit>,
    /// The candidate pairs `(a, b)`, `a < b`, in that order, whose cosine is at least
    /// [`super::conflicts::NUMBER_PAIR_THRESHOLD`], the lowest score anything reads. (Not a map of
    /// every scored pair to its cosine: for 831 articles that held 1.2 million entries, ~27 MB
    /// of the wasm memory's peak; a third of them reach that score.)
    pub pairs: Vec<(UnitId, UnitId)>,
    /// The cosine of each pair of `pairs`.
    pub scores: Vec<f32>,
}

impl Similarity {
    /// The cosine of units `a` and `b` when they are one of `pairs`, else 0 (below
    /// [`super::conflicts::NUMBER_PAIR_THRESHOLD`], or not a candidate). O(log P).
    pub fn score(&self, a: UnitId, b: UnitId) -> f32 {
        let k = if a <= b { (a, b) } else { (b, a) };
        self.pairs.binary_search(&k).map_or(0.0, |i| self.scores[i])
    }
}

/// The pairs of sources `(a, b)`, `a < b`, sorted, with a clause of one alike to a clause of
/// the other (a cosine of at least [`THRESHOLD`]): what ties two articles that share no specific
/// name, place, number or date ([`super::groups`], [`super::events`]).
pub fn alike_sources(sim: &Similarity) -> Vec<(usize, usize)> {
    // The pairs are sorted by their first unit, and units are in article order: the first
    // article of the pairs never decreases (a < b, so it is the lower one). So each article's
    // partners are gathered apart, deduplicated with a marker per article and sorted among
    // themselves: a few small sorts instead of one of every alike pair of clauses (a third of
    // the scored pairs, the most of this function's cost).
    let n_docs = sim.units.last().map_or(0, |u| u.doc + 1);
    let mut seen_with: Vec<usize> = vec![usize::MAX; n_docs];
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for (&(a, b), &score) in sim.pairs.iter().zip(&sim.scores) {
        if score < THRESHOLD {
            continue;
        }
        let (da, db) = (sim.units[a].doc, sim.units[b].doc);
        debug_assert!(da <= db, "pairs ordered by first unit, units by article");
        if da == db {
            continue;
        }
        if out.get(from).is_some_and(|&(d, _)| d != da) {
            out[from..].sort_unstable();
            from = out.len();
        }
        if seen_with[db] != da {
            seen_with[db] = da;
            out.push((da, db));
        }
    }
    out[from..].sort_unstable();
    out
}

/// Builds unit vectors and scores candidate pairs from different sources. A clause's features
/// are its sentence's feature occurrences that start inside it. The vectors are dropped once
/// the pairs are scored (nothing else reads them).
pub fn similarity(docs: &[Doc], sf: &SentenceFeatures) -> Similarity {
    let units = units(docs);
    let mut df: Vec<u32> = vec![0; sf.n_ids()];
    let raw: Vec<Vec<(u32, f32)>> = units
        .iter()
        .map(|u| {
            let s = &docs[u.doc].sentences[u.sentence];
            let a = s.tokens.partition_point(|t| t.start < u.start);
            let b = s.tokens.partition_point(|t| t.start < u.end);
            // Sorted by id already; keep one per id, with the highest boost. Counted first, so the
            // vector is allocated once at its size (a filtered `collect` grows it step by step).
            let occ = &sf.occurrences[u.doc][u.sentence];
            let inside = |f: &&super::pieces::Feat| a <= f.1 && f.1 < b;
            let mut v: Vec<(u32, f32)> = Vec::with_capacity(occ.iter().filter(inside).count());
            v.extend(occ.iter().filter(inside).map(|f| (f.0, f.3)));
            super::pieces::dedup_keep_max(&mut v, |f| (f.0, &mut f.1));
            for &(id, _) in &v {
                df[id as usize] += 1;
            }
            v
        })
        .collect();
    let n = units.len();
    let idf: Vec<f32> = df.iter().map(|&c| ((n as f32 + 1.0) / (c as f32 + 0.5)).ln().max(0.0)).collect();
    let vectors: Vec<Vec<(u32, f32)>> = raw.into_iter().map(|v| v.into_iter().map(|(id, b)| (id, b * idf[id as usize])).collect()).collect();
    // Inverted index over selective features only (the common ones still count in the score).
    // Capped so that very common features (in thousands of clauses of a large corpus) do not
    // generate a quadratic number of candidates; they still count in the exact score.
    let max_df = (n / 10).clamp(8, 120) as u32;
    // Units too thin to match are in no list.
    // Each list allocated once: a feature's units are at most its document frequency.
    let mut postings: Vec<Vec<UnitId>> = df.iter().map(|&c| if (2..=max_df).contains(&c) { Vec::with_capacity(c as usize) } else { Vec::new() }).collect();
    for (ui, v) in vectors.iter().enumerate().filter(|(_, v)| v.len() >= MIN_UNIT_FEATURES) {
        for &(id, _) in v {
            if (2..=max_df).contains(&df[id as usize]) {
                postings[id as usize].push(ui);
            }
        }
    }
    // Each pair once, in (a, b) order: for every unit a, its partners b > a through the postings
    // of its features, deduplicated with a marker per unit (a sparse accumulator), scored, and the
    // pairs kept sorted per a. (Listing every pair of every posting list, then sorting and
    // deduplicating, cost ~9% of a 200-article comparison: a pair sharing k features was listed k times. Listing all
    // the candidates before scoring them took 3.4 million pairs, ~50 MB of the wasm memory's
    // peak with the list's growth, for 831 articles.)
    let norms: Vec<f32> = vectors.iter().map(|v| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()).collect();
    let common = Common::new(vectors.iter().map(|v| v.iter().map(|f| f.0)), |id| df[id as usize] > max_df);
    let mut pairs = Vec::new();
    let mut scores = Vec::new();
    let mut mark: Vec<usize> = vec![usize::MAX; n];
    // Per partner of the current unit: the indexed features they share.
    let mut hits: Vec<u32> = vec![0; n];
    let mut partners: Vec<UnitId> = Vec::new();
    let mut kept: Vec<u64> = Vec::new();
    let mut in_a: Vec<u32> = vec![u32::MAX; df.len()];
    // Per feature: how many of its postings are units of the current article or earlier ones.
    // Moved forward as the units go (`later` below never decreases): a step or none per look,
    // not a binary search.
    let mut seen: Vec<usize> = vec![0; df.len()];
    // Units are in article order: the first unit after each article's.
    let doc_end: Vec<UnitId> = (0..docs.len()).map(|d| units.partition_point(|u| u.doc <= d)).collect();
    // A clause often comes again word for word in later articles (wire copy, shared paragraphs).
    // A copy's pairs are those of its first occurrence with the units of the articles after the
    // copy's: the same vector finds the same candidates and scores them the same. So they are
    // copied from the first occurrence's (`pairs[kept_at[a0]]`, sorted by partner), not searched
    // again.
    let first_copy = first_copies(&vectors);
    let mut kept_at: Vec<(usize, usize)> = vec![(0, 0); n];
    for (a, v) in vectors.iter().enumerate() {
        if v.len() < MIN_UNIT_FEATURES {
            continue;
        }
        let later = doc_end[units[a].doc];
        let a0 = first_copy[a];
        if a0 != a {
            let (from, to) = kept_at[a0];
            let from = from + pairs[from..to].partition_point(|&(_, b)| b < later);
            for i in from..to {
                pairs.push((a, pairs[i].1));
                scores.push(scores[i]);
            }
            continue;
        }
        let kept_from = pairs.len();
        partners.clear();
        for &(id, _) in v {
            if !(2..=max_df).contains(&df[id as usize]) {
                continue;
            }
            // The units of the articles after a's (so b > a, of another source).
            let list = &postings[id as usize];
            let from = &mut seen[id as usize];
            while list.get(*from).is_some_and(|&x| x < later) {
                *from += 1;
            }
            for &b in &list[*from..] {
                if mark[b] != a {
                    mark[b] = a;
                    hits[b] = 0;
                    partners.push(b);
                }
                hits[b] += 1;
            }
        }
        for (i, &(id, _)) in v.iter().enumerate() {
            in_a[id as usize] = i as u32;
        }
        // Scored in the order found; only the pairs kept (about a third) are sorted, as
        // (partner, score bits) in one integer.
        kept.clear();
        for &b in &partners {
            // Most candidates share one feature: known from the postings and a look at the
            // partner's few common features, without the dot product.
            if common.shared_below(hits[b], a, b, &in_a, MIN_SHARED_FEATURES) {
                continue;
            }
            let (dot, shared) = dot(v, &in_a, &vectors[b]);
            let denom = norms[a] * norms[b];
            if denom > 0.0 && shared >= MIN_SHARED_FEATURES && dot / denom >= super::conflicts::NUMBER_PAIR_THRESHOLD {
                kept.push((b as u64) << 32 | u64::from((dot / denom).to_bits()));
            }
        }
        kept.sort_unstable();
        for &k in &kept {
            pairs.push((a, (k >> 32) as UnitId));
            scores.push(f32::from_bits(k as u32));
        }
        kept_at[a] = (kept_from, pairs.len());
        for &(id, _) in v {
            in_a[id as usize] = u32::MAX;
        }
    }
    Similarity { units, pairs, scores }
}

/// For each vector, the index of the first vector equal to it (ids and weights, bit for bit):
/// its own index when it is the first.
fn first_copies(vectors: &[Vec<(u32, f32)>]) -> Vec<usize> {
    use std::hash::{Hash, Hasher};
    fn bits(v: &[(u32, f32)]) -> impl Iterator<Item = (u32, u32)> + '_ {
        v.iter().map(|&(id, w)| (id, w.to_bits()))
    }
    let hash = |i: usize| {
        let mut h = rustc_hash::FxHasher::default();
        bits(&vectors[i]).for_each(|x| x.hash(&mut h));
        h.finish()
    };
    super::first_copies(vectors.len(), hash, |j, i| bits(&vectors[j]).eq(bits(&vectors[i])))
}

/// The features of each item (a clause, or a sentence) too common to be indexed, in one array:
/// item `i`'s are `ids[at[i]..at[i + 1]]`. Two items share exactly the indexed features through
/// whose postings one finds the other, plus those of these they both have; so whether a
/// candidate shares enough features is known from a few ids rather than from all its features.
pub(super) struct Common {
    ids: Vec<u32>,
    at: Vec<usize>,
    /// Per item, one bit per id modulo 64 of its common features ([`Common::mask`]): when the
    /// current item's bits meet none of a candidate's, they share none of these, known without
    /// reading the candidate's list (most candidates, most of `shared_below`'s cost).
    masks: Vec<u64>,
}

impl Common {
    /// From each item's feature ids, and which ids are common (not indexed, yet found in more
    /// than one item).
    pub(super) fn new<I: Iterator<Item = u32>>(items: impl Iterator<Item = I>, common: impl Fn(u32) -> bool) -> Common {
        let (mut ids, mut at, mut masks) = (Vec::new(), vec![0], Vec::new());
        for item in items {
            let from = ids.len();
            ids.extend(item.filter(|&id| common(id)));
            masks.push(Common::mask(&ids[from..]));
            at.push(ids.len());
        }
        Common { ids, at, masks }
    }

    /// The common features of item `b`, by id.
    pub(super) fn of(&self, b: usize) -> &[u32] {
        &self.ids[self.at[b]..self.at[b + 1]]
    }

    /// The bits of a list of feature ids: bit `id % 64` for each.
    fn mask(ids: &[u32]) -> u64 {
        ids.iter().fold(0, |m, &id| m | 1 << (id % 64))
    }

    /// Whether item `b`, found through `hits` indexed features of the current item `a` (whose
    /// features are marked in `in_a`: not `u32::MAX`), shares fewer than `min` features with it.
    /// (Counting stops at `min`: the answer is known.)
    pub(super) fn shared_below(&self, hits: u32, a: usize, b: usize, in_a: &[u32], min: usize) -> bool {
        let hits = hits as usize;
        if hits >= min {
            return false;
        }
        if self.masks[b] & self.masks[a] == 0 {
            return true;
        }
        let need = min - hits;
        self.ids[self.at[b]..self.at[b + 1]].iter().filter(|&&id| in_a[id as usize] != u32::MAX).take(need).count() < need
    }
}

/// Dot product of two sparse vectors, and how many features they share: `a` with its features
/// scattered by id (`in_a[id]`: index in `a`, or `u32::MAX`), `b` sorted by id (so the products
/// are summed in id order).
fn dot(a: &[(u32, f32)], in_a: &[u32], b: &[(u32, f32)]) -> (f32, usize) {
    let (mut s, mut shared) = (0.0, 0);
    for &(id, w) in b {
        let i = in_a[id as usize];
        if i != u32::MAX {
            s += a[i as usize].1 * w;
            shared += 1;
        }
    }
    (s, shared)
}

#[cfg(test)]
mod tests {
    use crate::{compare, Article};

    #[test]
    fn first_copies_by_ids_and_weights() {
        let v = |x: &[(u32, f32)]| x.to_vec();
        let vectors = [v(&[(1, 0.5), (2, 1.0)]), v(&[(1, 0.5)]), v(&[(1, 0.5), (2, 1.0)]), v(&[(1, 0.5), (2, 1.5)]), v(&[(1, 0.5)]), v(&[])];
        assert_eq!(super::first_copies(&vectors), [0, 1, 0, 3, 1, 5]);
    }

    #[test]
    fn a_copied_clause_is_paired_as_its_first_occurrence() {
        // Sources 0 and 1 carry the same sentence; source 2 tells it in other words. The copy's
        // pairs are copied from the first occurrence's: both are paired with source 2's clause.
        let told = "The two sides agreed to exchange one thousand prisoners of war.";
        let texts = [told.to_string(), format!("The weather in Istanbul was warm and sunny. {told}"), "Russia and Ukraine agreed to swap 1,000 POWs each.".to_string()];
        let docs: Vec<crate::extract::Doc> = texts.iter().enumerate().map(|(i, t)| crate::extract::analyze(&crate::Article::new(format!("s{i}"), t.as_str()))).collect();
        let resolved = super::super::entities::resolve(&docs);
        let sim = super::similarity(&docs, &super::super::pieces::SentenceFeatures::new(&docs, &resolved));
        let docs_of = |&(a, b): &(usize, usize)| (sim.units[a].doc, sim.units[b].doc);
        let pairs: Vec<(usize, usize)> = sim.pairs.iter().map(docs_of).collect();
        assert!(pairs.contains(&(0, 1)) && pairs.contains(&(0, 2)) && pairs.contains(&(1, 2)), "{pairs:?}");
        let score = |d: usize| sim.pairs.iter().zip(&sim.scores).find(|(p, _)| docs_of(p) == (d, 2)).map(|(_, s)| *s);
        assert_eq!(score(0), score(1));
    }

    #[test]
    fn paraphrases_merge_and_unrelated_sentences_do_not() {
        let a = Article::new("a", "The two sides agreed to exchange one thousand prisoners of war. The weather in Istanbul was warm and sunny.");
        let b = Article::new("b", "Russia and Ukraine agreed to swap 1,000 POWs each. Oil prices rose sharply in Asian markets on Tuesday.");
        let r = compare(&[a, b]).unwrap();
        let corroborated: Vec<_> = r.facts.iter().filter(|f| f.corroboration == 2).collect();
        assert_eq!(corroborated.len(), 1, "{:#?}", r.facts);
        assert!(corroborated[0].evidence.iter().all(|e| e.sentence == 0));
        assert_eq!(r.facts.len(), 3);
    }
}

//! Fact clustering: clauses from different sources that say the same thing become one fact.
//!
//! Each clause (a sentence, or part of one split at ", which", ", resulting in", ";"…) is a sparse vector of features: its matching terms (synonyms merged, stemmed),
//! the entities it mentions and the numbers it gives with what they count, each weighted by
//! inverse document frequency over all clauses (numbers count double: they are the strongest
//! anchors). Candidate pairs come from an inverted index over features, skipping features so
//! common that they would pair nearly everything (still counted in the score), so the cost is
//! O(Σ_f df_f²) over the indexed features instead of O(U²) for U clauses; the cosine of each
//! candidate is then computed exactly in O(features).
//!
//! Clustering is greedy average-link: pairs are taken best first, and two clusters merge when at
//! least half of their cross pairs from different sources score above the threshold (a source
//! that tells a fact twice can so have two clauses in it); lone clauses that repeat a fact are
//! attached afterwards.

use rustc_hash::FxHashMap as HashMap;


use super::entities::Resolved;
use crate::report::EntityKind;
use crate::extract::Doc;

/// Pairs below this cosine never merge.
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

/// Unit vectors and the scored candidate pairs.
pub struct Similarity {
    pub units: Vec<Unit>,
    /// Per unit: sorted (feature id, weight).
    pub vectors: Vec<Vec<(u32, f32)>>,
    /// Cosine of candidate pairs (key ordered: smaller id first).
    pub scores: HashMap<(UnitId, UnitId), f32>,
}

impl Similarity {
    pub fn score(&self, a: UnitId, b: UnitId) -> f32 {
        let k = if a <= b { (a, b) } else { (b, a) };
        self.scores.get(&k).copied().unwrap_or(0.0)
    }
}

fn inside(u: &Unit, start: usize) -> bool {
    u.start <= start && start < u.end
}

/// The features of one unit, with their boosts.
fn features(docs: &[Doc], resolved: &Resolved, u: &Unit) -> Vec<(String, f32)> {
    let d = &docs[u.doc];
    let s = &d.sentences[u.sentence];
    // A unit is a run of its sentence's tokens: slice it rather than copy it.
    let a = s.tokens.partition_point(|t| t.start < u.start);
    let b = s.tokens.partition_point(|t| t.start < u.end);
    let toks = &s.tokens[a..b];
    let mut feats: Vec<(String, f32)> = crate::extract::terms(toks).into_iter().map(|t| (format!("t:{t}"), 1.0)).collect();
    for (mi, m) in d.mentions.iter().enumerate() {
        if m.sentence == u.sentence && inside(u, m.start) {
            match (m.kind, m.canonical) {
                (EntityKind::Place, Some(place)) => feats.push((format!("g:{place}"), 1.0)),
                _ => feats.push((format!("e:{}", resolved.of[u.doc][mi]), 1.0)),
            }
        }
    }
    // Demonyms link to their place for matching ("Russian" ~ "Russia") without being mentions.
    let lex = crate::lexicon::get();
    for t in toks {
        if let Some(&p) = lex.demonyms.get(&t.folded) {
            feats.push((format!("g:{}", lex.places[p].name), 1.0));
        }
    }
    for q in d.quantities.iter().filter(|q| q.sentence == u.sentence && inside(u, q.start) && !q.counts.is_empty()) {
        // The value with its counted thing is the strongest anchor; the counted thing alone
        // lets differing numbers about one thing meet (and be compared as a conflict).
        feats.push((format!("n:{}:{}", q.value, q.counts), 2.0));
        feats.push((format!("u:{}", q.counts), 1.0));
    }
    for x in d.dates.iter().filter(|x| x.sentence == u.sentence && inside(u, x.start)) {
        feats.push((format!("d:{}", x.value), 1.5));
    }
    feats
}

/// Builds unit vectors and scores candidate pairs from different sources.
pub fn similarity(docs: &[Doc], resolved: &Resolved) -> Similarity {
    let units = units(docs);
    let mut ids: HashMap<String, u32> = HashMap::default();
    let mut df: Vec<u32> = Vec::new();
    let raw: Vec<Vec<(u32, f32)>> = units
        .iter()
        .map(|u| {
            let mut v: Vec<(u32, f32)> = features(docs, resolved, u)
                .into_iter()
                .map(|(f, boost)| {
                    let next = ids.len() as u32;
                    (*ids.entry(f).or_insert(next), boost)
                })
                .collect();
            v.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            v.dedup_by_key(|x| x.0);
            for &(id, _) in &v {
                if id as usize >= df.len() {
                    df.resize(id as usize + 1, 0);
                }
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
    let mut postings: Vec<Vec<UnitId>> = vec![Vec::new(); df.len()];
    for (ui, v) in vectors.iter().enumerate() {
        for &(id, _) in v {
            if (2..=max_df).contains(&df[id as usize]) {
                postings[id as usize].push(ui);
            }
        }
    }
    let mut candidates: Vec<(UnitId, UnitId)> = Vec::new();
    for list in &postings {
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                if units[a].doc != units[b].doc {
                    candidates.push((a, b));
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates.retain(|&(a, b)| vectors[a].len() >= MIN_UNIT_FEATURES && vectors[b].len() >= MIN_UNIT_FEATURES);
    let norms: Vec<f32> = vectors.iter().map(|v| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()).collect();
    let mut scores = HashMap::default();
    for (a, b) in candidates {
        let (dot, shared) = dot(&vectors[a], &vectors[b]);
        let denom = norms[a] * norms[b];
        if denom > 0.0 && shared >= MIN_SHARED_FEATURES {
            scores.insert((a, b), dot / denom);
        }
    }
    Similarity { units, vectors, scores }
}

/// Dot product of two sorted sparse vectors, and how many features they share.
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> (f32, usize) {
    let (mut i, mut j, mut s, mut shared) = (0, 0, 0.0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (s, shared)
}

/// Clusters units into facts. Returns clusters of unit ids, each sorted, in a deterministic
/// order (most sources first, then by first unit). After clustering, a unit left alone joins a
/// fact whose source it shares when it matches most of that fact's units (a source repeating a
/// fact is not a single-source detail).
pub fn cluster(sim: &Similarity) -> Vec<Vec<UnitId>> {
    let units = &sim.units;
    let mut pairs: Vec<((UnitId, UnitId), f32)> = sim.scores.iter().filter(|(_, &s)| s >= THRESHOLD).map(|(k, &s)| (*k, s)).collect();
    pairs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut cluster_of: Vec<usize> = (0..units.len()).collect();
    let mut clusters: Vec<Vec<UnitId>> = (0..units.len()).map(|u| vec![u]).collect();
    let strong = |x: &[UnitId], y: &[UnitId]| x.iter().flat_map(|&p| y.iter().map(move |&q| (p, q))).filter(|&(p, q)| sim.score(p, q) >= THRESHOLD).count();
    for &((a, b), _) in &pairs {
        let (ca, cb) = (cluster_of[a], cluster_of[b]);
        if ca == cb {
            continue;
        }
        let (x, y) = (&clusters[ca], &clusters[cb]);
        // Average link over pairs of different sources: two clusters that each hold a clause of
        // the same source merge only when most of their cross-source pairs match (a source that
        // tells a fact twice ends up with two clauses in it).
        let cross = x.iter().flat_map(|&p| y.iter().map(move |&q| (p, q))).filter(|&(p, q)| units[p].doc != units[q].doc).count();
        if cross == 0 || strong(x, y) * 2 < cross {
            continue;
        }
        let moved = std::mem::take(&mut clusters[cb]);
        for &p in &moved {
            cluster_of[p] = ca;
        }
        clusters[ca].extend(moved);
    }
    // Repeats: a lone unit that matches most of a multi-source fact joins it.
    for &((a, b), _) in &pairs {
        for (lone, other) in [(a, b), (b, a)] {
            let (cl, co) = (cluster_of[lone], cluster_of[other]);
            if cl == co || clusters[cl].len() != 1 || clusters[co].len() < 2 {
                continue;
            }
            if strong(&[lone], &clusters[co]) * 2 > clusters[co].len() {
                clusters[cl].clear();
                cluster_of[lone] = co;
                clusters[co].push(lone);
            }
        }
    }
    let mut out: Vec<Vec<UnitId>> = clusters.into_iter().filter(|c| !c.is_empty()).collect();
    for c in &mut out {
        c.sort();
    }
    let n_sources = |c: &Vec<UnitId>| {
        let mut d: Vec<usize> = c.iter().map(|&u| units[u].doc).collect();
        d.dedup();
        d.len()
    };
    out.sort_by(|a, b| n_sources(b).cmp(&n_sources(a)).then(a[0].cmp(&b[0])));
    out
}

#[cfg(test)]
mod tests {
    use crate::{compare, Article};

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

//! Text reuse between sources: the passages one article shares with another (wire copy reused
//! verbatim or with small edits, in any paragraph order), and a source × source matrix of how
//! much of each source lies in passages shared with each other one.
//!
//! ## Method
//! 1. **Words.** Each source is read as the sequence of its non-punctuation tokens (words and
//!    numbers, from the kept sentences), each hashed from its folded (lower-cased, diacritics
//!    removed) text with FNV-1a 64. Punctuation, case and accents do not break a match.
//! 2. **Winnowing** (Schleimer, Wilkerson & Aiken 2003). Every run of [`K`] = 8 consecutive words
//!    (a k-gram) gets a 64-bit hash; in every window of [`WINDOW`] = 4 consecutive k-gram hashes
//!    the (rightmost) smallest is kept as a fingerprint. This keeps about 2 / (w + 1) = 40 % of the
//!    positions and guarantees that any shared run of at least K + w − 1 = 11 identical words
//!    yields at least one shared fingerprint — below the 12-word minimum passage, so no reportable
//!    verbatim passage is missed. K = 8 is long enough that stock phrases ("said in a statement
//!    on") rarely match by themselves, and short enough that an edit every ten or so words still
//!    leaves anchors.
//! 3. **Index.** Fingerprints of all sources go into one table: hash → (source, position), in input
//!    order. Candidate pairs come only from this table: for each source `b`, each of its
//!    fingerprints is looked up and every occurrence in an earlier source `a` is an *anchor*
//!    `(a, pa, pb)`. Sources that share no fingerprint are never compared.
//! 4. **Runs.** Each anchor is extended word by word along its diagonal (both sides advancing
//!    together) to the maximal run of identical words. Anchors are visited in b's order, so one
//!    inside the latest run on its diagonal is skipped at O(1) (an array for the latest run per
//!    source, a hash map per diagonal): a copied paragraph costs one extension, not one per
//!    fingerprint, and only runs are stored, never the anchors.
//! 5. **Passages.** Runs are chained in order of their position in `a`: a run joins an open
//!    passage when it continues it on both sides with at most [`MAX_GAP`] = 8 words skipped on
//!    each side (a substituted, inserted or dropped word or phrase), so a near-verbatim copy
//!    comes out as one passage. A run that goes backwards in `b` (a reordered paragraph) starts a
//!    passage of its own. Words in the gaps are aligned (a small LCS) to count identical words.
//!    The ends of a passage are then grown past substituted words when identical words follow
//!    (an X-drop walk, at most 16 words: +1 per identical word, −1 per other, stop 3 below the
//!    best), since a few identical words before or after an edit are too few to anchor a run.
//!    Passages with fewer than [`MIN_PASSAGE_WORDS`] = 12 identical words are dropped.
//!
//! ## Output
//! - `matrix[i][j]`: the share of source i's words that lie inside passages it shares with
//!   source j (all passages found, before the reporting caps below). Asymmetric: a short article
//!   wholly copied from a long one has 1.0 in its row, the long one a small value in its row.
//!   The diagonal is 1.0. Values are rounded to 3 decimals.
//! - `passages`: each shared passage once, for the pair `a` < `b` in input order, sorted by
//!   (a's input order, a.start, b's input order, b.start). Spans are UTF-8 byte offsets into
//!   the source's text, from the first shared word to the last (punctuation around them is not
//!   included). `similarity` = 2 × identical words / (words of a's side + words of b's side),
//!   1.0 for a verbatim copy; `words` = the longer side's length in words.
//!
//! ## Cost
//! With T the total number of words, F ≈ 0.4 T the fingerprints, M the anchors (matching
//! fingerprint occurrences across sources) and S the words inside the shared runs found:
//! hashing and winnowing are O(T·(K + w)); the index is O(F) (hash map, then counting sort);
//! each anchor is visited once at O(1); each maximal run is extended once, O(S) in all; runs
//! (far fewer than anchors) are sorted per source and chained. Overall O(T + M + S) plus an
//! O(n) reset per source: unrelated sources cost nothing beyond their own words, and nothing
//! compares all word pairs.
//!
//! ## Caps (memory stays bounded on any input)
//! - [`MAX_OCCURRENCES`]: a k-gram repeated within one source is indexed at its first 4
//!   positions only (so "the the the …" or a repeated sign-off cannot explode the number of anchors;
//!   extension still follows the repetition).
//! - [`MAX_RUNS_PER_SOURCE`]: at most 2²⁰ runs are gathered for one source against all earlier
//!   ones (≈ 32 MB); further fingerprints of that source are not looked up.
//! - [`MAX_OPEN_PASSAGES`]: at most 256 passages are being grown at once for one pair.
//! - [`MAX_PASSAGES_PER_PAIR`] = 50 and [`MAX_PASSAGES`] = 5,000 passages are *reported*; when
//!   there are more, the ones with the most identical words are kept (ties: earlier position).
//!   The matrix still counts every passage found.
//! - The matrix itself is n × n (1,000 sources → 8 MB).
//!
//! Deterministic: fixed hashes (no random seeds), every order decided by input order and
//! positions, so native and wasm builds give identical results.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::extract::Doc;
use crate::text::TokKind;

/// Words per k-gram.
pub const K: usize = 8;
/// Winnowing window, in k-grams.
pub const WINDOW: usize = 4;
/// Largest number of words skipped on either side between two runs of one passage.
pub const MAX_GAP: usize = 8;
/// Fewest identical words a reported passage has.
pub const MIN_PASSAGE_WORDS: usize = 12;
/// Farthest a passage's ends are grown past substituted words, in words.
pub const EDGE_REACH: usize = 2 * MAX_GAP;
/// The edge walk stops when its score falls this far below its best.
pub const EDGE_DROP: i64 = 3;
/// Positions indexed per k-gram per source.
pub const MAX_OCCURRENCES: usize = 4;
/// Runs gathered for one source against all earlier sources.
pub const MAX_RUNS_PER_SOURCE: usize = 1 << 20;
/// Passages grown at once for one pair of sources.
pub const MAX_OPEN_PASSAGES: usize = 256;
/// Passages reported for one pair of sources.
pub const MAX_PASSAGES_PER_PAIR: usize = 50;
/// Passages reported in all.
pub const MAX_PASSAGES: usize = 5_000;

/// Text reuse across a set of sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextReuse {
    /// `matrix[i][j]`: share of source i's words inside passages shared with source j (rounded
    /// to 3 decimals; diagonal 1.0; sources in input order).
    pub matrix: Vec<Vec<f64>>,
    /// Shared passages, `a` before `b` in input order, sorted by (a, a.start, b, b.start).
    pub passages: Vec<SharedPassage>,
}

/// A passage two sources share, verbatim or with small edits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// The side in the source that comes first in input order.
    pub a: PassageSide,
    pub b: PassageSide,
    /// Length of the longer side, in words.
    pub words: usize,
    /// 2 × identical words / (words of a + words of b), rounded to 3 decimals; 1.0 = verbatim.
    pub similarity: f64,
}

/// One side of a shared passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageSide {
    /// The source id.
    pub source: String,
    /// UTF-8 byte span in the source text, from the first shared word to the last.
    pub start: usize,
    pub end: usize,
    /// `text[start..end]`.
    pub text: String,
}

/// Finds the passages the sources share and the reuse matrix. Never panics.
pub fn reuse(docs: &[Doc]) -> TextReuse {
    let n = docs.len();
    let words: Vec<Words> = docs.iter().map(Words::of).collect();
    let fingerprints: Vec<Vec<(u64, u32)>> = words.iter().map(|w| fingerprints(&w.hashes)).collect();
    let index = Index::build(&fingerprints);

    let mut matrix = vec![vec![0.0; n]; n];
    for (i, row) in matrix.iter_mut().enumerate() {
        row[i] = 1.0;
    }
    // The reported passages so far; the top of the heap is the first to give up.
    let mut kept: BinaryHeap<Ranked> = BinaryHeap::new();
    // Runs of source b against every earlier source: (a, run).
    let mut runs: Vec<(u32, Run)> = Vec::new();
    // The diagonal and end in b of the latest run against each source a (the fast path), and of
    // the latest run on every (a, diagonal).
    let mut latest: Vec<(i64, usize)> = vec![(i64::MIN, 0); n];
    let mut on_diagonal: FxHashMap<(u32, i64), usize> = FxHashMap::default();
    for b in 0..n {
        runs.clear();
        on_diagonal.clear();
        latest[..b].fill((i64::MIN, 0));
        let wb = &words[b].hashes;
        // Fingerprints in position order, so on each diagonal anchors come in order: one that
        // falls inside the latest run on its diagonal is covered and costs O(1).
        'gather: for (k, &(_, pb)) in fingerprints[b].iter().enumerate() {
            let pb = pb as usize;
            for &(a, pa) in index.occurrences(index.group[b][k]) {
                let ai = a as usize;
                if ai >= b {
                    break;
                }
                let diagonal = pb as i64 - i64::from(pa);
                let covered_to = if latest[ai].0 == diagonal { latest[ai].1 } else { on_diagonal.get(&(a, diagonal)).copied().unwrap_or(0) };
                if pb < covered_to {
                    continue;
                }
                if runs.len() >= MAX_RUNS_PER_SOURCE {
                    break 'gather;
                }
                let run = extend(&words[ai].hashes, wb, pa as usize, pb);
                let end = run.map_or(pb + 1, |r| r.b + r.len);
                latest[ai] = (diagonal, end);
                on_diagonal.insert((a, diagonal), end);
                if let Some(r) = run {
                    runs.push((a, r));
                }
            }
        }
        crate::sort::sort_by_key(&mut runs, |&(a, r)| (a, r.a, r.b, r.len));
        for group in runs.chunk_by(|x, y| x.0 == y.0) {
            let a = group[0].0 as usize;
            let found = pair_passages(&words[a].hashes, wb, group.iter().map(|&(_, r)| r));
            if found.is_empty() {
                continue;
            }
            matrix[a][b] = share(union_len(found.iter().map(|p| (p.a0, p.a1))), words[a].hashes.len());
            matrix[b][a] = share(union_len(found.iter().map(|p| (p.b0, p.b1))), words[b].hashes.len());
            for p in select_for_pair(found) {
                kept.push(Ranked { a, b, p });
                if kept.len() > MAX_PASSAGES {
                    kept.pop();
                }
            }
        }
    }

    // Only the words' spans are needed from here: the rest (~13 MB for 831 articles) goes before
    // the passages' texts are copied, which was this step's peak.
    drop((fingerprints, index));
    let spans: Vec<Vec<(usize, usize)>> = words.into_iter().map(|w| w.spans).collect();
    let mut kept = kept.into_vec();
    crate::sort::sort_by_key(&mut kept, |r| (r.a, r.p.a0, r.b, r.p.b0, r.p.a1, r.p.b1));
    let passages = kept
        .iter()
        .map(|r| {
            let (na, nb) = (r.p.a1 - r.p.a0, r.p.b1 - r.p.b0);
            SharedPassage {
                a: side(&docs[r.a], &spans[r.a], r.p.a0, r.p.a1),
                b: side(&docs[r.b], &spans[r.b], r.p.b0, r.p.b1),
                words: na.max(nb),
                similarity: round3(2.0 * r.p.same as f64 / (na + nb) as f64),
            }
        })
        .collect();
    TextReuse { matrix, passages }
}

/// The words of a source: folded-text hashes and byte spans, in text order.
struct Words {
    hashes: Vec<u64>,
    spans: Vec<(usize, usize)>,
}

impl Words {
    fn of(doc: &Doc) -> Words {
        // Sized up front (`doc.words` counts these tokens): grown as they filled, the vectors were
        // a third empty on average (~5 MB of the wasm memory's peak for 831 articles).
        let mut words = (Vec::with_capacity(doc.words), Vec::with_capacity(doc.words));
        words.extend(
            doc.sentences
                .iter()
                .flat_map(|s| s.tokens.iter())
                .filter(|t| t.kind != TokKind::Punct)
                // Positions are stored as u32; no real text comes near 4 billion words.
                .take(u32::MAX as usize)
                .map(|t| (fnv1a(t.folded.as_bytes()), (t.start, t.end))),
        );
        let (hashes, spans) = words;
        Words { hashes, spans }
    }
}

fn side(doc: &Doc, spans: &[(usize, usize)], w0: usize, w1: usize) -> PassageSide {
    let (start, end) = (spans[w0].0, spans[w1 - 1].1);
    PassageSide { source: doc.id.clone(), start, end, text: doc.text.get(start..end).unwrap_or_default().to_string() }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The splitmix64 finaliser: spreads the bits of a k-gram hash so minima are uniform.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The winnowed k-gram fingerprints of a word sequence: (hash, position of the k-gram's first
/// word), positions ascending, each hash at most [`MAX_OCCURRENCES`] times.
fn fingerprints(words: &[u64]) -> Vec<(u64, u32)> {
    if words.len() < K {
        return Vec::new();
    }
    let grams: Vec<u64> = words
        .windows(K)
        .map(|g| mix(g.iter().fold(0u64, |h, &w| h.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(w))))
        .collect();
    let w = WINDOW.min(grams.len());
    let mut out: Vec<(u64, u32)> = Vec::with_capacity(grams.len() * 2 / (w + 1) + 1);
    let mut last = usize::MAX;
    // Sized for the fingerprints expected (as `out`), not grown from empty: the map is only
    // looked up, never iterated, so its room changes nothing but the rehashing.
    let mut seen: FxHashMap<u64, u8> = FxHashMap::with_capacity_and_hasher(out.capacity(), Default::default());
    for start in 0..=grams.len() - w {
        // The rightmost minimum of the window; its position never decreases as the window moves.
        let mut m = start;
        for i in start + 1..start + w {
            if grams[i] <= grams[m] {
                m = i;
            }
        }
        if m != last {
            last = m;
            let count = seen.entry(grams[m]).or_insert(0);
            if usize::from(*count) < MAX_OCCURRENCES {
                *count += 1;
                out.push((grams[m], m as u32));
            }
        }
    }
    out
}

/// Fingerprint table: hash → occurrences (source, position), in input order then position.
struct Index {
    /// For each source, for each of its fingerprints, the group (distinct hash) it belongs to.
    group: Vec<Vec<u32>>,
    /// `entries[offsets[g]..offsets[g + 1]]` are the occurrences of group g.
    offsets: Vec<usize>,
    entries: Vec<(u32, u32)>,
}

impl Index {
    fn build(fingerprints: &[Vec<(u64, u32)>]) -> Index {
        // Room for every fingerprint, as if all distinct (most are), rather than rehashing as the
        // map grows; it is only looked up, never iterated.
        let mut ids: FxHashMap<u64, u32> = FxHashMap::with_capacity_and_hasher(fingerprints.iter().map(Vec::len).sum(), Default::default());
        let mut counts: Vec<usize> = Vec::new();
        let group: Vec<Vec<u32>> = fingerprints
            .iter()
            .map(|fps| {
                fps.iter()
                    .map(|&(h, _)| {
                        let next = counts.len() as u32;
                        let g = *ids.entry(h).or_insert(next);
                        if g == next {
                            counts.push(0);
                        }
                        counts[g as usize] += 1;
                        g
                    })
                    .collect()
            })
            .collect();
        let mut offsets = Vec::with_capacity(counts.len() + 1);
        let mut total = 0;
        offsets.push(0);
        for c in &counts {
            total += c;
            offsets.push(total);
        }
        let mut fill = offsets.clone();
        let mut entries = vec![(0u32, 0u32); total];
        for (d, fps) in fingerprints.iter().enumerate() {
            for (&(_, pos), &g) in fps.iter().zip(&group[d]) {
                entries[fill[g as usize]] = (d as u32, pos);
                fill[g as usize] += 1;
            }
        }
        Index { group, offsets, entries }
    }

    fn occurrences(&self, g: u32) -> &[(u32, u32)] {
        let g = g as usize;
        &self.entries[self.offsets[g]..self.offsets[g + 1]]
    }
}

/// A maximal run of identical words: `a[a..a + len]` = `b[b..b + len]`.
#[derive(Clone, Copy)]
struct Run {
    a: usize,
    b: usize,
    len: usize,
}

/// A passage of one pair, in word positions: `a[a0..a1]` ~ `b[b0..b1]` with `same` identical words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Found {
    a0: usize,
    a1: usize,
    b0: usize,
    b1: usize,
    same: usize,
}

/// The maximal run of identical words through the anchor `a[pa]` = `b[pb]`, or `None` when it
/// is shorter than a k-gram (which only a hash collision gives).
fn extend(wa: &[u64], wb: &[u64], pa: usize, pb: usize) -> Option<Run> {
    if pa >= wa.len() || pb >= wb.len() || wa[pa] != wb[pb] {
        return None;
    }
    let (mut s, mut t) = (pa, pb);
    while s > 0 && t > 0 && wa[s - 1] == wb[t - 1] {
        s -= 1;
        t -= 1;
    }
    let (mut e, mut f) = (pa + 1, pb + 1);
    while e < wa.len() && f < wb.len() && wa[e] == wb[f] {
        e += 1;
        f += 1;
    }
    (e - s >= K).then_some(Run { a: s, b: t, len: e - s })
}

/// The passages of one pair from its runs, sorted by position in `a`, then in `b`: runs that
/// follow each other closely on both sides are chained into one passage.
fn pair_passages(wa: &[u64], wb: &[u64], runs: impl Iterator<Item = Run>) -> Vec<Found> {
    let mut open: Vec<Found> = Vec::new();
    let mut done: Vec<Found> = Vec::new();
    for r in runs {
        let mut i = 0;
        while i < open.len() {
            if r.a > open[i].a1 + MAX_GAP {
                done.push(open.remove(i));
            } else {
                i += 1;
            }
        }
        // A run inside a passage already grown (a repetition matched off its diagonal) adds nothing.
        if open.iter().any(|c| r.b >= c.b0 && r.a + r.len <= c.a1 && r.b + r.len <= c.b1) {
            continue;
        }
        let mut best: Option<(usize, usize, usize)> = None; // (gap, passage, words trimmed off the run)
        for (i, c) in open.iter().enumerate() {
            if r.b < c.b0 {
                continue;
            }
            let trim = c.a1.saturating_sub(r.a).max(c.b1.saturating_sub(r.b));
            if trim >= r.len {
                continue;
            }
            let (ga, gb) = (r.a + trim - c.a1, r.b + trim - c.b1);
            if ga > MAX_GAP || gb > MAX_GAP {
                continue;
            }
            if best.map_or(true, |(g, _, _)| ga + gb < g) {
                best = Some((ga + gb, i, trim));
            }
        }
        match best {
            Some((_, i, trim)) => {
                let c = &mut open[i];
                let (ra, rb) = (r.a + trim, r.b + trim);
                c.same += lcs(&wa[c.a1..ra], &wb[c.b1..rb]) + r.len - trim;
                c.a1 = r.a + r.len;
                c.b1 = r.b + r.len;
            }
            None => {
                if open.len() >= MAX_OPEN_PASSAGES {
                    done.push(open.remove(0));
                }
                open.push(Found { a0: r.a, a1: r.a + r.len, b0: r.b, b1: r.b + r.len, same: r.len });
            }
        }
    }
    done.extend(open);
    for p in &mut done {
        extend_edges(wa, wb, p);
    }
    done.retain(|p| p.same >= MIN_PASSAGE_WORDS);
    done
}

/// Grows a passage past substituted words at its ends ("Russian and Ukrainian *negotiators* met
/// …" against "… *delegations* met …"), where the identical words are too few to anchor a run:
/// an X-drop walk outwards along the passage's diagonals (+1 per identical word, −1 per other),
/// at most [`EDGE_REACH`] words, stopping [`EDGE_DROP`] below the best score; the passage takes
/// the best-scoring extension, so it only grows when identical words outnumber the others.
fn extend_edges(wa: &[u64], wb: &[u64], p: &mut Found) {
    let walk = |pairs: &mut dyn Iterator<Item = (u64, u64)>| {
        let (mut score, mut best, mut same, mut best_at) = (0i64, 0i64, 0usize, (0usize, 0usize));
        for (i, (x, y)) in pairs.take(EDGE_REACH).enumerate() {
            if x == y {
                score += 1;
                same += 1;
            } else {
                score -= 1;
            }
            if score > best {
                best = score;
                best_at = (i + 1, same);
            } else if score <= best - EDGE_DROP {
                break;
            }
        }
        best_at
    };
    let (back, same) = walk(&mut wa[..p.a0].iter().rev().copied().zip(wb[..p.b0].iter().rev().copied()));
    p.a0 -= back;
    p.b0 -= back;
    p.same += same;
    let (ahead, same) = walk(&mut wa[p.a1..].iter().copied().zip(wb[p.b1..].iter().copied()));
    p.a1 += ahead;
    p.b1 += ahead;
    p.same += same;
}

/// Length of the longest common subsequence of two short word sequences (gaps of a passage).
fn lcs(x: &[u64], y: &[u64]) -> usize {
    if x.is_empty() || y.is_empty() {
        return 0;
    }
    let mut prev = vec![0usize; y.len() + 1];
    let mut cur = vec![0usize; y.len() + 1];
    for &u in x {
        for (j, &v) in y.iter().enumerate() {
            cur[j + 1] = if u == v { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[y.len()]
}

/// The passages of one pair worth reporting: largest first, none overlapping a larger one on
/// both sides, at most [`MAX_PASSAGES_PER_PAIR`].
fn select_for_pair(mut found: Vec<Found>) -> Vec<Found> {
    crate::sort::sort_by_key(&mut found, |p| (Reverse(p.same), p.a0, p.b0, p.a1, p.b1));
    let mut out: Vec<Found> = Vec::new();
    for p in found {
        if out.len() >= MAX_PASSAGES_PER_PAIR {
            break;
        }
        let overlaps = |q: &Found| p.a0 < q.a1 && q.a0 < p.a1 && p.b0 < q.b1 && q.b0 < p.b1;
        if !out.iter().any(overlaps) {
            out.push(p);
        }
    }
    out
}

/// A reported passage, ordered so that the heap's greatest is the least worth keeping: fewest
/// identical words, then latest position.
#[derive(PartialEq, Eq)]
struct Ranked {
    a: usize,
    b: usize,
    p: Found,
}

impl Ranked {
    fn key(&self) -> (Reverse<usize>, usize, usize, usize, usize, usize, usize) {
        (Reverse(self.p.same), self.a, self.p.a0, self.b, self.p.b0, self.p.a1, self.p.b1)
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Total length of the union of half-open intervals.
fn union_len(spans: impl Iterator<Item = (usize, usize)>) -> usize {
    let mut spans: Vec<(usize, usize)> = spans.collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut reach = 0;
    for (s, e) in spans {
        let s = s.max(reach);
        if e > s {
            total += e - s;
            reach = e;
        }
    }
    total
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        round3(part as f64 / whole as f64)
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::analyze;
    use crate::Article;

    const P1: &str = "Russian and Ukrainian delegations met in Istanbul on Friday for their first direct talks in more than three years, but the meeting ended after less than two hours without any agreement on a ceasefire.";
    /// P1 with two words changed ("delegations" → "negotiators", "meeting" → "session").
    const P1_EDITED: &str = "Russian and Ukrainian negotiators met in Istanbul on Friday for their first direct talks in more than three years, but the session ended after less than two hours without any agreement on a ceasefire.";
    /// P1 with two words inserted.
    const P1_INSERTED: &str = "Russian and Ukrainian delegations met in Istanbul on Friday for their first direct talks in more than three years, officials said, but the meeting ended after less than two hours without any agreement on a ceasefire.";
    const P2: &str = "Both sides agreed to exchange one thousand prisoners of war each, which would be the largest swap since the start of the full-scale invasion, according to officials from both countries.";
    const P3: &str = "Turkish Foreign Minister Hakan Fidan, who hosted the meeting at the Dolmabahçe Palace, said the two delegations had also agreed in principle to meet again, without naming a date.";

    const VOCAB: &[&str] = &[
        "river", "council", "market", "winter", "bridge", "teacher", "harvest", "engine", "village", "storm", "garden", "museum",
        "railway", "budget", "harbour", "forest", "mayor", "festival", "library", "factory", "island", "doctor", "orchestra",
        "highway", "school", "farmer", "painter", "election", "tunnel", "stadium", "cathedral", "valley", "airport", "bakery",
        "quietly", "slowly", "early", "later", "again", "never", "often", "rarely", "nearly", "almost", "mostly", "openly",
        "built", "crossed", "painted", "closed", "opened", "counted", "carried", "visited", "repaired", "planted", "measured",
        "praised", "delayed", "approved", "rejected", "watched", "followed", "ordered", "joined", "left", "found", "kept",
        "green", "narrow", "ancient", "busy", "frozen", "distant", "golden", "modest", "sudden", "steady", "local", "northern",
        "eastern", "wooden", "crowded", "empty", "famous", "hidden", "gentle", "broken", "silver", "northern", "bright",
    ];

    /// `n` sentences of pseudo-random words (a different text for every seed).
    fn filler(seed: u64, n: usize) -> String {
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut next = move |m: usize| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((x >> 33) as usize) % m
        };
        (0..n)
            .map(|_| {
                let len = 9 + next(6);
                let mut s: Vec<String> = (0..len).map(|_| VOCAB[next(VOCAB.len())].to_string()).collect();
                s[0] = s[0][..1].to_uppercase() + &s[0][1..];
                s.join(" ") + "."
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A paragraph as a passage reports it: from the first word to the last (no final stop).
    fn words_of(p: &str) -> &str {
        p.trim_end_matches('.')
    }

    fn docs(texts: &[String]) -> Vec<Doc> {
        texts.iter().enumerate().map(|(i, t)| analyze(&Article::new(format!("s{i}"), t.clone()))).collect()
    }

    struct Case {
        name: &'static str,
        texts: Vec<String>,
        /// Expected passages, in order: (a, a's text, b, b's text).
        passages: Vec<(usize, String, usize, String)>,
        /// (i, j, lowest, highest) bounds on `matrix[i][j]`.
        matrix: Vec<(usize, usize, f64, f64)>,
    }

    fn cases() -> Vec<Case> {
        let para = |parts: &[&str]| parts.join("\n\n");
        let (f1, f2, f3, f4) = (filler(1, 6), filler(2, 5), filler(3, 6), filler(4, 5));
        let long_with = |p: &str| para(&[&f3, p, &f4]);
        vec![
            Case {
                name: "verbatim paragraph inside otherwise different articles",
                texts: vec![para(&[&f1, P1, &f2]), long_with(P1)],
                passages: vec![(0, words_of(P1).into(), 1, words_of(P1).into())],
                matrix: vec![(0, 1, 0.15, 0.35), (1, 0, 0.15, 0.35)],
            },
            Case {
                name: "copy with two words changed is one passage",
                texts: vec![para(&[&f1, P1, &f2]), long_with(P1_EDITED)],
                passages: vec![(0, words_of(P1).into(), 1, words_of(P1_EDITED).into())],
                matrix: vec![(0, 1, 0.15, 0.35), (1, 0, 0.15, 0.35)],
            },
            Case {
                name: "copy with two words inserted is one passage",
                texts: vec![para(&[&f1, P1, &f2]), long_with(P1_INSERTED)],
                passages: vec![(0, words_of(P1).into(), 1, words_of(P1_INSERTED).into())],
                matrix: vec![(0, 1, 0.15, 0.35), (1, 0, 0.15, 0.35)],
            },
            Case {
                name: "reordered paragraphs",
                texts: vec![para(&[P1, P2, P3]), para(&[P3, P1, P2])],
                passages: vec![
                    (0, format!("{P1}\n\n{}", words_of(P2)), 1, format!("{P1}\n\n{}", words_of(P2))),
                    (0, words_of(P3).into(), 1, words_of(P3).into()),
                ],
                matrix: vec![(0, 1, 1.0, 1.0), (1, 0, 1.0, 1.0)],
            },
            Case {
                name: "unrelated articles",
                texts: vec![para(&[&f1, &f2]), para(&[&f3, &f4])],
                passages: vec![],
                matrix: vec![(0, 1, 0.0, 0.0), (1, 0, 0.0, 0.0), (0, 0, 1.0, 1.0)],
            },
            Case {
                name: "same story told in other words",
                texts: vec![
                    P1.into(),
                    "Delegations from Russia and Ukraine held their first face-to-face talks in three years in Istanbul on Friday; the meeting broke up within two hours with no ceasefire agreed.".into(),
                ],
                passages: vec![],
                matrix: vec![(0, 1, 0.0, 0.0), (1, 0, 0.0, 0.0)],
            },
            Case {
                name: "a shared ten-word phrase is too short",
                texts: vec![
                    para(&[&f1, "Officials said the talks in Istanbul would resume next week in Ankara.", &f2]),
                    para(&[&f3, "Diplomats added that the talks in Istanbul would resume next week in Ankara.", &f4]),
                ],
                passages: vec![],
                matrix: vec![(0, 1, 0.0, 0.0), (1, 0, 0.0, 0.0)],
            },
            Case {
                name: "identical articles",
                texts: vec![para(&[&f1, P1, P2]), para(&[&f1, P1, P2])],
                passages: vec![(0, words_of(&para(&[&f1, P1, P2])).into(), 1, words_of(&para(&[&f1, P1, P2])).into())],
                matrix: vec![(0, 1, 1.0, 1.0), (1, 0, 1.0, 1.0)],
            },
            Case {
                name: "short article wholly copied from a long one",
                texts: vec![P2.into(), long_with(P2)],
                passages: vec![(0, words_of(P2).into(), 1, words_of(P2).into())],
                matrix: vec![(0, 1, 1.0, 1.0), (1, 0, 0.05, 0.3)],
            },
            Case {
                name: "pairs in input order, a before b",
                texts: vec![para(&[&f1, P3]), para(&[&f2, P2]), para(&[P2, &f3, P3])],
                passages: vec![(0, words_of(P3).into(), 2, words_of(P3).into()), (1, words_of(P2).into(), 2, words_of(P2).into())],
                matrix: vec![(0, 1, 0.0, 0.0), (0, 2, 0.2, 0.5), (2, 1, 0.2, 0.5), (2, 0, 0.2, 0.5)],
            },
        ]
    }

    #[test]
    fn table() {
        for case in cases() {
            let docs = docs(&case.texts);
            let r = reuse(&docs);
            let name = case.name;
            let got: Vec<(usize, &str, usize, &str)> = r
                .passages
                .iter()
                .map(|p| {
                    let idx = |id: &str| docs.iter().position(|d| d.id == id).unwrap();
                    (idx(&p.a.source), p.a.text.as_str(), idx(&p.b.source), p.b.text.as_str())
                })
                .collect();
            let want: Vec<(usize, &str, usize, &str)> = case.passages.iter().map(|(a, x, b, y)| (*a, x.as_str(), *b, y.as_str())).collect();
            assert_eq!(got, want, "{name}");
            for p in &r.passages {
                for s in [&p.a, &p.b] {
                    let d = docs.iter().find(|d| d.id == s.source).unwrap();
                    assert_eq!(&d.text[s.start..s.end], s.text, "{name}: span");
                }
                if p.a.text == p.b.text {
                    assert_eq!(p.similarity, 1.0, "{name}");
                } else {
                    assert!(p.similarity < 1.0 && p.similarity > 0.85, "{name}: similarity {}", p.similarity);
                }
                assert!(p.words >= MIN_PASSAGE_WORDS, "{name}");
            }
            assert_eq!(r.matrix.len(), docs.len(), "{name}");
            for (i, row) in r.matrix.iter().enumerate() {
                assert_eq!(row.len(), docs.len(), "{name}");
                assert_eq!(row[i], 1.0, "{name}");
            }
            for &(i, j, lo, hi) in &case.matrix {
                let v = r.matrix[i][j];
                assert!(lo <= v && v <= hi, "{name}: matrix[{i}][{j}] = {v}, want {lo}..={hi}");
            }
        }
    }

    #[test]
    fn edited_copy_reports_its_similarity() {
        let d = docs(&[P1.to_string(), P1_EDITED.to_string()]);
        let r = reuse(&d);
        assert_eq!(r.passages.len(), 1);
        let p = &r.passages[0];
        // 34 words, two substituted: 32 identical on each side.
        assert_eq!(p.words, 34);
        assert_eq!(p.similarity, round3(32.0 / 34.0));
    }

    #[test]
    fn deterministic() {
        let texts = vec![para3(P1, &filler(7, 4), P2), para3(&filler(8, 3), P2, P1_EDITED), para3(P3, P1, &filler(9, 2)), P2.to_string()];
        let d = docs(&texts);
        let (x, y) = (reuse(&d), reuse(&d));
        assert_eq!(x, y);
        assert_eq!(serde_json::to_string(&x).unwrap(), serde_json::to_string(&y).unwrap());
        // Order and pairing invariants.
        let pos = |id: &str| d.iter().position(|x| x.id == id).unwrap();
        let keys: Vec<_> = x.passages.iter().map(|p| (pos(&p.a.source), p.a.start, pos(&p.b.source), p.b.start)).collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
        assert!(keys.iter().all(|k| k.0 < k.2));
        assert!(!x.passages.is_empty());
        // The JSON round-trips.
        let back: TextReuse = serde_json::from_str(&serde_json::to_string(&x).unwrap()).unwrap();
        assert_eq!(back, x);
    }

    fn para3(a: &str, b: &str, c: &str) -> String {
        [a, b, c].join("\n\n")
    }

    #[test]
    fn never_panics_on_odd_input() {
        let huge_repeat = "the ".repeat(60_000);
        let huge_text = filler(11, 4_000);
        let mut odd: Vec<Vec<String>> = vec![
            vec![],
            vec![String::new()],
            vec![String::new(), String::new()],
            vec!["Word".into(), "Word".into()],
            vec!["...  !!! ,,,".into(), "— « » …".into()],
            vec!["Erdoğan’s ÉCOLE café naïve ünïcödé words repeated here for the sake of a test of folding, twelve words or more.".into(), "erdogan's ecole cafe naive unicode words repeated here for the sake of a test of folding, twelve words or more".into()],
            vec![huge_repeat.clone(), huge_repeat.clone(), "the the the the the the the the the the the the the the".into()],
            vec![huge_text.clone(), huge_text, P1.into()],
        ];
        odd.push(vec![P1.to_string(); 200]);
        for texts in odd {
            let d = docs(&texts);
            let r = reuse(&d);
            assert_eq!(r.matrix.len(), d.len());
            assert!(r.passages.len() <= MAX_PASSAGES);
            for row in &r.matrix {
                assert!(row.iter().all(|v| (0.0..=1.0).contains(v)));
            }
            for p in &r.passages {
                assert!(p.a.start < p.a.end && p.b.start < p.b.end);
            }
        }
    }

    #[test]
    fn many_identical_articles() {
        let text = para3(&filler(21, 5), P1, P2);
        let d = docs(&vec![text; 200]);
        let r = reuse(&d);
        assert!(r.matrix.iter().all(|row| row.iter().all(|&v| v == 1.0)));
        // One passage per pair, capped in all.
        assert_eq!(r.passages.len(), MAX_PASSAGES.min(200 * 199 / 2));
        assert!(r.passages.iter().all(|p| p.similarity == 1.0));
    }

    #[test]
    fn repetition_inside_an_article_is_bounded() {
        let d = docs(&["the ".repeat(50_000), "the ".repeat(40_000)]);
        let r = reuse(&d);
        assert_eq!(r.matrix[1][0], 1.0);
        assert_eq!(r.matrix[0][1], 0.8);
        assert!(r.passages.len() <= MAX_PASSAGES_PER_PAIR);
    }

    /// `cargo test --release --lib reuse::tests::timing -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn timing() {
        // 1,000 articles of ~700 words: 50 stories, each article quoting 1–3 wire paragraphs
        // (some with a word changed) among its own text.
        let wires: Vec<String> = (0..150).map(|i| filler(10_000 + i, 4)).collect();
        let texts: Vec<String> = (0..1000u64)
            .map(|i| {
                let story = (i % 50) as usize;
                let mut parts = vec![filler(i, 30)];
                for k in 0..=(i % 3) as usize {
                    let mut w = wires[story * 3 + k].clone();
                    if i % 2 == 0 {
                        w = w.replacen(' ', " also ", 1);
                    }
                    parts.push(w);
                    parts.push(filler(5_000 + i * 7 + k as u64, 12));
                }
                parts.join("\n\n")
            })
            .collect();
        let d = docs(&texts);
        let words: usize = d.iter().map(|x| x.words).sum();
        let t = std::time::Instant::now();
        let r = reuse(&d);
        let first = t.elapsed();
        let t = std::time::Instant::now();
        let again = reuse(&d);
        let second = t.elapsed();
        assert_eq!(r, again);
        eprintln!(
            "reuse: {} articles, {} words, {} passages: {:?} (second run {:?})",
            d.len(),
            words,
            r.passages.len(),
            first,
            second
        );
    }
}

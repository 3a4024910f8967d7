//! Which articles tell the same event.
//!
//! Articles about one event share its specific names, places, numbers and dates ("INS Sukanya",
//! "26 pirates", "November 11, 2011"); two events of the same kind (two piracy attempts foiled by
//! the same navy) share the words of the kind, and often whole background sentences, but few of
//! those specifics. So the articles are grouped by the specifics they share:
//!
//! 1. per article, a vector over its entity, place, number-with-counted-thing and date features
//!    (the `e`, `g`, `n` and `d` kinds of [`SentenceFeatures`]), weight (1 + ln count) · ln((N + 1)
//!    / df) over the N articles, features of one article only left out. An occurrence in the
//!    first [`LEDE_SENTENCES`] sentences counts [`LEDE_WEIGHT`] times: the headline and lede name
//!    the event an article reports, the body also names related events as background (an
//!    article on a second arrest recalls the first);
//! 2. cosine similarity of every pair of articles, accumulated through an inverted index
//!    (O(Σ df²) over the features; O(N²) memory for the dense matrix, 4 MB at 1,000 articles),
//!    set to 0 for a pair whose few shared specifics are a chance few among all those the two
//!    name ([`MIN_WHOLE_COSINE`], [`FEW_SHARED`]);
//! 3. average-link agglomerative clustering, cut at [`GROUP_THRESHOLD`], with the
//!    nearest-neighbour chain algorithm (O(N²) for average linkage, which is reducible);
//! 4. each other group's average link to the main (largest) group, from the article vectors, for
//!    telling another event from a split of this one ([`super::events::FLAG_LINK`]).
//!
//! Measured by `eval/facts_ecb.py` (ECB+: two events of one kind per topic, 14–39 articles),
//! pairwise over the articles of a topic: on the train/val topics (where the threshold and the
//! lede weight were chosen) 96.1% of the pairs put in one group are of one event and 83.5% of
//! same-event pairs are put together (94.9% and 82.2% without the lede weight); on the test topics
//! 98.5% and 89.8%.
//!
//! Invariants of [`groups`]:
//! - one group id per article, ids numbered by first article (article 0 is in group 0);
//! - an article with no specific shared with any other article joins the group it has most
//!   clauses alike with ([`super::facts::THRESHOLD`]), ties to the largest; with none alike it
//!   stays alone (another story);
//! - two articles are in one group unless they share neither a specific nor a clause alike.

use super::pieces::SentenceFeatures;

/// Average-link similarity under which two groups of articles are taken for different events.
pub const GROUP_THRESHOLD: f32 = 0.1;
/// Two articles that share at most [`FEW_SHARED`] specifics and whose cosine over all the
/// specifics they name, their own included, is below this are not linked, however alike the few
/// they share: "United States" and "Tuesday" shared by two articles that name forty others each
/// are chance. Chosen with two probes (`eval/README.md`, "Unrelated articles"): sets of five
/// unrelated news articles from the article-html corpus, and ECB+ train/val
/// (`eval/facts_ecb.py`). Applied to every pair, 0 / 0.01 / 0.02 / 0.03 left 47.5% / 20.8% /
/// 8.0% / 5.8% of the unrelated article pairs in one group, and the ECB+ article groups' F1
/// was 89.3 / 88.9 / 89.6 / 87.7 ("different event" recall fell at 0.03).
pub const MIN_WHOLE_COSINE: f32 = 0.02;
/// Pairs sharing more specifics than this are linked by their cosine over them alone: several
/// shared names, numbers and dates are no chance. Limiting [`MIN_WHOLE_COSINE`] to pairs that
/// share at most 1, 2, 3, 4 specifics left 18.2%, 9.5%, 9.0%, 8.5% of the unrelated pairs in one
/// group against 8.0% for every pair; on ECB+ train/val, 3 gave the article groups' F1 90.1
/// (89.3 without the cosine floor, 89.6 with it for every pair).
pub const FEW_SHARED: u8 = 3;
/// The first sentences of an article (headline, dateline, lede) name the event it reports; later
/// ones also name earlier events as background ("the team's second such arrest in a month").
pub const LEDE_SENTENCES: usize = 3;
/// How much an occurrence in the lede counts, against 1 for one later in the article.
pub const LEDE_WEIGHT: f32 = 3.0;

/// The group of each article (see the module docs), and for each article outside the main group
/// the average-link similarity of its group to the main group (1 for the main group's own): how
/// far apart the two are, which [`super::events`] reads to tell a different event from a split.
pub fn groups(sf: &SentenceFeatures, alike: &[(usize, usize)]) -> (Vec<usize>, Vec<f32>) {
    let n = sf.occurrences.len();
    if n < 2 {
        return (vec![0; n], vec![1.0; n]);
    }
    // 1. Article vectors over specific features, sparse, sorted by feature id.
    let specific = |id: u32| matches!(sf.kind[id as usize], b'e' | b'g' | b'n' | b'a' | b'd');
    // Counted in a dense scratch array by id, the ids met listed and sorted as integers: O(F + m
    // log m) per article for F occurrences of m distinct specific features.
    let mut acc = vec![0f32; sf.n_ids()];
    let mut met: Vec<u32> = Vec::new();
    let counts: Vec<Vec<(u32, f32)>> = sf
        .occurrences
        .iter()
        .map(|sentences| {
            met.clear();
            for (si, occ) in sentences.iter().enumerate() {
                let c = if si < LEDE_SENTENCES { LEDE_WEIGHT } else { 1.0 };
                for f in occ.iter().filter(|f| specific(f.0)) {
                    if acc[f.0 as usize] == 0.0 {
                        met.push(f.0);
                    }
                    acc[f.0 as usize] += c;
                }
            }
            met.sort_unstable();
            met.iter().map(|&id| (id, std::mem::take(&mut acc[id as usize]))).collect()
        })
        .collect();
    let mut df = vec![0u32; sf.n_ids()];
    for v in &counts {
        for &(id, _) in v {
            df[id as usize] += 1;
        }
    }
    // Each vector is normalised over its shared features; `mass` is the part of the article's
    // whole specific weight (its own features too) that they carry, as a norm ratio: the cosine
    // over all specifics is the cosine over the shared ones times both ratios.
    let weight = |id: u32, c: f32| (1.0 + c.ln()) * ((n as f32 + 1.0) / df[id as usize] as f32).ln();
    let mut mass: Vec<f32> = Vec::with_capacity(n);
    let vectors: Vec<Vec<(u32, f32)>> = counts
        .into_iter()
        .map(|v| {
            let all: f32 = v.iter().map(|&(id, c)| weight(id, c).powi(2)).sum();
            let mut w: Vec<(u32, f32)> = v.into_iter().filter(|&(id, _)| df[id as usize] >= 2).map(|(id, c)| (id, weight(id, c))).collect();
            let shared = w.iter().map(|x| x.1 * x.1).sum::<f32>();
            mass.push(if all > 0.0 { (shared / all).sqrt() } else { 0.0 });
            let norm = shared.sqrt();
            if norm > 0.0 {
                w.iter_mut().for_each(|x| x.1 /= norm);
            }
            w
        })
        .collect();
    // The similarity of articles i and j, which share `shared` specifics with this cosine over
    // them: that cosine, or 0 when they are a chance few among all the two name (see
    // [`MIN_WHOLE_COSINE`]).
    let link = |i: usize, j: usize, shared: usize, cosine: f32| {
        if shared <= FEW_SHARED as usize && cosine * mass[i] * mass[j] < MIN_WHOLE_COSINE {
            0.0
        } else {
            cosine
        }
    };
    if n == 2 {
        // No majority to differ from: one group, unless the two share nothing to tie them.
        let apart = vectors[0].is_empty() && alike.is_empty();
        return (vec![0, usize::from(apart)], vec![1.0, if apart { 0.0 } else { 1.0 }]);
    }
    // 2. Cosine of every pair, accumulated through an inverted index: O(Σ df²) over the
    //    features, so articles of different stories that share nothing cost nothing.
    let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); sf.n_ids()];
    for (i, v) in vectors.iter().enumerate() {
        for &(id, w) in v {
            postings[id as usize].push((i, w));
        }
    }
    let mut sim = vec![0f32; n * n];
    // How many specifics each pair shares, up to FEW_SHARED + 1 (only "few or not" is read).
    let mut shared = vec![0u8; n * n];
    for list in &postings {
        for (x, &(i, wi)) in list.iter().enumerate() {
            for &(j, wj) in &list[x + 1..] {
                sim[i * n + j] += wi * wj;
                shared[i * n + j] = shared[i * n + j].saturating_add(1).min(FEW_SHARED + 1);
            }
        }
    }
    for i in 0..n {
        for j in i + 1..n {
            sim[i * n + j] = link(i, j, shared[i * n + j] as usize, sim[i * n + j]);
            sim[j * n + i] = sim[i * n + j];
        }
    }
    // 3. Average link, cut at the threshold.
    let mut group = average_link(&mut sim, n, GROUP_THRESHOLD);
    // Articles with nothing specific in common with anyone cannot be told apart by specifics
    // (a vector keeps only features found in two articles or more, so an empty one shares
    // nothing). Such an article joins the group with which it has the most clauses alike, ties
    // to the largest group, then to the first (a group's representative is its first article);
    // one with no clause alike to any other article's stays alone: nothing ties it to the
    // others (five unrelated articles pasted together used to make one group, and their few
    // chance likenesses, "for the first time in 25 years", facts and conflicts).
    let first_sizes = sizes(&group);
    let isolated: Vec<bool> = (0..n).map(|i| first_sizes[group[i]] == 1 && vectors[i].is_empty()).collect();
    let mut alike_count = vec![0usize; n];
    for i in (0..n).filter(|&i| isolated[i]) {
        alike_count.iter_mut().for_each(|c| *c = 0);
        for &(a, b) in alike {
            let other = if a == i { b } else if b == i { a } else { continue };
            alike_count[group[other]] += 1;
        }
        let best = (0..n)
            .filter(|&g| alike_count[g] > 0)
            .max_by(|&a, &b| alike_count[a].cmp(&alike_count[b]).then(first_sizes[a].cmp(&first_sizes[b])).then(b.cmp(&a)));
        if let Some(g) = best {
            group[i] = g;
        }
    }
    let group = renumber(&group);
    // 4. Each other group's average link to the main group, from the article vectors (the
    //    matrix was merged in place): O(m · k · F) for m articles in the main group, k outside
    //    it, F features per vector.
    let sizes = sizes(&group);
    let main = main_group(&sizes);
    // (features in common, dot product) of two sparse vectors sorted by feature id.
    let dot = |a: &[(u32, f32)], b: &[(u32, f32)]| {
        let (mut i, mut j, mut k, mut s) = (0, 0, 0, 0.0f32);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += a[i].1 * b[j].1;
                    (i, j, k) = (i + 1, j + 1, k + 1);
                }
            }
        }
        (k, s)
    };
    let mut sum = vec![0f32; sizes.len()];
    for i in (0..n).filter(|&i| group[i] != main) {
        let to_main = (0..n).filter(|&j| group[j] == main).map(|j| {
            let (shared, cosine) = dot(&vectors[i], &vectors[j]);
            link(i, j, shared, cosine)
        });
        sum[group[i]] += to_main.sum::<f32>();
    }
    let link = (0..n).map(|i| if group[i] == main { 1.0 } else { sum[group[i]] / (sizes[group[i]] * sizes[main]) as f32 }).collect();
    (group, link)
}

/// How many articles each group id has (indexed by group id; ids below `groups.len()`).
pub fn sizes(groups: &[usize]) -> Vec<usize> {
    let mut sizes = vec![0usize; groups.len()];
    for &g in groups {
        sizes[g] += 1;
    }
    sizes
}

/// The main group: the largest, ties to the lowest id (the one met first).
pub fn main_group(sizes: &[usize]) -> usize {
    (0..sizes.len()).max_by(|&a, &b| sizes[a].cmp(&sizes[b]).then(b.cmp(&a))).unwrap_or(0)
}

/// Average-link agglomerative clustering of `n` items with similarity matrix `sim` (row-major,
/// symmetric; overwritten), merging while the best average similarity is at least `threshold`.
/// Nearest-neighbour chain: O(n²) merges-and-updates in all (Lance–Williams update
/// s(i∪j, k) = (|i|·s(i,k) + |j|·s(j,k)) / (|i| + |j|)). Ties go to the lower index, so the
/// result is deterministic. Returns a cluster representative per item (not renumbered).
///
/// Written here rather than taken from a crate: the clustering crates for Rust (e.g.
/// `kodama`) would do, but this is 40 lines and keeps the wasm module small.
fn average_link(sim: &mut [f32], n: usize, threshold: f32) -> Vec<usize> {
    let mut size = vec![1usize; n];
    let mut active = vec![true; n];
    let mut parent: Vec<usize> = (0..n).collect();
    let mut chain: Vec<usize> = Vec::new();
    let mut remaining = n;
    // Mutual nearest neighbours below the threshold are done: average linkage is reducible, so
    // no later merge brings either of them above the threshold with anything.
    let mut done = vec![false; n];
    while remaining > 1 {
        if chain.is_empty() {
            match (0..n).find(|&i| active[i] && !done[i]) {
                Some(i) => chain.push(i),
                None => break,
            }
        }
        let a = *chain.last().unwrap_or(&0);
        // The nearest active neighbour of a (prefer the previous chain element on ties).
        let prev = if chain.len() >= 2 { Some(chain[chain.len() - 2]) } else { None };
        let mut best: Option<(f32, usize)> = prev.map(|p| (sim[a * n + p], p));
        // Clusters marked done never merge again (see below), so they are no candidates.
        for k in (0..n).filter(|&k| k != a && active[k] && !done[k]) {
            let s = sim[a * n + k];
            if best.is_none_or(|(bs, bk)| s > bs || (s == bs && Some(bk) != prev && k < bk)) {
                best = Some((s, k));
            }
        }
        let Some((s, b)) = best else {
            // Nothing left to merge with.
            done[a] = true;
            chain.pop();
            continue;
        };
        if Some(b) == prev {
            // Mutual nearest neighbours: merge, or stop growing from here.
            chain.pop();
            chain.pop();
            if s < threshold {
                // No pair involving a or b reaches the threshold: they stay as they are.
                done[a] = true;
                done[b] = true;
                continue;
            }
            let (keep, gone) = (a.min(b), a.max(b));
            for k in (0..n).filter(|&k| active[k] && k != keep && k != gone) {
                let v = (size[keep] as f32 * sim[keep * n + k] + size[gone] as f32 * sim[gone * n + k]) / (size[keep] + size[gone]) as f32;
                sim[keep * n + k] = v;
                sim[k * n + keep] = v;
            }
            size[keep] += size[gone];
            active[gone] = false;
            parent[gone] = keep;
            done[keep] = false;
            remaining -= 1;
        } else {
            chain.push(b);
        }
    }
    (0..n)
        .map(|mut i| {
            while parent[i] != i {
                i = parent[i];
            }
            i
        })
        .collect()
}

/// Group ids numbered by first member.
fn renumber(rep: &[usize]) -> Vec<usize> {
    let mut ids: Vec<(usize, usize)> = Vec::new();
    rep.iter()
        .map(|&r| match ids.iter().find(|x| x.0 == r) {
            Some(x) => x.1,
            None => {
                ids.push((r, ids.len()));
                ids.len() - 1
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(n: usize, pairs: &[(usize, usize, f32)]) -> Vec<f32> {
        let mut m = vec![0.0; n * n];
        for &(a, b, s) in pairs {
            m[a * n + b] = s;
            m[b * n + a] = s;
        }
        m
    }

    #[test]
    fn average_link_cuts_at_the_threshold() {
        // Two tight pairs, weakly joined.
        let cases: &[(usize, &[(usize, usize, f32)], f32, &[usize])] = &[
            (4, &[(0, 1, 0.9), (2, 3, 0.8), (1, 2, 0.05)], 0.1, &[0, 0, 1, 1]),
            (4, &[(0, 1, 0.9), (2, 3, 0.8), (1, 2, 0.5), (0, 2, 0.5), (0, 3, 0.5), (1, 3, 0.5)], 0.1, &[0, 0, 0, 0]),
            // Average, not single link: one strong cross pair among four is not enough.
            (4, &[(0, 1, 0.9), (2, 3, 0.9), (1, 2, 0.3)], 0.1, &[0, 0, 1, 1]),
            (3, &[], 0.1, &[0, 1, 2]),
            (5, &[(0, 1, 0.5), (1, 2, 0.5), (0, 2, 0.5), (3, 4, 0.6)], 0.2, &[0, 0, 0, 1, 1]),
        ];
        for (n, pairs, th, want) in cases {
            let mut m = matrix(*n, pairs);
            assert_eq!(renumber(&average_link(&mut m, *n, *th)), *want, "{pairs:?}");
        }
    }
}

//! Omissions and "different event" warnings.
//!
//! - Omission: a fact told by most of the *other* sources of the event (more than half of them,
//!   and at least two) that this source does not tell, nor anything close to it. Sources flagged
//!   as telling a different event are left out on both sides.
//! - Different event: a source outside the main group of articles that share specific names,
//!   places, numbers and dates ([`super::groups`]), far from it ([`FLAG_LINK`]), or one that
//!   calls the event a later or earlier occurrence ("a second meeting", "the latest round") than
//!   the others do ("the first direct talks"). Ordinal cue words are data:
//!   `data/lexicon/event_cues.tsv`. That a flagged source's clauses rarely belong to facts other
//!   sources share (under half the median share of the other sources) is given as a further
//!   reason; alone, it flags a source none of whose clauses is even alike to another source's
//!   (an article on another story).
//!
//! Cost of the "different event" check for n sources: the shares sorted once, O(n log n), then
//! each source's median of the others in O(1); listing a minor group's other members is O(n).

use super::facts::{Similarity, UnitId};
use super::{evidence, sentence_unit};
use crate::extract::Doc;
use crate::report::{DifferentEvent, Fact, Omission};

/// Omissions of every source, in source order then fact order. `tells(doc, i)` says whether a
/// source tells something close to the `i`-th fact (most of the words that made it): such a
/// source is not said to omit it, which guards against facts split in two by the clustering.
///
/// Only sources of the fact's event group ([`super::groups`]) count, and not those flagged as
/// telling a different event (`flagged`, by source): an article about another event (a second
/// meeting) does not omit this one's facts, nor does it count among the sources that tell them.
pub fn omissions(docs: &[Doc], facts: &[Fact], groups: &[usize], flagged: &[bool], tells: impl Fn(usize, usize) -> bool) -> Vec<Omission> {
    let mut size = vec![0usize; groups.len()];
    for (&g, _) in groups.iter().zip(flagged).filter(|(_, &f)| !f) {
        size[g] += 1;
    }
    let index: rustc_hash::FxHashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    // The facts that more than half of the other sources of their group tell (at least two),
    // with that group and their sources as indexes: looked up once, not once per source.
    let wide: Vec<(usize, usize, Vec<usize>)> = facts
        .iter()
        .enumerate()
        .filter_map(|(fi, f)| {
            let sources: Vec<usize> = f.sources.iter().filter_map(|s| index.get(s.as_str()).copied()).filter(|&d| !flagged[d]).collect();
            let told = sources.len();
            let group = groups[*sources.first()?];
            (told >= 2 && told * 2 > size[group] - 1).then_some((fi, group, sources))
        })
        .collect();
    let mut out = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        for &(fi, group, ref sources) in &wide {
            let f = &facts[fi];
            if flagged[di] || groups[di] != group || sources.contains(&di) {
                continue;
            }
            if !tells(di, fi) {
                out.push(Omission { source: d.id.clone(), fact: f.id.clone(), summary: f.summary.clone(), told_by: f.sources.clone() });
            }
        }
    }
    out
}

/// The share of each source's units that sit in facts told by two or more sources.
fn shared_shares(docs: &[Doc], sim: &Similarity, clusters: &[Vec<UnitId>]) -> Vec<f64> {
    let mut total = vec![0usize; docs.len()];
    let mut shared = vec![0usize; docs.len()];
    for u in &sim.units {
        total[u.doc] += 1;
    }
    for c in clusters {
        let mut srcs: Vec<usize> = c.iter().map(|&u| sim.units[u].doc).collect();
        srcs.sort_unstable();
        srcs.dedup();
        if srcs.len() >= 2 {
            for &u in c {
                shared[sim.units[u].doc] += 1;
            }
        }
    }
    total.iter().zip(&shared).map(|(&t, &s)| if t == 0 { 0.0 } else { s as f64 / t as f64 }).collect()
}

/// The median of `sorted` (ascending by `f64::total_cmp`) without its element at `skip`: the
/// median of the others, in O(1) once the values are sorted (sorting the others anew for each
/// source was O(n² log n), ~0.5 G instructions for 1,000 articles). Values equal under
/// `total_cmp` are the same bits, so which copy of a repeated value is skipped does not matter.
fn median_without(sorted: &[f64], skip: usize) -> f64 {
    let n = sorted.len() - 1;
    if n == 0 {
        return 0.0;
    }
    let at = |k: usize| if k < skip { sorted[k] } else { sorted[k + 1] };
    let m = n / 2;
    if n % 2 == 1 {
        at(m)
    } else {
        (at(m - 1) + at(m)) / 2.0
    }
}

/// A group of articles outside the main one is flagged as another event only when its average
/// link to the main group ([`super::groups::groups`]) is below this: groups split at
/// [`super::groups::GROUP_THRESHOLD`] keep facts apart, but one event's articles thin on names
/// and numbers are split off too. Chosen on ECB+ train/val (`eval/facts_ecb.py`): no bound, 0.08,
/// 0.07, 0.065, 0.06, 0.05, 0.04 flagged 17.5%, 9.5%, 7.4%, 5.6%, 4.1%, 3.1%, 2.3% of the
/// articles of single-event sub-topics (all false), and found, in topics mixing two events, the
/// articles of the smaller one at precision 77.0, 84.7, 86.6, 86.6, 88.0, 90.3, 94.8 and recall
/// 87.1, 86.5, 85.0, 85.0, 83.1, 76.7, 67.2. Few articles weigh what they share more (IDF over
/// five articles): two piracy attempts told by three and two articles, sharing the gulf and the
/// navy, are 0.061 apart (the test in `pieces`), so 0.065 rather than 0.06.
pub const FLAG_LINK: f32 = 0.065;

/// "Different event" warnings, in source order. `groups` is each article's event group and
/// its group's link to the main group (see [`super::groups::groups`]).
pub fn different_events(docs: &[Doc], sim: &Similarity, clusters: &[Vec<UnitId>], (groups, links): (&[usize], &[f32])) -> Vec<DifferentEvent> {
    let mut out: Vec<DifferentEvent> = Vec::new();
    if docs.len() < 3 {
        // With two sources there is no majority to differ from.
        return out;
    }
    let shares = shared_shares(docs, sim, clusters);
    let sizes = super::groups::sizes(groups);
    let main = super::groups::main_group(&sizes);
    let ordinals: Vec<Vec<(u8, usize)>> = docs.iter().map(ordinal_cues).collect();
    // The shares sorted once, and where each source's share sits among them.
    let mut by_share: Vec<usize> = (0..docs.len()).collect();
    crate::sort::sort_by(&mut by_share, |&a, &b| shares[a].total_cmp(&shares[b]));
    let sorted: Vec<f64> = by_share.iter().map(|&j| shares[j]).collect();
    let mut rank = vec![0; docs.len()];
    for (r, &j) in by_share.iter().enumerate() {
        rank[j] = r;
    }
    // Sources with a clause alike (a fact's threshold) to a clause of another source.
    let mut alike = vec![false; docs.len()];
    for (&(a, b), &score) in sim.pairs.iter().zip(&sim.scores) {
        let (da, db) = (sim.units[a].doc, sim.units[b].doc);
        if da != db && score >= super::facts::THRESHOLD {
            (alike[da], alike[db]) = (true, true);
        }
    }
    // Sources that speak of the first occurrence, counted once.
    let firsts = ordinals.iter().filter(|o| o.iter().any(|x| x.0 == 1)).count();
    for (i, d) in docs.iter().enumerate() {
        let mut reasons = Vec::new();
        let mut ev = Vec::new();
        let med = median_without(&sorted, rank[i]);
        let few_facts = (med >= 0.1 && shares[i] < med * 0.5).then(|| {
            format!(
                "shares few facts with the other sources: {:.0}% of its clauses are told elsewhere, against a median of {:.0}% for the others",
                shares[i] * 100.0,
                med * 100.0
            )
        });
        if groups[i] != main && links[i] < FLAG_LINK {
            let mates: Vec<&str> = (0..docs.len()).filter(|&j| j != i && groups[j] == groups[i]).map(|j| docs[j].id.as_str()).collect();
            let with = if mates.is_empty() { String::new() } else { format!("; it shares them with {}", mates.join(", ")) };
            reasons.push(format!(
                "shares few of the specific names, places, numbers and dates of the main group of {} sources{with}",
                sizes[main]
            ));
        }
        // Ordinals: this source speaks of a later (or earlier) occurrence than most others.
        let mine: Vec<u8> = ordinals[i].iter().map(|o| o.0).collect();
        // (When it names no first occurrence itself, `firsts` counts other sources only.)
        if !mine.is_empty() && !mine.contains(&1) && firsts * 2 > docs.len() - 1 {
            reasons.push(format!(
                "describes a later occurrence (\"{}\") while {} of the other {} sources describe the first",
                cue_text(d, ordinals[i][0].1),
                firsts,
                docs.len() - 1
            ));
            ev.extend(ordinals[i].iter().map(|&(_, s)| evidence(docs, &sentence_unit(docs, i, s))));
        }
        // Sharing few facts supports a flag but alone does not make one (alone it flagged one
        // article in nine of ECB+ sub-topics, each one event: thin or narrow reports of it; and
        // found 5 of 326 articles of another event mixed in, train/val), unless no clause of the
        // source is even alike to another source's: an article on another story altogether,
        // which, sharing no names either, sits in the main group (see `super::groups`).
        if !reasons.is_empty() || few_facts.is_some() && !alike[i] {
            reasons.splice(0..0, few_facts);
            out.push(DifferentEvent { source: d.id.clone(), reasons, evidence: ev });
        }
    }
    out
}

fn cue_text(d: &Doc, sentence: usize) -> String {
    let s = &d.sentences[sentence];
    let lex = crate::lexicon::get();
    // The cue phrase: the ordinal word and the event noun after it.
    for (k, t) in s.tokens.iter().enumerate() {
        if lex.event_ordinals.contains_key(t.folded.as_str()) {
            if let Some(end) = s.tokens[k + 1..].iter().take(6).find(|n| lex.event_nouns.contains(n.folded.as_str())) {
                return d.text[t.start..end.end].to_string();
            }
        }
    }
    String::new()
}

/// (ordinal, sentence) for every "<ordinal> [adjectives] <event noun>" in a doc: "first direct
/// talks" → 1, "a second meeting" → 2, "the latest round" → 2 (later than the first).
fn ordinal_cues(d: &Doc) -> Vec<(u8, usize)> {
    let lex = crate::lexicon::get();
    let mut out = Vec::new();
    for (si, s) in d.sentences.iter().enumerate() {
        for (k, t) in s.tokens.iter().enumerate() {
            let Some(&ord) = lex.event_ordinals.get(t.folded.as_str()) else { continue };
            if s.tokens[k + 1..].iter().take(6).any(|n| lex.event_nouns.contains(n.folded.as_str())) {
                out.push((ord, si));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{compare, Article};

    #[test]
    fn a_narrow_report_of_the_same_event_is_not_a_different_event() {
        let told = [
            "On March 3, 2011, INS Sukanya arrested 26 pirates in the Gulf of Aden. The navy said the pirates had attacked a merchant vessel. The captured men were handed over to the police in Mumbai.",
            "INS Sukanya arrested 26 pirates in the Gulf of Aden on March 3, 2011. The pirates had attacked a merchant vessel, the navy said. The captured men were handed over to the Mumbai police.",
            "The navy said INS Sukanya arrested 26 pirates in the Gulf of Aden on March 3, 2011, after they attacked a merchant vessel. The captured men were handed over to the police in Mumbai.",
        ];
        // The same arrest, then background the others do not give: few of its clauses are
        // shared, but its names, numbers and date are the event's.
        let narrow = "INS Sukanya arrested 26 pirates in the Gulf of Aden on March 3, 2011. Piracy off Somalia costs shipping firms billions of dollars a year. Insurers have raised premiums for every vessel crossing the region. Several navies now patrol the busy sea lanes together.";
        let arts: Vec<Article> = told.iter().chain([&narrow]).enumerate().map(|(i, t)| Article::new(format!("s{i}"), *t)).collect();
        let r = compare(&arts).unwrap();
        assert!(r.different_event.is_empty(), "{:#?}", r.different_event);
        // An article on another story altogether, which shares no names either, is flagged for
        // its few shared facts alone.
        let other = "The central bank raised interest rates by half a point on Tuesday. Economists had expected a smaller rise after inflation slowed in the spring. Mortgage lenders said monthly payments would climb for millions of households.";
        let arts: Vec<Article> = told.iter().chain([&other]).enumerate().map(|(i, t)| Article::new(format!("s{i}"), *t)).collect();
        let r = compare(&arts).unwrap();
        assert_eq!(r.different_event.len(), 1, "{:#?}", r.different_event);
        let d = &r.different_event[0];
        assert_eq!(d.source, "s3");
        assert!(d.reasons[0].starts_with("shares few facts"), "{:#?}", d.reasons);
    }
}

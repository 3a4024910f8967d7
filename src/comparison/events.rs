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
//!   (an article on another story). When no two sources are in one group (unrelated articles
//!   pasted together), every source is flagged; so are both of two sources that share no
//!   specific and no clause alike.
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
/// and numbers are split off too. Chosen on ECB+ train/val (`eval/facts_ecb.py`), since the
/// chance links of few shared specifics are cut ([`super::groups::MIN_WHOLE_COSINE`]): 0.05,
/// 0.055, 0.06, 0.065, 0.07 flagged 3.8%, 4.5%, 5.3%, 6.6%, 8.0% of the articles of
/// single-event sub-topics (all false), and found, in topics mixing two events, the articles of
/// the smaller one at precision 91.2, 89.3, 87.3, 85.9, 85.6 and recall 82.2, 82.2, 82.5, 84.4,
/// 85.6. (Before that cut, 0.065 gave 5.6%, 86.6 and 85.0.) Few articles weigh what they share
/// more (IDF over five articles): two piracy attempts told by three and two articles, sharing
/// the gulf and the navy, are 0.051 apart (the test in `pieces`), so 0.055 rather than 0.05.
pub const FLAG_LINK: f32 = 0.055;

/// "Different event" warnings, in source order. `groups` is each article's event group and
/// its group's link to the main group (see [`super::groups::groups`]).
///
/// `alike` lists the pairs of sources with a clause alike ([`super::facts::alike_sources`]).
pub fn different_events(docs: &[Doc], sim: &Similarity, clusters: &[Vec<UnitId>], alike: &[(usize, usize)], (groups, links): (&[usize], &[f32])) -> Vec<DifferentEvent> {
    let mut out: Vec<DifferentEvent> = Vec::new();
    if docs.len() == 2 && groups[0] != groups[1] {
        // Two sources with nothing in common (see `super::groups`): neither is the majority.
        let reason = "shares no specific name, place, number or date with the other source, and no clause alike: the two seem to tell different stories";
        return docs.iter().map(|d| DifferentEvent { source: d.id.clone(), reasons: vec![reason.to_string()], evidence: vec![] }).collect();
    }
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
    let mut has_alike = vec![false; docs.len()];
    for &(a, b) in alike {
        (has_alike[a], has_alike[b]) = (true, true);
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
        if sizes[main] == 1 {
            // Every source is alone in its group: no two tell one event by what they share.
            reasons.push(format!(
                "shares too few specific names, places, numbers and dates with any other source to tell the same event; no two of the {} sources do",
                docs.len()
            ));
        } else if groups[i] != main && links[i] < FLAG_LINK {
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
        // source is even alike to another source's: an article on another story altogether that
        // still sits in the main group (it shares a specific or two with it; see
        // `super::groups`).
        if !reasons.is_empty() || few_facts.is_some() && !has_alike[i] {
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

    /// Articles "s0", "s1", ... of these texts.
    fn articles<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<Article> {
        texts.into_iter().enumerate().map(|(i, t)| Article::new(format!("s{i}"), t)).collect()
    }

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
        let arts = articles(told.iter().copied().chain([narrow]));
        let r = compare(&arts).unwrap();
        assert!(r.different_event.is_empty(), "{:#?}", r.different_event);
        // An article on another story altogether, which shares no names either, is flagged for
        // its few shared facts alone.
        let other = "The central bank raised interest rates by half a point on Tuesday. Economists had expected a smaller rise after inflation slowed in the spring. Mortgage lenders said monthly payments would climb for millions of households.";
        let arts = articles(told.iter().copied().chain([other]));
        let r = compare(&arts).unwrap();
        assert_eq!(r.different_event.len(), 1, "{:#?}", r.different_event);
        let d = &r.different_event[0];
        assert_eq!(d.source, "s3");
        assert!(d.reasons[0].starts_with("shares few facts"), "{:#?}", d.reasons);
    }

    // Articles on three stories, each naming people, places, numbers and dates of its own, and a
    // few chance common ones ("United States"). (Five whole real articles on five stories are in
    // `tests/unrelated.rs`; short ones like these name too few specifics to tell every chance
    // share from a real one.)
    const BEETLES: &str = "Researchers at the University of Oslo found 17 new species of beetle in the forests of Finnmark in northern Norway. The study, published in the journal Insect Systematics on January 14, took four years. Lead author Ingrid Dahl said forests in the United States and Canada could hold similar species. Her colleague Lars Nygaard of the Norwegian Institute for Nature Research counted 2,300 specimens. The Research Council of Norway paid for the work.";
    const SHARES: &str = "Shares of Helix Motors fell 8 percent on Tuesday after the carmaker cut its forecast for electric vehicle deliveries. Chief executive Aaron Feld told analysts in Detroit that demand in the United States had slowed. The company delivered 212,000 cars last year and now expects 180,000 in 2026. Its plant in Lordstown, Ohio, will close for two weeks in August. Analyst Priya Raman of Morgan Stanley cut her price target to $31.";
    const QUAKE: &str = "A magnitude 5.9 earthquake struck the Peruvian province of Arequipa early on Friday, damaging 40 homes in the town of Chivay. Peru's National Institute of Civil Defense said two people were injured. The quake was felt in Cusco and Puno, the Geophysical Institute of Peru said. President Dina Boluarte sent Defense Minister Walter Astudillo to the Colca Valley. A 4.2 aftershock followed at 6:10 a.m.";

    #[test]
    fn two_unrelated_articles_are_apart_and_both_flagged() {
        // The beetles and the earthquake share no specific and no clause alike.
        let arts = articles([BEETLES, QUAKE]);
        let r = compare(&arts).unwrap();
        assert_eq!(r.sources.iter().map(|s| s.event_group).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(r.different_event.len(), 2, "{:#?}", r.different_event);
        assert!(r.different_event[0].reasons[0].contains("different stories"), "{:#?}", r.different_event);
        assert!(r.facts.iter().all(|f| f.corroboration == 1), "{:#?}", r.facts);
        // The twin: two tellings of one story stay together.
        let retold = "Helix Motors shares fell 8 percent on Tuesday. The carmaker cut its forecast for electric vehicle deliveries, chief executive Aaron Feld told analysts in Detroit.";
        let r = compare(&articles([SHARES, retold])).unwrap();
        assert_eq!(r.sources.iter().map(|s| s.event_group).collect::<Vec<_>>(), [0, 0]);
        assert!(r.different_event.is_empty(), "{:#?}", r.different_event);
        assert!(r.facts.iter().any(|f| f.corroboration == 2), "{:#?}", r.facts);
    }

    #[test]
    fn an_article_on_another_story_among_tellings_of_one_is_split_off() {
        let told = [
            "Shares of Helix Motors fell 8 percent on Tuesday after the carmaker cut its forecast for electric vehicle deliveries. Chief executive Aaron Feld told analysts in Detroit that demand in the United States had slowed. The company now expects 180,000 deliveries in 2026.",
            "Helix Motors cut its delivery forecast on Tuesday to 180,000 cars in 2026, and its shares dropped 8 percent. Aaron Feld, the chief executive, said in Detroit that demand for electric vehicles in the United States had slowed.",
            "Aaron Feld, chief executive of Helix Motors, warned in Detroit on Tuesday of slowing demand in the United States. The carmaker's shares fell 8 percent after it cut its forecast to 180,000 deliveries in 2026.",
        ];
        // Shares "Tuesday" and "United States" with them, and names many specifics of its own.
        let intruder = "The Senate passed a farm bill on Tuesday that sets crop subsidies in the United States for five years. Senator Maria Ortiz of New Mexico said 31 states would gain $14 billion. Senator Tom Hadley of Iowa voted against it. The House of Representatives votes on it in March, Speaker Dan Whitfield said in Washington. The American Farm Bureau Federation backed the bill.";
        let arts = articles(told.iter().copied().chain([intruder]));
        let r = compare(&arts).unwrap();
        assert_eq!(r.sources.iter().map(|s| s.event_group).collect::<Vec<_>>(), [0, 0, 0, 1]);
        assert!(r.facts.iter().filter(|f| f.corroboration > 1).all(|f| !f.sources.contains(&"s3".to_string())), "{:#?}", r.facts);
        assert_eq!(r.different_event.iter().map(|d| d.source.as_str()).collect::<Vec<_>>(), ["s3"], "{:#?}", r.different_event);
        // A telling with no specific at all joins the group it has clauses alike with.
        let plain = "The carmaker cut its forecast for electric vehicle deliveries, and its shares fell. Its chief executive told analysts that demand had slowed.";
        let arts = articles(told.iter().copied().chain([plain]));
        let r = compare(&arts).unwrap();
        assert_eq!(r.sources.iter().map(|s| s.event_group).collect::<Vec<_>>(), [0, 0, 0, 0]);
        assert!(r.different_event.is_empty(), "{:#?}", r.different_event);
        // The twin: a fourth telling of the story sharing four specifics stays in the group.
        let fourth = "Helix Motors said on Tuesday it would deliver fewer electric vehicles this year; its shares lost 8 percent. Aaron Feld spoke to analysts in Detroit.";
        let arts = articles(told.iter().copied().chain([fourth]));
        let r = compare(&arts).unwrap();
        assert_eq!(r.sources.iter().map(|s| s.event_group).collect::<Vec<_>>(), [0, 0, 0, 0]);
        assert!(r.different_event.is_empty(), "{:#?}", r.different_event);
    }
}

//! Cross-source comparison: entities merged across articles, facts clustered, conflicts typed,
//! quotes gathered. Input: the analysed articles; output: the [`Report`].
//!
//! - [`entities`]: one entity per person, place or organisation across sources (variants merged);
//! - [`groups`]: which articles seem to tell the same event;
//! - [`pieces`]: facts as matched pieces of sentences, within an event group;
//! - [`facts`]: clause similarity (single-source details, number pairs, different event);
//! - [`conflicts`], [`events`] (omissions, different event), [`reuse`] (text reuse), [`tone`].
//!
//! Deterministic: every map that decides an order is ordered, ties are broken by input order.

pub mod conflicts;
pub mod entities;
pub mod events;
pub mod facts;
pub mod groups;
pub mod pieces;
pub mod reuse;
pub mod tone;

use std::collections::BTreeMap;

use crate::extract::quotes::Speaker;
use crate::extract::Doc;
use crate::report::*;
use facts::{Unit, UnitId};

/// Quotations with the same speaker and words, across sources.
pub struct QuoteGroup {
    pub text: String,
    pub speaker: Option<String>,
    /// Cluster index of the speaker entity.
    pub speaker_entity: Option<usize>,
    pub sources: Vec<usize>,
    /// (doc, sentence) of each occurrence.
    pub sentences: Vec<(usize, usize)>,
    pub spans: Vec<Span>,
}

/// The evidence record of a unit (a clause, or a whole sentence).
pub fn evidence(docs: &[Doc], u: &Unit) -> Evidence {
    let d = &docs[u.doc];
    Evidence { source: d.id.clone(), sentence: u.sentence, start: u.start, end: u.end, text: d.text[u.start..u.end].to_string() }
}

/// The whole of sentence `s` of doc `d` as a unit.
pub fn sentence_unit(docs: &[Doc], d: usize, s: usize) -> Unit {
    let sent = &docs[d].sentences[s];
    Unit { doc: d, sentence: s, start: sent.start, end: sent.end }
}

/// The id of fact number `n`: "f" and the number (not `format!`ted: one per fact).
/// For each of `n` items, the index of the first item equal to it (its own index when it is the
/// first): the copies of a sentence or clause that comes again word for word (wire copy, shared
/// paragraphs), whose work is then done once. Items are told apart by `hash`, and those with one
/// hash by `same(first, item)`, which must be an equivalence: O(n) hashes, and a comparison per
/// item and earlier distinct item of its hash.
pub(crate) fn first_copies(n: usize, hash: impl Fn(usize) -> u64, same: impl Fn(usize, usize) -> bool) -> Vec<usize> {
    // Hash → the first items with that hash (collisions told apart by comparing).
    let mut by_hash: rustc_hash::FxHashMap<u64, Vec<usize>> = Default::default();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let firsts = by_hash.entry(hash(i)).or_default();
        match firsts.iter().find(|&&j| same(j, i)) {
            Some(&j) => out.push(j),
            None => {
                firsts.push(i);
                out.push(i);
            }
        }
    }
    out
}

fn fact_id(n: usize) -> String {
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(n);
    let mut id = String::with_capacity(1 + digits.len());
    id.push('f');
    id.push_str(digits);
    id
}

/// A fact's summary: the evidence text without a clause's closing punctuation.
fn summary(docs: &[Doc], u: &Unit) -> String {
    // (The evidence text, borrowed: only the clipped summary is allocated.)
    let text = &docs[u.doc].text[u.start..u.end];
    // A piece can start inside a dateline ("KYIV, Ukraine — The talks…"): start after the dash.
    let text = match text.char_indices().take(40).find(|&(_, c)| c == '—' || c == '–') {
        Some((i, c)) if text[i + c.len_utf8()..].trim_start().len() > 20 => text[i + c.len_utf8()..].trim_start(),
        _ => text,
    };
    crate::text::clip(text.trim_end_matches([',', ';', ':', ' ', '—', '–', '-']), 240)
}

/// Compares analysed articles.
///
/// Each structure is dropped, and the steps are ordered, so that as little as possible is held
/// at once: the wasm module's memory grows to the peak and never shrinks (for 831 articles, what
/// was still held while text reuse made its own structures was ~30 MB of it).
pub fn compare(docs: &[Doc]) -> Report {
    let resolved = entities::resolve(docs);
    let (entity_list, entity_index) = entities::build(docs, &resolved);
    let entity_names: Vec<String> = entity_list.iter().map(|e| e.name.clone()).collect();
    let features = pieces::SentenceFeatures::new(docs, &resolved);
    let sim = facts::similarity(docs, &features);
    let alike = facts::alike_sources(&sim);
    let (event_groups, links_to_main) = groups::groups(&features, &alike);
    // A page's date line ("August 07, 2012") places the article in time, which the event groups
    // read, but it states nothing: no fact is made of it.
    let mut features = features;
    for (d, doc) in docs.iter().enumerate() {
        for (si, _) in doc.sentences.iter().enumerate().filter(|(_, s)| s.date_line) {
            features.occurrences[d][si].clear();
        }
    }
    let found = pieces::build(features, &event_groups);
    // Clause units of a sentence, to map pieces onto the clauses they overlap: the units are in
    // (doc, sentence) order, so a sentence's are one run of them, found by binary search (no map
    // of one small list per sentence to build).
    let clause_units = |doc: usize, sentence: usize| {
        let from = sim.units.partition_point(|u| (u.doc, u.sentence) < (doc, sentence));
        let to = from + sim.units[from..].partition_point(|u| (u.doc, u.sentence) == (doc, sentence));
        from..to
    };
    let piece_unit = |p: &pieces::Piece| {
        let s = &docs[p.doc].sentences[p.sentence];
        Unit { doc: p.doc, sentence: p.sentence, start: s.tokens[p.t0].start, end: s.tokens[p.t1 - 1].end }
    };

    let mut fact_list = Vec::new();
    let mut clusters: Vec<Vec<UnitId>> = Vec::new();
    for (ps, central) in found.facts.iter().zip(&found.centrality) {
        let id = fact_id(fact_list.len());
        let best = (0..ps.len()).max_by(|&a, &b| central[a].total_cmp(&central[b]).then(b.cmp(&a))).unwrap_or(0);
        let mut sources: Vec<usize> = ps.iter().map(|p| p.doc).collect();
        sources.dedup();
        let units: Vec<Unit> = ps.iter().map(&piece_unit).collect();
        fact_list.push(Fact {
            id,
            summary: summary(docs, &units[best]),
            sources: sources.iter().map(|&d| docs[d].id.clone()).collect(),
            corroboration: sources.len(),
            evidence: units.iter().map(|u| evidence(docs, u)).collect(),
            partly_in: Vec::new(),
        });
        let all = &sim.units;
        let mut members: Vec<UnitId> = units
            .iter()
            .flat_map(|u| clause_units(u.doc, u.sentence).filter(move |&c| all[c].start < u.end && u.start < all[c].end))
            .collect();
        members.sort_unstable();
        members.dedup();
        clusters.push(members);
    }
    // Single-source details: the clauses that multi-source facts leave mostly uncovered.
    for (ui, u) in sim.units.iter().enumerate() {
        let s = &docs[u.doc].sentences[u.sentence];
        let a = s.tokens.partition_point(|t| t.start < u.start);
        let b = s.tokens.partition_point(|t| t.start < u.end);
        // A clause of punctuation alone (a closing quotation mark on its own line) says nothing,
        // nor does a date line.
        if s.date_line || found.covered_share(u.doc, u.sentence, a, b) >= 0.5 || s.tokens[a..b].iter().all(|t| t.kind == crate::text::TokKind::Punct) {
            continue;
        }
        fact_list.push(Fact {
            id: fact_id(fact_list.len()),
            summary: summary(docs, u),
            sources: vec![docs[u.doc].id.clone()],
            corroboration: 1,
            evidence: vec![evidence(docs, u)],
            // (Multi-source facts are the first in `fact_list`: fact index = its number.)
            partly_in: found.partly_in(u.doc, u.sentence, a, b).into_iter().map(fact_id).collect(),
        });
        clusters.push(vec![ui]);
    }

    let quote_groups = quotes(docs, &resolved, &entity_index, &entity_names);
    // Multi-source facts come first in `fact_list`, in the order of `found.facts`.
    let different_event = events::different_events(docs, &sim, &clusters, &alike, (&event_groups, &links_to_main));
    let flagged: Vec<bool> = docs.iter().map(|d| different_event.iter().any(|x| x.source == d.id)).collect();
    let omissions = events::omissions(docs, &fact_list, &event_groups, &flagged, |d, i| i < found.facts.len() && found.tells(d, i));
    drop(found);
    let fact_units: Vec<(String, Vec<UnitId>)> = fact_list.iter().map(|f| f.id.clone()).zip(clusters).collect();
    let conflict_list = conflicts::find(docs, conflicts::Entities { resolved: &resolved, index: &entity_index, names: &entity_names }, &fact_units, &sim, &quote_groups, &event_groups);
    drop((resolved, sim, fact_units));
    // Last: text reuse needs only the articles, and its own structures are large.
    let text_reuse = reuse::reuse(docs);
    let tone = docs.iter().map(tone::profile).collect();

    let numbers = docs
        .iter()
        .flat_map(|d| {
            d.quantities.iter().map(move |q| NumberMention {
                source: d.id.clone(),
                text: d.text[q.start..q.end].to_string(),
                value: q.display_value(),
                counts: q.counts.clone(),
                sentence: q.sentence,
                start: q.start,
                end: q.end,
            })
        })
        .collect();

    Report {
        schema_version: SCHEMA_VERSION,
        offset_unit: OffsetUnit::Utf8,
        sources: docs
            .iter()
            .enumerate()
            .map(|(di, d)| SourceSummary {
                id: d.id.clone(),
                title: d.title.clone(),
                words: d.words,
                sentences: d.sentences.len(),
                sentence_spans: d.sentences.iter().map(|s| [s.start, s.end]).collect(),
                event_group: event_groups[di],
                warnings: d.warnings.clone(),
            })
            .collect(),
        entities: entity_list,
        facts: fact_list,
        conflicts: conflict_list,
        quotes: quote_groups
            .iter()
            .map(|g| Quote { text: g.text.clone(), speaker: g.speaker.clone(), sources: g.sources.iter().map(|&d| docs[d].id.clone()).collect(), evidence: g.spans.clone() })
            .collect(),
        numbers,
        dates: docs
            .iter()
            .flat_map(|d| {
                d.dates.iter().map(move |x| DateMention {
                    source: d.id.clone(),
                    text: d.text[x.start..x.end].to_string(),
                    value: x.value.clone(),
                    sentence: x.sentence,
                    start: x.start,
                    end: x.end,
                })
            })
            .collect(),
        omissions,
        different_event,
        text_reuse,
        tone,
    }
}

/// Groups quotations by speaker and folded words, in order of first appearance.
fn quotes(docs: &[Doc], resolved: &entities::Resolved, entity_index: &[usize], names: &[String]) -> Vec<QuoteGroup> {
    let mut groups: Vec<QuoteGroup> = Vec::new();
    let mut index: BTreeMap<(Option<usize>, String), usize> = BTreeMap::new();
    for (di, d) in docs.iter().enumerate() {
        for q in &d.quotes {
            let text = d.text[q.start..q.end].trim_end_matches([',', ' ']).to_string();
            let (speaker, entity) = match &q.speaker {
                Some(Speaker::Mention(mi)) => {
                    let ci = resolved.of[di][*mi];
                    (names.get(entity_index[ci]).cloned(), Some(ci))
                }
                Some(Speaker::Phrase(p)) => (Some(p.clone()), None),
                None => (None, None),
            };
            let key = (entity, crate::text::fold(&text).split_whitespace().collect::<Vec<_>>().join(" "));
            let gi = *index.entry(key).or_insert_with(|| {
                groups.push(QuoteGroup { text: text.clone(), speaker: speaker.clone(), speaker_entity: entity, sources: vec![], sentences: vec![], spans: vec![] });
                groups.len() - 1
            });
            let g = &mut groups[gi];
            if !g.sources.contains(&di) {
                g.sources.push(di);
            }
            g.sentences.push((di, q.sentence));
            g.spans.push(Span { source: d.id.clone(), start: q.start, end: q.end });
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use crate::{compare, Article};

    #[test]
    fn a_line_of_punctuation_alone_is_no_single_source_detail() {
        let a = "He said the guards were overpowered near Baytown.\n\"Since he fled on foot, that is in question.\n\"\nThe search went on for days.";
        let b = "The guards were overpowered near Baytown on Monday, officials said.";
        let r = compare(&[Article::new("a", a), Article::new("b", b)]).unwrap();
        let details: Vec<&str> = r.facts.iter().filter(|f| f.corroboration == 1).map(|f| f.evidence[0].text.as_str()).collect();
        assert!(details.iter().all(|t| t.chars().any(char::is_alphanumeric)), "{details:#?}");
        // The twin: the lines with words are details.
        assert!(details.iter().any(|t| t.contains("The search went on")), "{details:#?}");
    }

    #[test]
    fn a_shared_date_line_is_no_fact_and_no_detail() {
        let a = "Dairy Building Burns Down\nAugust 07, 2012\nThe old Matanuska Maid dairy building in Palmer was destroyed by a fire early Tuesday morning.";
        let b = "Historic warehouse burns\nTuesday, August 7, 2012\nA fast-moving fire destroyed the old Matanuska Maid dairy building in Palmer early Tuesday morning.";
        let r = compare(&[Article::new("a", a), Article::new("b", b)]).unwrap();
        assert!(r.facts.iter().all(|f| f.evidence.iter().all(|e| !e.text.contains("August"))), "{:#?}", r.facts);
        // The twin: the fire the date lines stand above is a fact of both sources.
        assert!(r.facts.iter().any(|f| f.corroboration == 2 && f.summary.contains("fire")), "{:#?}", r.facts);
    }

    #[test]
    fn a_detail_names_the_corroborated_fact_it_partly_tells() {
        // The clause of `a` says mostly what only `a` says (the scrutiny), and also the exchange
        // of 1,000 prisoners of war that both sources tell.
        let a = "The talks, which took place amid global scrutiny over the shelling of Kharkiv and the naval blockade in the Black Sea, resulted in both sides agreeing to exchange 1,000 prisoners of war.\nThe weather in Istanbul was mild.";
        let b = "Both sides agreed to exchange 1,000 prisoners of war, the largest swap so far.";
        let r = compare(&[Article::new("a", a), Article::new("b", b)]).unwrap();
        let fact = r.facts.iter().find(|f| f.corroboration == 2 && f.summary.contains("prisoners")).expect("the exchange is a fact");
        assert!(fact.partly_in.is_empty());
        let detail = r.facts.iter().find(|f| f.corroboration == 1 && f.evidence[0].text.contains("scrutiny")).expect("the scrutiny is a detail");
        assert_eq!(detail.partly_in, vec![fact.id.clone()]);
        // The twin: a detail that no other source tells in part names no fact.
        let weather = r.facts.iter().find(|f| f.evidence[0].text.contains("weather")).expect("the weather is a detail");
        assert!(weather.partly_in.is_empty());
    }
}

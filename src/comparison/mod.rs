//! Cross-source comparison: entities merged across articles, facts clustered, conflicts typed,
//! quotes gathered. Input: the analysed articles; output: the [`Report`].
//!
//! Deterministic: every map that decides an order is ordered, ties are broken by input order.

pub mod conflicts;
pub mod entities;
pub mod events;
pub mod facts;
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

/// Compares analysed articles.
pub fn compare(docs: &[Doc]) -> Report {
    let resolved = entities::resolve(docs);
    let (entity_list, entity_index) = entities::build(docs, &resolved);
    let entity_names: Vec<String> = entity_list.iter().map(|e| e.name.clone()).collect();
    let sim = facts::similarity(docs, &resolved);
    let clusters = facts::cluster(&sim);

    let mut fact_list = Vec::with_capacity(clusters.len());
    let mut fact_units: Vec<(String, Vec<UnitId>)> = Vec::with_capacity(clusters.len());
    for (i, c) in clusters.iter().enumerate() {
        let id = format!("f{i}");
        // The summary is the most central unit (highest summed similarity), shortest on ties.
        let len = |u: UnitId| sim.units[u].end - sim.units[u].start;
        let centrality = |u: UnitId| c.iter().filter(|&&o| o != u).map(|&o| sim.score(u, o)).sum::<f32>();
        // Units that open their sentence read best as summaries; prefer them.
        let opens = |u: UnitId| docs[sim.units[u].doc].sentences[sim.units[u].sentence].start == sim.units[u].start;
        let centre = *c
            .iter()
            .max_by(|&&a, &&b| {
                opens(a).cmp(&opens(b)).then(centrality(a).total_cmp(&centrality(b))).then(len(b).cmp(&len(a))).then(b.cmp(&a))
            })
            .unwrap_or(&c[0]);
        let mut sources: Vec<usize> = c.iter().map(|&u| sim.units[u].doc).collect();
        sources.dedup();
        fact_list.push(Fact {
            id: id.clone(),
            // A clause keeps its closing comma in the evidence; the summary drops it.
            summary: crate::text::clip(evidence(docs, &sim.units[centre]).text.trim_end_matches([',', ';', ':', ' ', '—', '–', '-']), 240),
            sources: sources.iter().map(|&d| docs[d].id.clone()).collect(),
            corroboration: sources.len(),
            evidence: c.iter().map(|&u| evidence(docs, &sim.units[u])).collect(),
        });
        fact_units.push((id, c.clone()));
    }

    let quote_groups = quotes(docs, &resolved, &entity_index, &entity_names);
    let omissions = events::omissions(docs, &fact_list, &sim, &clusters);
    let different_event = events::different_events(docs, &sim, &clusters);
    let text_reuse = reuse::reuse(docs);
    let tone = docs.iter().map(tone::profile).collect();
    let conflict_list = conflicts::find(docs, &resolved, &entity_index, &entity_names, &fact_units, &sim, &quote_groups);

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
            .map(|d| SourceSummary {
                id: d.id.clone(),
                title: d.title.clone(),
                words: d.words,
                sentences: d.sentences.len(),
                sentence_spans: d.sentences.iter().map(|s| [s.start, s.end]).collect(),
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

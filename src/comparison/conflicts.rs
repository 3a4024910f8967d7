//! Typed conflicts between sources.
//!
//! - number: quantities counting the same thing ([`Quantity::comparable`]: same counted thing
//!   and scope) in sentences of one fact (or in a candidate pair of similar sentences of articles
//!   of one event group, see [`super::groups`]) whose intervals do not overlap are a conflict;
//!   overlapping but differently worded ones ("less than two hours" / "just over an hour") are
//!   reported as compatible. Not conflicts: a source giving both values, a sentence giving both,
//!   and two clauses disagreeing about two things at once (two games, two spans).
//! - role: one person given the same office of different countries ("U.S. President" /
//!   "Ukrainian President") by different sources.
//! - date: different dates of the same granularity inside one fact, in clauses alike enough to be
//!   in one fact themselves and with a word in common right around the two dates ("launched a
//!   fashion line called Mantra in September / in December"): a fact's clauses often tell of
//!   several moments ("charged Saturday after a shooting at a party Friday").
//! - quote: one speaker quoted by different sources with mostly the same words, worded differently.
//!
//! Spelling variants of a name are never conflicts: they are merged into the entity.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use super::entities::Resolved;
use super::facts::{Similarity, Unit, UnitId, THRESHOLD};
use super::{evidence, sentence_unit, QuoteGroup};
use crate::extract::{stem, Doc, Quantity};
use crate::text::{Token, TokKind};
use crate::report::{Conflict, ConflictKind, ConflictValue, DiffOp, Evidence, Severity, WordDiff};

/// Pairs of similar sentences compared for numbers (below the fact threshold: the same number
/// can be told in sentences that otherwise differ).
pub(super) const NUMBER_PAIR_THRESHOLD: f32 = THRESHOLD * 0.6;

/// The entities across sources, for role conflicts: the resolved clusters, the report's entity
/// index of each cluster, and the report's entity names.
pub struct Entities<'a> {
    pub resolved: &'a Resolved,
    pub index: &'a [usize],
    pub names: &'a [String],
}

/// The conflicts, most severe first. `event_groups` gives each article's event group (see
/// [`super::groups`]).
pub fn find(docs: &[Doc], entities: Entities, facts: &[(String, Vec<UnitId>)], sim: &Similarity, quotes: &[QuoteGroup], event_groups: &[usize]) -> Vec<Conflict> {
    let mut out = Vec::new();
    numbers(docs, facts, sim, event_groups, &mut out);
    dates(docs, facts, sim, &mut out);
    roles(docs, entities.resolved, entities.index, entities.names, &mut out);
    quote_wording(docs, quotes, &mut out);
    crate::sort::sort_by(&mut out, |a, b| {
        a.severity.cmp(&b.severity).then(a.kind.cmp(&b.kind)).then(a.subject.cmp(&b.subject)).then(a.values[0].value.cmp(&b.values[0].value))
    });
    out
}

fn value_list(docs: &[Doc], groups: BTreeMap<String, BTreeSet<Unit>>) -> Vec<ConflictValue> {
    groups
        .into_iter()
        .map(|(value, units)| {
            let mut sources: Vec<usize> = units.iter().map(|u| u.doc).collect();
            sources.dedup();
            ConflictValue {
                value,
                sources: sources.iter().map(|&d| docs[d].id.clone()).collect(),
                evidence: units.iter().map(|u| evidence(docs, u)).collect(),
            }
        })
        .collect()
}

fn numbers(docs: &[Doc], facts: &[(String, Vec<UnitId>)], sim: &Similarity, event_groups: &[usize], out: &mut Vec<Conflict>) {
    let units = &sim.units;
    // The counted quantities of each unit, in text order, with their display values; most units
    // have none, and a pair with a unit without any is left out of `related` (it adds nothing).
    let mut by_sentence: HashMap<(usize, usize), Vec<&Quantity>> = HashMap::default();
    for (di, d) in docs.iter().enumerate() {
        for q in d.quantities.iter().filter(|q| !q.counts.is_empty() && !q.label) {
            by_sentence.entry((di, q.sentence)).or_default().push(q);
        }
    }
    let qs: Vec<Vec<(&Quantity, String)>> = units
        .iter()
        .map(|u| {
            let list = by_sentence.get(&(u.doc, u.sentence)).map_or(&[][..], Vec::as_slice);
            list.iter().filter(|q| u.start <= q.start && q.start < u.end).map(|&q| (q, q.display_value())).collect()
        })
        .collect();
    let counted = |u: UnitId| !qs[u].is_empty();
    // Whether the unit's sentence gives the value, whatever it counts (quantities are in text order).
    let tells = |u: &Unit, v: f64| {
        let all = &docs[u.doc].quantities;
        all[all.partition_point(|q| q.sentence < u.sentence)..].iter().take_while(|q| q.sentence == u.sentence).any(|q| q.value == v)
    };
    // Related pairs of units: in one fact, or similar enough as a candidate pair.
    let mut related: BTreeSet<(UnitId, UnitId)> = BTreeSet::new();
    // The (last) fact of each unit; only those of counted units are ever looked up.
    let mut fact_of: BTreeMap<UnitId, &str> = BTreeMap::new();
    for (id, members) in facts {
        for (i, &a) in members.iter().enumerate() {
            if !counted(a) {
                continue;
            }
            fact_of.insert(a, id);
            for &b in &members[i + 1..] {
                if units[a].doc != units[b].doc && counted(b) {
                    related.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    // Candidate pairs only within an event group, as facts are: two events of one kind are told
    // in alike sentences with different numbers ("46 wins by knockout" before one fight, "51"
    // before a later one; a two-story and a three-story building on fire).
    for &(a, b) in &sim.pairs {
        if counted(a) && counted(b) && event_groups[units[a].doc] == event_groups[units[b].doc] {
            related.insert((a, b));
        }
    }
    // Quantities about one counted thing that differ between related units, grouped per thing;
    // and every value each source gives for it in those units, equal ones included.
    let mut groups: BTreeMap<String, Vec<(UnitId, &Quantity, &str)>> = BTreeMap::new();
    let mut disagree: BTreeSet<String> = BTreeSet::new();
    let mut given: BTreeMap<&str, BTreeMap<usize, BTreeSet<&str>>> = BTreeMap::new();
    let mut matched: Vec<(&Quantity, &str, &Quantity, &str)> = Vec::new();
    for &(a, b) in &related {
        matched.clear();
        for (qa, va) in &qs[a] {
            matched.extend(qs[b].iter().filter(|(qb, _)| qa.comparable(qb)).map(|(qb, vb)| (*qa, va.as_str(), *qb, vb.as_str())));
        }
        // Two clauses that disagree about two or more things at once ("caught 29 passes for 201
        // yards" / "caught 39 passes for 302 yards", "33 homers and 121 RBIs" in a season / "13
        // homers and 43 RBIs" since a trade) tell of different games or spans, not of one
        // misreported: the pair is left out.
        let mut things = matched.iter().filter(|(qa, va, qb, vb)| va != vb && !qa.compatible(qb)).map(|(qa, ..)| qa.counts.as_str());
        if things.next().is_some_and(|first| things.any(|t| t != first)) {
            continue;
        }
        for &(qa, va, qb, vb) in &matched {
            let by_doc = given.entry(&qa.counts).or_default();
            by_doc.entry(units[a].doc).or_default().insert(va);
            by_doc.entry(units[b].doc).or_default().insert(vb);
            if va == vb {
                continue;
            }
            if !qa.compatible(qb) {
                // A sentence that also gives the other value ("32 million … compared with 55.3
                // million a decade ago") tells of two things; and the clauses themselves must
                // be alike, not only joined through a fact's other clauses.
                if tells(&units[a], qb.value) || tells(&units[b], qa.value) || sim.score(a, b) < NUMBER_PAIR_THRESHOLD {
                    continue;
                }
                disagree.insert(qa.counts.clone());
            }
            let g = match groups.get_mut(&qa.counts) {
                Some(g) => g,
                None => groups.entry(qa.counts.clone()).or_default(),
            };
            g.push((a, qa, va));
            g.push((b, qb, vb));
        }
    }
    for (counts, members) in groups {
        // A source giving two values of the thing: see `one_source_gives_two`.
        if given.get(counts.as_str()).is_some_and(|by_doc| by_doc.values().any(|vs| vs.len() > 1)) {
            continue;
        }
        let mut values: BTreeMap<String, BTreeSet<Unit>> = BTreeMap::new();
        for &(u, _, v) in &members {
            values.entry(v.to_string()).or_default().insert(units[u]);
        }
        let fact = members.iter().find_map(|(u, _, _)| fact_of.get(u)).map(|f| f.to_string());
        out.push(Conflict {
            kind: ConflictKind::Number,
            severity: if disagree.contains(&counts) { Severity::Conflict } else { Severity::Compatible },
            subject: counts,
            fact,
            values: value_list(docs, values),
            word_diff: None,
        });
    }
}

/// Whether one source gives two of the values. Then the values are about different things
/// ("a 36-year-old champion … the 40-year-old American", "open-heart surgery in 1988, another in
/// 1996", a page's "Published" and "Updated" stamps): a source does not contradict itself, so the
/// matching found different things under one name, not a disagreement between sources.
fn one_source_gives_two(values: &BTreeMap<String, BTreeSet<Unit>>) -> bool {
    let mut seen: BTreeMap<usize, &str> = BTreeMap::new();
    values.iter().any(|(v, units)| units.iter().any(|u| seen.insert(u.doc, v).is_some_and(|w| w != v)))
}

/// The granularity of a date value: "2022" year, "2022-03" month, "--05-12" day, …
pub(super) fn granularity(v: &str) -> usize {
    if v.starts_with("weekday") {
        return 9;
    }
    v.matches('-').count() + if v.starts_with("--") { 10 } else { 0 }
}

/// The words right around a date (up to [`DATE_CONTEXT`] tokens on each side, in its sentence),
/// as matching stems: what the date is the date of, near enough to tell two moments apart. The
/// date starts at token `t` and ends at byte `end`.
fn date_context(toks: &[Token], t: usize, end: usize) -> BTreeSet<String> {
    let lex = crate::lexicon::get();
    let te = t + toks[t..].partition_point(|t| t.start < end);
    let near = toks[t.saturating_sub(DATE_CONTEXT)..t].iter().chain(&toks[te..(te + DATE_CONTEXT).min(toks.len())]);
    near.filter(|t| {
        t.kind == TokKind::Word && !lex.is_stopword(&t.folded) && !lex.speech_verbs.contains(t.folded.as_str()) && !lex.calendar.contains_key(t.folded.as_str())
    })
    .map(|t| stem(lex.canonical(&t.folded)).into_owned())
    .collect()
}

/// Tokens on each side of a date read by [`date_context`].
const DATE_CONTEXT: usize = 4;

/// The dates of one granularity in a fact: value → the units giving it, each with the words
/// around the date ([`date_context`]).
type DatedUnits = BTreeMap<String, Vec<(UnitId, BTreeSet<String>)>>;

fn dates(docs: &[Doc], facts: &[(String, Vec<UnitId>)], sim: &Similarity, out: &mut Vec<Conflict>) {
    let speech = &crate::lexicon::get().speech_verbs;
    // The values and units of each conflict found: a clause in two facts (two pieces of it
    // matched apart) gives the same conflict twice.
    let mut seen: BTreeSet<BTreeMap<String, BTreeSet<Unit>>> = BTreeSet::new();
    for (id, members) in facts.iter().filter(|(_, m)| m.len() > 1) {
        let mut by_gran: BTreeMap<usize, DatedUnits> = BTreeMap::new();
        for &ui in members {
            let u = sim.units[ui];
            let toks = &docs[u.doc].sentences[u.sentence].tokens;
            for x in docs[u.doc].dates.iter().filter(|x| !x.stamp && x.sentence == u.sentence && u.start <= x.start && x.start < u.end) {
                // The day a statement was made ("a prosecutor said Friday", "said on Monday") is
                // the date of the report, not of what the fact tells.
                let t = toks.partition_point(|t| t.start < x.start);
                let before = |k: usize| t.checked_sub(k).map(|j| toks[j].folded.as_str());
                if before(1).is_some_and(|w| speech.contains(w)) || before(1) == Some("on") && before(2).is_some_and(|w| speech.contains(w)) {
                    continue;
                }
                let context = date_context(toks, t, x.end);
                by_gran.entry(granularity(&x.value)).or_default().entry(x.value.clone()).or_default().push((ui, context));
            }
        }
        for (_, values) in by_gran {
            // The clauses that disagree must be alike themselves, not only joined through the
            // fact's other clauses: a fact's clause can tell of another moment of the story.
            let alike = values.iter().any(|(v, us)| {
                us.iter().any(|(a, ca)| {
                    values.iter().filter(|(w, _)| *w != v).flat_map(|(_, ws)| ws).any(|(b, cb)| {
                        sim.units[*a].doc != sim.units[*b].doc && sim.score(*a, *b) >= THRESHOLD && !ca.is_disjoint(cb)
                    })
                })
            });
            let mut by_value: BTreeMap<String, BTreeSet<Unit>> = BTreeMap::new();
            for (v, us) in values {
                by_value.insert(v, crate::sort::set(us.into_iter().map(|(u, _)| sim.units[u])));
            }
            let values = by_value;
            if alike && !one_source_gives_two(&values) && seen.insert(values.clone()) {
                out.push(Conflict {
                    kind: ConflictKind::Date,
                    severity: Severity::Conflict,
                    subject: "date".into(),
                    fact: Some(id.clone()),
                    values: value_list(docs, values),
                    word_diff: None,
                });
            }
        }
    }
}

fn roles(docs: &[Doc], resolved: &Resolved, entity_index: &[usize], entity_names: &[String], out: &mut Vec<Conflict>) {
    for (ci, c) in resolved.entities.iter().enumerate() {
        // head → country → sentences
        let mut heads: BTreeMap<&str, BTreeMap<String, BTreeSet<Unit>>> = BTreeMap::new();
        for &(di, mi) in &c.members {
            let m = &docs[di].mentions[mi];
            for r in &m.roles {
                if let Some(country) = r.country {
                    heads.entry(r.head.as_str()).or_default().entry(format!("{} ({country})", r.title)).or_default().insert(sentence_unit(docs, di, m.sentence));
                }
            }
        }
        for (head, values) in heads {
            let countries = crate::sort::set(values.keys().map(|k| k.rsplit('(').next().unwrap_or("")));
            let sources = crate::sort::set(values.values().flatten().map(|u| u.doc));
            if countries.len() > 1 && sources.len() > 1 {
                let name = entity_names.get(entity_index[ci]).cloned().unwrap_or_default();
                out.push(Conflict {
                    kind: ConflictKind::Role,
                    severity: Severity::Conflict,
                    subject: format!("{name}: {head}"),
                    fact: None,
                    values: value_list(docs, values),
                    word_diff: None,
                });
            }
        }
    }
}

fn words(s: &str) -> BTreeSet<String> {
    crate::sort::set(wording(s).into_iter().map(|t| t.folded.into_string()))
}

/// The tokens a quotation's wording is compared by: words and numbers, but not the minutes of
/// an o'clock time ("6:00 p.m." says what "6 p.m." says).
fn wording(s: &str) -> Vec<Token> {
    let mut toks = crate::text::tokenize(s, 0, s.len());
    let mut prev_colon = false;
    toks.retain(|t| {
        let on_the_hour = prev_colon && t.kind == TokKind::Number && t.folded == "00";
        prev_colon = t.folded == ":";
        (t.is_word() || t.kind == TokKind::Number) && !on_the_hour
    });
    toks
}

/// The word-level difference between two wordings (words and numbers compared folded, so case
/// and accents do not count; punctuation is ignored). Patience diff from the `similar` crate: it anchors on words that occur once in each, so content words line up rather than "and" or "the".
pub fn word_diff(a: &str, b: &str) -> Vec<WordDiff> {
    let words = |s: &str| -> Vec<(String, String)> {
        wording(s).into_iter().map(|t| (t.folded.to_string(), s[t.start..t.end].to_string())).collect()
    };
    let (wa, wb) = (words(a), words(b));
    let ka: Vec<&str> = wa.iter().map(|w| w.0.as_str()).collect();
    let kb: Vec<&str> = wb.iter().map(|w| w.0.as_str()).collect();
    let mut out: Vec<WordDiff> = Vec::new();
    let mut push = |op: DiffOp, ws: &[(String, String)]| {
        if ws.is_empty() {
            return;
        }
        let text = ws.iter().map(|w| w.1.as_str()).collect::<Vec<_>>().join(" ");
        match out.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => out.push(WordDiff { op, text }),
        }
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Patience, &ka, &kb) {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => push(DiffOp::Same, &wa[old_index..old_index + len]),
            similar::DiffOp::Delete { old_index, old_len, .. } => push(DiffOp::Removed, &wa[old_index..old_index + old_len]),
            similar::DiffOp::Insert { new_index, new_len, .. } => push(DiffOp::Added, &wb[new_index..new_index + new_len]),
            similar::DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                push(DiffOp::Removed, &wa[old_index..old_index + old_len]);
                push(DiffOp::Added, &wb[new_index..new_index + new_len]);
            }
        }
    }
    out
}

/// How two renderings of a quote differ.
#[derive(Debug, PartialEq, Eq)]
enum Rendering {
    /// Not in their words: a word diff with no change, or with words added (or only removed)
    /// at its ends ("…for the second time" / "…for the second time. You know what they say…"):
    /// the same quote cut at other places. Case, punctuation and quotation marks never count
    /// (see [`word_diff`]).
    Same,
    /// Only in the spelling of some words ("neighbourhood" / "neighborhood", "population's" /
    /// "populations'"): every changed word has a counterpart at least [`SPELLING_SIMILARITY`]
    /// alike (normalised Levenshtein), or writing the same number ("11th" / "eleventh").
    Spelling,
    /// In its words ("at Tyler" / "with Tyler").
    Words,
}

/// See [`Rendering::Spelling`]: "neighbourhood"/"neighborhood" is 0.92, "the"/"this" 0.5.
const SPELLING_SIMILARITY: f64 = 0.8;

/// A web site's name without its domain: "MySpace.com" → "MySpace".
fn strip_domain(w: &str) -> &str {
    [".com", ".org", ".net"].iter().find_map(|d| w.len().checked_sub(d.len()).filter(|&k| w.is_char_boundary(k) && w[k..].eq_ignore_ascii_case(d)).map(|k| &w[..k])).unwrap_or(w)
}

fn rendering(diff: &[WordDiff]) -> Rendering {
    let changed: Vec<(usize, DiffOp)> = diff.iter().enumerate().filter(|(_, d)| d.op != DiffOp::Same).map(|(i, d)| (i, d.op)).collect();
    let Some(&(_, op)) = changed.first() else { return Rendering::Same };
    if changed.iter().all(|&(i, o)| o == op && (i == 0 || i + 1 == diff.len())) {
        return Rendering::Same;
    }
    // A removed run right before an added run of as many words, each alike.
    let mut i = 0;
    while i < diff.len() {
        match (diff[i].op, diff.get(i + 1)) {
            (DiffOp::Same, _) => i += 1,
            (DiffOp::Removed, Some(next)) if next.op == DiffOp::Added => {
                let (a, b): (Vec<&str>, Vec<&str>) = (diff[i].text.split(' ').collect(), next.text.split(' ').collect());
                let lex = crate::lexicon::get();
                let word_by_word = a.len() == b.len()
                    && a.iter().zip(&b).all(|(x, y)| {
                        let (x, y) = (x.to_lowercase(), y.to_lowercase());
                        strsim::normalized_levenshtein(&x, &y) >= SPELLING_SIMILARITY || lex.single_number(&x).is_some_and(|v| lex.single_number(&y) == Some(v))
                    });
                // Written together or apart ("data centers" / "datacenters", "e-mail" / "email"),
                // a site with or without its domain ("MySpace.com" / "MySpace").
                let run = |words: &[&str]| -> String { words.iter().map(|w| strip_domain(w)).flat_map(|w| w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)).collect() };
                let alike = word_by_word || strsim::normalized_levenshtein(&run(&a), &run(&b)) >= SPELLING_SIMILARITY;
                if !alike {
                    return Rendering::Words;
                }
                i += 2;
            }
            _ => return Rendering::Words,
        }
    }
    Rendering::Spelling
}

/// Pairs of quotations of one speaker entity from different sources with mostly the same words,
/// in the order of the pairs (i, j), i < j. Quotations are indexed by speaker, so only pairs of one
/// speaker are tried, and each quotation's words are computed once.
fn quote_wording(docs: &[Doc], quotes: &[QuoteGroup], out: &mut Vec<Conflict>) {
    let mut by_speaker: HashMap<usize, Vec<usize>> = HashMap::default();
    for (i, q) in quotes.iter().enumerate() {
        if let Some(e) = q.speaker_entity {
            by_speaker.entry(e).or_default().push(i);
        }
    }
    let mut words_of: Vec<Option<BTreeSet<String>>> = vec![None; quotes.len()];
    for (i, a) in quotes.iter().enumerate() {
        let Some(same) = a.speaker_entity.and_then(|e| by_speaker.get(&e)) else { continue };
        for &j in &same[same.partition_point(|&k| k <= i)..] {
            let b = &quotes[j];
            if a.sources.iter().any(|s| b.sources.contains(s)) {
                continue;
            }
            words_of[i].get_or_insert_with(|| words(&a.text));
            words_of[j].get_or_insert_with(|| words(&b.text));
            let (Some(wa), Some(wb)) = (&words_of[i], &words_of[j]) else { continue };
            let inter = wa.intersection(wb).count();
            let union = wa.union(wb).count();
            if inter < 3 || inter * 2 < union {
                continue;
            }
            let diff = word_diff(&a.text, &b.text);
            let severity = match rendering(&diff) {
                Rendering::Same => continue,
                Rendering::Spelling => Severity::Compatible,
                Rendering::Words => Severity::Conflict,
            };
            let mk = |g: &QuoteGroup| ConflictValue {
                value: g.text.clone(),
                sources: g.sources.iter().map(|&d| docs[d].id.clone()).collect(),
                evidence: g.sentences.iter().map(|&(d, s)| evidence(docs, &sentence_unit(docs, d, s))).collect::<Vec<Evidence>>(),
            };
            out.push(Conflict {
                kind: ConflictKind::Quote,
                severity,
                subject: a.speaker.clone().unwrap_or_default(),
                fact: None,
                values: vec![mk(a), mk(b)],
                word_diff: Some(diff),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::word_diff;
    use crate::report::DiffOp::{self, *};

    fn diff(a: &str, b: &str) -> Vec<(DiffOp, String)> {
        word_diff(a, b).into_iter().map(|d| (d.op, d.text)).collect()
    }

    #[test]
    fn a_quote_worded_differently_carries_its_word_diff() {
        use crate::{compare, Article};
        let a = Article::new("a", "President Volodymyr Zelensky spoke in Kyiv on Monday.\n\"We want a complete, unconditional and honest ceasefire,\" Zelensky said.");
        let b = Article::new("b", "Volodymyr Zelensky addressed reporters on Monday.\n\"We want a full and unconditional ceasefire,\" Zelensky said in Kyiv.");
        let r = compare(&[a, b]).unwrap();
        let q = r.conflicts.iter().find(|c| c.kind == crate::report::ConflictKind::Quote).expect("a quote conflict");
        let d = q.word_diff.as_ref().expect("a word diff");
        assert!(d.iter().any(|x| x.op == Added && x.text.contains("full")), "{d:?}");
        assert!(d.iter().any(|x| x.op == Removed && x.text.contains("honest")), "{d:?}");
        assert!(r.conflicts.iter().filter(|c| c.kind != crate::report::ConflictKind::Quote).all(|c| c.word_diff.is_none()));
    }

    /// Two articles of one sentence each, compared with three unrelated ones (two articles alone
    /// give every shared word a low weight): the kinds and values of their conflicts (severity
    /// "conflict"), and whether the two sentences are one fact.
    fn conflicts_of(a: &str, b: &str) -> (Vec<(String, Vec<String>)>, bool) {
        use crate::{compare, Article};
        let others = [
            "The weather in Paris was mild on the weekend.",
            "Stock markets rose after the central bank kept interest rates unchanged.",
            "The football club signed a new striker from Brazil for a record fee.",
        ];
        let mut articles = vec![Article::new("a", a), Article::new("b", b)];
        articles.extend(others.iter().enumerate().map(|(i, t)| Article::new(format!("other{i}"), *t)));
        let r = compare(&articles).unwrap();
        let one_fact = r.facts.iter().any(|f| f.sources == ["a", "b"]);
        let conflicts = r
            .conflicts
            .iter()
            .filter(|c| c.severity == crate::report::Severity::Conflict)
            .map(|c| (format!("{:?}", c.kind), c.values.iter().map(|v| v.value.clone()).collect()))
            .collect();
        (conflicts, one_fact)
    }

    #[test]
    fn dates_and_numbers_of_the_same_thing_only() {
        use crate::Article;
        let s = |x: &str| x.to_string();
        let conflict = |kind: &str, values: &[&str]| vec![(s(kind), values.iter().map(|v| s(v)).collect::<Vec<_>>())];
        // (a, b, their conflicts). Each case that finds none has a twin just above it that finds
        // one, so that it tests the rule and not the matching.
        let cases: &[(&str, &str, Vec<(String, Vec<String>)>)] = &[
            // The same launch, two months: a conflict.
            (
                "Tara Reid has launched a new fashion line called Mantra in September.",
                "Tara Reid launched a new fashion line called Mantra in December.",
                conflict("Date", &["--09", "--12"]),
            ),
            (
                "Eric Kirkpatrick, 61, was charged with first-degree murder Saturday after a shooting at an office Christmas party in Vancouver.",
                "Eric Kirkpatrick, 61, was charged with first-degree murder on Friday after a shooting at an office Christmas party in Vancouver.",
                conflict("Date", &["weekday 5", "weekday 6"]),
            ),
            // The charge and the shooting: two moments of one story, not two dates of one.
            (
                "Eric Kirkpatrick, 61, was charged with first-degree murder Saturday after a shooting at an office Christmas party in Vancouver.",
                "Eric Kirkpatrick, 61, was charged with first-degree murder after a shooting at an office Christmas party in Vancouver Friday.",
                vec![],
            ),
            // In hospital three weeks or four: a conflict; a length and an offset of time: none.
            (
                "Bettie Page was taken to hospital in Los Angeles with pneumonia for three weeks, her agent said.",
                "Bettie Page was taken to hospital in Los Angeles with pneumonia for four weeks, her agent said.",
                conflict("Number", &["3", "4"]),
            ),
            (
                "Bettie Page was taken to hospital in Los Angeles with pneumonia for three weeks, her agent said.",
                "Bettie Page was taken to hospital in Los Angeles with pneumonia four weeks ago, her agent said.",
                vec![],
            ),
            // One forward's weight; then two players' weights.
            (
                "Creighton beat Wichita State as the 225-pound forward Doug McDermott scored 23 points.",
                "Creighton beat Wichita State as the 260-pound forward Doug McDermott scored 23 points.",
                conflict("Number", &["225", "260"]),
            ),
            (
                "Creighton beat Wichita State as the 225-pound forward Doug McDermott scored 23 points.",
                "Creighton beat Wichita State as the 260-pound Gregory Echenique scored 23 points.",
                vec![],
            ),
            // Passengers, then passengers and crew.
            (
                "Pirates forced the German cruise ship MS Columbus to fly its 246 passengers over the Gulf of Aden.",
                "Pirates forced the German cruise ship MS Columbus to fly its 420 passengers over the Gulf of Aden.",
                conflict("Number", &["246", "420"]),
            ),
            (
                "Pirates forced the German cruise ship MS Columbus to fly its 246 passengers over the Gulf of Aden.",
                "Pirates forced the German cruise ship MS Columbus to fly its 420 passengers and crew over the Gulf of Aden.",
                vec![],
            ),
            // One stat line told two ways; then two stat lines (two games or spans).
            (
                "Running back Jamaal Charles caught 29 passes for 201 yards against the Colts.",
                "Running back Jamaal Charles caught 39 passes for 201 yards against the Colts.",
                conflict("Number", &["29", "39"]),
            ),
            (
                "Running back Jamaal Charles caught 29 passes for 201 yards against the Colts.",
                "Running back Jamaal Charles caught 39 passes for 302 yards against the Colts.",
                vec![],
            ),
            // One man's age, told two ways.
            (
                "Police arrested Anthony LaCalamita, a 38-year-old Troy resident, after the office shooting.",
                "Police arrested Anthony LaCalamita, a 39-year-old Troy resident, after the office shooting.",
                conflict("Number", &["38", "39"]),
            ),
            (
                "Police arrested Anthony LaCalamita, a 38-year-old Troy resident, after the office shooting.",
                "Police arrested Anthony LaCalamita, a 39-year-old Troy man, after the office shooting.",
                conflict("Number", &["38", "39"]),
            ),
            // The wife's age is not a third value (nor, as one source's second value, a reason to
            // drop the conflict).
            (
                "Police arrested Anthony LaCalamita, a 38-year-old Troy resident, after the office shooting.",
                "Police arrested Anthony LaCalamita, a 39-year-old Troy resident, after the office shooting, his 36-year-old wife said.",
                conflict("Number", &["38", "39"]),
            ),
        ];
        for (a, b, want) in cases {
            let (got, one_fact) = conflicts_of(a, b);
            // Dates are compared inside facts only: the date cases must be one fact.
            let dated = crate::extract::analyze(&Article::new("a", *a)).dates.iter().any(|d| !d.stamp);
            assert!(one_fact || !dated, "not one fact: {a} / {b}");
            assert_eq!(&got, want, "{a} / {b}");
        }
    }

    /// Numbers are compared within one event group: two fires of one kind, told by two articles
    /// each, give no conflict over their death tolls; one fire told with two tolls does.
    #[test]
    fn numbers_of_two_events_are_not_compared() {
        use crate::{compare, Article};
        let oakland = |n: &str| format!("A fire destroyed a furniture warehouse in Oakland on March 3. The blaze killed {n} workers inside the warehouse, fire officials said. Mayor Jean Quan visited the site.");
        let dayton = |n: &str| format!("A fire destroyed a furniture warehouse in Dayton on June 9. The blaze killed {n} workers inside the warehouse, fire officials said. Mayor Nan Whaley visited the site.");
        let tolls = |texts: [String; 4]| -> Vec<Vec<String>> {
            let articles: Vec<Article> = texts.iter().enumerate().map(|(i, t)| Article::new(format!("a{i}"), t.as_str())).collect();
            let r = compare(&articles).unwrap();
            r.conflicts.iter().filter(|c| c.severity == crate::report::Severity::Conflict).map(|c| c.values.iter().map(|v| v.value.clone()).collect()).collect()
        };
        // One fire, two tolls: a conflict.
        assert_eq!(tolls([oakland("four"), oakland("five"), dayton("five"), dayton("five")]), vec![vec!["4".to_string(), "5".to_string()]]);
        // Two fires, a toll each: none.
        assert_eq!(tolls([oakland("four"), oakland("four"), dayton("five"), dayton("five")]), Vec::<Vec<String>>::new());
    }

    #[test]
    fn renderings_of_one_quote() {
        use super::{rendering, Rendering};
        let cases: &[(&str, &str, Rendering)] = &[
            ("We are ready.", "we are ready", Rendering::Same),
            ("for the second time", "for the second time. You know what they say", Rendering::Same),
            ("the governor has faith", "Whatever the motives, the governor has faith", Rendering::Same),
            ("locked down the neighbourhood", "locked down the neighborhood", Rendering::Spelling),
            ("rolling back this 11th hour regulation", "rolling back this eleventh-hour regulation", Rendering::Spelling),
            ("the 3 men and the twentieth day", "the three men and the 20th day", Rendering::Spelling),
            ("the 11th hour", "the 12th hour", Rendering::Words),
            ("gave himself up just after 6:00 p.m.", "gave himself up just after 6 p.m.", Rendering::Same),
            ("gave himself up just after 6:30 p.m.", "gave himself up just after 6 p.m.", Rendering::Words),
            ("the Greek population's anger", "the Greek populations' anger", Rendering::Spelling),
            ("compared in the same breath at Tyler", "compared in the same breath with Tyler", Rendering::Words),
            ("Nothing in the regulation relieves", "Nothing in this regulation relieves", Rendering::Words),
            ("makes this so insidious is it takes", "makes this so insidious it takes", Rendering::Words),
            // Written together or apart, a site with or without its domain: spelling.
            ("transform their data centers and build", "transform their datacenters and build", Rendering::Spelling),
            ("mobile e-mail and Flickr, and MySpace.com, the phone", "mobile email and Flickr and MySpace, the phone", Rendering::Spelling),
            // An abbreviation is other words.
            ("all IE customers to test", "all Internet Explorer customers to test", Rendering::Words),
        ];
        for (a, b, want) in cases {
            assert_eq!(&rendering(&super::word_diff(a, b)), want, "{a:?} / {b:?}");
        }
    }

    #[test]
    fn word_diff_table() {
        let s = |x: &str| x.to_string();
        let cases: &[(&str, &str, Vec<(DiffOp, String)>)] = &[
            ("a complete ceasefire", "a complete ceasefire", vec![(Same, s("a complete ceasefire"))]),
            (
                "a complete, unconditional and honest ceasefire",
                "a full and unconditional ceasefire",
                vec![(Same, s("a")), (Removed, s("complete unconditional")), (Added, s("full")), (Same, s("and")), (Removed, s("honest")), (Added, s("unconditional")), (Same, s("ceasefire"))],
            ),
            // Case and punctuation do not count; the first wording's spelling is shown.
            ("We Are Ready.", "we are ready", vec![(Same, s("We Are Ready"))]),
            ("", "new words", vec![(Added, s("new words"))]),
            ("old words", "", vec![(Removed, s("old words"))]),
        ];
        for (a, b, want) in cases {
            let got = diff(a, b);
            assert_eq!(&got, want, "{a:?} → {b:?}");
            // The runs rebuild both wordings.
            let rebuild = |skip: DiffOp| got.iter().filter(|d| d.0 != skip).map(|d| d.1.as_str()).collect::<Vec<_>>().join(" ");
            let words = |x: &str| x.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_lowercase();
            assert_eq!(words(&rebuild(Added)), words(a));
            assert_eq!(words(&rebuild(Removed)), words(b));
        }
    }
}

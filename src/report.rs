//! The comparison report: what the CLI prints as JSON and what the page renders.
//!
//! The whole schema is written down in `schema/report.schema.json`; this module is its Rust form.
//!
//! Invariants:
//! - Every span (`start`, `end`) is a half-open range into the *original* text of the source named
//!   beside it, in the unit named by [`Report::offset_unit`]: UTF-8 bytes natively, UTF-16 code
//!   units after the wasm facade has converted it (so JavaScript can `slice` with it directly).
//! - `sentence` is a 0-based index into that source's kept sentences (`SourceSummary::sentence_spans`).
//! - Source ids in `sources` lists are in input order; lists of items are in a deterministic
//!   order, so the same input gives byte-identical JSON.

use serde::{Deserialize, Serialize};

/// Version of the report layout; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The unit in which every `start`/`end` of a report is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OffsetUnit {
    /// Bytes of the UTF-8 encoding (Rust `str` indices).
    Utf8,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
}

/// The comparison of a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub offset_unit: OffsetUnit,
    pub sources: Vec<SourceSummary>,
    pub entities: Vec<Entity>,
    pub facts: Vec<Fact>,
    pub conflicts: Vec<Conflict>,
    pub quotes: Vec<Quote>,
    pub numbers: Vec<NumberMention>,
    pub dates: Vec<DateMention>,
    /// For each source, the facts most other sources report and it does not.
    pub omissions: Vec<Omission>,
    /// Sources that seem to cover a different event than the others.
    pub different_event: Vec<DifferentEvent>,
    /// Passages shared verbatim or near-verbatim between sources, and a source × source matrix.
    pub text_reuse: crate::comparison::reuse::TextReuse,
    /// Per source: opinion vs checkable-fact sentences, loaded words, hedges, attribution verbs.
    pub tone: Vec<crate::comparison::tone::ToneProfile>,
}

/// One input article as the engine saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    /// The caller's id (the file stem for CLI input).
    pub id: String,
    /// The given title, or one found in the text (a headline-like first line).
    pub title: String,
    pub words: usize,
    /// Number of sentences kept (after dropping boilerplate and repeated lines).
    pub sentences: usize,
    /// `[start, end]` of every kept sentence, in order.
    pub sentence_spans: Vec<[usize; 2]>,
    /// The group of articles that seem to tell the same event (0-based, numbered by first
    /// source; the main group is the largest). See `comparison::groups`.
    pub event_group: usize,
    pub warnings: Vec<Warning>,
}

/// Something the user should know about a source: a dropped line, an odd input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// Machine-readable kind: `duplicate-line`, `boilerplate`, `not-english`, `short`.
    pub kind: String,
    pub message: String,
    /// The passage concerned, when there is one.
    pub start: Option<usize>,
    pub end: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
    Other,
}

/// One real-world referent, merged within and across sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable within one report: `e0`, `e1`, …
    pub id: String,
    /// The canonical (most complete, most frequent) surface form.
    pub name: String,
    pub kind: EntityKind,
    /// Every other surface form merged into this entity.
    pub variants: Vec<String>,
    /// Sources that mention it, in input order.
    pub sources: Vec<String>,
    pub roles: Vec<Role>,
    pub mentions: Vec<Span>,
}

/// A title or role given to an entity, with the sources that give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Role {
    /// As normalised for comparison, e.g. "Defense Minister (Ukraine)".
    pub role: String,
    pub sources: Vec<String>,
    pub evidence: Vec<Span>,
}

/// A passage of one source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub source: String,
    pub start: usize,
    pub end: usize,
}

/// A statement told by one or more sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Stable within one report: `f0`, `f1`, …
    pub id: String,
    /// A short extractive summary (the most central evidence sentence).
    pub summary: String,
    /// Sources that tell it, in input order. One source = a single-source detail.
    pub sources: Vec<String>,
    /// Number of distinct sources (`sources.len()`).
    pub corroboration: usize,
    pub evidence: Vec<Evidence>,
    /// A single-source detail only: the ids of the corroborated facts that tell part of its
    /// clause (the clause is listed because most of it is told by this source alone). Absent
    /// when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partly_in: Vec<String>,
}

/// The sentence of one source that supports a fact or a value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub source: String,
    /// 0-based index into the source's kept sentences.
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// The sentence text, for display.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    Number,
    Date,
    Role,
    Quote,
    Other,
}

/// How strongly the values of a conflict disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The values cannot all be true.
    Conflict,
    /// The values are worded differently but can all be true ("less than two hours" / "just over an hour").
    Compatible,
}

/// Sources that disagree about one subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub severity: Severity,
    /// What the values are about: a person's name, a counted thing.
    pub subject: String,
    /// The fact the values were found in, when there is one.
    pub fact: Option<String>,
    pub values: Vec<ConflictValue>,
    /// For a quote worded differently: the word-level difference from the first value's
    /// wording to the second's (absent for other kinds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word_diff: Option<Vec<WordDiff>>,
}

/// One run of a word-level difference between two wordings.
///
/// - Concatenating the `text` of the `same` and `removed` runs (with spaces) gives the first
///   wording's words; `same` and `added` give the second's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordDiff {
    pub op: DiffOp,
    /// The words of the run as written (in the first wording for `same` and `removed`).
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    Same,
    Removed,
    Added,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictValue {
    pub value: String,
    pub sources: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    /// The speaker's canonical entity name, or the phrase the text uses ("one of the leaders").
    pub speaker: Option<String>,
    pub sources: Vec<String>,
    pub evidence: Vec<Span>,
}

/// A number with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    pub source: String,
    /// The text as written ("one thousand prisoners of war").
    pub text: String,
    /// The value as an interval, e.g. "<2", "1000", ">=30", "~6000".
    pub value: String,
    /// The counted thing, normalised ("prisoner of war", "hour"); empty when unknown.
    pub counts: String,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
}

/// A calendar date or year as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub source: String,
    pub text: String,
    /// ISO-like: "2022", "2022-03", "2025-05-12", "--05-12" (no year), "mid --03", "weekday 1" (Monday).
    pub value: String,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
}

/// A fact most other sources report that this source does not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Omission {
    pub source: String,
    /// The fact's id.
    pub fact: String,
    pub summary: String,
    /// The sources that do report it.
    pub told_by: Vec<String>,
}

/// A source that seems to report a different event than the others, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DifferentEvent {
    pub source: String,
    /// Human-readable reasons.
    pub reasons: Vec<String>,
    /// The sentences behind the reasons, when there are some.
    pub evidence: Vec<Evidence>,
}

//! Comparison (stub).
use crate::extract::Doc;
use crate::report::*;
pub fn compare(docs: &[Doc]) -> Report {
    Report { schema_version: SCHEMA_VERSION, offset_unit: OffsetUnit::Utf8,
      sources: docs.iter().map(|d| SourceSummary { id: d.id.clone(), title: d.title.clone(), words: d.words, sentences: d.sentences.len(), sentence_spans: d.sentences.iter().map(|s| [s.start, s.end]).collect(), warnings: d.warnings.clone() }).collect(),
      entities: vec![], facts: vec![], conflicts: vec![], quotes: vec![], numbers: vec![] }
}

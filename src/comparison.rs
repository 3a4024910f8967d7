//! Comparison (stub).
use crate::extract::Doc;
use crate::report::*;
pub fn compare(docs: &[Doc]) -> Report {
    Report { schema_version: SCHEMA_VERSION, offset_unit: OffsetUnit::Utf8,
      sources: docs.iter().map(|d| SourceSummary { id: d.id.clone(), title: d.title.clone(), words: d.text.split_whitespace().count(), sentences: 1, sentence_spans: vec![[0, d.text.len()]], warnings: vec![] }).collect(),
      entities: vec![], facts: docs.iter().enumerate().map(|(i,d)| Fact{ id: format!("f{i}"), summary: d.text.chars().take(80).collect(), sources: vec![d.id.clone()], corroboration: 1, evidence: vec![Evidence{source:d.id.clone(), sentence:0, start:0, end:d.text.len(), text: d.text.clone()}]}).collect(),
      conflicts: vec![], quotes: vec![], numbers: vec![] }
}

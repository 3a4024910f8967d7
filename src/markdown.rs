//! The report as a readable Markdown brief, with citations to source and sentence.
//!
//! Citations read `[source §n]`: sentence n (1-based, as people count) of that source.

use std::fmt::Write;

use crate::report::{ConflictKind, Evidence, Report, Severity};

/// Renders the report. Pure: no I/O.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let corroborated: Vec<_> = r.facts.iter().filter(|f| f.corroboration >= 2).collect();
    let single: Vec<_> = r.facts.iter().filter(|f| f.corroboration == 1).collect();
    let _ = writeln!(out, "# Comparison of {} sources\n", r.sources.len());
    let _ = writeln!(
        out,
        "{} corroborated facts, {} conflicts, {} single-source details.\n",
        corroborated.len(),
        r.conflicts.len(),
        single.len()
    );
    out.push_str("## Sources\n\n");
    for s in &r.sources {
        let _ = writeln!(out, "- **{}**: {} ({} words, {} sentences)", s.id, s.title, s.words, s.sentences);
        for w in &s.warnings {
            let _ = writeln!(out, "  - note: {}", w.message);
        }
    }
    out.push_str("\n## Conflicts\n\n");
    if r.conflicts.is_empty() {
        out.push_str("None found.\n");
    }
    for c in &r.conflicts {
        let kind = match c.kind {
            ConflictKind::Number => "number",
            ConflictKind::Date => "date",
            ConflictKind::Role => "role",
            ConflictKind::Quote => "quote",
            ConflictKind::Other => "other",
        };
        let sev = match c.severity {
            Severity::Conflict => "conflict",
            Severity::Compatible => "differs, compatible",
        };
        let _ = writeln!(out, "- **{}** ({kind}, {sev})", c.subject);
        for v in &c.values {
            let _ = writeln!(out, "  - \"{}\" — {}", v.value, cite(&v.evidence, &v.sources));
        }
    }
    out.push_str("\n## Corroborated facts\n\n");
    if corroborated.is_empty() {
        out.push_str("None found.\n");
    }
    for f in &corroborated {
        let _ = writeln!(out, "- {} — {} sources: {}", f.summary, f.corroboration, cite(&f.evidence, &f.sources));
    }
    out.push_str("\n## Single-source details\n\n");
    for f in &single {
        let _ = writeln!(out, "- {} — {}", f.summary, cite(&f.evidence, &f.sources));
    }
    if !r.quotes.is_empty() {
        out.push_str("\n## Quotes\n\n");
        for q in &r.quotes {
            let who = q.speaker.as_deref().unwrap_or("unattributed");
            let _ = writeln!(out, "- “{}” — {who} ({})", q.text, q.sources.join(", "));
        }
    }
    if !r.entities.is_empty() {
        out.push_str("\n## People, places and organisations\n\n");
        for e in &r.entities {
            let kind = serde_json::to_value(e.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            let _ = write!(out, "- **{}** ({kind}; {} sources)", e.name, e.sources.len());
            if !e.variants.is_empty() {
                let _ = write!(out, ", also written {}", e.variants.join(", "));
            }
            for role in &e.roles {
                let _ = write!(out, "; {} [{}]", role.role, role.sources.join(", "));
            }
            out.push('\n');
        }
    }
    out
}

fn cite(evidence: &[Evidence], sources: &[String]) -> String {
    if evidence.is_empty() {
        return sources.join(", ");
    }
    evidence.iter().map(|e| format!("[{} §{}]", e.source, e.sentence + 1)).collect::<Vec<_>>().join(" ")
}

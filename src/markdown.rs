//! The report as a readable Markdown brief, with citations to source and sentence.
//!
//! Citations read `[source §n]`: sentence n (1-based, as people count) of that source.

use std::fmt::Write;

use crate::report::{ConflictKind, DiffOp, Evidence, Fact, Report, Severity};

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
            // A number's bound in words, as the page shows it: "<~235000" (just under 235000).
            let reading = if c.kind == ConflictKind::Number { crate::extract::numbers::display_reading(&v.value).map(|r| format!(" ({r})")).unwrap_or_default() } else { String::new() };
            let _ = writeln!(out, "  - \"{}\"{reading} — {}", v.value, cite(&v.evidence, &v.sources));
        }
        if let Some(diff) = &c.word_diff {
            // Markdown's strike-through for words only in the first wording, bold for the second's.
            let runs: Vec<String> = diff
                .iter()
                .map(|d| match d.op {
                    DiffOp::Same => d.text.clone(),
                    DiffOp::Removed => format!("~~{}~~", d.text),
                    DiffOp::Added => format!("**{}**", d.text),
                })
                .collect();
            let _ = writeln!(out, "  - word difference: {}", runs.join(" "));
        }
    }
    if !r.different_event.is_empty() {
        out.push_str("\n## Possibly a different event\n\n");
        for d in &r.different_event {
            let _ = writeln!(out, "- **{}**: {} {}", d.source, d.reasons.join("; "), cite(&d.evidence, &[]));
        }
    }
    out.push_str("\n## Corroborated facts\n\n");
    if corroborated.is_empty() {
        out.push_str("None found.\n");
    }
    for f in &corroborated {
        let _ = write!(out, "- {} — {} sources: {}", f.summary, f.corroboration, cite(&f.evidence, &f.sources));
        // A source flagged as possibly telling a different event ("a second meeting") does not
        // corroborate this one's facts: said, so that its agreement is not read as such.
        let flagged: Vec<&str> = f.sources.iter().filter(|s| r.different_event.iter().any(|d| &d.source == *s)).map(String::as_str).collect();
        if !flagged.is_empty() {
            let others = f.corroboration - flagged.len();
            let _ = write!(out, " — {} possibly about a different event", flagged.join(", "));
            if others < 2 {
                let _ = write!(out, "; only {others} source of this event tells it");
            }
        }
        out.push('\n');
    }
    out.push_str("\n## Single-source details\n\n");
    // The corroborated facts by id, for the details' `partly_in`.
    let by_id: std::collections::HashMap<&str, &&Fact> = corroborated.iter().map(|g| (g.id.as_str(), g)).collect();
    for f in &single {
        let _ = write!(out, "- {} — {}", f.summary, cite(&f.evidence, &f.sources));
        // The part of the clause that other sources tell too, by the fact's summary.
        let partly: Vec<String> = f
            .partly_in
            .iter()
            .filter_map(|id| by_id.get(id.as_str()))
            .map(|g| format!("“{}” ({} sources)", g.summary, g.corroboration))
            .collect();
        if !partly.is_empty() {
            let _ = write!(out, " — partly corroborated: {}", partly.join("; "));
        }
        out.push('\n');
    }
    if !r.omissions.is_empty() {
        out.push_str("\n## Omissions\n\n");
        for s in &r.sources {
            let missing: Vec<_> = r.omissions.iter().filter(|o| o.source == s.id).collect();
            if !missing.is_empty() {
                let _ = writeln!(out, "- **{}** does not report:", s.id);
                for o in missing {
                    let _ = writeln!(out, "  - {} (told by {})", o.summary, o.told_by.join(", "));
                }
            }
        }
    }
    if !r.text_reuse.passages.is_empty() {
        out.push_str("\n## Shared passages (text reuse)\n\n");
        for p in &r.text_reuse.passages {
            let _ = writeln!(out, "- {} ↔ {} ({} words, similarity {:.2}): “{}”", p.a.source, p.b.source, p.words, p.similarity, p.a.text);
        }
    }
    if !r.tone.is_empty() {
        out.push_str("\n## Tone\n\n| source | opinion share | loaded words | hedges | attribution (neutral / doubt / endorse / emotive) |\n| --- | --- | --- | --- | --- |\n");
        for t in &r.tone {
            let c = |k: &str| t.attribution_counts.get(k).copied().unwrap_or(0);
            let _ = writeln!(
                out,
                "| {} | {:.0}% | {} | {} | {} / {} / {} / {} |",
                t.source,
                t.opinion_share * 100.0,
                t.loaded.len(),
                t.hedges.len(),
                c("neutral"),
                c("doubt"),
                c("endorse"),
                c("emotive")
            );
        }
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

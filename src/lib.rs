//! # Corroborate
//!
//! Compare several news articles about one story: what the sources agree on, where they
//! conflict, and what only one of them says. The same core runs natively (library and the
//! `corroborate` CLI) and in the browser (wasm, see [`wasm`]). It does no I/O, reads no clock
//! and starts no thread.
//!
//! ## Table of contents
//! - [`compare`]: the one entry point: [`Article`]s in, a [`Report`] out.
//! - [`report`]: the report types (the JSON contract, also in `schema/report.schema.json`).
//! - [`text`]: normalisation, lines, sentences and tokens, boilerplate and repeated lines.
//! - [`extract`]: per-article extraction: entities with roles, numbers with what they count,
//!   quotes with speakers.
//! - [`comparison`]: cross-source work: entity merging, event groups of articles, facts from
//!   matched pieces of sentences, conflicts, omissions, text reuse, tone.
//! - [`markdown`]: the report as a readable Markdown brief.
//! - `json` (private): the pretty JSON layout of [`to_json`] and [`write_json`].
//! - [`html`]: a pasted or dropped web page → the article's headline and text ([`html::clean`]).
//! - [`offsets`]: UTF-8 → UTF-16 conversion of a report's spans (used at the wasm boundary).
//! - [`lexicon`]: the word lists, gazetteers and their provenance.
//! - [`Error`]: the one error type.
//!
//! ## Example
//! ```
//! use corroborate::{compare, Article};
//! let a = Article::new("a", "Talks in Istanbul ended after less than two hours. Both sides agreed to exchange 1,000 prisoners of war.");
//! let b = Article::new("b", "Russia and Ukraine agreed to swap 1,000 prisoners of war at the talks in Istanbul.");
//! let report = compare(&[a, b]).unwrap();
//! assert!(report.facts.iter().any(|f| f.sources.len() == 2));
//! ```

pub mod comparison;
mod error;
pub mod extract;
pub mod html;
mod json;
pub mod lexicon;
pub mod markdown;
pub mod offsets;
pub mod report;
mod sort;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, ErrorKind};
pub use report::Report;

use serde::{Deserialize, Serialize};

/// The largest article accepted, in UTF-8 bytes (a long article is ~50 KB).
pub const MAX_ARTICLE_BYTES: usize = 5_000_000;
/// The largest set of articles accepted together, in UTF-8 bytes.
pub const MAX_TOTAL_BYTES: usize = 50_000_000;

/// One article to compare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// A short unique name: the file stem, the outlet, "Article 1".
    pub id: String,
    /// The headline, when the caller knows it; otherwise it is taken from the text.
    #[serde(default)]
    pub title: Option<String>,
    /// The plain text of the article.
    pub text: String,
}

impl Article {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article { id: id.into(), title: None, text: text.into() }
    }
}

/// Compares the articles and builds the report (offsets in UTF-8 bytes).
///
/// Errors when fewer than two articles are given, one is empty, two share an id, or the input
/// is over the size limits. Never panics on any text.
pub fn compare(articles: &[Article]) -> Result<Report, Error> {
    validate(articles)?;
    let mut docs: Vec<extract::Doc> = articles.iter().map(extract::analyze).collect();
    extract::input::warn_copies(&mut docs);
    Ok(comparison::compare(&docs))
}

fn validate(articles: &[Article]) -> Result<(), Error> {
    if articles.len() < 2 {
        return Err(Error::new(ErrorKind::TooFewArticles(articles.len())));
    }
    let mut total = 0usize;
    let mut seen = std::collections::BTreeSet::new();
    for a in articles {
        if !seen.insert(a.id.as_str()) {
            return Err(Error::new(ErrorKind::DuplicateId(a.id.clone())));
        }
        if a.text.trim().is_empty() {
            return Err(Error::new(ErrorKind::EmptyArticle(a.id.clone())));
        }
        if a.text.len() > MAX_ARTICLE_BYTES {
            return Err(Error::new(ErrorKind::ArticleTooLarge(a.id.clone(), a.text.len())));
        }
        total += a.text.len();
    }
    if total > MAX_TOTAL_BYTES {
        return Err(Error::new(ErrorKind::InputTooLarge(total)));
    }
    Ok(())
}

/// The report as pretty-printed JSON (stable key order, trailing newline).
pub fn to_json(report: &Report) -> String {
    let mut out = Vec::with_capacity(128);
    write_json(&mut out, report).expect("report types always serialise");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes what [`to_json`] returns, streamed into `out` (the CLI writes to stdout this way:
/// no copy of the whole text is held).
pub fn write_json<W: std::io::Write>(out: W, report: &Report) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, json::Pretty::default());
    report.serialize(&mut ser)?;
    ser.into_inner().write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_input_with_a_message() {
        let one = [Article::new("a", "Some text.")];
        assert!(compare(&one).unwrap_err().to_string().contains("only 1 article"));
        assert!(compare(&[]).unwrap_err().to_string().contains("no articles"));
        let empty = [Article::new("a", "Text."), Article::new("b", "  \n ")];
        assert_eq!(compare(&empty).unwrap_err().kind(), &ErrorKind::EmptyArticle("b".into()));
        let dup = [Article::new("a", "Text."), Article::new("a", "More.")];
        assert_eq!(compare(&dup).unwrap_err().kind(), &ErrorKind::DuplicateId("a".into()));
        let big = [Article::new("a", "x".repeat(MAX_ARTICLE_BYTES + 1)), Article::new("b", "y")];
        assert!(matches!(compare(&big).unwrap_err().kind(), ErrorKind::ArticleTooLarge(..)));
    }
}

//! The one error type of the crate.

use std::fmt;

/// Why a comparison could not be made. Opaque: match on [`Error::kind`] if you must branch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong, for callers that branch on it (the CLI's exit code, the page's message).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Fewer than two articles were given; the count is attached.
    TooFewArticles(usize),
    /// An article has no text (after trimming white space); its id is attached.
    EmptyArticle(String),
    /// Two articles share one id.
    DuplicateId(String),
    /// An article is larger than [`crate::MAX_ARTICLE_BYTES`]; its id and size are attached.
    ArticleTooLarge(String, usize),
    /// The articles together are larger than [`crate::MAX_TOTAL_BYTES`].
    InputTooLarge(usize),
    /// The request itself could not be read (wasm facade: malformed JSON).
    BadRequest(String),
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error { kind }
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::TooFewArticles(0) => write!(f, "no articles given: add at least two articles about the same story"),
            ErrorKind::TooFewArticles(n) => write!(
                f,
                "only {n} article given: add at least one more article about the same story to compare"
            ),
            ErrorKind::EmptyArticle(id) => write!(f, "article \"{id}\" is empty: paste its text or remove it"),
            ErrorKind::DuplicateId(id) => write!(f, "two articles are both called \"{id}\": give each a different name"),
            ErrorKind::ArticleTooLarge(id, n) => write!(
                f,
                "article \"{id}\" is {:.1} MB, over the {} MB limit for one article: paste only the article body",
                *n as f64 / 1e6,
                crate::MAX_ARTICLE_BYTES / 1_000_000
            ),
            ErrorKind::InputTooLarge(n) => write!(
                f,
                "the articles together are {:.1} MB, over the {} MB limit: compare fewer or shorter articles",
                *n as f64 / 1e6,
                crate::MAX_TOTAL_BYTES / 1_000_000
            ),
            ErrorKind::BadRequest(why) => write!(f, "the request could not be read: {why}"),
        }
    }
}

impl std::error::Error for Error {}

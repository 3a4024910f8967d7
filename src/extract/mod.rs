//! Per-article extraction: sentences with their matching terms, entity mentions with roles,
//! numbers with what they count, dates, and quotes with speakers.
//!
//! Every item carries a byte span of the article text. Nothing here looks at other articles:
//! cross-source merging is [`crate::comparison`]'s job.

pub mod entities;
pub mod numbers;
pub mod quotes;

use std::collections::HashSet;

use crate::lexicon;
use crate::report::Warning;
use crate::text::{self, Token, TokKind};
use crate::Article;

pub use entities::{Mention, RoleMention};
pub use numbers::{DateMention, Quantity};
pub use quotes::QuoteMention;

/// One analysed article.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    pub title: String,
    pub text: String,
    pub words: usize,
    pub warnings: Vec<Warning>,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    pub quotes: Vec<QuoteMention>,
}

/// A kept sentence.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Byte span in the article text.
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
    /// Content terms for matching: folded, synonyms merged, stemmed, stop words removed. Sorted, unique.
    pub terms: Vec<String>,
    /// Most words are capitalised and there is no final stop: a headline.
    pub headline: bool,
}

/// Analyses one article.
pub fn analyze(article: &Article) -> Doc {
    let text = article.text.as_str();
    let seg = text::segment(text);
    let sentences: Vec<Sentence> = seg
        .sentences
        .iter()
        .map(|&(s, e)| {
            let tokens = text::tokenize(text, s, e);
            let terms = terms(&tokens);
            let headline = is_headline(text, &tokens);
            Sentence { start: s, end: e, tokens, terms, headline }
        })
        .collect();
    let lower_words: HashSet<&str> = sentences
        .iter()
        .flat_map(|s| s.tokens.iter())
        .filter(|t| t.is_word() && !t.cap)
        .map(|t| t.folded.as_str())
        .collect();
    let mid_caps: HashSet<&str> = sentences
        .iter()
        .flat_map(|s| {
            let first = s.tokens.iter().position(|t| t.is_word()).unwrap_or(0);
            s.tokens.iter().skip(first + 1)
        })
        .filter(|t| t.is_word() && t.cap)
        .map(|t| t.folded.as_str())
        .collect();
    let mut mentions = entities::extract(text, &sentences, &lower_words, &mid_caps);
    entities::resolve_in_doc(&mut mentions);
    let (quantities, dates) = numbers::extract(text, &sentences);
    let quotes = quotes::extract(text, &sentences, &mentions);
    let title = match &article.title {
        Some(t) if !t.trim().is_empty() => t.trim().to_string(),
        _ => match seg.title {
            Some((s, e)) => text[s..e].to_string(),
            None => sentences.first().map(|s| clip(&text[s.start..s.end], 100)).unwrap_or_default(),
        },
    };
    Doc {
        id: article.id.clone(),
        title,
        text: article.text.clone(),
        words: text::word_count(text),
        warnings: seg.warnings,
        sentences,
        mentions,
        quantities,
        dates,
        quotes,
    }
}

fn clip(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

fn is_headline(text: &str, tokens: &[Token]) -> bool {
    let lex = lexicon::get();
    let last = text[..tokens.last().map_or(0, |t| t.end)].trim_end_matches(['"', '”', '’', ')']);
    if last.ends_with(['.', '!', '?']) {
        return false;
    }
    let content: Vec<&Token> = tokens.iter().filter(|t| t.is_word() && !lex.is_stopword(&t.folded)).collect();
    content.len() >= 3 && content.iter().filter(|t| t.cap).count() * 5 >= content.len() * 4
}

/// Light suffix stripping for matching ("exchanged" ~ "exchange", "talks" ~ "talk"): enough for
/// news English, where a full lemmatiser would cost more than it gains here.
pub fn stem(w: &str) -> String {
    let mut s = singular(w);
    let n = s.chars().count();
    if n > 5 && s.ends_with("ing") {
        s.truncate(s.len() - 3);
    } else if n > 4 && s.ends_with("ed") {
        s.truncate(s.len() - 2);
    }
    if s.chars().count() > 3 && s.ends_with('e') {
        s.pop();
    }
    s
}

/// The singular of a regular English plural ("countries" → "country", "POWs" → "pow").
pub fn singular(w: &str) -> String {
    let mut s = w.to_string();
    let n = s.chars().count();
    if n > 4 && s.ends_with("ies") {
        s.truncate(s.len() - 3);
        s.push('y');
    } else if n > 4 && s.ends_with("sses") {
        s.truncate(s.len() - 2);
    } else if n > 3 && s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is") {
        s.pop();
    }
    s
}

/// The matching terms of a token sequence: synonym phrases merged first (longest match), then
/// single words canonicalised and stemmed; stop words and punctuation dropped.
pub fn terms(tokens: &[Token]) -> Vec<String> {
    let lex = lexicon::get();
    let words: Vec<&Token> = tokens.iter().filter(|t| t.kind != TokKind::Punct || t.folded == "-").collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut matched = 0;
        for len in (2..=lex.synonym_max_words * 2 - 1).rev() {
            if i + len > words.len() {
                continue;
            }
            let phrase = join_phrase(&words[i..i + len]);
            if let Some(c) = lex.synonyms.get(&phrase) {
                out.push(stem(c));
                matched = len;
                break;
            }
        }
        if matched > 0 {
            i += matched;
            continue;
        }
        let t = words[i];
        i += 1;
        if t.kind == TokKind::Punct || lex.is_stopword(&t.folded) || lex.speech_verbs.contains(&t.folded) {
            continue;
        }
        let w = t.folded.trim_end_matches('.');
        if w.chars().count() < 2 && t.kind == TokKind::Word {
            continue;
        }
        out.push(stem(lex.canonical(w)));
    }
    out.sort();
    out.dedup();
    out
}

/// Folded words joined as the lexicon writes phrases: "cease" "-" "fire" → "cease-fire".
fn join_phrase(tokens: &[&Token]) -> String {
    let mut s = String::new();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 && t.folded != "-" && tokens[k - 1].folded != "-" {
            s.push(' ');
        }
        s.push_str(&t.folded);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_news_inflections_together() {
        for (a, b) in [("exchanged", "exchange"), ("talks", "talk"), ("prisoners", "prisoner"), ("agreeing", "agree"), ("countries", "country")] {
            assert_eq!(stem(a), stem(b), "{a} ~ {b}");
        }
        assert_ne!(stem("war"), stem("ward"));
    }

    #[test]
    fn terms_merge_synonyms_and_phrases() {
        let t = |s: &str| terms(&text::tokenize(s, 0, s.len()));
        assert_eq!(t("a cease-fire"), t("the truce"));
        assert_eq!(t("1,000 POWs were swapped"), t("1,000 prisoners of war were exchanged"));
        assert!(!t("the talks").is_empty());
        assert!(t("the of and").is_empty());
    }

    #[test]
    fn headline_detection() {
        let h = "Stalemate in Peace Talks as Ukraine and Russia Agree on Prisoner Swap";
        assert!(is_headline(h, &text::tokenize(h, 0, h.len())));
        let s = "Ukraine and Russia agreed on a prisoner swap in Istanbul.";
        assert!(!is_headline(s, &text::tokenize(s, 0, s.len())));
    }
}

//! Direct quotations (curly or straight quotes, partial or multi-sentence) with their speakers.
//!
//! The speaker is found, in this order, from: a speech verb right after the quote ("…,” said X /
//! “…,” X remarked / “…,” he said), a speech verb right before it (X said: “…”), and otherwise
//! the nearest person named earlier in the same sentence (partial quotes in running text).
//! Pronouns resolve to the nearest person mentioned before the quote.

use super::{Mention, Sentence};
use crate::lexicon;
use crate::report::EntityKind;
use crate::text::{find_byte, Token};

/// Who said a quote.
#[derive(Debug, Clone, PartialEq)]
pub enum Speaker {
    /// Index into the article's mentions.
    Mention(usize),
    /// A description the text gives instead of a name: "one of the leaders".
    Phrase(String),
}

/// A quotation in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMention {
    /// Sentence holding the opening quote mark.
    pub sentence: usize,
    /// Byte span of the quoted words (inside the marks).
    pub start: usize,
    pub end: usize,
    pub speaker: Option<Speaker>,
}

/// Finds the quotations of an article.
pub fn extract(text: &str, sentences: &[Sentence], mentions: &[Mention]) -> Vec<QuoteMention> {
    let mut out = Vec::new();
    let spans = quote_spans(text);
    for &(open, close) in &spans {
        let inner = &text[open..close];
        if inner.split_whitespace().count() < 2 {
            continue;
        }
        let Some(sentence) = sentences.iter().position(|s| s.start <= open && open < s.end.max(s.start + 1)) else { continue };
        let speaker = speaker(text, sentences, mentions, &spans, sentence, open, close);
        out.push(QuoteMention { sentence, start: open, end: close, speaker });
    }
    out
}

/// Byte spans inside matching quote marks: “…” pairs, and "…" pairs within one line.
fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open_curly: Option<usize> = None;
    let mut open_straight: Option<usize> = None;
    // Bytes rather than characters (cheaper to find): '"' and '\n' are bytes no other character
    // contains, and “ and ” are E2 80 9C and E2 80 9D.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(i) = find_byte(bytes, at, |b| (b == b'"') | (b == b'\n') | (b == 0xE2)) {
        at = i + 1;
        match bytes[i] {
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0x9C]) => open_curly = Some(i + 3),
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0x9D]) => {
                if let Some(o) = open_curly.take() {
                    out.push(trimmed(text, o, i));
                }
            }
            b'"' => match open_straight.take() {
                Some(o) => out.push(trimmed(text, o, i)),
                None => open_straight = Some(i + 1),
            },
            b'\n' => open_straight = None,
            _ => {}
        }
    }
    out.sort_unstable();
    out
}

fn trimmed(text: &str, s: usize, e: usize) -> (usize, usize) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    (s + lead, s + lead + piece.trim().len())
}

/// The tokens inside `[a, b)`, in text order. Only the sentences that overlap it are read (the
/// sentences are in text order and do not overlap; their tokens lie inside them).
fn tokens_between(sentences: &[Sentence], a: usize, b: usize) -> Vec<&Token> {
    let first = sentences.partition_point(|s| s.end <= a);
    sentences[first..].iter().take_while(|s| s.start < b).flat_map(|s| s.tokens.iter()).filter(|t| t.start >= a && t.end <= b).collect()
}

fn is_pronoun(t: &Token) -> bool {
    matches!(t.folded.as_str(), "he" | "she" | "they")
}

fn mention_at(mentions: &[Mention], start: usize) -> Option<usize> {
    mentions.iter().position(|m| m.start == start)
}

/// A person, or a one-word name whose kind is still open (settled across articles later).
fn maybe_person(m: &Mention) -> bool {
    m.kind == EntityKind::Person || (m.guessed && m.kind == EntityKind::Other)
}

/// The nearest person named before `pos`, outside any quotation.
fn nearest_person_before(mentions: &[Mention], quotes: &[(usize, usize)], pos: usize) -> Option<usize> {
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.end <= pos && maybe_person(m) && !quotes.iter().any(|&(a, b)| a <= m.start && m.end <= b))
        .max_by_key(|(_, m)| m.end)
        .map(|(i, _)| i)
}

fn speaker(text: &str, sentences: &[Sentence], mentions: &[Mention], quotes: &[(usize, usize)], si: usize, open: usize, close: usize) -> Option<Speaker> {
    let lex = lexicon::get();
    // After the quote: up to the end of the sentence that holds the closing mark (or the next).
    let after_end = sentences.iter().find(|s| s.end > close).map_or(text.len(), |s| s.end);
    let after: Vec<&Token> = tokens_between(sentences, close, after_end)
        .into_iter()
        .skip_while(|t| !t.is_word() && t.start < close + 4)
        .take(10)
        .collect();
    if let Some(v) = after.iter().take(6).position(|t| lex.speech_verbs.contains(t.folded.as_str())) {
        // "…,” he said / “…,” Zelensky remarked
        if v > 0 {
            let subj = after[v - 1];
            if is_pronoun(subj) {
                return nearest_person_before(mentions, quotes, open).map(Speaker::Mention);
            }
            if let Some(m) = mentions.iter().position(|m| m.end == subj.end) {
                return Some(Speaker::Mention(m));
            }
        }
        // "…,” said Zelensky / stated one of the leaders
        if let Some(next) = after.get(v + 1) {
            if let Some(m) = mention_at(mentions, next.start) {
                return Some(Speaker::Mention(m));
            }
            if is_pronoun(next) {
                return nearest_person_before(mentions, quotes, open).map(Speaker::Mention);
            }
            let phrase: Vec<&str> = after[v + 1..].iter().take_while(|t| t.is_word()).take(5).map(|t| t.text(text)).collect();
            if !phrase.is_empty() && !lex.is_stopword(&after[v + 1].folded) || phrase.len() > 1 {
                return Some(Speaker::Phrase(phrase.join(" ")));
            }
        }
    }
    // Before the quote, in its sentence: "X said: “…”", "X said that “…”".
    let s = &sentences[si];
    let before: Vec<&Token> = tokens_between(sentences, s.start, open).into_iter().collect();
    let words: Vec<&&Token> = before.iter().rev().filter(|t| t.is_word()).take(3).collect();
    if let Some(k) = words.iter().position(|t| lex.speech_verbs.contains(t.folded.as_str())) {
        let verb = words[k];
        if let Some(m) = mentions.iter().position(|m| m.end <= verb.start && m.sentence == si && verb.start - m.end <= 2) {
            return Some(Speaker::Mention(m));
        }
        if let Some(p) = before.iter().rev().find(|t| t.end <= verb.start && t.is_word()) {
            if is_pronoun(p) {
                return nearest_person_before(mentions, quotes, open).map(Speaker::Mention);
            }
        }
    }
    // "according to X" after the quote.
    if let Some(k) = after.iter().position(|t| t.folded == "according") {
        if let Some(m) = after.get(k + 2).and_then(|t| mention_at(mentions, t.start)) {
            return Some(Speaker::Mention(m));
        }
    }
    // A partial quote in running text: the nearest person earlier in the sentence.
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.sentence == si && m.end <= open && maybe_person(m))
        .max_by_key(|(_, m)| m.end)
        .map(|(i, _)| Speaker::Mention(i))
}

#[cfg(test)]
mod tests {
    use crate::Article;

    fn quotes(t: &str) -> Vec<(String, Option<String>)> {
        let d = crate::extract::analyze(&Article::new("t", t));
        d.quotes
            .iter()
            .map(|q| {
                let who = q.speaker.as_ref().map(|s| match s {
                    super::Speaker::Mention(i) => d.mentions[*i].surface.clone(),
                    super::Speaker::Phrase(p) => p.clone(),
                });
                (t[q.start..q.end].to_string(), who)
            })
            .collect()
    }

    #[test]
    fn finds_speakers() {
        let cases: Vec<(&str, Vec<(&str, Option<&str>)>)> = vec![
            ("“We will not give up,” said Keith Kellogg.", vec![("We will not give up,", Some("Keith Kellogg"))]),
            ("President Recep Erdogan spoke. “We want peace now,” he said.", vec![("We want peace now,", Some("Recep Erdogan"))]),
            ("“Russia is not serious about this,” Zelensky remarked on Friday.", vec![("Russia is not serious about this,", Some("Zelensky"))]),
            ("“Our position is clear,” stated one of the leaders.", vec![("Our position is clear,", Some("one of the leaders"))]),
            ("Keith Kellogg said: \"The talks went well today.\"", vec![("The talks went well today.", Some("Keith Kellogg"))]),
            ("Keith Kellogg called them mere “theatrical props.”", vec![("theatrical props.", Some("Keith Kellogg"))]),
            ("A “one-word” scare quote.", vec![]),
        ];
        for (input, want) in cases {
            let want: Vec<(String, Option<String>)> = want.into_iter().map(|(a, b)| (a.to_string(), b.map(str::to_string))).collect();
            assert_eq!(quotes(input), want, "{input}");
        }
    }
}

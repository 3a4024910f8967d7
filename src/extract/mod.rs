//! Per-article extraction: sentences with their matching terms, entity mentions with roles,
//! numbers with what they count, dates, and quotes with speakers.
//!
//! Every item carries a byte span of the article text. Nothing here looks at other articles:
//! cross-source merging is [`crate::comparison`]'s job.

pub mod entities;
pub mod input;
pub mod numbers;
pub mod quotes;

use std::borrow::Cow;

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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
    /// In text order (so sorted by sentence).
    pub quantities: Vec<Quantity>,
    /// In text order (so sorted by sentence).
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
    /// Most words are capitalised and there is no final stop: a headline.
    pub headline: bool,
    /// Clauses as token ranges `[a, b)` of `tokens`, covering them in order.
    pub clauses: Vec<(usize, usize)>,
    /// A line of its own that gives a date and little else ("August 07, 2012", "Tuesday, August
    /// 7, 2012", "Published: August 7, 2012", "Story Created: Aug 7, 2012 at 9:56 AM AKDT"): the
    /// page's date line, not a statement. It tells no fact and is no detail (see
    /// [`is_date_line`]).
    pub date_line: bool,
}

/// Analyses one article.
pub fn analyze(article: &Article) -> Doc {
    let text = article.text.as_str();
    let seg = text::segment(text);
    let mut scratch = Vec::new();
    let mut sentences: Vec<Sentence> = seg
        .sentences
        .iter()
        .map(|&(s, e)| {
            let tokens = text::tokenize_with(text, s, e, &mut scratch);
            let headline = is_headline(text, &tokens);
            let clauses = clauses(&tokens);
            Sentence { start: s, end: e, tokens, headline, clauses, date_line: false }
        })
        .collect();
    let (lower_words, mid_caps) = case_evidence(&sentences);
    let mut mentions = entities::extract(text, &sentences, &lower_words, &mid_caps);
    entities::resolve_in_doc(&mut mentions);
    entities::headline_names(text, &sentences, &mut mentions);
    entities::leadership_roles(&sentences, &mut mentions);
    let (quantities, dates) = numbers::extract(text, &sentences);
    for (si, s) in sentences.iter_mut().enumerate() {
        let from = dates.partition_point(|d| d.sentence < si);
        let to = from + dates[from..].partition_point(|d| d.sentence == si);
        s.date_line = is_date_line(text, s, &dates[from..to]);
    }
    let quotes = quotes::extract(text, &sentences, &mentions);
    let title = match &article.title {
        Some(t) if !t.trim().is_empty() => t.trim().to_string(),
        // A page's date line ("Tuesday, August 7, 2012") names no article: the first sentence
        // that is not one does.
        _ => match seg.title.filter(|&(s, e)| !sentences.iter().any(|x| x.date_line && x.start < e && s < x.end)) {
            Some((s, e)) => text[s..e].to_string(),
            None => sentences.iter().find(|s| !s.date_line).map(|s| text::clip(&text[s.start..s.end], 100)).unwrap_or_default(),
        },
    };
    let input = input::warnings(text, &sentences);
    // Binary junk: what segmenting says about its "lines" would only bury the one useful warning.
    let mut warnings = if input.iter().any(|w| w.kind == "binary") { Vec::new() } else { seg.warnings };
    warnings.extend(input);
    Doc {
        id: article.id.clone(),
        title,
        text: article.text.clone(),
        words: sentences.iter().flat_map(|s| s.tokens.iter()).filter(|t| t.kind != TokKind::Punct).count(),
        warnings,
        sentences,
        mentions,
        quantities,
        dates,
        quotes,
    }
}

/// Whether sentence `s`, whose dates are `dates`, is a date line (see [`Sentence::date_line`]):
/// - it is a line of its own (only white space between it and the line breaks around it);
/// - it has a date;
/// - besides the dates' words, numbers, month and weekday names, time zones and meridiem markers
///   ("AKDT", "PM"), page stamp words ("Published", "Updated") and "at" / "on", at most
///   [`DATE_LINE_OTHER_WORDS`] words remain, all capitalised (a label), and they are fewer
///   than half of its words.
///
/// So "Story Created: Aug 7, 2012 at 9:56 AM AKDT" (two capitalised others of ten) is one;
/// "Dairy burned on August 7, 2012" ("burned") and "The fire broke out on Tuesday, August 7,
/// 2012." (four others) are not.
fn is_date_line(text: &str, s: &Sentence, dates: &[numbers::DateMention]) -> bool {
    if dates.is_empty() {
        return false;
    }
    let own_line = text[..s.start].rsplit('\n').next().is_none_or(|b| b.trim().is_empty()) && text[s.end..].split('\n').next().is_none_or(|a| a.trim().is_empty());
    if !own_line {
        return false;
    }
    let lex = crate::lexicon::get();
    let (mut words, mut other) = (0, 0);
    for t in s.tokens.iter().filter(|t| t.kind != TokKind::Punct) {
        words += 1;
        let w = t.folded.trim_end_matches('.');
        let dated = dates.iter().any(|d| d.start <= t.start && t.start < d.end);
        if !(dated || t.kind == TokKind::Number || lex.calendar.contains_key(w) || lex.time_markers.contains(w) || lex.stamp_words.contains(w) || matches!(w, "at" | "on")) {
            if !t.cap {
                return false;
            }
            other += 1;
        }
    }
    other <= DATE_LINE_OTHER_WORDS && other * 2 < words
}

/// At most this many words of a date line are none of its date's (see [`is_date_line`]).
const DATE_LINE_OTHER_WORDS: usize = 2;

/// What [`entities::extract`] asks about a capitalised word that starts a sentence (the only
/// words it asks about): whether the article also writes it in lower case, and whether it
/// capitalises it inside a sentence. Returned as the sets of those sentence-initial words for
/// which each is so; only the words asked about are looked up, rather than collecting every word
/// of the article.
fn case_evidence(sentences: &[Sentence]) -> (HashSet<&str>, HashSet<&str>) {
    let first_word = |s: &Sentence| s.tokens.iter().position(Token::is_word);
    let asked: HashSet<&str> = sentences
        .iter()
        .filter_map(|s| first_word(s).map(|k| &s.tokens[k]))
        .filter(|t| t.cap)
        .map(|t| t.folded.as_str())
        .collect();
    // A 1,024-bit filter of the asked words, by length and first two bytes: most words of an
    // article are not asked about, and are passed over without hashing them. A word asked
    // about always passes it (its bit is set), so the sets are the same.
    let slot = |w: &str| {
        let b = w.as_bytes();
        (b.len() * 31 + usize::from(b.first().copied().unwrap_or(0)) * 7 + usize::from(b.get(1).copied().unwrap_or(0))) & 1023
    };
    let mut filter = [0u64; 16];
    for w in &asked {
        let i = slot(w);
        filter[i >> 6] |= 1 << (i & 63);
    }
    let may_be_asked = |w: &str| {
        let i = slot(w);
        filter[i >> 6] & (1 << (i & 63)) != 0
    };
    let (mut lower, mut mid_caps) = (HashSet::default(), HashSet::default());
    for s in sentences {
        let Some(first) = first_word(s) else { continue };
        for (k, t) in s.tokens.iter().enumerate().skip(first) {
            if t.is_word() && may_be_asked(&t.folded) && asked.contains(t.folded.as_str()) {
                if !t.cap {
                    lower.insert(t.folded.as_str());
                } else if k > first {
                    mid_caps.insert(t.folded.as_str());
                }
            }
        }
    }
    (lower, mid_caps)
}

fn is_headline(text: &str, tokens: &[Token]) -> bool {
    let lex = lexicon::get();
    let last = text[..tokens.last().map_or(0, |t| t.end)].trim_end_matches(['"', '”', '’', ')']);
    // A trailing ellipsis ("Checks Out Of Rehab...") does not end a sentence.
    if last.ends_with(['.', '!', '?']) && !last.ends_with("...") && !last.ends_with('…') {
        return false;
    }
    let (mut content, mut caps) = (0, 0);
    for t in tokens.iter().filter(|t| t.is_word() && !lex.is_stopword(&t.folded)) {
        content += 1;
        caps += usize::from(t.cap);
    }
    content >= 3 && caps * 5 >= content * 4
}

/// A clause needs this many words to stand alone; shorter ones join their neighbour.
const MIN_CLAUSE_WORDS: usize = 4;

/// Splits a sentence's tokens into clauses: at ";", at a dash, and at a comma followed by a
/// clause-starting word ("which", "while", "but", …) or a participle ("…, resulting in").
pub fn clauses(tokens: &[Token]) -> Vec<(usize, usize)> {
    let lex = lexicon::get();
    let words = |a: usize, b: usize| tokens[a..b].iter().filter(|t| t.is_word()).count();
    let mut out: Vec<(usize, usize)> = Vec::new();
    // The pieces between cuts, in order; a short one joins the clause before it.
    let mut add = |a: usize, b: usize| {
        if a >= b {
            return;
        }
        match out.last_mut() {
            Some(last) if words(last.0, last.1) < MIN_CLAUSE_WORDS || words(a, b) < MIN_CLAUSE_WORDS => last.1 = b,
            _ => out.push((a, b)),
        }
    };
    let mut from = 0;
    for (i, t) in tokens.iter().enumerate() {
        let cut = match t.folded.as_str() {
            ";" => Some(i + 1),
            // A dash, not a hyphen: folded to "-", but longer than one byte (— or –) or spaced.
            "-" if t.end - t.start > 1 || (i > 0 && tokens[i - 1].end < t.start && tokens.get(i + 1).is_some_and(|n| n.start > t.end)) => Some(i + 1),
            "," => tokens.get(i + 1).filter(|n| n.is_word() && (lex.clause_starters.contains(n.folded.as_str()) || (n.folded.ends_with("ing") && n.folded.len() > 5))).map(|_| i + 1),
            _ => None,
        };
        if let Some(c) = cut {
            add(from, c);
            from = c;
        }
    }
    add(from, tokens.len());
    // A short first clause that nothing followed stays; a short last one was merged above.
    if out.len() > 1 && words(out[0].0, out[0].1) < MIN_CLAUSE_WORDS {
        let first = out.remove(0);
        out[0].0 = first.0;
    }
    out
}

/// Light suffix stripping for matching ("exchanged" ~ "exchange", "talks" ~ "talk"): enough for
/// news English, where a full lemmatiser would cost more than it gains here. Borrowed from `w`
/// (a prefix of it) unless a "y" is put back ("countries" → "country").
pub fn stem(w: &str) -> Cow<'_, str> {
    let n = w.chars().count();
    let (mut s, y) = singular_parts(w, n);
    if y {
        // "…y" ends in none of the suffixes below.
        return Cow::Owned(singular_of(s, y));
    }
    // Every suffix cut here is ASCII: a byte less is a character less.
    let mut n = n - (w.len() - s.len());
    if n > 5 && s.ends_with("ing") {
        s = &s[..s.len() - 3];
        n -= 3;
    } else if n > 4 && s.ends_with("ed") {
        s = &s[..s.len() - 2];
        n -= 2;
    }
    if n > 3 && s.ends_with('e') {
        s = &s[..s.len() - 1];
    }
    Cow::Borrowed(s)
}

/// The singular of a regular English plural ("countries" → "country", "POWs" → "pow").
pub fn singular(w: &str) -> String {
    let (s, y) = singular_parts(w, w.chars().count());
    singular_of(s, y)
}

/// [`singular`] as the part of `w` it keeps and whether a "y" follows (`n`: `w`'s length in
/// characters), so that [`stem`] cuts further without building it.
fn singular_parts(w: &str, n: usize) -> (&str, bool) {
    if n > 4 && w.ends_with("ies") {
        (&w[..w.len() - 3], true)
    } else if n > 4 && w.ends_with("sses") {
        (&w[..w.len() - 2], false)
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        (&w[..w.len() - 1], false)
    } else {
        (w, false)
    }
}

fn singular_of(s: &str, y: bool) -> String {
    let mut out = String::with_capacity(s.len() + usize::from(y));
    out.push_str(s);
    if y {
        out.push('y');
    }
    out
}

/// The matching terms of a token sequence, in text order: synonym phrases merged first (longest
/// match), then single words canonicalised and stemmed; stop words and punctuation dropped. Each
/// comes with the range `[first, last]` (inclusive indexes into `tokens`) of the words it was
/// made from; a term that occurs twice is listed twice. (Made when the sentence features are,
/// [`crate::comparison::pieces`]; a sorted copy kept in every sentence was read by nothing and
/// took ~12 MB for 831 articles.)
pub fn terms_at(tokens: &[Token]) -> Vec<(Cow<'_, str>, usize, usize)> {
    let lex = lexicon::get();
    let flags = term_flags();
    // Allocated once each, at their most (a filtered `collect` grows a vector step by step).
    let mut words: Vec<(usize, &Token)> = Vec::with_capacity(tokens.len());
    words.extend(tokens.iter().enumerate().filter(|(_, t)| t.kind != TokKind::Punct || t.folded == "-"));
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let mut matched = 0;
        let f = flags.get(words[i].1.folded.as_str()).copied().unwrap_or(0);
        let max_len = if f & SYNONYM_HEAD != 0 { lex.synonym_max_words * 2 - 1 } else { 0 };
        for len in (2..=max_len).rev() {
            if i + len > words.len() {
                continue;
            }
            let phrase = join_phrase(words[i..i + len].iter().map(|w| w.1));
            if let Some(c) = lex.synonyms.get(&phrase) {
                out.push((stem(c), words[i].0, words[i + len - 1].0));
                matched = len;
                break;
            }
        }
        if matched > 0 {
            i += matched;
            continue;
        }
        let (k, t) = words[i];
        i += 1;
        // Numbers are matched as quantities (value and counted thing), not as words.
        if t.kind != TokKind::Word || f & (STOPWORD | SPEECH_VERB | NUMBER_WORD) != 0 {
            continue;
        }
        let w = t.folded.trim_end_matches('.');
        if w.chars().count() < 2 && t.kind == TokKind::Word {
            continue;
        }
        // `f` is of the whole folded word: it tells whether `w` has a synonym only when they
        // are the same.
        let canonical = if w.len() < t.folded.len() || f & SYNONYM != 0 { lex.canonical(w) } else { w };
        out.push((stem(canonical), k, k));
    }
    out
}

/// Bits of [`term_flags`]: the word is a key of the lexicon's `synonym_heads`, `stopwords`,
/// `speech_verbs`, `number_words`, `synonyms`.
const SYNONYM_HEAD: u8 = 1;
const STOPWORD: u8 = 2;
const SPEECH_VERB: u8 = 4;
const NUMBER_WORD: u8 = 8;
const SYNONYM: u8 = 16;

/// Which of the lexicon's tables that [`terms_at`] asks about have each word (bits above, no
/// entry for a word none has): one hash look-up per word instead of up to five.
fn term_flags() -> &'static HashMap<&'static str, u8> {
    static FLAGS: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    FLAGS.get_or_init(|| {
        let lex = lexicon::get();
        let mut m: HashMap<&'static str, u8> = HashMap::default();
        let tables: [(Vec<&'static String>, u8); 5] = [
            (lex.synonym_heads.iter().collect(), SYNONYM_HEAD),
            (lex.stopwords.iter().collect(), STOPWORD),
            (lex.speech_verbs.iter().collect(), SPEECH_VERB),
            (lex.number_words.keys().collect(), NUMBER_WORD),
            (lex.synonyms.keys().collect(), SYNONYM),
        ];
        for (words, bit) in tables {
            for w in words {
                *m.entry(w.as_str()).or_default() |= bit;
            }
        }
        m
    })
}

/// Folded words joined as the lexicon writes phrases: "cease" "-" "fire" → "cease-fire".
fn join_phrase<'a>(tokens: impl Iterator<Item = &'a Token>) -> String {
    let mut s = String::new();
    let mut prev_dash = true;
    for t in tokens {
        let dash = t.folded == "-";
        if !s.is_empty() && !dash && !prev_dash {
            s.push(' ');
        }
        s.push_str(&t.folded);
        prev_dash = dash;
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

    /// `stem` and `singular` as they were written first: a copy cut step by step.
    #[test]
    fn stem_and_singular_as_step_by_step() {
        fn singular_steps(w: &str) -> String {
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
        fn stem_steps(w: &str) -> String {
            let mut s = singular_steps(w);
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
        let ends = ["", "s", "es", "ies", "sses", "ss", "us", "is", "ing", "ings", "ed", "eds", "e", "es", "y", "ying", "eing", "ees"];
        for stem_part in ["", "a", "ab", "abc", "é", "éé", "naïv", "walk", "wa", "x"] {
            for end in ends {
                let w = format!("{stem_part}{end}");
                assert_eq!(singular(&w), singular_steps(&w), "{w}");
                assert_eq!(stem(&w), stem_steps(&w), "{w}");
            }
        }
    }

    #[test]
    fn terms_merge_synonyms_and_phrases() {
        // Sorted and unique: which terms, not where.
        let t = |s: &str| {
            let mut v: Vec<String> = terms_at(&text::tokenize(s, 0, s.len())).into_iter().map(|x| x.0.into_owned()).collect();
            v.sort();
            v.dedup();
            v
        };
        assert_eq!(t("a cease-fire"), t("the truce"));
        assert_eq!(t("1,000 POWs were swapped"), t("1,000 prisoners of war were exchanged"));
        assert!(!t("the talks").is_empty());
        assert!(t("the of and").is_empty());
        // Irregular past forms join their base form, and its synonym group.
        assert_eq!(t("troops withdrew"), t("troops withdraw"));
        assert_eq!(t("a team led by"), t("a delegation heading"));
        assert_eq!(t("the vast chasm"), t("the vast gaps"));
    }

    #[test]
    fn splits_clauses() {
        let cl = |s: &str| {
            let t = text::tokenize(s, 0, s.len());
            clauses(&t).into_iter().map(|(a, b)| s[t[a].start..t[b - 1].end].to_string()).collect::<Vec<_>>()
        };
        assert_eq!(
            cl("The talks concluded after less than two hours, resulting in an exchange of 1,000 POWs each."),
            ["The talks concluded after less than two hours,", "resulting in an exchange of 1,000 POWs each."]
        );
        assert_eq!(cl("Russia, Ukraine and Turkey met in Istanbul today."), ["Russia, Ukraine and Turkey met in Istanbul today."]);
        assert_eq!(
            cl("The talks, which lasted less than two hours, ended; both sides agreed to meet again."),
            ["The talks, which lasted less than two hours, ended;", "both sides agreed to meet again."]
        );
    }

    #[test]
    fn warns_about_other_languages_markup_and_short_texts() {
        let kinds = |t: &str| analyze(&Article::new("a", t)).warnings.into_iter().map(|w| w.kind).collect::<Vec<_>>();
        assert!(kinds("Переговоры в Стамбуле завершились менее чем за два часа, стороны договорились об обмене.").contains(&"not-english".to_string()));
        assert!(kinds("Die Gespräche in Istanbul endeten nach weniger als zwei Stunden, beide Seiten vereinbarten einen Austausch von Gefangenen und wollen weiter verhandeln, sagte ein Sprecher am Freitag in Ankara.").contains(&"not-english".to_string()));
        assert!(kinds("<html><body><div><p>Hi</p><p>There</p><script>x()</script></div></body></html>").contains(&"markup".to_string()));
        assert!(kinds("Talks ended.").contains(&"short".to_string()));
        let english = "The talks in Istanbul ended after less than two hours, and both sides agreed to exchange prisoners. ".repeat(3);
        assert!(kinds(&english).is_empty(), "{:?}", kinds(&english));
    }

    #[test]
    fn date_lines() {
        let line = |text: &str, which: &str| {
            let d = analyze(&Article::new("t", text));
            d.sentences.iter().find(|s| text[s.start..s.end].contains(which)).unwrap_or_else(|| panic!("{which}: no sentence")).date_line
        };
        // (text, a piece of the sentence asked about, a date line?)
        let table = [
            ("Fire destroys dairy\nAugust 07, 2012\nThe old building burned.", "August 07", true),
            ("Fire destroys dairy\nTuesday, August 7, 2012\nThe old building burned.", "August 7", true),
            ("Fire destroys dairy\nPublished: August 7, 2012\nThe old building burned.", "August 7", true),
            ("Fire\nStory Created: Aug 7, 2012 at 9:56 AM AKDT\nThe old building burned.", "Aug 7", true),
            ("Fire\nUpdated: July 7, 2012, 10:04 PM ET\nThe old building burned.", "July 7", true),
            // Statements with a date are not.
            ("Fire destroys dairy\nThe fire broke out on Tuesday, August 7, 2012.\nIt burned.", "August 7", false),
            ("Fire destroys dairy\nDairy burned on August 7, 2012\nIt burned.", "August 7", false),
            // Not on a line of its own.
            ("The dairy burned. August 7, 2012. Nobody was hurt.", "August 7", false),
            // No date.
            ("Fire destroys dairy\nBy John Smith\nThe old building burned.", "John", false),
        ];
        for (text, which, want) in table {
            assert_eq!(line(text, which), want, "{text:?}");
        }
        // A date line is not the article's title; the next line is.
        let d = analyze(&Article::new("t", "Tuesday, August 7, 2012\nFarewell to another piece of Mat Maid\nA fast-moving fire destroyed the warehouse early this morning."));
        assert_eq!(d.title, "Farewell to another piece of Mat Maid");
        // The twin: a title that is no date line stays.
        let d = analyze(&Article::new("t", "Fire destroys Mat Maid warehouse\nAugust 7, 2012\nA fast-moving fire destroyed the warehouse early this morning."));
        assert_eq!(d.title, "Fire destroys Mat Maid warehouse");
    }

    #[test]
    fn headline_detection() {
        let h = "Stalemate in Peace Talks as Ukraine and Russia Agree on Prisoner Swap";
        assert!(is_headline(h, &text::tokenize(h, 0, h.len())));
        let s = "Ukraine and Russia agreed on a prisoner swap in Istanbul.";
        assert!(!is_headline(s, &text::tokenize(s, 0, s.len())));
    }
}

//! Tone profile of one source: how much of it is opinion and how much checkable fact, and the words
//! that colour it — loaded words, hedges and the verbs it uses to attribute speech ("claimed" vs
//! "said"). Meant for media-literacy teaching and fact-checking: every hit points at its span
//! (UTF-8 byte offsets into the article text) and at the lexicon entry that explains it.
//!
//! ## Word lists
//! - `data/lexicon/loaded.tsv`: intensifiers, emotive, evaluative and speculative words, editorial
//!   cues ("we believe", "it is clear that", "clearly") and prescriptive ones ("should").
//! - `data/lexicon/hedges.txt`: hedges ("reportedly", "may", "appears to", "some say").
//! - `data/lexicon/attribution.tsv`: attribution verbs with a stance: `neutral` (said), `doubt`
//!   (claimed), `endorse` (admitted), `emotive` (slammed).
//!
//! Entries are matched on the folded tokens of each sentence, longest entry first, multi-word
//! entries as phrases (a hyphen and a possessive `'s` join tight: "so-called", "let's"). There is
//! no stemming: the lists spell out the inflections they mean. The three lists are matched
//! independently, so "slammed" is both a loaded (emotive) word and an attribution verb.
//!
//! ## What is not counted
//! - Words inside quotation marks are the speaker's, not the outlet's: no hit of any list is
//!   counted inside “…”, "…" (within a line), «…», or ‘…’ / '…' (within a line). An opening “ left
//!   open at a paragraph end and opened again (a multi-paragraph quotation) quotes that paragraph.
//!   Attribution verbs around a quotation are outside it, and count.
//! - A match that starts with a capital letter in mid-sentence (outside headlines) is part of a
//!   name ("Theresa May", "Edward Said"); one inside an entity mention or a date ("May 12") neither.
//! - An attribution verb right after a determiner, a possessive or a number is an adjective or a
//!   noun ("the alleged attacker", "any claimed desire", "Russia's claims"); "claimed
//!   responsibility" and "claimed … lives" are not speech.
//! - "should" followed by its subject ("should Russia refuse") is a conditional, not advice.
//!
//! ## Sentence classification
//! For each kept sentence, with only the hits outside quotation marks:
//! - **opinion** when it has an `editorial` cue (first person, comment adverbs, "it is clear
//!   that"), or when it has a loaded word of another category or a hedge and no attribution verb;
//! - otherwise **checkable fact** when it carries a number (digits or a quantity), a date, a named
//!   entity or an attribution verb, and no loaded word;
//! - otherwise neither: counted in `sentences` only (e.g. "officials slammed the chaotic talks":
//!   attributed, but coloured by the outlet's own words).
//!
//! `opinion_share` is `opinion_sentences / sentences`, rounded to 3 decimals (0 without sentences).
//! Deterministic and total: the same document always gives the same profile, and no text panics.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::extract::{Doc, Sentence};
use crate::lexicon;
use super::pieces::BySentence;
use crate::text::{Token, TokKind};

/// The tone of one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToneProfile {
    /// The source's id.
    pub source: String,
    /// Kept sentences.
    pub sentences: usize,
    pub opinion_sentences: usize,
    pub fact_sentences: usize,
    /// `opinion_sentences / sentences`, 3 decimals.
    pub opinion_share: f64,
    /// Loaded words outside quotation marks, in text order.
    pub loaded: Vec<ToneHit>,
    /// Hedges outside quotation marks, in text order.
    pub hedges: Vec<ToneHit>,
    /// Attribution verbs outside quotation marks, in text order.
    pub attribution: Vec<ToneHit>,
    /// Attribution hits by stance; every stance of the lexicon is present, 0 when unused.
    pub attribution_counts: BTreeMap<String, usize>,
}

/// One word or phrase of a tone list found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToneHit {
    /// Index of the sentence (into the doc's kept sentences).
    pub sentence: usize,
    /// Byte span in the article text.
    pub start: usize,
    pub end: usize,
    /// The words as written.
    pub text: String,
    /// The lexicon entry matched, as written in its list.
    pub entry: String,
    /// The loaded-word category, `hedge`, or the attribution stance.
    pub category: String,
    /// One short sentence for the reader: "intensifier: adds emphasis without adding information".
    pub explanation: String,
}

/// What each loaded-word category, and a hedge, does to a report (for the explanations).
const CATEGORY_GLOSSES: &[(&str, &str)] = &[
    ("intensifier", "adds emphasis without adding information"),
    ("emotive", "appeals to feelings rather than describing what happened"),
    ("evaluative", "judges rather than describes"),
    ("speculative", "reads motives or consequences into events without showing them"),
    ("editorial", "the writer speaks in their own voice"),
    ("prescriptive", "tells the reader what ought to happen"),
    ("hedge", "softens the claim or leaves its source vague, so the outlet does not commit to it"),
];

/// What each attribution stance does to the speech it reports.
const STANCE_GLOSSES: &[(&str, &str)] = &[
    ("neutral", "reports speech without judging it"),
    ("doubt", "casts doubt on what was said"),
    ("endorse", "presents what was said as true, or as a concession"),
    ("emotive", "colours how it was said"),
];

fn gloss(table: &[(&str, &'static str)], key: &str) -> &'static str {
    table.iter().find(|(k, _)| *k == key).map_or("", |(_, g)| *g)
}

/// "category: gloss; note", leaving out what is empty.
/// (Concatenated into a string allocated once at its size, not `format!`ted: one per tone hit.)
fn explanation(category: &str, gloss: &str, note: &str) -> String {
    let mut out = String::with_capacity(category.len() + gloss.len() + note.len() + 4);
    out.push_str(category);
    for (sep, part) in [(": ", gloss), (if gloss.is_empty() { ": " } else { "; " }, note)] {
        if !part.is_empty() {
            out.push_str(sep);
            out.push_str(part);
        }
    }
    out
}

/// Words after which an attribution verb is an adjective ("the alleged attacker").
const DETERMINERS: &[&str] =
    &["a", "an", "the", "any", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "some", "every", "no"];
/// Words before a `'s` that make it "is" or "has", not a possessive ("he's said").
const PRONOUNS: &[&str] = &["he", "she", "it", "that", "who", "there", "what", "where", "here"];
/// Words after "claimed" that make it something other than speech.
const NOT_SPEECH: &[&str] = &["responsibility", "credit", "lives", "life"];
/// Words that, right after "should", are its subject: a conditional ("should the talks fail").
const SUBJECTS: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "you", "there", "any", "either", "neither"];

/// The tone profile of an analysed article.
pub fn profile(doc: &Doc) -> ToneProfile {
    let lex = lexicon::get();
    let text = doc.text.as_str();
    let quoted = quoted_spans(text);
    // Counted on the lexicon's own strings; owned keys only for the few stances, at the end.
    // Every stance of the lexicon, found once (not from its ~200 entries for each article).
    static STANCES: OnceLock<BTreeMap<&'static str, usize>> = OnceLock::new();
    let mut attribution_counts = STANCES.get_or_init(|| lex.attribution.values().map(|&(_, stance)| (stance, 0)).collect()).clone();
    let mut out = ToneProfile {
        source: doc.id.clone(),
        sentences: doc.sentences.len(),
        opinion_sentences: 0,
        fact_sentences: 0,
        opinion_share: 0.0,
        loaded: Vec::new(),
        hedges: Vec::new(),
        attribution: Vec::new(),
        attribution_counts: BTreeMap::new(),
    };
    // Names, dates and quantities by sentence (an index, so that long articles stay linear; the
    // spans of all sentences in one array each, not one small vector per sentence).
    let n = doc.sentences.len();
    let mut by = BySentence::default();
    by.fill(n, doc.mentions.iter().map(|m| m.sentence));
    let name_spans: Vec<(usize, usize)> = by.order().iter().map(|&i| (doc.mentions[i].start, doc.mentions[i].end)).collect();
    let name_at: Vec<std::ops::Range<usize>> = (0..n).map(|s| by.range(s)).collect();
    by.fill(n, doc.dates.iter().map(|d| d.sentence));
    let date_spans: Vec<(usize, usize)> = by.order().iter().map(|&i| (doc.dates[i].start, doc.dates[i].end)).collect();
    let date_at: Vec<std::ops::Range<usize>> = (0..n).map(|s| by.range(s)).collect();
    let names = |si: usize| &name_spans[name_at[si].clone()];
    let dates = |si: usize| &date_spans[date_at[si].clone()];
    let mut quantities = vec![false; n];
    for q in &doc.quantities {
        if let Some(v) = quantities.get_mut(q.sentence) {
            *v = true;
        }
    }
    let max = lex.tone_max_tokens;
    let mut keys = Keys::default(); // one buffer for the whole article
    // The matches of each list in a sentence, in buffers kept for the whole article.
    let (mut loaded, mut hedges, mut attribution) = (Vec::new(), Vec::new(), Vec::new());
    for (si, s) in doc.sentences.iter().enumerate() {
        let toks = &s.tokens;
        keys.clear();
        for i in 0..toks.len() {
            keys.add(toks, i, max);
        }
        let ctx = Ctx { sentence: s, names: names(si), dates: dates(si), quoted: &quoted };
        let hit = |a: usize, b: usize, entry: &str, category: &str, explanation: String| ToneHit {
            sentence: si,
            start: toks[a].start,
            end: toks[b - 1].end,
            text: text.get(toks[a].start..toks[b - 1].end).unwrap_or_default().to_string(),
            entry: entry.to_string(),
            category: category.to_string(),
            explanation,
        };

        let mut loaded_here = 0;
        let mut editorial_here = 0;
        scan(&keys, &lex.loaded, LOADED, &mut loaded);
        for &(a, b, &(entry, category, note)) in &loaded {
            if !ctx.counts(a, b) || (entry == "should" && conditional_should(toks, b)) {
                continue;
            }
            if category == "editorial" {
                editorial_here += 1;
            }
            loaded_here += 1;
            out.loaded.push(hit(a, b, entry, category, explanation(category, gloss(CATEGORY_GLOSSES, category), note)));
        }
        let mut hedges_here = 0;
        scan(&keys, &lex.hedges, HEDGE, &mut hedges);
        for &(a, b, &entry) in &hedges {
            if !ctx.counts(a, b) {
                continue;
            }
            hedges_here += 1;
            out.hedges.push(hit(a, b, entry, "hedge", explanation("hedge", gloss(CATEGORY_GLOSSES, "hedge"), "")));
        }
        let mut attributed_here = 0;
        scan(&keys, &lex.attribution, ATTRIBUTION, &mut attribution);
        for &(a, b, &(entry, stance)) in &attribution {
            if !ctx.counts(a, b) || !is_speech(toks, a, b) {
                continue;
            }
            attributed_here += 1;
            *attribution_counts.entry(stance).or_insert(0) += 1;
            out.attribution.push(hit(a, b, entry, stance, explanation(stance, gloss(STANCE_GLOSSES, stance), "")));
        }

        let opinion = editorial_here > 0 || ((loaded_here > 0 || hedges_here > 0) && attributed_here == 0);
        let checkable = toks.iter().any(|t| t.kind == TokKind::Number)
            || quantities[si]
            || !dates(si).is_empty()
            || !names(si).is_empty()
            || attributed_here > 0;
        if opinion {
            out.opinion_sentences += 1;
        } else if checkable && loaded_here == 0 {
            out.fact_sentences += 1;
        }
    }
    // Extended, not collected: collecting into a `BTreeMap` sorts first (a copy of the sort; see
    // crate::sort).
    out.attribution_counts.extend(attribution_counts.into_iter().map(|(s, n)| (s.to_string(), n)));
    if out.sentences > 0 {
        out.opinion_share = (out.opinion_sentences as f64 / out.sentences as f64 * 1000.0).round() / 1000.0;
    }
    out
}

/// Where a match is and what surrounds it.
struct Ctx<'a> {
    sentence: &'a Sentence,
    /// Spans of the entity mentions and dates of the sentence.
    names: &'a [(usize, usize)],
    dates: &'a [(usize, usize)],
    /// Quoted spans of the whole text.
    quoted: &'a [(usize, usize)],
}

impl Ctx<'_> {
    /// The match `tokens[a..b]` is the outlet's word: not quoted, not in a name or a date.
    fn counts(&self, a: usize, b: usize) -> bool {
        let toks = &self.sentence.tokens;
        let (start, end) = (toks[a].start, toks[b - 1].end);
        if in_spans(self.quoted, start) {
            return false;
        }
        // A capital in mid-sentence: part of a name ("Theresa May"), except the pronoun "I".
        let first = &toks[a];
        let mid_sentence = a > 0 && (toks[a - 1].kind != TokKind::Punct || toks[a - 1].folded == ",");
        if first.cap && mid_sentence && !self.sentence.headline && first.folded != "i" {
            return false;
        }
        let overlaps = |&(s, e): &(usize, usize)| s < end && start < e;
        !self.dates.iter().any(overlaps) && !self.names.iter().any(overlaps)
    }
}

/// An attribution verb used as one: not an adjective or a noun after a determiner, a possessive or a
/// number ("the alleged attacker", "Russia's claims", "3 confirmed cases"), not "claimed
/// responsibility / lives".
fn is_speech(toks: &[Token], a: usize, b: usize) -> bool {
    let prev = |k: usize| if a >= k { toks[a - k].folded.as_str() } else { "" };
    let possessive = prev(1) == "'s" && !PRONOUNS.contains(&prev(2));
    if DETERMINERS.contains(&prev(1)) || possessive || (a > 0 && toks[a - 1].kind == TokKind::Number) {
        return false;
    }
    let next = |k: usize| toks.get(b + k).map_or("", |t| t.folded.as_str());
    !(NOT_SPEECH.contains(&next(0)) || (DETERMINERS.contains(&next(0)) && NOT_SPEECH.contains(&next(1))))
}

/// "should" followed by its subject: "should Russia refuse", "should the talks fail".
fn conditional_should(toks: &[Token], b: usize) -> bool {
    toks.get(b).is_some_and(|n| (n.cap && n.is_word() && n.folded != "i") || SUBJECTS.contains(&n.folded.as_str()))
}

/// The phrase keys of the tokens of one sentence, in one buffer (no allocation per token once the
/// buffers have grown).
///
/// The keys starting at a token are the lexicon's spelling of the tokens from there on (words joined
/// by a space, hyphens and possessive `'s` tight), each a prefix of the next: the longest is stored
/// once, with each key's end token, span and the lists that have it.
#[derive(Default)]
struct Keys {
    text: String,
    /// (token the key ends before, start of the key in `text`, end of the key in `text`, the
    /// lists that have it as [`in_lists`] bits)
    keys: Vec<(usize, usize, usize, u8)>,
    /// Per token: the range of its keys in `keys`, shortest first (empty for a non-word).
    at: Vec<(usize, usize)>,
    /// The tokens with a key that some list has, in order: where a match can start.
    starts: Vec<usize>,
}

impl Keys {
    fn clear(&mut self) {
        self.text.clear();
        self.keys.clear();
        self.at.clear();
        self.starts.clear();
    }

    /// Adds the keys starting at token `i` (the next token), of at most `max` tokens; of one
    /// token unless an entry of more starts with it ([`HEAD`]).
    fn add(&mut self, toks: &[Token], i: usize, max: usize) {
        let first = self.keys.len();
        if toks[i].kind == TokKind::Word {
            let o = self.text.len();
            self.text.push_str(&toks[i].folded);
            let lists = in_lists(&self.text[o..]);
            self.keys.push((i + 1, o, self.text.len(), lists));
            let end = if lists & HEAD != 0 { toks.len().min(i.saturating_add(max)) } else { i + 1 };
            for j in i + 1..end {
                let t = &toks[j];
                let tight_before = toks[j - 1].end == t.start;
                if t.is_word() {
                    if toks[j - 1].folded != "-" {
                        self.text.push(' ');
                    }
                    self.text.push_str(&t.folded);
                } else if t.folded == "-" && tight_before && toks.get(j + 1).is_some_and(|n| n.start == t.end && n.is_word()) {
                    // A hyphen inside a compound: the key never ends with it.
                    self.text.push('-');
                    continue;
                } else if t.folded == "'s" && tight_before {
                    self.text.push_str("'s");
                } else {
                    break;
                }
                let lists = in_lists(&self.text[o..]);
                self.keys.push((j + 1, o, self.text.len(), lists));
                // Every longer key starts with this one and a space, a hyphen or a `'s`: when no
                // entry does, none of them is an entry. (Most heads are common words, "the", "of",
                // "in": they were extended to the longest entry's length, a look-up per token.)
                if lists & PREFIX == 0 {
                    break;
                }
            }
        }
        if self.keys[first..].iter().any(|k| k.3 & (LOADED | HEDGE | ATTRIBUTION) != 0) {
            self.starts.push(i);
        }
        self.at.push((first, self.keys.len()));
    }

    /// The keys starting at token `i` that list `list` (an [`in_lists`] bit) has, longest first:
    /// (end token, key).
    fn longest_first(&self, i: usize, list: u8) -> impl Iterator<Item = (usize, &str)> {
        let (a, b) = self.at[i];
        self.keys[a..b].iter().rev().filter(move |k| k.3 & list != 0).map(|&(end, s, e, _)| (end, &self.text[s..e]))
    }
}

const LOADED: u8 = 1;
const HEDGE: u8 = 2;
const ATTRIBUTION: u8 = 4;
/// Not a list: the key is the first word of an entry of more than one token
/// ([`lexicon::Lexicon::tone_heads`]).
const HEAD: u8 = 8;
/// Not a list: some entry starts with the key followed by a space, a hyphen or an apostrophe, so
/// a longer key may be an entry ([`Keys::add`] stops extending a key without it).
const PREFIX: u8 = 16;

/// Which of the three lists have `key` (bits [`LOADED`], [`HEDGE`], [`ATTRIBUTION`]), and
/// [`HEAD`] and [`PREFIX`]: one hash look-up per phrase key instead of one per list, and per word.
fn in_lists(key: &str) -> u8 {
    static LISTS: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        let lex = lexicon::get();
        let mut m: HashMap<&'static str, u8> = HashMap::default();
        for (keys, bit) in [(lex.loaded.keys().collect::<Vec<_>>(), LOADED), (lex.hedges.keys().collect(), HEDGE), (lex.attribution.keys().collect(), ATTRIBUTION)] {
            for k in keys {
                *m.entry(k.as_str()).or_default() |= bit;
            }
        }
        for h in &lex.tone_heads {
            *m.entry(h.as_str()).or_default() |= HEAD;
        }
        for k in lex.loaded.keys().chain(lex.hedges.keys()).chain(lex.attribution.keys()) {
            for (i, _) in k.match_indices([' ', '-', '\'']) {
                *m.entry(&k[..i]).or_default() |= PREFIX;
            }
        }
        m
    });
    lists.get(key).copied().unwrap_or(0)
}

/// The longest entries of `table` in a sentence, left to right, without overlaps: `(a, b, value)`
/// for tokens `a..b`, into `out` (cleared first).
fn scan<'a, V>(keys: &Keys, table: &'a HashMap<String, V>, list: u8, out: &mut Vec<(usize, usize, &'a V)>) {
    out.clear();
    // Only the tokens where a key of some list starts can start a match (most tokens start none).
    let mut i = 0;
    for &c in &keys.starts {
        if c < i {
            continue;
        }
        if let Some((b, v)) = keys.longest_first(c, list).find_map(|(b, k)| table.get(k).map(|v| (b, v))) {
            out.push((c, b, v));
            i = b;
        }
    }
}

/// Whether byte `pos` is inside one of the sorted, disjoint `spans`.
fn in_spans(spans: &[(usize, usize)], pos: usize) -> bool {
    let k = spans.partition_point(|&(s, _)| s <= pos);
    k > 0 && pos < spans[k - 1].1
}

/// Byte spans inside quotation marks, sorted and merged: “…” (a quotation left open at a paragraph
/// end and opened again covers the rest of that paragraph), «…», and within one line "…", ‘…’ and
/// '…' (a single quote opens after a non-letter and closes before one, so apostrophes do not).
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let (mut curly, mut straight, mut single, mut guillemet): (Option<usize>, Option<usize>, Option<usize>, Option<usize>) =
        (None, None, None, None);
    // Only a few characters matter: `"`, `'`, line ends (ASCII), and non-ASCII ones (“ ” ‘ ’ « »
    // U+2028 U+2029). Other ASCII bytes are skipped by [`crate::text::find_byte`], without
    // decoding (a char-by-char walk was a fifth of the tone profile's time); the characters
    // around a single quote are decoded when one is met.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = crate::text::find_byte(bytes, from, |b| !b.is_ascii() | (b == b'"') | (b == b'\'') | (b == b'\n') | (b == b'\r')) {
        let c = text[i..].chars().next().unwrap_or_default();
        let after = i + c.len_utf8();
        // Only the single quotes look at their neighbours: computed there, not for every character.
        let prev = || text[..i].chars().next_back();
        let letter_before = || prev().is_some_and(char::is_alphanumeric);
        let letter_after = || text[after..].chars().next().is_some_and(char::is_alphanumeric);
        match c {
            '“' => {
                if let Some(o) = curly {
                    if let Some(nl) = text.get(o..i).and_then(|s| s.find('\n')) {
                        spans.push((o, o + nl));
                    }
                }
                curly = Some(after);
            }
            '”' => {
                if let Some(o) = curly.take() {
                    spans.push((o, i));
                }
            }
            '"' => match straight.take() {
                Some(o) => spans.push((o, i)),
                None => straight = Some(after),
            },
            '«' => guillemet = Some(after),
            '»' => {
                if let Some(o) = guillemet.take() {
                    spans.push((o, i));
                }
            }
            '‘' if !letter_before() => single = Some(after),
            '\'' if single.is_none() && !letter_before() && letter_after() => single = Some(after),
            '\'' | '’' if single.is_some() && !letter_after() && !prev().is_some_and(char::is_whitespace) => {
                if let Some(o) = single.take() {
                    spans.push((o, i));
                }
            }
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                straight = None;
                single = None;
            }
            _ => {}
        }
        from = after;
    }
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::analyze;
    use crate::Article;

    fn tone(text: &str) -> ToneProfile {
        profile(&analyze(&Article::new("t", text)))
    }

    fn spans(text: &str, hits: &[ToneHit]) -> Vec<String> {
        hits.iter().map(|h| format!("{}={}:{}", &text[h.start..h.end], h.entry, h.category)).collect()
    }

    #[test]
    fn finds_each_category_with_its_span() {
        // (text, which list, expected "span=entry:category" hits)
        let cases: &[(&str, &str, &[&str])] = &[
            ("This incredibly short meeting ended in Istanbul.", "loaded", &["incredibly=incredibly:intensifier"]),
            ("The stark differences remain.", "loaded", &["stark=stark:intensifier"]),
            ("The chaos at the border was brutal.", "loaded", &["chaos=chaos:emotive", "brutal=brutal:emotive"]),
            ("Critics lashed out at the plan.", "loaded", &["lashed out=lashed out:emotive"]),
            ("Russia made new, unacceptable demands.", "loaded", &["unacceptable=unacceptable:evaluative"]),
            ("It was a cynical tactic and a strategic move.", "loaded", &["cynical=cynical:evaluative", "strategic move=strategic move:speculative"]),
            ("The so-called peace plan is a sham.", "loaded", &["so-called=so-called:evaluative", "sham=sham:evaluative"]),
            ("We believe the talks are over.", "loaded", &["We believe=we believe:editorial"]),
            ("Let’s be honest about the talks.", "loaded", &["Let’s=let's:editorial"]),
            ("Russia should withdraw its troops.", "loaded", &["should=should:prescriptive"]),
            ("Sanctions will follow should Russia refuse.", "loaded", &[]),
            ("The deal was reportedly signed.", "hedges", &["reportedly=reportedly:hedge"]),
            ("Talks may resume and could fail.", "hedges", &["may=may:hedge", "could=could:hedge"]),
            ("Russia appears to want more time.", "hedges", &["appears to=appears to:hedge"]),
            ("According to sources, the deal is done.", "hedges", &["According to sources=according to sources:hedge"]),
            ("It is believed the talks failed.", "hedges", &["It is believed=it is believed:hedge"]),
            ("The talks resumed in May 2025.", "hedges", &[]),
            ("Theresa May spoke to Vladimir Putin.", "hedges", &[]),
            ("Peskov said the talks failed.", "attribution", &["said=said:neutral"]),
            ("Peskov claimed the talks failed.", "attribution", &["claimed=claimed:doubt"]),
            ("The minister admitted the talks failed.", "attribution", &["admitted=admitted:endorse"]),
            ("Critics lashed out at the plan.", "attribution", &["lashed out=lashed out:emotive"]),
            ("According to officials, the talks failed.", "attribution", &["According to=according to:neutral"]),
            ("The alleged attacker was held.", "attribution", &[]),
            ("The group claimed responsibility for the attack.", "attribution", &[]),
            ("Russia’s claims were rejected.", "attribution", &[]),
            ("He’s said it before.", "attribution", &["said=said:neutral"]),
            ("Experts warn that the truce is fragile.", "attribution", &["warn=warn:neutral"]),
            ("It casts a shadow on any claimed desire for peace.", "attribution", &[]),
        ];
        for (text, list, want) in cases {
            let p = tone(text);
            let hits = match *list {
                "loaded" => &p.loaded,
                "hedges" => &p.hedges,
                _ => &p.attribution,
            };
            assert_eq!(spans(text, hits), *want, "{list} in {text:?}");
        }
    }

    #[test]
    fn slammed_is_loaded_and_an_emotive_attribution() {
        let p = tone("The minister slammed the plan.");
        assert_eq!(spans("The minister slammed the plan.", &p.loaded), ["slammed=slammed:emotive"]);
        assert_eq!(p.attribution[0].category, "emotive");
        assert_eq!(p.loaded[0].explanation, "emotive: appeals to feelings rather than describing what happened; neutral wording: criticised");
        assert_eq!(p.attribution[0].explanation, "emotive: colours how it was said");
    }

    #[test]
    fn quoted_words_are_the_speakers() {
        let cases: &[&str] = &[
            "Russia presented new “unacceptable demands,” an official said.",
            "He called the demands “unacceptable”.",
            "Russia presented new \"unacceptable demands,\" an official said.",
            "Officials called it a ‘brutal’ attack.",
            "Officials called it a 'brutal' attack.",
            "Officials called it a «brutal» attack.",
            "“This is an incredibly brutal war. We believe it will last for years, reportedly.” Peskov said.",
        ];
        for text in cases {
            let p = tone(text);
            assert!(p.loaded.is_empty(), "{text:?}: {:?}", p.loaded);
            assert!(p.hedges.is_empty(), "{text:?}: {:?}", p.hedges);
        }
        // The attribution verb around a quotation counts; one inside it does not.
        let p = tone("“They claimed it was over,” the minister said.");
        assert_eq!(spans("“They claimed it was over,” the minister said.", &p.attribution), ["said=said:neutral"]);
        // Apostrophes do not open quotations: the nations’ positions stay the outlet's words.
        let t = "The nations’ positions are incredibly far apart, and it's a brutal war.";
        assert_eq!(spans(t, &tone(t).loaded), ["incredibly=incredibly:intensifier", "brutal=brutal:emotive"]);
        // A quotation running over paragraphs, opened again at each.
        let t = "“The war is brutal.\n“It is a disaster,” he said.\nThe talks were chaotic.";
        assert_eq!(spans(t, &tone(t).loaded), ["chaotic=chaotic:emotive"]);
    }

    #[test]
    fn counts_attribution_by_stance() {
        let p = tone("Peskov claimed the talks failed. Umerov said they did not. Fidan said so too. Medinsky admitted it.");
        let c: Vec<(&str, usize)> = p.attribution_counts.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(c, [("doubt", 1), ("emotive", 0), ("endorse", 1), ("neutral", 2)]);
        assert_eq!(p.attribution[0].explanation, "doubt: casts doubt on what was said");
    }

    #[test]
    fn classifies_opinion_and_fact_sentences() {
        // (sentence, opinion, fact)
        let cases: &[(&str, bool, bool)] = &[
            ("This incredibly short meeting was a cynical tactic.", true, false),
            ("The talks lasted less than two hours in Istanbul.", false, true),
            ("Both sides agreed to exchange 1,000 prisoners.", false, true),
            ("Officials slammed the chaotic talks.", false, false),
            ("Russia presented new “unacceptable demands,” an official said.", false, true),
            ("We believe nobody wants peace.", true, false),
            ("It is clear that nobody wants peace, officials said.", true, false),
            ("The talks may resume.", true, false),
            ("The talks may resume, officials said.", false, true),
            ("Russia should withdraw.", true, false),
            ("Sanctions will follow should Russia refuse.", false, true),
            ("The weather was nice.", false, false),
            ("The talks resumed on May 12.", false, true),
        ];
        for (text, opinion, fact) in cases {
            let p = tone(text);
            assert_eq!(p.sentences, 1, "{text:?}");
            assert_eq!((p.opinion_sentences == 1, p.fact_sentences == 1), (*opinion, *fact), "{text:?}: {p:?}");
            assert_eq!(p.opinion_share, if *opinion { 1.0 } else { 0.0 });
        }
    }

    #[test]
    fn the_editorial_seed_is_more_opinionated_than_the_wire_report() {
        let editorial = include_str!("../../data/seeds/002_fee694d95e96c373.txt");
        let wire = include_str!("../../data/seeds/003_3ddae123ad0d3eba.txt");
        let (e, w) = (tone(editorial), tone(wire));
        assert!(e.opinion_share > w.opinion_share, "{} vs {}", e.opinion_share, w.opinion_share);
        let entries: Vec<&str> = e.loaded.iter().map(|h| h.entry.as_str()).collect();
        for want in ["incredibly", "stark", "cynical"] {
            assert!(entries.contains(&want), "{want} not in {entries:?}");
        }
        // The wire report quotes "unacceptable demands": not the outlet's word.
        assert!(!w.loaded.iter().any(|h| h.entry == "unacceptable"));
        for (text, p) in [(editorial, &e), (wire, &w)] {
            for h in p.loaded.iter().chain(&p.hedges).chain(&p.attribution) {
                assert_eq!(&text[h.start..h.end], h.text);
            }
        }
    }

    #[test]
    fn seed_shares() {
        for (name, text) in [
            ("000", include_str!("../../data/seeds/000_e8bd50c7991fc38f.txt")),
            ("001", include_str!("../../data/seeds/001_f76da1300c43f52b.txt")),
            ("002", include_str!("../../data/seeds/002_fee694d95e96c373.txt")),
            ("003", include_str!("../../data/seeds/003_3ddae123ad0d3eba.txt")),
            ("004", include_str!("../../data/seeds/004_905a684dd6f29ba4.txt")),
        ] {
            let p = tone(text);
            // Deterministic: the same text gives the same profile.
            assert_eq!(p, tone(text));
            assert!(p.opinion_sentences + p.fact_sentences <= p.sentences);
            eprintln!(
                "seed {name}: {} sentences, {} opinion, {} fact, share {}, {} loaded, {} hedges, {:?}",
                p.sentences,
                p.opinion_sentences,
                p.fact_sentences,
                p.opinion_share,
                p.loaded.len(),
                p.hedges.len(),
                p.attribution_counts
            );
        }
    }

    #[test]
    fn every_category_is_explained_and_lists_are_disjoint() {
        let lex = lexicon::get();
        for (entry, category, _) in lex.loaded.values() {
            assert!(!gloss(CATEGORY_GLOSSES, category).is_empty(), "{entry}: unknown category {category}");
        }
        for (entry, stance) in lex.attribution.values() {
            assert!(!gloss(STANCE_GLOSSES, stance).is_empty(), "{entry}: unknown stance {stance}");
        }
        let both: Vec<&String> = lex.hedges.keys().filter(|k| lex.loaded.contains_key(*k)).collect();
        assert!(both.is_empty(), "in both hedges and loaded words: {both:?}");
        assert!((80..=150).contains(&lex.hedges.len()), "{} hedges", lex.hedges.len());
        assert!((300..=600).contains(&lex.loaded.len()), "{} loaded words", lex.loaded.len());
    }

    #[test]
    fn odd_input_never_panics() {
        for text in ["", "“", "”", "\"", "'", "‘’", "“unclosed brutal\n\n“again", "---", "so-", "-called", "’s", "I'", "should", "May"] {
            let p = tone(text);
            assert!(p.opinion_share >= 0.0 && p.opinion_share <= 1.0);
        }
    }
}
